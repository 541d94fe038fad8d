"""Draw the shared line icons (app.domain.icons) with QPainter, and as QIcons."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from app.domain import icons as data


@lru_cache(maxsize=64)
def icon_path(name: str) -> QPainterPath:
    """The icon's strokes as one path in its 24×24 box."""
    path = QPainterPath()
    for p in data.ICONS[data.icon_name(name)]:
        if isinstance(p, data.Line):
            path.moveTo(p.x1, p.y1)
            path.lineTo(p.x2, p.y2)
        elif isinstance(p, data.Polyline):
            path.moveTo(*p.points[0])
            for point in p.points[1:]:
                path.lineTo(*point)
            if p.closed:
                path.closeSubpath()
        elif isinstance(p, data.Circle):
            path.addEllipse(QPointF(p.cx, p.cy), p.r, p.r)
        elif isinstance(p, data.Rect):
            path.addRoundedRect(QRectF(p.x, p.y, p.w, p.h), p.r, p.r)
        elif isinstance(p, data.Arc):
            box = QRectF(p.cx - p.r, p.cy - p.r, 2 * p.r, 2 * p.r)
            path.arcMoveTo(box, -p.start)
            path.arcTo(box, -p.start, -p.sweep)  # Qt's angles turn counter-clockwise
        else:
            for op, n in p.commands():
                if op == "M":
                    path.moveTo(n[0], n[1])
                elif op == "L":
                    path.lineTo(n[0], n[1])
                elif op == "C":
                    path.cubicTo(n[0], n[1], n[2], n[3], n[4], n[5])
                else:
                    path.closeSubpath()
    return path


def draw_icon(painter: QPainter, name: str, rect: QRectF, color: QColor | str) -> None:
    """Stroke icon `name` scaled into `rect` (a square) in `color`."""
    painter.save()
    painter.translate(rect.topLeft())
    k = min(rect.width(), rect.height()) / data.BOX
    painter.scale(k, k)
    pen = QPen(QColor(color), data.STROKE_WIDTH)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.drawPath(icon_path(name))
    painter.restore()


def icon_pixmap(name: str, color: str = "#1F2328", size: int = 24, ratio: float = 2.0
                ) -> QPixmap:
    """The icon rendered into a transparent pixmap (for widgets)."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    draw_icon(painter, name, QRectF(0, 0, size, size), color)
    painter.end()
    return pixmap


def qicon(name: str, color: str = "#1F2328") -> QIcon:
    """The icon as a QIcon with crisp pixmaps for common sizes (palette, toolbar)."""
    icon = QIcon()
    for size in (16, 24, 32):
        icon.addPixmap(icon_pixmap(name, color, size))
    return icon
