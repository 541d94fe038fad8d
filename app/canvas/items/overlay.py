"""Transient feedback drawn over the map: drop previews, resize guides, the cell cursor."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem

from app.canvas.items import paint
from app.domain import style

Z_OVERLAY = 90.0
PREVIEW_ALPHA = round(255 * 0.20)


class DropPreviewItem(QGraphicsItem):
    """Where a drop will land: the cell or gap in the accent colour at 20 %, an insertion
    bar between cards, or a ghost face at the snapped score."""

    kind_name = "overlay"

    def __init__(self) -> None:
        super().__init__()
        self.area = QRectF()
        self.bar: QLineF | None = None
        self.face: tuple[QPointF, int] | None = None
        self.setZValue(Z_OVERLAY)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setVisible(False)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        rect = QRectF(self.area)
        if self.bar is not None:
            rect = rect.united(QRectF(self.bar.p1(), self.bar.p2()).normalized())
        if self.face is not None:
            r = style.MARKER_RADIUS + 2
            rect = rect.united(QRectF(self.face[0].x() - r, self.face[0].y() - r, 2 * r, 2 * r))
        return rect.adjusted(-4, -4, 4, 4)

    def show_at(self, area: QRectF, bar: QLineF | None = None,
                face: tuple[QPointF, int] | None = None) -> None:
        """Show the preview (an unchanged preview costs nothing)."""
        if self.isVisible() and area == self.area and bar == self.bar and face == self.face:
            return
        self.prepareGeometryChange()
        self.area, self.bar, self.face = QRectF(area), bar, face
        self.setVisible(True)
        self.update()

    def clear(self) -> None:
        """Hide the preview."""
        if self.isVisible():
            self.setVisible(False)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if not self.area.isEmpty():
            painter.setPen(paint.pen(style.ACCENT, 1.5, 200))
            painter.setBrush(paint.brush(style.ACCENT, PREVIEW_ALPHA))
            painter.drawRoundedRect(self.area.adjusted(1, 1, -1, -1), 4, 4)
        if self.bar is not None:
            painter.setPen(paint.pen(style.ACCENT, 3.0))
            painter.drawLine(self.bar)
        if self.face is not None:
            paint.face(painter, self.face[0], style.MARKER_RADIUS, self.face[1], 170)


class GuideItem(QGraphicsItem):
    """A dashed accent line showing where a dragged border will go."""

    kind_name = "overlay"

    def __init__(self) -> None:
        super().__init__()
        self.line = QLineF()
        self.setZValue(Z_OVERLAY + 20)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setVisible(False)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return QRectF(self.line.p1(), self.line.p2()).normalized().adjusted(-3, -3, 3, 3)

    def show_line(self, line: QLineF) -> None:
        """Show the guide along `line`."""
        self.prepareGeometryChange()
        self.line = line
        self.setVisible(True)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(paint.pen(style.ACCENT, 2.0, dashed=True))
        painter.drawLine(self.line)


class CellCursorItem(QGraphicsItem):
    """The keyboard's current cell, when no card in it is selected."""

    kind_name = "overlay"

    def __init__(self) -> None:
        super().__init__()
        self.rect = QRectF()
        self.setZValue(Z_OVERLAY - 5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setVisible(False)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self.rect.adjusted(-3, -3, 3, 3)

    def show_rect(self, rect: QRectF) -> None:
        """Outline this cell."""
        if rect != self.rect:
            self.prepareGeometryChange()
            self.rect = QRectF(rect)
        self.setVisible(True)
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(paint.pen(style.ACCENT, 1.5, 180, dashed=True))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(self.rect.adjusted(2, 2, -2, -2), 4, 4)
