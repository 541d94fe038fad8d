"""The writer lock and the temp files, seen from what a user gets: refusals, files left alone."""

from __future__ import annotations

import errno
import fcntl
import os
import time
from pathlib import Path

import pytest

from app.domain.templates import new_project
from app.storage import ProjectLockedError, ProjectStore, StorageError, files
from app.storage.files import STALE_TEMP_S, WriterLock, create_temp, remove_stale_temps

LOCKED = ('"x.cjm" is open in another Journey Studio window or process; open it read-only or '
          "close the other one")


def _project(path: Path) -> Path:
    ProjectStore.create(path, new_project()).close()
    return path


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_file_another_writer_has_locked_is_refused_until_it_lets_go(tmp_path):
    path = _project(tmp_path / "x.cjm")
    other = os.open(path, os.O_RDONLY)  # another process's lock, as flock sees it
    try:
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(ProjectLockedError) as caught:
            ProjectStore.open(path)
        assert str(caught.value) == LOCKED
        with pytest.raises(ProjectLockedError):
            ProjectStore.create(path, new_project(), overwrite=True)
        store, _ = ProjectStore.open(path, read_only=True)  # reading is never blocked
        store.close()
    finally:
        os.close(other)
    store, _ = ProjectStore.open(path)
    store.close()


def test_a_second_writer_in_this_process_is_refused_and_the_first_keeps_working(tmp_path):
    path = _project(tmp_path / "x.cjm")
    store, project = ProjectStore.open(path)
    try:
        assert WriterLock.held(files.file_key(os.stat(path))) is not None
        with pytest.raises(ProjectLockedError) as caught:
            ProjectStore.open(path)
        assert str(caught.value) == LOCKED
        with pytest.raises(ProjectLockedError):
            ProjectStore.create(path, new_project(), overwrite=True)
        project.title = "still mine"
        store.write(project, [project])
    finally:
        store.close()
    assert WriterLock.held(files.file_key(os.stat(path))) is None
    reopened, project = ProjectStore.open(path)
    reopened.close()
    assert project.title == "still mine"


def test_a_file_system_without_flock_still_opens(tmp_path, monkeypatch):
    path = _project(tmp_path / "x.cjm")

    def no_flock(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_flock)
    store, project = ProjectStore.open(path)
    try:
        with pytest.raises(ProjectLockedError):  # this process's own registry still holds
            ProjectStore.open(path)
        project.title = "unlocked"
        store.write(project, [project])
    finally:
        store.close()
    reader, project = ProjectStore.open(path, read_only=True)
    reader.close()
    assert project.title == "unlocked"


def test_a_stale_side_file_of_a_temp_in_use_is_kept(tmp_path):
    live, held = create_temp(tmp_path / "x.cjm")
    try:
        journal = Path(f"{live}-journal")
        journal.write_bytes(b"j")
        for path in (live, journal):
            _age(path, STALE_TEMP_S + 60)
        remove_stale_temps(tmp_path)
        assert sorted(os.listdir(tmp_path)) == sorted([live.name, journal.name])
    finally:
        os.close(held)


def test_a_temp_is_stale_after_ten_minutes_by_the_clock_given(tmp_path):
    dead = tmp_path / ".~js-0123abcd.tmp"
    dead.write_bytes(b"x")
    made = dead.stat().st_mtime
    remove_stale_temps(tmp_path, now=made + STALE_TEMP_S - 1)
    assert dead.exists()
    remove_stale_temps(tmp_path, now=made + STALE_TEMP_S + 1)
    assert not dead.exists()


def test_no_free_temp_name_is_a_one_line_error(tmp_path, monkeypatch):
    taken = tmp_path / ".~js-00000000.tmp"
    taken.write_bytes(b"")
    monkeypatch.setattr(files, "temp_path_for", lambda dest: taken)
    with pytest.raises(StorageError) as caught:
        ProjectStore.create(tmp_path / "x.cjm", new_project())
    assert str(caught.value) == 'could not save "x.cjm": no free temporary name beside x.cjm'
    assert sorted(os.listdir(tmp_path)) == [taken.name]
