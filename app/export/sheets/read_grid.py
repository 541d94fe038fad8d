"""A sheet drawn like a journey map (stages across, lanes down) read into a new map.

This is how teams draw maps in Google Sheets or Excel: row 1 names the stages, column A
the lanes, and each cell holds the lane's text for that stage, one card per line. A lane
cell may name its kind in brackets on its last line, as our export writes it, or be
titled like a kind ("Pains", "Điểm đau"…); an emotions lane whose lines are whole scores
from −2 to +2, each with an optional label ("+1 dễ đặt hàng"), becomes emotion markers.
A row with an empty first cell continues the lane above (cards stacked in rows); our
export's row of mean scores under an emotions lane is derived, and skipped.
"""

from __future__ import annotations

import re

from app.domain.model import (
    SCORE_MAX,
    SCORE_MIN,
    Card,
    EmotionMarker,
    JourneyMap,
    Lane,
    LaneKind,
    Stage,
)
from app.domain.templates import STAGE_PALETTE
from app.export.sheets.columns import CARD_COLUMNS, fold
from app.export.sheets.read_table import Cell, SheetError, Table, cell_text, column_letter
from app.export.sheets.values import split_lane_header

MAX_STAGES = 200
MAX_LANES = 200
# A marker line: a whole score with an optional sign, then an optional label.
_MARKER = re.compile(r"^\s*([+-]?\d+(?:\.0+)?)(?:\s+(.*))?$", re.S)
# The row of each stage's mean score our export writes under an emotions lane.
_SCORE_ROWS = {fold("Emotion score"), fold("Điểm cảm xúc")}


def looks_like_grid(table: Table) -> bool:
    """A sheet with a header row of at least one stage and a lane below it."""
    if len(table.rows) < 2:
        return False
    stages = [v for v in table.rows[0][1:] if cell_text(v).strip()]
    lanes = [r[0] for r in table.rows[1:] if r and cell_text(r[0]).strip()]
    return bool(stages) and bool(lanes)


def corner_name(table: Table) -> str:
    """The map's name written in A1, unless A1 only labels the axes ("Stage", "Làn"…)."""
    corner = cell_text(table.cell(0, 0)).strip()
    labels = [fold(n) for c in CARD_COLUMNS if c.key in ("stage", "lane") for n in (c.en, c.vi)]
    return "" if any(label in fold(corner) for label in labels) else corner


def read_grid(table: Table, name: str, layout_only: bool = False) -> JourneyMap:
    """The map a grid sheet draws, named `name`; SheetError names the bad cell.

    `layout_only` reads the stages and lanes alone, each lane with the kind its cell
    names (the cards and markers come from our workbook's tables then).
    """
    if not looks_like_grid(table):
        raise SheetError(f"{table.name}: does not look like a map (stages in row 1 from B1, "
                         f"lanes in column A from A2)")
    journey = JourneyMap(name=name)
    header = table.rows[0]
    columns: list[tuple[int, Stage]] = []
    for position in range(1, len(header)):
        title = cell_text(header[position]).strip()
        if not title:
            continue
        stage = Stage(map_id=journey.id, title=title,
                      color=STAGE_PALETTE[len(columns) % len(STAGE_PALETTE)])
        columns.append((position, stage))
        journey.stages.append(stage)
    if len(columns) > MAX_STAGES:
        raise SheetError(f"{table.name}: has {len(columns)} stages; the limit is {MAX_STAGES}")
    groups: list[tuple[Lane, list[list[Cell]], int]] = []
    for index, row in enumerate(table.rows[1:], start=2):
        title, kind = split_lane_header(cell_text(row[0] if row else None))
        if fold(title) in _SCORE_ROWS and groups and groups[-1][0].kind == LaneKind.EMOTIONS:
            continue  # our export's row of mean scores under an emotions lane: derived
        if title:
            groups.append((Lane(map_id=journey.id, title=title, kind=kind or LaneKind.TEXT),
                           [row], index))
        elif groups:
            groups[-1][1].append(row)
        elif any(v is not None for v in row):
            raise SheetError(f"{table.name}, cell A{index}: a lane needs a title in column A")
    if len(groups) > MAX_LANES:
        raise SheetError(f"{table.name}: has {len(groups)} lanes; the limit is {MAX_LANES}")
    for lane, rows, first in groups:
        if layout_only:
            journey.lanes.append(lane)
            continue
        if lane.kind == LaneKind.EMOTIONS and not _all_scores(rows, columns):
            lane.kind = LaneKind.TEXT  # an "Emotions" row written in words: keep the words
        journey.lanes.append(lane)
        if lane.kind == LaneKind.EMOTIONS:
            _add_markers(journey, lane, rows, columns, table.name, first)
        else:
            _add_cards(journey, lane, rows, columns)
    return journey


def _lines(value: Cell) -> list[str]:
    return [line.strip() for line in cell_text(value).splitlines() if line.strip()]


def _add_cards(journey: JourneyMap, lane: Lane, rows: list[list[Cell]],
               columns: list[tuple[int, Stage]]) -> None:
    for position, stage in columns:
        order = 0
        for row in rows:
            for line in _lines(row[position] if position < len(row) else None):
                journey.cards.append(Card(map_id=journey.id, stage_id=stage.id,
                                          lane_id=lane.id, title=line, order=order))
                order += 1


def _marker(text: str) -> tuple[int, str] | None:
    """A score from −2 to +2 and an optional label ("+1 thích giao diện"), or None."""
    match = _MARKER.match(text.replace("−", "-"))
    if match is None:
        return None
    number = float(match.group(1))
    if not number.is_integer() or not SCORE_MIN <= number <= SCORE_MAX:
        return None
    return int(number), (match.group(2) or "").strip()


def _all_scores(rows: list[list[Cell]], columns: list[tuple[int, Stage]]) -> bool:
    texts = [line for row in rows for position, _ in columns
             for line in _lines(row[position] if position < len(row) else None)]
    return all(_marker(t) is not None for t in texts)  # an empty emotions lane stays one


def _add_markers(journey: JourneyMap, lane: Lane, rows: list[list[Cell]],
                 columns: list[tuple[int, Stage]], sheet: str, first: int) -> None:
    for position, stage in columns:
        scores: list[tuple[int, str]] = []
        for offset, row in enumerate(rows):
            for line in _lines(row[position] if position < len(row) else None):
                found = _marker(line)
                if found is None:  # _all_scores said otherwise; kept as a guard
                    cell = f"{column_letter(position)}{first + offset}"
                    raise SheetError(f"{sheet}, cell {cell}: {line!r} is not a score "
                                     f"from {SCORE_MIN} to +{SCORE_MAX}")
                scores.append(found)
        for i, (score, label) in enumerate(scores):
            journey.markers.append(EmotionMarker(
                map_id=journey.id, stage_id=stage.id, lane_id=lane.id, score=score,
                label=label, position=(i + 1) / (len(scores) + 1)))
