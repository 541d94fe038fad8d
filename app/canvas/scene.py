"""MapScene: the scene that mirrors one map of a Document, item for entity.

The scene never writes the model. It follows the document's changes: a change of cards
lays out only their cells again (app.domain.live_layout) and touches only the items
whose box changed; lanes below move as one item each (their LaneLayer). A change of
stages or lanes lays out the whole map, wrapping again only text whose width changed.
Inside a lane's layer each cell's cards sit in a CellLayer fitted to them, so painting
and item discovery skip whole cells that lie off screen (the scene keeps no index).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QLineF, QObject, QPointF, QRectF, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QToolTip

from app.canvas import tooltips, units
from app.canvas.connector_layer import ConnectorLayer
from app.canvas.items.card import CardItem
from app.canvas.items.connector import LinkBandItem, LinkHandleItem, connector_item
from app.canvas.items.emotions import EmotionLaneItem, MarkerItem
from app.canvas.items.grid import GridItem
from app.canvas.items.headers import CornerItem, LaneHeaderItem, StageHeaderItem
from app.canvas.items.layer import CellLayer, LaneLayer
from app.canvas.items.overlay import CellCursorItem, DropPreviewItem, GuideItem
from app.canvas.text import load_fonts, shared_wrapper
from app.document.document import Document
from app.domain import style
from app.domain.events import Change, ChangeKind
from app.domain.layout import MapLayout
from app.domain.live_layout import LayoutDelta, LiveLayout
from app.domain.model import (
    Card,
    Channel,
    Connector,
    EmotionMarker,
    JourneyMap,
    Lane,
    LaneKind,
    Persona,
    Stage,
)
from app.export.i18n import Texts, texts_for

SCENE_MARGIN = 40.0
# On screen the scrollable height grows and shrinks in steps: a card that wraps onto one
# more line leaves the scroll bars alone (repainting them was ~1.5 ms of such a key).
SCROLL_STEP = 240.0

# Fields whose change only repaints a header (no geometry depends on them).
_HEADER_FIELDS: dict[type, frozenset[str]] = {
    Stage: frozenset({"title", "description", "color"}),
    Lane: frozenset({"title"}),
}
# Fields of a card that say where it is, not what it shows: the layout places it again and
# its picture (the device cache) stays. A drop renumbers the cards after the drop point.
_PLACE_FIELDS = frozenset({"order", "stage_id", "lane_id"})
_ORDER_ONLY = frozenset({"order"})
_MAP_LOOKS = frozenset({"name", "description", "state", "persona_id", "derived_from_id"})
_MAP_SCALE = frozenset({"emotion_min", "emotion_max"})


def _only(change: Change, names: frozenset[str]) -> bool:
    """True when `change` changed named fields, all of them among `names`."""
    return change.kind == ChangeKind.CHANGED and bool(change.fields) \
        and set(change.fields) <= names


class MapScene(QGraphicsScene):
    """The live picture of one map; rebuilt only when the map itself is swapped."""

    relaid_out = Signal()  # after every relayout, for views that keep overlays in place

    def __init__(self, doc: Document, map_id: str, parent: QObject | None = None,
                 decorated: bool = True, language: str | None = None) -> None:
        super().__init__(parent)
        load_fonts()
        self.doc = doc
        self.map_id = map_id
        self.decorated = decorated
        self.language = language  # the drawn labels' language; None: the project's
        # A card's dots in the voting round shown, for items made as the map changes; None
        # while no round is shown (set by app.ui.voting).
        self.dots_for: Callable[[str], tuple[int, bool] | None] | None = None
        self.wrapper = shared_wrapper()
        self.live = LiveLayout(self.wrapper)
        self.layout: MapLayout = self.live.layout
        self.cards: dict[str, CardItem] = {}
        self.layers: dict[str, LaneLayer] = {}
        self.cells: dict[tuple[str, str], CellLayer] = {}
        self.markers: dict[str, MarkerItem] = {}
        self.stage_headers: dict[str, StageHeaderItem] = {}
        self.lane_headers: dict[str, LaneHeaderItem] = {}
        self.emotion_lanes: dict[str, EmotionLaneItem] = {}
        self.pin = (0.0, 0.0)
        # No index: a lane that moves would make the BSP tree re-file every card in it.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setBackgroundBrush(QBrush(QColor(style.CANVAS_BACKGROUND)))
        self.grid = GridItem()
        self.corner = CornerItem()
        self.preview = DropPreviewItem()
        self.guide = GuideItem()
        self.cell_cursor = CellCursorItem()
        self.link_handle = LinkHandleItem()
        self.link_band = LinkBandItem()
        for item in (self.grid, self.corner, self.preview, self.guide, self.cell_cursor,
                     self.link_handle, self.link_band):
            self.addItem(item)
        self.links = ConnectorLayer(self)
        self.corner.decorated = decorated
        # Not coalesced: the next gesture reads this geometry right after its own edit,
        # and a change costs only the cells it touched.
        self.subscription = doc.subscribe(self, self._on_changed, coalesce=False)
        self._sync(set())

    # -- the model ------------------------------------------------------------------------

    @property
    def texts(self) -> Texts:
        """The language of the labels the map draws: the export's, else the project's."""
        return texts_for(self.language or self.doc.project.language)

    @property
    def journey(self) -> JourneyMap | None:
        """The map shown (None once it was deleted)."""
        return self.doc.project.map(self.map_id)

    def detach(self) -> None:
        """Stop following the document (before the scene is dropped)."""
        self.subscription.cancel()

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
        link = connector_item(item)
        if link is not None:
            return link.connector
        return None

    def item_for(self, entity_id: str) -> QGraphicsItem | None:
        """The item showing this entity, if any."""
        return (self.cards.get(entity_id) or self.markers.get(entity_id)
                or self.stage_headers.get(entity_id) or self.lane_headers.get(entity_id)
                or self.links.items.get(entity_id))

    # -- following changes ---------------------------------------------------------------

    def _on_changed(self, changes: list[Change]) -> None:
        """Sort one command's changes by what they cost: a card's cell, or the whole map."""
        journey = self.journey
        if journey is None:
            if any(self._concerns(c) for c in changes):
                self._drop_all()
            return
        cards: dict[str, tuple[Card, ChangeKind]] = {}
        links: list[Change] = []
        relinked: set[str] = set()  # cards whose lines this command moves (not renumbered)
        repaint: set[str] = set()
        headers: set[str] = set()
        markers = corner = structural = False
        for change in changes:
            entity, kind = change.entity, change.kind
            if isinstance(entity, Card):
                if entity.map_id == self.map_id:
                    cards[entity.id] = (entity, kind)
                    if not _only(change, _PLACE_FIELDS):
                        repaint.add(entity.id)
                    if not _only(change, _ORDER_ONLY):
                        relinked.add(entity.id)
            elif isinstance(entity, EmotionMarker):
                if entity.map_id == self.map_id:
                    markers = True
                    repaint.add(entity.id)
            elif isinstance(entity, Connector):
                if entity.map_id == self.map_id:
                    links.append(change)
            elif isinstance(entity, (Stage, Lane)):
                if entity.map_id != self.map_id:
                    continue
                if _only(change, _HEADER_FIELDS[type(entity)]):
                    headers.add(entity.id)
                else:
                    structural = True
            elif isinstance(entity, JourneyMap):
                if entity.id != self.map_id:
                    continue
                if _only(change, _MAP_LOOKS):
                    corner = True
                elif _only(change, _MAP_LOOKS | _MAP_SCALE):
                    corner = markers = True
                    headers.update(ln.id for ln in journey.lanes)
                else:
                    structural = True
            elif isinstance(entity, Persona):
                corner = True
            elif isinstance(entity, Channel):
                corner = True
                repaint.update(c.id for c in journey.cards if c.channel_id == entity.id)
        if structural:
            self._sync(repaint)
            return
        delta = None
        if cards:
            changed = [c for c, k in cards.values() if k != ChangeKind.REMOVED]
            removed = [c for c, k in cards.values() if k == ChangeKind.REMOVED]
            delta = self.live.update_cards(journey, changed, removed)
        if markers:
            self._sync_markers(journey)
            marker_delta = self.live.update_markers(journey)
            if delta is None:
                delta = marker_delta
            else:
                delta.markers = delta.counts = True
        if delta is None and repaint:
            delta = LayoutDelta()
        if delta is not None:
            self._apply(journey, delta, repaint, set(cards), relinked)
        for entity_id in headers:
            header = self.stage_headers.get(entity_id) or self.lane_headers.get(entity_id)
            if header is not None:
                header.update()
        if corner:
            self.corner.set_content(journey, self.doc.project.persona(journey.persona_id))
        if links:
            self.links.changed(journey, links)

    def _concerns(self, change: Change) -> bool:
        entity = change.entity
        if isinstance(entity, JourneyMap):
            return entity.id == self.map_id
        return getattr(entity, "map_id", None) == self.map_id

    def _sync(self, content: set[str]) -> None:
        """Create and drop items to match the model, then lay the whole map out again."""
        journey = self.journey
        if journey is None:
            self._drop_all()
            return
        self._sync_dict(self.stage_headers, {s.id: s for s in journey.stages},
                        lambda s: StageHeaderItem(s, s.width))
        self._sync_dict(self.lane_headers, {ln.id: ln for ln in journey.lanes},
                        lambda ln: LaneHeaderItem(ln, ln.height, 0))
        lanes = {ln.id for ln in journey.lanes}
        stages = {s.id for s in journey.stages}
        for card_id in [i for i, it in self.cards.items() if it.card.lane_id not in lanes
                        or it.card.stage_id not in stages or it.parentItem()
                        is not self.cells.get((it.card.stage_id, it.card.lane_id))]:
            # Before its cell's layer goes (which would delete it with the layer); the
            # relayout makes items again for the cards that are still there.
            self.removeItem(self.cards.pop(card_id))
        for key in [k for k in self.cells if k[0] not in stages or k[1] not in lanes]:
            self.removeItem(self.cells.pop(key))
        self._sync_dict(self.layers, {ln.id: ln for ln in journey.lanes},
                        lambda ln: LaneLayer(ln.id))
        self._sync_markers(journey)
        self.links.sync(journey)
        self.relayout(content)

    def _sync_markers(self, journey: JourneyMap) -> None:
        emotion = {ln.id: ln for ln in journey.lanes
                   if ln.kind == LaneKind.EMOTIONS and not ln.collapsed}
        self._sync_dict(self.emotion_lanes, emotion, lambda ln: EmotionLaneItem(ln.id))
        self._sync_dict(self.markers, {m.id: m for m in journey.markers
                                       if m.lane_id in emotion}, MarkerItem)

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
                      self.emotion_lanes, self.cells, self.layers):
            for item in items.values():
                if item.scene() is self:
                    self.removeItem(item)
            items.clear()
        self.links.clear()
        hidden = self.live.hidden_lanes
        self.live = LiveLayout(self.wrapper)
        self.live.hidden_lanes = hidden
        self.layout = self.live.layout
        self.corner.setVisible(False)
        self.grid.setVisible(False)

    def set_hidden_lanes(self, lane_ids: set[str] | frozenset[str]) -> bool:
        """Lay the map out without these lanes' bands (a view's filter; the model keeps
        them); True when that changed the layout."""
        wanted = frozenset(lane_ids)
        if wanted == self.live.hidden_lanes:
            return False
        self.live.hidden_lanes = wanted
        self.relayout()
        return True

    def relayout(self, content: set[str] | frozenset = frozenset()) -> None:
        """Lay the whole map out again and move the items whose place or text changed."""
        journey = self.journey
        if journey is None:
            return
        self.live.rebuild(journey)
        self.layout = self.live.layout
        self._apply(journey, self.live.last_delta, set(content))
        self.corner.setVisible(True)
        self.corner.set_content(journey, self.doc.project.persona(journey.persona_id))

    def _apply(self, journey: JourneyMap, delta: LayoutDelta, repaint: set[str],
               touched: set[str] | frozenset[str] = frozenset(),
               relinked: set[str] | None = None) -> None:
        """Bring the items named by `delta` to the layout; repaint the cards in `repaint`.

        `touched` names the cards the command changed (they may have changed cell),
        `relinked` those of them whose lines it moves (default: all of them).
        """
        layout = self.layout
        cards = self.cards
        full = delta.full
        if full:
            delta.removed |= {i for i in cards if i not in layout.cards}
        refit: set[CellLayer] = set()  # cells whose cards moved, came or went
        for card_id in delta.removed:
            item = cards.pop(card_id, None)
            if item is not None:
                parent = item.parentItem()
                if isinstance(parent, CellLayer):
                    refit.add(parent)
                self.removeItem(item)
        placed = delta.cards | repaint
        if not full:
            # Cards that only shifted in their cell (the command did not touch them, their
            # text was not wrapped again) need a move and nothing else. A drop at the top
            # of a cell shifts every card below it: most of a drop's cards are these.
            placed = repaint | touched | delta.rewrapped
            for card_id in delta.cards - placed:
                item, box = cards.get(card_id), layout.cards.get(card_id)
                if item is None or box is None or item.box is not box:
                    placed.add(card_id)
                else:
                    item.place(box)
            refit.update(self.cells[key] for key in delta.cells if key in self.cells)
        kinds = {lane.id: lane.kind for lane in journey.lanes}
        project = self.doc.project
        for card_id in placed:
            box = layout.cards.get(card_id)
            if box is None:
                continue
            card = box.card
            kind = kinds[card.lane_id]
            channel = project.channel(card.channel_id) if card.channel_id else None
            cell = self.cell_layer(card.stage_id, card.lane_id)
            refit.add(cell)
            item = cards.get(card_id)
            if item is None:
                item = cards[card_id] = CardItem(box, kind, channel, self.decorated)
                item.decorated = self.decorated
                if self.dots_for is not None:  # a voting round is shown (app.ui.voting)
                    item.set_dots(self.dots_for(card_id))
                if self.decorated:
                    # On screen a card is drawn once into a pixmap and blitted while lanes
                    # shift; update() (content, hover, selection) redraws it.
                    item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
                item.setParentItem(cell)
                continue
            parent = item.parentItem()
            if parent is not cell:
                if isinstance(parent, CellLayer):
                    refit.add(parent)
                item.setParentItem(cell)
            content = (card_id in repaint or card_id in delta.rewrapped or kind != item.kind
                       or channel is not item.channel
                       or (full and (box.title_lines != item.box.title_lines
                                     or box.body_lines != item.box.body_lines)))
            item.apply(box, kind, channel, content)
        for cell in refit:
            cell.fit()
        if full or delta.lanes:
            for lane_id, layer in self.layers.items():
                band = self.live.bands.get(lane_id)
                if band is None:
                    continue
                # Whole pixels on screen, as the cards in it (CardItem.snap): a lane that
                # grows then shifts the cached pictures of the lanes below without a redraw.
                y = float(round(band.y)) if self.decorated else band.y
                if layer.y() != y:
                    layer.setPos(0.0, y)
        if full or delta.markers:
            for marker_id, item in self.markers.items():
                point = layout.markers.get(marker_id)
                if point is None:
                    item.setVisible(False)
                    continue
                item.setVisible(True)
                item.set_score(point.score)
                if item.x() != point.x or item.y() != point.y:
                    item.setPos(point.x, point.y)
                if marker_id in repaint:
                    item.update()
            for lane_item in self.emotion_lanes.values():
                lane_item.set_layout(layout, journey)
        if full or delta.counts or delta.lanes:
            self._update_headers(journey, full)
        if full or delta.lanes or delta.size:
            self.grid.setVisible(True)
            self.grid.set_layout(layout, [s.id for s in journey.stages],
                                 [ln.id for ln in journey.lanes])
        if full or delta.size:
            height = layout.height + SCENE_MARGIN
            if self.decorated:
                height = math.ceil(height / SCROLL_STEP) * SCROLL_STEP
            rect = QRectF(0, 0, layout.width + SCENE_MARGIN, height)
            if rect != self.sceneRect():
                self.setSceneRect(rect)
        if full or delta.lanes:
            self.pin_headers(*self.pin)
        self.links.after_layout(journey, delta, touched if relinked is None else relinked)
        self.relaid_out.emit()

    def cell_layer(self, stage_id: str, lane_id: str) -> CellLayer:
        """The layer that holds a cell's card items (made on first use)."""
        cell = self.cells.get((stage_id, lane_id))
        if cell is None:
            cell = self.cells[(stage_id, lane_id)] = CellLayer(stage_id, lane_id, self.decorated)
            cell.setParentItem(self.layers[lane_id])
        return cell

    def return_card(self, item: CardItem) -> None:
        """Put a card item (lifted out for a drag) back in its cell, on its layout box."""
        box = self.layout.cards.get(item.entity_id)
        if item.scene() is not self or box is None or self.cards.get(item.entity_id) is not item:
            return  # the card went away meanwhile: its item is no longer shown
        item.setParentItem(self.cell_layer(box.card.stage_id, box.card.lane_id))
        item.place(box)  # where it was lifted from: the cell's bounds still hold

    def _update_headers(self, journey: JourneyMap, everything: bool) -> None:
        """Counts and sizes on the headers; repaint those that changed (or all of them).

        A header that only moves (a lane above it grew) is moved by `pin_headers`.
        """
        stage_counts, lane_counts = self.live.counts(journey)
        for item in self.markers.values():
            if item.isVisible():
                lane_id = item.marker.lane_id
                lane_counts[lane_id] = lane_counts.get(lane_id, 0) + 1
        layout = self.layout
        for stage in journey.stages:
            header = self.stage_headers[stage.id]
            count = stage_counts.get(stage.id, 0)
            header.resize(layout.stage_rects[stage.id].w, style.STAGE_HEADER_HEIGHT)
            if everything or header.card_count != count:
                header.card_count = count
                header.update()
        scale = (journey.emotion_min, journey.emotion_max)
        for index, lane in enumerate(journey.lanes):
            header = self.lane_headers[lane.id]
            count = lane_counts.get(lane.id, 0)
            header.resize(style.LANE_HEADER_WIDTH, layout.lane_rects[lane.id].h)
            if everything or header.card_count != count or header.scale != scale \
                    or header.index != index:
                header.index = index
                header.scale = scale
                header.card_count = count
                header.update()

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
        if self.journey is None:
            return []
        cards = self.layout.cards
        boxes = [cards[c.id] for c in self.live.cell_cards(stage_id, lane_id)
                 if c.id not in exclude and c.id in cards]
        return sorted(boxes, key=lambda b: b.rect.y)

    def insert_index(self, stage_id: str, lane_id: str, y: float,
                     exclude: set[str] = frozenset()) -> int:
        """Where a card dropped at height y goes among the cell's other cards."""
        return self.index_among(self.cell_boxes(stage_id, lane_id, exclude), y)

    @staticmethod
    def index_among(boxes: list, y: float) -> int:
        """Where a card dropped at height y goes among these boxes (from `cell_boxes`)."""
        return sum(1 for b in boxes if y > b.band.y + b.dy + b.h / 2)  # b.rect, unbuilt

    def insertion_bar(self, stage_id: str, lane_id: str, index: int,
                      exclude: set[str] = frozenset()) -> QLineF:
        """The line drawn between cards where a drop at `index` will land."""
        return self.bar_among(stage_id, lane_id, self.cell_boxes(stage_id, lane_id, exclude),
                              index)

    def bar_among(self, stage_id: str, lane_id: str, boxes: list, index: int) -> QLineF:
        """`insertion_bar` for the boxes `cell_boxes` gave."""
        cell = self.cell_rect(stage_id, lane_id)
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
        return tooltips.tooltip_for(self, item)

    def helpEvent(self, event) -> None:  # noqa: N802 - Qt's name
        for item in self.items(event.scenePos()):
            tip = self.tooltip_for(item)
            if tip:
                QToolTip.showText(event.screenPos(), tip, event.widget())
                event.accept()
                return
        QToolTip.hideText()
        event.ignore()
