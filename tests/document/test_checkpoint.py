"""In a pause after an edit the .cjm file itself takes in the -wal; kill -9 still loses nothing.

A plain copy of the .cjm alone (no -wal) shows what the file itself holds.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.document import Document, operations
from app.document import document as document_module
from app.domain.templates import new_project
from app.storage import ProjectStore

ROOT = Path(__file__).resolve().parents[2]


def _title_in_file_alone(path: Path, tmp_path: Path) -> str:
    copy = tmp_path / "alone.cjm"
    shutil.copyfile(path, copy)  # the .cjm without its -wal
    store, project = ProjectStore.open(copy, read_only=True)
    store.close()
    return project.maps[0].stages[0].title


def test_an_edit_reaches_the_file_itself_once_editing_pauses(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(document_module, "CHECKPOINT_AFTER_MS", 50)
    path = tmp_path / "p.cjm"
    doc = Document.create(str(path), new_project("awareness-5", "vi"))
    try:
        stage = doc.project.maps[0].stages[0]
        qtbot.waitUntil(lambda: _title_in_file_alone(path, tmp_path) == stage.title)
        operations.set_fields(doc, stage, title="Đã lưu")
        # Committed to the -wal at once (the edit is safe), not yet in the file itself...
        assert _title_in_file_alone(path, tmp_path) != "Đã lưu"
        # ...which takes it in the pause that follows.
        qtbot.waitUntil(lambda: _title_in_file_alone(path, tmp_path) == "Đã lưu")
    finally:
        doc.close()


def test_a_checkpoint_copies_every_committed_save_into_the_file(tmp_path):
    path = tmp_path / "s.cjm"
    project = new_project("awareness-5", "vi")
    with ProjectStore.create(path, project) as store:
        stage = project.maps[0].stages[0]
        stage.title = "trong -wal"
        store.write(project, [stage])
        assert _title_in_file_alone(path, tmp_path) != "trong -wal"
        assert store.checkpoint() is True
        assert _title_in_file_alone(path, tmp_path) == "trong -wal"
    reader, _ = ProjectStore.open(path, read_only=True)
    with reader:
        assert reader.checkpoint() is False  # nothing of a read-only file is written


def test_a_closed_document_does_not_checkpoint_later(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(document_module, "CHECKPOINT_AFTER_MS", 20)
    path = tmp_path / "p.cjm"
    doc = Document.create(str(path), new_project("awareness-5", "vi"))
    operations.set_fields(doc, doc.project.maps[0].stages[0], title="x")
    doc.close()
    qtbot.wait(60)  # the timer must not reach the closed store (an error in a Qt slot)
    assert not os.path.exists(f"{path}-wal")


# Edits a stage's title again and again, printing "ack i" once each is committed, and
# spends random pauses in the event loop, so checkpoints run between and during kills.
CHILD = """
import random, sys
from PySide6.QtCore import QCoreApplication, QElapsedTimer
from app.document import Document, operations
from app.document import document as document_module

document_module.CHECKPOINT_AFTER_MS = 5
app = QCoreApplication([])
rng = random.Random(int(sys.argv[2]))
doc = Document.open(sys.argv[1])
stage = doc.project.maps[0].stages[0]
for i in range(100_000):
    operations.set_fields(doc, stage, title=f"e{i}")
    print(f"ack {i}", flush=True)
    clock = QElapsedTimer()
    clock.start()
    pause = rng.random() * 12
    while clock.elapsed() < pause:
        app.processEvents()
"""


@pytest.mark.slow
def test_kill_9_around_idle_checkpoints_keeps_every_acknowledged_edit(tmp_path):
    path = tmp_path / "k.cjm"
    Document.create(str(path), new_project("awareness-5", "vi")).close()
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    rng = random.Random(88)
    for trial in range(8):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), str(trial)],
                                 cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        acked = -1
        wanted = rng.randint(5, 60)
        while acked < wanted:
            line = child.stdout.readline()
            assert line.startswith("ack"), f"the child stopped: {line!r}"
            acked = int(line.split()[1])
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        acked = max([acked, *(int(x.split()[1]) for x in rest.splitlines() if x.startswith("ack"))])
        assert child.returncode == -signal.SIGKILL
        store, project = ProjectStore.open(path)
        store.close()
        title = project.maps[0].stages[0].title
        assert title.startswith("e"), title
        assert int(title[1:]) >= acked, f"trial {trial}: edit {acked} was acknowledged, lost"
