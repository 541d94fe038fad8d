"""The write machinery: SQLAlchemy Core statements over the typed tables of `schema.py`.

Imported on the first `ProjectStore.write` or `create`, never on open: SQLAlchemy and the
typed models cost ~0.3 s to import, more than everything else an `info` or a PDF export
does. `ProjectStore.warm_up` imports it ahead of the first edit in the editor.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Engine, bindparam, create_engine, delete, event, insert, update
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
from app.storage.mapping import INSERT_ORDER, SPECS, Spec, project_rows
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


_UPSERTS: dict[type, Any] = {}


def _upsert_statement(spec: Spec) -> Any:
    stmt = _UPSERTS.get(spec.cls)
    if stmt is None:
        table = TABLES[spec.table.name]
        base = sqlite_insert(table)
        names = [c.name for c in table.columns if c.name != "id"]
        stmt = base.on_conflict_do_update(
            index_elements=[table.c.id], set_={c: base.excluded[c] for c in names}
        )
        _UPSERTS[spec.cls] = stmt
    return stmt


def warm_up() -> None:
    """Build the statements a first save would build, so it costs what later ones do."""
    for spec in SPECS.values():
        _upsert_statement(spec)


def _apply(conn: Connection, todo: Plan) -> None:
    for cls in reversed(INSERT_ORDER):
        ids = todo.deletes.get(cls)
        if ids:
            table = TABLES[SPECS[cls].table.name]
            conn.execute(delete(table).where(table.c.id == bindparam("b_id")),
                         [{"b_id": i} for i in ids])
    for cls in INSERT_ORDER:
        rows = todo.upserts.get(cls)
        if rows:
            conn.execute(_upsert_statement(SPECS[cls]), list(rows.values()))
    for cls, rows in todo.reseq.items():
        table = TABLES[SPECS[cls].table.name]
        stmt = update(table).where(table.c.id == bindparam("b_id")).values(seq=bindparam("b_seq"))
        conn.execute(stmt, rows)


def save(engine: Engine, todo: Plan, path: Path,
         before: Callable[[Connection], None] | None = None) -> None:
    """Apply a plan in one committed transaction; SQLite's refusals become StorageError.

    `before` runs first inside the transaction (with the write lock held) and may refuse.
    """
    try:
        with engine.begin() as conn:
            if before is not None:
                before(conn)
            _apply(conn, todo)
    except DBAPIError as exc:
        if exc.orig is not None and is_interrupt(exc.orig):
            raise too_slow(path, "saving") from None
        raise StorageError(f"could not save {quoted(path)} ({one_line(exc.orig)})") from None


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
