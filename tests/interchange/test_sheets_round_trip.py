"""Project → XLSX (the real export) → a new project equals the original, persona photos
and snapshots included; CSV likewise for the cards. What a new project cannot keep is
left out of the comparison, and documented in docs/spreadsheets.md: the project's id and
timestamps (a new project is a new file)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.domain.model import Card, Channel, Persona, Project, Snapshot, new_id
from app.domain.serialize import project_to_dict
from app.export.sheets.csv_io import export_csv
from app.export.sheets.xlsx import export_xlsx
from app.samples import build_sample
from tests.export.sheets_kit import HOSTILE_TEXTS, TRICKY_TEXTS, full_project, template_projects
from tests.interchange.sheet_books import load

# The smallest JPEG header the photo check reads: start of image, then a frame of 3×2.
JPEG = b"\xff\xd8\xff\xc0\x00\x11\x08\x00\x02\x00\x03\x03" + bytes(60)
# "\r" is written as a line break (XML cannot keep it): the one text that changes.
TEXTS = [t for t in (*TRICKY_TEXTS, *HOSTILE_TEXTS) if "\r" not in t]


def tricky_project() -> Project:
    """Vietnamese, emoji, markup-like and formula-like text in every kind of field, a
    custom channel, a persona on the map, and colours, widths and heights of its own."""
    project = full_project("service-blueprint", "vi")
    project.client, project.author = "Công ty <Phở> & Co", "Nguyễn Văn Ả 😀"
    project.channels.append(Channel(key="zalo-oa", name="Zalo OA 💬", icon="chat",
                                    color="#0068FF"))
    persona = Persona(name="Chị Hoa 👩‍💼", description="<i>nhân viên</i> & mẹ", age=34,
                      occupation="=SUM(A1)", quote="“Nhanh lên!”", goals="two\nlines",
                      channel_ids=[project.channels[0].id, project.channels[-1].id])
    project.personas.append(persona)
    journey = project.maps[0]
    journey.name = "Mua hàng <online> 🛒"
    journey.description = "Bản đồ\nhai dòng & <b>đậm</b>"
    journey.persona_id = persona.id
    persona.photo, persona.photo_mime = JPEG, "image/jpeg"
    for n, stage in enumerate(journey.stages):
        stage.title = f"{TEXTS[(n + 5) % len(TEXTS)][:20]} {n}"  # "  spaced   0" first
        stage.color, stage.width = f"#{(0x123456 * (n + 1)) % 0xFFFFFF:06X}", 180.0 + 37 * n
        stage.description = f"Mô tả {n} 🎯"
    for n, lane in enumerate(journey.lanes):
        lane.height, lane.collapsed = 100.0 + 11 * n, n == 2
        lane.title = f"  {lane.title} 😀 " if n % 2 else lane.title
    for n, card in enumerate(journey.cards):
        card.title = f"{TEXTS[n % len(TEXTS)]} {n}"
        card.body = TEXTS[(n + 3) % len(TEXTS)]
        card.color = "#AA3300" if n % 4 == 0 else ""
        if card.channel_id is not None and n % 2:
            card.channel_id = project.channels[-1].id
    # Two snapshots of the tricky map, the later one after an edit.
    project.snapshots.append(Snapshot(map_id=journey.id, name="Trước 🕐 <v1>",
                                      content=copy.deepcopy(journey),
                                      taken_at="2026-01-02T03:04:05+00:00"))
    journey.cards[0].title = "=after"
    project.snapshots.append(Snapshot(map_id=journey.id, name="Sau", content=copy.deepcopy(
        journey), taken_at="2026-02-03T04:05:06+00:00"))
    return project


PROJECTS = [("sample", build_sample()), ("tricky", tricky_project()), *template_projects()]


def imported(source: Path) -> Project:
    """A new project made from `source` by `journey-studio import -o`, read from its file."""
    target = source.with_suffix(".cjm")
    assert main(["import", str(source), "-o", str(target)]) == 0
    return load(target)


def workbook_of(project: Project, path: Path, edit=None) -> Path:
    """The project exported by export_xlsx, then (optionally) edited with openpyxl."""
    export_xlsx(project, path)
    if edit is not None:
        workbook = load_workbook(path)
        edit(workbook)
        workbook.save(path)
    return path


def comparable(project: Project) -> dict:
    """The project as data, without what a new project cannot keep (its id and times)."""
    data = project_to_dict(project)
    for key in ("id", "created", "modified"):
        data["project"].pop(key)
    return data


@pytest.mark.parametrize(("name", "project"), PROJECTS, ids=[n for n, _ in PROJECTS])
def test_a_new_project_from_the_workbook_equals_the_original(tmp_path, name, project):
    back = imported(workbook_of(project, tmp_path / f"{name}.xlsx"))
    assert comparable(back) == comparable(project)
    assert back.title == project.title and back.language == project.language


def test_the_tricky_project_loses_only_what_the_docs_say(tmp_path):
    project = tricky_project()
    back = imported(workbook_of(project, tmp_path / "tricky.xlsx"))
    assert back.id != project.id
    assert back.maps == project.maps  # the domain's own equality, every map whole
    assert back.personas == project.personas and back.snapshots == project.snapshots


def test_a_stage_added_in_the_grid_keeps_the_defaults_and_the_others_their_looks(tmp_path):
    project = tricky_project()
    journey = project.maps[0]

    def add_stage(workbook):
        workbook.worksheets[0].cell(row=1, column=len(journey.stages) + 2,
                                    value="Giai đoạn mới")

    stages = imported(workbook_of(project, tmp_path / "edited.xlsx", add_stage)).maps[0].stages
    assert [s.title for s in stages] == [s.title for s in journey.stages] + ["Giai đoạn mới"]
    assert stages[:-1] == journey.stages
    assert stages[-1].id not in {s.id for s in journey.stages}


def test_a_damaged_hidden_row_is_passed_over_not_obeyed(tmp_path):
    project = tricky_project()

    def damage(workbook):
        for row in workbook["_journey_studio"].iter_rows():
            if row[0].value == "stage":
                row[4].value, row[5].value = "red; drop table", -5  # colour, width
            if row[0].value == "lane":
                row[4].value = "tall"

    back = imported(workbook_of(project, tmp_path / "odd.xlsx", damage)).maps[0]
    original = project.maps[0]
    assert [s.description for s in back.stages] == [s.description for s in original.stages]
    assert all(s.color.startswith("#") and s.width > 0 for s in back.stages)
    assert [s.color for s in back.stages] != [s.color for s in original.stages]
    assert all(lane.height > 0 for lane in back.lanes)


def _card_fields(project: Project) -> list[tuple]:
    """Every card as its Cards-table fields: what a CSV carries."""
    rows = []
    for journey in project.maps:
        for card in journey.cards:
            stage, lane = journey.stage(card.stage_id), journey.lane(card.lane_id)
            assert stage is not None and lane is not None
            channel = project.channel(card.channel_id)
            fields = {k: v for k, v in vars(card).items()
                      if k not in ("map_id", "stage_id", "lane_id", "channel_id", "color")}
            rows.append((journey.name, stage.title.strip(), lane.title.strip(), lane.kind,
                         channel.name if channel else None, sorted(fields.items())))
    return sorted(rows, key=repr)


@pytest.mark.parametrize(("name", "project"), PROJECTS, ids=[n for n, _ in PROJECTS])
def test_the_cards_come_back_from_the_csv(tmp_path, name, project):
    target = tmp_path / f"{name}.csv"
    export_csv(project, target)
    assert _card_fields(imported(target)) == _card_fields(project)


def test_a_card_colour_rides_in_the_hidden_sheet(tmp_path):
    project = tricky_project()
    coloured: list[Card] = [c for c in project.maps[0].cards if c.color]
    assert coloured
    cards = {c.id: c for c in imported(workbook_of(project, tmp_path / "c.xlsx")).maps[0].cards}
    assert {c.id: cards[c.id].color for c in coloured} == {c.id: c.color for c in coloured}


def test_a_bad_age_in_the_personas_sheet_names_its_row_and_writes_nothing(tmp_path, capsys):
    def bad_age(workbook):
        personas = workbook["Chân dung"]
        age_column = next(c.column for c in personas[1] if c.value == "Tuổi")
        personas.cell(row=2, column=age_column, value="ba mươi")

    book = workbook_of(tricky_project(), tmp_path / "age.xlsx", bad_age)
    assert main(["import", str(book), "-o", str(tmp_path / "back.cjm")]) == 2
    assert capsys.readouterr().err.strip() == (
        "error: Chân dung, row 2, Tuổi: 'ba mươi' is not an age (a whole number)")
    assert not (tmp_path / "back.cjm").exists()


def test_the_workbook_merged_into_the_project_made_from_it_changes_nothing(tmp_path, capsys):
    book = workbook_of(build_sample(), tmp_path / "shop.xlsx")
    imported(book)
    capsys.readouterr()
    assert main(["import", str(book), "--into", str(tmp_path / "shop.cjm"), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "0 added, 0 changed, 0 removed" in out and "warning" not in out


def test_a_workbook_of_another_project_is_merged_with_the_warning(sample, tmp_path, capsys):
    other = build_sample()  # the same maps by name, but another project with other cards
    other.id = new_id()
    for card in (c for m in other.maps for c in m.cards):
        card.id = new_id()
    book = workbook_of(other, tmp_path / "other.xlsx")
    assert main(["import", str(book), "--into", str(sample), "--dry-run"]) == 0
    assert ("warning: the workbook was exported from another project: its cards are added "
            "as new cards") in capsys.readouterr().out


def test_numbers_typed_as_text_in_the_markers_sheet_are_read(tmp_path):
    project = build_sample()

    def type_scores(workbook):
        markers = workbook["Điểm cảm xúc"]
        headers = {c.value: c.column for c in markers[1]}
        markers.cell(row=2, column=headers["Điểm"], value="−2")  # a typographic minus
        markers.cell(row=2, column=headers["Vị trí"], value="0,25")  # a decimal comma
        return markers.cell(row=2, column=headers["Mã"]).value

    ids: list[str] = []
    back = imported(workbook_of(project, tmp_path / "typed.xlsx",
                                lambda book: ids.append(type_scores(book))))
    marker = next(m for j in back.maps for m in j.markers if m.id == ids[0])
    assert (marker.score, marker.position) == (-2, 0.25)
