"""Undoable commands: the only way the model changes.

Three primitives (insert, remove, set fields) and a macro that groups them. A command
validates in its constructor, so redo() cannot fail on bad input; every redo and undo
runs inside the document's batch, so one gesture is one SQLite transaction and one event.
"""

from __future__ import annotations

import dataclasses
import weakref
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from app.domain.events import ChangeKind
from app.domain.model import JourneyMap, Lane, LaneKind, Project
from app.domain.tree import Entity, attach, detach
from app.domain.validation import DomainError, validate_entity

if TYPE_CHECKING:
    from app.document.document import Document

# Merge categories for QUndoCommand.id(): consecutive commands of one category on the
# same entities collapse into one undo step.
MERGE_TYPING = 1001
MERGE_NUDGE = 1002
MERGE_RESIZE = 1003

_C = TypeVar("_C", bound="Command")


def tr(text: str) -> str:
    """Translate a command name (shown in Edit ▸ Undo …)."""
    return QCoreApplication.translate("commands", text)


def subtree(entity: Entity) -> list[Any]:
    """The entity and, for a map, every child row that lives and dies with it."""
    if isinstance(entity, JourneyMap):
        return [entity, *entity.stages, *entity.lanes, *entity.cards, *entity.markers,
                *entity.connectors, *entity.views, *entity.rounds, *entity.votes]
    return [entity]


class Command(QUndoCommand):
    """Base: runs its own step and its children inside one document batch."""

    def __init__(self, doc: Document, text: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        # Held weakly: the document owns its undo stack, which owns the commands. A strong
        # reference back makes a cycle that only the cycle collector frees, in an order
        # that lets PySide delete a command the stack deletes again (SIGSEGV at exit).
        self._doc: weakref.ref[Document] = weakref.ref(doc)
        self.children: list[Command] = []  # keeps the Python wrappers alive
        # Document.push, undo and redo run the command themselves (so errors reach the
        # caller, which they would not from inside QUndoStack) and then let the stack
        # skip the step it would run.
        self.skip_next_redo = False
        self.skip_next_undo = False

    @property
    def doc(self) -> Document:
        """The document this command changes."""
        doc = self._doc()
        if doc is None:
            raise RuntimeError("the document of this command no longer exists")
        return doc

    def add_child(self, child: _C) -> _C:
        """Adopt a child command and run it now.

        Children stay Python-owned, without a Qt parent: a Qt parent deletes them twice.
        """
        child.redo()
        self.children.append(child)
        return child

    def forward(self) -> None:
        """This command's own step, after its children (override)."""

    def backward(self) -> None:
        """Undo this command's own step, before its children (override)."""

    def redo(self) -> None:
        if self.skip_next_redo:
            self.skip_next_redo = False
            return
        with self.doc.batch():
            for child in self.children:
                child.redo()
            self.forward()

    def undo(self) -> None:
        if self.skip_next_undo:
            self.skip_next_undo = False
            return
        with self.doc.batch():
            self.backward()
            for child in reversed(self.children):
                child.undo()


class InsertEntity(Command):
    """Put an entity (for a map: with all its children) into the project."""

    def __init__(self, doc: Document, entity: Entity, index: int | None = None,
                 text: str | None = None, parent: QUndoCommand | None = None) -> None:
        super().__init__(doc, text or tr("Add"), parent)
        validate_entity(doc.project, entity)
        self.entity = entity
        self.index = index

    def forward(self) -> None:
        attach(self.doc.project, self.entity, self.index)
        self.doc.touch(subtree(self.entity), ChangeKind.ADDED)

    def backward(self) -> None:
        detach(self.doc.project, self.entity)
        self.doc.touch(subtree(self.entity), ChangeKind.REMOVED)


class RemoveEntity(Command):
    """Take an entity out of the project; undo puts it back at the same place."""

    def __init__(self, doc: Document, entity: Entity, text: str | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(doc, text or tr("Delete"), parent)
        self.entity = entity
        self.index = -1

    def forward(self) -> None:
        self.index = detach(self.doc.project, self.entity)
        self.doc.touch(subtree(self.entity), ChangeKind.REMOVED)

    def backward(self) -> None:
        if self.index < 0:  # forward was refused (not in the project): nothing to put back
            return
        attach(self.doc.project, self.entity, self.index)
        self.doc.touch(subtree(self.entity), ChangeKind.ADDED)


class MoveInList(Command):
    """Reorder an entity inside its list (stages, lanes, maps, personas…)."""

    def __init__(self, doc: Document, entity: Entity, new_index: int, text: str | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(doc, text or tr("Reorder"), parent)
        self.entity = entity
        self.new_index = new_index
        self.old_index = -1

    def forward(self) -> None:
        self.old_index = detach(self.doc.project, self.entity)
        attach(self.doc.project, self.entity, self.new_index)
        self.doc.touch([self.entity], ChangeKind.CHANGED, ("position",))

    def backward(self) -> None:
        detach(self.doc.project, self.entity)
        attach(self.doc.project, self.entity, self.old_index)
        self.doc.touch([self.entity], ChangeKind.CHANGED, ("position",))


def _check_lane_kind_change(lane: Lane, new_kind: LaneKind, project: Project) -> None:
    journey = project.map(lane.map_id)
    if journey is None or new_kind == lane.kind:
        return
    holds_cards = any(c.lane_id == lane.id for c in journey.cards)
    holds_markers = any(m.lane_id == lane.id for m in journey.markers)
    if new_kind == LaneKind.EMOTIONS and holds_cards:
        raise DomainError("empty the lane before making it an emotions lane: it holds cards")
    if lane.kind == LaneKind.EMOTIONS and holds_markers:
        raise DomainError("remove the emotion markers before changing this lane's kind")


class SetFields(Command):
    """Set fields of one or more entities; merges with the next of the same category."""

    def __init__(self, doc: Document, edits: Sequence[tuple[Entity, Mapping[str, Any]]],
                 text: str | None = None, merge: int = -1,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(doc, text or tr("Edit"), parent)
        self.merge = merge
        self.edits: list[tuple[Entity, dict[str, Any], dict[str, Any]]] = []
        for entity, values in edits:
            names = {f.name for f in dataclasses.fields(entity)}
            unknown = set(values) - names
            if unknown or "id" in values:
                raise DomainError(f"cannot set {', '.join(sorted(unknown or {'id'}))}")
            if isinstance(entity, Lane) and "kind" in values:
                _check_lane_kind_change(entity, values["kind"], doc.project)
            trial = dataclasses.replace(entity, **values)
            validate_entity(doc.project, trial)
            old = {k: getattr(entity, k) for k in values}
            self.edits.append((entity, dict(values), old))

    def _apply(self, which: int) -> None:
        for entity, new, old in self.edits:
            values = new if which == 1 else old
            for name, value in values.items():
                setattr(entity, name, value)
            self.doc.touch([entity], ChangeKind.CHANGED, tuple(values))

    def forward(self) -> None:
        self._apply(1)

    def backward(self) -> None:
        self._apply(2)

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self.merge

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, SetFields) or other.merge != self.merge or self.merge < 0:
            return False
        mine = [e.id for e, _, _ in self.edits]
        theirs = [e.id for e, _, _ in other.edits]
        if mine != theirs:
            return False
        merged = []
        for (entity, new, old), (_, new2, old2) in zip(self.edits, other.edits, strict=True):
            combined_old = {**old2, **old}
            merged.append((entity, {**new, **new2}, combined_old))
        self.edits = merged
        return True


class Macro(Command):
    """A named group of child commands that is one undo step.

    Each child runs as soon as it is added, so later children validate against the
    state earlier ones made (a card into a stage inserted just before).
    """

    def __init__(self, doc: Document, text: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(doc, text, parent)

    def insert(self, entity: Entity, index: int | None = None) -> InsertEntity:
        """Add a child that inserts `entity`."""
        return self.add_child(InsertEntity(self.doc, entity, index))

    def remove(self, entity: Entity) -> RemoveEntity:
        """Add a child that removes `entity`."""
        return self.add_child(RemoveEntity(self.doc, entity))

    def set(self, edits: Sequence[tuple[Entity, Mapping[str, Any]]]) -> SetFields:
        """Add a child that sets fields."""
        return self.add_child(SetFields(self.doc, edits))

    def move(self, entity: Entity, index: int) -> MoveInList:
        """Add a child that reorders `entity`."""
        return self.add_child(MoveInList(self.doc, entity, index))
