"""What only our own workbook carries: each map's layout and its emotion markers.

A Cards table names only the stages and lanes that hold cards. A workbook Journey Studio
exported also has, per map, a grid sheet (named in the hidden sheet) that lists every
stage and lane in order, with the lanes' kinds, and a Markers sheet with each emotion
marker's stage, score, position and label. A new project made from such a workbook
takes its maps' layout and markers from there, so empty stages and lanes and the
emotion curve come back too.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.images import photo_problem, read_image_header
from app.domain.model import (
    SCORE_MAX,
    SCORE_MIN,
    Channel,
    EmotionMarker,
    JourneyMap,
    LaneKind,
    Persona,
)
from app.export.sheets.columns import (
    MARKER_COLUMNS,
    PERSONA_COLUMNS,
    SHEETS,
    fold,
    match_columns,
)
from app.export.sheets.extras import Extras
from app.export.sheets.read_grid import looks_like_grid, read_grid
from app.export.sheets.read_table import SheetError, Table, cell_number, cell_text, is_id
from app.export.sheets.values import split_tags


@dataclass
class MarkerRow:
    """One checked row of the Markers sheet."""

    row: int
    map: str
    stage: str
    lane: str
    score: int
    position: float
    label: str
    id: str = ""
    # Whether the row's Position cell held a number (an empty one places it mid-stage).
    placed: bool = True


def layouts(tables: list[Table], meta: dict[str, list[str]],
            extras: Extras | None = None) -> list[JourneyMap]:
    """The maps the hidden sheet names, laid out from their grid sheets (no cards and no
    markers: those come from the Cards and Markers sheets)."""
    by_name = {t.name: t for t in tables}
    found: list[JourneyMap] = []
    names = meta.get("map_names", [])
    for index, (map_id, sheet) in enumerate(zip(meta.get("maps", []),
                                                meta.get("map_sheets", []), strict=False)):
        table = by_name.get(sheet)
        if table is None or not looks_like_grid(table):
            continue
        name = names[index] if index < len(names) and names[index] else sheet
        journey = read_grid(table, name, layout_only=True)
        _keep_id(journey, map_id)
        if extras is not None:
            extras.apply_to_map(journey, map_id)  # ids, colours, widths, heights
        found.append(journey)
    return found


def _keep_id(journey: JourneyMap, map_id: str) -> None:
    """Give the map the id it had in the project it was exported from (when well-formed)."""
    if not is_id(map_id):
        return
    journey.id = map_id
    for stage in journey.stages:
        stage.map_id = map_id
    for lane in journey.lanes:
        lane.map_id = map_id
    for marker in journey.markers:
        marker.map_id = map_id


def markers_sheet(tables: list[Table]) -> Table | None:
    """Our Markers sheet, if the workbook has one."""
    names = {fold(SHEETS["markers"].en), fold(SHEETS["markers"].vi)}
    return next((t for t in tables if fold(t.name) in names and t.rows), None)


def read_markers(table: Table) -> list[MarkerRow]:
    """The checked rows of a Markers sheet; a bad value names its row and column."""
    headers = [cell_text(v).strip() for v in table.rows[0]]
    mapping = match_columns(headers, MARKER_COLUMNS)
    if not {"stage", "score"} <= set(mapping.values()):
        return []
    rows: list[MarkerRow] = []
    for index in range(1, len(table.rows)):
        raw = table.rows[index]
        if all(v is None for v in raw):
            continue
        got = {key: raw[p] if p < len(raw) else None for p, key in mapping.items()}
        where = f"{table.name}, row {index + 1}"

        def header(key: str) -> str:
            return next(headers[p] for p, k in mapping.items() if k == key)

        score = cell_number(got.get("score"), f"{where}, {header('score')}")
        if score is None or not score.is_integer() or not SCORE_MIN <= score <= SCORE_MAX:
            raise SheetError(f"{where}, {header('score')}: "
                             f"{cell_text(got.get('score'))!r} is not a score from "
                             f"{SCORE_MIN} to +{SCORE_MAX}")
        position, placed = 0.5, False
        if cell_text(got.get("position")).strip():
            placed = True
            number = cell_number(got["position"], f"{where}, {header('position')}")
            if number is None or not 0.0 <= number <= 1.0:
                raise SheetError(f"{where}, {header('position')}: "
                                 f"{cell_text(got['position'])!r} is not from 0 to 1")
            position = number
        rows.append(MarkerRow(index + 1, cell_text(got.get("map")).strip(),
                              cell_text(got.get("stage")).strip(),
                              cell_text(got.get("lane")).strip(), int(score), position,
                              cell_text(got.get("label")), cell_text(got.get("id")).strip(),
                              placed))
    return rows


def place_markers(maps: list[JourneyMap], rows: list[MarkerRow], sheet: str) -> None:
    """Put the Markers sheet's markers on the layouts' emotions lanes."""
    taken: set[str] = set()
    for row in rows:
        journey = next((m for m in maps if fold(m.name) == fold(row.map)),
                       maps[0] if len(maps) == 1 and not row.map else None)
        where = f"{sheet}, row {row.row}"
        if journey is None:
            raise SheetError(f"{where}: the map {row.map!r} is not in the workbook")
        stage = next((s for s in journey.stages if fold(s.title) == fold(row.stage)), None)
        lane = next((ln for ln in journey.lanes if fold(ln.title) == fold(row.lane)
                     and ln.kind == LaneKind.EMOTIONS), None)
        lane = lane or next((ln for ln in journey.lanes if ln.kind == LaneKind.EMOTIONS
                             and not row.lane), None)
        if stage is None or lane is None:
            missing = "stage" if stage is None else "emotions lane"
            raise SheetError(f"{where}: the {missing} "
                             f"{row.stage if stage is None else row.lane!r} is not on the map "
                             f"{journey.name!r}")
        marker = EmotionMarker(map_id=journey.id, stage_id=stage.id, lane_id=lane.id,
                               score=row.score, position=row.position, label=row.label)
        if is_id(row.id) and row.id not in taken:
            marker.id = row.id  # the id it had: a later merge finds the same marker
        taken.add(marker.id)
        journey.markers.append(marker)


def personas_sheet(tables: list[Table]) -> Table | None:
    """Our Personas sheet, if the workbook has one."""
    names = {fold(SHEETS["personas"].en), fold(SHEETS["personas"].vi)}
    return next((t for t in tables if fold(t.name) in names and t.rows), None)


def read_personas(table: Table, channels: list[Channel],
                  photos: dict[int, bytes] | None = None) -> list[Persona]:
    """The personas of our Personas sheet, with the pictures in their rows (`photos`, by
    sheet row) as photos; channels are matched by name, a bad age or a picture that is
    not a PNG or JPEG photo names its row."""
    return [persona for _, persona in persona_rows(table, channels, photos)]


def persona_columns(table: Table) -> set[str]:
    """The persona fields a Personas sheet has columns for."""
    headers = [cell_text(v).strip() for v in table.rows[0]] if table.rows else []
    return set(match_columns(headers, PERSONA_COLUMNS).values())


def persona_rows(table: Table, channels: list[Channel],
                 photos: dict[int, bytes] | None = None) -> list[tuple[int, Persona]]:
    """Each persona of the sheet with its sheet row (what `read_personas` reads)."""
    headers = [cell_text(v).strip() for v in table.rows[0]]
    mapping = match_columns(headers, PERSONA_COLUMNS)
    if "name" not in mapping.values():
        return []
    by_name = {fold(c.name): c.id for c in channels}
    found: list[Persona] = []
    numbered: list[tuple[int, Persona]] = []
    for index in range(1, len(table.rows)):
        raw = table.rows[index]
        got = {key: raw[p] if p < len(raw) else None for p, key in mapping.items()}
        if all(v is None for v in got.values()):
            continue
        texts = {key: "" if value is None else cell_text(value) for key, value in got.items()}
        persona = Persona(name=texts.get("name", ""))
        for key in ("description", "occupation", "quote", "goals", "motivations",
                    "behaviours", "interests", "pains"):
            setattr(persona, key, texts.get(key, ""))
        age = got.get("age")
        if age is not None:
            if isinstance(age, bool) or not isinstance(age, (int, float)) \
                    or not float(age).is_integer() or not 0 <= age <= 150:
                header = next(headers[p] for p, k in mapping.items() if k == "age")
                raise SheetError(f"{table.name}, row {index + 1}, {header}: "
                                 f"{cell_text(age)!r} is not an age (a whole number)")
            persona.age = int(age)
        persona.channel_ids = [by_name[fold(n)] for n in split_tags(texts.get("channels", ""))
                               if fold(n) in by_name]
        photo = (photos or {}).get(index + 1)
        if photo is not None:
            header = read_image_header(photo)
            mime = header.mime if header is not None else ""
            problem = photo_problem(photo, mime or "image/png")
            if problem is not None:
                raise SheetError(f"{table.name}, row {index + 1}: {problem}")
            persona.photo, persona.photo_mime = photo, mime
        persona_id = texts.get("id", "").strip()
        if is_id(persona_id) and all(p.id != persona_id for p in found):
            persona.id = persona_id
        found.append(persona)
        numbered.append((index + 1, persona))
    return numbered
