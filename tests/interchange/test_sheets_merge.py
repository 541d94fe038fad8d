"""The round trip that merges: a workbook edited as in Excel, imported back into the project."""

from __future__ import annotations

import pytest

from app.cli import main
from app.export.sheets.read_source import plan_into, read_source
from app.export.sheets.read_table import SheetError
from tests.interchange.sheet_books import content, edit_cards, hand_edit, load, write_workbook


def test_an_unedited_workbook_plans_nothing(sample, tmp_path):
    project = load(sample)
    book = write_workbook(project, tmp_path / "shop.xlsx")
    plan = plan_into(project, read_source(book))
    assert plan.empty() and not plan.removable and not plan.warnings


def test_the_hand_edited_workbook_plans_exactly_its_edits(sample, tmp_path):
    project = load(sample)
    book = write_workbook(project, tmp_path / "shop.xlsx")
    edits = hand_edit(project, book)
    plan = plan_into(project, read_source(book))
    assert {c.card.id: c.new for c in plan.changed} == {
        i: {"title": t} for i, t in edits["titles"].items()}
    assert sorted(c.title for c in plan.added) == ["Không tìm được mã giảm giá",
                                                    "Phí ship bất ngờ"]
    assert all((c.stage_id, c.lane_id, c.severity) == (edits["stage"], edits["lane"], 3)
               for c in plan.added)
    assert [c.id for c in plan.removable] == [edits["deleted"]]
    assert not [e for e in plan.inserts if e not in plan.added]  # no stage, lane, channel
    lines = plan.summary(set())
    assert lines[0] == "2 added, 3 changed, 0 removed, 1 not in the sheet kept"


def test_cli_merge_writes_exactly_the_edits_and_dry_run_writes_nothing(sample, tmp_path,
                                                                       capsys):
    before = load(sample)
    book = write_workbook(before, tmp_path / "shop.xlsx")
    edits = hand_edit(before, book)
    original = sample.read_bytes()
    assert main(["import", str(book), "--into", str(sample), "--dry-run"]) == 0
    assert "2 added, 3 changed, 0 removed" in capsys.readouterr().out
    assert sample.read_bytes() == original

    assert main(["import", str(book), "--into", str(sample), "--remove-missing"]) == 0
    assert "2 added, 3 changed, 1 removed" in capsys.readouterr().out
    after = load(sample)
    old_cards = {c.id: c for m in before.maps for c in m.cards}
    new_cards = {c.id: c for m in after.maps for c in m.cards}
    assert set(old_cards) - set(new_cards) == {edits["deleted"]}
    added = [new_cards[i] for i in set(new_cards) - set(old_cards)]
    assert sorted(c.title for c in added) == ["Không tìm được mã giảm giá", "Phí ship bất ngờ"]
    for card_id, card in old_cards.items():
        if card_id == edits["deleted"]:
            continue
        expected = edits["titles"].get(card_id, card.title)
        assert new_cards[card_id].title == expected
        assert {**vars(new_cards[card_id]), "title": ""} == {**vars(card), "title": ""}
    # Nothing else in the project changed.
    strip = content(before), content(after)
    for data in strip:
        for journey in data["maps"]:
            journey.pop("cards")
    assert strip[0] == strip[1]


def test_a_bad_value_names_sheet_row_and_column_and_leaves_the_project(sample, tmp_path,
                                                                       capsys):
    project = load(sample)
    book = write_workbook(project, tmp_path / "shop.xlsx")
    edit_cards(book, lambda sheet, headers: sheet.cell(row=14, column=headers["Mức độ"],
                                                        value="rất cao"))
    original = sample.read_bytes()
    assert main(["import", str(book), "--into", str(sample)]) == 2
    err = capsys.readouterr().err
    assert err == "error: Thẻ, row 14, Mức độ: 'rất cao' is not 1–3\n"
    assert sample.read_bytes() == original


def test_a_copied_row_with_its_id_is_refused_with_both_rows(sample, tmp_path):
    project = load(sample)
    book = write_workbook(project, tmp_path / "shop.xlsx")

    def copy_row(sheet, headers):
        sheet.append([c.value for c in sheet[5]])

    edit_cards(book, copy_row)
    with pytest.raises(SheetError, match=r"row \d+, ID: .* is also on row 5; clear the ID"):
        plan_into(project, read_source(book))


def test_unknown_stage_lane_and_channel_are_created(sample, tmp_path):
    project = load(sample)
    journey = project.maps[0]
    book = write_workbook(project, tmp_path / "shop.xlsx")

    def add(sheet, headers):
        row = sheet.max_row + 1
        for header, value in (("Bản đồ", journey.name), ("Giai đoạn", "Giới thiệu bạn bè"),
                              ("Làn", "Kho vận"), ("Loại làn", "backstage"),
                              ("Tiêu đề", "CRM gửi mã"), ("Kênh", "TikTok Shop")):
            sheet.cell(row=row, column=headers[header], value=value)

    edit_cards(book, add)
    plan = plan_into(project, read_source(book))
    by_kind = {type(e).__name__: e for e in plan.inserts}
    assert len(plan.inserts) == 4 and type(plan.inserts[-1]).__name__ == "Card"
    stage, lane, channel, card = (by_kind[k] for k in ("Stage", "Lane", "Channel", "Card"))
    assert (stage.title, lane.title, lane.kind.value, channel.name) == (
        "Giới thiệu bạn bè", "Kho vận", "backstage", "TikTok Shop")
    assert (card.stage_id, card.lane_id, card.channel_id) == (stage.id, lane.id, channel.id)
    assert plan.groups()[-1].new_stage


def test_new_project_from_our_workbook_keeps_every_card(sample, tmp_path, capsys):
    project = load(sample)
    book = write_workbook(project, tmp_path / "shop.xlsx")
    out = tmp_path / "again.cjm"
    assert main(["import", str(book), "-o", str(out)]) == 0
    again = load(out)
    assert again.language == "vi"
    assert [(m.id, m.name) for m in again.maps] == [(m.id, m.name) for m in project.maps]
    for old, new in zip(project.maps, again.maps, strict=True):
        # The layout (every stage and lane, empty ones too) comes from the grid sheets,
        # the markers from the Markers sheet.
        assert [s.title for s in new.stages] == [s.title for s in old.stages]
        assert [(ln.title, ln.kind) for ln in new.lanes] == [(ln.title, ln.kind)
                                                             for ln in old.lanes]
        assert [(m.score, m.position, m.label) for m in new.ordered_markers()] == [
            (m.score, m.position, m.label) for m in old.ordered_markers()]
        by_id = {c.id: c for c in new.cards}
        assert set(by_id) == {c.id for c in old.cards}
        for card in old.cards:
            copy = by_id[card.id]
            for name in ("title", "body", "tags", "severity", "owner", "priority", "status",
                         "value", "unit", "target", "evidence", "favourite", "span", "order"):
                assert getattr(copy, name) == getattr(card, name), name


def test_a_bad_marker_row_names_its_row_and_column(sample, tmp_path, capsys):
    project = load(sample)
    book = write_workbook(project, tmp_path / "shop.xlsx")
    from openpyxl import load_workbook

    opened = load_workbook(book)
    opened["Điểm cảm xúc"].cell(row=3, column=5, value=5)
    opened.save(book)
    out = tmp_path / "again.cjm"
    assert main(["import", str(book), "-o", str(out)]) == 2
    assert capsys.readouterr().err == ("error: Điểm cảm xúc, row 3, Điểm: '5' is not a score "
                                       "from -2 to +2\n")
    assert not out.exists()


def test_text_comes_back_exactly_and_layout_survives_odd_labels(tmp_path):
    from app.domain.model import Card, EmotionMarker, LaneKind
    from app.domain.templates import new_project as template_project
    from app.export.sheets.read_source import new_project

    project = template_project("awareness-5", "en", "Odd")
    journey = project.maps[0]
    emotions = next(ln for ln in journey.lanes if ln.kind == LaneKind.EMOTIONS)
    notes = next(ln for ln in journey.lanes if ln.kind == LaneKind.THOUGHTS)
    stage = journey.stages[2]
    journey.markers.append(EmotionMarker(map_id=journey.id, stage_id=stage.id,
                                         lane_id=emotions.id, score=-1, position=0.25,
                                         label="two\nlines"))
    titles = ["  spaced  ", "\tTab", "=1+1", "Phở 🍜 <b>ngon</b> & rẻ"]
    for i, title in enumerate(titles):
        journey.cards.append(Card(map_id=journey.id, stage_id=stage.id, lane_id=notes.id,
                                  title=title, order=i))
    book = write_workbook(project, tmp_path / "odd.xlsx")
    assert plan_into(project, read_source(book)).empty()
    again = new_project(read_source(book), "Odd")
    copy = again.maps[0]
    assert [ln.kind for ln in copy.lanes] == [ln.kind for ln in journey.lanes]
    assert [(m.score, m.position, m.label) for m in copy.markers] == [(-1, 0.25, "two\nlines")]
    assert [c.title for c in sorted(copy.cards, key=lambda c: c.order)] == titles


def test_cli_merge_whose_write_fails_is_one_line_and_changes_nothing(sample, tmp_path,
                                                                    capsys, monkeypatch):
    from app.storage import ProjectStore
    from app.storage.errors import StorageError

    book = write_workbook(load(sample), tmp_path / "shop.xlsx")
    hand_edit(load(sample), book)
    original = sample.read_bytes()

    def refuse(*_args, **_kwargs):
        raise StorageError("shop.cjm: disk full")

    monkeypatch.setattr(ProjectStore, "write", refuse)
    assert main(["import", str(book), "--into", str(sample)]) == 2
    assert capsys.readouterr().err == "error: shop.cjm: disk full\n"
    assert sample.read_bytes() == original
