"""An unexpected error: a dialog with the short message and Copy Details, and a log file."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from app.ui import crash

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def reporter(tmp_path):
    installed = crash.install(tmp_path / "data")
    yield installed
    if installed.dialog is not None:
        installed.dialog.close()
    installed.uninstall()


def _click(widget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_the_dialog_and_writes_the_log(qtbot, reporter,
                                                                    tmp_path):
    button = QPushButton("Do it")
    qtbot.addWidget(button)

    def broken() -> None:
        raise ValueError("the <b>lane</b> has no stage")

    button.clicked.connect(broken)
    button.show()
    qtbot.waitExposed(button)
    _click(button)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    dialog = reporter.dialog
    assert dialog.windowTitle() == "Something Went Wrong"
    assert "ValueError: the &lt;b&gt;lane&lt;/b&gt; has no stage" in dialog.message.text()
    log = tmp_path / "data" / "journey-studio.log"
    assert str(log) in dialog.where.text()
    written = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in written
    assert "in broken" in written and "ValueError: the <b>lane</b> has no stage" in written
    _click(dialog.copy_button)
    copied = QApplication.clipboard().text()
    assert copied.startswith("Journey Studio ") and "in broken" in copied
    assert dialog.copy_button.text() == "Copied"
    close = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Close")
    _click(close)
    assert reporter.dialog is None
    assert button.isVisible()  # the editor goes on


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_worker_thread_is_shown_too(qtbot, reporter):
    worker = threading.Thread(target=lambda: 1 / 0)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None)
    assert "ZeroDivisionError: division by zero" in reporter.dialog.message.text()


def test_a_short_summary_of_a_long_message():
    assert crash.summary(KeyError()) == "KeyError"
    line = crash.summary(RuntimeError("x\n" * 300))
    assert len(line) <= 220 and "\n" not in line and line.endswith("…")


def test_a_fatal_signal_leaves_a_note_in_the_log(tmp_path):
    code = ("import os, sys\n"
            "from pathlib import Path\n"
            "from PySide6.QtWidgets import QApplication\n"
            "app = QApplication([])\n"
            "from app.ui.crash import install\n"
            "install(Path(sys.argv[1]))\n"
            "os.abort()\n")
    run = subprocess.run([sys.executable, "-c", code, str(tmp_path / "data")], cwd=ROOT,
                         capture_output=True, text=True, timeout=60,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode != 0
    log = (tmp_path / "data" / "journey-studio.log").read_text(encoding="utf-8")
    assert "started: Journey Studio" in log
    assert "Fatal Python error: Aborted" in log
    assert 'File "<string>", line 7' in log  # the Python stack at the moment of the crash


def test_the_dialog_speaks_vietnamese(vietnamese, qtbot, tmp_path):
    dialog = crash.CrashDialog("KeyError: 'x'", "details", tmp_path / "j.log")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Đã xảy ra lỗi"
    assert dialog.copy_button.text() == "Sao chép chi tiết"
    assert "đã được lưu" in dialog.message.text()
