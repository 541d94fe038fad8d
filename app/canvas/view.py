"""MapView: the interactive map — zoom, pan, selection, gestures, keyboard, clipboard.

The view turns user gestures into calls of app.document.operations (one undo step
each); the scene redraws from the document's change events. Its own QActions
(`edit_actions`, app.canvas.edit_actions) carry the edit and zoom keys; the main window
places those same actions in its menus and toolbar.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

from app.canvas import capture, drops, gestures, linking, menus, navigation, units
from app.canvas.actions import EditingMixin
from app.canvas.edit_actions import EditActions
from app.canvas.editor import InlineEditor
from app.canvas.items.card import CardItem
from app.canvas.items.connector import ConnectorItem, connector_item
from app.canvas.items.emotions import MarkerItem
from app.canvas.items.headers import CornerItem, LaneHeaderItem, StageHeaderItem
from app.canvas.scene import MapScene
from app.canvas.zoom import ZoomMixin
from app.document.document import Document
from app.domain import style
from app.domain.layout import line_height
from app.domain.model import Card, EmotionMarker, LaneKind

_INTERACTIVE = (ConnectorItem, CardItem, MarkerItem, StageHeaderItem, LaneHeaderItem,
                CornerItem)


class MapView(EditingMixin, ZoomMixin, QGraphicsView):
    """An editable view of one map of a Document."""

    selection_changed = Signal(list)  # the selected domain entities
    zoom_changed = Signal(float)
    persona_activated = Signal(str)  # the persona id ("" when the map has none)
    status_message = Signal(str)
    notice = Signal(str)  # what an edit did, which the window offers to undo

    def __init__(self, doc: Document, map_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.map_scene: MapScene | None = None
        self.editor: InlineEditor | None = None
        self.spot: navigation.Spot | None = None
        self._zoom = 1.0
        self._pending: tuple[str, QPointF, Any] | None = None
        self._gesture: gestures.Gesture | None = None
        self._pan: gestures.Pan | None = None
        self._space = False
        self._home_pending = True
        self._press_item: QGraphicsItem | None = None
        self._order: list[str] = []  # selected ids, first selected first (Ctrl+L)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        # Smart: a few dirty rectangles are painted as they are, but the hundreds a shifted
        # cell leaves behind become their bounding rectangle (one clip, one item query).
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setMouseTracking(True)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.set_map(map_id)
        self.edit_actions = EditActions(self, self)

    # -- the map shown --------------------------------------------------------------------

    @property
    def map_id(self) -> str:
        """The id of the map shown."""
        return self.map_scene.map_id if self.map_scene else ""

    def set_map(self, map_id: str) -> None:
        """Show another map of the document."""
        self.close_editor()
        old = self.map_scene
        self.map_scene = MapScene(self.doc, map_id, self)
        self.map_scene.selectionChanged.connect(self._on_selection)
        self.map_scene.relaid_out.connect(self._after_relayout)
        self.setScene(self.map_scene)
        self.spot = None
        self.scroll_home()
        if old is not None:
            old.detach()
            old.deleteLater()
        self._pin_headers()
        self._on_selection()

    def scroll_home(self) -> None:
        """Show the top-left corner of the map (Qt would centre a new scene)."""
        self._home_pending = True
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._home_pending:
            self._home_pending = False
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
            self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    # -- scrolling (zoom: app.canvas.zoom) ------------------------------------------------
    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt's name
        super().scrollContentsBy(dx, dy)
        self._pin_headers()
        if self.editor is not None:
            self.editor.reposition()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._pin_headers()

    def _pin_headers(self) -> None:
        if self.map_scene is not None:
            top_left = self.mapToScene(QPoint(0, 0))
            self.map_scene.pin_headers(top_left.x(), top_left.y())

    def _after_relayout(self) -> None:
        self._pin_headers()
        self._show_spot()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                anchor = self.viewport().mapFromGlobal(pinch.centerPoint().toPoint())
                self.set_zoom(self._zoom * pinch.scaleFactor(), anchor)
                event.accept()
                return True
        if (event.type() == QEvent.Type.NativeGesture
                and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture):
            self.set_zoom(self._zoom * (1.0 + event.value()), event.position().toPoint())
            return True
        handled = super().viewportEvent(event)
        if event.type() == QEvent.Type.Paint and self.map_scene is not None:
            self.map_scene.links.painted()  # the frame is out: lines left for later may go
        return handled

    # -- selection ----------------------------------------------------------------------

    def selected_entities(self) -> list[Any]:
        """The selected stages, lanes, cards and markers."""
        scene = self.map_scene
        return [e for e in (scene.entity_of(i) for i in scene.selectedItems()) if e is not None]

    def select_entities(self, entities: list[Any]) -> None:
        """Select exactly these entities (by object or id)."""
        scene = self.map_scene
        ids = {e if isinstance(e, str) else e.id for e in entities}
        scene.blockSignals(True)
        scene.clearSelection()
        for entity_id in ids:
            item = scene.item_for(entity_id)
            if item is not None:
                item.setSelected(True)
        scene.blockSignals(False)
        self._on_selection()
        items = [scene.item_for(i) for i in ids]
        items = [i for i in items if isinstance(i, (CardItem, MarkerItem))]
        if items:
            capture.reveal(self, items[0].sceneBoundingRect())

    def selection_order(self) -> list[Any]:
        """The selected entities, the first selected first."""
        by_id = {e.id: e for e in self.selected_entities()}
        return [by_id[i] for i in self._order if i in by_id]

    def _on_selection(self) -> None:
        entities = self.selected_entities()
        ids = {e.id for e in entities}
        kept = [i for i in self._order if i in ids]
        self._order = kept + [e.id for e in entities if e.id not in kept]
        last = next((e for e in reversed(entities) if isinstance(e, (Card, EmotionMarker))), None)
        if last is not None:
            self.spot = navigation.spot_of(self.map_scene.journey, last)
        self._show_spot()
        self.selection_changed.emit(entities)

    def _show_spot(self) -> None:
        scene, spot = self.map_scene, self.spot
        journey = scene.journey if scene else None
        if (spot is None or journey is None or spot.item_id is not None
                or spot.stage_id not in scene.layout.stage_rects
                or spot.lane_id not in scene.layout.lane_rects):
            if scene is not None:
                scene.cell_cursor.setVisible(False)
            return
        scene.cell_cursor.show_rect(scene.cell_rect(spot.stage_id, spot.lane_id))

    def current_cell(self) -> tuple[str, str] | None:
        """The cell the keyboard and paste act on: the selection's, or the cursor's."""
        journey = self.map_scene.journey
        if journey is None or not journey.stages or not journey.lanes:
            return None
        spot = self.spot
        if spot is not None and journey.stage(spot.stage_id) and journey.lane(spot.lane_id):
            return spot.stage_id, spot.lane_id
        lane = next((ln for ln in journey.lanes if ln.kind != LaneKind.EMOTIONS),
                    journey.lanes[0])
        return journey.stages[0].id, lane.id

    def select_all(self) -> None:
        """Select every card and marker of the map."""
        journey = self.map_scene.journey
        if journey is not None:
            self.select_entities([*journey.cards, *journey.markers])

    # -- in-place editing -----------------------------------------------------------------

    def edit_selected(self) -> None:
        """Open the in-place editor on the (first) selected item."""
        entities = self.selected_entities()
        if entities:
            self.edit_entity(entities[0])

    def edit_entity(self, entity: Any, field: str | None = None) -> InlineEditor | None:
        """Edit a card's title or body, a stage's or lane's title, or a marker's label."""
        scene = self.map_scene
        item = scene.item_for(entity.id)
        if item is None:
            return None
        self.close_editor()
        rect = item.sceneBoundingRect()
        multiline = False
        if isinstance(item, CardItem):
            rect = item.mapRectToScene(item.card_rect())
            field = field or "title"
            multiline = True
            if field == "body":
                top = style.CARD_INNER + item.box.header_height
                rect.setTop(rect.top() + top - 4)
            size, bold = ((style.CARD_TITLE_SIZE, True) if field == "title"
                          else (style.CARD_BODY_SIZE, False))
        elif isinstance(item, StageHeaderItem):
            field, size, bold = "title", style.STAGE_TITLE_SIZE, True
            rect.adjust(4, style.STAGE_BAND_HEIGHT + 2, -4, 0)
            rect.setHeight(2 * line_height(size) + 10)
        elif isinstance(item, LaneHeaderItem):
            field, size, bold = "title", style.LANE_TITLE_SIZE, True
            rect.adjust(34, 6, -4, 0)
            rect.setHeight(2 * line_height(size) + 10)
        elif isinstance(item, MarkerItem):
            field, size, bold = "label", style.SMALL_SIZE, False
            center = item.scenePos()
            rect.setRect(center.x() - 70, center.y() + style.MARKER_RADIUS + 4, 140, 24)
        else:
            return None
        editor = InlineEditor(self, entity, field, rect, size, bold, multiline)
        self.editor = editor
        editor.finished.connect(lambda ok, e=editor: self._editor_finished(ok, e))
        return editor

    def close_editor(self, commit: bool = True) -> None:
        """Close an open editor, storing its text unless `commit` is False."""
        if self.editor is not None:
            editor, self.editor = self.editor, None
            editor.commit() if commit else editor.cancel()

    def _editor_finished(self, committed: bool, editor: InlineEditor) -> None:
        if self.editor is editor:
            self.editor = None
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        capture.finished(self, editor, committed)  # the next card, or the next cell

    # -- mouse -----------------------------------------------------------------------------

    def _item_at(self, pos: QPoint) -> QGraphicsItem | None:
        for item in self.items(pos):
            item = connector_item(item) or item  # a run of a line: the line
            if isinstance(item, _INTERACTIVE):
                return item
        return None

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.close_editor()
        pos = event.position().toPoint()
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (
                button == Qt.MouseButton.LeftButton and self._space):
            self._pan = gestures.Pan(self, QPointF(pos))
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if button != Qt.MouseButton.LeftButton:
            if button == Qt.MouseButton.RightButton:
                item = self._item_at(pos)
                entity = self.map_scene.entity_of(item)
                if entity is not None and not item.isSelected():
                    self.select_entities([self.map_scene.entity_of(item)])
            event.accept()
            return
        scene_pos = self.mapToScene(pos)
        self._gesture = linking.press(self, scene_pos)  # the edge handle draws a link
        if self._gesture is not None:
            event.accept()
            return
        item = self._item_at(pos)
        ctrl = bool(event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                         | Qt.KeyboardModifier.ShiftModifier))
        self._press_item = item
        if isinstance(item, ConnectorItem):
            if ctrl:
                item.setSelected(not item.isSelected())
            elif not item.isSelected():
                self.select_entities([item.connector])
            self._pending = None
            event.accept()
            return
        if isinstance(item, (CardItem, MarkerItem)):
            if ctrl:
                item.setSelected(not item.isSelected())
                self._pending = None
            else:
                if not item.isSelected():
                    self.select_entities([self.map_scene.entity_of(item)])
                self._pending = ("card" if isinstance(item, CardItem) else "marker",
                                 scene_pos, item)
            event.accept()
            return
        if isinstance(item, (StageHeaderItem, LaneHeaderItem)):
            local = item.mapFromScene(scene_pos)
            if isinstance(item, StageHeaderItem):
                resize = local.x() >= item.boundingRect().width() - units.BORDER_GRIP
                kind = "stage-resize" if resize else "stage"
            else:
                resize = local.y() >= item.boundingRect().height() - units.BORDER_GRIP
                kind = "lane-resize" if resize else "lane"
            if not resize:
                self.select_entities([self.map_scene.entity_of(item)])
            self._pending = (kind, scene_pos, item)
            event.accept()
            return
        if isinstance(item, CornerItem):
            event.accept()
            return
        cell = self.map_scene.cell_at(scene_pos.x(), scene_pos.y())
        if cell is not None:
            self.spot = navigation.Spot(*cell)
        super().mousePressEvent(event)
        self._show_spot()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        pos = event.position().toPoint()
        if self._pan is not None:
            self._pan.move_viewport(QPointF(pos))
            event.accept()
            return
        scene_pos = self.mapToScene(pos)
        if self._gesture is None and self._pending is not None:
            kind, origin, item = self._pending
            if (scene_pos - origin).manhattanLength() * self._zoom >= units.DRAG_THRESHOLD:
                self._gesture = self._start_gesture(kind, origin, item)
                self._pending = None
        if self._gesture is not None:
            self._gesture.move(scene_pos)
            event.accept()
            return
        if self._pending is None and not event.buttons():
            linking.track_handle(self, scene_pos)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.map_scene is not None:
            self.map_scene.link_handle.hide_handle()
        super().leaveEvent(event)

    @property
    def pointer_busy(self) -> bool:
        """True while the mouse is pressed on the map (a drag, a pan, a click not let go)."""
        return self._gesture is not None or self._pending is not None or self._pan is not None

    def _start_gesture(self, kind: str, origin: QPointF, item) -> gestures.Gesture:
        if kind == "card":
            items = [i for i in self.map_scene.selectedItems() if isinstance(i, CardItem)]
            return gestures.CardDrag(self, origin, items or [item])
        if kind == "marker":
            return gestures.MarkerDrag(self, origin, item)
        if kind == "stage":
            return gestures.StageMove(self, origin, item)
        if kind == "lane":
            return gestures.LaneMove(self, origin, item)
        if kind == "stage-resize":
            return gestures.StageResize(self, origin, item)
        return gestures.LaneResize(self, origin, item)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._pan is not None:
            self._pan = None
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self._space
                                      else Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        scene_pos = self.mapToScene(event.position().toPoint())
        gesture, self._gesture = self._gesture, None
        pending, self._pending = self._pending, None
        if gesture is not None:
            gesture.release(scene_pos)
            event.accept()
            return
        if pending is not None and pending[0] in ("card", "marker"):
            # A plain click on one item of a multi-selection selects just that item.
            item = pending[2]
            if len(self.map_scene.selectedItems()) > 1:
                self.select_entities([self.map_scene.entity_of(item)])
            event.accept()
            return
        if pending is not None:
            event.accept()
            return
        super().mouseReleaseEvent(event)
        self._drop_headers_from_band()

    def _drop_headers_from_band(self) -> None:
        # A rubber band that caught cards should not also delete the headers it brushed.
        selected = self.map_scene.selectedItems()
        if any(isinstance(i, (CardItem, MarkerItem)) for i in selected):
            for item in selected:
                if isinstance(item, (StageHeaderItem, LaneHeaderItem)):
                    item.setSelected(False)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt's name
        pos = event.position().toPoint()
        item = self._item_at(pos)
        scene_pos = self.mapToScene(pos)
        self._pending = None
        if isinstance(item, CornerItem):
            self.persona_activated.emit(item.entity_id)
        elif isinstance(item, CardItem):
            local = item.mapFromScene(scene_pos)
            below = local.y() > style.CARD_INNER + item.box.header_height
            self.edit_entity(item.card, "body" if below else "title")
        elif isinstance(item, (StageHeaderItem, LaneHeaderItem, MarkerItem)):
            self.edit_entity(self.map_scene.entity_of(item))
        else:
            self.add_at(scene_pos)
        event.accept()

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt's name
        menu = menus.build_menu(self, self.mapToScene(event.pos()))
        if menu is not None:
            menu.exec(event.globalPos())
            menu.deleteLater()

    # -- palette drops -----------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if drops.payload_from(event.mimeData()) is not None:
            event.acceptProposedAction()
            self.dragMoveEvent(event)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        payload = drops.payload_from(event.mimeData())
        if payload is None:
            event.ignore()
            return
        plan = drops.plan_drop(self.map_scene, payload, self.mapToScene(event.position().toPoint()))
        if plan.valid:
            self.map_scene.preview.show_at(plan.area, plan.bar, plan.face)
            event.acceptProposedAction()
        else:
            self.map_scene.preview.clear()
            event.ignore()
        # A hint that no longer applies (the pointer left the wrong place) goes away.
        self.status_message.emit(plan.message)

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.map_scene.preview.clear()
        self.status_message.emit("")
        event.accept()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        payload = drops.payload_from(event.mimeData())
        if payload is None:
            event.ignore()
            return
        created = self.drop_payload(payload, self.mapToScene(event.position().toPoint()))
        if created is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    # -- keyboard -------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # Tab and Shift+Tab walk the cells (app.canvas.capture); Ctrl+Tab leaves the map.
        if (isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
                and capture.tab(self, -1 if event.key() == Qt.Key.Key_Backtab else 1)):
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        key, mods = event.key(), event.modifiers()
        if capture.key(self, event):  # typing in a cell starts a card there
            event.accept()
            return
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                  Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        elif key == Qt.Key.Key_Escape:
            if self._gesture is not None:
                self._gesture.cancel()
                self._gesture = None
            else:
                self.map_scene.clearSelection()
        elif key in arrows and not ctrl:
            self.move_spot(*arrows[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and not ctrl:
            self.edit_selected()
        elif self.edit_actions.trigger_for(event):
            # Delete, the clipboard, duplicate, add and zoom are `edit_actions`; their
            # shortcuts take the keys first, and a key that reaches the view anyway (its
            # window is not the active one) triggers the same action.
            pass
        else:
            # Undo/redo and everything else belong to the window's actions.
            event.ignore()
            return
        event.accept()

    def keyReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        event.ignore()

    def move_spot(self, dx: int, dy: int) -> None:
        """Move the keyboard's place one step (arrow keys)."""
        journey = self.map_scene.journey
        cell = self.current_cell()
        if journey is None or cell is None:
            return
        spot = self.spot if self.spot is not None else navigation.Spot(*cell)
        spot = navigation.step(journey, spot, dx, dy)
        self.spot = spot
        if spot.item_id is not None:
            self.select_entities([spot.item_id])
        else:
            self.map_scene.clearSelection()
            self.spot = spot
            self._show_spot()
            capture.reveal(self, self.map_scene.cell_rect(spot.stage_id, spot.lane_id))
