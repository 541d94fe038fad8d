"""Workbooks for the import tests: written by the real export (`export_xlsx`), then
edited with openpyxl as a user would in Excel, and imported back.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from app.domain.model import Project
from app.domain.serialize import project_to_dict
from app.export.sheets.columns import CARD_COLUMNS, SHEETS
from app.export.sheets.xlsx import export_xlsx
from app.storage import ProjectStore


def write_workbook(project: Project, path: Path) -> Path:
    """Our workbook for `project`, written by the real export (`export_xlsx`)."""
    export_xlsx(project, path)
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
