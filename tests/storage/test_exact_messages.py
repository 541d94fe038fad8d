"""Each refusal is one exact line a user reads: the whole line is checked, not a fragment.

A fragment check passes when the line around it is garbled; these check every word.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from app.domain.templates import new_project
from app.storage import NotAProjectError, ProjectStore, StorageError
from tests.storage import test_hostile as hostile
from tests.storage.helpers import digest

NOT_OURS = '"{name}" is not a Journey Studio project: '
EXACT = {
    "empty": NOT_OURS + "the file is empty",
    "text": NOT_OURS + "it is not a database file",
    "png": NOT_OURS + "it is not a database file",
    "random": NOT_OURS + "it is not a database file",
    "other-program": NOT_OURS + "it is a database of another program",
    "other-program-wal": NOT_OURS + "it is a database of another program",
    "our-id-no-tables": NOT_OURS + "it has no schema version",
    "magic-only": '"{name}" is damaged: the file is cut short',
    "truncated": '"{name}" is damaged: the file is cut short',
    "corrupted": r'"{name}" is damaged and cannot be opened \(Page \d+: btreeInitPage\(\) '
                 r"returns error code 11\)",
    # SQLite names what it met first past the cut: an index's root page or a damaged page.
    "truncated-untrusted-count": r'"{name}" is damaged and cannot be opened \((malformed '
                                 r"database schema \(ix_\w+\) - invalid rootpage|database "
                                 r"disk image is malformed)\)",
    "bad-content": r'"{name}" is damaged: table emotion_marker, row \'[0-9a-f-]{{36}}\': '
                   r"emotion score must be a whole number from -2 to \+2, not 7",
    "bad-enum": '"{name}" is damaged: table lane, column kind holds \'wormhole\' (one of '
                "touchpoints, actions, thoughts, emotions, pains, opportunities, backstage, "
                "metrics, text was expected)",
    "bad-yes-no": '"{name}" is damaged: table card, column favourite holds \'maybe\' (0 or 1 '
                  "was expected)",
}
PATTERNS = {"corrupted", "truncated-untrusted-count", "bad-content"}


def test_every_hostile_kind_has_its_exact_line():
    assert set(EXACT) == set(hostile.HOSTILE)


@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
@pytest.mark.parametrize("kind", sorted(EXACT))
def test_a_hostile_file_is_refused_with_its_exact_line(tmp_path, kind, read_only):
    path = hostile.HOSTILE[kind][0](tmp_path / f"{kind}.cjm")
    before = digest(path)
    with pytest.raises(NotAProjectError) as caught:
        ProjectStore.open(path, read_only=read_only)
    expected = EXACT[kind].format(name=path.name)
    if kind in PATTERNS:
        assert re.fullmatch(expected, str(caught.value)), str(caught.value)
    else:
        assert str(caught.value) == expected
    assert digest(path) == before
    assert os.listdir(tmp_path) == [path.name]


@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
def test_paths_that_are_no_file(tmp_path, read_only):
    def refused(path: Path) -> str:
        with pytest.raises(StorageError) as caught:
            ProjectStore.open(path, read_only=read_only)
        return str(caught.value)

    folder = tmp_path / "maps.cjm"
    folder.mkdir()
    assert refused(folder) == '"maps.cjm" is a folder, not a Journey Studio project'
    assert refused(tmp_path / "gone.cjm") == '"gone.cjm" does not exist'
    fifo = tmp_path / "pipe.cjm"
    os.mkfifo(fifo)
    assert refused(fifo) == '"pipe.cjm" is not a regular file'
    note = tmp_path / "note.txt"
    note.write_text("x")
    assert refused(note / "x.cjm") == 'cannot read "x.cjm": Not a directory'
    assert sorted(os.listdir(tmp_path)) == ["maps.cjm", "note.txt", "pipe.cjm"]


def test_creating_where_no_file_can_be_made(tmp_path):
    def refused(path: Path, **kwargs: bool) -> str:
        with pytest.raises(StorageError) as caught:
            ProjectStore.create(path, new_project(), **kwargs)
        return str(caught.value)

    (tmp_path / "maps").mkdir()
    assert refused(tmp_path / "maps") == '"maps" is a folder; choose a file name'
    assert refused(tmp_path / "nowhere" / "x.cjm") == (
        f'could not save "x.cjm": the folder "{tmp_path / "nowhere"}" does not exist')
    ProjectStore.create(tmp_path / "x.cjm", new_project()).close()
    assert refused(tmp_path / "x.cjm") == '"x.cjm" already exists'
    untitled = new_project()
    untitled.title = " "
    with pytest.raises(StorageError) as caught:
        ProjectStore.create(tmp_path / "y.cjm", untitled)
    assert str(caught.value) == 'could not save "y.cjm": a project needs a title'
    assert not (tmp_path / "y.cjm").exists()


def test_what_a_store_refuses_once_open(tmp_path):
    path = tmp_path / "x.cjm"
    store = ProjectStore.create(path, new_project())
    assert repr(store) == f"<ProjectStore {str(path)!r} writable v3>"
    folder = tmp_path / "copies"
    folder.mkdir()
    with pytest.raises(StorageError) as caught:
        store.save_copy(folder)
    assert str(caught.value) == '"copies" is a folder; choose a file name'
    with pytest.raises(StorageError) as caught:
        store.save_copy(path)
    assert str(caught.value) == 'a copy cannot replace "x.cjm" itself; choose another name'
    store.close()
    assert store.closed
    with pytest.raises(StorageError) as caught:
        store.save_copy(tmp_path / "y.cjm")
    assert str(caught.value) == '"x.cjm" has been closed'
    store.close()  # a second close does nothing

    reader, project = ProjectStore.open(path, read_only=True)
    assert repr(reader) == f"<ProjectStore {str(path)!r} read-only v3>"
    assert reader.read_only and not reader.closed
    with pytest.raises(StorageError) as caught:
        reader.write(project, [project])
    assert str(caught.value) == '"x.cjm" is open read-only; save a copy instead'
    reader.close()
    with pytest.raises(StorageError) as caught:
        reader.write(project, [project])
    assert str(caught.value) == '"x.cjm" has been closed'


def test_a_file_another_program_is_writing_is_busy_not_damaged(tmp_path, monkeypatch):
    import sqlite3

    from app.storage import files

    path = tmp_path / "busy.cjm"
    ProjectStore.create(path, new_project()).close()
    monkeypatch.setattr(files, "BUSY_TIMEOUT_S", 0.05)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StorageError) as caught:
            ProjectStore.open(path)
        assert str(caught.value) == 'cannot open "busy.cjm" (database is locked)'
        assert not isinstance(caught.value, NotAProjectError)
        other.execute("ROLLBACK")
        store, project = ProjectStore.open(path)
        other.execute("BEGIN IMMEDIATE")
        project.title = "mine"
        with pytest.raises(StorageError) as caught:
            store.write(project, [project])
        assert str(caught.value) == 'could not save "busy.cjm" (database is locked)'
        other.execute("ROLLBACK")
        store.write(project, [project])  # the store is still usable once the lock is gone
        store.close()
    finally:
        other.close()
    reader, project = ProjectStore.open(path, read_only=True)
    reader.close()
    assert project.title == "mine"
