"""Fixtures for the main-window tests: private settings, a sample copy, a window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.document.document import Document
from app.domain.templates import new_project
from app.ui import opening
from app.ui.i18n import install_translation
from app.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def private_settings(tmp_path, monkeypatch, qapp):
    """Every test gets its own QSettings file and data folder, and English."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    qapp.setOrganizationName("Journey Studio")
    qapp.setApplicationName("Journey Studio")
    QSettings().clear()
    monkeypatch.setattr(opening, "user_data_dir", lambda: tmp_path / "data")
    install_translation("en")
    yield
    QSettings().clear()
    QSettings().sync()


def type_text(widget, text: str) -> None:
    """Type text as key events, one per character; QTest.keyClicks aborts on non-ASCII.

    Each character arrives as a key press and release carrying the text, as an input
    method delivers committed Vietnamese letters.
    """
    for ch in text:
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
            continue
        key = ord(ch.upper()) if ch.isascii() and ch.isalnum() else 0
        key = Qt.Key.Key_Space if ch == " " else key
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                     ch))


@pytest.fixture
def project_file(tmp_path):
    """A closed .cjm project on disk made from the five-stage template."""
    path = tmp_path / "shop.cjm"
    Document.create(str(path), new_project("awareness-5", "en", "Shop")).close()
    return str(path)


@pytest.fixture
def window(qtbot):
    """A shown main window with no project."""
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.set_document(None)


@pytest.fixture
def opened(window, project_file):
    """The window with the template project open."""
    assert window.open_path(project_file)
    return window
