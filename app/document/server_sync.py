"""After a write the server refused as stale: put the server's entity into the model.

The document has rolled its command back by then (the model equals what this editor
last knew); the row someone else changed is fetched and its fields copied onto the
model's object, or the object is taken out when they deleted it. Listeners hear it as
one batch of changes; nothing is written and the undo stack is untouched.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from app.domain.events import Change, ChangeKind
from app.domain.model import JourneyMap, Project
from app.domain.tree import attach, detach, find, is_attached
from app.domain.validation import DomainError
from app.storage.errors import StorageError

if TYPE_CHECKING:
    from app.document.document import Document


def refresh_stale(doc: Document, error: BaseException) -> list[Change]:
    """Bring the entity named by a ConflictError up to the server's state; the changes."""
    cls: Any = getattr(error, "entity_type", None)
    entity_id = getattr(error, "entity_id", "")
    fetch = getattr(doc.store, "fetch", None)
    if cls is None or not entity_id or fetch is None:
        return []
    try:
        fresh = fetch(cls, entity_id)
    except StorageError:
        return []  # the server went away as well: the next write will say so
    project = doc.project
    current: Any = project if cls is Project else find(project, entity_id)
    if fresh is None:
        changes = ([] if current is None or cls is Project
                   else remove_with_dependents(project, current))
    elif current is None:
        try:
            attach(project, fresh)
        except DomainError:
            return []  # it hangs on something this editor does not have
        changes = [Change(ChangeKind.ADDED, fresh)]
    else:
        changes = copy_fields(current, fresh)
    if changes:
        doc.events.emit(changes)
        doc.changed.emit(changes)
    return changes


def copy_fields(current: Any, fresh: Any) -> list[Change]:
    """Copy the stored fields of `fresh` onto `current`; the change, if any."""
    from app.storage.mapping import SPECS

    names = tuple(name for name in SPECS[type(current)].fields
                  if name != "id" and getattr(current, name) != getattr(fresh, name))
    for name in names:
        setattr(current, name, getattr(fresh, name))
    return [Change(ChangeKind.CHANGED, current, names)] if names else []


def _entities(project: Project) -> Iterator[Any]:
    """Every stored entity of the project (the lists of the project and of its maps)."""
    from app.storage.mapping import SPECS

    def lists(owner: Any) -> Iterator[list[Any]]:
        for f in dataclasses.fields(owner):
            value = getattr(owner, f.name)
            if isinstance(value, list) and value and type(value[0]) in SPECS:
                yield value

    for items in lists(project):
        yield from items
        for item in items:
            if isinstance(item, JourneyMap):
                for children in lists(item):
                    yield from children


def remove_with_dependents(project: Project, entity: Any) -> list[Change]:
    """Take out what someone else deleted, with what the server changed along with it.

    The file's references (columns.py) say what follows a deletion: rows referring to it
    ON DELETE CASCADE go too, those SET NULL lose the reference; as on the server.
    """
    from app.storage.mapping import SPECS

    changes: list[Change] = []
    target = SPECS[type(entity)].table.name
    for other in list(_entities(project)):
        info = SPECS[type(other)].table
        for column in info.columns:
            if (column.references is None or column.references[0] != target
                    or getattr(other, column.name) != entity.id):
                continue
            if column.references[1] == "CASCADE":
                if is_attached(project, other):
                    changes += remove_with_dependents(project, other)
            else:  # SET NULL
                setattr(other, column.name, None)
                changes.append(Change(ChangeKind.CHANGED, other, (column.name,)))
    if is_attached(project, entity):
        detach(project, entity)
        changes.append(Change(ChangeKind.REMOVED, entity))
    return changes
