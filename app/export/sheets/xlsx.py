"""Export a project to an XLSX workbook (openpyxl): grid sheets, tables and a mark.

The workbook holds, in this order: one grid sheet per map (`grid.py`), then the Cards,
Markers, Personas, Metrics and Opportunities tables (filterable Excel tables; persona
photos as pictures, `photos.py`), then the very hidden `_journey_studio` sheet that lets
the importer recognise the workbook and find each map's sheets, and the very hidden
`_journey_studio_data` sheet (`snapshots.py`). Sheet names and headers follow the
project's language unless a language is given. The file is written in one step
(`app.export.atomic`).
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table as ExcelTable
from openpyxl.worksheet.table import TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from app.domain.model import JourneyMap, Project, now_iso
from app.export.atomic import write_bytes_atomically
from app.export.sheets.cells import xlsx_text
from app.export.sheets.columns import META_MARK, META_SHEET, META_VERSION, SHEETS
from app.export.sheets.extras import Value, extra_rows
from app.export.sheets.grid import FONT, lines_needed, write_grid
from app.export.sheets.names import SheetNames
from app.export.sheets.photos import PHOTO_HEADER, add_photo
from app.export.sheets.snapshots import SNAPSHOT_SHEET, write_snapshots
from app.export.sheets.tables import TABLES, Table, build_table, export_language
from app.export.sheets.writing import CellWriter

# Columns that hold long text wrap in a wider column; ids stay narrow and unwrapped.
_WIDE = {"body", "description", "quote", "goals", "motivations", "behaviours", "interests",
         "pains"}
_MEDIUM = {"title", "name", "label", "map", "occupation", "channels", "owner"}
_NARROW = {"id": 14.0, "order": 8.0, "severity": 9.0, "span": 7.0, "score": 8.0,
           "position": 9.0, "age": 7.0, "value": 10.0, "target": 10.0}
_HEADER_FILL = PatternFill(fill_type="solid", start_color="FF1F4E79", end_color="FF1F4E79")


def build_workbook(project: Project, maps: Sequence[JourneyMap] | None = None,
                   language: str | None = None) -> tuple[Workbook, list[str]]:
    """The workbook of `maps` (default: every map) and the warnings to show."""
    lang = export_language(project, language)
    chosen = list(project.maps if maps is None else maps)
    every = maps is None or len(chosen) == len(project.maps)
    put = CellWriter()
    names = SheetNames(reserved=(META_SHEET, SNAPSHOT_SHEET))
    table_names = {key: names.take(SHEETS[key].header(lang)) for key in TABLES}
    fallback = "Bản đồ" if lang == "vi" else "Map"  # for a map name of forbidden characters
    grid_names = [names.take(journey.name, fallback) for journey in chosen]

    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    workbook.properties.title = xlsx_text(project.title)[0][:255]
    workbook.properties.creator = "Journey Studio"
    for journey, name in zip(chosen, grid_names, strict=True):
        write_grid(workbook.create_sheet(name), journey, lang, put)
    for key in TABLES:
        table = build_table(key, project, chosen, lang, every_persona=every)
        sheet = workbook.create_sheet(table_names[key])
        _write_table(sheet, table, lang, put)
        if key == "personas":
            _write_photos(sheet, project, table, lang, put)
    _write_meta(workbook.create_sheet(META_SHEET), project, lang, chosen, grid_names,
                table_names, put)
    write_snapshots(workbook.create_sheet(SNAPSHOT_SHEET), project, chosen, put)
    if workbook.sheetnames:
        workbook.active = 0
    warnings = []
    if put.shortened:
        shown = ", ".join(put.shortened[:5]) + (" …" if len(put.shortened) > 5 else "")
        warnings.append(f"{len(put.shortened)} text(s) longer than a spreadsheet cell holds "
                        f"(32,767 characters) were cut: {shown}")
    return workbook, warnings


def _write_table(ws: Worksheet, table: Table, language: str, put: CellWriter) -> None:
    headers = table.headers(language)
    for col, header in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=col)
        put(cell, header)
        cell.font = Font(name=FONT, bold=True, color="FFFFFFFF")
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    widths = [_width(column.key, headers[col], [row[col] for row in table.rows])
              for col, column in enumerate(table.columns)]
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    wrap = Alignment(vertical="top", wrap_text=True)
    top = Alignment(vertical="top")
    for r, values in enumerate(table.rows, start=2):
        lines = 1
        for col, (column, value) in enumerate(zip(table.columns, values, strict=True),
                                              start=1):
            if value is None or value == "":
                continue  # an empty cell is left out: a fifth of the time on big tables
            cell = ws.cell(row=r, column=col)
            put(cell, value)
            if column.key in _WIDE or column.key in _MEDIUM:
                cell.alignment = wrap
                if isinstance(value, str):
                    lines = max(lines, lines_needed(value, widths[col - 1]))
            else:
                cell.alignment = top
        if lines > 1:
            # Not every program grows a row to fit wrapped text on opening the file.
            ws.row_dimensions[r].height = min(409.0, 15.0 * lines + 2)
    ws.freeze_panes = "A2"
    last = f"{get_column_letter(len(headers))}{len(table.rows) + 1}"
    if table.rows:
        # An Excel table needs at least one data row; an empty sheet keeps a plain filter.
        excel_table = ExcelTable(displayName=table.key.capitalize(), ref=f"A1:{last}")
        excel_table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2",
                                                    showRowStripes=True)
        ws.add_table(excel_table)
    else:
        ws.auto_filter.ref = f"A1:{last}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]
    ws.print_title_rows = "1:1"


def _write_photos(ws: Worksheet, project: Project, table: Table, language: str,
                  put: CellWriter) -> None:
    """Each persona's photo as a picture in its row, in the column after the table."""
    photos = {p.id: p.photo for p in project.personas if p.photo}
    if not photos:
        return
    column = len(table.columns) + 1
    header = ws.cell(row=1, column=column)
    put(header, PHOTO_HEADER[1] if language == "vi" else PHOTO_HEADER[0])
    header.font = Font(name=FONT, bold=True, color="FFFFFFFF")
    header.fill = _HEADER_FILL
    ws.column_dimensions[get_column_letter(column)].width = 12.0
    for r, values in enumerate(table.rows, start=2):
        add_photo(ws, r, column, photos.get(str(values[0])))


def _width(key: str, header: str, values: list[object]) -> float:
    if key in _NARROW:
        return max(_NARROW[key], len(header) + 2.0)
    if key in _WIDE:
        return 48.0
    if key in _MEDIUM:
        return 32.0
    longest = max([len(header)] + [len(str(v)) for v in values if v is not None])
    return float(min(36, max(10, longest + 2)))


def _write_meta(ws: Worksheet, project: Project, language: str, maps: Sequence[JourneyMap],
                grid_names: list[str], table_names: dict[str, str], put: CellWriter) -> None:
    rows: list[list[Value]] = [[META_MARK], [META_VERSION],
                                   ["project_id", project.id],
                                   ["project_title", project.title],
                                   ["language", language],
                                   ["exported_at", now_iso()]]
    rows += [["map", journey.id, name, journey.name]
             for journey, name in zip(maps, grid_names, strict=True)]
    rows += [["sheet", key, name] for key, name in table_names.items()]
    rows += extra_rows(project, maps)
    for r, values in enumerate(rows, start=1):
        for col, value in enumerate(values, start=1):
            put(ws.cell(row=r, column=col), value)
    ws.sheet_state = "veryHidden"


def xlsx_bytes(project: Project, maps: Sequence[JourneyMap] | None = None,
               language: str | None = None) -> tuple[bytes, list[str]]:
    """The workbook as bytes, and the warnings."""
    workbook, warnings = build_workbook(project, maps, language)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), warnings


def export_xlsx(project: Project, target: str | os.PathLike[str],
                maps: Sequence[JourneyMap] | None = None,
                language: str | None = None) -> list[str]:
    """Write the workbook to `target` in one step; return the warnings to show."""
    data, warnings = xlsx_bytes(project, maps, language)
    write_bytes_atomically(target, data)
    return warnings
