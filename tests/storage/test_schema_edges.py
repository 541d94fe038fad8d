"""The edges of the schema check and of the side files, each with the exact line a user reads."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from app.domain.templates import new_project
from app.storage import NotAProjectError, ProjectStore, StorageError
from app.storage.errors import StrayWalError
from tests.storage.helpers import digest


def _project(path: Path) -> Path:
    ProjectStore.create(path, new_project("awareness-5", "vi", title="Bản đồ")).close()
    return path


def _alter(path: Path, *statements: str) -> Path:
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        for statement in statements:
            conn.execute(statement)
    return path


def _refused(path: Path, error: type[StorageError] = NotAProjectError) -> str:
    """The line both kinds of opening refuse `path` with (the same for both)."""
    before = digest(path)
    lines = set()
    for read_only in (True, False):
        with pytest.raises(error) as caught:
            ProjectStore.open(path, read_only=read_only)
        lines.add(str(caught.value))
    assert digest(path) == before
    assert len(lines) == 1, lines
    return lines.pop()


UNREADABLE = '"x.cjm" is damaged: its schema version is unreadable'


@pytest.mark.parametrize("text", ["0000000003", "²", "0", "-1", " 3", "3 ", ""])
def test_a_schema_version_that_is_no_plain_number_from_1_is_unreadable(tmp_path, text):
    path = _alter(_project(tmp_path / "x.cjm"), "DELETE FROM alembic_version",
                  f"INSERT INTO alembic_version VALUES ('{text}')")
    assert _refused(path) == UNREADABLE


def test_a_schema_version_of_nine_digits_is_read(tmp_path):
    path = _alter(_project(tmp_path / "x.cjm"),
                  "UPDATE alembic_version SET version_num = '000000003'")
    store, project = ProjectStore.open(path, read_only=True)
    store.close()
    assert project.title == "Bản đồ"


def test_a_schema_version_that_is_no_text_is_unreadable(tmp_path):
    path = _alter(_project(tmp_path / "x.cjm"),
                  "UPDATE alembic_version SET version_num = X'33'")  # the blob b"3"
    assert _refused(path) == UNREADABLE


def test_a_long_object_name_is_shown_shortened(tmp_path):
    name = "t" * 59 + "ĐXYZ" + "u" * 40
    path = _alter(_project(tmp_path / "x.cjm"),
                  f'CREATE TRIGGER "{name}" AFTER INSERT ON card BEGIN SELECT 1; END')
    assert _refused(path) == ('"x.cjm" contains database objects Journey Studio never creates '
                              f'(trigger "{name[:60]}"); it was not opened')


def test_a_missing_table_is_named(tmp_path):
    path = _alter(_project(tmp_path / "x.cjm"), "PRAGMA foreign_keys=OFF", "DROP TABLE snapshot")
    assert _refused(path) == '"x.cjm" is damaged: its table "snapshot" is missing'


def test_a_changed_version_table_is_foreign(tmp_path):
    path = _alter(_project(tmp_path / "x.cjm"),
                  "ALTER TABLE alembic_version ADD COLUMN note TEXT")
    assert _refused(path) == ('"x.cjm" contains database objects Journey Studio never creates '
                              '(table "alembic_version" changed); it was not opened')


def test_a_folder_in_place_of_the_wal_cannot_be_read(tmp_path):
    path = _project(tmp_path / "x.cjm")
    Path(f"{path}-wal").mkdir()
    assert _refused(path, StorageError) == 'cannot read "x.cjm-wal": Is a directory'
    assert sorted(os.listdir(tmp_path)) == ["x.cjm", "x.cjm-wal"]


def test_a_wal_of_an_unknown_format_version_is_refused(tmp_path):
    """SQLite refuses to open a database beside a WAL of another format version."""
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other, isolation_level=None)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA wal_autocheckpoint=0")
        conn.execute("CREATE TABLE t (x)")
        wal = bytearray(Path(f"{other}-wal").read_bytes())
    wal[4:8] = (3007001).to_bytes(4, "big")
    path = _project(tmp_path / "x.cjm")
    Path(f"{path}-wal").write_bytes(wal)
    assert _refused(path, StrayWalError) == (
        '"x.cjm-wal" beside "x.cjm" belongs to another database; move it away to open the '
        "project")
