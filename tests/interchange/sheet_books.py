"""Workbooks for the import tests, written with openpyxl the way our export lays them out.

Until the exporter lands these stand in for it: a Cards sheet (named and headed in the
project's language from app.export.sheets.columns, as an Excel table), one grid sheet
per map and the hidden "_journey_studio" sheet naming the project and its maps. The
tests then edit the workbook as a user would in Excel and import it back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.table import Table

from app.domain.model import Card, Project
from app.domain.serialize import project_to_dict
from app.export.sheets.columns import CARD_COLUMNS, MARKER_COLUMNS, SHEETS
from app.storage import ProjectStore


def card_values(project: Project, card: Card) -> dict[str, Any]:
    """A card's row in the Cards sheet, by column key."""
    journey = project.map(card.map_id)
    assert journey is not None
    stage, lane = journey.stage(card.stage_id), journey.lane(card.lane_id)
    channel = project.channel(card.channel_id)
    return {
        "id": card.id, "map": journey.name, "stage": stage.title if stage else "",
        "lane": lane.title if lane else "", "kind": lane.kind.value if lane else "",
        "order": card.order, "title": card.title, "body": card.body,
        "channel": channel.name if channel else None, "tags": ", ".join(card.tags) or None,
        "severity": card.severity, "owner": card.owner or None,
        "priority": card.priority or None, "status": card.status or None,
        "value": card.value, "unit": card.unit or None, "target": card.target,
        "evidence": card.evidence.value if card.evidence else None,
        "favourite": card.favourite, "span": card.span,
    }


def write_workbook(project: Project, path: Path) -> Path:
    """Our workbook for `project`: Cards table, grid sheets and the hidden sheet."""
    lang = project.language
    book = Workbook()
    cards = book.active
    cards.title = SHEETS["cards"].header(lang)
    cards.append([c.header(lang) for c in CARD_COLUMNS])
    for journey in project.maps:
        rank = {s.id: i for i, s in enumerate(journey.stages)}
        lanes = {ln.id: i for i, ln in enumerate(journey.lanes)}
        for card in sorted(journey.cards, key=lambda c: (rank[c.stage_id], lanes[c.lane_id],
                                                          c.order)):
            values = card_values(project, card)
            cards.append([values[c.key] for c in CARD_COLUMNS])
    last = cards.cell(row=1, column=len(CARD_COLUMNS)).column_letter
    cards.add_table(Table(displayName="Cards", ref=f"A1:{last}{cards.max_row}"))
    for journey in project.maps:
        grid = book.create_sheet(journey.name[:31])
        grid.append([journey.name, *[s.title for s in journey.stages]])
        for lane in journey.lanes:
            cells = []
            for stage in journey.stages:
                lines = [c.title for c in journey.cell_cards(stage.id, lane.id)]
                lines += [f"{m.score:+d} {m.label}".strip() for m in
                          journey.stage_markers(stage.id) if m.lane_id == lane.id]
                cells.append("\n".join(lines) or None)
            grid.append([f"{lane.title}\n({lane.kind.value})", *cells])
    markers = book.create_sheet(SHEETS["markers"].header(lang))
    markers.append([c.header(lang) for c in MARKER_COLUMNS])
    for journey in project.maps:
        for marker in journey.ordered_markers():
            stage, lane = journey.stage(marker.stage_id), journey.lane(marker.lane_id)
            markers.append([marker.id, journey.name, stage.title, lane.title, marker.score,
                            marker.position, marker.label or None])
    hidden = book.create_sheet("_journey_studio")
    hidden.append(["journey-studio-sheets"])
    hidden.append([1])
    hidden.append(["project_id", project.id])
    hidden.append(["project_title", project.title])
    for journey in project.maps:  # id, grid sheet, name
        hidden.append(["map", journey.id, journey.name[:31], journey.name])
    hidden.sheet_state = "veryHidden"
    book.save(path)
    return path


def edit_cards(path: Path, edit) -> None:
    """Open the workbook as Excel would, let `edit(sheet, headers)` change the Cards sheet."""
    book = load_workbook(path)
    sheet = book[next(n for n in book.sheetnames if n in (SHEETS["cards"].en,
                                                           SHEETS["cards"].vi))]
    headers = {cell.value: cell.column for cell in sheet[1]}
    edit(sheet, headers)
    book.save(path)


def find_row(sheet, headers, card_id: str) -> int:
    """The sheet row of the card with this id."""
    column = headers[next(c.header(lang) for c in CARD_COLUMNS if c.key == "id"
                          for lang in ("en", "vi") if c.header(lang) in headers)]
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=column).value == card_id:
            return row
    raise AssertionError(f"no row for {card_id}")


def load(path: Path):
    store, project = ProjectStore.open(path, read_only=True)
    store.close()
    return project


def content(project) -> dict:
    data = project_to_dict(project)
    data["project"].pop("modified", None)
    return data


def hand_edit(project, book: Path) -> dict:
    """3 titles changed, 2 rows added, 1 deleted, as a user would in Excel."""
    journey = project.maps[0]
    stage = journey.stages[1]
    lane = next(ln for ln in journey.lanes if ln.kind.value == "pains")
    cards = sorted(journey.cards, key=lambda c: c.id)
    renamed, deleted = cards[:3], cards[3]
    new_titles = {c.id: f"{c.title} — sửa" for c in renamed}

    def edit(sheet, headers):
        title_col = headers["Tiêu đề"]
        for card in renamed:
            sheet.cell(row=find_row(sheet, headers, card.id), column=title_col,
                       value=new_titles[card.id])
        sheet.delete_rows(find_row(sheet, headers, deleted.id))
        for title in ("Phí ship bất ngờ", "Không tìm được mã giảm giá"):
            row = sheet.max_row + 1
            sheet.cell(row=row, column=headers["Bản đồ"], value=journey.name)
            sheet.cell(row=row, column=headers["Giai đoạn"], value=stage.title)
            sheet.cell(row=row, column=headers["Làn"], value=lane.title)
            sheet.cell(row=row, column=title_col, value=title)
            sheet.cell(row=row, column=headers["Mức độ"], value=3)

    edit_cards(book, edit)
    return {"titles": new_titles, "deleted": deleted.id, "stage": stage.id, "lane": lane.id}
