"""Upgrades of old files: from an install path with a "%", and refused when links break."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing

import pytest

from app.storage import SCHEMA_VERSION, ProjectStore, StorageError, migrate
from tests.storage.helpers import digest
from tests.storage.test_migration import make_v1_file, v1_project


def test_an_install_path_with_a_percent_sign_still_upgrades(tmp_path, monkeypatch):
    scripts = tmp_path / "50% off" / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts)
    path = make_v1_file(tmp_path / "old.cjm", v1_project())
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)
    store, project = ProjectStore.open(path)
    store.close()
    assert store.schema_version == SCHEMA_VERSION and project.maps


def test_an_upgrade_that_would_leave_broken_links_is_not_made(tmp_path):
    path = make_v1_file(tmp_path / "old.cjm", v1_project())
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("UPDATE card SET stage_id = 'no-such-stage' WHERE rowid = 1")
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")  # as Journey Studio wrote version-1 files
    before = digest(path)
    with pytest.raises(StorageError) as caught:
        ProjectStore.open(path)
    message = str(caught.value)
    assert message.startswith('cannot upgrade "old.cjm": the upgrade left 1 broken links')
    assert digest(path) == before
    backups = sorted(p.name for p in tmp_path.iterdir() if "backup" in p.name)
    assert len(backups) == 1
