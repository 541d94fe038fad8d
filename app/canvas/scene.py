"""MapScene: the scene that mirrors one map of a Document, item for entity.

The scene never writes the model. It listens to Document.changed, creates and removes
items for entities that came and went, recomputes the layout (wrapping is cached, so a
relayout of thousands of cards is cheap) and moves only the items whose box changed.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QObject, QPointF, QRectF, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QToolTip

from app.canvas import units
from app.canvas.i18n import emotion_name, evidence_name, tr
from app.canvas.items.card import CardItem, format_number
from app.canvas.items.emotions import EmotionLaneItem, MarkerItem
from app.canvas.items.grid import GridItem
from app.canvas.items.headers import CornerItem, LaneHeaderItem, StageHeaderItem
from app.canvas.items.overlay import CellCursorItem, DropPreviewItem, GuideItem
from app.canvas.text import load_fonts, shared_wrapper
from app.document.document import Document
from app.domain import style
from app.domain.events import Change
from app.domain.layout import MapLayout, compute_layout
from app.domain.model import (
    Card,
    Channel,
    EmotionMarker,
    JourneyMap,
    Lane,
    LaneKind,
    Persona,
    Stage,
)

SCENE_MARGIN = 40.0


class MapScene(QGraphicsScene):
    """The live picture of one map; rebuilt only when the map itself is swapped."""

    relaid_out = Signal()  # after every relayout, for views that keep overlays in place

    def __init__(self, doc: Document, map_id: str, parent: QObject | None = None,
                 decorated: bool = True) -> None:
        super().__init__(parent)
        load_fonts()
        self.doc = doc
        self.map_id = map_id
        self.decorated = decorated
        self.wrapper = shared_wrapper()
        self.layout = MapLayout(width=0.0, height=0.0)
        self.cards: dict[str, CardItem] = {}
        self.markers: dict[str, MarkerItem] = {}
        self.stage_headers: dict[str, StageHeaderItem] = {}
        self.lane_headers: dict[str, LaneHeaderItem] = {}
        self.emotion_lanes: dict[str, EmotionLaneItem] = {}
        self.pin = (0.0, 0.0)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBackgroundBrush(QBrush(QColor(style.CANVAS_BACKGROUND)))
        self.grid = GridItem()
        self.corner = CornerItem()
        self.preview = DropPreviewItem()
        self.guide = GuideItem()
        self.cell_cursor = CellCursorItem()
        for item in (self.grid, self.corner, self.preview, self.guide, self.cell_cursor):
            self.addItem(item)
        self.corner.decorated = decorated
        doc.changed.connect(self._on_changed)
        self._sync(set())

    # -- the model ------------------------------------------------------------------------

    @property
    def journey(self) -> JourneyMap | None:
        """The map shown (None once it was deleted)."""
        return self.doc.project.map(self.map_id)

    def detach(self) -> None:
        """Stop following the document (before the scene is dropped)."""
        try:
            self.doc.changed.disconnect(self._on_changed)
        except (RuntimeError, TypeError):
            pass

    def entity_of(self, item: QGraphicsItem | None) -> object | None:
        """The domain entity an item shows, or None."""
        if isinstance(item, CardItem):
            return item.card
        if isinstance(item, MarkerItem):
            return item.marker
        if isinstance(item, StageHeaderItem):
            return item.stage
        if isinstance(item, LaneHeaderItem):
            return item.lane
        return None

    def item_for(self, entity_id: str) -> QGraphicsItem | None:
        """The item showing this entity, if any."""
        return (self.cards.get(entity_id) or self.markers.get(entity_id)
                or self.stage_headers.get(entity_id) or self.lane_headers.get(entity_id))

    # -- following changes ---------------------------------------------------------------

    def _on_changed(self, changes: list[Change]) -> None:
        journey = self.journey
        relevant, content = False, set()
        for change in changes:
            entity = change.entity
            if isinstance(entity, JourneyMap):
                relevant |= entity.id == self.map_id
            elif isinstance(entity, (Persona, Channel)):
                relevant = True
                if isinstance(entity, Channel):
                    content.update(c.id for c in (journey.cards if journey else [])
                                   if c.channel_id == entity.id)
            elif getattr(entity, "map_id", None) == self.map_id:
                relevant = True
                content.add(entity.id)
        if relevant:
            self._sync(content)

    def _sync(self, content: set[str]) -> None:
        """Create and drop items to match the model, then relayout."""
        journey = self.journey
        if journey is None:
            self._drop_all()
            return
        self._sync_dict(self.stage_headers, {s.id: s for s in journey.stages},
                        lambda s: StageHeaderItem(s, s.width))
        self._sync_dict(self.lane_headers, {ln.id: ln for ln in journey.lanes},
                        lambda ln: LaneHeaderItem(ln, ln.height, 0))
        emotion = {ln.id: ln for ln in journey.lanes
                   if ln.kind == LaneKind.EMOTIONS and not ln.collapsed}
        self._sync_dict(self.emotion_lanes, emotion, lambda ln: EmotionLaneItem(ln.id))
        self._sync_dict(self.markers, {m.id: m for m in journey.markers
                                       if m.lane_id in emotion}, MarkerItem)
        self.relayout(content)

    def _sync_dict(self, items: dict, wanted: dict, make) -> None:
        for gone in [i for i in items if i not in wanted]:
            item = items.pop(gone)
            self.removeItem(item)
        for entity_id, entity in wanted.items():
            item = items.get(entity_id)
            if item is None:
                item = items[entity_id] = make(entity)
                item.decorated = self.decorated
                self.addItem(item)
            elif isinstance(item, MarkerItem):
                item.marker = entity
            elif isinstance(item, StageHeaderItem):
                item.stage = entity
            elif isinstance(item, LaneHeaderItem):
                item.lane = entity

    def _drop_all(self) -> None:
        for items in (self.cards, self.markers, self.stage_headers, self.lane_headers,
                      self.emotion_lanes):
            for item in items.values():
                self.removeItem(item)
            items.clear()
        self.layout = MapLayout(width=0.0, height=0.0)
        self.corner.setVisible(False)
        self.grid.setVisible(False)

    def relayout(self, content: set[str] | frozenset = frozenset()) -> None:
        """Recompute the layout and move the items whose place or text changed."""
        journey = self.journey
        if journey is None:
            return
        layout = self.layout = compute_layout(journey, self.wrapper)
        kinds = {lane.id: lane.kind for lane in journey.lanes}
        channels = {c.id: c for c in self.doc.project.channels}
        cards = self.cards
        stage_counts: dict[str, int] = {}
        lane_counts: dict[str, int] = {}
        for card_id in [i for i in cards if i not in layout.cards]:
            self.removeItem(cards.pop(card_id))
        for card_id, box in layout.cards.items():
            card = box.card
            kind = kinds[card.lane_id]
            channel = channels.get(card.channel_id) if card.channel_id else None
            item = cards.get(card_id)
            if item is None:
                item = cards[card_id] = CardItem(box, kind, channel)
                item.decorated = self.decorated
                self.addItem(item)
            else:
                item.apply(box, kind, channel, card_id in content)
            stage_counts[card.stage_id] = stage_counts.get(card.stage_id, 0) + 1
            lane_counts[card.lane_id] = lane_counts.get(card.lane_id, 0) + 1
        for marker_id, item in self.markers.items():
            point = layout.markers.get(marker_id)
            if point is None:
                item.setVisible(False)
                continue
            item.setVisible(True)
            item.set_score(point.score)
            item.setPos(point.x, point.y)
            if marker_id in content:
                item.update()
            lane_counts[item.marker.lane_id] = lane_counts.get(item.marker.lane_id, 0) + 1
        for lane_item in self.emotion_lanes.values():
            lane_item.set_layout(layout, journey)
        for stage in journey.stages:
            header = self.stage_headers[stage.id]
            header.card_count = stage_counts.get(stage.id, 0)
            header.resize(layout.stage_rects[stage.id].w, style.STAGE_HEADER_HEIGHT)
            header.update()
        for index, lane in enumerate(journey.lanes):
            header = self.lane_headers[lane.id]
            header.index = index
            header.scale = (journey.emotion_min, journey.emotion_max)
            header.card_count = lane_counts.get(lane.id, 0)
            header.resize(style.LANE_HEADER_WIDTH, layout.lane_rects[lane.id].h)
            header.update()
        self.grid.setVisible(True)
        self.grid.set_layout(layout, [s.id for s in journey.stages],
                             [ln.id for ln in journey.lanes])
        self.corner.setVisible(True)
        self.corner.set_content(journey, self.doc.project.persona(journey.persona_id))
        self.setSceneRect(QRectF(0, 0, layout.width + SCENE_MARGIN,
                                 layout.height + SCENE_MARGIN))
        self.pin_headers(*self.pin)
        self.relaid_out.emit()

    def pin_headers(self, left: float, top: float) -> None:
        """Keep the headers at the visible top/left edge (sticky headers)."""
        self.pin = (max(0.0, left), max(0.0, top))
        left, top = self.pin
        for stage_id, header in self.stage_headers.items():
            rect = self.layout.stage_rects.get(stage_id)
            if rect is not None and (header.x() != rect.x or header.y() != top):
                header.setPos(rect.x, top)
        for lane_id, header in self.lane_headers.items():
            rect = self.layout.lane_rects.get(lane_id)
            if rect is not None and (header.x() != left or header.y() != rect.y):
                header.setPos(left, rect.y)
        if self.corner.pos() != QPointF(left, top):
            self.corner.setPos(left, top)

    # -- geometry helpers for gestures ---------------------------------------------------

    def cell_at(self, x: float, y: float) -> tuple[str, str] | None:
        """The (stage id, lane id) under a scene point, clamped into the grid."""
        journey = self.journey
        if journey is None or not journey.stages or not journey.lanes:
            return None
        first, last = self.layout.stage_rects[journey.stages[0].id], \
            self.layout.stage_rects[journey.stages[-1].id]
        top = self.layout.lane_rects[journey.lanes[0].id]
        bottom = self.layout.lane_rects[journey.lanes[-1].id]
        mx = min(max(x, first.x), last.right - 0.5)
        my = min(max(y, top.y), bottom.bottom - 0.5)
        stage_id, lane_id = self.layout.stage_at(mx), self.layout.lane_at(my)
        if stage_id is None or lane_id is None:
            return None
        return stage_id, lane_id

    def cell_rect(self, stage_id: str, lane_id: str) -> QRectF:
        """A cell's rectangle in scene coordinates."""
        return units.rect_to_scene(self.layout.cell_rect(stage_id, lane_id))

    def cell_boxes(self, stage_id: str, lane_id: str, exclude: set[str] = frozenset()
                   ) -> list:
        """The laid-out cards of a cell starting in it, top to bottom, minus `exclude`."""
        journey = self.journey
        if journey is None:
            return []
        boxes = [self.layout.cards[c.id] for c in journey.cell_cards(stage_id, lane_id)
                 if c.id not in exclude and c.id in self.layout.cards]
        return sorted(boxes, key=lambda b: b.rect.y)

    def insert_index(self, stage_id: str, lane_id: str, y: float,
                     exclude: set[str] = frozenset()) -> int:
        """Where a card dropped at height y goes among the cell's other cards."""
        boxes = self.cell_boxes(stage_id, lane_id, exclude)
        return sum(1 for b in boxes if y > b.rect.y + b.rect.h / 2)

    def insertion_bar(self, stage_id: str, lane_id: str, index: int,
                      exclude: set[str] = frozenset()) -> QLineF:
        """The line drawn between cards where a drop at `index` will land."""
        cell = self.cell_rect(stage_id, lane_id)
        boxes = self.cell_boxes(stage_id, lane_id, exclude)
        if not boxes:
            y = cell.top() + style.CELL_PADDING / 2
        elif index >= len(boxes):
            y = boxes[-1].rect.bottom + style.CARD_GAP / 2
        else:
            y = boxes[index].rect.y - style.CARD_GAP / 2
        left = cell.left() + style.CELL_PADDING
        return QLineF(left, y, cell.right() - style.CELL_PADDING, y)

    def stage_gap_rect(self, index: int) -> QRectF:
        """A thin band at the boundary where a stage inserted at `index` goes."""
        journey = self.journey
        xs = [self.layout.stage_rects[s.id].x for s in journey.stages] if journey else []
        if journey and journey.stages:
            xs.append(self.layout.stage_rects[journey.stages[-1].id].right)
        x = xs[min(index, len(xs) - 1)] if xs else style.LANE_HEADER_WIDTH
        return QRectF(x - 8, 0, 16, max(self.layout.height, 200.0))

    def lane_gap_rect(self, index: int) -> QRectF:
        """A thin band at the boundary where a lane inserted at `index` goes."""
        journey = self.journey
        ys = [self.layout.lane_rects[ln.id].y for ln in journey.lanes] if journey else []
        if journey and journey.lanes:
            ys.append(self.layout.lane_rects[journey.lanes[-1].id].bottom)
        y = ys[min(index, len(ys) - 1)] if ys else style.STAGE_HEADER_HEIGHT
        return QRectF(0, y - 8, max(self.layout.width, 400.0), 16)

    # -- tooltips ------------------------------------------------------------------------

    def tooltip_for(self, item: QGraphicsItem | None) -> str:
        """The full text behind an item (the canvas shows at most six lines)."""
        entity = self.entity_of(item)
        if isinstance(item, CornerItem) and item.persona is not None:
            p = item.persona
            return "\n".join(x for x in (p.name, p.occupation, p.quote and f"“{p.quote}”") if x)
        if isinstance(entity, Card):
            parts = [entity.title or tr("(untitled)")]
            if entity.body:
                parts.append(entity.body)
            channel = self.doc.project.channel(entity.channel_id)
            details = []
            if channel is not None:
                details.append(tr("Channel: {0}").format(channel.name))
            if entity.severity:
                details.append(tr("Severity: {0} of 3").format(entity.severity))
            if entity.value is not None:
                details.append(tr("Value: {0} {1}").format(format_number(entity.value),
                                                           entity.unit).strip())
            if entity.target is not None:
                details.append(tr("Target: {0}").format(format_number(entity.target)))
            for label, value in ((tr("Owner"), entity.owner), (tr("Priority"), entity.priority),
                                 (tr("Status"), entity.status)):
                if value:
                    details.append(f"{label}: {value}")
            if entity.evidence is not None:
                details.append(tr("Evidence: {0}").format(evidence_name(entity.evidence.value)))
            if entity.favourite:
                details.append(tr("★ Favourite touchpoint"))
            return "\n\n".join(parts + (["\n".join(details)] if details else []))
        if isinstance(entity, EmotionMarker):
            name = emotion_name(entity.score)
            return f"{entity.score:+d} · {name}" + (f"\n{entity.label}" if entity.label else "")
        if isinstance(entity, (Stage, Lane)):
            extra = entity.description if isinstance(entity, Stage) else ""
            return entity.title + (f"\n\n{extra}" if extra else "")
        return ""

    def helpEvent(self, event) -> None:  # noqa: N802 - Qt's name
        for item in self.items(event.scenePos()):
            tip = self.tooltip_for(item)
            if tip:
                QToolTip.showText(event.screenPos(), tip, event.widget())
                event.accept()
                return
        QToolTip.hideText()
        event.ignore()
