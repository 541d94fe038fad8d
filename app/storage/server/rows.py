"""Reading a project's rows from the server and writing one plan, version-checked.

The domain mapping is the file's (`mapping.SPECS`: the same fields, encoders and
decoders); only the SQL differs. Every row read keeps its `version`; a write updates a
row only `WHERE version = <the version read>` and raises it by one, so a row someone
else changed meanwhile is refused (ConflictError) and the whole transaction rolls back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    bindparam,
    delete,
    literal_column,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.sql.elements import ColumnElement

from app.domain.model import Connector, JourneyMap, Project
from app.domain.tree import container_of
from app.domain.validation import DomainError
from app.storage import columns
from app.storage.mapping import INSERT_ORDER, SPECS, BadRow, Spec, check_project
from app.storage.server.errors import ConflictError
from app.storage.server.schema import TABLES
from app.storage.writer import Plan

# The project row's fields that every write touches (the document stamps `modified`):
# they are written without a version check, or two people could never edit at once.
STAMP_FIELDS = frozenset({"modified"})


@dataclass
class Known:
    """A row as this store last read or wrote it: its version and its values."""

    version: int
    values: dict[str, Any]


Rows = dict[tuple[type, str], Known]


def kind_of(cls: type) -> str:
    """An entity kind as a message names it: "card", "map", "emotion marker"."""
    if cls is JourneyMap:
        return "map"
    return re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()


def _table(cls: type) -> Any:
    return TABLES[SPECS[cls].table.name]


def _keys(spec: Spec) -> tuple[str, ...]:
    return (*spec.fields, "seq") if spec.ordered else spec.fields


@cache
def _select(cls: type) -> Any:
    spec = SPECS[cls]
    table = _table(cls)
    kinds = {c.name: c.type for c in spec.table.columns}
    # Booleans come back as 0/1, as the file's decoders expect them.
    cols: list[ColumnElement[Any]] = [
        table.c[name].cast(Integer()) if kinds[name] is bool else table.c[name]
        for name in _keys(spec)]
    stmt = select(*cols, table.c.version)
    if cls is Project:
        return stmt.where(table.c.id == bindparam("b_pid"))
    stmt = stmt.where(table.c.project_id == bindparam("b_pid"))
    return stmt.order_by(table.c.seq, table.c.ins) if spec.ordered else stmt.order_by(
        table.c.ins)


def _read(conn: Connection, cls: type, project_id: str, rows: Rows) -> list[Any]:
    spec = SPECS[cls]
    keys = _keys(spec)
    n = len(spec.fields)
    entity = spec.entity
    result = []
    for values in conn.execute(_select(cls), {"b_pid": project_id}):
        item = entity(values[:n])
        rows[(cls, item.id)] = Known(values[-1], dict(zip(keys, values[:-1], strict=True)))
        result.append(item)
    return result


def load(conn: Connection, project_id: str) -> tuple[Project, Rows]:
    """The whole project and every row's version (inside one repeatable-read transaction).

    Each kind is read parents first (INSERT_ORDER) and put in the list the domain keeps
    it in (app.domain.tree.container_of), so a kind the file gains is loaded here too.
    Raises BadRow when the rows do not make a valid project.
    """
    rows: Rows = {}
    found = _read(conn, Project, project_id, rows)
    if len(found) != 1:
        raise BadRow(f"expected one project record, found {len(found)}")
    project: Project = found[0]
    for cls in INSERT_ORDER:
        if cls is Project:
            continue
        for item in _read(conn, cls, project_id, rows):
            try:
                container_of(project, item).append(item)
            except DomainError as exc:  # its map (or round…) is not in the project
                raise BadRow(f"table {SPECS[cls].table.name}, row {item.id!r}: {exc}"
                             ) from None
    check_project(project)
    return project, rows


def fetch(conn: Connection, cls: type, project_id: str, entity_id: str
          ) -> tuple[Any, Known] | None:
    """One entity as the server holds it now, or None when it is gone."""
    rows: Rows = {}
    table = _table(cls)
    key = table.c.id == entity_id
    stmt = _select(cls).where(key)
    spec = SPECS[cls]
    for values in conn.execute(stmt, {"b_pid": project_id}):
        item = spec.entity(values[: len(spec.fields)])
        rows[(cls, item.id)] = Known(values[-1], dict(zip(_keys(spec), values[:-1],
                                                          strict=True)))
        return item, rows[(cls, item.id)]
    return None


# -- writing ------------------------------------------------------------------------------

@cache
def _update(cls: type, names: tuple[str, ...]) -> Any:
    table = _table(cls)
    where = [table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version")]
    if cls is not Project:
        where.append(table.c.project_id == bindparam("b_pid"))
    values: dict[str, Any] = {name: bindparam(f"v_{name}") for name in names}
    values["version"] = table.c.version + 1
    if cls is Project:
        values["modified_by"] = literal_column("current_user")
    return update(table).where(*where).values(values).returning(table.c.version)


@cache
def _stamp() -> Any:
    table = TABLES[columns.PROJECT.name]
    return update(table).where(table.c.id == bindparam("b_pid")).values(
        modified=bindparam("v_modified"), modified_by=literal_column("current_user"))


@cache
def _insert(cls: type) -> Any:
    table = _table(cls)
    values: dict[str, Any] = {name: bindparam(f"v_{name}") for name in _keys(SPECS[cls])}
    values["project_id"] = bindparam("b_pid")
    return insert(table).values(values).on_conflict_do_nothing(
        index_elements=["project_id", "id"]).returning(table.c.version)


@cache
def _delete(cls: type) -> Any:
    table = _table(cls)
    return delete(table).where(table.c.project_id == bindparam("b_pid"),
                               table.c.id == bindparam("b_id"),
                               table.c.version == bindparam("b_version")
                               ).returning(table.c.id)


@cache
def _delete_any(cls: type) -> Any:
    table = _table(cls)
    return delete(table).where(table.c.project_id == bindparam("b_pid"),
                               table.c.id == bindparam("b_id"))


@cache
def _reseq(cls: type) -> Any:
    table = _table(cls)
    return update(table).where(table.c.project_id == bindparam("b_pid"),
                               table.c.id == bindparam("b_id")).values(seq=bindparam("v_seq"))


@cache
def _version_of(cls: type) -> Any:
    table = _table(cls)
    where = [table.c.id == bindparam("b_id")]
    if cls is not Project:
        where.append(table.c.project_id == bindparam("b_pid"))
    return select(table.c.version).where(*where)


def _refuse(conn: Connection, cls: type, project_id: str, entity_id: str) -> ConflictError:
    """The conflict for a row whose version was not the one read: changed, or gone."""
    now = conn.execute(_version_of(cls), {"b_id": entity_id, "b_pid": project_id}).scalar()
    return ConflictError(kind_of(cls), entity_id, deleted=now is None, entity_type=cls)


def _params(row: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    return {f"v_{name}": row[name] for name in names}


@dataclass
class Written:
    """What a committed write changed in the store's knowledge of the rows."""

    rows: dict[tuple[type, str], Known]
    deleted: set[tuple[type, str]]


def apply(conn: Connection, todo: Plan, project_id: str, known: Rows) -> Written:
    """Run one plan inside the caller's transaction; ConflictError on a stale row."""
    done = Written({}, set())
    pid = project_id
    for cls in reversed(INSERT_ORDER):
        for entity_id in todo.deletes.get(cls, ()):
            old = known.get((cls, entity_id))
            if old is None:  # never read by this store (nothing to compare with)
                conn.execute(_delete_any(cls), {"b_pid": pid, "b_id": entity_id})
            elif conn.execute(_delete(cls), {"b_pid": pid, "b_id": entity_id,
                                             "b_version": old.version}).first() is None:
                if conn.execute(_version_of(cls), {"b_id": entity_id, "b_pid": pid}
                                ).scalar() is not None:
                    raise ConflictError(kind_of(cls), entity_id, entity_type=cls)
                # Gone already (someone else deleted it too, or a cascade here): fine.
            done.deleted.add((cls, entity_id))
    if todo.deletes:
        # A connector's target (a card or a stage) has no foreign key: as in the file
        # (app.storage.writer), connectors whose target is gone go with it.
        for (entity_id,) in conn.execute(_TARGET_GONE, {"b_pid": pid}):
            done.deleted.add((Connector, entity_id))
    for cls in INSERT_ORDER:
        for entity_id, row in todo.upserts.get(cls, {}).items():
            _upsert(conn, cls, pid, entity_id, row, known, done)
    for cls, reseq in todo.reseq.items():
        for params in reseq:
            conn.execute(_reseq(cls), {"b_pid": pid, "b_id": params["b_id"],
                                       "v_seq": params["b_seq"]})
            old = done.rows.get((cls, params["b_id"])) or known.get((cls, params["b_id"]))
            if old is not None:
                done.rows[(cls, params["b_id"])] = Known(
                    old.version, {**old.values, "seq": params["b_seq"]})
    return done


def _upsert(conn: Connection, cls: type, pid: str, entity_id: str, row: dict[str, Any],
            known: Rows, done: Written) -> None:
    old = known.get((cls, entity_id))
    keys = tuple(row)
    if old is None or (cls, entity_id) in done.deleted:
        if cls is Project:
            raise ConflictError("project", entity_id, deleted=True, entity_type=cls)
        version = conn.execute(_insert(cls), {"b_pid": pid, **_params(row, keys)}).scalar()
        if version is None:  # the id is taken: someone else made it meanwhile
            raise ConflictError(kind_of(cls), entity_id, entity_type=cls)
        done.rows[(cls, entity_id)] = Known(version, dict(row))
        return
    names = tuple(k for k in keys if not _same(row[k], old.values.get(k)))
    if not names:
        return  # nothing of this row changed: nothing to write, nothing to refuse
    if cls is Project and set(names) <= STAMP_FIELDS:
        if conn.execute(_stamp(), {"b_pid": pid, **_params(row, names)}).rowcount == 0:
            raise ConflictError("project", entity_id, deleted=True, entity_type=cls)
        done.rows[(cls, entity_id)] = Known(old.version, dict(row))
        return
    version = conn.execute(_update(cls, names), {
        "b_pid": pid, "b_id": entity_id, "b_version": old.version, **_params(row, names)
    }).scalar()
    if version is None:
        raise _refuse(conn, cls, pid, entity_id)
    done.rows[(cls, entity_id)] = Known(version, dict(row))


def _same(a: Any, b: Any) -> bool:
    # 200 and 200.0 are one stored value (a float column); True and 1 likewise (read as 0/1).
    return bool(a == b) and (a is None) == (b is None)


_TARGET_GONE = text(
    "DELETE FROM connector AS c WHERE c.project_id = :b_pid "
    "AND NOT EXISTS (SELECT 1 FROM card WHERE project_id = :b_pid AND id = c.target_id) "
    "AND NOT EXISTS (SELECT 1 FROM stage WHERE project_id = :b_pid AND id = c.target_id) "
    "RETURNING c.id")


def forget_cascaded(known: Rows, deleted: set[tuple[type, str]]) -> None:
    """Drop the rows that deleting `deleted` removed by cascade (a map's stages, their
    cards, the cards' votes… to any depth)."""
    gone = {entity_id for _, entity_id in deleted}
    refs: dict[str, tuple[str, ...]] = {
        name: tuple(c.name for c in info.columns
                    if c.references is not None and c.references[1] == "CASCADE")
        for name, info in columns.TABLES.items()}
    for key in list(known):
        if key in deleted:
            del known[key]
    dropped = True
    while dropped:  # each pass takes the children of what the last one dropped
        dropped = False
        for key in list(known):
            names = refs[SPECS[key[0]].table.name]
            values = known[key].values
            if any(values.get(name) in gone for name in names):
                del known[key]
                gone.add(key[1])
                dropped = True


def insert_project(conn: Connection, project_id: str, rows: dict[type, list[dict[str, Any]]]
                   ) -> None:
    """Insert every entity row of a new project (its `projects` row exists already)."""
    for cls in INSERT_ORDER:
        if cls is Project or not rows[cls]:
            continue
        table = _table(cls)
        conn.execute(table.insert(), [{**row, "project_id": project_id} for row in rows[cls]])
