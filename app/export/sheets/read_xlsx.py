"""Reading a workbook from outside: checked as a zip first, then parsed with limits.

An .xlsx is a zip of XML parts. Before openpyxl parses a byte, the container is checked:
an encrypted workbook (an OLE compound file, as Excel writes password-protected ones), a
file that is not a zip, a truncated zip, a zip whose parts inflate past a bound (a zip
bomb) each stop with one line. Sheets are then read in openpyxl's streaming mode,
counting rows and cells as they come, so a million-row sheet is refused after the limit,
not after it filled memory. Formulas are read as the text of the formula, never evaluated.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from app.export.sheets.columns import META_MARK, META_SHEET
from app.export.sheets.read_table import (
    Cell,
    Limits,
    Progress,
    SheetError,
    Table,
)
from app.export.sheets.snapshots import SNAPSHOT_SHEET

# The first bytes of an OLE compound file: Excel's encrypted .xlsx and the old .xls.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass
class Workbook:
    """The sheets of a workbook as plain rows, in their order, and our hidden metadata."""

    name: str
    tables: list[Table] = field(default_factory=list)
    # From the hidden sheet of a workbook Journey Studio exported (empty otherwise).
    meta: dict[str, list[str]] = field(default_factory=dict)
    # The hidden sheet's rows as they are (`extras.Extras` reads the ones it knows).
    meta_rows: list[list[Cell]] = field(default_factory=list)
    # The very hidden data sheet's rows as they are (`snapshots.read_hidden`).
    snapshot_rows: list[list[Cell]] = field(default_factory=list)

    def table(self, title: str) -> Table | None:
        """The visible sheet with this title, or None."""
        return next((t for t in self.tables if t.name == title), None)

    @property
    def project_id(self) -> str | None:
        """The id of the project this workbook was exported from, if it says."""
        values = self.meta.get("project", [])
        return values[0] if values else None

    @property
    def map_ids(self) -> list[str]:
        """The ids of the maps the export held, if it says."""
        return list(self.meta.get("maps", []))


def check_container(path: Path, limits: Limits) -> None:
    """Refuse what is not a sound, bounded .xlsx zip, before any XML is parsed."""
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise SheetError(f"{name}: cannot be read ({error.strerror or error})") from None
    if head.startswith(_OLE_MAGIC):
        raise SheetError(f"{name}: is password-protected or an old .xls workbook; "
                         f"save it in Excel as an unprotected .xlsx first")
    if not head.startswith(_ZIP_MAGIC):
        raise SheetError(f"{name}: is not an .xlsx workbook")
    if size > limits.max_file_bytes:
        raise SheetError(f"{name}: is {size / 1e6:.0f} MB; the limit is "
                         f"{limits.max_file_bytes / 1e6:.0f} MB")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise SheetError(f"{name}: the workbook is damaged (not a complete zip file)") from None
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise SheetError(f"{name}: is a zip file but not an .xlsx workbook")
    if len(infos) > limits.max_parts:
        raise SheetError(f"{name}: holds {len(infos)} parts; the limit is {limits.max_parts}")
    total = sum(info.file_size for info in infos)
    if total > limits.max_unpacked_bytes:
        raise SheetError(f"{name}: unpacks to {total / 1e6:.0f} MB; the limit is "
                         f"{limits.max_unpacked_bytes / 1e6:.0f} MB (refused as a zip bomb)")


def read_workbook(path: Path, limits: Limits | None = None,
                  progress: Progress | None = None) -> Workbook:
    """Every sheet's cell values (formulas as their text), within `limits`; `progress`
    counts the rows and stops the read (Cancelled) when cancelled."""
    limits = limits or Limits()
    check_container(path, limits)
    import openpyxl  # ~0.2 s: only when a workbook is read

    name = path.name
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False,
                                      keep_links=False)
    except SheetError:
        raise
    except Exception as error:  # noqa: BLE001 - openpyxl raises anything on a damaged part
        raise SheetError(f"{name}: the workbook is damaged ({_short(error)})") from None
    result = Workbook(name=name)
    cells = 0
    try:
        for sheet in book.worksheets:
            rows, cells = _read_rows(sheet, name, limits, cells, progress)
            if sheet.title == META_SHEET:
                result.meta = _read_meta(rows)
                result.meta_rows = rows if result.meta else []
            elif sheet.title == SNAPSHOT_SHEET:
                result.snapshot_rows = rows
            elif getattr(sheet, "sheet_state", "visible") == "visible":
                result.tables.append(Table(sheet.title, rows))
    except SheetError:
        raise
    except Exception as error:  # noqa: BLE001 - a part that fails to parse midway
        raise SheetError(f"{name}: the workbook is damaged ({_short(error)})") from None
    finally:
        book.close()
    return result


def _read_rows(sheet: Any, name: str, limits: Limits, cells: int,
               progress: Progress | None = None) -> tuple[list[list[Cell]], int]:
    rows: list[list[Cell]] = []
    filled = 0
    for raw in sheet.iter_rows(values_only=True):
        if progress is not None:
            progress.tick()
        cells += len(raw)
        if cells > limits.max_cells:
            raise SheetError(f"{name}: has more than {limits.max_cells:,} cells; "
                             f"the limit is {limits.max_cells:,}")
        row = [_value(v) for v in raw]
        if any(v is not None for v in row):
            filled += 1
            if filled > limits.max_rows:
                raise SheetError(f"{name}, sheet {sheet.title!r}: has more than "
                                 f"{limits.max_rows:,} rows; the limit is {limits.max_rows:,}")
        rows.append(row)
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    return rows, cells


def _value(value: Any) -> Cell:
    """A cell as str, int, float, bool or None (dates as ISO text)."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        return value if value != "" else None
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return str(value)  # a rich or error value (#N/A…): its text


def _read_meta(rows: list[list[Cell]]) -> dict[str, list[str]]:
    """Key/value rows under the marker of our hidden sheet; nothing when the marker lacks."""
    if not rows or not rows[0] or rows[0][0] != META_MARK:
        return {}
    meta: dict[str, list[str]] = {}
    for row in rows[2:]:
        if len(row) < 2 or row[0] is None:
            continue
        key = " ".join(str(row[0]).lower().replace("_", " ").split())
        values = [str(v) for v in row[1:] if v is not None]
        if key in ("project id", "project") and values:
            meta["project"] = values[:1]
        elif key == "map" and values:  # B the map's id, C its grid sheet, D its name
            meta.setdefault("maps", []).append(values[0])
            meta.setdefault("map_sheets", []).append(values[1] if len(values) > 1 else "")
            meta.setdefault("map_names", []).append(values[2] if len(values) > 2 else "")
        elif key == "language" and values:
            meta["language"] = values[:1]
        elif key == "project title" and values:
            meta["title"] = values[:1]
        elif key in ("maps", "map ids"):
            meta.setdefault("maps", []).extend(values)
    return meta


def _short(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 120 else text[:119] + "…"
