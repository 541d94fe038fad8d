"""Drag gestures on the map, as small objects: press records, move previews, release pushes.

Every gesture moves items visually while the pointer moves and pushes exactly one
command on release; if nothing would change, it pushes nothing and puts items back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF

from app.canvas.i18n import tr
from app.canvas.items.card import Z_CARD, CardItem
from app.canvas.items.emotions import MarkerItem
from app.canvas.items.headers import LaneHeaderItem, StageHeaderItem
from app.document import operations as ops
from app.domain import style
from app.domain.layout import emotion_y, score_at
from app.domain.model import MIN_LANE_HEIGHT, MIN_STAGE_WIDTH, LaneKind
from app.domain.routing import Box

if TYPE_CHECKING:
    from app.canvas.scene import MapScene
    from app.canvas.view import MapView

DRAG_Z = 80.0
DRAG_OPACITY = 0.85


class Gesture:
    """Base: a drag that started with a press at `origin` (scene coordinates)."""

    def __init__(self, view: MapView, origin: QPointF) -> None:
        self.view = view
        self.scene: MapScene = view.map_scene
        self.origin = QPointF(origin)

    def move(self, pos: QPointF) -> None:
        """Follow the pointer (visual only)."""

    def release(self, pos: QPointF) -> None:
        """Finish: push one command (or none when nothing changed)."""

    def cancel(self) -> None:
        """Abandon the drag and put everything back."""

    def _run(self, action) -> bool:
        # The document's door: a refused or failed change is announced, never raised here.
        ok, _ = self.view.doc.attempt(action)
        return ok


class CardDrag(Gesture):
    """Move the selected cards together into the cell under the pointer."""

    def __init__(self, view: MapView, origin: QPointF, items: list[CardItem]) -> None:
        super().__init__(view, origin)
        rank_s = {s.id: i for i, s in enumerate(self.scene.journey.stages)}
        rank_l = {ln.id: i for i, ln in enumerate(self.scene.journey.lanes)}
        self.items = sorted(items, key=lambda it: (rank_s.get(it.card.stage_id, 0),
                                                   rank_l.get(it.card.lane_id, 0),
                                                   it.card.order))
        self.ids = {it.entity_id for it in self.items}
        self.target: tuple[str, str, int] | None = None
        self._boxes: dict[tuple[str, str], list] = {}  # a cell's other cards, per drag
        # The dragged cards leave their cells' layers for the drag: a cell layer tells Qt
        # its cards stay inside it, and these go anywhere. Their lanes' layers still rise
        # above the other lanes, as the cards did when they were the lanes' children.
        self.lanes = {it.parentItem().parentItem() for it in self.items
                      if it.parentItem() is not None and it.parentItem().parentItem()}
        self.starts = []
        for item in self.items:
            self.starts.append(item.scenePos())
            item.setParentItem(None)  # type: ignore[arg-type]  # Qt's null parent: the scene
            item.setPos(self.starts[-1])
            item.setZValue(DRAG_Z)
            item.setOpacity(DRAG_OPACITY)
        for lane in self.lanes:
            lane.setZValue(DRAG_Z)
        self.links = self.scene.links.of(self.ids)  # only these follow the pointer

    def move(self, pos: QPointF) -> None:
        delta = pos - self.origin
        for item, start in zip(self.items, self.starts, strict=True):
            item.setPos(start + delta)
        journey = self.scene.journey
        if self.links and journey is not None:
            moved = {}
            for item in self.items:
                at = item.scenePos()
                rect = item.card_rect()
                moved[item.entity_id] = Box(at.x(), at.y(), rect.width(), rect.height())
            self.scene.links.reroute(journey, self.links, moved)
        self.target = self._target(pos)
        if self.target is None:
            self.scene.preview.clear()
            return
        stage_id, lane_id, index = self.target
        boxes = self._cell_boxes(stage_id, lane_id)
        self.scene.preview.show_at(self.scene.cell_rect(stage_id, lane_id),
                                   self.scene.bar_among(stage_id, lane_id, boxes, index))

    def _cell_boxes(self, stage_id: str, lane_id: str) -> list:
        # The model does not change during a drag: each cell is looked up once.
        key = (stage_id, lane_id)
        boxes = self._boxes.get(key)
        if boxes is None:
            boxes = self._boxes[key] = self.scene.cell_boxes(stage_id, lane_id, self.ids)
        return boxes

    def _target(self, pos: QPointF) -> tuple[str, str, int] | None:
        cell = self.scene.cell_at(pos.x(), pos.y())
        if cell is None:
            return None
        lane = self.scene.journey.lane(cell[1])
        if lane is None or lane.kind == LaneKind.EMOTIONS:
            return None
        boxes = self._cell_boxes(*cell)
        return (cell[0], cell[1], self.scene.index_among(boxes, pos.y()))

    def _changes_anything(self, stage_id: str, lane_id: str, index: int) -> bool:
        staying = [c.id for c in self.scene.journey.cell_cards(stage_id, lane_id)
                   if c.id not in self.ids]
        after = staying[:index] + [it.entity_id for it in self.items] + staying[index:]
        before = [c.id for c in self.scene.journey.cell_cards(stage_id, lane_id)]
        return after != before

    def _restore(self) -> None:
        for item in self.items:
            item.setOpacity(1.0)
            item.setZValue(Z_CARD)
            self.scene.return_card(item)
        for lane in self.lanes:
            lane.setZValue(Z_CARD)
        self.scene.preview.clear()

    def _lines_back(self) -> None:
        """The dragged cards' lines back on the cards where they stay."""
        journey = self.scene.journey
        if self.links and journey is not None:
            self.scene.links.reroute(journey, self.links)

    def release(self, pos: QPointF) -> None:
        target = self._target(pos)
        self._restore()
        if not self._drop(target, pos):
            self._lines_back()  # a move that happened routed them from the new places

    def _drop(self, target: tuple[str, str, int] | None, pos: QPointF) -> bool:
        """Push the move; True when it happened."""
        if target is None:
            cell = self.scene.cell_at(pos.x(), pos.y())
            if cell is not None:
                self.view.status_message.emit(
                    tr("The emotions lane holds emotion markers, not cards."))
            return False
        stage_id, lane_id, index = target
        if not self._changes_anything(stage_id, lane_id, index):
            return False
        cards = [it.card for it in self.items]
        journey = self.scene.journey
        # The kinds the cards had, read before the move puts them in the new lane.
        kinds = {journey.lane(c.lane_id).kind for c in cards if journey.lane(c.lane_id)}
        if not self._run(lambda: ops.move_cards(self.view.doc, journey, cards, stage_id,
                                                lane_id, index)):
            return False
        lane = journey.lane(lane_id)
        if lane is not None and kinds - {lane.kind}:
            self.view.notice.emit(moved_text(cards, lane))
        return True

    def cancel(self) -> None:
        self._restore()
        self._lines_back()


class _HeaderMove(Gesture):
    """Shared by stage and lane reordering: the header follows the pointer on one axis."""

    horizontal = True

    def __init__(self, view: MapView, origin: QPointF, header) -> None:
        super().__init__(view, origin)
        self.header = header
        self.start = QPointF(header.pos())
        header.setZValue(header.zValue() + 20)
        header.setOpacity(DRAG_OPACITY)

    def _gap(self, pos: QPointF) -> int:
        raise NotImplementedError

    def _gap_rect(self, gap: int) -> QRectF:
        raise NotImplementedError

    def move(self, pos: QPointF) -> None:
        delta = pos - self.origin
        if self.horizontal:
            self.header.setPos(self.start.x() + delta.x(), self.start.y())
        else:
            self.header.setPos(self.start.x(), self.start.y() + delta.y())
        self.scene.preview.show_at(self._gap_rect(self._gap(pos)))

    def _restore(self) -> None:
        self.header.setPos(self.start)
        self.header.setOpacity(1.0)
        self.header.setZValue(self.header.zValue() - 20)
        self.scene.preview.clear()

    def cancel(self) -> None:
        self._restore()


class StageMove(_HeaderMove):
    """Drag a stage header sideways to reorder stages."""

    horizontal = True

    def _gap(self, pos: QPointF) -> int:
        return self.scene.layout.stage_gap_at(pos.x())

    def _gap_rect(self, gap: int) -> QRectF:
        return self.scene.stage_gap_rect(gap)

    def release(self, pos: QPointF) -> None:
        self._restore()
        stage = self.header.stage
        stages = self.scene.journey.stages
        old = stages.index(stage)
        gap = self._gap(pos)
        new = gap - 1 if gap > old else gap
        if new != old:
            self._run(lambda: ops.move_in_list(self.view.doc, stage, new, tr("Move stage")))


class LaneMove(_HeaderMove):
    """Drag a lane header up or down to reorder lanes."""

    horizontal = False

    def _gap(self, pos: QPointF) -> int:
        return self.scene.layout.lane_gap_at(pos.y())

    def _gap_rect(self, gap: int) -> QRectF:
        return self.scene.lane_gap_rect(gap)

    def release(self, pos: QPointF) -> None:
        self._restore()
        lane = self.header.lane
        lanes = self.scene.journey.lanes
        old = lanes.index(lane)
        gap = self._gap(pos)
        new = gap - 1 if gap > old else gap
        if new != old:
            self._run(lambda: ops.move_in_list(self.view.doc, lane, new, tr("Move lane")))


class StageResize(Gesture):
    """Drag a stage's right border: a guide shows the new edge, release resizes."""

    def __init__(self, view: MapView, origin: QPointF, header: StageHeaderItem) -> None:
        super().__init__(view, origin)
        self.stage = header.stage
        self.rect = self.scene.layout.stage_rects[self.stage.id]
        self.header = header

    def width_at(self, pos: QPointF) -> float:
        """The width the stage gets if released here."""
        return max(MIN_STAGE_WIDTH, self.rect.w + pos.x() - self.origin.x())

    def move(self, pos: QPointF) -> None:
        x = self.rect.x + self.width_at(pos)
        self.header.resize(self.width_at(pos), style.STAGE_HEADER_HEIGHT)
        self.scene.guide.show_line(QLineF(x, 0, x, self.scene.layout.height))

    def release(self, pos: QPointF) -> None:
        self.cancel()
        width = round(self.width_at(pos))
        if width != round(self.stage.width):
            self._run(lambda: ops.resize_stage(self.view.doc, self.stage, width))

    def cancel(self) -> None:
        self.scene.guide.setVisible(False)
        self.header.resize(self.rect.w, style.STAGE_HEADER_HEIGHT)


class LaneResize(Gesture):
    """Drag a lane's bottom border: a guide shows the new edge, release resizes."""

    def __init__(self, view: MapView, origin: QPointF, header: LaneHeaderItem) -> None:
        super().__init__(view, origin)
        self.lane = header.lane
        self.rect = self.scene.layout.lane_rects[self.lane.id]
        self.header = header

    def height_at(self, pos: QPointF) -> float:
        """The height the lane gets if released here."""
        return max(MIN_LANE_HEIGHT, self.rect.h + pos.y() - self.origin.y())

    def move(self, pos: QPointF) -> None:
        y = self.rect.y + self.height_at(pos)
        self.header.resize(style.LANE_HEADER_WIDTH, self.height_at(pos))
        self.scene.guide.show_line(QLineF(0, y, self.scene.layout.width, y))

    def release(self, pos: QPointF) -> None:
        self.cancel()
        height = round(self.height_at(pos))
        if height != round(self.rect.h):
            self._run(lambda: ops.resize_lane(self.view.doc, self.lane, height))

    def cancel(self) -> None:
        self.scene.guide.setVisible(False)
        self.header.resize(style.LANE_HEADER_WIDTH, self.rect.h)


class MarkerDrag(Gesture):
    """Drag a face: up/down sets the score (snapped), sideways the stage and position."""

    def __init__(self, view: MapView, origin: QPointF, item: MarkerItem) -> None:
        super().__init__(view, origin)
        self.item = item
        self.marker = item.marker
        self.start = QPointF(item.pos())
        self.lane_rect = self.scene.layout.lane_rects[self.marker.lane_id]
        item.setZValue(DRAG_Z)

    def place_at(self, pos: QPointF) -> tuple[str, float, int] | None:
        """(stage id, position 0..1, score) for the marker dropped at `pos`."""
        journey = self.scene.journey
        x = self.start.x() + pos.x() - self.origin.x()
        y = self.start.y() + pos.y() - self.origin.y()
        cell = self.scene.cell_at(x, self.lane_rect.y + 1)
        if cell is None:
            return None
        rect = self.scene.layout.stage_rects[cell[0]]
        position = min(1.0, max(0.0, (x - rect.x) / rect.w))
        score = score_at(self.lane_rect, y, journey.emotion_min, journey.emotion_max)
        return cell[0], round(position, 3), score

    def move(self, pos: QPointF) -> None:
        place = self.place_at(pos)
        if place is None:
            return
        stage_id, position, score = place
        journey = self.scene.journey
        rect = self.scene.layout.stage_rects[stage_id]
        x = rect.x + position * rect.w
        y = emotion_y(self.lane_rect, score, journey.emotion_min, journey.emotion_max)
        self.item.setPos(x, y)
        self.item.set_score(score)
        lane_item = self.scene.emotion_lanes.get(self.marker.lane_id)
        if lane_item is not None:
            lane_item.preview_points(self._points(stage_id, position, x, y))

    def _points(self, stage_id: str, position: float, x: float, y: float) -> list:
        # The curve as it will be after the drop: markers in journey order.
        journey = self.scene.journey
        rank = {s.id: i for i, s in enumerate(journey.stages)}
        entries = []
        for m in journey.markers:
            if m.lane_id != self.marker.lane_id or m.stage_id not in rank:
                continue
            if m is self.marker:
                entries.append(((rank[stage_id], position), (x, y)))
            else:
                p = self.scene.layout.markers.get(m.id)
                if p is not None:
                    entries.append(((rank[m.stage_id], m.position), (p.x, p.y)))
        return [point for _, point in sorted(entries, key=lambda e: e[0])]

    def release(self, pos: QPointF) -> None:
        place = self.place_at(pos)
        self.cancel()
        if place is None:
            return
        stage_id, position, score = place
        m = self.marker
        if (stage_id, position, score) == (m.stage_id, round(m.position, 3), m.score):
            return
        self._run(lambda: ops.move_marker(self.view.doc, m, stage_id, position, score))

    def cancel(self) -> None:
        self.item.setPos(self.start)
        self.item.set_score(self.marker.score)
        self.item.setZValue(20.0)
        lane_item = self.scene.emotion_lanes.get(self.marker.lane_id)
        if lane_item is not None:
            lane_item.set_layout(self.scene.layout, self.scene.journey)


class Pan(Gesture):
    """Scroll the view with the middle button or Space + drag (viewport coordinates)."""

    def __init__(self, view: MapView, origin: QPointF) -> None:
        super().__init__(view, origin)
        self.last = QPointF(origin)

    def move_viewport(self, pos: QPointF) -> None:
        """Scroll by the pointer's travel since the last event."""
        delta = pos - self.last
        self.last = QPointF(pos)
        h, v = self.view.horizontalScrollBar(), self.view.verticalScrollBar()
        h.setValue(h.value() - round(delta.x()))
        v.setValue(v.value() - round(delta.y()))


def moved_text(cards: list, lane) -> str:
    """What a move into a lane of another kind did: the lane decides how the cards show;
    what only another kind shows (a channel, a severity, a figure) is kept, not lost."""
    text = tr("Moved into “{0}”: the lane decides how the card shows.").format(lane.title)
    kept = []
    if lane.kind != LaneKind.TOUCHPOINTS and any(c.channel_id for c in cards):
        kept.append(tr("the channel (shown in touchpoint lanes)"))
    if lane.kind != LaneKind.PAINS and any(c.severity for c in cards):
        kept.append(tr("the severity (shown in pain lanes)"))
    if lane.kind != LaneKind.METRICS and any(c.value is not None for c in cards):
        kept.append(tr("the figures (shown in metric lanes)"))
    if kept:
        text += " " + tr("Kept: {0}.").format("; ".join(kept))
    return text
