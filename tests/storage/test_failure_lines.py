"""Failures of the disk and the folder, each told in the exact line a user reads."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest

from app.domain.templates import new_project
from app.storage import ProjectStore, StorageError, store, writer
from tests.storage.helpers import digest
from tests.storage.test_migration import make_v1_file, v1_project


def _project(path: Path) -> Path:
    ProjectStore.create(path, new_project()).close()
    return path


def _no_write_access(monkeypatch, denied: Path) -> None:
    real = os.access

    def access(path, mode, *args, **kwargs):
        if Path(path) == denied and mode & os.W_OK:
            return False
        return real(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)


def test_a_read_only_file_is_opened_only_read_only(tmp_path, monkeypatch):
    path = _project(tmp_path / "x.cjm")
    _no_write_access(monkeypatch, path)
    with pytest.raises(StorageError) as caught:
        ProjectStore.open(path)
    assert str(caught.value) == '"x.cjm" is read-only on disk; open it read-only'
    reader, _ = ProjectStore.open(path, read_only=True)
    reader.close()
    assert os.listdir(tmp_path) == ["x.cjm"]


def test_a_file_in_a_read_only_folder_is_opened_only_read_only(tmp_path, monkeypatch):
    path = _project(tmp_path / "x.cjm")
    _no_write_access(monkeypatch, tmp_path)
    with pytest.raises(StorageError) as caught:
        ProjectStore.open(path)
    assert str(caught.value) == 'the folder of "x.cjm" is read-only; open it read-only'
    assert os.listdir(tmp_path) == ["x.cjm"]


def _full_disk(*args: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_an_upgrade_with_no_room_for_its_backup_is_not_made(tmp_path, monkeypatch):
    path = make_v1_file(tmp_path / "old.cjm", v1_project())
    before = digest(path)
    monkeypatch.setattr(store, "backup_to", _full_disk)
    with pytest.raises(StorageError) as caught:
        ProjectStore.open(path)
    assert str(caught.value) == ('cannot upgrade "old.cjm": no backup could be made ([Errno '
                                 "28] No space left on device); open it read-only")
    assert digest(path) == before
    assert os.listdir(tmp_path) == ["old.cjm"]
    reader, _ = ProjectStore.open(path, read_only=True)
    reader.close()
    assert reader.schema_version == 1


def test_a_new_file_that_cannot_be_written_leaves_nothing(tmp_path, monkeypatch):
    def disk_full(tmp: Path, project: object) -> None:
        tmp.write_bytes(b"half")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(writer, "write_new_file", disk_full)
    with pytest.raises(StorageError) as caught:
        ProjectStore.create(tmp_path / "x.cjm", new_project())
    assert str(caught.value) == 'could not save "x.cjm": database or disk is full'
    assert os.listdir(tmp_path) == []


def test_a_new_file_over_an_old_one_that_cannot_be_written_keeps_the_old(tmp_path, monkeypatch):
    path = _project(tmp_path / "x.cjm")
    before = digest(path)
    monkeypatch.setattr(writer, "write_new_file", _full_disk)
    with pytest.raises(StorageError) as caught:
        ProjectStore.create(path, new_project(), overwrite=True)
    assert str(caught.value) == 'could not save "x.cjm": No space left on device'
    assert os.listdir(tmp_path) == ["x.cjm"]
    assert digest(path) == before
    ProjectStore.open(path)[0].close()  # and its lock was let go


def test_a_copy_into_a_missing_folder(tmp_path):
    with ProjectStore.create(tmp_path / "x.cjm", new_project()) as opened:
        with pytest.raises(StorageError) as caught:
            opened.save_copy(tmp_path / "gone" / "copy.cjm")
    assert str(caught.value) == ('could not save a copy as "copy.cjm": No such file or '
                                 "directory")
