"""The writer lock without `fcntl` (as on Windows): imports work, a second writer is refused,
and nothing is renamed or deleted while this process holds it open."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from app import locking
from app.domain.templates import new_project
from app.storage import ProjectLockedError, ProjectStore

ROOT = Path(__file__).resolve().parents[2]
WITHOUT_FCNTL = Path(__file__).with_name("without_fcntl")
# The storage tests about locks, creating, copies, backups, temp files and other
# writers, two-writer cases included, with export writes and drafts: everything that
# renames or deletes a file, under Windows' rules (without_fcntl/sitecustomize.py).
LOCK_SUITE = ["tests/storage/test_locking.py", "tests/storage/test_temp_files.py",
              "tests/storage/test_save_copy.py", "tests/storage/test_portable_lock.py",
              "tests/storage/test_portable_names.py", "tests/storage/test_migration.py",
              "tests/storage/test_write.py", "tests/storage/test_other_writer.py",
              "tests/export/test_atomic_writes.py"]
# The drafts live in the document layer, which needs Qt: left out of the headless run.
if importlib.util.find_spec("PySide6") is not None:
    LOCK_SUITE.append("tests/document/test_drafts.py")

TRY_WRITER = """
import sys
from app.storage import ProjectStore, StorageError
try:
    ProjectStore.open(sys.argv[1])[0].close()
except StorageError as exc:
    print(type(exc).__name__)
else:
    print("opened")
"""


def _env_without_fcntl() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(WITHOUT_FCNTL),
                                                      env.get("PYTHONPATH")]))
    return env


def _try_writer(path: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([sys.executable, "-c", TRY_WRITER, str(path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60, check=True)
    return done.stdout.strip()


@pytest.mark.skipif(os.environ.get("PYTHONPATH", "").find(str(WITHOUT_FCNTL)) >= 0,
                    reason="already running without fcntl")
def test_the_lock_tests_pass_without_fcntl():
    code = "import app.storage, app.export.atomic, app.locking as l; print(l.BACKEND)"
    env = _env_without_fcntl()
    backend = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=60, check=True)
    assert backend.stdout.strip() == "msvcrt"
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          *LOCK_SUITE], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stdout[-3000:]
    assert " passed" in run.stdout and "failed" not in run.stdout


def test_a_writer_without_fcntl_is_refused_while_we_write(tmp_path):
    path = tmp_path / "shared.cjm"
    ProjectStore.create(path, new_project(title="original")).close()
    with ProjectStore.open(path)[0]:
        assert _try_writer(path, _env_without_fcntl()) == "ProjectLockedError"
        assert _try_writer(path) == "ProjectLockedError"
    assert _try_writer(path, _env_without_fcntl()) == "opened"


def test_reading_the_open_project_here_keeps_others_out(tmp_path):
    # A read-only open of a file this process writes goes through a second SQLite
    # connection; closing it must not drop the writer's lock (POSIX record locks are
    # dropped by any close).
    path = tmp_path / "shared.cjm"
    store = ProjectStore.create(path, new_project(title="original"))
    with store:
        for _ in range(2):
            ProjectStore.open(path, read_only=True)[0].close()
        store.save_copy(tmp_path / "copy.cjm")
        assert _try_writer(path) == "ProjectLockedError"
        with pytest.raises(ProjectLockedError):
            ProjectStore.open(path)


class _FakeMsvcrt(types.ModuleType):
    """msvcrt.locking as Windows does it: nbytes from the descriptor's position."""

    LK_NBLCK, LK_UNLCK = 2, 0

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.locked: set[tuple[tuple[int, int], int]] = set()
        self.calls: list[tuple[int, int]] = []

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        place = (locking.file_key(os.fstat(fd)), os.lseek(fd, 0, os.SEEK_CUR))
        self.calls.append((mode, place[1]))
        if mode == self.LK_NBLCK:
            if place in self.locked:
                raise PermissionError(13, "Permission denied")  # what Windows raises
            self.locked.add(place)
        else:
            self.locked.discard(place)


def test_the_windows_backend_locks_one_far_byte_and_keeps_the_position(tmp_path, monkeypatch):
    fake = _FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    name, lock, unlock = locking._msvcrt_backend()
    assert name == "msvcrt"
    with open(tmp_path / "x", "wb") as f:
        f.write(b"abc")
        f.flush()
        lock(f.fileno())
        assert os.lseek(f.fileno(), 0, os.SEEK_CUR) == 3  # writing goes on where it was
        with open(tmp_path / "x", "rb") as other, pytest.raises(PermissionError):
            lock(other.fileno())
        unlock(f.fileno())
        with open(tmp_path / "x", "rb") as other:
            lock(other.fileno())
    assert fake.calls[0] == (fake.LK_NBLCK, locking.LOCK_OFFSET)
    assert locking.LOCK_OFFSET < 2**31 and locking.LOCK_OFFSET > 0x40000200


def test_a_lock_refused_elsewhere_is_refused_here_too(tmp_path, monkeypatch):
    fake = _FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    _name, lock, unlock = locking._msvcrt_backend()
    monkeypatch.setattr(locking, "_os_lock", lock)
    monkeypatch.setattr(locking, "_os_unlock", unlock)
    path = tmp_path / "x"
    path.write_bytes(b"")
    fd = os.open(path, os.O_RDONLY)
    try:
        fake.locked.add((locking.file_key(os.fstat(fd)), locking.LOCK_OFFSET))  # another app
        assert locking.try_lock(fd) is False
        assert locking.held_by_anyone(path)
        fake.locked.clear()
        assert locking.try_lock(fd) is True
        assert locking.held_here(locking.file_key(os.fstat(fd)))
        locking.unlock(fd)
        assert not locking.held_by_anyone(path)
    finally:
        os.close(fd)


def test_every_module_of_the_app_imports_without_fcntl():
    code = ("import importlib, importlib.util, pkgutil, sys\n"
            "sys.modules['fcntl'] = None\n"
            "import app\n"
            "names = [m.name for m in pkgutil.walk_packages(app.__path__, 'app.')\n"
            "         if '.migrations.' not in m.name and m.name != 'app.__main__']\n"
            "qt = importlib.util.find_spec('PySide6') is not None\n"
            "done = 0\n"
            "for name in names:\n"
            "    try:\n"
            "        importlib.import_module(name)\n"
            "    except ModuleNotFoundError as error:\n"
            "        # Without PySide6 (the headless run) only the Qt layers may not import.\n"
            "        if qt or (error.name or '').split('.')[0] != 'PySide6':\n"
            "            raise\n"
            "        continue\n"
            "    done += 1\n"
            "import app.locking\n"
            "print(done, app.locking.BACKEND)\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # no msvcrt stand-in
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    count, backend = done.stdout.split()
    assert int(count) > 50 and backend == "none"
