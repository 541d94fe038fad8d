"""Persona photos as real pictures on the Personas sheet: written, and read back.

Each photo is anchored in its persona's row (in the column after the table, headed
Photo / Ảnh), so what a user sees in Excel is what comes back: a picture pasted into a
persona's row becomes its photo, one deleted leaves the persona without. openpyxl needs
Pillow to write or read pictures; Journey Studio does without it: the bytes are the
stored PNG or JPEG as they are, their size read from the header (app.domain.images),
and on reading the drawing parts are followed by hand from the sheet to the media file.
A picture read back is untrusted: it must pass `photo_problem` like any imported photo.
"""

from __future__ import annotations

import importlib
import posixpath
import zipfile
from pathlib import Path
from typing import Any

from openpyxl.drawing.image import Image
from openpyxl.worksheet.worksheet import Worksheet

from app.domain.images import MAX_PHOTO_BYTES, read_image_header
from app.export.sheets.read_table import SheetError

# The picture column's header (outside the Excel table: the table holds the fields).
PHOTO_HEADER = ("Photo", "Ảnh")
# The picture's size on the sheet, in pixels (a row of 62 points shows it whole).
_SHOWN = 72
ROW_POINTS = 58.0


class _Picture(Image):
    """An openpyxl picture made from PNG or JPEG bytes, without Pillow."""

    def __init__(self, data: bytes, fmt: str, width: int, height: int) -> None:
        # Image.__init__ would open the bytes with Pillow; the size is known already.
        self.ref = data
        self.data = data
        self.format = fmt
        scale = _SHOWN / max(width, height)
        self.width, self.height = max(1, round(width * scale)), max(1, round(height * scale))

    def _data(self) -> bytes:
        return self.data


def add_photo(ws: Worksheet, row: int, column: int, photo: bytes | None) -> bool:
    """Anchor `photo` at (row, column) of the sheet (1-based); False when there is none
    or it is not a PNG or JPEG (never the case for a photo the project accepted)."""
    if not photo:
        return False
    header = read_image_header(photo)
    if header is None or header.mime not in ("image/png", "image/jpeg"):
        return False
    picture = _Picture(photo, header.mime.removeprefix("image/"), header.width,
                       header.height)
    picture.anchor = ws.cell(row=row, column=column).coordinate
    ws.add_image(picture)
    current = ws.row_dimensions[row].height or 0.0
    ws.row_dimensions[row].height = max(current, ROW_POINTS)
    return True


def read_photos(path: Path, sheet_name: str) -> dict[int, bytes]:
    """The pictures anchored on the sheet named `sheet_name`, by their sheet row (1-based,
    the row of the anchor's top-left cell). The container was checked (read_xlsx)."""
    # openpyxl's own part readers (typed loosely: these are its internals).
    drawings: Any = importlib.import_module("openpyxl.drawing.spreadsheet_drawing")
    relationship: Any = importlib.import_module("openpyxl.packaging.relationship")
    reader: Any = importlib.import_module("openpyxl.reader.workbook")
    xml: Any = importlib.import_module("openpyxl.xml.functions")
    drawing_type = drawings.SpreadsheetDrawing
    get_dependents, get_rels_path = relationship.get_dependents, relationship.get_rels_path

    found: dict[int, bytes] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            parser = reader.WorkbookParser(archive, "xl/workbook.xml", keep_links=False)
            parser.parse()
            target = next((rel.target for sheet, rel in parser.find_sheets()
                           if sheet.name == sheet_name), None)
            if target is None or get_rels_path(target) not in names:
                return found
            for drawing_rel in get_dependents(archive, get_rels_path(target)).find(
                    drawing_type._rel_type):
                part = posixpath.normpath(drawing_rel.target)
                if part not in names or get_rels_path(part) not in names:
                    continue
                drawing = drawing_type.from_tree(xml.fromstring(archive.read(part)))
                media = get_dependents(archive, get_rels_path(part))
                for blip in drawing._blip_rels:
                    start = getattr(blip.anchor, "_from", None)
                    dep = media.get(blip.embed)
                    if start is None or dep is None or dep.target not in names:
                        continue  # an absolute anchor belongs to no row; a link to nothing
                    if archive.getinfo(dep.target).file_size > MAX_PHOTO_BYTES:
                        raise SheetError(
                            f"{path.name}, {sheet_name}, row {start.row + 1}: the picture is "
                            f"larger than {MAX_PHOTO_BYTES // 2**20} MB")
                    found.setdefault(start.row + 1, archive.read(dep.target))
    except SheetError:
        raise
    except Exception as error:  # noqa: BLE001 - damaged drawing parts raise anything
        text = " ".join(str(error).split())[:120] or type(error).__name__
        raise SheetError(f"{path.name}: the workbook's pictures are damaged ({text})") from None
    return found
