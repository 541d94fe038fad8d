"""The cells' background: alternating lane bands and the grid lines, in one item."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem

from app.canvas.items import paint
from app.domain import style
from app.domain.layout import MapLayout

Z_GRID = -10.0


class GridItem(QGraphicsItem):
    """Paints only the exposed part of the grid, so it costs nothing off screen."""

    kind_name = "grid"

    def __init__(self) -> None:
        super().__init__()
        self.layout: MapLayout | None = None
        self.lane_ids: list[str] = []
        self.stage_ids: list[str] = []
        self._rect = QRectF()
        self.setZValue(Z_GRID)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._rect

    def set_layout(self, layout: MapLayout, stage_ids: list[str], lane_ids: list[str]) -> None:
        """Follow a new layout."""
        rect = QRectF(0, 0, layout.width, layout.height)
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.layout, self.stage_ids, self.lane_ids = layout, stage_ids, lane_ids
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        layout = self.layout
        if layout is None:
            return
        exposed = option.exposedRect if option is not None else self._rect
        left = style.LANE_HEADER_WIDTH
        painter.fillRect(exposed, paint.qcolor(style.CANVAS_BACKGROUND))
        for i, lane_id in enumerate(self.lane_ids):
            r = layout.lane_rects[lane_id]
            if r.bottom < exposed.top() or r.y > exposed.bottom():
                continue
            if i % 2 == 1:
                painter.fillRect(QRectF(left, r.y, r.w - left, r.h), paint.qcolor(style.BAND_TINT))
        painter.setPen(paint.pen(style.GRID_LINE))
        top = style.STAGE_HEADER_HEIGHT
        for stage_id in self.stage_ids:
            x = layout.stage_rects[stage_id].right - 0.5
            if exposed.left() - 1 <= x <= exposed.right() + 1:
                painter.drawLine(QPointF(x, top), QPointF(x, layout.height))
        for lane_id in self.lane_ids:
            y = layout.lane_rects[lane_id].bottom - 0.5
            if exposed.top() - 1 <= y <= exposed.bottom() + 1:
                painter.drawLine(QPointF(left, y), QPointF(layout.width, y))
