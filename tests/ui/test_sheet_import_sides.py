"""File ▸ Import ▸ Spreadsheet merges the Metrics, Opportunities, Markers and Personas
sheets too: shown in the preview (per stage, removals unticked) and applied as one undo
step with the cards."""

from __future__ import annotations

import shutil

import pytest

from app.dialogs.sheet_import_dialog import SheetImportDialog
from app.domain.model import LaneKind
from app.samples import SAMPLE_CJM, samples_dir
from app.ui import importing
from tests.interchange.sheet_books import content, load, write_workbook
from tests.interchange.test_sheets_merge_sides import edit_sheet, row_of
from tests.ui.conftest import on_disk
from tests.ui.test_sheet_import import click, click_box, drive


@pytest.fixture
def shop(window, tmp_path):
    path = tmp_path / "shop.cjm"
    shutil.copyfile(samples_dir() / SAMPLE_CJM, path)
    assert window.open_path(str(path))
    return path


def _lines(dialog) -> list[str]:
    texts = []
    for i in range(dialog.tree.topLevelItemCount()):
        group = dialog.tree.topLevelItem(i)
        texts.append(group.text(0))
        for j in range(group.childCount()):
            child = group.child(j)
            widget = dialog.tree.itemWidget(child, 0)
            texts.append("  " + (widget.text() if widget is not None else child.text(0)))
    return texts


def test_side_sheets_are_previewed_and_applied_in_one_undo_step(window, shop, tmp_path,
                                                               qtbot, monkeypatch):
    project = window.doc.project
    before = content(load(shop))
    journey = project.maps[0]
    metric = next(c for c in journey.cards if journey.lane(c.lane_id).kind is LaneKind.METRICS)
    markers = journey.ordered_markers()
    changed, gone = markers[0], markers[1]
    persona = project.personas[0]
    book = write_workbook(project, tmp_path / "shop.xlsx")
    edit_sheet(book, "Chỉ số", lambda s, h: s.cell(row=row_of(s, h, metric.id),
                                                   column=h["Mục tiêu"], value=3))

    def edit_markers(sheet, headers):
        sheet.cell(row=row_of(sheet, headers, changed.id), column=headers["Nhãn"],
                   value="Lo lắng")
        sheet.delete_rows(row_of(sheet, headers, gone.id))

    edit_sheet(book, "Điểm cảm xúc", edit_markers)
    edit_sheet(book, "Chân dung", lambda s, h: s.cell(row=row_of(s, h, persona.id),
                                                      column=h["Câu nói"], value="Rẻ là được"))
    monkeypatch.setattr(importing, "ask_open_spreadsheet", lambda parent: str(book))

    def steps(dialog):
        lines = _lines(dialog)
        assert any(t.startswith(f"  Change “{metric.title}”: Target: ") and t.endswith("→ '3'")
                   for t in lines), lines
        assert any(t.startswith("  Change emotion marker ") and "Label: " in t
                   and t.endswith("→ 'Lo lắng'") for t in lines), lines
        assert f"  Change persona “{persona.name}”: Quote: " in "\n".join(lines)
        assert "Personas" in lines
        stage = journey.stage(gone.stage_id).title
        group = lines.index(f"{journey.name} › {stage}")
        removal = next(t for t in lines[group:] if t.startswith("  Remove emotion marker"))
        assert removal.endswith("(not in the spreadsheet)")
        box = dialog.removals[gone.id]
        assert not box.isChecked()  # a missing row is offered, never obeyed by itself
        assert dialog.summary.text() == (
            "0 cards added, 1 changed, 0 removed; 0 not in the spreadsheet kept.\n"
            "Emotion markers: 0 added, 1 changed, 0 removed, 1 kept.\n"
            "Personas: 0 added, 1 changed.")
        click_box(qtbot, box)
        assert "Emotion markers: 0 added, 1 changed, 1 removed, 0 kept." in dialog.summary.text()
        click(qtbot, dialog.apply_button)

    seen = drive(monkeypatch, qtbot, SheetImportDialog, steps)
    steps_before = window.doc.undo_stack.count()
    window.actions.import_sheet.trigger()
    assert seen and window.doc.undo_stack.count() == steps_before + 1
    merged = on_disk(str(shop))
    assert next(c for m in merged.maps for c in m.cards if c.id == metric.id).target == 3
    marks = {m.id: m for m in merged.maps[0].markers}
    assert gone.id not in marks and marks[changed.id].label == "Lo lắng"
    assert merged.personas[0].quote == "Rẻ là được"
    window.actions.undo.trigger()
    assert content(on_disk(str(shop))) == before
