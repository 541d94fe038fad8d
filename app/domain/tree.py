"""Where each entity lives in a project, and how to put it there or take it out.

Commands in `app.document` use these few primitives so that every kind of entity is
inserted, removed and found the same way.
"""

from __future__ import annotations

from typing import Any, cast

from app.domain.model import (
    Card,
    Channel,
    Connector,
    EmotionMarker,
    JourneyMap,
    Lane,
    Persona,
    Project,
    SavedView,
    Snapshot,
    Stage,
    Vote,
    VotingRound,
)
from app.domain.validation import DomainError, validate_entity
from app.domain.validation_links import map_of_round

Entity = (Stage | Lane | Card | EmotionMarker | JourneyMap | Persona | Snapshot | Channel
          | Connector | SavedView | VotingRound | Vote)

_MAP_CHILD_LISTS = {Stage: "stages", Lane: "lanes", Card: "cards", EmotionMarker: "markers",
                    Connector: "connectors", SavedView: "views", VotingRound: "rounds",
                    Vote: "votes"}
_PROJECT_LISTS = {
    JourneyMap: "maps",
    Persona: "personas",
    Snapshot: "snapshots",
    Channel: "channels",
}


def container_of(project: Project, entity: Entity) -> list[Any]:
    """The list that holds (or would hold) this entity."""
    kind = type(entity)
    if kind in _PROJECT_LISTS:
        return cast("list[Any]", getattr(project, _PROJECT_LISTS[kind]))
    if isinstance(entity, Vote):  # filed under its round's map
        found = map_of_round(project, entity.round_id)
        if found is None:
            raise DomainError("vote refers to a voting round that does not exist")
        return found[0].votes
    if isinstance(entity, (Stage, Lane, Card, EmotionMarker, Connector, SavedView, VotingRound)):
        journey = project.map(entity.map_id)
        if journey is None:
            raise DomainError(f"{kind.__name__.lower()} refers to a map that does not exist")
        return cast("list[Any]", getattr(journey, _MAP_CHILD_LISTS[kind]))
    raise TypeError(f"not a project entity: {kind.__name__}")


def index_of(project: Project, entity: Entity) -> int:
    """The entity's place in its container, or -1 when it is not attached."""
    items = container_of(project, entity)
    for i, item in enumerate(items):
        if item is entity:
            return i
    return -1


def attach(project: Project, entity: Entity, index: int | None = None) -> None:
    """Validate the entity and insert it at `index` (the end when None)."""
    validate_entity(project, entity)
    items = container_of(project, entity)
    if any(item.id == entity.id for item in items):
        raise DomainError(f"an item with id {entity.id} already exists")
    items.insert(len(items) if index is None else index, entity)


def detach(project: Project, entity: Entity) -> int:
    """Remove the entity from its container and return the place it had."""
    items = container_of(project, entity)
    position = index_of(project, entity)
    if position < 0:
        raise DomainError(f"{type(entity).__name__} {entity.id} is not in the project")
    del items[position]
    return position


def find(project: Project, entity_id: str) -> Entity | None:
    """Any entity of the project by id (maps' children included), or None."""
    item: Entity
    for name in _PROJECT_LISTS.values():
        for item in getattr(project, name):
            if item.id == entity_id:
                return item
    for journey in project.maps:
        for name in _MAP_CHILD_LISTS.values():
            for item in getattr(journey, name):
                if item.id == entity_id:
                    return item
    return None


def is_attached(project: Project, entity: Entity) -> bool:
    """True when this very object is part of the project."""
    try:
        return index_of(project, entity) >= 0
    except DomainError:
        return False
