"""The editing of the map view: delete, duplicate, clipboard, adding at the cursor.

A mixin of MapView (kept apart so each module holds one thing); the view's EditActions
(app.canvas.edit_actions) call these. Each pushes one command through operations, and
runs it through Document.attempt: a refused or failed change is announced by the
document (the window shows it), never raised into a Qt event handler.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication

from app.canvas import clipboard, drops, linking
from app.canvas.i18n import tr, trn
from app.document import operations as ops
from app.domain import style
from app.domain.layout import score_at
from app.domain.model import Card, EmotionMarker, Lane, LaneKind, Stage


class EditingMixin:
    """Editing over the view's selection and current cell (MapView mixin)."""

    # What MapView, the class this mixes into, provides (for the type checker only).
    doc: Any
    map_scene: Any
    status_message: Any
    notice: Any  # Signal(str): what an edit did, offered with Undo
    if TYPE_CHECKING:
        def selected_entities(self) -> list[Any]: ...
        def select_entities(self, entities: list[Any]) -> None: ...
        def current_cell(self) -> tuple[str, str] | None: ...
        def edit_entity(self, entity: Any, *args: Any, **kwargs: Any) -> Any: ...
        def setFocus(self, *args: Any) -> None: ...  # noqa: N802 - Qt's name

    def _run(self, action: Callable[[], Any], message: str = "") -> Any:
        """Run one operation through the document's door; None when it did not happen."""
        ok, result = self.doc.attempt(action)
        if ok and message:
            self.status_message.emit(message)
        return result

    def delete_selection(self) -> None:
        """Delete the selection (stages and lanes with their cards) as one step, and say
        what went, with Undo, in the status bar (the window's notice)."""
        entities = self.selected_entities()
        if entities:
            text = deleted_text(self.map_scene.journey, entities)
            ok, _ = self.doc.attempt(lambda: ops.remove(self.doc, entities))
            if ok:
                self.notice.emit(text)

    def link_selected(self) -> None:
        """Link the first selected card to the second (Ctrl+L)."""
        linking.link_selected(self)  # type: ignore[arg-type]  # the MapView this mixes into

    def duplicate_selection(self) -> None:
        """Duplicate the selected cards, markers and stages; select the copies."""
        entities = [e for e in self.selected_entities()
                    if isinstance(e, (Card, EmotionMarker, Stage))]
        if entities:
            created = self._run(lambda: ops.duplicate(self.doc, self.map_scene.journey, entities))
            if created:
                self.select_entities(created)

    def copy_selection(self) -> bool:
        """Put the selected cards and markers on the system clipboard."""
        entities = [e for e in self.selected_entities() if isinstance(e, (Card, EmotionMarker))]
        if not entities:
            return False
        QGuiApplication.clipboard().setMimeData(clipboard.mime_for(entities))
        self.status_message.emit(trn("Copied %n item(s)", len(entities)))
        return True

    def cut_selection(self) -> None:
        """Copy, then delete the selected cards and markers in one step."""
        if self.copy_selection():
            entities = [e for e in self.selected_entities()
                        if isinstance(e, (Card, EmotionMarker))]
            self._run(lambda: ops.remove(self.doc, entities, tr("Cut")))

    def paste(self) -> list[Any]:
        """Paste the clipboard's items (or its lines of text) into the current cell."""
        journey = self.map_scene.journey
        cell = self.current_cell()
        if journey is None or cell is None:
            self.status_message.emit(tr("Add a stage and a lane before pasting."))
            return []
        mime = QGuiApplication.clipboard().mimeData()
        payload = clipboard.payload_from(mime)
        stage_id, lane_id = cell
        lane = journey.lane(lane_id)
        if lane.kind == LaneKind.EMOTIONS and (payload is None or payload.get("cards")):
            lane = next((ln for ln in journey.lanes if ln.kind != LaneKind.EMOTIONS), lane)
            lane_id = lane.id
        if payload is None:
            lines = clipboard.text_cards(mime)
            if not lines or lane.kind == LaneKind.EMOTIONS:
                self.status_message.emit(tr("The clipboard holds nothing to paste."))
                return []
            cards = [Card(map_id=journey.id, stage_id=stage_id, lane_id=lane_id, title=line,
                          order=i) for i, line in enumerate(lines)]
            payload = ops.copy_payload(cards)
        created = self._run(lambda: ops.paste(self.doc, journey, payload, stage_id, lane_id))
        if created:
            self.select_entities(created)
            self.status_message.emit(trn("Pasted %n item(s)", len(created)))
        return created or []

    def add_card_here(self, cell: tuple[str, str] | None = None, edit: bool = True,
                      capture: bool = False) -> Any:
        """Add a card (or, on an emotions lane, a neutral marker) to the current cell;
        `capture` (the keys): Enter goes on to the next card, an empty one is taken back."""
        journey = self.map_scene.journey
        cell = cell or self.current_cell()
        if journey is None or cell is None:
            self.status_message.emit(tr("Add a stage and a lane first."))
            return None
        stage_id, lane_id = cell
        if journey.lane(lane_id).kind == LaneKind.EMOTIONS:
            created = self._run(lambda: ops.add_marker(self.doc, journey, stage_id, lane_id, 0))
        else:
            created = self._run(lambda: ops.add_card(self.doc, journey, stage_id, lane_id))
        if created is not None:
            mark = self.doc.undo_stack.index()
            self.select_entities([created])
            editor = self.edit_entity(created) if edit else None
            if capture and editor is not None and isinstance(created, Card):
                editor.capture = mark  # Enter: the next card (app.canvas.capture)
        return created

    def add_at(self, scene_pos: QPointF) -> None:
        """A double-click on a cell: a card there (a marker at that score on emotions)."""
        scene = self.map_scene
        cell = scene.cell_at(scene_pos.x(), scene_pos.y())
        if cell is None or scene_pos.x() < style.LANE_HEADER_WIDTH:
            return
        journey = scene.journey
        lane = journey.lane(cell[1])
        if lane.kind == LaneKind.EMOTIONS:
            rect = scene.layout.stage_rects[cell[0]]
            score = score_at(scene.layout.lane_rects[lane.id], scene_pos.y(),
                             journey.emotion_min, journey.emotion_max)
            position = round((scene_pos.x() - rect.x) / rect.w, 3)
            created = self._run(lambda: ops.add_marker(self.doc, journey, cell[0], lane.id,
                                                       score, position))
            if created is not None:
                self.select_entities([created])
            return
        index = scene.insert_index(cell[0], cell[1], scene_pos.y())
        created = self._run(lambda: ops.add_card(self.doc, journey, cell[0], cell[1], index))
        if created is not None:
            self.select_entities([created])
            self.edit_entity(created)

    def add_palette_item(self, payload: dict[str, Any]) -> Any:
        """Add a palette item at the keyboard's current place (a click in the palette)."""
        cell = self.current_cell()
        scene = self.map_scene
        if cell is not None:
            rect = scene.cell_rect(*cell)
            item = payload.get("item")
            point = QPointF(rect.right() - 1 if item == "stage" else rect.center().x(),
                            rect.bottom() - 1 if item == "lane" else rect.center().y())
        else:
            point = QPointF(style.LANE_HEADER_WIDTH + 10, style.STAGE_HEADER_HEIGHT + 10)
        return self.drop_payload(payload, point)

    def drop_payload(self, payload: dict[str, Any], scene_pos: QPointF) -> Any:
        """Perform a palette drop at a scene point; select and edit what it made."""
        plan = drops.plan_drop(self.map_scene, payload, scene_pos)
        self.map_scene.preview.clear()
        if not plan.valid or plan.run is None:
            if plan.message:
                self.status_message.emit(plan.message)
            return None
        created = self._run(lambda: plan.run(self.doc))
        if created is None:
            return None
        if isinstance(created, (Card, EmotionMarker)):
            self.select_entities([created])
        if isinstance(created, (Card, Stage, Lane, EmotionMarker)):
            # A marker too: its label is typed at once, as a card's title is.
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            self.edit_entity(created)
        self.status_message.emit(plan.message)
        return created



def deleted_text(journey: Any, entities: list[Any]) -> str:
    """“Stage ‘Purchase’ deleted with 12 cards”, or “Deleted 3 items”."""
    if len(entities) == 1 and isinstance(entities[0], (Stage, Lane)) and journey is not None:
        entity = entities[0]
        key = "stage_id" if isinstance(entity, Stage) else "lane_id"
        cards = sum(1 for c in journey.cards if getattr(c, key) == entity.id)
        cards += sum(1 for m in journey.markers if getattr(m, key) == entity.id)
        text = (trn("Stage “%1” deleted with %n item(s)", cards) if isinstance(entity, Stage)
                else trn("Lane “%1” deleted with %n item(s)", cards))
        return text.replace("%1", entity.title)
    return trn("Deleted %n item(s)", len(entities))
