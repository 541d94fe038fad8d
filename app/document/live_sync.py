"""Other people's changes into an open document: heard from the server, applied as events.

The server store's listener thread only says "someone wrote"; on the GUI thread the
document asks the store what changed and brings the model up to it. The changes reach
listeners as one batch, like a command's, but nothing is written and nothing goes on the
undo stack. A local step that touched an entity someone has changed since is marked
`overtaken`: undoing or redoing it is refused (Document._run_step) rather than written
over their work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from app.document.commands import Command, InsertEntity, MoveInList, RemoveEntity, SetFields
from app.document.server_sync import copy_fields, remove_with_dependents
from app.domain.events import Change, ChangeKind
from app.domain.model import Project
from app.domain.tree import attach, container_of, find
from app.domain.validation import DomainError
from app.storage.errors import StorageError

if TYPE_CHECKING:
    from app.document.document import Document

PRESENCE_MS = 5000  # how often the list of who else is here is asked again


class LiveSync(QObject):
    """Follows the server for one document; a child of the document."""

    heard = Signal()  # emitted on the listener's thread, delivered on the document's
    offline = Signal(bool)  # likewise: the server went out of reach (True) or is back
    presence_changed = Signal(list)  # list[str]: who else has the project open now

    def __init__(self, doc: Document) -> None:
        super().__init__(doc)
        self._doc = doc
        self.applied = 0  # batches of remote changes applied (for tests and the status)
        self.present: list[str] = []  # the roles of the others here (one per session)
        self._presence_timer = QTimer(self)
        self._presence_timer.setInterval(PRESENCE_MS)
        self._presence_timer.timeout.connect(self.refresh_presence)
        self._presence_timer.start()
        self.heard.connect(self._catch_up, Qt.ConnectionType.QueuedConnection)
        self.offline.connect(doc.set_offline_by_server, Qt.ConnectionType.QueuedConnection)
        store: Any = doc.store
        store.listen(self.heard.emit, self._state)

    def _state(self, up: bool) -> None:
        self.offline.emit(not up)
        if up:  # listening (again): ask at once who is here
            self.heard.emit()

    def refresh_presence(self) -> None:
        """Ask the server who else has the project open; `presence_changed` if it moved."""
        store: Any = self._doc.store
        if store is None or store.closed or not store.listening:
            return
        try:
            present = store.present()
        except StorageError:
            return
        if present != self.present:
            self.present = present
            self.presence_changed.emit(present)

    def _catch_up(self) -> None:
        doc = self._doc
        store = doc.store
        if store is None or store.closed:
            return
        try:
            remote = store.remote_changes()
        except StorageError:
            return  # the server went away: the listener calls again once it is back
        self.refresh_presence()  # someone wrote, or came: the list may have moved
        if remote.empty():
            return
        changes = apply_remote(doc.project, remote, store.place_of)
        ids = {str(getattr(c.entity, "id", "")) for c in changes}
        mark_overtaken(doc, ids)
        self.applied += 1
        if changes:
            doc.events.emit(changes)
            doc.changed.emit(changes)


def apply_remote(project: Project, remote: Any, place_of: Callable[[type, str], Any]
                 ) -> list[Change]:
    """Bring `project` up to the server's rows in `remote`; the changes made."""
    changes: list[Change] = []
    for cls, entity_id in reversed(remote.removed):  # children before parents
        gone = None if cls is Project else find(project, entity_id)
        if gone is not None:
            changes += remove_with_dependents(project, gone)
    reorder: dict[int, list[Any]] = {}
    for cls, fresh, _known in remote.changed:  # parents before children
        current: Any = project if cls is Project else find(project, fresh.id)
        if current is None:
            try:
                attach(project, fresh)
            except DomainError:
                continue  # it hangs on something this editor does not have (yet)
            changes.append(Change(ChangeKind.ADDED, fresh))
            current = fresh
        else:
            changes += copy_fields(current, fresh)
        if cls is not Project and place_of(cls, current.id) is not None:
            items = container_of(project, current)
            reorder[id(items)] = items
    for items in reorder.values():
        changes += _reorder(items, place_of)
    return changes


def _reorder(items: list[Any], place_of: Callable[[type, str], Any]) -> list[Change]:
    before = [item.id for item in items]
    items.sort(key=lambda item: (place_of(type(item), item.id) is None,
                                 place_of(type(item), item.id) or 0))
    return [Change(ChangeKind.CHANGED, item, ("position",))
            for index, item in enumerate(items) if before[index] != item.id]


def _touched(command: Command) -> Iterable[str]:
    if isinstance(command, (InsertEntity, RemoveEntity, MoveInList)):
        yield command.entity.id
    elif isinstance(command, SetFields):
        for entity, _new, _old in command.edits:
            yield entity.id
    for child in command.children:
        yield from _touched(child)


def mark_overtaken(doc: Document, ids: set[str]) -> None:
    """Refuse from now on to undo or redo the steps that touched any of `ids`."""
    if not ids:
        return
    stack = doc.undo_stack
    for index in range(stack.count()):
        command = stack.command(index)
        if isinstance(command, Command) and not ids.isdisjoint(_touched(command)):
            command.overtaken = True  # type: ignore[attr-defined]
            if isinstance(command, SetFields):
                command.merge = -1  # typing on starts a step of its own
