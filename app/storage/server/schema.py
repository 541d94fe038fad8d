"""The server's tables, derived from the file's (`columns.py`): one source of field ↔ column.

Many projects share one database, so every entity table carries `project_id` in its key
(`(project_id, id)`) and each row a `version`, raised by every write that changes it: a
write that names an older version than the row's is refused (ConflictError). The file's
one `project` row becomes a row of `projects`, which adds the project's unique `name` on
the server and who changed it last. `ins` keeps the order rows were first saved in (the
file's rowid), which is the order of cards and markers in their map.

The migrations (`migrations/versions`) create exactly these tables; a test compares them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Double,
    Identity,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
)
from sqlalchemy.types import TypeEngine

from app.storage import columns
from app.storage.columns import TableInfo

PROJECTS = "projects"
# Alembic's bookkeeping table, named so as not to clash with another program's Alembic.
VERSION_TABLE = "journey_studio_version"
# The newest server schema this build knows, and the file schema it stores.
SERVER_REVISIONS = {1: "s0001", 2: "s0002"}
SERVER_SCHEMA_VERSION = 2

_TYPES: dict[type, type[TypeEngine[Any]]] = {
    str: Text, int: BigInteger, float: Double, bytes: LargeBinary, bool: Boolean}

metadata = MetaData()


def _columns(info: TableInfo) -> list[Column[Any]]:
    return [Column(c.name, _TYPES[c.type](), nullable=c.nullable) for c in info.columns]


def _projects_table() -> Table:
    own = _columns(columns.PROJECT)  # id first, then the project's fields
    return Table(
        PROJECTS, metadata, own[0], Column("name", Text, nullable=False, unique=True),
        *own[1:],
        Column("modified_by", Text, nullable=False, server_default=""),
        Column("version", Integer, nullable=False, server_default="1"),
        PrimaryKeyConstraint("id", name="pk_projects"),
    )


def _entity_table(info: TableInfo) -> Table:
    return Table(
        info.name, metadata, Column("project_id", Text, nullable=False), *_columns(info),
        Column("version", Integer, nullable=False, server_default="1"),
        Column("ins", BigInteger, Identity(always=False), nullable=False),
        PrimaryKeyConstraint("project_id", "id", name=f"pk_{info.name}"),
    )


# The file's table name → the server's table; the project row lives in `projects`.
TABLES: dict[str, Table] = {columns.PROJECT.name: _projects_table()}
TABLES.update({name: _entity_table(info) for name, info in columns.TABLES.items()
               if info is not columns.PROJECT})
ENTITY_TABLES = [TABLES[name] for name in columns.TABLES if name != columns.PROJECT.name]
