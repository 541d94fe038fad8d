"""The raw header decides what a file is before SQLite touches it: each edge told exactly."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from app.storage import NotAProjectError, ProjectStore
from tests.storage.helpers import digest, integrity, rich_project
from tests.storage.test_stray_wal import crashed


@pytest.mark.parametrize(("content", "line"), [
    (b"SQLit", "is not a Journey Studio project: it is not a database file"),
    (b"SQLite format 3\x00", "is damaged: the file is cut short"),
    (b"SQLite format 3\x00" + bytes(83), "is damaged: the file is cut short"),
], ids=["half the magic", "the magic alone", "one byte short of a header"])
def test_the_start_of_a_database_is_not_yet_one(tmp_path, content, line):
    path = tmp_path / "x.cjm"
    path.write_bytes(content)
    for read_only in (True, False):
        with pytest.raises(NotAProjectError) as caught:
            ProjectStore.open(path, read_only=read_only)
        assert str(caught.value) == f'"x.cjm" {line}'
    assert path.read_bytes() == content
    assert os.listdir(tmp_path) == ["x.cjm"]


def _with_page_size(path: Path, size: int) -> Path:
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute(f"PRAGMA page_size={size}")
        conn.execute("VACUUM")
        conn.execute("PRAGMA journal_mode=WAL")
    assert path.read_bytes()[16:18] == (b"\x00\x01" if size == 65536 else size.to_bytes(2, "big"))
    return path


@pytest.mark.parametrize("size", [65536, 512])
def test_a_project_with_the_largest_or_smallest_pages_opens_and_recovers(tmp_path, size):
    path = tmp_path / "x.cjm"
    ProjectStore.create(path, rich_project()).close()
    _with_page_size(path, size)
    crashed(path, edits=4)
    os.unlink(f"{path}-shm")
    before = digest(path)
    reader, seen = ProjectStore.open(path, read_only=True)
    reader.close()
    assert seen.title == "edited 3"
    assert digest(path) == before
    store, project = ProjectStore.open(path)
    store.close()
    assert project == seen
    assert integrity(path) == "ok"


def test_a_project_cut_by_one_page_is_cut_short(tmp_path):
    path = tmp_path / "x.cjm"
    ProjectStore.create(path, rich_project()).close()
    _with_page_size(path, 65536)
    data = path.read_bytes()
    path.write_bytes(data[:-65536])
    for read_only in (True, False):
        with pytest.raises(NotAProjectError) as caught:
            ProjectStore.open(path, read_only=read_only)
        assert str(caught.value) == '"x.cjm" is damaged: the file is cut short'
