"""What the visible sheets do not carry, kept in the hidden sheet: written and read back.

The grid and the tables hold what a user reads and edits; a new project made from our
workbook should still equal the project it came from. So the hidden `_journey_studio`
sheet also holds, one row each (column A the row's kind, the values from B on, in a
fixed order):

    project_info  client, author
    channel       id, key, name, icon, colour
    map_info      map id, description, state, persona id, derived-from id, emotion min, max
    stage         map id, stage id, title, colour, width, description
    lane          map id, lane id, title, height, collapsed (1/0)
    card_color    card id, colour (only cards with a colour of their own)

These are hints, not input: a row that is short, names an unknown map or stage, or holds
a value the domain would refuse (a colour that is not #RRGGBB, a width of 0 or less)
is passed over, and what it would have set keeps its default. Stages and lanes are
matched to the grid's by title, in order, so a stage a user added in the grid keeps its
defaults and one renamed there is not mistaken for another.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.domain.model import (
    SCORE_MAX,
    SCORE_MIN,
    Channel,
    JourneyMap,
    MapState,
    Project,
)
from app.domain.validation import MAX_EXTENT
from app.export.sheets.columns import fold
from app.export.sheets.read_table import Cell, cell_text, is_id

Value = str | int | float | None
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def extra_rows(project: Project, maps: Sequence[JourneyMap]) -> list[list[Value]]:
    """The hidden sheet's rows for what the visible sheets leave out."""
    rows: list[list[Value]] = [["project_info", project.client, project.author]]
    rows += [["channel", c.id, c.key, c.name, c.icon, c.color] for c in project.channels]
    for journey in maps:
        rows.append(["map_info", journey.id, journey.description, journey.state.value,
                     journey.persona_id or "", journey.derived_from_id or "",
                     journey.emotion_min, journey.emotion_max])
        rows += [["stage", journey.id, s.id, s.title, s.color, s.width, s.description]
                 for s in journey.stages]
        rows += [["lane", journey.id, ln.id, ln.title, ln.height, int(ln.collapsed)]
                 for ln in journey.lanes]
        rows += [["card_color", c.id, c.color] for c in journey.cards if c.color]
    return rows


@dataclass
class Extras:
    """The hidden sheet's extra rows, by kind (each row's values from column B on)."""

    rows: dict[str, list[list[Cell]]] = field(default_factory=dict)
    # The rows of the snapshots sheet (`snapshots.py`), read only for a new project.
    snapshot_rows: list[list[Cell]] = field(default_factory=list)

    @classmethod
    def read(cls, meta_rows: list[list[Cell]]) -> Extras:
        found = cls()
        for row in meta_rows:
            if row and isinstance(row[0], str):
                found.rows.setdefault(row[0].strip(), []).append(list(row[1:]))
        return found

    def of(self, kind: str, width: int) -> list[list[Cell]]:
        """The rows of a kind, each cut or padded to `width` values."""
        return [(row + [None] * width)[:width] for row in self.rows.get(kind, [])]

    def apply_to_project(self, project: Project) -> None:
        """Client and author, and the channel catalogue (when the workbook lists one)."""
        for client, author in self.of("project_info", 2)[:1]:
            project.client, project.author = _text(client), _text(author)
        channels = [Channel(key=_text(key), name=_text(name), icon=_text(icon) or "other",
                            color=_text(colour), id=_text(channel_id))
                    for channel_id, key, name, icon, colour in self.of("channel", 5)
                    if is_id(channel_id) and _text(key) and _COLOUR.match(_text(colour))]
        ids = [c.id for c in channels]
        if channels and len(set(ids)) == len(ids):
            project.channels = channels

    def apply_to_map(self, journey: JourneyMap, map_id: str) -> None:
        """The map's own fields, its stages' and lanes' ids, colours, widths and heights."""
        for row in self.of("map_info", 7):
            if _text(row[0]) != map_id:
                continue
            description, state, persona, derived, low, high = row[1:7]
            journey.description = _text(description)
            if _text(state) in {s.value for s in MapState}:
                journey.state = MapState(_text(state))
            journey.persona_id = _text(persona) if is_id(persona) else None
            journey.derived_from_id = _text(derived) if is_id(derived) else None
            if (isinstance(low, int) and isinstance(high, int)
                    and SCORE_MIN <= low < high <= SCORE_MAX):
                journey.emotion_min, journey.emotion_max = low, high
        stages = _by_title([r for r in self.of("stage", 6) if _text(r[0]) == map_id])
        for stage in journey.stages:
            found = _take(stages, stage.title)
            if found is None:
                continue
            _, stage_id, title, colour, width, description = found
            stage.title = _text(title)  # exactly as typed: the grid's header is stripped
            if is_id(stage_id):
                stage.id = _text(stage_id)
            if _COLOUR.match(_text(colour)):
                stage.color = _text(colour)
            if _extent(width) is not None:
                stage.width = float(width)  # type: ignore[arg-type]
            stage.description = _text(description)
        lanes = _by_title([r for r in self.of("lane", 5) if _text(r[0]) == map_id])
        for lane in journey.lanes:
            found = _take(lanes, lane.title)
            if found is None:
                continue
            _, lane_id, title, height, collapsed = found
            lane.title = _text(title)
            if is_id(lane_id):
                lane.id = _text(lane_id)
            if _extent(height) is not None:
                lane.height = float(height)  # type: ignore[arg-type]
            lane.collapsed = collapsed in (1, True)

    def card_colours(self) -> dict[str, str]:
        """Card id → its own colour."""
        return {_text(card_id): _text(colour) for card_id, colour in self.of("card_color", 2)
                if _COLOUR.match(_text(colour))}


def _text(value: Cell) -> str:
    return "" if value is None else cell_text(value)


def _extent(value: Cell) -> float | None:
    """A width or height the domain accepts (above 0, at most MAX_EXTENT), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) and 0 < value <= MAX_EXTENT else None


def _by_title(rows: list[list[Cell]]) -> dict[str, list[list[Cell]]]:
    """Rows by their folded title (column D), in order."""
    found: dict[str, list[list[Cell]]] = {}
    for row in rows:
        found.setdefault(fold(_text(row[2]).strip()), []).append(row)
    return found


def _take(rows: dict[str, list[list[Cell]]], title: str) -> list[Cell] | None:
    """The first unused row titled like `title` (the grid strips a header's spaces)."""
    queue = rows.get(fold(title.strip()))
    return queue.pop(0) if queue else None
