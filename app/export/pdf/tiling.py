"""How a laid-out map is cut into pages: the scale, and each tile's share of the map.

Everything here is in model pixels except the page area (points). The lane-header column
and the stage-header row are repeated on every tile, so only the body (right of the lane
headers, below the stage headers) is divided. Cuts snap to stage edges and to gaps
between cards where possible, so a card is seldom cut; a card that is cut belongs to the
tile holding its centre, and only that tile prints its text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.domain import style
from app.domain.layout import MapLayout
from app.domain.model import JourneyMap, LaneKind

PX_TO_PT = 0.75  # CSS pixels (96 per inch) to points (72 per inch): "actual size"
MAX_SCALE = 1.25  # fitting a small map never blows its text up past this
OVERLAP_PT = 18.0  # a quarter inch of the next tile, to align and glue printed tiles


@dataclass(frozen=True)
class Tile:
    """One page of a map: its own region of the body and the wider region it shows."""

    col: int
    row: int
    label: str
    x0: float
    x1: float
    y0: float
    y1: float
    view_x1: float
    view_y1: float

    def owns(self, x: float, y: float) -> bool:
        """True when the point (a card's centre) belongs to this tile."""
        return self.x0 <= x < self.x1 and self.y0 <= y < self.y1


@dataclass(frozen=True)
class TilePlan:
    """The scale (points per model pixel) and the tiles in reading order."""

    scale: float
    cols: int
    rows: int
    tiles: tuple[Tile, ...]


def column_label(col: int) -> str:
    """0 → "A", 25 → "Z", 26 → "AA" (spreadsheet style)."""
    out = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def _x_cuts(journey: JourneyMap, layout: MapLayout) -> tuple[list[float], list[float]]:
    """Stage edges no card crosses, and the edges only spanning cards cross (second best:
    cutting one wide card beats cutting a column of cards)."""
    edges = sorted(r.right for r in layout.stage_rects.values())
    blocked = [(b.rect.x, b.rect.right) for b in layout.cards.values() if b.card.span > 1]
    clear = [e for e in edges if not any(a < e < b for a, b in blocked)]
    return clear, edges


def _least_harm(layout: MapLayout, low: float, high: float) -> float:
    """Where to cut across cards when no gap fits: the y (just above a card, or `high`)
    leaving the fewest cards whose centre is below the cut but whose top is above it
    (their owning tile would start below their first lines); the lowest such y."""
    boxes = [b.rect for b in layout.cards.values()]
    candidates = {high} | {r.y - style.CARD_GAP / 2 for r in boxes if low < r.y - 3 <= high}

    def harm(y: float) -> int:
        return sum(1 for r in boxes if r.y < y <= r.y + r.h / 2)

    return min(sorted(candidates, reverse=True), key=harm)


def _y_cuts(journey: JourneyMap, layout: MapLayout) -> list[float]:
    """Lane edges and gaps between cards where a horizontal cut cuts nothing."""
    spans = [(b.rect.y, b.rect.bottom) for b in layout.cards.values()]
    for lane in journey.lanes:
        if lane.kind == LaneKind.EMOTIONS and not lane.collapsed:
            r = layout.lane_rects[lane.id]
            spans.append((r.y + 0.5, r.bottom - 0.5))  # never cut the curve
    spans.sort()
    cuts: set[float] = set()
    merged: list[list[float]] = []
    for a, b in spans:
        if merged and a < merged[-1][1] + 0.5:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            if merged:
                cuts.add((merged[-1][1] + a) / 2)  # the middle of a gap between cards
            merged.append([a, b])
    for r in layout.lane_rects.values():
        if not any(a < r.bottom < b for a, b in merged):
            cuts.add(r.bottom)
    return sorted(cuts)


def _pack(start: float, stop: float, capacity: float, cuts: list[float],
          fallback: list[float] | None = None,
          anywhere: Callable[[float, float], float] | None = None) -> list[tuple[float, float]]:
    """Split [start, stop] into pieces no longer than `capacity`, preferring cut points,
    then fallback points, and only when neither fits cutting where `anywhere(low, high)`
    says (else at the limit)."""
    pieces = []
    capacity = max(capacity, 1.0)
    while start < stop - 0.01:
        limit = start + capacity
        if limit >= stop:
            end = stop
        else:
            end = limit
            for points in (cuts, fallback or []):
                fitting = [c for c in points if start + capacity * 0.3 < c <= limit]
                if fitting:
                    end = fitting[-1]
                    break
            else:
                if anywhere is not None:
                    end = anywhere(start + capacity * 0.3, limit)
        pieces.append((start, end))
        start = end
    return pieces or [(start, stop)]


def plan_tiles(journey: JourneyMap, layout: MapLayout, area_w: float, area_h: float,
               fit: str, n_wide: int) -> TilePlan:
    """Scale and tiles for a body area of `area_w` × `area_h` points."""
    head_w, head_h = style.LANE_HEADER_WIDTH, style.STAGE_HEADER_HEIGHT
    body_w = max(1.0, layout.width - head_w)
    body_h = max(1.0, layout.height - head_h)
    if fit == "page":
        scale = min(area_w / layout.width, area_h / layout.height, MAX_SCALE)
        tile = Tile(0, 0, "A1", head_w, layout.width + 1, head_h, layout.height + 1,
                    layout.width, layout.height)
        return TilePlan(scale, 1, 1, (tile,))
    x_cuts, y_cuts = _x_cuts(journey, layout), _y_cuts(journey, layout)
    if fit == "actual":
        scale = PX_TO_PT
        cols = _columns(scale, area_w, body_w, x_cuts)
    else:
        overlap = OVERLAP_PT * (n_wide - 1)
        scale = min(MAX_SCALE, area_w / ((body_w + overlap / PX_TO_PT) / n_wide + head_w))
        cols = _columns(scale, area_w, body_w, x_cuts)
        # Snapping to stage edges can need an extra column: shrink until N are enough.
        for _ in range(60):
            if len(cols) <= n_wide:
                break
            scale *= 0.97
            cols = _columns(scale, area_w, body_w, x_cuts)
    overlap_px = OVERLAP_PT / scale
    cap_h = area_h / scale - head_h
    rows = _pack(head_h, layout.height, cap_h - (overlap_px if cap_h < body_h else 0), y_cuts,
                 anywhere=lambda low, high: _least_harm(layout, low, high))
    tiles = []
    for r, (y0, y1) in enumerate(rows):
        for c, (x0, x1) in enumerate(cols):
            last_col, last_row = c == len(cols) - 1, r == len(rows) - 1
            tiles.append(Tile(
                c, r, f"{column_label(c)}{r + 1}", x0, x1 + (1 if last_col else 0), y0,
                y1 + (1 if last_row else 0),
                x1 if last_col else min(layout.width, x1 + overlap_px),
                y1 if last_row else min(layout.height, y1 + overlap_px)))
    return TilePlan(scale, len(cols), len(rows), tuple(tiles))


def _columns(scale: float, area_w: float, body_w: float,
             cuts: tuple[list[float], list[float]]) -> list[tuple[float, float]]:
    head_w = style.LANE_HEADER_WIDTH
    cap = area_w / scale - head_w
    if cap >= body_w:
        return [(head_w, head_w + body_w)]
    return _pack(head_w, head_w + body_w, cap - OVERLAP_PT / scale, *cuts)
