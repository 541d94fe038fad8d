"""XLSX and CSV from the editor: File ▸ Export ▸ Spreadsheet (XLSX)… / CSV Table… open the
Export dialog on that format; the choices made there with mouse and keyboard are written."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialogButtonBox  # noqa: E402

from app.dialogs.export_dialog import ExportDialog  # noqa: E402
from app.document.document import Document  # noqa: E402
from app.samples import build_sample  # noqa: E402
from app.ui import exporting, opening  # noqa: E402
from app.ui.i18n import install_translation  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from tests.export.dialog_kit import click as _click  # noqa: E402
from tests.export.sheets_kit import load, meta, read_csv  # noqa: E402


@pytest.fixture
def settings(tmp_path, qapp, monkeypatch):
    """Private QSettings (the dialog remembers its choices there), in English."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    QSettings().clear()
    monkeypatch.setattr(opening, "user_data_dir", lambda: tmp_path / "data")
    install_translation("en")
    yield QSettings()
    install_translation("en")
    QSettings().clear()


@pytest.fixture
def window(qtbot, settings, tmp_path):
    """A shown main window on a copy of the sample."""
    path = tmp_path / "shop.cjm"
    Document.create(str(path), build_sample()).close()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_path(str(path))
    yield win
    win.set_document(None)


def _menu_action(window, text: str):
    menu = window.actions.menus["export"]
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def _in_dialog(qtbot, fill):
    """Run `fill(dialog)` on the Export dialog once it is shown (it blocks in exec)."""
    seen = []

    def act():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        seen.append(dialog.format_box.currentData())
        fill(dialog)

    QTimer.singleShot(0, act)
    return seen


def _type_path(qtbot, dialog, path):
    dialog.path_edit.selectAll()
    qtbot.keyClicks(dialog.path_edit, str(path))


def test_the_dialog_offers_the_spreadsheet_formats(qtbot, settings, tmp_path):
    project = build_sample()
    dialog = ExportDialog(project, project.maps[0].id, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.format_box.setFocus()
    qtbot.keyClicks(dialog.format_box, "CSV table")
    assert dialog.format_box.currentData() == "csv"
    assert dialog.path_edit.text().endswith(".csv")
    assert dialog.table_box.isEnabled() and dialog.map_list.isEnabled()
    assert not dialog.page_box.isEnabled() and not dialog.part_boxes["cover"].isEnabled()
    dialog.table_box.setFocus()
    qtbot.keyClicks(dialog.table_box, "Opportunities")
    second = dialog.map_list.item(1)
    rect = dialog.map_list.visualItemRect(second)
    qtbot.mouseClick(dialog.map_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 10, rect.center().y()))
    _type_path(qtbot, dialog, tmp_path / "todo.csv")
    _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    request = dialog.request()
    assert (request.format, request.table, request.path) == ("csv", "opportunities",
                                                             str(tmp_path / "todo.csv"))
    assert request.map_ids == [m.id for m in project.maps]
    again = ExportDialog(project, project.maps[0].id, settings=settings)
    qtbot.addWidget(again)
    assert again.current_request().table == "opportunities"  # remembered
    again.format_box.setCurrentIndex(again.format_box.findData("xlsx"))
    assert not again.table_box.isEnabled() and again.all_maps.isEnabled()
    assert again.path_edit.text().endswith(".xlsx")


def test_spreadsheet_menu_writes_the_workbook_of_every_map(qtbot, window, tmp_path):
    out = tmp_path / "shop.xlsx"

    def fill(dialog):
        _type_path(qtbot, dialog, out)
        if not dialog.all_maps.isChecked():
            _click(qtbot, dialog.all_maps)
        _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))

    seen = _in_dialog(qtbot, fill)
    _menu_action(window, "Spreadsheet (XLSX)…").trigger()
    assert seen == ["xlsx"]
    maps = [row[1] for row in meta(load(out)) if row[0] == "map"]
    assert maps == [m.id for m in window.doc.project.maps]
    assert str(out) in window.statusBar().currentMessage()


def test_csv_menu_writes_the_chosen_table_of_the_map_in_view(qtbot, window, tmp_path):
    out = tmp_path / "markers.csv"

    def fill(dialog):
        if dialog.all_maps.isChecked():
            _click(qtbot, dialog.all_maps)
        dialog.table_box.setFocus()
        qtbot.keyClicks(dialog.table_box, "Emotion markers")
        _type_path(qtbot, dialog, out)
        _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))

    seen = _in_dialog(qtbot, fill)
    _menu_action(window, "CSV Table…").trigger()
    assert seen == ["csv"]
    rows = read_csv(out)
    assert rows[0][4] == "Điểm"  # the project's language: Vietnamese headers
    shown = window.doc.project.map(window.map_id)
    assert {row[0] for row in rows[1:]} == {m.id for m in shown.markers}


def test_a_failed_write_is_told_in_words(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "no-such-folder" / "shop.xlsx"
    told = []
    monkeypatch.setattr(exporting.prompts, "error", lambda *args: told.append(args[1:]))

    def fill(dialog):
        _type_path(qtbot, dialog, target)
        _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))

    _in_dialog(qtbot, fill)
    _menu_action(window, "Spreadsheet (XLSX)…").trigger()
    assert len(told) == 1
    title, text, detail = told[0]
    assert (title, text) == ("Export Failed", "“shop.xlsx” could not be written.")
    assert "No such file or directory" in detail
    assert not target.parent.exists()


def test_the_new_words_speak_vietnamese(settings):
    install_translation("vi")
    translate = QApplication.translate
    assert translate("MainWindow", "Spreadsheet (&XLSX)…") == "Bảng tính (&XLSX)…"
    assert translate("MainWindow", "&CSV Table…") == "Bảng &CSV…"
    assert translate("ExportDialog", "CSV table") == "Bảng CSV"
    assert translate("ExportDialog", "Excel workbook (maps and tables)") == (
        "Sổ làm việc Excel (bản đồ và các bảng)")
    from app.dialogs.export_dialog import csv_tables

    assert [shown for _key, shown in csv_tables()] == [
        "Thẻ", "Điểm cảm xúc", "Chân dung khách hàng", "Chỉ số", "Cơ hội", "Kết nối"]


def test_the_all_maps_box_says_what_it_makes(qtbot, settings):
    project = build_sample()
    dialog = ExportDialog(project, project.maps[0].id, settings=settings)
    qtbot.addWidget(dialog)
    texts = {}
    for fmt in ("pdf", "xlsx", "csv", "png"):
        dialog.format_box.setCurrentIndex(dialog.format_box.findData(fmt))
        texts[fmt] = (dialog.all_maps.text(), dialog.all_maps.isEnabled())
    assert texts == {"pdf": ("All &maps (one bookmark per map)", True),
                     "xlsx": ("All &maps (one grid sheet per map)", True),
                     "csv": ("All &maps (in one table)", True),
                     "png": ("All &maps (one bookmark per map)", False)}


def test_the_dialogs_language_choice_names_the_csv_headers(qtbot, window, tmp_path):
    out = tmp_path / "markers-en.csv"

    def fill(dialog):
        dialog.table_box.setFocus()
        qtbot.keyClicks(dialog.table_box, "Emotion markers")
        dialog.language_box.setFocus()
        qtbot.keyClicks(dialog.language_box, "English")
        _type_path(qtbot, dialog, out)
        _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))

    _in_dialog(qtbot, fill)
    _menu_action(window, "CSV Table…").trigger()
    assert read_csv(out)[0][4] == "Score"  # English asked for, on a Vietnamese project
