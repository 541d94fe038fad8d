"""Rows ↔ domain objects: the one place that knows both the tables and the dataclasses.

Loading uses Core selects on the typed tables (no ORM object materialisation): a
5,000-card project loads in a few tens of milliseconds this way.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from sqlalchemy import Connection, Table, literal_column, select

from app.domain.model import (
    Card,
    Channel,
    EmotionMarker,
    Evidence,
    JourneyMap,
    Lane,
    LaneKind,
    MapState,
    Persona,
    Project,
    Snapshot,
    Stage,
)
from app.domain.serialize import FormatError, map_from_dict, map_to_dict
from app.storage.schema import (
    CardRow,
    ChannelRow,
    LaneRow,
    MapRow,
    MarkerRow,
    PersonaRow,
    ProjectRow,
    SnapshotRow,
    StageRow,
)


class BadRow(ValueError):
    """A stored value that does not decode into the domain model (a damaged file)."""


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _encode_value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return _json_text(value)
    if isinstance(value, JourneyMap):
        return _json_text(map_to_dict(value))
    return value


@functools.lru_cache(maxsize=4096)
def _parse_str_list(text: Any) -> tuple[str, ...]:
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        raise BadRow(f"a list is not valid JSON: {str(text)[:40]!r}") from None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadRow(f"expected a list of text, found {str(text)[:40]!r}")
    return tuple(value)


def _str_list(text: Any) -> list[str]:
    # Tag lists repeat across cards: parse each distinct text once, hand out fresh lists.
    return list(_parse_str_list(text))


def _enum(cls: type[Enum], nullable: bool = False) -> Callable[[Any], Any]:
    def decode(value: Any) -> Any:
        if value is None and nullable:
            return None
        try:
            return cls(value)
        except ValueError:
            raise BadRow(f"{value!r} is not a valid {cls.__name__}") from None

    return decode


def _snapshot_content(text: Any) -> JourneyMap:
    try:
        return map_from_dict(json.loads(text), "snapshot")
    except (TypeError, ValueError) as exc:  # FormatError is a ValueError
        detail = str(exc) if isinstance(exc, FormatError) else "not valid JSON"
        raise BadRow(f"a snapshot's content is unreadable ({detail})") from None


@dataclass(frozen=True)
class Spec:
    """How one entity type is stored: its table, field columns and value decoders."""

    cls: type
    table: Table
    fields: tuple[str, ...]  # columns that are dataclass fields, in select order
    decode: dict[str, Callable[[Any], Any]]
    ordered: bool  # has a `seq` column (order = place in the owning list)

    def row(self, entity: Any) -> dict[str, Any]:
        """The entity's fields as column values (without `seq`)."""
        return {name: _encode_value(getattr(entity, name)) for name in self.fields}

    def entity(self, values: Sequence[Any]) -> Any:
        """A domain object from column values in `fields` order."""
        if self.decode:
            values = list(values)
            for index, decode in self.decoders:
                values[index] = decode(values[index])
        # Positional: `fields` is a prefix of the dataclass's fields (checked in _spec).
        return self.cls(*values)

    @functools.cached_property
    def decoders(self) -> tuple[tuple[int, Callable[[Any], Any]], ...]:
        """(column index, decoder) pairs."""
        return tuple((self.fields.index(name), fn) for name, fn in self.decode.items())


def _spec(cls: type, model: type, decode: dict[str, Callable[[Any], Any]] | None = None) -> Spec:
    table: Table = model.__table__  # type: ignore[attr-defined]
    all_fields = [f.name for f in dataclasses.fields(cls)]
    names = tuple(name for name in all_fields if name in table.c)
    assert names == tuple(all_fields[: len(names)]), f"{cls.__name__}: stored fields must lead"
    return Spec(cls, table, names, decode or {}, "seq" in table.c)


SPECS: dict[type, Spec] = {
    Project: _spec(Project, ProjectRow),
    Channel: _spec(Channel, ChannelRow),
    Persona: _spec(Persona, PersonaRow, {"channel_ids": _str_list}),
    JourneyMap: _spec(JourneyMap, MapRow, {"state": _enum(MapState)}),
    Stage: _spec(Stage, StageRow),
    Lane: _spec(Lane, LaneRow, {"kind": _enum(LaneKind)}),
    Card: _spec(Card, CardRow, {"tags": _str_list, "evidence": _enum(Evidence, nullable=True)}),
    EmotionMarker: _spec(EmotionMarker, MarkerRow),
    Snapshot: _spec(Snapshot, SnapshotRow, {"content": _snapshot_content}),
}

# Parents before children: the order to insert in (and, reversed, to delete in).
INSERT_ORDER: tuple[type, ...] = (
    Project, Channel, Persona, JourneyMap, Stage, Lane, Card, EmotionMarker, Snapshot,
)


def spec_for(entity: Any) -> Spec:
    """The storage spec of an entity, or TypeError for anything else."""
    spec = SPECS.get(type(entity))
    if spec is None:
        raise TypeError(f"not a storable project entity: {type(entity).__name__}")
    return spec


def project_rows(project: Project) -> dict[type, list[dict[str, Any]]]:
    """Every row of a whole project, grouped by entity type (for writing a new file)."""
    rows: dict[type, list[dict[str, Any]]] = {cls: [] for cls in INSERT_ORDER}
    rows[Project].append(SPECS[Project].row(project))

    def add(items: Iterable[Any], ordered: bool) -> None:
        for seq, item in enumerate(items):
            row = SPECS[type(item)].row(item)
            if ordered:
                row["seq"] = seq
            rows[type(item)].append(row)

    add(project.channels, True)
    add(project.personas, True)
    add(project.maps, True)
    for journey in project.maps:
        add(journey.stages, True)
        add(journey.lanes, True)
        add(journey.cards, False)
        add(journey.markers, False)
    add(project.snapshots, True)
    return rows


def _load(conn: Connection, cls: type) -> Iterable[Any]:
    spec = SPECS[cls]
    columns = [spec.table.c[name] for name in spec.fields]
    # Unordered kinds come back in insertion order (rowid), which is list order for files
    # written by `create` and for items appended since.
    order = [spec.table.c.seq] if spec.ordered else []
    stmt = select(*columns).order_by(*order, literal_column("rowid"))
    for values in conn.execute(stmt).all():
        yield spec.entity(values)


def load_project(conn: Connection) -> Project:
    """The whole project from an open connection (inside one read transaction)."""
    projects = list(_load(conn, Project))
    if len(projects) != 1:
        raise BadRow(f"expected one project record, found {len(projects)}")
    project = projects[0]
    project.channels = list(_load(conn, Channel))
    project.personas = list(_load(conn, Persona))
    project.maps = list(_load(conn, JourneyMap))
    maps = {journey.id: journey for journey in project.maps}
    for cls, attr in ((Stage, "stages"), (Lane, "lanes"), (Card, "cards"),
                      (EmotionMarker, "markers")):
        for item in _load(conn, cls):
            journey = maps.get(item.map_id)
            if journey is None:
                raise BadRow(f"{cls.__name__.lower()} {item.id} belongs to a missing map")
            getattr(journey, attr).append(item)
    project.snapshots = list(_load(conn, Snapshot))
    return project
