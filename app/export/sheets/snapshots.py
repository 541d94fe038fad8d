"""Snapshots in a hidden, protected sheet: what no visible sheet can show, kept whole.

A snapshot is a copy of a map taken at a review; a spreadsheet has no place a person
would edit it, but a new project made from our workbook should still hold it. So the
very hidden sheet `_journey_studio_snapshots` carries them as the project JSON codec
writes them (app.domain.serialize, ASCII only, so no character is lost to XML), cut
into chunks of 32,000 characters (a cell holds 32,767), one per row in column A:

    row 1   journey-studio-snapshots | format version | number of chunks | SHA-256 of the text
    row 2…  the chunks, in order

Reading checks the count and the digest first, then decodes the text with the JSON
importer's validation (`app.export.json_io.loads`); a sheet edited or cut by hand is
refused in one line, never half-read.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from openpyxl.worksheet.worksheet import Worksheet

from app.domain.model import Project, Snapshot
from app.domain.serialize import FormatError, project_to_dict
from app.export.sheets.read_table import Cell, SheetError
from app.export.sheets.writing import CellWriter

SNAPSHOT_SHEET = "_journey_studio_snapshots"
SNAPSHOT_MARK = "journey-studio-snapshots"
SNAPSHOT_VERSION = 1
CHUNK = 32_000


def _envelope(project: Project, snapshots: Sequence[Snapshot]) -> Project:
    # The codec writes projects: a bare one around the snapshots, with the channels their
    # cards name, so the importer's checks run unchanged.
    return Project(title=project.title or "snapshots", id=project.id,
                   language=project.language if project.language in ("en", "vi") else "en",
                   channels=list(project.channels), snapshots=list(snapshots))


def write_snapshots(ws: Worksheet, project: Project, snapshots: Sequence[Snapshot],
                    put: CellWriter) -> None:
    """Fill the hidden sheet with `snapshots` (the sheet is hidden and protected)."""
    text = json.dumps(project_to_dict(_envelope(project, snapshots)), ensure_ascii=True,
                      separators=(",", ":"), allow_nan=False)
    chunks = [text[i:i + CHUNK] for i in range(0, len(text), CHUNK)]
    digest = hashlib.sha256(text.encode("ascii")).hexdigest()
    head: tuple[str | int, ...] = (SNAPSHOT_MARK, SNAPSHOT_VERSION, len(chunks), digest)
    for col, value in enumerate(head, start=1):
        put(ws.cell(row=1, column=col), value)
    for row, chunk in enumerate(chunks, start=2):
        put(ws.cell(row=row, column=1), chunk)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True  # a user who unhides it still cannot type into it


def read_snapshots(rows: list[list[Cell]], file_name: str) -> list[Snapshot]:
    """The snapshots of the hidden sheet's rows; SheetError when it was changed."""
    from app.export.json_io import loads

    where = f"{file_name}, hidden sheet {SNAPSHOT_SHEET!r}"
    if not rows:
        return []
    head = (list(rows[0]) + [None] * 4)[:4]
    if head[0] != SNAPSHOT_MARK or not isinstance(head[2], int | float) \
            or not isinstance(head[3], str):
        raise SheetError(f"{where}: was changed outside Journey Studio (its first row is "
                         f"not ours); export the workbook again")
    if head[1] != SNAPSHOT_VERSION:
        raise SheetError(f"{where}: is format version {head[1]}; this Journey Studio reads "
                         f"version {SNAPSHOT_VERSION}")
    chunks = [row[0] if row and isinstance(row[0], str) else "" for row in rows[1:]]
    text = "".join(chunks)
    if len(chunks) != int(head[2]) or not text.isascii() \
            or hashlib.sha256(text.encode("ascii")).hexdigest() != head[3]:
        raise SheetError(f"{where}: was changed outside Journey Studio (its check fails); "
                         f"the snapshots cannot be read, export the workbook again")
    try:
        envelope = loads(text)
    except FormatError as error:
        raise SheetError(f"{where}: {error}") from None
    return envelope.snapshots
