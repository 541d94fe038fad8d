"""Painting helpers shared by the canvas items: colours, pens, faces, stars, chips."""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from app.canvas import text
from app.domain import style

CURVE_COLOR = style.CURVE_COLOR
FAVOURITE_COLOR = style.FAVOURITE_COLOR
HEADER_ALT_FILL = "#EFF2F6"
BODY_TEXT = "#3A4048"
HOVER_ALPHA = 150
HALO_ALPHA = 70


@lru_cache(maxsize=512)
def qcolor(hex_value: str, alpha: int = 255) -> QColor:
    """A QColor from "#RRGGBB" (grey for anything malformed), with an alpha 0..255."""
    c = QColor(hex_value)
    if not c.isValid():
        c = QColor("#999999")
    c.setAlpha(alpha)
    return c


@lru_cache(maxsize=256)
def pen(hex_value: str, width: float = 1.0, alpha: int = 255, dashed: bool = False) -> QPen:
    """A cached pen; dashed pens use short dashes that read well at every zoom."""
    p = QPen(qcolor(hex_value, alpha), width)
    if dashed:
        p.setStyle(Qt.PenStyle.CustomDashLine)
        p.setDashPattern([4.0, 3.0])
    p.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return p


@lru_cache(maxsize=256)
def brush(hex_value: str, alpha: int = 255) -> QBrush:
    """A cached solid brush."""
    return QBrush(qcolor(hex_value, alpha))


def selection_outline(painter: QPainter, rect: QRectF, radius: float) -> None:
    """The accent selection outline with its soft halo."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(pen(style.ACCENT, 6.0, HALO_ALPHA))
    painter.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), radius + 1, radius + 1)
    painter.setPen(pen(style.ACCENT, 2.0))
    painter.drawRoundedRect(rect, radius, radius)


def hover_outline(painter: QPainter, rect: QRectF, radius: float) -> None:
    """The light outline shown under the pointer."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(pen(style.ACCENT, 1.5, HOVER_ALPHA))
    painter.drawRoundedRect(rect, radius, radius)


def draw_lines(painter: QPainter, lines: list[str], x: float, top: float, size: float,
               bold: bool, color: str) -> float:
    """Draw lines of text from `top`; return the y below the last line."""
    if not lines:
        return top
    painter.setFont(text.font(size, bold))
    painter.setPen(qcolor(color))
    ascent = text.metrics(size, bold).ascent()
    step = round(size * style.LINE_SPACING, 2)
    y = top + (step - size) / 2
    for line in lines:
        painter.drawText(QPointF(x, y + ascent), line)
        y += step
    return top + step * len(lines)


def face(painter: QPainter, center: QPointF, r: float, score: int, alpha: int = 255) -> None:
    """An emotion face as vector shapes: a coloured disc, eyes, a mouth bent by the score."""
    score = max(-2, min(2, round(score)))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(pen("#FFFFFF", max(1.2, r * 0.13), alpha))
    painter.setBrush(brush(style.emotion_color(score), alpha))
    painter.drawEllipse(center, r, r)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(brush("#FFFFFF", alpha))
    eye = r * 0.12
    cx, cy = center.x(), center.y()
    painter.drawEllipse(QPointF(cx - r * 0.34, cy - r * 0.22), eye, eye)
    painter.drawEllipse(QPointF(cx + r * 0.34, cy - r * 0.22), eye, eye)
    w, my = r * 0.48, cy + r * 0.3
    bend = {2: 0.42, 1: 0.22, 0: 0.0, -1: -0.2, -2: -0.36}[score] * r
    mouth = QPainterPath(QPointF(cx - w, my - bend * 0.35))
    mouth.cubicTo(cx - w * 0.4, my + bend, cx + w * 0.4, my + bend, cx + w, my - bend * 0.35)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(pen("#FFFFFF", r * 0.14, alpha))
    painter.drawPath(mouth)


@lru_cache(maxsize=32)
def _star_polygon(r: float) -> QPolygonF:
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.45
        a = math.radians(-90 + i * 36)
        points.append(QPointF(radius * math.cos(a), radius * math.sin(a)))
    return QPolygonF(points)


def star(painter: QPainter, center: QPointF, r: float) -> None:
    """The favourite-touchpoint star (filled gold, thin white rim)."""
    painter.save()
    painter.translate(center)
    painter.setPen(pen("#FFFFFF", 1.2))
    painter.setBrush(brush(FAVOURITE_COLOR))
    painter.drawPolygon(_star_polygon(r))
    painter.restore()


def chip(painter: QPainter, x: float, y: float, label: str, color: str, max_w: float) -> float:
    """A small rounded label; returns its width (0 when there is no room)."""
    m = text.metrics(style.SMALL_SIZE)
    shown = m.elidedText(label, Qt.TextElideMode.ElideRight, max(0.0, max_w - 12))
    if not shown or max_w < 24:
        return 0.0
    w = m.horizontalAdvance(shown) + 12
    rect = QRectF(x, y, w, 16)
    painter.setPen(pen(color, 1.0, 160))
    painter.setBrush(brush("#FFFFFF"))
    painter.drawRoundedRect(rect, 8, 8)
    painter.setFont(text.font(style.SMALL_SIZE))
    painter.setPen(qcolor(color))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, shown)
    return w


def arrow(painter: QPainter, center: QPointF, up: bool, size: float, color: str) -> None:
    """A small filled triangle pointing up or down."""
    h = size / 2 if up else -size / 2
    cx, cy = center.x(), center.y()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(brush(color))
    painter.drawPolygon(QPolygonF([QPointF(cx - size / 2, cy + h), QPointF(cx + size / 2, cy + h),
                                   QPointF(cx, cy - h)]))
