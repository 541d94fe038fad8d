"""The backup made before an upgrade: a name beside the file that never clashes, never too long."""

from __future__ import annotations

import os
import time

import pytest

from app.storage import ProjectStore
from tests.storage.test_migration import make_v1_file, v1_project

STAMP = "20261202-153000"


@pytest.fixture
def fixed_clock(monkeypatch):
    real = time.strftime
    monkeypatch.setattr(time, "strftime",
                        lambda fmt, *rest: STAMP if fmt == "%Y%m%d-%H%M%S" else real(fmt, *rest))


def _upgrade(path):
    store, _ = ProjectStore.open(path)
    store.close()
    return store.backup_path


def test_a_backup_name_taken_gets_the_next_number(tmp_path, fixed_clock):
    path = make_v1_file(tmp_path / "old.cjm", v1_project())
    for taken in ("", "-2"):
        (tmp_path / f"old.cjm.v1-backup-{STAMP}{taken}.cjm").write_bytes(b"someone's")
    backup = _upgrade(path)
    assert backup == tmp_path / f"old.cjm.v1-backup-{STAMP}-3.cjm"
    assert (tmp_path / f"old.cjm.v1-backup-{STAMP}.cjm").read_bytes() == b"someone's"
    assert sorted(os.listdir(tmp_path)) == sorted([
        "old.cjm", f"old.cjm.v1-backup-{STAMP}.cjm", f"old.cjm.v1-backup-{STAMP}-2.cjm",
        backup.name])


def test_the_backup_of_a_long_name_is_shortened_to_fit(tmp_path, fixed_clock):
    name = "é" * 121 + ".cjm"  # 246 bytes: its "-journal" still fits in 255
    path = make_v1_file(tmp_path / name, v1_project())
    backup = _upgrade(path)
    # Shortened by whole characters until even a "-99" suffix would fit in 255 bytes:
    # 33 bytes of suffix leave 222, i.e. 111 "é".
    assert backup.name == "é" * 111 + f".v1-backup-{STAMP}.cjm"
    assert len(f"{'é' * 111}.v1-backup-{STAMP}-99.cjm".encode()) == 255
    reader, _ = ProjectStore.open(backup, read_only=True)
    reader.close()
    assert reader.schema_version == 1
