"""The connectors of a MapScene: one item each, rerouted only where the layout changed.

A connector is routed again when an end moved (its card was placed again, or its lane's
band moved), or when a cell it runs past was stacked again (a card there may now stand
in its way). While cards are dragged, only the connectors touching them follow.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from app.canvas.items.connector import ConnectorItem
from app.domain.events import Change, ChangeKind
from app.domain.layout import Rect
from app.domain.live_layout import LayoutDelta
from app.domain.model import Connector, JourneyMap
from app.domain.routing import Box, Route, route_connector

if TYPE_CHECKING:
    from app.canvas.scene import MapScene

# Fields of a connector that move its line; the others only repaint it.
_ROUTE_FIELDS = frozenset({"source_id", "target_id", "kind", "map_id"})


def _meets(bounds: Box, rect: Rect) -> bool:
    return (bounds.x <= rect.right and rect.x <= bounds.right
            and bounds.y <= rect.bottom and rect.y <= bounds.bottom)


class ConnectorLayer:
    """The scene's connector items by id, and which connectors touch each card or stage."""

    def __init__(self, scene: MapScene) -> None:
        self.scene = scene
        self.items: dict[str, ConnectorItem] = {}
        self._touching: dict[str, set[str]] = {}  # card or stage id -> connector ids
        self.rerouted = 0  # connectors routed since the scene was made (for tests, bench)

    # -- items --------------------------------------------------------------------------

    def _index(self, connector: Connector) -> None:
        for end in (connector.source_id, connector.target_id):
            self._touching.setdefault(end, set()).add(connector.id)

    def _unindex(self, connector: Connector) -> None:
        for end in (connector.source_id, connector.target_id):
            ids = self._touching.get(end)
            if ids is not None:
                ids.discard(connector.id)
                if not ids:
                    del self._touching[end]

    def _add(self, journey: JourneyMap, connector: Connector) -> None:
        item = ConnectorItem(connector, self._route(journey, connector), self.scene.decorated)
        self.items[connector.id] = item
        self._index(connector)
        self.scene.addItem(item)

    def _drop(self, connector_id: str) -> None:
        item = self.items.pop(connector_id, None)
        if item is not None:
            self._unindex(item.connector)
            if item.scene() is self.scene:
                self.scene.removeItem(item)

    def clear(self) -> None:
        """Remove every connector item."""
        for connector_id in list(self.items):
            self._drop(connector_id)
        self._touching.clear()

    def sync(self, journey: JourneyMap) -> None:
        """Make and drop items to match the map's connectors (routed by `after_layout`)."""
        wanted = {c.id: c for c in journey.connectors}
        for gone in [i for i in self.items if i not in wanted]:
            self._drop(gone)
        for connector_id, connector in wanted.items():
            item = self.items.get(connector_id)
            if item is None:
                item = ConnectorItem(connector, None, self.scene.decorated)
                self.items[connector_id] = item
                self.scene.addItem(item)
            elif item.connector is not connector:
                self._unindex(item.connector)
                item.connector = connector
            self._index(connector)

    def changed(self, journey: JourneyMap, changes: Iterable[Change]) -> None:
        """Follow connectors added, removed or edited."""
        for change in changes:
            connector = change.entity
            assert isinstance(connector, Connector)
            item = self.items.get(connector.id)
            if change.kind == ChangeKind.REMOVED:
                self._drop(connector.id)
            elif item is None:
                self._add(journey, connector)
            elif item.connector is not connector or not change.fields \
                    or _ROUTE_FIELDS.intersection(change.fields):
                self._unindex(item.connector)
                item.connector = connector
                self._index(connector)
                item.set_route(self._route(journey, connector))
                item.refresh()
            else:
                item.refresh()

    # -- routes -------------------------------------------------------------------------

    def _route(self, journey: JourneyMap, connector: Connector,
               moved: Mapping[str, Box] | None = None) -> Route | None:
        self.rerouted += 1
        scene = self.scene
        return route_connector(scene.layout, journey, connector, scene.live, moved=moved)

    def of(self, entity_ids: Iterable[str]) -> set[str]:
        """The ids of the connectors touching these cards or stages."""
        found: set[str] = set()
        for entity_id in entity_ids:
            found |= self._touching.get(entity_id, set())
        return found

    def reroute(self, journey: JourneyMap, connector_ids: Iterable[str],
                moved: Mapping[str, Box] | None = None) -> None:
        """Route these connectors again (`moved`: boxes of cards being dragged)."""
        for connector_id in connector_ids:
            item = self.items.get(connector_id)
            if item is not None:
                item.set_route(self._route(journey, item.connector, moved))

    def after_layout(self, journey: JourneyMap, delta: LayoutDelta,
                     touched: Iterable[str]) -> None:
        """Route again what a relayout may have moved or put in the way."""
        if not self.items:
            return
        if delta.full:
            self.reroute(journey, list(self.items))
            return
        moved = self.of((*delta.cards, *delta.removed, *touched))
        layout = self.scene.layout
        lanes = delta.lanes
        # Per lane, one rectangle over the cells stacked again.
        dirty: dict[str, Rect] = {}
        for stage_id, lane_id in delta.cells:
            stage, lane = layout.stage_rects.get(stage_id), layout.lane_rects.get(lane_id)
            if stage is None or lane is None:
                continue
            old = dirty.get(lane_id)
            if old is None:
                dirty[lane_id] = Rect(stage.x, lane.y, stage.w, lane.h)
            else:
                x = min(old.x, stage.x)
                dirty[lane_id] = Rect(x, lane.y, max(old.right, stage.right) - x, lane.h)
        if lanes or dirty:
            cards = layout.cards
            for connector_id, item in self.items.items():
                if connector_id in moved:
                    continue
                c = item.connector
                if lanes and any(end in cards and cards[end].card.lane_id in lanes
                                 for end in (c.source_id, c.target_id)):
                    moved.add(connector_id)
                elif item.route is not None and dirty:
                    bounds = item.route.bounds()
                    if any(_meets(bounds, rect) for rect in dirty.values()):
                        moved.add(connector_id)
        self.reroute(journey, moved)
