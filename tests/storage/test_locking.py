"""One writer per project file: a second one is refused, readers are always welcome."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.domain.templates import new_project
from app.storage import ProjectLockedError, ProjectStore
from tests.storage.helpers import integrity

ROOT = Path(__file__).resolve().parents[2]

HOLDER = """
import sys
from app.storage import ProjectStore
store, project = ProjectStore.open(sys.argv[1])
project.title = "from child"
store.write(project, [project])
print("ready", flush=True)
sys.stdin.readline()
store.close()
"""

TRY_OPEN = """
import sys
from app.storage import ProjectStore, StorageError
try:
    store, project = ProjectStore.open(sys.argv[1], read_only=sys.argv[2] == "ro")
except StorageError as exc:
    print(type(exc).__name__, exc)
else:
    print("opened", project.title)
    store.close()
"""


def _python(code: str, *args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, **kwargs)


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "shared.cjm"
    ProjectStore.create(path, new_project(title="original")).close()
    return path


def test_second_writer_in_another_process_is_refused(project_file, tmp_path):
    child = _python(HOLDER, str(project_file))
    try:
        assert child.stdout.readline().strip() == "ready"
        with pytest.raises(ProjectLockedError) as caught:
            ProjectStore.open(project_file)
        assert str(caught.value) == (
            '"shared.cjm" is open in another Journey Studio window or process; '
            "open it read-only or close the other one"
        )
        # Readers are welcome, and see what the writer committed.
        store, project = ProjectStore.open(project_file, read_only=True)
        store.close()
        assert project.title == "from child"
        # Nothing may replace the file under the writer either.
        with pytest.raises(ProjectLockedError):
            ProjectStore.create(project_file, new_project(), overwrite=True)
        other = ProjectStore.create(tmp_path / "other.cjm", new_project())
        with other, pytest.raises(ProjectLockedError):
            other.save_copy(project_file)
    finally:
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.wait(timeout=10) == 0
    store, project = ProjectStore.open(project_file)  # free again once the writer closed
    store.close()
    assert project.title == "from child"
    assert integrity(project_file) == "ok"


def test_another_process_is_refused_while_we_write(project_file):
    with ProjectStore.open(project_file)[0]:
        out, _ = _python(TRY_OPEN, str(project_file), "rw").communicate(timeout=20)
        assert out.startswith("ProjectLockedError")
        out, _ = _python(TRY_OPEN, str(project_file), "ro").communicate(timeout=20)
        assert out.strip() == "opened original"


def test_the_lock_dies_with_a_killed_writer(project_file):
    child = _python(HOLDER, str(project_file))
    assert child.stdout.readline().strip() == "ready"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    store, project = ProjectStore.open(project_file)
    store.close()
    assert project.title == "from child"


def test_second_writer_in_the_same_process_is_refused(project_file, tmp_path):
    first, project = ProjectStore.open(project_file)
    with first:
        with pytest.raises(ProjectLockedError):
            ProjectStore.open(project_file)
        alias = tmp_path / "alias.cjm"
        os.link(project_file, alias)  # another name for the same file is the same file
        with pytest.raises(ProjectLockedError):
            ProjectStore.open(alias)
        project.title = "written, still in the WAL"
        first.write(project, [project])
        reader, seen = ProjectStore.open(project_file, read_only=True)
        reader.close()
        assert seen == project
        # The first store is unharmed by the refused attempts and keeps saving.
        for n in range(20):
            project.title = f"edit {n}"
            first.write(project, [project])
    store, loaded = ProjectStore.open(project_file)
    store.close()
    assert loaded.title == "edit 19"
    assert integrity(project_file) == "ok"


def test_closing_releases_the_lock(project_file):
    for _ in range(3):
        store, _project = ProjectStore.open(project_file)
        store.close()
    with ProjectStore.open(project_file)[0] as store:
        assert not store.read_only
