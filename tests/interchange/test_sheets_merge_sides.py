"""--into merges every sheet a person edits, not only Cards: a manager's Metrics and
Opportunities, a researcher's Markers and Personas — planned, shown with --dry-run and
written in one transaction, each on a workbook edited with openpyxl as in Excel."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from app.cli import main
from app.domain.model import LaneKind
from tests.interchange.sheet_books import content, load, write_workbook


def edit_sheet(book: Path, key_vi: str, edit) -> None:
    """Let `edit(sheet, headers)` change the sheet named `key_vi` (the sample is in vi)."""
    workbook = load_workbook(book)
    sheet = workbook[key_vi]
    edit(sheet, {cell.value: cell.column for cell in sheet[1]})
    workbook.save(book)


def row_of(sheet, headers, entity_id: str) -> int:
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=headers["Mã"]).value == entity_id:
            return row
    raise AssertionError(entity_id)


def merge(book: Path, project: Path, capsys, *flags: str) -> tuple[int, str, str]:
    code = main(["import", str(book), "--into", str(project), *flags])
    captured = capsys.readouterr()
    return code, captured.out, captured.err.strip()


def _metric_and_action(project):
    journey = project.maps[0]
    metric = next(c for c in journey.cards if journey.lane(c.lane_id).kind is LaneKind.METRICS)
    action = next(c for c in journey.cards
                  if journey.lane(c.lane_id).kind is LaneKind.OPPORTUNITIES)
    return metric, action


def test_metrics_and_opportunities_edited_by_a_manager_are_merged(sample, tmp_path, capsys):
    project = load(sample)
    book = write_workbook(project, tmp_path / "shop.xlsx")
    metric, action = _metric_and_action(project)

    def fill_metric(sheet, headers):
        row = row_of(sheet, headers, metric.id)
        sheet.cell(row=row, column=headers["Giá trị"], value=41.5)
        sheet.cell(row=row, column=headers["Đơn vị"], value="phần trăm")
        sheet.cell(row=row, column=headers["Mục tiêu"], value="30")

    def work_action(sheet, headers):
        row = row_of(sheet, headers, action.id)
        sheet.cell(row=row, column=headers["Người phụ trách"], value="Chị Lan")
        sheet.cell(row=row, column=headers["Trạng thái"], value="done")
        sheet.cell(row=row, column=headers["Ưu tiên"], value="critical")

    edit_sheet(book, "Chỉ số", fill_metric)
    edit_sheet(book, "Cơ hội", work_action)
    before = sample.read_bytes()
    code, out, _ = merge(book, sample, capsys, "--dry-run")
    assert code == 0 and sample.read_bytes() == before
    assert "0 added, 2 changed, 0 removed" in out
    assert "value: " in out and "→ '41.5'" in out and "→ 'phần trăm'" in out
    assert "owner:" in out and "'Chị Lan'" in out and "'critical'" in out
    assert merge(book, sample, capsys)[0] == 0
    after = load(sample)
    cards = {c.id: c for m in after.maps for c in m.cards}
    assert (cards[metric.id].value, cards[metric.id].unit, cards[metric.id].target) == (
        41.5, "phần trăm", 30.0)
    assert (cards[action.id].owner, cards[action.id].status, cards[action.id].priority) == (
        "Chị Lan", "done", "critical")
    # Nothing else moved: the rest of the project is as it was.
    for card_id in (metric.id, action.id):
        for name in ("value", "unit", "target", "owner", "status", "priority"):
            setattr(cards[card_id], name, getattr(
                next(c for m in project.maps for c in m.cards if c.id == card_id), name))
    assert content(after) == content(project)


def test_a_field_two_sheets_change_differently_is_refused_naming_both(sample, tmp_path,
                                                                     capsys):
    project = load(sample)
    book = write_workbook(project, tmp_path / "shop.xlsx")
    metric, _ = _metric_and_action(project)
    edit_sheet(book, "Chỉ số", lambda s, h: s.cell(row=row_of(s, h, metric.id),
                                                   column=h["Giá trị"], value=7))
    cards_row = []

    def cards_value(sheet, headers):
        cards_row.append(row_of(sheet, headers, metric.id))
        sheet.cell(row=cards_row[0], column=headers["Giá trị"], value=9)

    edit_sheet(book, "Thẻ", cards_value)
    before = sample.read_bytes()
    code, _, err = merge(book, sample, capsys)
    assert code == 2 and sample.read_bytes() == before
    assert err.startswith("error: Chỉ số, row ")
    assert err.endswith(f", Giá trị: '7' but the Cards sheet's row {cards_row[0]} says '9'; "
                        f"change it in one sheet")


def test_the_same_change_in_both_sheets_is_one_change(sample, tmp_path, capsys):
    project = load(sample)
    book = write_workbook(project, tmp_path / "shop.xlsx")
    metric, _ = _metric_and_action(project)
    for sheet_name in ("Chỉ số", "Thẻ"):
        edit_sheet(book, sheet_name, lambda s, h: s.cell(row=row_of(s, h, metric.id),
                                                         column=h["Giá trị"], value=77))
    code, out, _ = merge(book, sample, capsys)
    assert code == 0 and "0 added, 1 changed, 0 removed" in out
    assert next(c for m in load(sample).maps for c in m.cards if c.id == metric.id).value == 77


def test_markers_are_updated_added_and_offered_for_removal(sample, tmp_path, capsys):
    project = load(sample)
    book = write_workbook(project, tmp_path / "shop.xlsx")
    journey = project.maps[0]
    markers = journey.ordered_markers()
    moved, gone = markers[0], markers[1]
    last_stage = journey.stages[-1]

    def edit(sheet, headers):
        row = row_of(sheet, headers, moved.id)
        sheet.cell(row=row, column=headers["Điểm"], value=-2)
        sheet.cell(row=row, column=headers["Nhãn"], value="Bực mình 😤")
        sheet.cell(row=row, column=headers["Vị trí"], value=0.9)
        sheet.delete_rows(row_of(sheet, headers, gone.id))
        new = sheet.max_row + 1
        sheet.cell(row=new, column=headers["Bản đồ"], value=journey.name)
        sheet.cell(row=new, column=headers["Giai đoạn"], value=last_stage.title)
        sheet.cell(row=new, column=headers["Điểm"], value=2)
        sheet.cell(row=new, column=headers["Nhãn"], value="Hài lòng")

    edit_sheet(book, "Điểm cảm xúc", edit)
    code, out, _ = merge(book, sample, capsys, "--dry-run")
    assert code == 0
    assert "emotion markers: 1 added, 1 changed, 1 not in the sheet kept" in out
    assert "→ '-2'; position: " in out and "label: " in out
    assert "+ marker +2 'Hài lòng'" in out
    assert merge(book, sample, capsys)[0] == 0
    after = {m.id: m for m in load(sample).maps[0].markers}
    assert (after[moved.id].score, after[moved.id].label, after[moved.id].position) == (
        -2, "Bực mình 😤", 0.9)
    assert gone.id in after  # kept: a missing row is offered, not obeyed
    added = [m for m in after.values() if m.id not in {k.id for k in markers}]
    assert [(m.stage_id, m.score, m.label, m.position) for m in added] == [
        (last_stage.id, 2, "Hài lòng", 0.5)]
    # --remove-missing removes the markers no row carries: the deleted one, and the one
    # the first merge added (its row still has no ID, so it is added once more).
    code, out, _ = merge(book, sample, capsys, "--remove-missing")
    assert code == 0 and gone.id not in {m.id for m in load(sample).maps[0].markers}
    assert "emotion markers: 1 added, 2 removed" in out


def test_a_marker_on_an_unknown_stage_is_refused_with_its_row(sample, tmp_path, capsys):
    project = load(sample)
    book = write_workbook(project, tmp_path / "shop.xlsx")
    marker = project.maps[0].ordered_markers()[0]
    edit_sheet(book, "Điểm cảm xúc", lambda s, h: s.cell(row=row_of(s, h, marker.id),
                                                         column=h["Giai đoạn"], value="Mơ"))
    code, _, err = merge(book, sample, capsys)
    assert code == 2
    assert err.endswith(f": the stage 'Mơ' is not on the map {project.maps[0].name!r}")


def test_persona_fields_are_merged_and_a_new_row_adds_a_persona(sample, tmp_path, capsys):
    project = load(sample)
    book = write_workbook(project, tmp_path / "shop.xlsx")
    persona = project.personas[0]

    def edit(sheet, headers):
        row = row_of(sheet, headers, persona.id)
        sheet.cell(row=row, column=headers["Nghề nghiệp"], value="Kế toán trưởng")
        sheet.cell(row=row, column=headers["Tuổi"], value=persona.age + 1)
        new = sheet.max_row + 1
        sheet.cell(row=new, column=headers["Tên"], value="Anh Minh")
        sheet.cell(row=new, column=headers["Tuổi"], value=41)

    edit_sheet(book, "Chân dung", edit)
    code, out, _ = merge(book, sample, capsys, "--dry-run")
    assert code == 0 and "personas: 1 added, 1 changed" in out
    assert "occupation: " in out and "'Kế toán trưởng'" in out
    assert merge(book, sample, capsys)[0] == 0
    after = load(sample).personas
    assert (after[0].occupation, after[0].age) == ("Kế toán trưởng", persona.age + 1)
    assert after[0].photo == persona.photo  # the picture in its row is the same photo
    assert [(p.name, p.age) for p in after[1:]] == [("Anh Minh", 41)]


def test_a_persona_without_a_name_is_refused(sample, tmp_path, capsys):
    project = load(sample)
    book = write_workbook(project, tmp_path / "shop.xlsx")
    persona = project.personas[0]

    def clear_name(sheet, headers):
        sheet.cell(row=row_of(sheet, headers, persona.id), column=headers["Tên"]).value = None

    edit_sheet(book, "Chân dung", clear_name)
    before = sample.read_bytes()
    code, _, err = merge(book, sample, capsys)
    assert code == 2 and sample.read_bytes() == before
    assert err == "error: Chân dung, row 2: a persona needs a name"


def test_a_list_row_without_a_known_card_is_passed_over_with_a_warning(sample, tmp_path,
                                                                      capsys):
    project = load(sample)
    book = write_workbook(project, tmp_path / "shop.xlsx")

    def add(sheet, headers):
        sheet.cell(row=sheet.max_row + 1, column=headers["Cơ hội"], value="Ý tưởng mới")

    edit_sheet(book, "Cơ hội", add)
    code, out, _ = merge(book, sample, capsys, "--dry-run")
    assert code == 0 and "0 added, 0 changed, 0 removed" in out
    assert "warning: Cơ hội, row " in out and "add new cards in the Cards sheet" in out
