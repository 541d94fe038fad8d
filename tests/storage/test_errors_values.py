"""The one line a storage error shows, and the file details it is about."""

import sqlite3
from contextlib import closing

import pytest

from app.domain.templates import new_project
from app.storage import ProjectStore, StorageError
from app.storage.errors import ProjectLockedError, one_line


def test_an_error_text_becomes_one_line_of_at_most_the_limit():
    assert one_line("disk\n  full\t(28)") == "disk full (28)"
    assert one_line("x" * 160) == "x" * 160
    assert one_line("x" * 161) == "x" * 159 + "…"
    assert one_line("abcdef", limit=5) == "abcd…"
    assert one_line(OSError(28, "No space left")) == "[Errno 28] No space left"


def test_a_locked_project_says_what_to_do():
    assert str(ProjectLockedError("map.cjm")) == (
        '"map.cjm" is open in another Journey Studio window or process; '
        "open it read-only or close the other one")


@pytest.mark.parametrize("rows", [["1", "2"], ["two"], []])
def test_a_file_with_an_odd_schema_version_is_called_damaged(tmp_path, rows):
    path = tmp_path / "map.cjm"
    ProjectStore.create(str(path), new_project("awareness-5", "vi")).close()
    # Closed, so the change is checkpointed into the file (no -wal left beside it).
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("DELETE FROM alembic_version")
        connection.executemany("INSERT INTO alembic_version VALUES (?)", [(r,) for r in rows])
    with pytest.raises(StorageError) as caught:
        ProjectStore.open(str(path), read_only=True)
    assert "is damaged: its schema version is unreadable" in str(caught.value)
    assert "map.cjm" in str(caught.value)
