"""After a write the server refused as stale: put the server's entity into the model.

The document has rolled its command back by then (the model equals what this editor
last knew); the row someone else changed is fetched and its fields copied onto the
model's object, or the object is taken out when they deleted it. Listeners hear it as
one batch of changes; nothing is written and the undo stack is untouched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.domain.events import Change, ChangeKind
from app.domain.model import Channel, Lane, Persona, Project, Stage
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


def remove_with_dependents(project: Project, entity: Any) -> list[Change]:
    """Take out what someone else deleted, with what the server deleted along with it."""
    changes: list[Change] = []
    if isinstance(entity, (Stage, Lane)):
        journey = project.map(entity.map_id)
        key = "stage_id" if isinstance(entity, Stage) else "lane_id"
        if journey is not None:
            lists: tuple[list[Any], ...] = (journey.cards, journey.markers)
            for items in lists:
                gone = [item for item in items if getattr(item, key) == entity.id]
                for item in gone:
                    items.remove(item)
                    changes.append(Change(ChangeKind.REMOVED, item))
    elif isinstance(entity, Persona):
        for journey in project.maps:
            if journey.persona_id == entity.id:
                journey.persona_id = None
                changes.append(Change(ChangeKind.CHANGED, journey, ("persona_id",)))
    elif isinstance(entity, Channel):
        for journey in project.maps:
            for card in journey.cards:
                if card.channel_id == entity.id:
                    card.channel_id = None
                    changes.append(Change(ChangeKind.CHANGED, card, ("channel_id",)))
    if is_attached(project, entity):
        detach(project, entity)
        changes.append(Change(ChangeKind.REMOVED, entity))
    return changes
