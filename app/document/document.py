"""One open project: the domain objects, the file they live in, and the undo stack."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from app.document.commands import Command, Macro
from app.document.failures import OPERATION_ERRORS, Failure, failure_of
from app.domain.cells import CardsByCell
from app.domain.events import Change, ChangeKind, EventBus
from app.domain.model import Card, JourneyMap, Project, now_iso
from app.domain.tree import Entity
from app.domain.validation import DomainError

if TYPE_CHECKING:
    from app.document.subscription import Subscription

T = TypeVar("T")

# A pause after the last write, after which the file takes in its -wal (ProjectStore.checkpoint).
CHECKPOINT_AFTER_MS = 1000


def tr(text: str) -> str:
    """Translate in the document's context (names of steps in failure messages)."""
    return QCoreApplication.translate("Document", text)


class ReadOnlyError(DomainError):
    """A change was attempted on a document opened read-only."""


class Document(QObject):
    """An open project; every change arrives as a command and is written at once."""

    changed = Signal(list)  # list[Change], one batch per command, redo or undo
    offline_changed = Signal(bool)  # a server project: out of reach (True) or back
    persist_failed = Signal(str)  # a one-line reason of a failed write
    failed = Signal(object)  # a Failure of a user operation (see attempt), model = file

    def __init__(self, project: Project, store: Any | None = None, read_only: bool = False,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.store = store
        self.read_only = read_only or bool(store is not None and store.read_only)
        self._opened_read_only = self.read_only
        self.offline = False  # a server project whose server is out of reach
        self.events = EventBus()
        self.cells = CardsByCell()  # hears each batch first: later listeners may ask it
        self.events.subscribe(self.cells.follow)
        self.undo_stack = QUndoStack(self)
        self._depth = 0
        self._touched: dict[int, Any] = {}
        self._changes: list[Change] = []
        self._persisting = True
        self._failed_step = ""  # the name of the step whose write failed, for attempt()
        self.last_failure: Failure | None = None  # what the last attempt() met
        # Checkpoints in pauses, so that none lands inside a keystroke's save.
        self._checkpoint_timer = QTimer(self)
        self._checkpoint_timer.setSingleShot(True)
        self._checkpoint_timer.setInterval(CHECKPOINT_AFTER_MS)
        self._checkpoint_timer.timeout.connect(self._checkpoint)
        # A server project follows other people's changes as they are written.
        if store is not None and hasattr(store, "listen"):
            from app.document.live_sync import LiveSync

            self.live: LiveSync | None = LiveSync(self)
        else:
            self.live = None

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(cls, path: str, read_only: bool = False) -> Document:
        """Open a .cjm file or a server project (postgresql://…?project=NAME).

        Raises app.storage.StorageError with a one-line reason.
        """
        from app.storage.backend import open_store

        store, project = open_store(path, read_only=read_only)
        return cls(project, store, read_only=read_only)

    @classmethod
    def create(cls, path: str, project: Project, overwrite: bool = False) -> Document:
        """Write `project` to a new .cjm file and open it."""
        from app.storage import ProjectStore

        store = ProjectStore.create(path, project, overwrite=overwrite)
        return cls(project, store)

    @property
    def path(self) -> str | None:
        """The file this document is stored in, if any."""
        return str(self.store.path) if self.store is not None else None

    def save_copy(self, path: str) -> None:
        """Write the project as it is now to another .cjm file; this document stays put."""
        if self.store is not None:
            self.store.save_copy(path)
            return
        from app.storage import ProjectStore

        ProjectStore.create(path, self.project, overwrite=True).close()

    def close(self) -> None:
        """Release the file; the document must not be used afterwards."""
        self._checkpoint_timer.stop()
        if self.store is not None:
            self.store.close()
            self.store = None

    def _checkpoint(self) -> None:
        from app.storage import StorageError

        if self.store is None or self.store.closed:
            return
        try:
            self.store.checkpoint()
        except StorageError:
            # Nothing is lost: the saves stay in the -wal, and the next pause or the close
            # tries again. A real trouble (a full disk) shows at the next save.
            pass

    # -- listeners ------------------------------------------------------------------------

    def subscribe(self, owner: QObject, callback: Callable[[list[Change]], None], *,
                  coalesce: bool = True) -> Subscription:
        """Call `callback` with the changes, once per event-loop turn, while `owner` lives.

        `coalesce=False` delivers each command's batch at once (the canvas scene, whose
        geometry the next gesture reads straight after an edit).
        """
        from app.document.subscription import Subscription

        return Subscription(self, owner, callback, coalesce)

    # -- the batch: one transaction and one event per command ----------------------------

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group writes and events; the outermost batch flushes them on exit.

        A batch left by an error is not written: whoever opened it puts the model back
        (`_roll_back`), and that batch tells listeners of this one's changes as well.
        """
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            raise
        self._depth -= 1
        if self._depth == 0:
            self._flush()

    def cell_cards(self, journey: JourneyMap, stage_id: str, lane_id: str) -> list[Card]:
        """The cards of one cell in display order, without a pass over the map (but
        inside a batch, whose changes the index of cards by cell has not heard yet)."""
        if self._depth or self._changes:
            return journey.cell_cards(stage_id, lane_id)
        return self.cells.cards(journey, stage_id, lane_id)

    def touch(self, entities: list[Any], kind: ChangeKind, fields: tuple[str, ...] = ()) -> None:
        """Record that these entities changed, for the file and for listeners."""
        for entity in entities:
            self._touched[id(entity)] = entity
            self._changes.append(Change(kind, entity, fields))

    def _flush(self) -> None:
        touched, self._touched = self._touched, {}
        changes, self._changes = self._changes, []
        if not touched and not changes:
            return
        if self.store is not None and self._persisting and touched:
            self.project.modified = now_iso()
            # What the batch did last to an entity says where it ends: in the project
            # (added or changed) or out of it. Asking the project instead would scan every
            # sibling of every touched entity: quadratic for a renumbered cell.
            last: dict[int, ChangeKind] = {id(c.entity): c.kind for c in changes}
            upserts: list[Entity | Project] = [self.project]
            removed: list[Entity] = []
            for key, entity in touched.items():
                if entity is self.project:
                    continue
                gone = last.get(key) == ChangeKind.REMOVED
                (removed if gone else upserts).append(entity)
            try:
                self.store.write(self.project, upserts, removed)
            except Exception as error:
                self.persist_failed.emit(str(error))
                raise
            if QCoreApplication.instance() is not None:  # no event loop, no pauses to use
                self._checkpoint_timer.start()  # (re)started: it fires once edits pause
        self.events.emit(changes)
        self.changed.emit(changes)

    # -- pushing commands ----------------------------------------------------------------

    def _check_writable(self) -> None:
        if self.offline:
            raise ReadOnlyError(tr("the server cannot be reached; the project is read-only "
                                   "until it is back"))
        if self.read_only:
            raise ReadOnlyError("this project is open read-only")

    def set_offline_by_server(self, offline: bool) -> None:
        """The server went out of reach (read-only meanwhile) or came back."""
        if offline == self.offline or self.store is None:
            return
        self.offline = offline
        self.read_only = offline or self._opened_read_only
        self.offline_changed.emit(offline)

    def push(self, command: Command) -> Command:
        """Run a command, write it, then put it on the undo stack."""
        self._check_writable()
        self._run_first(command)
        command.skip_next_redo = True
        self.undo_stack.push(command)
        return command

    def _run_first(self, command: Command) -> None:
        try:
            with self.batch():
                command.redo()
        except Exception as error:
            self._failed_step = command.text()
            self._roll_back(command.undo)
            self._after_conflict(error)
            raise

    def _roll_back(self, restore: Callable[[], None]) -> None:
        """Restore the model after a failed write (the file's transaction rolled back).

        `restore` reverses the step that was not written; it runs without writing, and
        its batch tells listeners the state the file holds.
        """
        self._persisting = False
        try:
            with self.batch():
                restore()
        except Exception:  # noqa: BLE001 - the original error is the one to report
            pass
        finally:
            self._persisting = True

    def _after_conflict(self, error: BaseException) -> bool:
        """A server refused the write as stale: show the entity as the server holds it.

        Returns True for such a refusal.
        """
        from app.storage.server.errors import ConflictError

        if not isinstance(error, ConflictError):
            return False
        from app.document.server_sync import refresh_stale

        refresh_stale(self, error)
        return True

    @contextmanager
    def macro(self, text: str) -> Iterator[Macro]:
        """Build a multi-step command; it is written and stacked as one undo step."""
        self._check_writable()
        command = Macro(self, text)
        try:
            with self.batch():
                yield command
        except Exception as error:
            self._failed_step = text
            self._roll_back(command.undo)
            self._after_conflict(error)
            raise
        command.skip_next_redo = True
        self.undo_stack.push(command)

    def undo(self) -> None:
        """Undo the last step (Edit ▸ Undo), written at once.

        Qt swallows errors raised inside QUndoStack.undo and moves its index anyway, so
        the document runs the command itself and only then moves the index. On a failed
        write the model is put back as the file holds it, the index stays (the step can be
        tried again) and the error is raised.
        """
        stack = self.undo_stack
        if not stack.canUndo():
            return
        self._check_writable()
        command = self._command_at(stack.index() - 1)
        self._run_step(command, command.undo, command.redo, tr("Undo"))
        command.skip_next_undo = True
        stack.undo()

    def redo(self) -> None:
        """Redo the next step (Edit ▸ Redo), written at once; fails like `undo`."""
        stack = self.undo_stack
        if not stack.canRedo():
            return
        self._check_writable()
        command = self._command_at(stack.index())
        command.skip_next_redo = False
        self._run_step(command, command.redo, command.undo, tr("Redo"))
        command.skip_next_redo = True
        stack.redo()

    def _command_at(self, index: int) -> Command:
        command = self.undo_stack.command(index)
        if not isinstance(command, Command):  # only Document.push fills the stack
            raise TypeError(f"undo stack entry {index} is not a document command")
        return command

    def _run_step(self, command: Command, step: Callable[[], None],
                  reverse: Callable[[], None], name: str) -> None:
        if getattr(command, "overtaken", False):
            # A server refused this step once: someone else changed what it touches since,
            # and the entity was reloaded. Trying again would overwrite their work.
            raise DomainError(tr("%1 is not possible: someone else has changed what this "
                                 "step changed since; it would overwrite their work")
                              .replace("%1", name))
        try:
            with self.batch():
                step()
        except Exception as error:
            self._failed_step = name
            self._roll_back(reverse)
            if self._after_conflict(error):
                command.overtaken = True  # type: ignore[attr-defined]
            raise

    # -- failures, told once --------------------------------------------------------------

    def attempt(self, action: Callable[[], T], step: str = "") -> tuple[bool, T | None]:
        """Run one user operation; a refusal or a failed write is announced, never raised.

        Returns (True, result) or (False, None). A failure reaches `failed` as a Failure
        once the model equals the file again; app.ui.failures shows it. Errors that are
        not an operation's (bugs) propagate.
        """
        self._failed_step = ""
        self.last_failure = None
        try:
            return True, action()
        except OPERATION_ERRORS as error:
            self.last_failure = failure_of(error, step or self._failed_step)
            self.failed.emit(self.last_failure)
            return False, None
        finally:
            self._failed_step = ""
