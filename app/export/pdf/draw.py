"""Small vector drawings shared by every page: colours, emotion faces, channel icons.

Faces and icons are drawn in a y-down box (the map's coordinate system); pages that use
ReportLab's y-up points wrap them in `y_down_box`.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from app.domain import icons, style


@lru_cache(maxsize=256)
def color(hex_value: str, alpha: float = 1.0) -> Color:
    """A ReportLab colour from "#RRGGBB" (grey for anything malformed)."""
    try:
        c = HexColor(hex_value)
    except (ValueError, TypeError):
        c = HexColor("#999999")
    return Color(c.red, c.green, c.blue, alpha) if alpha < 1 else c


@lru_cache(maxsize=256)
def mix(hex_value: str, toward: str = "#FFFFFF", amount: float = 0.5) -> Color:
    """`hex_value` blended toward another colour (opaque tints print reliably)."""
    a, b = color(hex_value), color(toward)
    return Color(a.red + (b.red - a.red) * amount, a.green + (b.green - a.green) * amount,
                 a.blue + (b.blue - a.blue) * amount)


@contextmanager
def y_down_box(c: Canvas, x: float, top: float, scale: float = 1.0) -> Iterator[None]:
    """Within the block, (0, 0) is (x, top) on a y-up page and y grows downwards."""
    c.saveState()
    c.translate(x, top)
    c.scale(scale, -scale)
    try:
        yield
    finally:
        c.restoreState()


def face(c: Canvas, cx: float, cy: float, r: float, score: int) -> None:
    """An emotion face (y-down): coloured disc, eyes, and a mouth curved by the score."""
    score = max(-2, min(2, round(score)))
    c.setFillColor(color(style.emotion_color(score)))
    c.setStrokeColor(color("#FFFFFF"))
    c.setLineWidth(max(0.8, r * 0.12))
    c.circle(cx, cy, r, stroke=1, fill=1)
    c.setFillColor(color("#FFFFFF"))
    eye_r = r * 0.11
    c.circle(cx - r * 0.34, cy - r * 0.22, eye_r, stroke=0, fill=1)
    c.circle(cx + r * 0.34, cy - r * 0.22, eye_r, stroke=0, fill=1)
    c.setLineWidth(r * 0.13)
    c.setLineCap(1)
    w, my = r * 0.48, cy + r * 0.3
    bend = {2: 0.42, 1: 0.22, 0: 0.0, -1: -0.2, -2: -0.36}[score] * r
    p = c.beginPath()
    p.moveTo(cx - w, my - bend * 0.35)
    p.curveTo(cx - w * 0.4, my + bend, cx + w * 0.4, my + bend, cx + w, my - bend * 0.35)
    c.drawPath(p, stroke=1, fill=0)
    c.setLineCap(0)


def severity_dots(c: Canvas, right: float, cy: float, severity: int, hex_value: str) -> None:
    """1–3 dots (filled up to the severity) ending at `right`."""
    filled = max(1, min(3, severity))
    c.setStrokeColor(color(hex_value))
    c.setLineWidth(1)
    for i in range(3):
        x = right - 3.5 - i * 8
        c.setFillColor(color(hex_value) if 2 - i < filled else color("#FFFFFF"))
        c.circle(x, cy, 3, stroke=1, fill=1)


def _icon_path(c: Canvas, name: str) -> PDFPathObject:
    """The shared icon's primitives (app.domain.icons, 24×24, y-down) as one path."""
    p = c.beginPath()
    for prim in icons.ICONS[icons.icon_name(name)]:
        if isinstance(prim, icons.Line):
            p.moveTo(prim.x1, prim.y1)
            p.lineTo(prim.x2, prim.y2)
        elif isinstance(prim, icons.Polyline):
            p.moveTo(*prim.points[0])
            for point in prim.points[1:]:
                p.lineTo(*point)
            if prim.closed:
                p.close()
        elif isinstance(prim, icons.Circle):
            p.circle(prim.cx, prim.cy, prim.r)
        elif isinstance(prim, icons.Rect):
            if prim.r:
                p.roundRect(prim.x, prim.y, prim.w, prim.h, prim.r)
            else:
                p.rect(prim.x, prim.y, prim.w, prim.h)
        elif isinstance(prim, icons.Arc):
            # In a y-down space ReportLab's angles turn clockwise on the page, as the data's.
            p.arc(prim.cx - prim.r, prim.cy - prim.r, prim.cx + prim.r, prim.cy + prim.r,
                  startAng=prim.start, extent=prim.sweep)  # type: ignore[arg-type]  # stub: int
        else:
            for op, n in prim.commands():
                if op == "M":
                    p.moveTo(*n)
                elif op == "L":
                    p.lineTo(*n)
                elif op == "C":
                    p.curveTo(*n)
                else:
                    p.close()
    return p


def channel_icon(c: Canvas, key: str, x: float, y: float, size: float, hex_value: str) -> None:
    """The shared line icon in a size×size box with top-left (x, y), y-down.

    Each icon and colour is written once as a form XObject and then only referenced:
    a 5,000-card map repeats a dozen icons hundreds of times.
    """
    forms = c.__dict__.setdefault("_journey_icon_forms", set())
    name = f"icon-{icons.icon_name(key)}-{hex_value.lstrip('#')}"
    if name not in forms:
        c.beginForm(name, -2, -2, icons.BOX + 2, icons.BOX + 2)
        c.setStrokeColor(color(hex_value))
        c.setLineWidth(icons.STROKE_WIDTH)
        c.setLineJoin(1)
        c.setLineCap(1)
        c.drawPath(_icon_path(c, key), stroke=1, fill=0)
        c.endForm()
        forms.add(name)
    c.saveState()
    c.translate(x, y)
    k = size / icons.BOX
    c.scale(k, k)
    c.doForm(name)
    c.restoreState()


def arrow(c: Canvas, x: float, y: float, up: bool, size: float, hex_value: str) -> None:
    """A small filled triangle pointing up or down, centred on (x, y), y-down."""
    c.setFillColor(color(hex_value))
    h = size * 0.5 if up else -size * 0.5
    p = c.beginPath()
    p.moveTo(x - size / 2, y + h)
    p.lineTo(x + size / 2, y + h)
    p.lineTo(x, y - h)
    p.close()
    c.drawPath(p, stroke=0, fill=1)


def ring(c: Canvas, cx: float, cy: float, r: float, fraction: float, hex_value: str, width: float
         ) -> None:
    """A progress ring: a grey circle and an arc for `fraction` (0..1), clockwise from top."""
    c.setLineWidth(width)
    c.setStrokeColor(color("#E3E6EA"))
    c.circle(cx, cy, r, stroke=1, fill=0)
    if fraction > 0:
        c.setStrokeColor(color(hex_value))
        c.setLineCap(1)
        extent = -360 * max(0.0, min(1.0, fraction))
        p = c.beginPath()
        p.arc(cx - r, cy - r, cx + r, cy + r, startAng=90, extent=extent)  # type: ignore[arg-type]
        c.drawPath(p, stroke=1, fill=0)
        c.setLineCap(0)


def star(c: Canvas, cx: float, cy: float, radius: float, hex_value: str = style.FAVOURITE_COLOR,
         outline: bool = False) -> None:
    """A five-pointed star (the favourite mark), point up in a y-down box."""
    p = c.beginPath()
    for i in range(10):
        rad = radius if i % 2 == 0 else radius * 0.43
        a = -math.pi / 2 + i * math.pi / 5
        (p.moveTo if i == 0 else p.lineTo)(cx + rad * math.cos(a), cy + rad * math.sin(a))
    p.close()
    c.setFillColor(color(hex_value))
    if outline:
        c.setStrokeColor(color("#FFFFFF"))
        c.setLineWidth(0.8)
    c.drawPath(p, stroke=1 if outline else 0, fill=1)


def vote_tag(c: Canvas, x: float, cy: float, width: float, height: float) -> None:
    """The pill of a card's voting dots from x, centred on cy (as the editor draws it); the
    caller writes "● N" in it, in white."""
    c.setFillColor(color(style.VOTE_DOT_COLOR))
    c.roundRect(x, cy - height / 2, width, height, height / 2, stroke=0, fill=1)


def evidence_tag(c: Canvas, x: float, cy: float, width: float, height: float, value: str,
                 k: float = 1.0) -> None:
    """The evidence pill (see style.EVIDENCE_COLORS) from x, centred on cy; the caller
    writes the word in it."""
    fill, line, _text = style.EVIDENCE_COLORS.get(value, style.EVIDENCE_COLORS["assumed"])
    c.setFillColor(color(fill))
    c.setStrokeColor(color(line))
    c.setLineWidth(0.9 * k)
    if value in style.EVIDENCE_DASHED:
        c.setDash(2.5 * k, 1.5 * k)
    c.roundRect(x, cy - height / 2, width, height, height / 2, stroke=1, fill=1)
    c.setDash()
