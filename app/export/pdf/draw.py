"""Small vector drawings shared by every page: colours, emotion faces, channel icons.

Faces and icons are drawn in a y-down box (the map's coordinate system); pages that use
ReportLab's y-up points wrap them in `y_down_box`.
"""

from __future__ import annotations

import math
from contextlib import contextmanager
from functools import lru_cache

from reportlab.lib.colors import Color, HexColor

from app.domain import style


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
def y_down_box(c, x: float, top: float, scale: float = 1.0):
    """Within the block, (0, 0) is (x, top) on a y-up page and y grows downwards."""
    c.saveState()
    c.translate(x, top)
    c.scale(scale, -scale)
    try:
        yield
    finally:
        c.restoreState()


def face(c, cx: float, cy: float, r: float, score: int) -> None:
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


def severity_dots(c, right: float, cy: float, severity: int, hex_value: str) -> None:
    """1–3 dots (filled up to the severity) ending at `right`."""
    filled = max(1, min(3, severity))
    c.setStrokeColor(color(hex_value))
    c.setLineWidth(1)
    for i in range(3):
        x = right - 3.5 - i * 8
        c.setFillColor(color(hex_value) if 2 - i < filled else color("#FFFFFF"))
        c.circle(x, cy, 3, stroke=1, fill=1)


def _line(c, *points: float) -> None:
    p = c.beginPath()
    p.moveTo(points[0], points[1])
    for i in range(2, len(points), 2):
        p.lineTo(points[i], points[i + 1])
    c.drawPath(p, stroke=1, fill=0)


def _icon_strokes(c, key: str) -> None:
    """One 16×16 line icon (y-down), stroked in the current colour."""
    if key == "website":
        c.circle(8, 8, 6.5)
        c.ellipse(5, 1.5, 11, 14.5)
        _line(c, 1.5, 8, 14.5, 8)
        _line(c, 2.8, 4.5, 13.2, 4.5)
        _line(c, 2.8, 11.5, 13.2, 11.5)
    elif key == "mobile-app":
        c.roundRect(4, 1, 8, 14, 1.6)
        _line(c, 7, 12.6, 9, 12.6)
    elif key == "store":
        _line(c, 2, 6, 3.5, 2, 12.5, 2, 14, 6, 2, 6)
        c.rect(3, 6, 10, 8.5)
        c.rect(6.5, 9.5, 3, 5)
    elif key == "social":
        c.circle(4, 8, 2)
        c.circle(12, 3.6, 2)
        c.circle(12, 12.4, 2)
        _line(c, 5.8, 7, 10.2, 4.6)
        _line(c, 5.8, 9, 10.2, 11.4)
    elif key == "email":
        c.rect(1.5, 3.5, 13, 9)
        _line(c, 1.5, 3.5, 8, 9, 14.5, 3.5)
    elif key == "phone":
        p = c.beginPath()
        p.moveTo(4, 1.5)
        p.lineTo(6.5, 4.5)
        p.lineTo(5, 6.5)
        p.curveTo(6, 9, 7, 10, 9.5, 11)
        p.lineTo(11.5, 9.5)
        p.lineTo(14.5, 12)
        p.lineTo(12.5, 14.5)
        p.curveTo(6, 14, 2, 10, 1.5, 3.5)
        p.close()
        c.drawPath(p, stroke=1, fill=0)
    elif key == "ads":
        _line(c, 2, 6, 9, 6, 14, 2.5, 14, 13.5, 9, 10, 2, 10, 2, 6)
        _line(c, 4.5, 10, 5.5, 14.5, 8, 14.5, 7.5, 10)
    elif key == "search":
        c.circle(6.5, 6.5, 4.8)
        _line(c, 10, 10, 14.5, 14.5)
    elif key == "referral":
        c.circle(5.5, 5, 2.4)
        c.circle(11.5, 6, 2)
        _line(c, 1.5, 14, 1.8, 11, 5.5, 9, 9.2, 11, 9.5, 14)
        _line(c, 10.5, 14, 10.6, 11.5, 11.5, 10, 14.5, 11.5, 14.7, 14)
    elif key == "chat":
        p = c.beginPath()
        p.roundRect(1.5, 2, 13, 9, 2.5)
        c.drawPath(p, stroke=1, fill=0)
        _line(c, 4.5, 11, 4, 14.5, 8, 11)
        for x in (5, 8, 11):
            c.circle(x, 6.5, 0.5, stroke=1, fill=1)
    elif key == "office":
        c.rect(3, 1.5, 10, 13)
        for y in (4, 7, 10):
            _line(c, 5.5, y, 6.5, y)
            _line(c, 9.5, y, 10.5, y)
        _line(c, 7, 14.5, 7, 12, 9, 12, 9, 14.5)
    elif key == "event":
        c.rect(1.5, 3, 13, 11.5)
        _line(c, 1.5, 6.5, 14.5, 6.5)
        _line(c, 5, 1.5, 5, 4.5)
        _line(c, 11, 1.5, 11, 4.5)
        c.rect(9, 9, 3, 3, stroke=1, fill=1)
    else:  # "other" and unknown keys
        c.circle(8, 8, 6.5)
        for x in (5, 8, 11):
            c.circle(x, 8, 0.6, stroke=1, fill=1)


def channel_icon(c, key: str, x: float, y: float, size: float, hex_value: str) -> None:
    """The channel's line icon in a size×size box with top-left (x, y), y-down."""
    c.saveState()
    c.translate(x, y)
    k = size / 16.0
    c.scale(k, k)
    c.setStrokeColor(color(hex_value))
    c.setFillColor(color(hex_value))
    c.setLineWidth(1.4)
    c.setLineJoin(1)
    c.setLineCap(1)
    _icon_strokes(c, key)
    c.restoreState()


def arrow(c, x: float, y: float, up: bool, size: float, hex_value: str) -> None:
    """A small filled triangle pointing up or down, centred on (x, y), y-down."""
    c.setFillColor(color(hex_value))
    h = size * 0.5 if up else -size * 0.5
    p = c.beginPath()
    p.moveTo(x - size / 2, y + h)
    p.lineTo(x + size / 2, y + h)
    p.lineTo(x, y - h)
    p.close()
    c.drawPath(p, stroke=0, fill=1)


def ring(c, cx: float, cy: float, r: float, fraction: float, hex_value: str, width: float
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
        p.arc(cx - r, cy - r, cx + r, cy + r, startAng=90, extent=extent)
        c.drawPath(p, stroke=1, fill=0)
        c.setLineCap(0)


def star(c, cx: float, cy: float, radius: float, hex_value: str = style.FAVOURITE_COLOR,
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
