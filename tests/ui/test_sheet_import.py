"""File ▸ Import ▸ Spreadsheet, clicked through: map the columns, preview, apply, undo."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from app.dialogs.sheet_import_dialog import ColumnMappingDialog, SheetImportDialog
from app.samples import SAMPLE_CJM, samples_dir
from app.ui import importing
from tests.interchange.sheet_books import content, hand_edit, load, write_workbook
from tests.ui.conftest import on_disk


@pytest.fixture
def shop(window, tmp_path):
    path = tmp_path / "shop.cjm"
    shutil.copyfile(samples_dir() / SAMPLE_CJM, path)
    assert window.open_path(str(path))
    return path


def click(qtbot, widget) -> None:
    """A real left click in the middle of a widget, as the user gives it."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(widget.width() // 2,
                                                                    widget.height() // 2))


def click_box(qtbot, box) -> None:
    """A click on a check box's own square (where a user aims)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def drive(monkeypatch, qtbot, dialog_class, steps) -> list:
    """Let `steps(dialog)` click through the dialog shown in place of its modal exec()."""
    seen = []

    def run(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        seen.append(dialog)
        steps(dialog)
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", run)
    return seen


def test_the_menu_holds_the_import(window):
    menu = window.actions.menus["import"]
    assert window.actions.menus["file"].actions().count(menu.menuAction()) == 1
    assert menu.actions() == [window.actions.import_sheet]
    assert menu.menuAction().text().replace("&", "") == "Import"


def test_preview_then_apply_is_one_undo_step(window, shop, tmp_path, qtbot, monkeypatch):
    before = content(load(shop))
    book = write_workbook(window.doc.project, tmp_path / "shop.xlsx")
    edits = hand_edit(window.doc.project, book)
    monkeypatch.setattr(importing, "ask_open_spreadsheet", lambda parent: str(book))

    def steps(dialog):
        texts = []
        for i in range(dialog.tree.topLevelItemCount()):
            group = dialog.tree.topLevelItem(i)
            texts.extend(group.child(j).text(0) for j in range(group.childCount()))
        assert sum(t.startswith("Add “") for t in texts) == 2
        assert sum(t.startswith("Change “") for t in texts) == 3
        assert dialog.summary.text() == ("2 cards added, 3 changed, 0 removed; "
                                         "1 not in the spreadsheet kept.")
        box = dialog.removals[edits["deleted"]]
        assert not box.isChecked()
        click_box(qtbot, box)
        assert box.isChecked()
        assert dialog.summary.text().startswith("2 cards added, 3 changed, 1 removed")
        click(qtbot, dialog.apply_button)

    seen = drive(monkeypatch, qtbot, SheetImportDialog, steps)
    steps_before = window.doc.undo_stack.count()
    window.actions.import_sheet.trigger()
    assert seen
    assert window.doc.undo_stack.count() == steps_before + 1
    merged = on_disk(str(shop))
    cards = {c.id: c for m in merged.maps for c in m.cards}
    assert edits["deleted"] not in cards
    assert all(cards[i].title == t for i, t in edits["titles"].items())
    assert window.actions.undo.text() == "Undo Import spreadsheet"
    window.actions.undo.trigger()
    assert content(on_disk(str(shop))) == before


def test_cancel_changes_nothing(window, shop, tmp_path, qtbot, monkeypatch):
    original = shop.read_bytes()
    book = write_workbook(window.doc.project, tmp_path / "shop.xlsx")
    hand_edit(window.doc.project, book)
    monkeypatch.setattr(importing, "ask_open_spreadsheet", lambda parent: str(book))

    def cancel(dialog):
        click(qtbot, dialog.findChild(QDialogButtonBox).button(
            QDialogButtonBox.StandardButton.Cancel))

    drive(monkeypatch, qtbot, SheetImportDialog, cancel)
    steps = window.doc.undo_stack.count()
    window.actions.import_sheet.trigger()
    assert window.doc.undo_stack.count() == steps
    assert shop.read_bytes() == original


def test_a_bad_file_is_a_dialog_and_the_project_is_unchanged(window, shop, tmp_path,
                                                             monkeypatch, boxes):
    original = shop.read_bytes()
    bad = tmp_path / "notes.xlsx"
    bad.write_text("not a workbook")
    monkeypatch.setattr(importing, "ask_open_spreadsheet", lambda parent: str(bad))
    window.actions.import_sheet.trigger()
    assert boxes == [("Import Failed", "“notes.xlsx” could not be imported; the project is "
                                       "unchanged. notes.xlsx: is not an .xlsx workbook")]
    assert shop.read_bytes() == original


def test_own_headers_are_mapped_by_the_user(window, shop, tmp_path, qtbot, monkeypatch,
                                           boxes):
    journey = window.doc.project.maps[0]
    stage = journey.stages[0].title
    own = tmp_path / "todo.csv"
    # "Phụ trách" is a known header (Owner): a table of one's own, not a grid.
    own.write_text(f"Bước,Việc cần làm,Phụ trách,Bản đồ\n{stage},Gọi lại khách,Lan,"
                   f"{journey.name}\n",
                   encoding="utf-8")
    monkeypatch.setattr(importing, "ask_open_spreadsheet", lambda parent: str(own))

    def map_columns(dialog):
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()
        assert dialog.problem.text() == "Choose the column for Stage, Title."
        choose(qtbot, dialog.combos[0], "stage")
        choose(qtbot, dialog.combos[1], "title")
        choose(qtbot, dialog.combos[2], "title")
        assert not ok.isEnabled() and dialog.problem.text() == "Two columns are set to Title."
        choose(qtbot, dialog.combos[2], "owner")
        assert dialog.combos[3].currentData() == "map"
        assert ok.isEnabled()
        click(qtbot, ok)

    drive(monkeypatch, qtbot, ColumnMappingDialog, map_columns)
    drive(monkeypatch, qtbot, SheetImportDialog, lambda d: click(qtbot, d.apply_button))
    window.actions.import_sheet.trigger()
    assert boxes == []
    added = [c for c in window.doc.project.maps[0].cards if c.title == "Gọi lại khách"]
    assert [(c.owner, journey.stage(c.stage_id).title) for c in added] == [("Lan", stage)]


def choose(qtbot, combo, key: str) -> None:
    """Pick an entry of a combo box with the keyboard, as a user can."""
    combo.setFocus()
    target = combo.findData(key)
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target
                       else Qt.Key.Key_Up)


def test_dialog_results_are_values(qtbot):
    dialog = ColumnMappingDialog(["A", "B"], {0: "stage", 1: "title"})
    qtbot.addWidget(dialog)
    assert dialog.overrides() == {"#1": "stage", "#2": "title"}
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_the_preview_speaks_vietnamese(window, shop, tmp_path, qtbot):
    from app.export.sheets.read_source import plan_into, read_source
    from app.ui.i18n import install_translation

    book = write_workbook(window.doc.project, tmp_path / "shop.xlsx")
    hand_edit(window.doc.project, book)
    install_translation("vi")
    try:
        dialog = SheetImportDialog(plan_into(window.doc.project, read_source(book)), "shop.xlsx")
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Nhập shop.xlsx"
        assert dialog.summary.text() == ("Thêm 2 thẻ, sửa 3, xoá 0; giữ lại 1 thẻ không có "
                                         "trong bảng tính.")
        assert dialog.apply_button.text() == "Áp dụng"
        mapping = ColumnMappingDialog(["Bước"], {})
        qtbot.addWidget(mapping)
        assert mapping.combos[0].itemText(0) == "(bỏ qua)"
        assert mapping.combos[0].itemText(mapping.combos[0].findData("stage")) == "Giai đoạn"
    finally:
        install_translation("en")


def test_import_needs_a_writable_project(window, shop):
    assert window.actions.import_sheet.isEnabled()
    window.set_document(None)
    assert not window.actions.import_sheet.isEnabled()
    assert window.open_path(str(shop), read_only=True)
    assert not window.actions.import_sheet.isEnabled()


def test_a_change_is_told_field_by_field(window, shop, tmp_path, qtbot):
    from app.export.sheets.read_source import plan_into, read_source
    from tests.interchange.sheet_books import edit_cards, find_row

    journey = window.doc.project.maps[0]
    card = next(c for c in journey.cards
                if not c.favourite and c.stage_id != journey.stages[-1].id)
    book = write_workbook(window.doc.project, tmp_path / "shop.xlsx")

    def edit(sheet, headers):
        row = find_row(sheet, headers, card.id)
        sheet.cell(row=row, column=headers["Tiêu đề"], value="Mới")
        sheet.cell(row=row, column=headers["Giai đoạn"], value=journey.stages[-1].title)
        sheet.cell(row=row, column=headers["Yêu thích"], value=True)

    edit_cards(book, edit)
    dialog = SheetImportDialog(plan_into(window.doc.project, read_source(book)), "shop.xlsx")
    qtbot.addWidget(dialog)
    group = dialog.tree.topLevelItem(dialog.tree.topLevelItemCount() - 1)
    assert group.text(0).endswith("› " + journey.stages[-1].title)  # where it goes
    old_stage = journey.stage(card.stage_id).title
    assert group.child(0).text(0) == (
        f"Change “{card.title}”: Title: '{card.title}' → 'Mới'; Favourite: no → yes; "
        f"Stage: '{old_stage}' → '{journey.stages[-1].title}'")


def test_a_failed_write_leaves_model_and_file_as_they_were(window, shop, tmp_path, qtbot,
                                                           monkeypatch, boxes, failing_writes):
    before = content(load(shop))
    book = write_workbook(window.doc.project, tmp_path / "shop.xlsx")
    hand_edit(window.doc.project, book)
    monkeypatch.setattr(importing, "ask_open_spreadsheet", lambda parent: str(book))
    drive(monkeypatch, qtbot, SheetImportDialog, lambda d: click(qtbot, d.apply_button))
    steps = window.doc.undo_stack.count()
    failing_writes()
    window.actions.import_sheet.trigger()
    assert window.doc.undo_stack.count() == steps
    assert content(window.doc.project) == before == content(load(shop))
    assert any("disk full" in text for _title, text in boxes), boxes
    assert "disk full" in window.statusBar().currentMessage()


def test_two_columns_with_one_header_are_told_apart(window, shop, tmp_path, qtbot,
                                                    monkeypatch, boxes):
    journey = window.doc.project.maps[0]
    own = tmp_path / "twice.csv"
    own.write_text(f"Map,Stage,Title,Title\n{journey.name},{journey.stages[0].title},"
                   f"cũ,mới\n", encoding="utf-8")
    monkeypatch.setattr(importing, "ask_open_spreadsheet", lambda parent: str(own))

    def map_columns(dialog):
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert dialog.problem.text() == "Two columns are set to Title."
        choose(qtbot, dialog.combos[2], "")
        assert ok.isEnabled()
        click(qtbot, ok)

    drive(monkeypatch, qtbot, ColumnMappingDialog, map_columns)
    drive(monkeypatch, qtbot, SheetImportDialog, lambda d: click(qtbot, d.apply_button))
    window.actions.import_sheet.trigger()
    assert boxes == []
    titles = {c.title for c in window.doc.project.maps[0].cards}
    assert "mới" in titles and "cũ" not in titles
