"""The file and its -wal are read as one moment: a WAL that another writer restarts while
the file is read is read again, a few times at most, and a quiet one only once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.storage import snapshot
from app.storage.columns import APPLICATION_ID
from app.storage.errors import StorageError
from app.storage.files import read_header
from tests.storage.test_stray_wal import crashed


def _restart_wal(path: Path, n: int) -> None:
    """What a writer restarting its WAL does to its header: new salts."""
    wal = Path(f"{path}-wal")
    data = bytearray(wal.read_bytes())
    data[16:24] = (n + 1).to_bytes(4, "big") * 2
    wal.write_bytes(bytes(data))


@pytest.fixture
def project(tmp_path):
    return crashed(tmp_path / "p.cjm", edits=5)


def _read(project: Path, monkeypatch, churn: int) -> tuple[int, object]:
    """read_snapshot with the WAL restarted during the first `churn` reads of the file;
    how many times the file was read, and what came back (or the error)."""
    real, reads = snapshot.read_all, [0]

    def read_all(fd: int) -> bytes:
        reads[0] += 1
        data = real(fd)
        if reads[0] <= churn:
            _restart_wal(project, reads[0])
        return data

    monkeypatch.setattr(snapshot, "read_all", read_all)
    fd = os.open(project, os.O_RDONLY)
    try:
        header = read_header(fd, project, APPLICATION_ID)
        try:
            result: object = snapshot.read_snapshot(fd, project, header)
        except StorageError as exc:
            result = exc
    finally:
        os.close(fd)
    return reads[0], result


def test_a_quiet_wal_is_read_with_the_file_once(project, monkeypatch):
    reads, (data, wal) = _read(project, monkeypatch, churn=0)
    assert reads == 1
    assert data == project.read_bytes() and wal is not None and wal.pages


def test_a_wal_restarted_during_the_read_is_read_again(project, monkeypatch):
    reads, _result = _read(project, monkeypatch, churn=1)
    assert reads == 2  # the pair read first did not belong together


def test_a_wal_that_never_settles_is_read_five_times_then_taken_as_it_is(project,
                                                                         monkeypatch):
    reads, _result = _read(project, monkeypatch, churn=100)
    assert reads == 5
