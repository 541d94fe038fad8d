"""Find and filter drawn on a MapScene from outside its items.

The items stay as the scene made them; this module only sets their opacity and
visibility and draws two overlay paths: a thin ring around every match and a bold one
around the current match. It runs again after each relayout (`MapScene.relaid_out`),
since a relayout moves items and creates new ones. View-only: nothing here reaches the
model, the file or the undo stack.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from app.canvas import units
from app.canvas.items.overlay import Z_OVERLAY
from app.canvas.scene import MapScene
from app.domain.model import Connector

DIMMED = 0.18
# A line from a card the filter keeps to one it leaves out: fainter than a kept line, so
# the kept cards' own paths stand out, yet plainer than a dimmed card, since it still
# says where a kept step leads.
HALF_DIMMED = 0.45
MATCH_COLOR = "#F2A900"
CURRENT_COLOR = "#E8590C"
# Past this many matches only the current one is ringed: the dimmed rest already shows
# them, and thousands of rings cost a keystroke tens of milliseconds.
MAX_RINGS = 300


@dataclass
class Look:
    """What the canvas shows of find and filter; the default shows the map untouched."""

    dimmed: set[str] = field(default_factory=set)  # card and marker ids drawn faint
    hidden: set[str] = field(default_factory=set)  # card and marker ids not drawn
    hidden_lanes: set[str] = field(default_factory=set)
    matches: list[str] = field(default_factory=list)  # entity ids ringed (any kind)
    current: str | None = None  # the match ringed in bold

    @property
    def plain(self) -> bool:
        """True when nothing is dimmed, hidden or ringed."""
        return not (self.dimmed or self.hidden or self.hidden_lanes or self.matches)


def _ring(color: str, width: float) -> QGraphicsPathItem:
    item = QGraphicsPathItem()
    pen = QPen(QColor(color), width)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    item.setPen(pen)
    item.setZValue(Z_OVERLAY - 1)
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    item.setVisible(False)
    return item


class Highlight:
    """Applies a Look to one scene and keeps it applied across relayouts."""

    def __init__(self, scene: MapScene) -> None:
        self.scene = scene
        self.look = Look()
        self._touched = False  # whether items may carry a look to undo
        # The card looks the connectors were last given: a new look restyles only the
        # lines of cards whose look changed, so an edit does not walk every line.
        self._faint: set[str] = set()
        self._gone: set[str] = set()
        self._lanes: set[str] = set()
        scene.links.look = self.connector_look
        self.rings = _ring(MATCH_COLOR, 2.0)
        self.current_ring = _ring(CURRENT_COLOR, 4.0)
        scene.addItem(self.rings)
        scene.addItem(self.current_ring)
        scene.relaid_out.connect(self.refresh)

    def detach(self) -> None:
        """Show the scene untouched and stop following it."""
        self.show(Look())
        if self.scene.links.look == self.connector_look:
            self.scene.links.look = None
        try:
            self.scene.relaid_out.disconnect(self.refresh)
        except (RuntimeError, TypeError):  # the scene is already gone
            pass
        for ring in (self.rings, self.current_ring):
            if ring.scene() is self.scene:
                self.scene.removeItem(ring)

    def show(self, look: Look) -> None:
        """Show `look` from now on."""
        self.look = look
        self.refresh()

    def refresh(self) -> None:
        """Bring every item to the look (cheap when the look is plain and was plain)."""
        look = self.look
        if look.plain and not self._touched:
            return
        scene = self.scene
        lanes = look.hidden_lanes
        if scene.set_hidden_lanes(lanes):
            return  # the relayout came back here (relaid_out) with the lanes closed up
        for lane_id, layer in scene.layers.items():
            _set_visible(layer, lane_id not in lanes)
        for lane_id, header in scene.lane_headers.items():
            _set_visible(header, lane_id not in lanes)
        faded: dict[str, bool] = {}  # emotion lane id → every marker of it left out
        for item in scene.markers.values():
            marker_id, lane_id = item.marker.id, item.marker.lane_id
            out = marker_id in look.dimmed or marker_id in look.hidden
            faded[lane_id] = faded.get(lane_id, True) and out
        for lane_id, lane_item in scene.emotion_lanes.items():
            # The curve fades with its faces, so a filtered view does not shout it.
            _set_look(lane_item, faded.get(lane_id, False), lane_id in lanes)
        for card_id, item in scene.cards.items():
            _set_look(item, card_id in look.dimmed, card_id in look.hidden)
        layout_markers = scene.layout.markers
        for marker_id, item in scene.markers.items():
            gone = (marker_id in look.hidden or item.marker.lane_id in lanes
                    or marker_id not in layout_markers)
            _set_look(item, marker_id in look.dimmed, gone)
        self._restyle_connectors()
        self._draw_rings()
        self._touched = not look.plain

    def connector_look(self, connector: Connector) -> tuple[float, bool]:
        """A line's opacity and whether it is hidden, from its ends' looks: hidden with
        either end or its lane (not drawn to nowhere), faint with both, half faint with
        one."""
        look, cards = self.look, self.scene.cards
        ends = (connector.source_id, connector.target_id)
        if any(end in look.hidden for end in ends) or look.hidden_lanes and any(
                (item := cards.get(end)) is not None and item.card.lane_id in look.hidden_lanes
                for end in ends):
            return 1.0, True
        faint = sum(end in look.dimmed for end in ends)
        return (1.0, HALF_DIMMED, DIMMED)[faint], False

    def _restyle_connectors(self) -> None:
        look, links = self.look, self.scene.links
        if look.hidden_lanes != self._lanes:  # rare, and the map was laid out again
            ids: set[str] | list[str] = list(links.items)
        else:
            ids = links.of((self._faint ^ look.dimmed) | (self._gone ^ look.hidden))
        self._faint, self._gone = set(look.dimmed), set(look.hidden)
        self._lanes = set(look.hidden_lanes)
        for connector_id in ids:
            item = links.items.get(connector_id)
            if item is not None:
                links.restyle(item)

    def rect_of(self, entity_id: str) -> QRectF | None:
        """Where an entity is drawn in scene coordinates (a stage's or lane's whole band)."""
        scene = self.scene
        card = scene.cards.get(entity_id)
        if card is not None:
            return card.mapRectToScene(card.card_rect())
        marker = scene.markers.get(entity_id)
        if marker is not None:
            return marker.sceneBoundingRect()
        layout = scene.layout
        band = layout.stage_rects.get(entity_id) or layout.lane_rects.get(entity_id)
        return units.rect_to_scene(band) if band is not None else None

    def _draw_rings(self) -> None:
        look = self.look
        path = QPainterPath()
        for entity_id in look.matches if len(look.matches) <= MAX_RINGS else ():
            if entity_id == look.current:
                continue
            rect = self._shown_rect(entity_id)
            if rect is not None:
                path.addRoundedRect(rect.adjusted(-3, -3, 3, 3), 6, 6)
        self.rings.setPath(path)
        self.rings.setVisible(not path.isEmpty())
        current = self._shown_rect(look.current) if look.current else None
        bold = QPainterPath()
        if current is not None:
            bold.addRoundedRect(current.adjusted(-5, -5, 5, 5), 7, 7)
        self.current_ring.setPath(bold)
        self.current_ring.setVisible(current is not None)

    def _shown_rect(self, entity_id: str) -> QRectF | None:
        item = self.scene.cards.get(entity_id) or self.scene.markers.get(entity_id)
        if item is not None and not _drawn(item):
            return None
        return self.rect_of(entity_id)


def _drawn(item: QGraphicsItem) -> bool:
    """True when the item and its parent (a card's lane layer) are visible."""
    parent = item.parentItem()
    return item.isVisible() and (parent is None or parent.isVisible())


def _set_visible(item: QGraphicsItem, visible: bool) -> None:
    if item.isVisible() != visible:
        item.setVisible(visible)


def _set_look(item: QGraphicsItem, dimmed: bool, hidden: bool) -> None:
    opacity = DIMMED if dimmed else 1.0
    if item.opacity() != opacity:
        item.setOpacity(opacity)
    _set_visible(item, not hidden)

