"""Quitting: the project is closed and the layout saved first, then the process ends at once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings

from app.document.document import Document
from app.ui.settings import KEY_GEOMETRY

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "online-shop.cjm"

# The real entry point; a timer closes the window (File ▸ Quit does `close`) once shown.
CLOSE_WHEN_SHOWN = """
import atexit, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from app.main import application
atexit.register(lambda: print("interpreter teardown ran", flush=True))
app = application()

def quit_from_the_menu():
    window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")
    if window.doc is None or not window.isVisible():
        QTimer.singleShot(50, quit_from_the_menu)
        return
    print("quitting", flush=True)
    window.actions.quit.trigger()

QTimer.singleShot(200, quit_from_the_menu)
from app.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def test_quit_closes_the_project_saves_the_layout_and_skips_the_teardown(tmp_path):
    project = tmp_path / "online-shop.cjm"
    shutil.copyfile(SAMPLE, project)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "share")}
    run = subprocess.run([sys.executable, "-c", CLOSE_WHEN_SHOWN, str(project)], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["quitting"]  # os._exit: no teardown after the loop
    assert sorted(os.listdir(tmp_path)) == ["config", "online-shop.cjm", "share"]  # no -wal
    settings = QSettings(str(tmp_path / "config" / "Journey Studio" / "Journey Studio.conf"),
                         QSettings.Format.IniFormat)
    assert settings.value(KEY_GEOMETRY)  # the window's layout was saved
    doc = Document.open(str(project))  # the lock is free and the file whole
    doc.close()


def test_closing_says_what_it_does_while_the_project_closes(opened, monkeypatch):
    seen: list[str] = []
    close = opened.doc.close

    def watched_close():
        seen.append(opened.statusBar().currentMessage())
        close()

    monkeypatch.setattr(opened.doc, "close", watched_close)
    opened.close()
    assert seen == ["Closing the project…"]
    assert opened.doc is None
