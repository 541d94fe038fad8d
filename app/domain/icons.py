"""One line-icon set for channels, lane kinds and the palette, defined as data.

Every icon is a list of stroke-only primitives in a 24×24 box (y grows downwards),
drawn with a 1.75 px round-capped stroke. The canvas draws them with QPainter, the PDF
with ReportLab and `resources/icons/*.svg` are generated from the same data, so the
palette, the cards, the legend and the printout always show the same pictures.

Run `python -m app.domain.icons` to rewrite the SVG files after changing the data.
"""

from __future__ import annotations

import math
import pathlib
import re
import sys
from dataclasses import dataclass

from app.domain.model import LaneKind
from app.resources import resource

BOX = 24.0
STROKE_WIDTH = 1.75
ICON_DIR = resource("icons")


@dataclass(frozen=True)
class Line:
    """A straight segment."""

    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Polyline:
    """Connected segments, closed back to the first point when `closed`."""

    points: tuple[tuple[float, float], ...]
    closed: bool = False


@dataclass(frozen=True)
class Circle:
    """A circle outline (a tiny radius draws a dot with the round stroke)."""

    cx: float
    cy: float
    r: float


@dataclass(frozen=True)
class Rect:
    """A rectangle outline with rounded corners of radius `r`."""

    x: float
    y: float
    w: float
    h: float
    r: float = 0.0


@dataclass(frozen=True)
class Arc:
    """Part of a circle from `start` sweeping `sweep` degrees (clockwise on screen, y-down)."""

    cx: float
    cy: float
    r: float
    start: float
    sweep: float

    def point(self, degrees: float) -> tuple[float, float]:
        """The point of the circle at this angle (0° = right, 90° = down)."""
        a = math.radians(degrees)
        return (self.cx + self.r * math.cos(a), self.cy + self.r * math.sin(a))


@dataclass(frozen=True)
class Path:
    """An SVG-like path using only M, L, C and Z with absolute coordinates."""

    d: str

    def commands(self) -> list[tuple[str, tuple[float, ...]]]:
        """The path as (command, numbers) pairs, e.g. ("C", (x1, y1, x2, y2, x, y))."""
        out: list[tuple[str, tuple[float, ...]]] = []
        for op, args in re.findall(r"([MLCZ])([^MLCZ]*)", self.d.upper()):
            numbers = tuple(float(n) for n in re.findall(r"-?\d*\.?\d+", args))
            arity = {"M": 2, "L": 2, "C": 6, "Z": 0}[op]
            if op == "Z":
                out.append(("Z", ()))
                continue
            for i in range(0, len(numbers), arity):
                out.append((op if i == 0 or op != "M" else "L", numbers[i:i + arity]))
        return out


Primitive = Line | Polyline | Circle | Rect | Arc | Path


def _dots(y: float, *xs: float) -> list[Primitive]:
    return [Circle(x, y, 0.35) for x in xs]


ICONS: dict[str, list[Primitive]] = {
    # -- channels --------------------------------------------------------------------------
    "website": [
        Circle(12, 12, 9),
        Path("M12 3 C8.4 6.4 8.4 17.6 12 21"),
        Path("M12 3 C15.6 6.4 15.6 17.6 12 21"),
        Line(3, 12, 21, 12),
        Line(4.4, 7.5, 19.6, 7.5),
        Line(4.4, 16.5, 19.6, 16.5),
    ],
    "mobile-app": [Rect(6.5, 2.5, 11, 19, 2.2), Line(10.8, 18, 13.2, 18)],
    "store": [
        Polyline(((3, 9), (4.8, 4), (19.2, 4), (21, 9)), closed=True),
        Polyline(((4.5, 9), (4.5, 20.5), (19.5, 20.5), (19.5, 9))),
        Polyline(((10, 20.5), (10, 14.5), (14, 14.5), (14, 20.5))),
    ],
    "social": [
        Circle(6, 12, 2.6),
        Circle(18, 5.5, 2.6),
        Circle(18, 18.5, 2.6),
        Line(8.3, 10.8, 15.7, 6.8),
        Line(8.3, 13.2, 15.7, 17.2),
    ],
    "email": [Rect(3, 5.5, 18, 13, 2), Polyline(((3.6, 7.2), (12, 13), (20.4, 7.2)))],
    "phone": [
        Path("M6.5 3.5 L9.5 3.5 L11 7.5 L9 9 C10 11.5 12.5 14 15 15 L16.5 13 L20.5 14.5 "
             "L20.5 17.5 C20.5 19 19.5 20.5 17.5 20.5 C10 20 4 14 3.5 6.5 "
             "C3.5 4.7 4.8 3.5 6.5 3.5 Z"),
    ],
    "ads": [
        Path("M3.5 9.5 L7.5 9.5 L16 4.5 L16 19.5 L7.5 14.5 L3.5 14.5 Z"),
        Polyline(((7.5, 14.5), (9, 20.5), (11.5, 20.5), (10.5, 15.8))),
        Line(19.5, 10, 19.5, 14),
    ],
    "search": [Circle(10.5, 10.5, 6.5), Line(15.3, 15.3, 20.5, 20.5)],
    "referral": [
        Circle(9, 7.5, 3.3),
        Path("M3 20.5 C3 16.3 5.7 13.5 9 13.5 C12.3 13.5 15 16.3 15 20.5"),
        Circle(17, 8.5, 2.5),
        Path("M16.8 13.6 C19.4 13.9 21 16.3 21 19.5"),
    ],
    "chat": [
        Path("M6 4 L18 4 C19.7 4 21 5.3 21 7 L21 14 C21 15.7 19.7 17 18 17 L11.5 17 "
             "L7 20.5 L7 17 L6 17 C4.3 17 3 15.7 3 14 L3 7 C3 5.3 4.3 4 6 4 Z"),
        *_dots(10.5, 8, 12, 16),
    ],
    "office": [
        Rect(5, 3, 14, 18, 1.2),
        Line(8.5, 7, 10, 7),
        Line(14, 7, 15.5, 7),
        Line(8.5, 11, 10, 11),
        Line(14, 11, 15.5, 11),
        Polyline(((10.3, 21), (10.3, 16), (13.7, 16), (13.7, 21))),
    ],
    "event": [
        Rect(3.5, 5, 17, 15.5, 2),
        Line(3.5, 10, 20.5, 10),
        Line(8, 3, 8, 7),
        Line(16, 3, 16, 7),
        Rect(13.5, 13.5, 3.5, 3.5, 0.6),
    ],
    "other": [Circle(12, 12, 9), *_dots(12, 8, 12, 16)],
    # -- lane kinds ------------------------------------------------------------------------
    "touchpoints": [
        Path("M12 21 C12 21 5 14.6 5 9.6 C5 5.8 8.1 3 12 3 C15.9 3 19 5.8 19 9.6 "
             "C19 14.6 12 21 12 21 Z"),
        Circle(12, 9.6, 2.6),
    ],
    "actions": [Path("M5.5 3 L5.5 18.5 L9.6 14.8 L12.4 21 L14.9 19.9 L12.2 13.8 L17.8 13.8 Z")],
    "thoughts": [Rect(3, 3.5, 18, 12, 6), Circle(7.5, 18.6, 1.5), Circle(4.4, 21.2, 0.7)],
    "emotions": [
        Circle(12, 12, 9),
        Path("M8 14.2 C9.6 16.8 14.4 16.8 16 14.2"),
        *_dots(9.6, 9, 15),
    ],
    "pains": [
        Path("M12 3.5 L21.5 20 L2.5 20 Z"),
        Line(12, 9.5, 12, 14),
        Circle(12, 17, 0.35),
    ],
    "opportunities": [
        Path("M9 15.6 C7.2 14.4 6 12.4 6 10 C6 6.7 8.7 4 12 4 C15.3 4 18 6.7 18 10 "
             "C18 12.4 16.8 14.4 15 15.6 L15 18 L9 18 Z"),
        Line(10, 21, 14, 21),
    ],
    "backstage": [
        Polyline(((12, 3), (21, 7.8), (12, 12.6), (3, 7.8)), closed=True),
        Polyline(((3, 12.2), (12, 17), (21, 12.2))),
        Polyline(((3, 16.4), (12, 21.2), (21, 16.4))),
    ],
    "metrics": [
        Polyline(((3, 3), (3, 21), (21, 21))),
        Polyline(((7, 16), (11, 10.5), (14, 13.5), (20, 6.5))),
    ],
    "text": [
        Rect(4.5, 3, 15, 18, 2),
        Line(8, 8, 16, 8),
        Line(8, 12, 16, 12),
        Line(8, 16, 13, 16),
    ],
    # -- palette sections ------------------------------------------------------------------
    "stage": [Rect(3, 4, 18, 16, 2), Line(9, 4, 9, 20), Line(15, 4, 15, 20)],
    "lane": [Rect(3, 4, 18, 16, 2), Line(3, 9.3, 21, 9.3), Line(3, 14.7, 21, 14.7)],
    "persona": [Circle(12, 8, 4), Path("M4 21 C4 16.6 7.6 13.5 12 13.5 C16.4 13.5 20 16.6 20 21")],
}

CHANNEL_ICONS = ("website", "mobile-app", "store", "social", "email", "phone", "ads",
                 "search", "referral", "chat", "office", "event", "other")
LANE_ICONS = tuple(kind.value for kind in LaneKind)


def icon_name(name: str | None) -> str:
    """The icon to draw for a channel/kind key: unknown keys fall back to "other"."""
    return name if name in ICONS else "other"


def _fmt(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


def _svg_element(p: Primitive) -> str:
    if isinstance(p, Line):
        return (f'<line x1="{_fmt(p.x1)}" y1="{_fmt(p.y1)}" x2="{_fmt(p.x2)}" '
                f'y2="{_fmt(p.y2)}"/>')
    if isinstance(p, Polyline):
        tag = "polygon" if p.closed else "polyline"
        points = " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in p.points)
        return f'<{tag} points="{points}"/>'
    if isinstance(p, Circle):
        return f'<circle cx="{_fmt(p.cx)}" cy="{_fmt(p.cy)}" r="{_fmt(p.r)}"/>'
    if isinstance(p, Rect):
        radius = f' rx="{_fmt(p.r)}"' if p.r else ""
        return (f'<rect x="{_fmt(p.x)}" y="{_fmt(p.y)}" width="{_fmt(p.w)}" '
                f'height="{_fmt(p.h)}"{radius}/>')
    if isinstance(p, Arc):
        (x0, y0), (x1, y1) = p.point(p.start), p.point(p.start + p.sweep)
        large = 1 if abs(p.sweep) > 180 else 0
        sweep = 1 if p.sweep > 0 else 0
        return (f'<path d="M{_fmt(x0)} {_fmt(y0)} A{_fmt(p.r)} {_fmt(p.r)} 0 {large} {sweep} '
                f'{_fmt(x1)} {_fmt(y1)}"/>')
    parts: list[str] = []
    for op, numbers in p.commands():
        parts.append(op + " ".join(_fmt(n) for n in numbers))
    return f'<path d="{" ".join(parts)}"/>'


def icon_svg(name: str, color: str = "#1F2328") -> str:
    """A standalone SVG document of one icon, stroked in `color`."""
    body = "\n  ".join(_svg_element(p) for p in ICONS[icon_name(name)])
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" '
        f'fill="none" stroke="{color}" stroke-width="{_fmt(STROKE_WIDTH)}" '
        'stroke-linecap="round" stroke-linejoin="round">\n'
        f"  {body}\n</svg>\n"
    )


def write_icons(directory: pathlib.Path = ICON_DIR, color: str = "#1F2328") -> list[pathlib.Path]:
    """Write every icon as `<name>.svg` into `directory`; return the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in ICONS:
        path = directory / f"{name}.svg"
        path.write_text(icon_svg(name, color), encoding="utf-8")
        written.append(path)
    return written


def stale_icons(directory: pathlib.Path = ICON_DIR, color: str = "#1F2328") -> list[str]:
    """Names whose SVG file is missing or differs from the data (empty when in sync)."""
    stale = []
    for name in ICONS:
        path = directory / f"{name}.svg"
        if not path.exists() or path.read_text(encoding="utf-8") != icon_svg(name, color):
            stale.append(name)
    return stale


def main(argv: list[str] | None = None) -> int:
    """Regenerate resources/icons (or check them with --check)."""
    args = sys.argv[1:] if argv is None else argv
    if "--check" in args:
        stale = stale_icons()
        if stale:
            print("stale icons: " + ", ".join(stale))
            return 1
        return 0
    for path in write_icons():
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
