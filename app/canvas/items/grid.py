"""The cells' background: alternating lane bands and the grid lines, in one item."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem

from app.canvas.items import paint
from app.domain import style
from app.domain.layout import MapLayout

Z_GRID = -10.0
BOUNDS_STEP = 1024.0  # the bounds grow by at least this much, so edits rarely change them


class GridItem(QGraphicsItem):
    """Paints only the exposed part of the grid, so it costs nothing off screen.

    A new layout repaints only what moved: from the first lane whose rectangle changed
    down to the bottom (the lanes below it shift), or everything when stages changed.
    Its bounds reach past the map by up to two BOUNDS_STEPs, where it paints nothing (the
    scene's background, of the same colour, shows): a map that grows or shrinks by a card
    keeps its bounds, and Qt does not repaint the whole grid for a new bounding rectangle.
    """

    kind_name = "grid"

    def __init__(self) -> None:
        super().__init__()
        self.layout: MapLayout | None = None
        self.lane_ids: list[str] = []
        self.stage_ids: list[str] = []
        self._rect = QRectF()
        self._drawn: tuple | None = None  # what the last layout put on screen
        self.setZValue(Z_GRID)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._rect

    def set_layout(self, layout: MapLayout, stage_ids: list[str], lane_ids: list[str]) -> None:
        """Follow a new layout, repainting what it changed."""
        w, h = layout.width, layout.height
        old = self._rect
        if not (w <= old.width() <= w + 2 * BOUNDS_STEP
                and h <= old.height() <= h + 2 * BOUNDS_STEP):
            self.prepareGeometryChange()  # repaints all of the old bounds
            self._rect = QRectF(0, 0, w + BOUNDS_STEP, h + BOUNDS_STEP)
        stages = tuple((i, layout.stage_rects[i].x, layout.stage_rects[i].w) for i in stage_ids)
        lanes = tuple((i, layout.lane_rects[i].y, layout.lane_rects[i].h) for i in lane_ids)
        drawn, self._drawn = self._drawn, (w, stages, lanes, h)
        self.layout, self.stage_ids, self.lane_ids = layout, stage_ids, lane_ids
        if drawn is None or drawn[:2] != (w, stages) or len(drawn[2]) != len(lanes):
            self.update()
            return
        # The lanes above the first one that changed are as they were, so its top is too;
        # the map's height follows the lanes.
        for (old_id, y, old_h), (new_id, _, new_h) in zip(drawn[2], lanes, strict=True):
            if old_id != new_id or old_h != new_h:
                top = y if old_id != new_id else y + min(old_h, new_h)
                # Lines sit half a pixel inside an edge and are antialiased: a margin of 2.
                self.update(QRectF(0, top - 2, w + 2, max(drawn[3], h) - top + 4))
                return

    def paint(self, painter: QPainter, option, widget=None) -> None:
        layout = self.layout
        if layout is None:
            return
        exposed = QRectF(0, 0, layout.width, layout.height)  # past it: the scene's background
        if option is not None:
            exposed &= option.exposedRect
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
