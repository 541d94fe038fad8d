"""Files that are not (healthy, current) projects: refused clearly, never changed."""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

import pytest

from app.domain.templates import new_project
from app.storage import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    NewerVersionError,
    NotAProjectError,
    ProjectStore,
    StorageError,
)
from tests.storage.helpers import PNG_BYTES, digest, rich_project


def _project_file(path: Path) -> Path:
    ProjectStore.create(path, rich_project(cards_per_cell=3)).close()
    return path


def _text(path: Path) -> Path:
    path.write_text("Hello, this is just a note.\nNot a project.\n", encoding="utf-8")
    return path


def _png(path: Path) -> Path:
    path.write_bytes(PNG_BYTES)
    return path


def _empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def _random(path: Path) -> Path:
    path.write_bytes(random.Random(5).randbytes(20_000))
    return path


def _magic_only(path: Path) -> Path:
    path.write_bytes(b"SQLite format 3\x00" + b"\x10\x00")
    return path


def _truncated(path: Path) -> Path:
    _project_file(path)
    with open(path, "r+b") as f:
        f.truncate(path.stat().st_size // 2)
    return path


def _truncated_untrusted_count(path: Path) -> Path:
    """Cut short, with the header's page count marked stale: SQLite itself must notice."""
    _truncated(path)
    with open(path, "r+b") as f:
        f.seek(92)
        f.write(b"\xff\xff\xff\xff")
    return path


def _corrupted(path: Path) -> Path:
    _project_file(path)
    size = path.stat().st_size
    page = 4096
    middle = (size // page // 2) * page
    with open(path, "r+b") as f:  # overwrite a whole page in the middle with garbage
        f.seek(middle)
        f.write(random.Random(9).randbytes(page))
    return path


def _other_program(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Lan', '0901')")
    conn.commit()
    conn.close()
    return path


def _other_program_wal(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    return path


def _our_id_no_tables(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    return path


def _bad_content(path: Path) -> Path:
    """Structurally sound, but a value no Journey Studio would write (a 7-point score)."""
    _project_file(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE emotion_marker SET score = 7")
    conn.commit()
    conn.close()
    return path


def _bad_enum(path: Path) -> Path:
    _project_file(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE lane SET kind = 'wormhole'")
    conn.commit()
    conn.close()
    return path


def _bad_yes_no(path: Path) -> Path:
    _project_file(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE card SET favourite = 'maybe'")
    conn.commit()
    conn.close()
    return path


HOSTILE = {
    "text": (_text, "not a database file"),
    "png": (_png, "not a database file"),
    "empty": (_empty, "the file is empty"),
    "random": (_random, "not a database file"),
    "magic-only": (_magic_only, "cut short"),
    "truncated": (_truncated, "cut short"),
    "truncated-untrusted-count": (_truncated_untrusted_count, "damaged and cannot be opened"),
    "corrupted": (_corrupted, "damaged and cannot be opened"),
    "other-program": (_other_program, "database of another program"),
    "other-program-wal": (_other_program_wal, "database of another program"),
    "our-id-no-tables": (_our_id_no_tables, "has no schema version"),
    "bad-content": (_bad_content, "damaged: table emotion_marker, row '"),
    "bad-enum": (_bad_enum, "damaged: table lane, column kind holds 'wormhole' (one of "),
    "bad-yes-no": (_bad_yes_no, "damaged: table card, column favourite holds 'maybe' (0 or 1"),
}


@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_file_is_refused_and_untouched(tmp_path, kind, read_only):
    make, reason = HOSTILE[kind]
    path = make(tmp_path / f"{kind}.cjm")
    before, size, listing = digest(path), path.stat().st_size, sorted(os.listdir(tmp_path))
    with pytest.raises(NotAProjectError) as caught:
        ProjectStore.open(path, read_only=read_only)
    message = str(caught.value)
    assert reason in message
    assert f'"{path.name}"' in message
    assert "\n" not in message
    assert digest(path) == before
    assert path.stat().st_size == size
    assert sorted(os.listdir(tmp_path)) == listing  # no -wal/-shm left behind


def test_empty_file_stays_empty(tmp_path):
    path = _empty(tmp_path / "zero.cjm")
    for read_only in (False, True):
        with pytest.raises(NotAProjectError, match="is not a Journey Studio project"):
            ProjectStore.open(path, read_only=read_only)
    assert path.stat().st_size == 0
    assert os.listdir(tmp_path) == ["zero.cjm"]


@pytest.mark.parametrize("read_only", [False, True])
def test_folder_and_missing_path(tmp_path, read_only):
    with pytest.raises(NotAProjectError, match="is a folder"):
        ProjectStore.open(tmp_path, read_only=read_only)
    with pytest.raises(NotAProjectError, match="does not exist"):
        ProjectStore.open(tmp_path / "missing.cjm", read_only=read_only)
    assert os.listdir(tmp_path) == []


def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = _project_file(tmp_path / "locked-away.cjm")
    path.chmod(0)
    try:
        with pytest.raises(StorageError, match="permission denied"):
            ProjectStore.open(path, read_only=True)
    finally:
        path.chmod(0o644)


def test_read_only_on_disk_needs_read_only_open(tmp_path):
    path = _project_file(tmp_path / "ro.cjm")
    path.chmod(0o444)
    try:
        if os.access(path, os.W_OK):
            pytest.skip("running as root: the file stays writable")
        with pytest.raises(StorageError, match="open it read-only"):
            ProjectStore.open(path)
        store, _ = ProjectStore.open(path, read_only=True)
        store.close()
    finally:
        path.chmod(0o644)


def _newer(path: Path, header_too: bool) -> Path:
    ProjectStore.create(path, new_project()).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '0004'")
    if header_too:
        conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("header_too", [True, False], ids=["header", "alembic-only"])
@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
def test_newer_version_is_refused_untouched(tmp_path, read_only, header_too):
    path = _newer(tmp_path / "future.cjm", header_too)
    before = digest(path)
    with pytest.raises(NewerVersionError) as caught:
        ProjectStore.open(path, read_only=read_only)
    error = caught.value
    assert (error.file_version, error.supported_version) == (4, SCHEMA_VERSION)
    assert f"file schema version 4; this version reads up to {SCHEMA_VERSION}" in str(error)
    assert isinstance(error, StorageError)
    assert digest(path) == before
    assert os.listdir(tmp_path) == ["future.cjm"]


def test_a_busy_database_is_not_called_damaged(tmp_path, monkeypatch):
    from app.storage import files

    path = _project_file(tmp_path / "busy.cjm")
    monkeypatch.setattr(files, "BUSY_TIMEOUT_S", 0.05)
    other = sqlite3.connect(path, isolation_level=None)  # some other program, mid-write
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StorageError) as caught:
            ProjectStore.open(path)
        assert not isinstance(caught.value, NotAProjectError)
        assert "database is locked" in str(caught.value)
        store, _ = ProjectStore.open(path, read_only=True)  # readers are not blocked
        store.close()
    finally:
        other.execute("ROLLBACK")
        other.close()
    ProjectStore.open(path)[0].close()
