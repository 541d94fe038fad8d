"""How a PNG or SVG of a map is framed for slides, and its command-line flags (Qt-free:
the parser is built without Qt; app.canvas.slide draws what these options ask)."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

BACKGROUNDS = ("white", "transparent")
FRAMES = ("map", "16:9")


@dataclass
class ImageOptions:
    """How a PNG or SVG of a map is framed."""

    scale: float = 2.0  # pixels (SVG: user units) per model pixel
    dpi: float | None = None  # PNG: sets the scale (96 dpi = 1) and is stored in the file
    frame: str = "map"  # "map": the map's own size; "16:9": padded to a slide's shape
    title: bool = False  # a strip with the map's name, state, persona and date
    legend: bool = False  # a strip with the lane kinds, emotion faces and evidence tags
    background: str = "white"  # or "transparent"
    # Card and marker ids drawn faint: a saved view that dims (app.export.view_apply).
    dimmed: frozenset[str] = frozenset()

    def validate(self) -> None:
        """Raise ValueError naming the choices when a value is not allowed."""
        if self.frame not in FRAMES:
            raise ValueError(f"unknown frame {self.frame!r}; choose map or 16:9")
        if self.background not in BACKGROUNDS:
            raise ValueError(f"unknown background {self.background!r}; choose white or "
                             f"transparent")
        if self.dpi is not None and not 24 <= self.dpi <= 1200:
            raise ValueError(f"dpi {self.dpi:g} is out of range; choose 24 to 1200")
        if not 0.1 <= self.pixel_scale <= 8:
            raise ValueError(f"scale {self.scale:g} is out of range; choose 0.1 to 8")

    @property
    def pixel_scale(self) -> float:
        return self.dpi / 96 if self.dpi is not None else self.scale

    @property
    def framed(self) -> bool:
        return self.title or self.legend or self.frame != "map"


def add_image_arguments(parser: argparse.ArgumentParser) -> None:
    """The PNG/SVG flags of `journey-studio export` (--legend-strip on, a PDF flag, also
    adds the legend strip to a picture)."""
    group = parser.add_argument_group("PNG and SVG options")
    group.add_argument("--scale", type=float, metavar="K",
                       help="pixels per map pixel (PNG default 2, SVG default 1)")
    group.add_argument("--dpi", type=float, metavar="N",
                       help="PNG resolution: 96 dpi is the map's own size; stored in the file")
    group.add_argument("--frame", default="map", metavar="map|16:9",
                       help="16:9: pad the picture to a slide's shape (default: the map's)")
    group.add_argument("--title-strip", action="store_true",
                       help="a strip above the map: name, state, persona and date")
    group.add_argument("--background", default="white", metavar="white|transparent",
                       help="what shows around and behind the map (default white)")


def image_options_from_args(args: argparse.Namespace, svg: bool) -> ImageOptions:
    """ImageOptions from parsed flags; ValueError (one line) on a bad value."""
    scale = getattr(args, "scale", None)
    dpi = getattr(args, "dpi", None)
    if svg and dpi is not None:
        raise ValueError("--dpi is for PNG; an SVG has no pixels (use --scale)")
    if scale is not None and dpi is not None:
        raise ValueError("use either --scale or --dpi, not both")
    options = ImageOptions(
        scale=scale if scale is not None else (1.0 if svg else 2.0), dpi=dpi,
        frame=str(getattr(args, "frame", "map")).strip().casefold(),
        title=bool(getattr(args, "title_strip", False)),
        # --legend-strip (shared with the PDF): "on" adds the strip under the picture.
        legend=str(getattr(args, "legend_strip", "auto")).strip().casefold() == "on",
        background=str(getattr(args, "background", "white")).strip().casefold())
    options.validate()
    return options
