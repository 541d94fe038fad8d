"""Files: new from template, recent files, dropping a .cjm, save a copy, exports, layout."""

from __future__ import annotations

import json
import os

from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QLabel

from app.dialogs.export_dialog import ExportRequest
from app.document.document import Document
from app.export.pdf import PdfOptions
from app.ui import exporting, main_window
from app.ui.main_window import MainWindow
from app.ui.preferences import PreferencesDialog
from app.ui.recent import RecentFiles
from app.ui.settings import KEY_RECENT, preferred_language
from app.ui.template_dialog import TemplateDialog


def test_new_project_from_template_writes_the_chosen_file(window, tmp_path, monkeypatch):
    target = tmp_path / "dich-vu.cjm"

    def choose(dialog):
        dialog.language.setCurrentIndex(dialog.language.findData("vi"))
        for row in range(dialog.templates.count()):
            if dialog.templates.item(row).data(Qt.ItemDataRole.UserRole) == "service-blueprint":
                dialog.templates.setCurrentRow(row)
        dialog.title.setText("Spa Hoa Sen")
        return TemplateDialog.DialogCode.Accepted

    monkeypatch.setattr(TemplateDialog, "exec", choose)
    monkeypatch.setattr(main_window, "ask_new_project_path", lambda parent, suggested: str(target))
    assert window.new_project()
    assert window.doc.path == str(target)
    project = window.doc.project
    assert (project.title, project.language) == ("Spa Hoa Sen", "vi")
    assert [s.title for s in window.journey.stages] == ["Trước dịch vụ", "Trong dịch vụ",
                                                         "Sau dịch vụ"]
    window.set_document(None)
    reopened = Document.open(str(target))
    try:
        assert reopened.project.title == "Spa Hoa Sen"
    finally:
        reopened.close()


def test_recent_files_are_kept_in_settings(window, project_file, tmp_path):
    assert window.open_path(project_file)
    window.close_document()
    assert RecentFiles().paths()[0] == os.path.abspath(project_file)
    stored = QSettings().value(KEY_RECENT)
    assert os.path.abspath(project_file) in (stored if isinstance(stored, list) else [stored])
    window.actions.recent_menu.aboutToShow.emit()
    entries = [a for a in window.actions.recent_menu.actions() if project_file in a.text()]
    assert entries
    entries[0].trigger()
    assert window.doc is not None and window.doc.path == project_file
    assert window.start_page.recent_list.count() == 1


def test_a_missing_recent_file_is_forgotten(window, tmp_path, monkeypatch):
    from app.ui import prompts

    gone = str(tmp_path / "gone.cjm")
    window.recent.add(gone)
    monkeypatch.setattr(prompts, "error", lambda *a: None)
    assert not window.open_path(gone)
    assert gone not in window.recent.paths()


def test_dropping_a_project_file_opens_it(window, project_file, qtbot):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(project_file)])
    point = QPointF(window.width() / 2, window.height() / 2)
    enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    qtbot.waitUntil(lambda: window.doc is not None)
    assert window.doc.path == project_file


def test_dropping_other_files_is_refused(window, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(text))])
    enter = QDragEnterEvent(window.rect().center(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_save_a_copy(opened, tmp_path, monkeypatch):
    target = tmp_path / "copy.cjm"
    monkeypatch.setattr(main_window, "ask_save_path", lambda *a: str(target))
    assert opened.save_copy()
    assert opened.doc.path != str(target)
    copy = Document.open(str(target))
    try:
        assert copy.project.title == opened.doc.project.title
    finally:
        copy.close()


def test_exports_json_png_svg_and_pdf(opened, tmp_path, monkeypatch):
    out = {"json": tmp_path / "shop.json", "png": tmp_path / "shop.png",
           "svg": tmp_path / "shop.svg", "pdf": tmp_path / "shop.pdf"}
    monkeypatch.setattr(exporting, "ask_save_path",
                        lambda parent, title, suggested, name_filter, suffix: str(out["json"]))

    def accept_dialog(window, fmt):
        # The dialog itself is tested in tests/export; here: what the window does with it.
        return ExportRequest(fmt, str(out[fmt]), PdfOptions(page="A4", cover=False),
                             [window.map_id])

    monkeypatch.setattr(exporting, "ask_export", accept_dialog)
    told = []
    monkeypatch.setattr(exporting.prompts, "inform", lambda *args: told.append(args))
    opened.actions.export_json.trigger()
    opened.actions.export_png.trigger()
    opened.actions.export_svg.trigger()
    opened.actions.export_pdf.trigger()
    from app.export.json_io import read_json

    json.loads(out["json"].read_text(encoding="utf-8"))
    assert read_json(out["json"]).title == "Shop"
    image = QImage(str(out["png"]))
    assert image.width() > 400 and image.height() > 300
    assert "<svg" in out["svg"].read_text(encoding="utf-8")
    reader = PdfReader(str(out["pdf"]))
    assert len(reader.pages) >= 2
    assert opened.journey.stages[0].title in "".join(p.extract_text() for p in reader.pages)
    assert all(len(args) == 3 for args in told)  # warnings, if any, were shown in words


def test_window_layout_is_restored(qtbot, tmp_path):
    first = MainWindow()
    qtbot.addWidget(first)
    first.resize(700, 500)  # inside the offscreen screen, which restoreGeometry clamps to
    first.show()
    qtbot.waitExposed(first)
    first.docks.palette.hide()
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.docks.palette.isHidden()
    assert (second.width(), second.height()) == (700, 500)


def test_preferences_remember_the_language(window, monkeypatch):
    dialog = PreferencesDialog(window)
    assert "next time" in dialog.findChild(QLabel, "restartNote").text()
    dialog.language.setCurrentIndex(dialog.language.findData("vi"))
    dialog.accept()
    assert preferred_language() == "vi"
