"""Launching without a file: a start page whose buttons open things, in a window that fits."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from app import main
from app.document.document import Document
from app.domain.templates import new_project
from app.ui import crash, main_window
from app.ui.main_window import MainWindow
from app.ui.template_dialog import TemplateDialog
from app.ui.window_fit import fit_to_screen, fitted_rect


@pytest.fixture
def launched(monkeypatch, qtbot):
    """Call it to run the editor's start path (run_gui) and get its window, event loop
    left out."""
    made: list[MainWindow] = []
    monkeypatch.setattr(main, "after_first_paint", lambda window, then: None)
    monkeypatch.setattr(QApplication, "exec", lambda *_a: 0)
    monkeypatch.setattr(main, "leave_now", lambda _code: None)  # it would end pytest

    def launch(path: str | None = None, **options) -> MainWindow:
        before = set(QApplication.topLevelWidgets())
        assert main.run_gui(path, **options) == 0
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w not in before)
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield launch
    for window in made:
        window.set_document(None)
    if crash._installed is not None:  # run_gui installed the crash reporter
        crash._installed.uninstall()


def test_asked_for_the_sample_the_editor_opens_the_users_copy(launched, tmp_path):
    # What `scripts/dev.sh run` (journey-studio --sample) shows: the sample, not the start page.
    window = launched(sample=True)
    copy = tmp_path / "data" / "online-shop.cjm"
    assert copy.exists()
    assert window.doc is not None and Path(window.doc.path) == copy
    assert window.pages.currentWidget() is not window.start_page


def _button(window: MainWindow, text: str) -> QPushButton:
    return next(b for b in window.start_page.findChildren(QPushButton) if b.text() == text)


def _click(widget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_launching_without_a_file_shows_the_start_page(launched, tmp_path):
    window = launched()
    assert window.doc is None
    assert window.pages.currentWidget() is window.start_page
    assert window.start_page.isVisible()
    assert not (tmp_path / "data" / "online-shop.cjm").exists()  # no sample copy made


def test_the_sample_button_opens_the_sample_copy_in_the_data_folder(launched, tmp_path):
    window = launched()
    _click(_button(window, "Explore the sample project"))
    assert window.doc is not None
    assert Path(window.doc.path) == tmp_path / "data" / "online-shop.cjm"
    assert window.view.__class__.__name__ == "MapView"


def test_the_new_button_creates_a_project_from_a_template(launched, tmp_path, monkeypatch):
    target = tmp_path / "fresh.cjm"

    def choose(dialog):
        dialog.title.setText("Fresh start")
        return TemplateDialog.DialogCode.Accepted

    monkeypatch.setattr(TemplateDialog, "exec", choose)
    monkeypatch.setattr(main_window, "ask_new_project_path", lambda *_a: str(target))
    window = launched()
    _click(_button(window, "New project from a template…"))
    assert window.doc is not None and Path(window.doc.path) == target
    assert window.doc.project.title == "Fresh start"


def test_a_recent_project_and_the_open_button_open_files(launched, tmp_path, monkeypatch):
    recent = tmp_path / "recent.cjm"
    other = tmp_path / "other.cjm"
    for path, title in ((recent, "Recent one"), (other, "Other one")):
        Document.create(str(path), new_project("awareness-5", "en", title)).close()
    window = launched()
    window.recent.add(str(recent))
    item = window.start_page.recent_list.item(0)
    assert item.text() == "recent.cjm"
    listing = window.start_page.recent_list
    QTest.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton,
                     pos=listing.visualItemRect(item).center())
    QTest.keyClick(listing, Qt.Key.Key_Return)
    assert window.doc is not None and window.doc.project.title == "Recent one"
    window.set_document(None)
    monkeypatch.setattr(main_window, "ask_open_project", lambda *_a: str(other))
    _click(_button(window, "Open a project…"))
    assert window.doc is not None and window.doc.project.title == "Other one"


@pytest.mark.parametrize(("screen", "expected"), [
    (QRect(0, 0, 1366, 728), QRect(68, 36, 1229, 655)),  # a laptop, task bar excluded
    (QRect(0, 0, 2560, 1400), QRect(480, 200, 1600, 1000)),
    (QRect(1920, 30, 1280, 994), QRect(1984, 79, 1152, 895)),  # a second screen
])
def test_the_first_window_fits_the_free_area_of_its_screen(screen, expected):
    assert fitted_rect(screen) == expected
    assert screen.contains(expected)


def test_a_fitted_window_shows_its_docks_on_a_small_screen(qtbot, project_file):
    window = MainWindow(remember=False)
    qtbot.addWidget(window)
    laptop = QRect(0, 0, 1366, 728)
    fit_to_screen(window, laptop)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_path(project_file)
    assert laptop.contains(window.geometry())
    for dock in (window.docks.inspector_dock, window.docks.maps):
        assert dock.isVisible()
        top_left = dock.mapTo(window, dock.rect().topLeft())
        assert window.rect().contains(QRect(top_left, dock.size()))
    window.set_document(None)


def test_the_start_path_fits_the_screen_then_remembers_the_geometry(launched):
    available = QGuiApplication.primaryScreen().availableGeometry()
    first = launched()
    assert first.size() == fitted_rect(available, QSize(1600, 1000)).size()
    first.resize(first.width() - 40, first.height() - 30)
    first.close()  # saves the geometry
    second = launched()
    assert second.size() == first.size()
