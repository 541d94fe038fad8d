"""Rows ↔ domain objects: the one place that knows both the tables and the dataclasses.

Loading is plain `sqlite3` selects of the columns `columns.py` describes, so opening a
project never imports SQLAlchemy; writing (`writer.py`) turns entities into rows here too.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from app.domain.model import (
    Card,
    Channel,
    Connector,
    ConnectorKind,
    EmotionMarker,
    Evidence,
    Filter,
    JourneyMap,
    Lane,
    LaneKind,
    MapState,
    Persona,
    Phase,
    Project,
    SavedView,
    Snapshot,
    Stage,
    Vote,
    VotingRound,
)
from app.domain.serialize import (
    FormatError,
    filter_from_dict,
    filter_to_dict,
    map_from_dict,
    map_to_dict,
)
from app.domain.validation import DomainError, validate_entity
from app.storage import columns
from app.storage.columns import Column, TableInfo

# Beyond these a value is not something Journey Studio wrote (a 50 MB card body is fine).
MAX_TEXT = 100_000_000  # characters in one text value
MAX_BLOB = 100_000_000  # bytes in one photo
_MAX_REAL = 1.7976931348623157e308  # the largest finite double: excludes ±infinity


class BadRow(ValueError):
    """A stored value that does not decode into the domain model (a damaged file)."""


def shown(value: Any) -> str:
    """A stored value as a message shows it: short, one line."""
    if value is None:
        return "NULL"
    if isinstance(value, bytes):
        return f"{len(value)} byte{'' if len(value) == 1 else 's'} of binary data"
    if isinstance(value, str):
        if len(value) > 1000:
            return f"a text of {len(value)} characters"
        text = value if len(value) <= 40 else value[:39] + "…"
        return repr(" ".join(text.split()) if text.strip() else text)
    return repr(value)


_EXPECTED = {str: "text was expected", int: "a whole number was expected",
             float: "a number was expected", bytes: "binary data was expected",
             bool: "0 or 1 was expected"}


def _problem(column: Column, value: Any) -> str | None:
    """Why `value` cannot be in `column`, or None when it can (mirrors _condition)."""
    if value is None:
        return None if column.nullable else "a value was expected"
    kind = column.type
    if kind is float:
        ok = type(value) in (int, float) and -_MAX_REAL <= value <= _MAX_REAL
        return None if ok else _EXPECTED[float] if not isinstance(value, float) else (
            "a finite number was expected")
    if kind is bool:
        return None if type(value) is int and value in (0, 1) else _EXPECTED[bool]
    if type(value) is not kind:
        return _EXPECTED[kind]
    if kind is str and column.primary_key and not value:
        return "an id was expected"
    if isinstance(value, str) and len(value) > MAX_TEXT:
        return f"at most {MAX_TEXT:,} characters were expected"
    if isinstance(value, bytes) and len(value) > MAX_BLOB:
        return f"at most {MAX_BLOB:,} bytes were expected"
    return None


def _condition(column: Column) -> str:
    """SQL that holds for exactly the values `_problem` accepts (checked in C, fast)."""
    q = f'"{column.name}"'
    if column.type is str:
        ok = f"typeof({q}) = 'text' AND length({q}) <= {MAX_TEXT}"
        if column.primary_key:
            ok += f" AND {q} <> ''"
    elif column.type is int:
        ok = f"typeof({q}) = 'integer'"
    elif column.type is float:
        ok = f"typeof({q}) IN ('real', 'integer') AND {q} BETWEEN -{_MAX_REAL!r} AND {_MAX_REAL!r}"
    elif column.type is bytes:
        ok = f"typeof({q}) = 'blob' AND length({q}) <= {MAX_BLOB}"
    else:  # bool
        ok = f"typeof({q}) = 'integer' AND {q} IN (0, 1)"
    return f"({q} IS NULL OR ({ok}))" if column.nullable else f"({ok})"


_FINDING = re.compile(r"(NULL|NUMERIC|TEXT|INTEGER|REAL|BLOB) value in (\w+)\.(\w+)")


def typed_finding(detail: str) -> str | None:
    """PRAGMA quick_check's finding about one value's type, told as the reader tells it."""
    match = _FINDING.fullmatch(detail)
    table = columns.TABLES.get(match[2]) if match else None
    column = next((c for c in table.columns if c.name == match[3]), None) if (
        match and table) else None
    if match is None or column is None:
        return None
    held = "NULL" if match[1] == "NULL" else f"a {match[1]} value"
    why = "a value was expected" if match[1] == "NULL" else _EXPECTED[column.type]
    return f"table {match[2]}, column {match[3]} holds {held} ({why})"


def bad_value(table: str, column: str, value: Any, why: str) -> BadRow:
    """The one-line reason for a value that cannot be read."""
    return BadRow(f"table {table}, column {column} holds {shown(value)} ({why})")


def check_values(conn: sqlite3.Connection, table: TableInfo) -> None:
    """Refuse the first row whose values are not of their column's type and size."""
    names = ", ".join(f'"{c.name}"' for c in table.columns)
    where = " AND ".join(_condition(c) for c in table.columns)
    row = conn.execute(f'SELECT {names} FROM "{table.name}" WHERE NOT ({where}) LIMIT 1'
                       ).fetchone()
    if row is None:
        return
    for column, value in zip(table.columns, row, strict=True):
        why = _problem(column, value)
        if why is not None:
            raise bad_value(table.name, column.name, value, why)
    raise BadRow(f"table {table.name} holds a value of the wrong type")  # pragma: no cover


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _encode_value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return _json_text(value)
    if isinstance(value, JourneyMap):
        return _json_text(map_to_dict(value))
    if isinstance(value, Filter):
        return _json_text(filter_to_dict(value))
    return value


@functools.lru_cache(maxsize=4096)
def _parse_str_list(text: Any) -> tuple[str, ...]:
    try:
        value = json.loads(text)
    except (TypeError, ValueError, RecursionError):
        raise BadRow("a JSON list of text was expected") from None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadRow("a JSON list of text was expected")
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
            choices = ", ".join(str(member.value) for member in cls)
            raise BadRow(f"one of {choices} was expected") from None

    return decode


def _bool(value: Any) -> bool:
    # SQLite has no boolean type: 0/1 come back as integers (check_values saw to that).
    if type(value) is int and value in (0, 1):
        return bool(value)
    raise BadRow(_EXPECTED[bool])


def _json_of(what: str, parse: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A decoder of a JSON text column whose value `parse` turns into a domain object."""
    def decode(text: Any) -> Any:
        try:
            return parse(json.loads(text))
        except (TypeError, ValueError, RecursionError) as exc:  # FormatError is a ValueError
            detail = str(exc) if isinstance(exc, FormatError) else "not valid JSON"
            raise BadRow(f"{what} as JSON was expected: {detail}") from None

    return decode


_snapshot_content = _json_of("a map", lambda data: map_from_dict(data, "snapshot"))
_filter = _json_of("a filter", filter_from_dict)


@dataclass(frozen=True)
class Spec:
    """How one entity type is stored: its table, field columns and value decoders."""

    cls: type
    table: TableInfo
    fields: tuple[str, ...]  # columns that are dataclass fields, in select order
    decode: dict[str, Callable[[Any], Any]]

    @functools.cached_property
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
                try:
                    values[index] = decode(values[index])
                except BadRow as exc:
                    raise bad_value(self.table.name, self.fields[index], values[index],
                                    str(exc)) from None
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
    Stage: _spec(Stage, columns.STAGE, {"phase": _enum(Phase, nullable=True)}),
    Lane: _spec(Lane, columns.LANE, {"kind": _enum(LaneKind)}),
    Card: _spec(Card, columns.CARD,
                {"tags": _str_list, "evidence": _enum(Evidence, nullable=True)}),
    EmotionMarker: _spec(EmotionMarker, columns.EMOTION_MARKER),
    Connector: _spec(Connector, columns.CONNECTOR, {"kind": _enum(ConnectorKind)}),
    SavedView: _spec(SavedView, columns.SAVED_VIEW,
                     {"filter": _filter, "hidden_lane_ids": _str_list}),
    VotingRound: _spec(VotingRound, columns.VOTING_ROUND, {"participants": _str_list}),
    Vote: _spec(Vote, columns.VOTE),
    Snapshot: _spec(Snapshot, columns.SNAPSHOT, {"content": _snapshot_content}),
}

# Parents before children: the order to insert in (and, reversed, to delete in).
INSERT_ORDER: tuple[type, ...] = (
    Project, Channel, Persona, JourneyMap, Stage, Lane, Card, EmotionMarker, Connector,
    SavedView, VotingRound, Vote, Snapshot,
)

# A map's lists, by the kind they hold, with whether their order is stored (`seq`).
_MAP_LISTS: tuple[tuple[type, str], ...] = (
    (Stage, "stages"), (Lane, "lanes"), (Card, "cards"), (EmotionMarker, "markers"),
    (Connector, "connectors"), (SavedView, "views"), (VotingRound, "rounds"),
    (Vote, "votes"))


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
        for cls, attr in _MAP_LISTS:
            add(getattr(journey, attr), SPECS[cls].ordered)
    add(project.snapshots, True)
    return rows


def _load(conn: sqlite3.Connection, cls: type) -> Iterable[Any]:
    spec = SPECS[cls]
    check_values(conn, spec.table)
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
    round_maps: dict[str, JourneyMap] = {}
    for cls, attr in _MAP_LISTS:
        for item in _load(conn, cls):
            # A vote is filed under its round's map (it has no map_id of its own).
            owner, column, within = (item.round_id, "round_id", round_maps) if (
                cls is Vote) else (item.map_id, "map_id", maps)
            journey = within.get(owner)
            if journey is None:
                target = "voting_round" if cls is Vote else "journey_map"
                raise bad_value(SPECS[cls].table.name, column, owner, f"no such {target}")
            getattr(journey, attr).append(item)
            if cls is VotingRound:
                round_maps[item.id] = journey
    project.snapshots = list(_load(conn, Snapshot))
    check_project(project)
    return project


def _rows(project: Project) -> Iterable[tuple[str, Any]]:
    yield columns.PROJECT.name, project
    groups: list[tuple[Sequence[Any], TableInfo]] = [
        (project.channels, columns.CHANNEL), (project.personas, columns.PERSONA),
        (project.maps, columns.JOURNEY_MAP), (project.snapshots, columns.SNAPSHOT)]
    for journey in project.maps:
        groups += [(getattr(journey, attr), SPECS[cls].table) for cls, attr in _MAP_LISTS]
    for group, table in groups:
        for entity in group:
            yield table.name, entity


def check_project(project: Project) -> None:
    """The domain's rules over a loaded project, each failure naming its table and row.

    The same rules as `validate_project` (ids unique, references resolved, every entity
    valid), told in terms of the file.
    """
    rows = list(_rows(project))
    ids: dict[str, set[str]] = {}
    seen: dict[str, str] = {}
    for table, entity in rows:
        other = seen.get(entity.id)
        if other is not None:
            where = "" if other == table else f", also in table {other}"
            raise bad_value(table, "id", entity.id, f"an id used twice{where}")
        seen[entity.id] = table
        ids.setdefault(table, set()).add(entity.id)
    for table, entity in rows:
        for column in columns.TABLES[table].columns:
            if column.references is None:
                continue
            value = getattr(entity, column.name)
            target = column.references[0]
            if value is not None and value not in ids.get(target, ()):
                raise bad_value(table, column.name, value, f"no such {target}")
        try:
            validate_entity(project, entity)
        except DomainError as exc:
            raise BadRow(f"table {table}, row {shown(entity.id)}: {exc}") from None
