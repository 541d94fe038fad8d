"""The merge applied in the editor: one undo step, and undo puts the file back as it was."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from app.document import Document  # noqa: E402
from app.document.operations import import_sheet  # noqa: E402
from app.export.sheets.read_source import plan_into, read_source  # noqa: E402
from tests.interchange.sheet_books import content, hand_edit, load, write_workbook  # noqa: E402


def test_the_merge_is_one_undo_step_and_undo_restores_the_file(qapp, sample, tmp_path):
    before = content(load(sample))
    doc = Document.open(str(sample))
    try:
        book = write_workbook(doc.project, tmp_path / "shop.xlsx")
        edits = hand_edit(doc.project, book)
        plan = plan_into(doc.project, read_source(book))
        steps = doc.undo_stack.count()
        import_sheet(doc, plan, {edits["deleted"]})
        assert doc.undo_stack.count() == steps + 1
        assert doc.undo_stack.undoText() == "Import spreadsheet"
        merged = load(sample)
        cards = {c.id: c for m in merged.maps for c in m.cards}
        assert edits["deleted"] not in cards
        assert all(cards[i].title == t for i, t in edits["titles"].items())
        assert content(merged) == content(doc.project)

        doc.undo()
        assert content(load(sample)) == before
        doc.redo()
        assert content(load(sample)) == content(merged)
    finally:
        doc.close()


def test_a_grid_map_is_added_as_one_step(qapp, sample, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Săn sale", "Thấy quảng cáo", "Đặt hàng"])
    book.active.append(["Hành động", "Lướt Facebook\nBấm vào link", "Thanh toán"])
    book.save(tmp_path / "grid.xlsx")
    doc = Document.open(str(sample))
    try:
        maps = len(doc.project.maps)
        plan = plan_into(doc.project, read_source(tmp_path / "grid.xlsx"))
        import_sheet(doc, plan, set())
        assert [m.name for m in doc.project.maps][maps:] == ["Săn sale"]
        assert len(doc.project.maps[-1].cards) == 3
        doc.undo()
        assert len(doc.project.maps) == maps
        assert len(load(sample).maps) == maps
    finally:
        doc.close()
