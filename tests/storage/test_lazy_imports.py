"""Opening a project never imports SQLAlchemy or Alembic; the first write does.

Each check runs in a fresh interpreter: this test process has long imported them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.storage import ProjectStore
from tests.storage.helpers import rich_project

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "alembic")


def python(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run the venv's Python on `args` with the checkout importable."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result


PROBE = """
import sys
from app.storage import ProjectStore

def heavy():
    return sorted({m.split(".")[0] for m in sys.modules} & {"sqlalchemy", "alembic"})

store, project = ProjectStore.open(sys.argv[1], read_only=True)
store.close()
print("read-only", heavy())
store, project = ProjectStore.open(sys.argv[1])
store.save_copy(sys.argv[2])
print("writable", heavy())
card = project.maps[0].cards[0]
card.title = "changed"
store.write(project, [card])
print("after write", heavy())
store.close()
"""


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "p.cjm"
    ProjectStore.create(path, rich_project()).close()
    return path


def test_opening_does_not_import_sqlalchemy_but_writing_does(tmp_path, project_file):
    out = python("-c", PROBE, str(project_file), str(tmp_path / "copy.cjm"), cwd=tmp_path)
    assert out.stdout.splitlines() == [
        "read-only []",
        "writable []",
        "after write ['sqlalchemy']",  # the probe can see an import when there is one
    ]


def test_warm_up_imports_the_write_machinery(tmp_path):
    out = python("-c", "import sys; from app.storage import ProjectStore; "
                 "ProjectStore.warm_up(); print('sqlalchemy' in sys.modules, "
                 "'alembic' in sys.modules)", cwd=tmp_path)
    assert out.stdout.split() == ["True", "False"]


def _imported(importtime_log: str) -> set[str]:
    """Top-level package names from `python -X importtime` output."""
    names = set()
    for line in importtime_log.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names


@pytest.mark.parametrize("command", [["info", "{file}"], ["export", "{file}", "-o", "{out}"]],
                         ids=["info", "export-pdf"])
def test_cli_info_and_pdf_export_import_neither(tmp_path, project_file, command):
    args = [a.format(file=project_file, out=tmp_path / "out.pdf") for a in command]
    result = python("-X", "importtime", "-m", "app", *args, cwd=tmp_path)
    imported = _imported(result.stderr)
    assert "app" in imported  # the log is the one we think it is
    assert imported.isdisjoint(HEAVY)
