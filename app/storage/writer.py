"""The write machinery: SQL compiled by SQLAlchemy Core from the typed tables of `schema.py`.

New files are written through an Engine; a save (`save`) runs the compiled SQL straight
on the store's sqlite3 connection, updating only the columns that changed since the
store last wrote the row. Imported on the first `ProjectStore.write` or `create`, never
on open: SQLAlchemy and the typed models cost ~0.3 s to import, more than everything
else an `info` or a PDF export does. `ProjectStore.warm_up` imports it ahead of the
first edit in the editor.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Engine, bindparam, create_engine, delete, event, insert, update
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import StaticPool

from app.domain.model import Project
from app.domain.tree import container_of
from app.domain.validation import DomainError, validate_entity
from app.storage.columns import APPLICATION_ID, SCHEMA_VERSION
from app.storage.errors import StorageError, one_line
from app.storage.files import connect, quoted, writer_pragmas
from app.storage.guard import is_interrupt
from app.storage.mapping import INSERT_ORDER, SPECS, project_rows
from app.storage.migrate import revision_id
from app.storage.schema import Base, alembic_version, version_metadata
from app.storage.trust import too_slow

# The typed models' tables by name; the plain description in columns.py names the same.
TABLES = Base.metadata.tables


def engine_for(raw: sqlite3.Connection, *, immediate: bool) -> Engine:
    """An engine over one existing raw connection, beginning transactions our way."""
    engine = create_engine("sqlite://", creator=lambda: raw, poolclass=StaticPool)
    # IMMEDIATE takes the write lock up front: in WAL mode a read that later upgrades to a
    # write fails at once if another connection committed in between.
    begin = "BEGIN IMMEDIATE" if immediate else "BEGIN"
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql(begin))
    return engine


@dataclass
class Plan:
    """One write, worked out in memory before the transaction starts."""

    upserts: dict[type, dict[str, dict[str, Any]]] = field(default_factory=dict)
    deletes: dict[type, set[str]] = field(default_factory=dict)
    reseq: dict[type, list[dict[str, Any]]] = field(default_factory=dict)

    def empty(self) -> bool:
        """True when there is nothing to save."""
        return not (self.upserts or self.deletes)


def plan(project: Project, changed: Iterable[Any], removed: Iterable[Any], path: Path,
         project_id: str) -> Plan:
    """Validate the entities and work out the rows to upsert, delete and renumber.

    Only ordered lists (stages, lanes, maps, personas, channels, snapshots: short lists)
    are indexed, once per list that holds a changed entity; cards and markers keep their
    place in their own `order`/`position`, so a card's save never looks at its siblings.
    """
    result = Plan()
    positions: dict[int, dict[str, int]] = {}  # id(ordered container) → {entity id: index}
    containers: dict[int, tuple[type, list[Any]]] = {}
    for entity in changed:
        spec = SPECS.get(type(entity))
        if spec is None:
            raise TypeError(f"not a storable project entity: {type(entity).__name__}")
        row = spec.row(entity)
        if isinstance(entity, Project):
            if entity.id != project_id:
                # A second project row would make the file unreadable (one per file).
                raise ValueError(f"this file holds project {project_id}, not {entity.id}")
        else:
            try:
                validate_entity(project, entity)
                container = container_of(project, entity)
            except DomainError as exc:
                raise StorageError(f"could not save {quoted(path)}: {exc}") from None
            if spec.ordered:
                index = positions.get(id(container))
                if index is None:
                    index = positions[id(container)] = {e.id: i for i, e in enumerate(container)}
                    containers[id(container)] = (spec.cls, container)
                if entity.id not in index:
                    raise ValueError(
                        f"{type(entity).__name__} {entity.id} is not in the project; "
                        "list it in `removed` instead"
                    )
                row["seq"] = index[entity.id]
        result.upserts.setdefault(spec.cls, {})[entity.id] = row
    for cls, container in containers.values():
        # Siblings' places may have moved too (an insert, a removal, a reorder): rewrite
        # the places of those not already upserted with theirs.
        written = result.upserts.get(cls, {})
        rows = [{"b_id": e.id, "b_seq": i} for i, e in enumerate(container)
                if e.id not in written]
        if rows:
            result.reseq.setdefault(cls, []).extend(rows)
    for entity in removed:
        if isinstance(entity, Project):
            raise TypeError("the project itself cannot be removed from its file")
        spec = SPECS.get(type(entity))
        if spec is None:
            raise TypeError(f"not a storable project entity: {type(entity).__name__}")
        # An entity listed in both is kept: `changed` describes the final state, and a
        # delete would cascade to children that are not being rewritten.
        if entity.id not in result.upserts.get(spec.cls, {}):
            result.deletes.setdefault(spec.cls, set()).add(entity.id)
    return result


# -- the statements of a save -----------------------------------------------------------
#
# A save runs through the raw sqlite3 connection with SQL that SQLAlchemy compiled once
# from the typed tables: executing through an Engine cost ~0.5 ms of Python per keystroke
# (connection checkout, events, result objects), more than SQLite's own work.

_DIALECT = sqlite_dialect(paramstyle="named")


def _sql(stmt: Any, keys: Iterable[str] = ()) -> str:
    return str(stmt.compile(dialect=_DIALECT, column_keys=list(keys)))


@functools.cache
def _keys(cls: type) -> tuple[str, ...]:
    """The keys of `Spec.row` for one kind, as `plan` fills them (with `seq` if ordered)."""
    spec = SPECS[cls]
    return (*spec.fields, "seq") if spec.ordered else spec.fields


@functools.cache
def _upsert_sql(cls: type) -> str:
    table = TABLES[SPECS[cls].table.name]
    base = sqlite_insert(table)
    names = [c.name for c in table.columns if c.name != "id"]
    stmt = base.on_conflict_do_update(
        index_elements=[table.c.id], set_={c: base.excluded[c] for c in names})
    return _sql(stmt, _keys(cls))


@functools.cache
def _update_sql(cls: type, names: tuple[str, ...]) -> str:
    # Spelled out rather than compiled: the first keystroke of a session needs it at once.
    # The names are our own columns (columns.py); quoted, as "order" must be.
    sets = ", ".join(f'"{name}" = :{name}' for name in names)
    return f'UPDATE "{SPECS[cls].table.name}" SET {sets} WHERE id = :b_id'


@functools.cache
def _delete_sql(cls: type) -> str:
    table = TABLES[SPECS[cls].table.name]
    return _sql(delete(table).where(table.c.id == bindparam("b_id")))


@functools.cache
def _reseq_sql(cls: type) -> str:
    table = TABLES[SPECS[cls].table.name]
    return _sql(update(table).where(table.c.id == bindparam("b_id")).values(
        seq=bindparam("b_seq")))


def warm_up() -> None:
    """Compile the statements a first save would compile, so it costs what later ones do."""
    for cls in SPECS:
        _upsert_sql(cls)
        _delete_sql(cls)
        if SPECS[cls].ordered:
            _reseq_sql(cls)


# -- what the file holds -------------------------------------------------------------------

# Rows this store committed, as values in `_keys` order: a later save of the same entity
# updates only the columns that differ. Typing into a card then rewrites its row's page,
# not the four index pages and foreign-key checks of its reference columns (1–2 WAL pages
# per keystroke instead of 5–6, and so five times fewer checkpoints).
Written = dict[tuple[type, str], tuple[Any, ...]]
MAX_WRITTEN = 4096  # rows remembered; past that the memory is dropped and refilled


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


def _upsert(raw: sqlite3.Connection, cls: type, rows: dict[str, dict[str, Any]],
            written: Written | None) -> None:
    keys = _keys(cls)
    whole: list[dict[str, Any]] = []
    parts: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for entity_id, row in rows.items():
        old = written.get((cls, entity_id)) if written is not None else None
        if old is None:
            whole.append(row)
            continue
        names = tuple(k for k, before in zip(keys, old, strict=True) if not _same(row[k], before))
        if names:
            params = {k: row[k] for k in names}
            params["b_id"] = entity_id
            parts.setdefault(names, []).append(params)
    for names, group in parts.items():
        cursor = raw.executemany(_update_sql(cls, names), group)
        if cursor.rowcount != len(group):  # a row is gone after all: write them whole
            whole.extend(rows[params["b_id"]] for params in group)
    if whole:
        raw.executemany(_upsert_sql(cls), whole)


# A connector's target is a card or a stage, which no foreign key can say: after a save
# that deleted (and so perhaps cascaded), connectors whose target is gone go too, as the
# other links go by ON DELETE CASCADE. Only saves that delete pay for it.
_TARGET_GONE_SQL = ("DELETE FROM connector WHERE target_id NOT IN (SELECT id FROM card) "
                    "AND target_id NOT IN (SELECT id FROM stage)")


def _apply(raw: sqlite3.Connection, todo: Plan, written: Written | None) -> None:
    for cls in reversed(INSERT_ORDER):
        ids = todo.deletes.get(cls)
        if ids:
            raw.executemany(_delete_sql(cls), [{"b_id": i} for i in ids])
    if todo.deletes:
        raw.execute(_TARGET_GONE_SQL)
    for cls in INSERT_ORDER:
        rows = todo.upserts.get(cls)
        if rows:
            _upsert(raw, cls, rows, written)
    for cls, reseq in todo.reseq.items():
        raw.executemany(_reseq_sql(cls), reseq)


def _remember(todo: Plan, written: Written) -> None:
    """After the commit: what the file now holds of the rows this save wrote."""
    if todo.deletes:
        # ON DELETE CASCADE / SET NULL changed rows this save did not name.
        written.clear()
        return
    for cls, reseq in todo.reseq.items():
        for params in reseq:
            written.pop((cls, params["b_id"]), None)
    if len(written) > MAX_WRITTEN:
        written.clear()
    for cls, rows in todo.upserts.items():
        for entity_id, row in rows.items():
            written[(cls, entity_id)] = tuple(row.values())


def save(raw: sqlite3.Connection, todo: Plan, path: Path,
         before: Callable[[sqlite3.Connection], None] | None = None,
         written: Written | None = None) -> None:
    """Apply a plan in one committed transaction; SQLite's refusals become StorageError.

    `before` runs first inside the transaction (with the write lock held) and may refuse.
    `written` holds the rows committed earlier through this connection: rows found there
    are updated column by column, and it is brought up to date once the commit returned.
    A plan that deletes writes every row whole (a cascade may have changed the others).
    """
    try:
        raw.execute("BEGIN IMMEDIATE")  # the write lock up front (see engine_for)
        try:
            if before is not None:
                before(raw)
            _apply(raw, todo, None if todo.deletes else written)
            raw.execute("COMMIT")
        except BaseException:
            if raw.in_transaction:
                try:
                    raw.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # the error that got us here is the one to report
            raise
    except sqlite3.Error as exc:
        if is_interrupt(exc):
            raise too_slow(path, "saving") from None
        raise StorageError(f"could not save {quoted(path)} ({one_line(exc)})") from None
    if written is not None:
        _remember(todo, written)


def write_new_file(tmp: Path, project: Project) -> None:
    """Write the whole project into a brand-new database file at `tmp`, then close it.

    SQLite's errors arrive as sqlite3.Error (SQLAlchemy's DBAPIError is unwrapped).
    """
    rows = project_rows(project)
    raw = connect(tmp, "rwc")
    engine = engine_for(raw, immediate=True)
    try:
        writer_pragmas(raw)
        with engine.begin() as conn:
            Base.metadata.create_all(conn)
            version_metadata.create_all(conn)
            conn.execute(insert(alembic_version), {"version_num": revision_id(SCHEMA_VERSION)})
            conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
            for cls in INSERT_ORDER:
                if rows[cls]:
                    conn.execute(insert(TABLES[SPECS[cls].table.name]), rows[cls])
    except DBAPIError as exc:
        raise cast(sqlite3.Error, exc.orig) from None  # a DBAPIError wraps the driver's error
    finally:
        engine.dispose()  # closes `raw`: checkpoints the WAL into the file and deletes it
