"""What no visible sheet can show, kept whole in a hidden, protected sheet.

Snapshots (copies of a map taken at a review), and whatever else a person does not edit
in a grid or a table, have no place on a visible sheet, but a new project made from our
workbook should still hold them. So the very hidden sheet `_journey_studio_data` carries
the exported part of the project as the project JSON codec writes it
(app.domain.serialize; ASCII only, so no character is lost to XML; persona photos left
out, as the Personas sheet shows them), cut into chunks of 32,000 characters (a cell
holds 32,767), one per row in column A:

    row 1   journey-studio-data | format version | number of chunks | SHA-256 of the text
    row 2…  the chunks, in order

Reading checks the count and the digest first, then decodes the text with the JSON
importer's validation (`app.export.json_io.loads`); a sheet edited or cut by hand is
refused in one line, never half-read. Only what the visible sheets do not carry is taken
from it (`HiddenData`): the visible sheets stay the truth for everything they show.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from openpyxl.worksheet.worksheet import Worksheet

from app.domain.model import JourneyMap, Project
from app.domain.serialize import FormatError, project_to_dict
from app.export.sheets.read_table import Cell, SheetError
from app.export.sheets.writing import CellWriter

SNAPSHOT_SHEET = "_journey_studio_data"
SNAPSHOT_MARK = "journey-studio-data"
SNAPSHOT_VERSION = 1
CHUNK = 32_000


def _envelope(project: Project, maps: Sequence[JourneyMap]) -> Project:
    """The exported part of the project (its maps, their snapshots, every persona and
    channel), without persona photos: the codec writes whole projects."""
    from app.export.json_io import subset

    part = subset(project, list(maps))
    for persona in part.personas:
        persona.photo, persona.photo_mime = None, ""
    return part


def write_snapshots(ws: Worksheet, project: Project, maps: Sequence[JourneyMap],
                    put: CellWriter) -> None:
    """Fill the hidden sheet with the part of `project` that `maps` make (the sheet is
    very hidden and protected)."""
    text = json.dumps(project_to_dict(_envelope(project, maps)), ensure_ascii=True,
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


def read_hidden(rows: list[list[Cell]], file_name: str) -> Project | None:
    """The project part the hidden sheet holds (None without the sheet); SheetError when
    the sheet was changed."""
    from app.export.json_io import loads

    where = f"{file_name}, hidden sheet {SNAPSHOT_SHEET!r}"
    if not rows:
        return None
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
        return loads(text)
    except FormatError as error:
        raise SheetError(f"{where}: {error}") from None


def apply_hidden(project: Project, hidden: Project | None) -> None:
    """Give a project made from the visible sheets what only the hidden sheet carries:
    the snapshots, the logo and accent, and per map (by id) its saved views, voting
    rounds and votes (those on cards the sheets still have) and its stages' phases."""
    if hidden is None:
        return
    project.snapshots = list(hidden.snapshots)
    project.logo, project.logo_mime, project.accent = (hidden.logo, hidden.logo_mime,
                                                       hidden.accent)
    for journey in project.maps:
        kept = hidden.map(journey.id)
        if kept is None:
            continue
        phases = {s.id: s.phase for s in kept.stages}
        for stage in journey.stages:
            stage.phase = phases.get(stage.id, stage.phase)
        lanes = {lane.id for lane in journey.lanes}
        for view in kept.views:
            view.hidden_lane_ids = [i for i in view.hidden_lane_ids if i in lanes]
        journey.views = list(kept.views)
        journey.rounds = list(kept.rounds)
        cards = {c.id for c in journey.cards}
        rounds = {r.id for r in journey.rounds}
        journey.votes = [v for v in kept.votes if v.card_id in cards and v.round_id in rounds]
