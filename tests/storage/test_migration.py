"""Older files: a backup next to them, then an Alembic upgrade; the schema matches the models."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from app.domain.model import Project
from app.storage import APPLICATION_ID, SCHEMA_VERSION, ProjectStore, StorageError
from app.storage.files import connect
from app.storage.mapping import INSERT_ORDER, SPECS, project_rows
from app.storage.migrate import upgrade
from app.storage.schema import Base
from app.storage.trust import expected_shape
from app.storage.writer import engine_for
from tests.storage.helpers import add_links, digest, integrity, rich_project


def old_project(version: int) -> Project:
    """The rich project without what schema `version` cannot hold."""
    project = rich_project(cards_per_cell=2)
    if version < 3:
        project.logo, project.logo_mime, project.accent = None, "", ""
    for journey in project.maps + [s.content for s in project.snapshots]:
        if version < 3:
            journey.connectors, journey.views, journey.rounds, journey.votes = [], [], [], []
            for stage in journey.stages:
                stage.phase = None
        if version < 2:
            for card in journey.cards:
                card.span = 1  # schema 1 had no span: every card spans one stage
    return project


def v1_project() -> Project:
    return old_project(1)


def make_old_file(path: Path, project: Project, version: int) -> Path:
    """A genuine file of schema `version`: its revisions' DDL, then rows in its columns."""
    shape = expected_shape(version)
    raw = connect(path, "rwc")
    engine = engine_for(raw, immediate=True)
    try:
        upgrade(engine, raw, path, target=version)
        raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        rows = project_rows(project)
        raw.execute("BEGIN")
        for cls in INSERT_ORDER:
            table = SPECS[cls].table.name
            if table not in shape:
                assert not rows[cls], f"schema {version} has no table {table}"
                continue
            held = {column[0] for column in shape[table].columns}
            for row in rows[cls]:
                kept = {name: value for name, value in row.items() if name in held}
                columns = ", ".join(f'"{c}"' for c in kept)
                marks = ", ".join("?" for _ in kept)
                raw.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})",
                            list(kept.values()))
        raw.execute("COMMIT")
    finally:
        engine.dispose()
        raw.close()
    return path


def make_v1_file(path: Path, project: Project) -> Path:
    """A genuine schema-1 file (the bundle check in scripts/dev.sh makes one too)."""
    return make_old_file(path, project, 1)


def columns(path: Path, table: str) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    finally:
        conn.close()


def pragma(path: Path, name: str):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def test_v1_file_really_is_schema_1(tmp_path):
    path = make_v1_file(tmp_path / "old.cjm", v1_project())
    assert "span" not in columns(path, "card")
    assert pragma(path, "user_version") == 1
    assert pragma(path, "application_id") == APPLICATION_ID


def test_opening_v1_for_writing_backs_up_then_migrates(tmp_path):
    project = v1_project()
    path = make_v1_file(tmp_path / "old.cjm", project)
    store, loaded = ProjectStore.open(path)
    with store:
        assert loaded == project
        assert store.schema_version == SCHEMA_VERSION
        backup = store.backup_path
        assert backup is not None and backup.parent == tmp_path
        assert re.fullmatch(r"old\.cjm\.v1-backup-\d{8}-\d{6}\.cjm", backup.name)
        # The upgraded file keeps working: a change of the new field is saved.
        loaded.maps[0].cards[0].span = 2
        store.write(loaded, [loaded.maps[0].cards[0]])
    assert "span" in columns(path, "card")
    assert pragma(path, "user_version") == SCHEMA_VERSION
    assert integrity(path) == "ok"
    # The backup is the untouched schema-1 database, complete (taken with the backup API).
    assert "span" not in columns(backup, "card")
    assert pragma(backup, "user_version") == 1
    assert integrity(backup) == "ok"
    before = digest(backup)
    old_store, from_backup = ProjectStore.open(backup, read_only=True)
    old_store.close()
    assert from_backup == project
    assert digest(backup) == before
    # Opened again: already current, so no second backup.
    again, reloaded = ProjectStore.open(path)
    again.close()
    assert again.backup_path is None
    assert reloaded.maps[0].cards[0].span == 2
    assert sorted(os.listdir(tmp_path)) == sorted(["old.cjm", backup.name])


def test_read_only_open_of_v1_upgrades_in_memory_only(tmp_path):
    project = v1_project()
    path = make_v1_file(tmp_path / "old.cjm", project)
    before = digest(path)
    store, loaded = ProjectStore.open(path, read_only=True)
    with store:
        assert loaded == project
        assert store.schema_version == 1
        assert store.backup_path is None
        store.save_copy(tmp_path / "copy.cjm")  # the copy is the upgraded, current schema
    assert digest(path) == before
    assert pragma(tmp_path / "copy.cjm", "user_version") == SCHEMA_VERSION
    copy, from_copy = ProjectStore.open(tmp_path / "copy.cjm")
    copy.close()
    assert copy.backup_path is None
    assert from_copy == project
    assert sorted(os.listdir(tmp_path)) == ["copy.cjm", "old.cjm"]


def test_failed_upgrade_rolls_back_and_keeps_the_backup(tmp_path, monkeypatch):
    import alembic.command

    project = v1_project()
    path = make_v1_file(tmp_path / "old.cjm", project)
    real_upgrade = alembic.command.upgrade

    def upgrade_then_fail(config, revision):
        real_upgrade(config, revision)
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(alembic.command, "upgrade", upgrade_then_fail)
    with pytest.raises(StorageError, match=r"disk on fire.*the original is kept as old\.cjm\.v1-"):
        ProjectStore.open(path)
    monkeypatch.undo()
    assert "span" not in columns(path, "card")  # rolled back as one transaction
    assert pragma(path, "user_version") == 1
    store, loaded = ProjectStore.open(path)  # and a later attempt succeeds
    store.close()
    assert loaded == project
    assert len([n for n in os.listdir(tmp_path) if "-backup-" in n]) == 2


def _schema(path: Path) -> dict:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        out = {}
        for table in tables:
            out[table] = (
                [r[1:] for r in conn.execute(f"PRAGMA table_info({table})")],
                sorted(r[2:] for r in conn.execute(f"PRAGMA foreign_key_list({table})")),
                sorted((r[1], r[2]) for r in conn.execute(f"PRAGMA index_list({table})")),
            )
        return out
    finally:
        conn.close()


def test_migrated_schema_equals_a_new_files_schema(tmp_path):
    old = make_v1_file(tmp_path / "old.cjm", v1_project())
    ProjectStore.open(old)[0].close()
    new = tmp_path / "new.cjm"
    ProjectStore.create(new, rich_project()).close()
    assert _schema(old) == _schema(new)


def test_migrations_match_the_models(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    def differences(path: Path) -> list:
        engine = create_engine(f"sqlite:///{path}")
        try:
            with engine.connect() as conn:
                return compare_metadata(MigrationContext.configure(conn), Base.metadata)
        finally:
            engine.dispose()

    old = make_v1_file(tmp_path / "old.cjm", v1_project())
    assert differences(old)  # the check can see a difference: schema 1 lacks card.span
    ProjectStore.open(old)[0].close()
    assert differences(old) == []


def test_migration_scripts_ship_as_package_files():
    from app.storage import migrate

    names = {p.name for p in (migrate.MIGRATIONS_DIR / "versions").iterdir()}
    assert {"0001_initial.py", "0002_card_span.py", "__init__.py"} <= names
    assert (migrate.MIGRATIONS_DIR / "env.py").is_file()
    assert (migrate.MIGRATIONS_DIR / "__init__.py").is_file()


def test_a_schema_2_file_is_upgraded_and_then_keeps_links_views_and_votes(tmp_path):
    """Files written before connectors existed open, and take them once upgraded."""
    before = old_project(2)
    path = make_old_file(tmp_path / "v2.cjm", before, 2)
    assert "connector" not in _tables(path) and "phase" not in columns(path, "stage")
    store, loaded = ProjectStore.open(path)
    assert loaded == before and store.backup_path is not None
    assert ".v2-backup-" in store.backup_path.name
    assert loaded.maps[0].stages[0].phase is None and loaded.logo is None
    journey = loaded.maps[0]
    add_links(loaded, journey)
    store.write(loaded, [*journey.connectors, *journey.views, *journey.rounds,
                         *journey.votes, journey.stages[0], journey.stages[-1], loaded])
    store.close()
    again, reloaded = ProjectStore.open(path)
    again.close()
    assert reloaded == loaded
    assert pragma(path, "user_version") == SCHEMA_VERSION and integrity(path) == "ok"


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master "
                                               "WHERE type = 'table'")}
    finally:
        conn.close()
