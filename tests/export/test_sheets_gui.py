"""File ▸ Export ▸ Spreadsheet (XLSX)… and CSV Table… in the main window (pytest-qt)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog  # noqa: E402

from app.document.document import Document  # noqa: E402
from app.samples import build_sample  # noqa: E402
from app.ui import exporting, opening  # noqa: E402
from app.ui.i18n import install_translation  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from tests.export.sheets_kit import load, meta, read_csv  # noqa: E402


@pytest.fixture
def window(qtbot, qapp, tmp_path, monkeypatch):
    """A shown main window on a copy of the sample, with private settings, in English."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    QSettings().clear()
    monkeypatch.setattr(opening, "user_data_dir", lambda: tmp_path / "data")
    install_translation("en")
    path = tmp_path / "shop.cjm"
    Document.create(str(path), build_sample()).close()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_path(str(path))
    yield win
    win.set_document(None)
    install_translation("en")
    QSettings().clear()


def _export_menu_action(window, text: str):
    menu = window.actions.menus["export"]
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def test_spreadsheet_export_writes_the_workbook(window, tmp_path, monkeypatch):
    out = tmp_path / "shop.xlsx"
    asked = []

    def ask_save_path(parent, title, suggested, name_filter, suffix):
        asked.append((title, suggested, name_filter, suffix))
        return str(out)

    monkeypatch.setattr(exporting, "ask_save_path", ask_save_path)
    action = _export_menu_action(window, "Spreadsheet (XLSX)…")
    assert action.isEnabled()
    action.trigger()
    assert asked == [("Export Spreadsheet", "Cửa hàng trực tuyến Sen Việt.xlsx",
                      "Excel workbooks (*.xlsx)", ".xlsx")]
    workbook = load(out)
    assert [row[1] for row in meta(workbook) if row[0] == "map"] == [
        m.id for m in window.doc.project.maps]
    assert str(out) in window.statusBar().currentMessage()


def test_csv_export_asks_for_the_table_by_keyboard(window, tmp_path, monkeypatch):
    out = tmp_path / "actions.csv"
    suggested = []
    monkeypatch.setattr(exporting, "ask_save_path",
                        lambda parent, title, name, name_filter, suffix:
                        suggested.append(name) or str(out))

    def choose_opportunities():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        combo = dialog.findChild(QComboBox)
        combo.setFocus()
        for _ in range(4):  # Cards → Emotion markers → Personas → Metrics → Opportunities
            QTest.keyClick(combo, Qt.Key.Key_Down)
        QTest.keyClick(dialog, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose_opportunities)
    _export_menu_action(window, "CSV Table…").trigger()
    assert suggested == ["Cửa hàng trực tuyến Sen Việt - Opportunities.csv"]
    rows = read_csv(out)
    assert rows[0][4] == "Cơ hội"  # the project's language: Vietnamese headers
    opportunities = {c.id for m in window.doc.project.maps for c in m.cards
                     if m.lane(c.lane_id).kind.value == "opportunities"}
    assert {row[0] for row in rows[1:]} == opportunities


def test_cancelling_the_table_question_writes_nothing(window, tmp_path, monkeypatch):
    monkeypatch.setattr(exporting, "ask_save_path",
                        lambda *a: pytest.fail("no file should be asked for"))

    def cancel():
        QTest.keyClick(QApplication.activeModalWidget(), Qt.Key.Key_Escape)

    QTimer.singleShot(0, cancel)
    _export_menu_action(window, "CSV Table…").trigger()
    assert list(tmp_path.glob("*.csv")) == []


def test_a_failed_write_is_told_in_words(window, tmp_path, monkeypatch):
    target = tmp_path / "no-such-folder" / "shop.xlsx"
    monkeypatch.setattr(exporting, "ask_save_path", lambda *a: str(target))
    told = []
    monkeypatch.setattr(exporting.prompts, "error", lambda *args: told.append(args[1:]))
    _export_menu_action(window, "Spreadsheet (XLSX)…").trigger()
    assert len(told) == 1
    title, text, detail = told[0]
    assert (title, text) == ("Export Failed", "“shop.xlsx” could not be written.")
    assert "No such file or directory" in detail


def test_the_menu_speaks_vietnamese(window):
    install_translation("vi")
    assert exporting.tr("Export Spreadsheet") == "Xuất bảng tính"
    assert QApplication.translate("MainWindow", "Spreadsheet (&XLSX)…") == "Bảng tính (&XLSX)…"
    assert QApplication.translate("MainWindow", "&CSV Table…") == "Bảng &CSV…"
    assert [shown for _k, shown in exporting.csv_tables()] == [
        "Thẻ", "Điểm cảm xúc", "Chân dung khách hàng", "Chỉ số", "Cơ hội"]
