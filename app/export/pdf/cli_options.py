"""Command-line flags of `journey-studio export` for PDF, and their conversion to PdfOptions."""

from __future__ import annotations

import argparse
import os
from typing import cast

from app.export.pdf.options import PAGE_CHOICES, PdfExportError, PdfOptions


def add_pdf_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the PDF flags (--map, --all-maps, --page, --orientation, --fit, --no-…)."""
    group = parser.add_argument_group("PDF options")
    group.add_argument("--map", dest="map_names", action="append", metavar="NAME",
                       help="export the map with this name (repeatable; default: the first map)")
    group.add_argument("--all-maps", action="store_true",
                       help="export every map of the project, one bookmark per map")
    group.add_argument("--page", default="A3", metavar="SIZE",
                       help=f"page size: {', '.join(PAGE_CHOICES)} (default A3)")
    group.add_argument("--orientation", default="landscape", metavar="landscape|portrait",
                       help="page orientation (default landscape)")
    group.add_argument("--fit", default="auto", metavar="auto|page|width:N|actual",
                       help="auto: as few pages as keep the text at 7 pt or more (default); "
                            "page: the whole map on one sheet; width:N: N pages wide; "
                            "actual: actual size")
    for part in ("cover", "persona", "legend", "insights"):
        group.add_argument(f"--no-{part}", dest=f"no_{part}", action="store_true",
                           help=f"leave out the {part} page")
    group.add_argument("--legend-strip", default="auto", metavar="auto|on|off",
                       help="a one-line legend under the map on every map page (auto: on "
                            "for --fit page and for A2, A1, A0 and fit-content); PNG and SVG: "
                            "on adds it under the picture")
    group.add_argument("--wheel", action="store_true",
                       help="add an experience wheel page after each map (the map as a circle: "
                            "before / during / after, faces, touchpoints, pains); PNG and SVG: "
                            "draw the wheel instead of the map")
    group.add_argument("--wheel-only", action="store_true",
                       help="print only the experience wheel, one page per map")
    group.add_argument("--compare", nargs=2, metavar=("LEFT", "RIGHT"),
                       help="add a compare page: LEFT (before) vs RIGHT (after), each a map or "
                            "snapshot name; prefix map: or snapshot: when a name is both")
    group.add_argument("--reproducible", action="store_true",
                       help="byte-identical output for identical input (no timestamps)")


def _text(value: str) -> str:
    """A name typed as UTF-8 under a non-UTF-8 locale arrives surrogate-escaped: decode it."""
    if any("\udc80" <= ch <= "\udcff" for ch in value):
        try:
            return os.fsencode(value).decode("utf-8")
        except UnicodeError:
            return value
    return value


def options_from_args(args: argparse.Namespace) -> PdfOptions:
    """PdfOptions from parsed flags; PdfExportError on a bad or contradictory value."""
    names = getattr(args, "map_names", None) or None
    all_maps = bool(getattr(args, "all_maps", False))
    if names and all_maps:
        raise PdfExportError("use either --map NAME or --all-maps, not both")
    compare = [_text(r) for r in getattr(args, "compare", None) or ()]
    options = PdfOptions(
        page=str(getattr(args, "page", "A3")),
        orientation=str(getattr(args, "orientation", "landscape")).strip().casefold(),
        fit=str(getattr(args, "fit", "auto")).strip().casefold(),
        map_names=list(names) if names else None,
        all_maps=all_maps,
        cover=not getattr(args, "no_cover", False),
        persona=not getattr(args, "no_persona", False),
        legend=not getattr(args, "no_legend", False),
        legend_strip=str(getattr(args, "legend_strip", "auto")),
        insights=not getattr(args, "no_insights", False),
        wheel="only" if getattr(args, "wheel_only", False) else (
            "on" if getattr(args, "wheel", False) else "off"),
        reproducible=bool(getattr(args, "reproducible", False)),
        compare=cast("tuple[str, str]", tuple(compare)) if compare else None,  # nargs=2
        language=getattr(args, "lang", None),  # --lang, shared with PNG and SVG (app.cli)
    )
    options.validate()
    return options
