"""The table descriptions built at import, built again, describe exactly the file create() writes.

`columns.TABLES`, the typed models of `schema.py` and `mapping.SPECS` are built once, when
their module is first imported, and every other test shares that one copy. Here each
module is executed anew under its own name, so that the code building them is checked
too (a mutation tester can only change code that runs during a test).
"""

from __future__ import annotations

import importlib.util
import sqlite3
import sys
from pathlib import Path
from types import ModuleType

import pytest

from app.storage import ProjectStore
from app.storage.columns import SCHEMA_VERSION
from app.storage.trust import _expected_table, describe_table
from tests.storage.helpers import rich_project


def built_anew(name: str) -> ModuleType:
    """A second, freshly executed copy of module `name` (the first stays in place)."""
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    saved = sys.modules[name]
    sys.modules[name] = module  # its code runs under the module's own name
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules[name] = saved
    return module


@pytest.fixture(scope="module")
def project_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("anew") / "x.cjm"
    ProjectStore.create(path, rich_project()).close()
    return path


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)


def test_the_plain_description_built_anew_is_the_files_schema(project_file):
    columns = built_anew("app.storage.columns")
    raw = _read_only(project_file)
    try:
        names = {row[0] for row in raw.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert set(columns.TABLES) == names - {"alembic_version"}
        for name, table in columns.TABLES.items():
            assert _expected_table(table, SCHEMA_VERSION) == describe_table(raw, name), name
    finally:
        raw.close()


def _schema_sql(path: Path, tables: set[str]) -> list[tuple[str, str, str, str]]:
    raw = _read_only(path)
    try:
        return [row for row in raw.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name")
            if row[2] in tables]
    finally:
        raw.close()


def test_the_typed_models_built_anew_create_the_same_tables(project_file, tmp_path):
    from sqlalchemy import create_engine

    schema = built_anew("app.storage.schema")
    path = tmp_path / "anew.db"
    engine = create_engine(f"sqlite:///{path}")
    try:
        schema.Base.metadata.create_all(engine)
    finally:
        engine.dispose()
    tables = set(schema.Base.metadata.tables)
    made = _schema_sql(path, tables)
    assert made == _schema_sql(project_file, tables)
    assert sum(1 for kind, *_ in made if kind == "table") == 13
    assert all("DEFERRABLE INITIALLY DEFERRED" in sql for _, _, _, sql in made
               if "REFERENCES" in (sql or ""))


def test_the_row_readers_built_anew_read_the_project_back(project_file):
    mapping = built_anew("app.storage.mapping")
    store, opened = ProjectStore.open(project_file, read_only=True)
    store.close()
    raw = _read_only(project_file)
    try:
        assert mapping.load_project(raw) == opened
    finally:
        raw.close()
