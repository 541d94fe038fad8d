"""The window's toolbar and menu icons, drawn as thin line art so they match everywhere.

Theme icons differ from desktop to desktop and are missing offscreen; drawing our own
keeps the toolbar consistent with the canvas's line-icon set.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

INK = "#3C4450"
ACCENT = "#2F80ED"
_SIZE = 64  # drawn at 64 px on a 24-unit grid and scaled down by Qt

Painter = Callable[[QPainter], None]


def _pen(painter: QPainter, color: str = INK, width: float = 1.8) -> None:
    pen = QPen(QColor(color), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)


_accent_color = [ACCENT]


def _accent(p: QPainter, width: float = 1.8) -> None:
    _pen(p, _accent_color[0], width)


def _document(p: QPainter) -> None:
    path = QPainterPath(QPointF(6, 3))
    path.lineTo(14, 3)
    path.lineTo(19, 8)
    path.lineTo(19, 21)
    path.lineTo(6, 21)
    path.closeSubpath()
    p.drawPath(path)
    p.drawPolyline([QPointF(14, 3), QPointF(14, 8), QPointF(19, 8)])


def _new(p: QPainter) -> None:
    _document(p)
    _accent(p)
    p.drawLine(QPointF(12.5, 11), QPointF(12.5, 17))
    p.drawLine(QPointF(9.5, 14), QPointF(15.5, 14))


def _open(p: QPainter) -> None:
    path = QPainterPath(QPointF(3, 19))
    path.lineTo(3, 5)
    path.lineTo(9, 5)
    path.lineTo(11, 7)
    path.lineTo(19, 7)
    path.lineTo(19, 10)
    p.drawPath(path)
    front = QPainterPath(QPointF(3, 19))
    front.lineTo(6, 10)
    front.lineTo(22, 10)
    front.lineTo(19, 19)
    front.closeSubpath()
    p.drawPath(front)


def _curved_arrow(p: QPainter, mirror: bool) -> None:
    if mirror:
        p.translate(24, 0)
        p.scale(-1, 1)
    path = QPainterPath(QPointF(5, 10))
    path.lineTo(15, 10)
    path.cubicTo(QPointF(22, 10), QPointF(22, 20), QPointF(15, 20))
    path.lineTo(9, 20)
    p.drawPath(path)
    p.drawPolyline([QPointF(9, 6), QPointF(5, 10), QPointF(9, 14)])


def _undo(p: QPainter) -> None:
    _curved_arrow(p, False)


def _redo(p: QPainter) -> None:
    _curved_arrow(p, True)


def _magnifier(p: QPainter) -> None:
    p.drawEllipse(QRectF(3, 3, 14, 14))
    p.drawLine(QPointF(15, 15), QPointF(21, 21))


def _zoom_in(p: QPainter) -> None:
    _magnifier(p)
    p.drawLine(QPointF(10, 7), QPointF(10, 13))
    p.drawLine(QPointF(7, 10), QPointF(13, 10))


def _zoom_out(p: QPainter) -> None:
    _magnifier(p)
    p.drawLine(QPointF(7, 10), QPointF(13, 10))


def _zoom_reset(p: QPainter) -> None:
    _magnifier(p)
    p.drawLine(QPointF(9, 7), QPointF(11, 7))
    p.drawLine(QPointF(10, 7), QPointF(10, 13))


def _fit(p: QPainter) -> None:
    for x, y, dx, dy in ((3, 3, 1, 1), (21, 3, -1, 1), (3, 21, 1, -1), (21, 21, -1, -1)):
        p.drawPolyline([QPointF(x, y + 5 * dy), QPointF(x, y), QPointF(x + 5 * dx, y)])
    p.drawRect(QRectF(8, 8, 8, 8))


def _add_stage(p: QPainter) -> None:
    p.drawRect(QRectF(3, 4, 5, 16))
    p.drawRect(QRectF(9.5, 4, 5, 16))
    _accent(p)
    p.drawLine(QPointF(19.5, 8), QPointF(19.5, 16))
    p.drawLine(QPointF(15.5, 12), QPointF(23, 12))


def _add_lane(p: QPainter) -> None:
    p.drawRect(QRectF(3, 3, 18, 5))
    p.drawRect(QRectF(3, 9.5, 18, 5))
    _accent(p)
    p.drawLine(QPointF(12, 16), QPointF(12, 23))
    p.drawLine(QPointF(8.5, 19.5), QPointF(15.5, 19.5))


def _export(p: QPainter) -> None:
    p.drawPolyline([QPointF(4, 13), QPointF(4, 20), QPointF(20, 20), QPointF(20, 13)])
    _accent(p)
    p.drawLine(QPointF(12, 3), QPointF(12, 15))
    p.drawPolyline([QPointF(7.5, 7.5), QPointF(12, 3), QPointF(16.5, 7.5)])


def _delete(p: QPainter) -> None:
    p.drawLine(QPointF(4, 6), QPointF(20, 6))
    p.drawPolyline([QPointF(9, 6), QPointF(9, 3), QPointF(15, 3), QPointF(15, 6)])
    path = QPainterPath(QPointF(6, 6))
    path.lineTo(7, 21)
    path.lineTo(17, 21)
    path.lineTo(18, 6)
    p.drawPath(path)
    p.drawLine(QPointF(10, 10), QPointF(10, 17))
    p.drawLine(QPointF(14, 10), QPointF(14, 17))


def _duplicate(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(3, 3, 12, 12), 2, 2)
    p.drawRoundedRect(QRectF(9, 9, 12, 12), 2, 2)


def _map(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(3, 4, 18, 16), 2, 2)
    p.drawLine(QPointF(3, 9), QPointF(21, 9))
    p.drawLine(QPointF(9, 4), QPointF(9, 20))
    p.drawLine(QPointF(15, 4), QPointF(15, 20))


def _future(p: QPainter) -> None:
    _map(p)
    _accent(p, 2.2)
    p.drawPolyline([QPointF(11, 15), QPointF(22, 15)])
    p.drawPolyline([QPointF(19, 12), QPointF(22, 15), QPointF(19, 18)])


def _rename(p: QPainter) -> None:
    path = QPainterPath(QPointF(4, 20))
    path.lineTo(5, 15)
    path.lineTo(16, 4)
    path.lineTo(20, 8)
    path.lineTo(9, 19)
    path.closeSubpath()
    p.drawPath(path)
    p.drawLine(QPointF(13.5, 6.5), QPointF(17.5, 10.5))


def _timer(p: QPainter) -> None:
    p.drawEllipse(QPointF(12, 13.5), 7.5, 7.5)
    p.drawLine(QPointF(10, 3), QPointF(14, 3))
    p.drawLine(QPointF(12, 3), QPointF(12, 6))
    _accent(p)
    p.drawLine(QPointF(12, 13.5), QPointF(15, 10.5))


_PAINTERS: dict[str, Painter] = {
    "new": _new,
    "open": _open,
    "undo": _undo,
    "redo": _redo,
    "zoom-in": _zoom_in,
    "zoom-out": _zoom_out,
    "zoom-reset": _zoom_reset,
    "zoom-fit": _fit,
    "add-stage": _add_stage,
    "add-lane": _add_lane,
    "export": _export,
    "delete": _delete,
    "duplicate": _duplicate,
    "map": _map,
    "future": _future,
    "rename": _rename,
    "timer": _timer,
}

_cache: dict[str, QIcon] = {}


def _render(name: str, color: str, accent: str) -> QPixmap:
    _accent_color[0] = accent
    pixmap = QPixmap(_SIZE, _SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(_SIZE / 24, _SIZE / 24)
    _pen(painter, color)
    _PAINTERS[name](painter)
    painter.end()
    return pixmap


def icon(name: str) -> QIcon:
    """A drawn line icon by name (see _PAINTERS), with a greyed disabled state."""
    found = _cache.get(name)
    if found is None:
        found = QIcon()
        found.addPixmap(_render(name, INK, ACCENT), QIcon.Mode.Normal)
        found.addPixmap(_render(name, "#B4BAC2", "#B4BAC2"), QIcon.Mode.Disabled)
        _cache[name] = found
    return found


def names() -> list[str]:
    """Every icon name this module can draw."""
    return list(_PAINTERS)


def swatch(color: str, size: int = 16) -> QIcon:
    """A round colour dot, for channel and colour choices."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(color).darker(130), 2))
    painter.setBrush(QColor(color))
    painter.drawEllipse(QRectF(4, 4, size * 2 - 8, size * 2 - 8))
    painter.end()
    return QIcon(pixmap)
