"""A project file is untrusted input: its schema must be exactly the one Journey Studio creates.

SQLite runs whatever a file's schema holds (triggers fire with our own statements, a view
named like one of our tables runs its query when we read it). So before any statement
touches a project table, `check_schema` compares `sqlite_master` and the tables' shape
(columns, declared types, defaults, keys, foreign keys, indexes) with the schema this
build creates, as described in `columns.py`, and refuses anything else. The description
is plain data, so opening never imports SQLAlchemy; tests keep it equal to what
`ProjectStore.create` and the Alembic migrations really create.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.storage.columns import SCHEMA_VERSION, TABLES, Column, TableInfo
from app.storage.errors import NotAProjectError, StorageError
from app.storage.files import quoted

# SQLite's declared type for each Python value type, as SQLAlchemy and Alembic write them.
_DECLARED = {str: "TEXT", int: "INTEGER", float: "FLOAT", bytes: "BLOB", bool: "BOOLEAN"}
VERSION_TABLE = "alembic_version"
# Columns that arrived after schema version 1, by table (an older file lacks them).
_ADDED_IN: dict[int, dict[str, tuple[str, ...]]] = {
    2: {"card": ("span",)},
    3: {"project": ("logo", "logo_mime", "accent"), "stage": ("phase",)}}
# Tables that arrived after schema version 1.
_TABLES_ADDED_IN = {3: ("connector", "saved_view", "voting_round", "vote")}


@dataclass(frozen=True)
class TableShape:
    """Everything about one table that changes what SQLite does with it."""

    kind: tuple[object, ...]  # PRAGMA table_list: type, column count, without rowid, strict
    columns: tuple[tuple[object, ...], ...]  # PRAGMA table_xinfo without cid
    foreign_keys: frozenset[tuple[object, ...]]
    indexes: frozenset[tuple[object, ...]]  # name, unique, origin, partial, key columns


Shape = dict[str, TableShape]


def _column_row(column: Column) -> tuple[object, ...]:
    # name, declared type, notnull, default, pk position, hidden
    return (column.name, _DECLARED[column.type], int(not column.nullable), column.default,
            int(column.primary_key), 0)


def _expected_table(table: TableInfo, version: int) -> TableShape:
    dropped = {name for added, tables in _ADDED_IN.items() if added > version
               for name in tables.get(table.name, ())}
    cols = [c for c in table.columns if c.name not in dropped]
    indexes = {(f"sqlite_autoindex_{table.name}_1", 1, "pk", 0, ("id",))}
    fks = set()
    for c in cols:
        if c.references is not None:
            target, on_delete = c.references
            fks.add((target, c.name, "id", "NO ACTION", on_delete, "NONE"))
            indexes.add((f"ix_{table.name}_{c.name}", 0, "c", 0, (c.name,)))
    return TableShape(("table", len(cols), 0, 0), tuple(_column_row(c) for c in cols),
                      frozenset(fks), frozenset(indexes))


def expected_shape(version: int = SCHEMA_VERSION) -> Shape:
    """The tables a file of schema `version` holds, as `describe` reports them."""
    later = {name for added, names in _TABLES_ADDED_IN.items() if added > version
             for name in names}
    shape = {name: _expected_table(table, version) for name, table in TABLES.items()
             if name not in later}
    shape[VERSION_TABLE] = TableShape(
        ("table", 1, 0, 0), (("version_num", "VARCHAR(32)", 1, None, 1, 0),), frozenset(),
        frozenset({(f"sqlite_autoindex_{VERSION_TABLE}_1", 1, "pk", 0, ("version_num",))}))
    return shape


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def describe_table(raw: sqlite3.Connection, name: str) -> TableShape:
    """The shape of one table, read through PRAGMAs only (nothing of its content runs)."""
    q = _quote(name)
    kind = raw.execute("SELECT type, ncol, wr, strict FROM pragma_table_list WHERE "
                       "schema = 'main' AND name = ?", (name,)).fetchone()
    columns = tuple((row[1], str(row[2]).upper(), row[3], row[4], row[5], row[6])
                    for row in raw.execute(f"PRAGMA table_xinfo({q})"))
    fks = frozenset(tuple(row[2:8]) for row in raw.execute(f"PRAGMA foreign_key_list({q})"))
    indexes = set()
    for row in raw.execute(f"PRAGMA index_list({q})").fetchall():
        keys = tuple(r[2] for r in raw.execute(f"PRAGMA index_xinfo({_quote(row[1])})")
                     if r[5])
        indexes.add((row[1], row[2], row[3], row[4], keys))
    return TableShape(tuple(kind) if kind else (), columns, fks, frozenset(indexes))


def _objects(raw: sqlite3.Connection) -> list[tuple[str, str, str]]:
    # Names are read as bytes: a name that is not UTF-8 is foreign, not a crash.
    old = raw.text_factory
    raw.text_factory = lambda b: b.decode("utf-8", "replace")
    try:
        return [(str(t), str(n), str(tb)) for t, n, tb in
                raw.execute("SELECT type, name, tbl_name FROM sqlite_master")]
    finally:
        raw.text_factory = old


def _foreign(path: Path, what: str) -> NotAProjectError:
    return NotAProjectError(f"{quoted(path)} contains database objects Journey Studio never "
                            f"creates ({what}); it was not opened")


def _read_version(raw: sqlite3.Connection, path: Path, objects: list[tuple[str, str, str]]
                  ) -> int:
    if ("table", VERSION_TABLE, VERSION_TABLE) not in objects:
        raise NotAProjectError(
            f"{quoted(path)} is not a Journey Studio project: it has no schema version")
    if describe_table(raw, VERSION_TABLE) != expected_shape()[VERSION_TABLE]:
        raise _foreign(path, f'table "{VERSION_TABLE}" changed')
    rows = raw.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall()
    text = rows[0][0] if len(rows) == 1 else None
    if not isinstance(text, str) or not text.isascii() or not text.isdigit() or len(text) > 9:
        raise NotAProjectError(f"{quoted(path)} is damaged: its schema version is unreadable")
    return int(text)


def check_schema(raw: sqlite3.Connection, path: Path) -> int:
    """Refuse a file whose schema is not exactly ours; return its schema version.

    A version newer than this build is returned unchecked (the caller refuses it with a
    message naming both versions): its schema is not ours to know.
    """
    objects = _objects(raw)
    version = _read_version(raw, path, objects)
    if version > SCHEMA_VERSION:
        return version
    if version < 1:
        raise NotAProjectError(f"{quoted(path)} is damaged: its schema version is unreadable")
    expected = expected_shape(version)
    index_names = {i[0] for shape in expected.values() for i in shape.indexes}
    for kind, name, table in objects:
        known = (kind == "table" and name in expected) or (
            kind == "index" and name in index_names and table in expected)
        if not known:
            raise _foreign(path, f'{kind} "{name[:60]}"')
    present = {name for kind, name, _ in objects if kind == "table"}
    for name, shape in expected.items():
        if name not in present:
            raise NotAProjectError(f'{quoted(path)} is damaged: its table "{name}" is missing')
        if describe_table(raw, name) != shape:
            raise _foreign(path, f'table "{name}" changed')
    return version


def too_slow(path: Path, doing: str) -> StorageError:
    """The message for an operation the time limit stopped."""
    return StorageError(f"{doing} {quoted(path)} took too long and was stopped; the file may "
                        "be damaged or made to hang Journey Studio")
