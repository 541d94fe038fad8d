"""Windows' file naming rules: nothing is renamed or deleted while this process holds it open.

On Windows a file open through Python or SQLite cannot be renamed, replaced or deleted,
so storage lets go of its descriptors before the rename of a new file or copy and locks
the result again (app.locking.NAMES_PINNED_WHILE_OPEN). The tests marked `windows_like`
need tests/storage/without_fcntl/sitecustomize.py, which enforces those rules here; they
run in the child suite of test_portable_lock.py. The others force the flag on Linux.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import sys

import pytest

from app import locking
from app.domain.templates import new_project
from app.storage import ProjectLockedError, ProjectStore, StorageError, files
from app.storage.files import WriterLock
from tests.storage.test_portable_lock import WITHOUT_FCNTL, _try_writer

windows_like = pytest.mark.skipif(
    str(WITHOUT_FCNTL) not in os.environ.get("PYTHONPATH", ""),
    reason="needs the Windows-like interpreter (run by test_portable_lock.py)")


def _temps(folder) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.startswith(".~js-"))


def _title(path) -> str:
    store, project = ProjectStore.open(path, read_only=True)
    store.close()
    return project.title


@pytest.fixture
def pinned(monkeypatch):
    monkeypatch.setattr(locking, "NAMES_PINNED_WHILE_OPEN", True)


@windows_like
def test_the_harness_refuses_what_windows_refuses(tmp_path):
    assert locking.NAMES_PINNED_WHILE_OPEN and sys.platform != "win32"
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_bytes(b"one\r\ntwo")
    b.write_bytes(b"")
    fd = os.open(a, os.O_RDONLY)
    try:
        assert os.read(fd, 100) == b"one\ntwo"  # text mode without O_BINARY
        with pytest.raises(PermissionError):
            os.replace(a, tmp_path / "c")
        with pytest.raises(PermissionError):
            os.replace(b, a)  # a destination held open
        with pytest.raises(PermissionError):
            os.unlink(a)
    finally:
        os.close(fd)
    with open(b, "rb"), pytest.raises(PermissionError):
        os.unlink(b)
    database = tmp_path / "x.db"
    connection = sqlite3.connect(database)
    connection.execute("CREATE TABLE t (x)")
    with pytest.raises(PermissionError):
        os.unlink(database)
    connection.close()
    os.replace(a, tmp_path / "c")
    os.unlink(b)
    os.unlink(database)


@windows_like
def test_a_project_opened_between_the_check_and_the_rename_is_not_replaced(tmp_path,
                                                                          monkeypatch):
    # Windows refuses to replace a file any process holds open: it keeps the promise that
    # an open project is never replaced once our own lock was let go of for the rename.
    path = tmp_path / "x.cjm"
    ProjectStore.create(path, new_project(title="kept")).close()
    real_publish = files.publish
    intruder: list[int] = []

    def someone_opens_it(tmp, dest, fd, let_go=()):
        intruder.append(os.open(dest, os.O_RDONLY | os.O_BINARY))
        real_publish(tmp, dest, fd, let_go)

    monkeypatch.setattr(files, "publish", someone_opens_it)
    with pytest.raises(StorageError) as caught:
        ProjectStore.create(path, new_project(title="new"), overwrite=True)
    os.close(intruder[0])
    assert str(caught.value).startswith('could not save "x.cjm": The process cannot access')
    assert _title(path) == "kept"
    assert _temps(tmp_path) == []


def test_with_names_pinned_a_new_project_is_locked_again_after_the_rename(tmp_path, pinned):
    path = tmp_path / "x.cjm"
    with ProjectStore.create(path, new_project(title="new")) as store:
        with pytest.raises(ProjectLockedError):
            WriterLock.take_path(path)
        assert _try_writer(path) == "ProjectLockedError"
        store.save_copy(tmp_path / "copy.cjm")
        store.save_copy(tmp_path / "copy.cjm")  # over the first copy
    assert _title(tmp_path / "copy.cjm") == "new"
    with ProjectStore.create(path, new_project(title="again"), overwrite=True) as store:
        assert _try_writer(path) == "ProjectLockedError"
    assert _title(path) == "again"
    assert _temps(tmp_path) == []


def test_a_writer_that_gets_in_before_the_relock_keeps_the_file(tmp_path, pinned,
                                                                monkeypatch):
    path = tmp_path / "x.cjm"
    real_publish = files.publish
    intruder: list[int] = []

    def someone_locks_it(tmp, dest, fd, let_go=()):
        real_publish(tmp, dest, fd, let_go)
        intruder.append(os.open(dest, os.O_RDONLY | files.O_BINARY))
        assert locking.try_lock(intruder[0])

    monkeypatch.setattr(files, "publish", someone_locks_it)
    try:
        with pytest.raises(ProjectLockedError):
            ProjectStore.create(path, new_project(title="new"))
    finally:
        locking.unlock(intruder[0])
        os.close(intruder[0])
    assert _title(path) == "new"  # written whole; the other writer has it now
    assert _temps(tmp_path) == []


def test_a_file_put_in_place_of_the_new_one_is_not_taken_for_it(tmp_path, pinned,
                                                                 monkeypatch):
    path, other = tmp_path / "x.cjm", tmp_path / "other.cjm"
    ProjectStore.create(other, new_project(title="someone else's")).close()
    real_publish = files.publish

    def someone_replaces_it(tmp, dest, fd, let_go=()):
        real_publish(tmp, dest, fd, let_go)
        os.replace(other, dest)

    monkeypatch.setattr(files, "publish", someone_replaces_it)
    with pytest.raises(ProjectLockedError):
        ProjectStore.create(path, new_project(title="new"))
    assert _title(path) == "someone else's"
    assert _temps(tmp_path) == []


def test_a_create_that_fails_while_writing_leaves_no_temp(tmp_path, monkeypatch):
    # The temp is let go of before it is deleted (Windows cannot delete it while open).
    from app.storage import writer

    real_write = writer.write_new_file

    def full_disk(tmp, project):
        real_write(tmp, project)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer, "write_new_file", full_disk)
    with pytest.raises(StorageError) as caught:
        ProjectStore.create(tmp_path / "x.cjm", new_project(title="new"))
    assert str(caught.value) == 'could not save "x.cjm": No space left on device'
    assert os.listdir(tmp_path) == []
