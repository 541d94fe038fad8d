"""Temp files of save-a-copy and create: short names, the user's name in errors, no leftovers."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.storage import ProjectStore, StorageError, files
from app.storage.files import STALE_TEMP_S, create_temp, remove_stale_temps, temp_path_for
from tests.storage.helpers import big_project, child_env, rich_project


def _temps(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.startswith(".~js-"))


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_temp_name_is_short_and_recognisable(tmp_path):
    name = temp_path_for(tmp_path / ("é" * 125 + ".cjm")).name
    assert name.startswith(".~js-") and name.endswith(".tmp")
    assert len(name.encode()) == 17


def test_a_250_byte_name_can_be_created_copied_and_opened(tmp_path):
    long_name = "a" * 246 + ".cjm"
    assert len(long_name.encode()) == 250
    project = rich_project()
    with ProjectStore.create(tmp_path / long_name, project) as store:
        store.save_copy(tmp_path / ("b" * 246 + ".cjm"))
        project.title = "edited"
        store.write(project, [project])
    for name in (long_name, "b" * 246 + ".cjm"):
        store, _ = ProjectStore.open(tmp_path / name)
        store.close()
        ProjectStore.open(tmp_path / name, read_only=True)[0].close()
    ProjectStore.create(tmp_path / long_name, project, overwrite=True).close()
    assert _temps(tmp_path) == []


def test_an_error_names_the_file_the_user_chose_not_the_temp(tmp_path, monkeypatch):
    def full_disk(tmp: Path, *_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp))

    with ProjectStore.create(tmp_path / "x.cjm", rich_project()) as store:
        monkeypatch.setattr(files, "publish", full_disk)
        with pytest.raises(StorageError) as caught:
            store.save_copy(tmp_path / "copy.cjm")
    assert str(caught.value) == 'could not save a copy as "copy.cjm": No space left on device'
    assert _temps(tmp_path) == []


def test_stale_temps_are_removed_but_not_one_in_use(tmp_path):
    dest = tmp_path / "x.cjm"
    live, held = create_temp(dest)  # another instance's copy in progress (holds its flock)
    try:
        dead = tmp_path / ".~js-0123abcd.tmp"  # a killed process's: nobody holds it
        dead.write_bytes(b"x" * 1000)
        Path(f"{dead}-journal").write_bytes(b"j")
        orphan = tmp_path / ".~js-89abcdef.tmp-wal"  # a side file whose temp is gone
        orphan.write_bytes(b"w")
        fresh = tmp_path / ".~js-fedcba98.tmp"  # unheld but new: maybe just being created
        fresh.write_bytes(b"")
        mine = tmp_path / ".x.cjm.1234abcd.tmp"  # not our pattern: never touched
        mine.write_bytes(b"")
        for path in (live, dead, Path(f"{dead}-journal"), orphan, mine):
            _age(path, STALE_TEMP_S + 60)
        remove_stale_temps(tmp_path)
        assert _temps(tmp_path) == sorted([live.name, fresh.name])
        assert mine.exists()
    finally:
        os.close(held)


KEEP_COPYING = """
import sys
from app.storage import ProjectStore
store, _ = ProjectStore.open(sys.argv[1], read_only=True)
print("ready", flush=True)
while True:
    store.save_copy(sys.argv[2])
"""


def test_a_killed_save_copy_leaves_no_temp_after_the_next_one(tmp_path):
    source = tmp_path / "big.cjm"
    ProjectStore.create(source, big_project(cards=6000)).close()
    out = tmp_path / "out"
    out.mkdir()
    env = child_env()
    child = subprocess.Popen([sys.executable, "-c", KEEP_COPYING, str(source),
                              str(out / "copy.cjm")], env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 60
        while not _temps(out) and time.monotonic() < deadline:
            time.sleep(0.001)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=60)
        child.stdout.close()
    left = _temps(out)
    assert left, "the copy was not caught mid-way"
    for name in left:
        _age(out / name, STALE_TEMP_S + 60)  # as if the next save came later
    store, _ = ProjectStore.open(source, read_only=True)
    with store:
        store.save_copy(out / "copy.cjm")
    assert _temps(out) == []
    assert sorted(os.listdir(out)) == ["copy.cjm"]
