"""Votes and connectors in the workbook: a Votes column on the Cards sheet (every round's
dots), a Connectors sheet written and read back, and the rounds, votes, saved views,
stage phases, logo and accent a new project gets back from the hidden sheet."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.domain.model import (
    Connector,
    ConnectorKind,
    Phase,
    Project,
    SavedView,
    Vote,
    VotingRound,
)
from app.export.sheets.csv_io import csv_text_of
from app.export.sheets.read_source import new_project, read_source
from app.export.sheets.xlsx import export_xlsx
from tests.interchange.test_sheets_round_trip import JPEG, comparable, imported, tricky_project


def linked_project() -> Project:
    """The tricky project with two connectors (one to a stage), a round of four dots, a
    saved view, a stage phase, a logo and an accent."""
    project = tricky_project()
    journey = project.maps[0]
    a, b = journey.cards[0], journey.cards[1]
    journey.connectors += [
        Connector(map_id=journey.id, source_id=a.id, target_id=b.id,
                  kind=ConnectorKind.BRANCH, label="=nếu <có>", assumed=True),
        Connector(map_id=journey.id, source_id=b.id, target_id=journey.stages[-1].id,
                  kind=ConnectorKind.LOOP_BACK)]
    voting = VotingRound(map_id=journey.id, title="Vòng 1 🗳", participants=["An", "Bình"])
    journey.rounds.append(voting)
    journey.votes += [Vote(round_id=voting.id, card_id=a.id, participant=p)
                      for p in ("An", "Bình", "An")]
    journey.votes.append(Vote(round_id=voting.id, card_id=b.id, participant="Bình"))
    journey.views.append(SavedView(map_id=journey.id, name="Chỉ nỗi đau",
                                   hidden_lane_ids=[journey.lanes[0].id]))
    journey.stages[0].phase = Phase.BEFORE
    project.logo, project.logo_mime, project.accent = JPEG, "image/jpeg", "#123456"
    return project


def made(book: Path) -> Project:
    return new_project(read_source(book), "t")


@pytest.fixture
def linked() -> Project:
    return linked_project()


@pytest.fixture
def book(tmp_path, linked) -> Path:
    """The workbook of `linked` (one project per test: its ids are new each time)."""
    path = tmp_path / "links.xlsx"
    export_xlsx(linked, path)
    return path


def test_a_new_project_from_the_workbook_has_the_links_and_votes_back(linked, book):
    project = linked
    back = made(book)
    assert comparable(back) | {"project": None} == comparable(project) | {"project": None}
    assert back.maps == project.maps and back.logo == JPEG and back.accent == "#123456"


def test_import_of_the_workbook_into_a_project_file_keeps_the_links_and_votes(linked, book):
    back = imported(book)  # `journey-studio import -o x.cjm`, then read from the file
    assert back.maps == linked.maps and back.logo == JPEG and back.accent == "#123456"


def test_the_cards_sheet_counts_every_rounds_votes(linked, book):
    project = linked
    journey = project.maps[0]
    sheet = load_workbook(book)["Thẻ"]
    headers = [c.value for c in sheet[1]]
    assert headers[-1] == "Phiếu bầu"
    votes = {row[0]: row[-1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert votes[journey.cards[0].id] == 3 and votes[journey.cards[1].id] == 1
    assert votes[journey.cards[2].id] is None  # no dots: an empty cell
    assert ",Votes\r\n" in csv_text_of(project, language="en").split("\r\n", 1)[0] + "\r\n"


def test_the_connectors_sheet_names_both_ends(linked, book):
    project = linked
    journey = project.maps[0]
    sheet = load_workbook(book)["Kết nối"]
    assert [c.value for c in sheet[1]] == ["Mã", "Bản đồ", "Từ", "Mã nguồn", "Đến", "Mã đích",
                                           "Loại", "Nhãn", "Giả định"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    a, b = journey.cards[0], journey.cards[1]
    assert rows[0][2:] == (a.title, a.id, b.title, b.id, "rẽ nhánh", "=nếu <có>", "có")
    assert rows[1][4:7] == (journey.stages[-1].title, journey.stages[-1].id, "quay lại")
    # A label that looks like a formula stays text.
    assert sheet.cell(row=2, column=8).data_type == "s"


def test_a_connector_typed_by_titles_is_read(linked, book):
    project = linked
    journey = project.maps[0]
    workbook = load_workbook(book)
    sheet = workbook["Kết nối"]
    sheet.append([None, journey.name, journey.cards[2].title, None, journey.stages[0].title,
                  None, "handoff", "bàn giao", "không"])
    workbook.save(book)
    back = made(book).maps[0]
    added = [c for c in back.connectors if c.id not in {k.id for k in journey.connectors}]
    assert [(c.source_id, c.target_id, c.kind, c.label, c.assumed) for c in added] == [
        (journey.cards[2].id, journey.stages[0].id, ConnectorKind.HANDOFF, "bàn giao", False)]


@pytest.mark.parametrize(("column", "value", "message"), [
    (7, "mũi tên", "Loại: 'mũi tên' is not a connector kind (flow, loop back, branch, "
                   "handoff, dependency)"),
    (3, "Không có thẻ này", "Từ: no card 'Không có thẻ này' (or it is there twice) on the "
                            "map"),
    (9, "có lẽ", "Giả định: 'có lẽ' is not yes or no"),
])
def test_a_bad_connector_row_is_refused_with_its_row(linked, book, tmp_path, capsys, column, value,
                                                    message):
    workbook = load_workbook(book)
    sheet = workbook["Kết nối"]
    sheet.cell(row=2, column=column, value=value)
    if column == 3:
        sheet.cell(row=2, column=4).value = None  # the id would still find the card
    workbook.save(book)
    target = tmp_path / "bad.cjm"
    assert main(["import", str(book), "-o", str(target)]) == 2
    assert capsys.readouterr().err.startswith(f"error: Kết nối, row 2, {message}")
    assert not target.exists()


def test_votes_on_a_card_deleted_in_the_sheet_are_left_out(linked, book):
    project = linked
    gone = project.maps[0].cards[1]
    workbook = load_workbook(book)
    cards = workbook["Thẻ"]
    row = next(r for r in range(2, cards.max_row + 1) if cards.cell(row=r, column=1).value
               == gone.id)
    cards.delete_rows(row)
    connectors = workbook["Kết nối"]
    connectors.delete_rows(2, 2)  # the arrows to and from it go with it
    workbook.save(book)
    back = made(book).maps[0]
    assert [v.card_id for v in back.votes] == [project.maps[0].cards[0].id] * 3
