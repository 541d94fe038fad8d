"""Drawing connectors on the map: the edge handle of a hovered card, its drag, Ctrl+L.

Dragging the handle draws a rubber-band arrow; releasing it on another card or a stage
header adds the connector (one undo step), releasing it on nothing or pressing Esc
draws nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF

from app.canvas.gestures import Gesture
from app.canvas.i18n import tr
from app.canvas.items.card import CardItem
from app.canvas.items.headers import StageHeaderItem
from app.document.operations_links import add_connector
from app.domain.model import Card, Connector, ConnectorKind
from app.domain.routing import Box, Route, route, route_connector

if TYPE_CHECKING:
    from app.canvas.view import MapView


def _box(rect: QRectF) -> Box:
    return Box(rect.x(), rect.y(), rect.width(), rect.height())


def track_handle(view: MapView, scene_pos: QPointF) -> None:
    """Show the link handle on the card under the pointer (hide it elsewhere)."""
    scene = view.map_scene
    if scene is None:
        return
    handle = scene.link_handle
    if view.doc.read_only or not scene.decorated:
        handle.hide_handle()
        return
    if handle.grips(scene_pos):
        return  # the pointer is on the handle itself, half outside its card
    item = next((i for i in scene.items(scene_pos) if isinstance(i, CardItem)), None)
    if item is None or not item.isVisible():
        handle.hide_handle()
        return
    rect = item.mapRectToScene(item.card_rect())
    handle.show_for(item.entity_id, QPointF(rect.right(), rect.center().y()))


def press(view: MapView, scene_pos: QPointF) -> LinkDrag | None:
    """A press on the link handle starts drawing a connector; elsewhere it hides."""
    scene = view.map_scene
    if scene is None:
        return None
    handle = scene.link_handle
    card_id = handle.card_id
    if handle.grips(scene_pos) and card_id is not None and card_id in scene.cards:
        return LinkDrag(view, scene_pos, card_id)
    handle.hide_handle()
    return None


class LinkDrag(Gesture):
    """From a card's handle to the card or stage header under the pointer."""

    def __init__(self, view: MapView, origin: QPointF, card_id: str) -> None:
        super().__init__(view, origin)
        self.source_id = card_id
        item = self.scene.cards[card_id]
        self.source = _box(item.mapRectToScene(item.card_rect()))
        self._routes: dict[str, Route | None] = {}  # target id -> its route, per drag
        self.scene.link_handle.hide_handle()

    def target_at(self, pos: QPointF) -> tuple[str, QRectF] | None:
        """The card or stage under a scene point, and its rectangle on the scene."""
        for item in self.scene.items(pos):
            if isinstance(item, CardItem) and item.entity_id != self.source_id:
                return item.entity_id, item.mapRectToScene(item.card_rect())
            if isinstance(item, StageHeaderItem):
                return item.stage.id, item.sceneBoundingRect()
        return None

    def move(self, pos: QPointF) -> None:
        found = self.target_at(pos)
        if found is None:
            self.scene.preview.clear()
            target = Box(pos.x(), pos.y(), 0.0, 0.0)
            line = route(self.source, target, [], kind=ConnectorKind.FLOW)
        else:
            self.scene.preview.show_at(found[1].adjusted(-3, -3, 3, 3))
            line = self._preview(found[0]) or route(self.source, _box(found[1]), [],
                                                    kind=ConnectorKind.FLOW)
        self.scene.link_band.show_route(line)

    def _preview(self, target_id: str) -> Route | None:
        """The route the connector will take, around the cards as it will be drawn."""
        scene, journey = self.scene, self.scene.journey
        if journey is None:
            return None
        if target_id not in self._routes:
            draft = Connector(journey.id, self.source_id, target_id)
            self._routes[target_id] = route_connector(scene.layout, journey, draft, scene.live)
        return self._routes[target_id]

    def release(self, pos: QPointF) -> None:
        found = self.target_at(pos)
        self.cancel()
        if found is None:
            self.view.status_message.emit(tr("Drop on a card or a stage header to link."))
            return
        view, journey = self.view, self.scene.journey
        if journey is None:
            return
        ok, connector = view.doc.attempt(
            lambda: add_connector(view.doc, journey, self.source_id, found[0]))
        if ok and connector is not None:
            view.select_entities([connector])

    def cancel(self) -> None:
        self.scene.link_band.clear()
        self.scene.preview.clear()


def link_selected(view: MapView) -> None:
    """Link the first selected card to the second (a flow), as one undo step."""
    journey = view.map_scene.journey if view.map_scene is not None else None
    cards = [e for e in view.selection_order() if isinstance(e, Card)]
    if journey is None or len(cards) != 2:
        view.status_message.emit(tr("Select two cards to link them."))
        return
    ok, connector = view.doc.attempt(
        lambda: add_connector(view.doc, journey, cards[0].id, cards[1].id))
    if ok and connector is not None:
        view.select_entities([connector])
