"""A rollback -journal beside a project is rolled back only when it is that project's own.

SQLite rolls a hot journal back into whatever database it sits beside as it connects, even
one in WAL mode (checked with real files: another database's journal beside a WAL-mode
project replaced its pages). Our files are always in WAL mode, where SQLite writes no
rollback journal; a file another program switched to rollback mode can have its own.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.storage import NotAProjectError, ProjectStore, StorageError
from app.storage.errors import StrayWalError
from tests.storage.helpers import big_project, child_env, digest, integrity, rich_project

# Starts a transaction, runs the statements it is given and dies before the commit. The
# small cache makes SQLite write changed pages into the file before then, so the file
# alone holds half a transaction and only the journal can undo it.
CRASH_MID_TRANSACTION = """
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA cache_size=1")
c.execute("BEGIN")
for statement in sys.argv[2:]:
    c.execute(statement)
os._exit(0)
"""
# Changes every card in place (the file hardly grows: the journal holds most of it).
HALF = ("UPDATE card SET title = 'half-written', favourite = NOT favourite",
        "UPDATE project SET title = 'half-written'")


@pytest.fixture(autouse=True)
def _in_tmp_path(tmp_path, monkeypatch):
    """Opening may write nothing in the working folder either: the tests run in tmp_path."""
    monkeypatch.chdir(tmp_path)


def crash_in_rollback_mode(path: Path, statements: tuple[str, ...] = HALF) -> Path:
    """`path` in rollback mode, left by a program that died inside a transaction."""
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode=DELETE").fetchone() == ("delete",)
    conn.close()
    subprocess.run([sys.executable, "-c", CRASH_MID_TRANSACTION, str(path), *statements],
                   env=child_env(), check=True, timeout=60)
    journal = Path(f"{path}-journal")
    assert journal.stat().st_size > 0 and journal.read_bytes()[:1] != b"\x00"
    return path


def _titles_alone(path: Path) -> set[str]:
    """The card titles the file holds without its journal (read as an immutable file)."""
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?immutable=1", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT title FROM card")}
    finally:
        conn.close()


def other_program_journal(folder: Path) -> bytes:
    """The hot journal another program's rollback-mode database was left with."""
    db = folder / "contacts.db"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.executemany("INSERT INTO contacts VALUES (?, ?)", [(f"n{i}", "p" * 300)
                                                             for i in range(300)])
    conn.close()
    crash_in_rollback_mode(db, ("UPDATE contacts SET phone = hex(randomblob(300))",))
    return Path(f"{db}-journal").read_bytes()


def _state(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in sorted(folder.iterdir()) if p.is_file()}


def _assert_stray(path: Path, read_only: bool) -> None:
    before = _state(path.parent)
    with pytest.raises(StrayWalError) as caught:
        ProjectStore.open(path, read_only=read_only)
    assert str(caught.value) == (f'"{path.name}-journal" beside "{path.name}" belongs to '
                                 "another database; move it away to open the project")
    assert isinstance(caught.value, NotAProjectError)
    assert _state(path.parent) == before  # neither file changed, nothing created


def _ours(folder: Path, seed: int = 5) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "x.cjm"
    ProjectStore.create(path, rich_project(seed=seed)).close()
    return path


@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
def test_the_journal_of_another_program_is_never_rolled_back(tmp_path, read_only):
    journal = other_program_journal(tmp_path)
    path = _ours(tmp_path / "ours")
    Path(f"{path}-journal").write_bytes(journal)
    _assert_stray(path, read_only)
    # Moved away, as the message says: the project opens as it was.
    os.unlink(f"{path}-journal")
    store, project = ProjectStore.open(path)
    store.close()
    assert project.title == "Dự án <R&D> 😀"
    assert integrity(path) == "ok"


@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
def test_the_journal_of_another_project_is_never_rolled_back(tmp_path, read_only):
    other = tmp_path / "other.cjm"
    ProjectStore.create(other, rich_project(seed=11)).close()
    crash_in_rollback_mode(other)
    path = _ours(tmp_path / "ours")
    Path(f"{path}-journal").write_bytes(Path(f"{other}-journal").read_bytes())
    _assert_stray(path, read_only)


def test_the_journal_of_another_project_is_refused_beside_a_rollback_mode_file(tmp_path):
    """Rolled back, it would give the other project's pages: this file's id no longer."""
    other = tmp_path / "other.cjm"
    ProjectStore.create(other, rich_project(seed=11)).close()
    crash_in_rollback_mode(other)
    path = _ours(tmp_path / "ours")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    Path(f"{path}-journal").write_bytes(Path(f"{other}-journal").read_bytes())
    _assert_stray(path, read_only=False)


@pytest.mark.parametrize("junk", [b"\x01", b"\xd9" * 4096, os.urandom(3000) + b"x"],
                         ids=["one byte", "repeated", "random"])
def test_a_junk_journal_is_refused(tmp_path, junk):
    path = _ours(tmp_path / "ours")
    Path(f"{path}-journal").write_bytes(b"\x01" + junk)
    for read_only in (True, False):
        _assert_stray(path, read_only)


def test_a_projects_own_crash_journal_is_rolled_back_on_a_writable_open(tmp_path):
    path = tmp_path / "x.cjm"
    ProjectStore.create(path, big_project(cards=1500)).close()
    crash_in_rollback_mode(path)
    assert "half-written" in _titles_alone(path)  # the file alone holds half a change
    store, project = ProjectStore.open(path)
    store.close()
    titles = {card.title for journey in project.maps for card in journey.cards}
    assert project.title != "half-written" and "half-written" not in titles
    assert len(titles) > 1
    assert not Path(f"{path}-journal").exists()
    assert integrity(path) == "ok"
    assert path.read_bytes()[18:20] == b"\x02\x02"  # back in WAL mode
    reopened = ProjectStore.open(path, read_only=True)
    reopened[0].close()
    assert reopened[1] == project


def test_a_projects_own_crash_journal_is_refused_read_only(tmp_path):
    path = tmp_path / "x.cjm"
    ProjectStore.create(path, big_project(cards=1500)).close()
    crash_in_rollback_mode(path)
    before = _state(tmp_path)
    with pytest.raises(StorageError) as caught:
        ProjectStore.open(path, read_only=True)
    assert str(caught.value) == ('"x.cjm" has an unfinished change in "x.cjm-journal"; open '
                                 "it for editing to recover the change")
    assert _state(tmp_path) == before


def test_a_journal_claiming_a_huge_file_is_refused(tmp_path):
    """A forged original size would make the rollback write gigabytes of zeros."""
    path = tmp_path / "x.cjm"
    ProjectStore.create(path, big_project(cards=500)).close()
    crash_in_rollback_mode(path)
    journal = bytearray(Path(f"{path}-journal").read_bytes())
    journal[16:20] = (1 << 20).to_bytes(4, "big")  # the database size before, in pages
    Path(f"{path}-journal").write_bytes(journal)
    _assert_stray(path, read_only=False)


@pytest.mark.parametrize("content", [b"", b"\x00" * 512], ids=["empty", "zeroed"])
def test_a_journal_sqlite_ignores_is_ignored(tmp_path, content):
    path = _ours(tmp_path)
    Path(f"{path}-journal").write_bytes(content)
    before = _state(tmp_path)
    store, project = ProjectStore.open(path, read_only=True)
    store.close()
    assert project.title == "Dự án <R&D> 😀"
    assert _state(tmp_path) == before  # read-only: no -shm, not a byte written
    store, project = ProjectStore.open(path)
    store.close()
    assert project.title == "Dự án <R&D> 😀"
    assert integrity(path) == "ok"


def test_no_room_to_check_a_journal_is_one_line_and_changes_nothing(tmp_path, monkeypatch):
    import errno
    import tempfile

    path = tmp_path / "x.cjm"
    ProjectStore.create(path, big_project(cards=300)).close()
    crash_in_rollback_mode(path)
    before = _state(tmp_path)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tempfile, "TemporaryDirectory", full)
    with pytest.raises(StorageError) as caught:
        ProjectStore.open(path)
    assert str(caught.value) == 'cannot check "x.cjm-journal": No space left on device'
    assert _state(tmp_path) == before


def test_the_command_line_refuses_a_stray_journal_in_one_line(tmp_path, capsys):
    from app.cli import main

    path = _ours(tmp_path / "ours")
    Path(f"{path}-journal").write_bytes(b"\x01" * 600)
    before = _state(path.parent)
    assert main(["info", str(path)]) == 2
    out, err = capsys.readouterr()
    assert err.splitlines() == ['error: "x.cjm-journal" beside "x.cjm" belongs to another '
                                "database; move it away to open the project"]
    assert _state(path.parent) == before
