"""Keyboard navigation over the grid: which card or cell the arrow keys go to."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.model import Card, EmotionMarker, JourneyMap, LaneKind


@dataclass(frozen=True)
class Spot:
    """Where the keyboard is: a cell and, optionally, an item in it."""

    stage_id: str
    lane_id: str
    item_id: str | None = None


def _cell_items(journey: JourneyMap, stage_id: str, lane_id: str) -> list[Card | EmotionMarker]:
    lane = journey.lane(lane_id)
    if lane is not None and lane.kind == LaneKind.EMOTIONS:
        return [m for m in journey.stage_markers(stage_id) if m.lane_id == lane_id]
    return journey.cell_cards(stage_id, lane_id)


def spot_of(journey: JourneyMap, entity: Card | EmotionMarker) -> Spot:
    """The spot of a card or marker."""
    return Spot(entity.stage_id, entity.lane_id, entity.id)


def step(journey: JourneyMap, spot: Spot, dx: int, dy: int) -> Spot:
    """The spot one arrow press away: within a cell first, then to the next cell."""
    stages = [s.id for s in journey.stages]
    lanes = [ln.id for ln in journey.lanes]
    if spot.stage_id not in stages or spot.lane_id not in lanes:
        return spot
    items = _cell_items(journey, spot.stage_id, spot.lane_id)
    ids = [i.id for i in items]
    index = ids.index(spot.item_id) if spot.item_id in ids else -1
    if dy:
        target = index + dy if index >= 0 else (0 if dy > 0 else -1)
        if index >= 0 and 0 <= target < len(ids):
            return Spot(spot.stage_id, spot.lane_id, ids[target])
        lane_index = lanes.index(spot.lane_id) + dy
        if not 0 <= lane_index < len(lanes):
            return spot
        lane_id = lanes[lane_index]
        nxt = _cell_items(journey, spot.stage_id, lane_id)
        if not nxt:
            return Spot(spot.stage_id, lane_id)
        return Spot(spot.stage_id, lane_id, (nxt[0] if dy > 0 else nxt[-1]).id)
    stage_index = stages.index(spot.stage_id) + dx
    if not 0 <= stage_index < len(stages):
        return spot
    stage_id = stages[stage_index]
    nxt = _cell_items(journey, stage_id, spot.lane_id)
    if not nxt:
        return Spot(stage_id, spot.lane_id)
    return Spot(stage_id, spot.lane_id, nxt[min(max(index, 0), len(nxt) - 1)].id)
