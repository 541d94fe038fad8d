"""Rows ↔ domain objects: the one place that knows both the tables and the dataclasses.

Loading is plain `sqlite3` selects of the columns `columns.py` describes, so opening a
project never imports SQLAlchemy; writing (`writer.py`) turns entities into rows here too.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

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
from app.storage import columns
from app.storage.columns import TableInfo


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


def _bool(value: Any) -> bool:
    # SQLite has no boolean type: 0/1 come back as integers (SQLAlchemy's Boolean did this).
    if isinstance(value, bool | int):
        return bool(value)
    raise BadRow(f"{value!r} is not a yes/no value")


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
    table: TableInfo
    fields: tuple[str, ...]  # columns that are dataclass fields, in select order
    decode: dict[str, Callable[[Any], Any]]

    @property
    def ordered(self) -> bool:
        """True when the table has a `seq` column (order = place in the owning list)."""
        return self.table.ordered

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

    @functools.cached_property
    def select_sql(self) -> str:
        """The SELECT of every field column; unordered kinds in insertion order (rowid)."""
        names = ", ".join(f'"{name}"' for name in self.fields)
        order = "seq, rowid" if self.ordered else "rowid"
        return f'SELECT {names} FROM "{self.table.name}" ORDER BY {order}'


def _spec(cls: type, table: TableInfo,
          decode: dict[str, Callable[[Any], Any]] | None = None) -> Spec:
    all_fields = [f.name for f in dataclasses.fields(cls)]
    names = tuple(name for name in all_fields if name in table.names)
    assert names == tuple(all_fields[: len(names)]), f"{cls.__name__}: stored fields must lead"
    # Every column but `seq` is a field: a column nobody reads would be silently dropped.
    assert set(table.names) - {"seq"} == set(names), f"{table.name}: columns ≠ fields"
    decoders: dict[str, Callable[[Any], Any]] = {
        c.name: _bool for c in table.columns if c.type is bool}
    decoders.update(decode or {})
    return Spec(cls, table, names, decoders)


SPECS: dict[type, Spec] = {
    Project: _spec(Project, columns.PROJECT),
    Channel: _spec(Channel, columns.CHANNEL),
    Persona: _spec(Persona, columns.PERSONA, {"channel_ids": _str_list}),
    JourneyMap: _spec(JourneyMap, columns.JOURNEY_MAP, {"state": _enum(MapState)}),
    Stage: _spec(Stage, columns.STAGE),
    Lane: _spec(Lane, columns.LANE, {"kind": _enum(LaneKind)}),
    Card: _spec(Card, columns.CARD,
                {"tags": _str_list, "evidence": _enum(Evidence, nullable=True)}),
    EmotionMarker: _spec(EmotionMarker, columns.EMOTION_MARKER),
    Snapshot: _spec(Snapshot, columns.SNAPSHOT, {"content": _snapshot_content}),
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


def _load(conn: sqlite3.Connection, cls: type) -> Iterable[Any]:
    spec = SPECS[cls]
    entity = spec.entity
    # Unordered kinds come back in insertion order (rowid), which is list order for files
    # written by `create` and for items appended since.
    for values in conn.execute(spec.select_sql).fetchall():
        yield entity(values)


def load_project(conn: sqlite3.Connection) -> Project:
    """The whole project from an open connection (inside one read transaction)."""
    projects = list(_load(conn, Project))
    if len(projects) != 1:
        raise BadRow(f"expected one project record, found {len(projects)}")
    project: Project = projects[0]
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
