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


@pytest.fixture(autouse=True)
def english_after(qapp):
    """Each test leaves the interface in English (a translator left installed changes
    the words every later test reads)."""
    yield
    from app.ui.i18n import current_language

    assert current_language() == "en", "the test left the interface in another language"


@pytest.fixture
def vietnamese(qapp):
    """The interface in Vietnamese for one test, and back in English after it."""
    from app.ui.i18n import install_translation

    install_translation("vi")
    yield
    install_translation("en")


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


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes shown, as (title, text) pairs, answered at once instead of blocking."""
    from PySide6.QtWidgets import QMessageBox

    shown = []

    def static(_parent, title, text, *_args, **_kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    def run(box):
        shown.append((box.windowTitle(), " ".join(filter(None, (box.text(),
                                                                 box.informativeText())))))
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, static)
    monkeypatch.setattr(QMessageBox, "exec", run)
    return shown


@pytest.fixture
def failing_writes(monkeypatch):
    """Call it to make every write of a project file fail as a full disk does."""
    from app.storage import ProjectStore
    from app.storage.errors import StorageError

    def refuse(*_args, **_kwargs):
        raise StorageError("disk full")

    return lambda: monkeypatch.setattr(ProjectStore, "write", refuse)


def on_disk(path: str):
    """The project as a freshly reopened copy of the file holds it."""
    reader = Document.open(path, read_only=True)
    try:
        return reader.project
    finally:
        reader.close()


def focus_canvas(window, qtbot) -> None:
    """Make the window the active one with the keyboard in its canvas, as a user's click does."""
    with qtbot.waitActive(window):
        window.activateWindow()
    window.view.setFocus()
    assert window.view.hasFocus()


def menu_action(window, menu_title: str, text: str):
    """The QAction of the menu bar's menu `menu_title` whose text (without &) starts `text`."""
    for top in window.menuBar().actions():
        if top.text().replace("&", "") == menu_title:
            for action in top.menu().actions():
                if action.text().replace("&", "").startswith(text):
                    return action
    raise AssertionError(f"no {menu_title} ▸ {text} in the menu bar")
