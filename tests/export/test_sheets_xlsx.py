"""XLSX export read back with openpyxl: the Cards table, the grid, the chart, the mark."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import zipfile

import pytest

from app.domain.model import Card, LaneKind
from app.domain.templates import new_project
from app.export.sheets.columns import (
    MARKER_COLUMNS,
    META_MARK,
    META_SHEET,
    METRIC_COLUMNS,
    OPPORTUNITY_COLUMNS,
    PERSONA_COLUMNS,
)
from app.export.sheets.grid import cell_lines, stage_scores
from app.export.sheets.snapshots import SNAPSHOT_SHEET
from app.export.sheets.values import lane_header, split_lane_header
from app.export.sheets.xlsx import export_xlsx
from app.samples import build_sample
from tests.export.sheets_kit import (
    CARD_KEYS,
    HOSTILE_TEXTS,
    TRICKY_TEXTS,
    card_fields,
    card_fields_from_row,
    load,
    meta,
    sheet_rows,
    table_dicts,
    template_projects,
)

PROJECTS = [("sample", build_sample()), *template_projects()]


def _sheet_of(workbook, key: str):
    """A table sheet found through the metadata sheet, as the importer finds it."""
    for row in meta(workbook):
        if row[0] == "sheet" and row[1] == key:
            return workbook[row[2]]
    raise AssertionError(f"no {key} sheet in the metadata")


def _grid_sheets(workbook) -> dict[str, object]:
    return {row[1]: workbook[row[2]] for row in meta(workbook) if row[0] == "map"}


@pytest.mark.parametrize(("name", "project"), PROJECTS, ids=[n for n, _ in PROJECTS])
def test_every_field_of_every_card_is_in_the_cards_sheet(tmp_path, name, project):
    out = tmp_path / f"{name}.xlsx"
    assert export_xlsx(project, out) == []
    workbook = load(out)
    rows = table_dicts(_sheet_of(workbook, "cards"), CARD_KEYS)
    by_id = {row["id"]: card_fields_from_row(row) for row in rows}
    expected = {card.id: card_fields(project, journey, card)
                for journey in project.maps for card in journey.cards}
    assert len(rows) == len(expected) > 0
    assert by_id == expected
    # Numbers are number cells (a negative value too), never text.
    ws = _sheet_of(workbook, "cards")
    value_col = CARD_KEYS.index("value") + 1
    typed = [ws.cell(row=r, column=value_col) for r in range(2, ws.max_row + 1)]
    assert all(c.data_type == "n" for c in typed if c.value is not None)


@pytest.mark.parametrize(("name", "project"), PROJECTS, ids=[n for n, _ in PROJECTS])
def test_the_grid_sheet_is_the_map(tmp_path, name, project):
    out = tmp_path / "grid.xlsx"
    export_xlsx(project, out)
    grids = _grid_sheets(load(out))
    assert list(grids) == [m.id for m in project.maps]
    for journey in project.maps:
        rows = sheet_rows(grids[journey.id])
        assert rows[0][0] == journey.name
        assert rows[0][1:len(journey.stages) + 1] == [s.title for s in journey.stages]
        r = 1
        for lane in journey.lanes:
            assert split_lane_header(rows[r][0]) == (lane.title, lane.kind)
            for col, stage in enumerate(journey.stages, start=1):
                lines = cell_lines(journey, stage.id, lane.id, lane.kind)
                assert rows[r][col] == ("\n".join(lines) if lines else None), (lane.title,
                                                                                stage.title)
                if lane.kind is not LaneKind.EMOTIONS:
                    titles = [c.title for c in journey.cell_cards(stage.id, lane.id)]
                    assert (rows[r][col] or "").split("\n") == (titles or [""])
            r += 1
            if lane.kind is LaneKind.EMOTIONS:
                scores = [None if s is None else round(s, 2)
                          for s in stage_scores(journey, lane.id)]
                assert rows[r][1:len(journey.stages) + 1] == scores
                r += 1


def test_the_sample_grid_shows_its_cards_one_per_line(tmp_path):
    project = build_sample()
    out = tmp_path / "s.xlsx"
    export_xlsx(project, out)
    journey = project.maps[0]
    ws = _grid_sheets(load(out))[journey.id]
    assert ws["A1"].value == "Mua đồ gia dụng online — hiện tại"
    assert ws["B1"].value == "Nhận thức"
    assert ws["B2"].value == "Quảng cáo video trên Facebook\nVideo review của KOC trên TikTok"
    assert ws["B1"].fill.fgColor.rgb == "FF" + journey.stages[0].color[1:].upper()
    assert ws["B2"].alignment.wrap_text
    assert ws.freeze_panes == "B2"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$1"


def test_the_chart_draws_the_score_row(tmp_path):
    project = build_sample()
    out = tmp_path / "chart.xlsx"
    export_xlsx(project, out)
    workbook = load(out)
    journey = project.maps[0]
    ws = _grid_sheets(workbook)[journey.id]
    score_row = next(r for r in range(1, ws.max_row + 1)
                     if ws.cell(r, 1).value == "Điểm cảm xúc")
    assert len(ws._charts) == 1
    chart = ws._charts[0]
    assert type(chart).__name__ == "LineChart"
    series = chart.series
    assert len(series) == 1
    last = chr(ord("A") + len(journey.stages))
    quoted = f"'{ws.title}'"
    assert series[0].val.numRef.f == f"{quoted}!$B${score_row}:${last}${score_row}"
    assert series[0].cat.strRef.f == f"{quoted}!$B$1:${last}$1"
    assert series[0].tx.strRef.f.replace("$", "") == f"{quoted}!A{score_row}"
    values = [ws.cell(score_row, c).value for c in range(2, len(journey.stages) + 2)]
    assert values == [0.5, 0.5, -0.67, 0.0, 2.0]
    lane = next(lane for lane in journey.lanes if lane.kind is LaneKind.EMOTIONS)
    assert values == [round(s, 2) for s in stage_scores(journey, lane.id)]


def _hostile_project():
    project = new_project("awareness-5", "en", HOSTILE_TEXTS[0])
    journey = project.maps[0]
    journey.name = "=cmd|' /C calc'!A0"
    journey.stages[0].title = "+stage"
    journey.lanes[0].title = "@lane"
    for order, text in enumerate(HOSTILE_TEXTS + TRICKY_TEXTS):
        journey.cards.append(Card(map_id=journey.id, stage_id=journey.stages[0].id,
                                  lane_id=journey.lanes[0].id, title=text, body=text,
                                  owner=text, tags=[text.strip() or "x"], order=order,
                                  value=-2.0, target=-1.5))
    return project


def test_formula_like_text_is_a_string_cell_everywhere(tmp_path):
    out = tmp_path / "hostile.xlsx"
    export_xlsx(_hostile_project(), out)
    workbook = load(out)
    cells = [cell for ws in workbook.worksheets for row in ws.iter_rows() for cell in row
             if cell.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {c.value for c in cells if c.data_type == "s"}
    for text in HOSTILE_TEXTS[:4] + ("=cmd|' /C calc'!A0", "+stage"):
        assert text in texts
    # No formula element anywhere in the file's XML: nothing a program could evaluate.
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert not re.search(rb"<f[ >]", archive.read(name)), name
    # The negative numbers stayed numbers.
    values = [c for c in cells if c.value == -2.0]
    assert values and all(c.data_type == "n" for c in values)


def test_vietnamese_emoji_and_markup_text_comes_back_exactly(tmp_path):
    out = tmp_path / "text.xlsx"
    project = _hostile_project()
    export_xlsx(project, out)
    rows = table_dicts(_sheet_of(load(out), "cards"), CARD_KEYS)
    titles = [row["title"] for row in rows]
    for text in TRICKY_TEXTS + HOSTILE_TEXTS[:5]:
        assert text in titles
    # A carriage return becomes a line break (XML reads a raw one as that anyway).
    assert "\nCR" in titles


def test_hostile_map_names_become_valid_unique_sheet_names(tmp_path):
    project = new_project("inbound-4", "en")
    template = project.maps[0]
    names = ["a/b\\c", "[x]:*?", "History", "'quoted'", "x" * 40, "x" * 40 + "y", "Cards",
             "cards", "///", "", "Map", "MAP", "_journey_studio", "Tiếng Việt 😀"]
    project.maps = []
    for name in names:
        journey = template.__class__(name=name)
        project.maps.append(journey)
    out = tmp_path / "names.xlsx"
    export_xlsx(project, out)
    workbook = load(out)
    sheet_names = workbook.sheetnames
    assert len({n.casefold() for n in sheet_names}) == len(sheet_names)
    for sheet_name in sheet_names:
        assert 0 < len(sheet_name) <= 31
        assert not set(sheet_name) & set("[]:*?/\\")
        assert not sheet_name.startswith("'") and not sheet_name.endswith("'")
        assert sheet_name.casefold() != "history"
    grids = [row for row in meta(workbook) if row[0] == "map"]
    assert [row[3] or "" for row in grids] == names
    assert [row[2] for row in grids] == sheet_names[:len(names)]
    assert grids[0][2] == "a b c" and grids[4][2] == "x" * 31
    assert grids[5][2] == "x" * 27 + " (2)"
    assert grids[6][2] == "Cards (2)" and grids[7][2] == "cards (3)"
    assert grids[13][2] == "Tiếng Việt 😀"


def test_the_metadata_sheet_marks_the_workbook_and_names_the_maps(tmp_path):
    project = build_sample()
    out = tmp_path / "meta.xlsx"
    export_xlsx(project, out)
    workbook = load(out)
    assert workbook[META_SHEET].sheet_state == "veryHidden"
    assert workbook.active.title == workbook.sheetnames[0] != META_SHEET
    rows = meta(workbook)
    assert rows[0][0] == META_MARK and rows[1][0] == 1
    values = {row[0]: row[1] for row in rows[2:] if row[0] != "map" and row[0] != "sheet"}
    assert values["project_id"] == project.id
    assert values["language"] == "vi"
    assert values["project_title"] == project.title
    maps = [(row[1], row[3]) for row in rows if row[0] == "map"]
    assert maps == [(m.id, m.name) for m in project.maps]
    sheets = {row[1]: row[2] for row in rows if row[0] == "sheet"}
    assert sheets == {"cards": "Thẻ", "markers": "Điểm cảm xúc", "personas": "Chân dung",
                      "metrics": "Chỉ số", "opportunities": "Cơ hội",
                      "connectors": "Kết nối"}


def test_language_follows_the_project_unless_asked(tmp_path):
    project = build_sample()
    export_xlsx(project, tmp_path / "en.xlsx", language="en")
    workbook = load(tmp_path / "en.xlsx")
    assert workbook.sheetnames[2:] == ["Cards", "Markers", "Personas", "Metrics",
                                       "Opportunities", "Connectors", META_SHEET,
                                       SNAPSHOT_SHEET]
    assert workbook["Cards"]["G1"].value == "Title"
    journey = project.maps[0]
    lane = journey.lanes[0]  # "Điểm chạm", a touchpoints lane: captioned in English
    grid = workbook[workbook.sheetnames[0]]
    assert grid["A2"].value == lane_header(lane.title, lane.kind, "en")
    assert grid["A2"].value == "Điểm chạm\n(Touchpoints)"
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        export_xlsx(project, tmp_path / "fr.xlsx", language="fr")
    assert not (tmp_path / "fr.xlsx").exists()


def test_each_table_is_a_filterable_excel_table(tmp_path):
    project = build_sample()
    out = tmp_path / "tables.xlsx"
    export_xlsx(project, out)
    workbook = load(out)
    for key, columns in (("markers", MARKER_COLUMNS), ("personas", PERSONA_COLUMNS),
                         ("metrics", METRIC_COLUMNS), ("opportunities", OPPORTUNITY_COLUMNS)):
        ws = _sheet_of(workbook, key)
        # The Personas sheet's photos stand in a column after the table.
        extra = ["Ảnh"] if key == "personas" else []
        assert [c.value for c in ws[1]] == [c.vi for c in columns] + extra
        table = ws.tables[key.capitalize()]
        assert table.ref == f"A1:{chr(ord('A') + len(columns) - 1)}{ws.max_row}"
        assert ws.max_row > 1
    cards = _sheet_of(workbook, "cards")
    assert cards.tables["Cards"].ref == f"A1:U{sum(len(m.cards) for m in project.maps) + 1}"
    assert cards.freeze_panes == "A2"


def test_metrics_and_opportunities_are_the_managers_lists(tmp_path):
    project = build_sample()
    out = tmp_path / "lists.xlsx"
    export_xlsx(project, out, language="en")
    workbook = load(out)
    keys = [c.key for c in METRIC_COLUMNS]
    metrics = table_dicts(workbook["Metrics"], keys)
    expected = [c for m in project.maps for c in m.cards
                if m.lane(c.lane_id).kind is LaneKind.METRICS]
    assert {row["id"] for row in metrics} == {c.id for c in expected}
    abandon = next(row for row in metrics if row["title"] == "Tỉ lệ bỏ giỏ hàng")
    assert abandon["direction"] == "lower"
    assert abandon["versus_target"] in ("better", "worse", "on target")
    keys = [c.key for c in OPPORTUNITY_COLUMNS]
    actions = table_dicts(workbook["Opportunities"], keys)
    opportunities = [c for m in project.maps for c in m.cards
                     if m.lane(c.lane_id).kind is LaneKind.OPPORTUNITIES]
    assert sorted(row["id"] for row in actions) == sorted(c.id for c in opportunities)
    done = [i for i, row in enumerate(actions) if (row["status"] or "").casefold() == "done"]
    open_ = [i for i, row in enumerate(actions) if (row["status"] or "").casefold() != "done"]
    # Within a map, open work comes before finished work.
    first_map = [i for i, row in enumerate(actions) if row["map"] == project.maps[0].name]
    assert max(i for i in open_ if i in first_map) < min(
        (i for i in done if i in first_map), default=len(actions))


def test_control_characters_and_overlong_text_do_not_break_the_file(tmp_path):
    project = new_project("awareness-5", "en", "title\x0b with a vertical tab")
    journey = project.maps[0]
    journey.name = "map\x01name"
    journey.cards.append(Card(map_id=journey.id, stage_id=journey.stages[0].id,
                              lane_id=journey.lanes[0].id, title="bell\x07 and nul\x00",
                              body="x" * 40_000))
    out = tmp_path / "odd.xlsx"
    warnings = export_xlsx(project, out)
    assert len(warnings) == 1 and "cut" in warnings[0]
    workbook = load(out)
    assert workbook.properties.title == "title with a vertical tab"
    assert workbook.sheetnames[0] == "map name"
    rows = table_dicts(workbook["Cards"], CARD_KEYS)
    assert rows[0]["title"] == "bell and nul" and rows[0]["map"] == "mapname"
    assert len(rows[0]["body"]) == 32_767 and rows[0]["body"].endswith("…")


def test_a_failed_write_leaves_the_previous_file(tmp_path, monkeypatch):
    out = tmp_path / "keep.xlsx"
    out.write_bytes(b"previous")
    import app.export.atomic as atomic

    def full_disk(fd, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "_write_all", full_disk)
    with pytest.raises(OSError, match="cannot write .*keep.xlsx: No space left"):
        export_xlsx(build_sample(), out)
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.xlsx"]


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_libreoffice_shows_formula_like_text_as_typed(tmp_path):
    out = tmp_path / "hostile.xlsx"
    export_xlsx(_hostile_project(), out)
    # LibreOffice computes every formula it finds when it converts; a live one would show
    # its result (2 for =1+1, "click" for the link) instead of the text.
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,"
                    "false,false,false,-1", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=120)
    cards = next(p for p in tmp_path.glob("hostile-*.csv") if "Cards" in p.name)
    rows = list(csv.reader(io.StringIO(cards.read_text(encoding="utf-8"))))
    titles = [row[6] for row in rows[1:]]
    assert titles[:5] == ['=HYPERLINK("http://x","click")', "+1", "-2+3", "@SUM(A1)", "\tTab"]
    assert "=1+1" in titles and "2" not in titles and "click" not in titles


def test_a_cell_lists_its_cards_in_their_order_not_in_the_order_they_were_added(tmp_path):
    project = new_project("awareness-5", "en")
    journey = project.maps[0]
    stage, lane = journey.stages[1], journey.lanes[2]
    for order, title in ((2, "third"), (0, "first"), (1, "second")):
        journey.cards.append(Card(map_id=journey.id, stage_id=stage.id, lane_id=lane.id,
                                  title=title, order=order))
    out = tmp_path / "order.xlsx"
    export_xlsx(project, out)
    grid = load(out)[journey.name]
    assert grid.cell(row=4, column=3).value == "first\nsecond\nthird"
    cards = table_dicts(load(out)["Cards"], CARD_KEYS)
    assert [row["title"] for row in cards] == ["first", "second", "third"]
