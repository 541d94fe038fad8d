"""Reflow for print: the stage widths a map is laid out with when it is fitted to paper.

The canvas lays a map out with its own stage widths (240 px by default). Fitted to a
landscape page such a map is tall and narrow, so it shrinks until its text is too small
to read. Wider stages wrap card text onto fewer lines and the lanes get shorter, so the
PDF lays out a copy of the map whose stage widths are all multiplied by one factor
(relative widths kept, never narrower than the map's own) and keeps the factor that
prints the text largest. The canvas and the model are not touched.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from app.domain import style
from app.domain.layout import (
    WRAP_LIMIT,
    MapLayout,
    TextWrapper,
    compute_layout,
    line_height,
)
from app.domain.model import JourneyMap, LaneKind
from app.export.pdf.options import MAX_TILES_WIDE
from app.export.pdf.tiling import MAX_SCALE, OVERLAP_PT, PX_TO_PT, TilePlan, plan_tiles

# At most 2.5 × the map's widths, and no stage wider than 640 px unless it already was:
# 640 px leaves ~600 px of card text, about 90 characters of 11 px DejaVu Sans, the
# upper end of a comfortable line; past that lines get hard to follow and the map stops
# looking like the one on the canvas.
MAX_WIDEN = 2.5
MAX_STAGE_PX = 640.0
# A map that cannot print above half the legible size even with every card on one line
# per paragraph is an overview, not for reading: its widths are kept and the extra
# layouts (0.1 s each at 5,000 cards) are not spent.
OVERVIEW_POINTS = style.MIN_PRINT_POINTS / 2
# The search lays out the map again at each trial factor: at most this many card
# layouts per map (and never more than MAX_TRIALS trials).
CARD_BUDGET = 20_000
MAX_TRIALS = 12
# With width:N wider stages mean smaller text; they are worth it only to save a row of
# tiles, and then only while the text keeps 80 % of its size and stays legible.
KEEP_TEXT = 0.8
# The smallest text a map page draws (chips, captions, labels: app/export/pdf/map_page).
SMALLEST_PX = min(style.SMALL_SIZE, style.CARD_BODY_SIZE)
# Narrowing for a page that limits the width (portrait): stages keep at least 170 px
# (about 24 characters of card text a line) and 60 % of their width.
MIN_STAGE_PX = 170.0
MIN_NARROW = 0.6


@dataclass(frozen=True)
class Fitted:
    """The map as printed: the (possibly widened) copy, its layout, the factor, the plan."""

    journey: JourneyMap
    layout: MapLayout
    factor: float
    plan: TilePlan

    @property
    def smallest_points(self) -> float:
        """The size the smallest map text prints at."""
        return SMALLEST_PX * self.plan.scale


def widened(journey: JourneyMap, factor: float) -> JourneyMap:
    """A copy of `journey` with every stage `factor` times as wide (the map itself as is)."""
    if factor == 1.0:
        return journey
    return dataclasses.replace(journey, stages=[
        dataclasses.replace(s, width=round(s.width * factor, 2)) for s in journey.stages])


def widen_limit(journey: JourneyMap) -> float:
    """The largest factor allowed for this map (1.0 when its stages are wide already)."""
    widest = max((s.width for s in journey.stages), default=0.0)
    if widest <= 0:
        return 1.0
    return max(1.0, min(MAX_WIDEN, MAX_STAGE_PX / widest))


class _NoWrap(TextWrapper):
    """A wrapper that never breaks a paragraph: the layout of infinitely wide stages."""

    def wrap(self, text: str, size: float, bold: bool, width: float,
             max_lines: int | None = None) -> list[str]:
        limit = WRAP_LIMIT if max_lines is None else max(0, max_lines)
        lines = text.split("\n", limit)[:limit]
        while lines and not lines[-1]:
            lines.pop()
        return lines


def _height_bound(journey: JourneyMap) -> float:
    """A quick lower bound of the map's height at any width (one pass over the cards):
    every card at least one title line and one body line, stacked in its first cell."""
    card_h = 2 * style.CARD_INNER + line_height(style.CARD_TITLE_SIZE)
    body_h = line_height(style.CARD_BODY_SIZE)
    cells: dict[tuple[str, str], float] = {}
    for c in journey.cards:
        key = (c.stage_id, c.lane_id)
        cells[key] = cells.get(key, 0.0) + card_h + (body_h if c.body.strip() else 0.0) \
            + style.CARD_GAP
    tallest: dict[str, float] = {}
    for (_stage, lane), h in cells.items():
        tallest[lane] = max(tallest.get(lane, 0.0), h - style.CARD_GAP + 2 * style.CELL_PADDING)
    total = style.STAGE_HEADER_HEIGHT
    for lane in journey.lanes:
        if lane.collapsed:
            total += style.COLLAPSED_LANE_HEIGHT
        elif lane.kind == LaneKind.EMOTIONS:
            total += max(lane.height, style.EMOTION_LANE_HEIGHT)
        else:
            total += max(lane.height, tallest.get(lane.id, 0.0))
    return total


def _trials(journey: JourneyMap) -> int:
    return max(2, min(MAX_TRIALS, CARD_BUDGET // max(1, len(journey.cards))))


class _Search:
    """Lays out trial factors once each and remembers the best plan seen."""

    def __init__(self, journey: JourneyMap, wrapper: TextWrapper,
                 plan_for: Callable[[MapLayout], TilePlan]) -> None:
        self.journey, self.wrapper, self.plan_for = journey, wrapper, plan_for
        self.seen: dict[float, Fitted] = {}

    def at(self, factor: float, layout: MapLayout | None = None) -> Fitted:
        factor = round(factor, 4)
        found = self.seen.get(factor)
        if found is None:
            copy = widened(self.journey, factor)
            layout = layout or compute_layout(copy, self.wrapper)
            found = self.seen[factor] = Fitted(copy, layout, factor, self.plan_for(layout))
        return found


def fit_page(journey: JourneyMap, layout: MapLayout, wrapper: TextWrapper, area_w: float,
             area_h: float) -> Fitted:
    """Fit to one page: the factor whose layout prints largest (ties: the narrower)."""
    search = _Search(journey, wrapper,
                     lambda lay: plan_tiles(journey, lay, area_w, area_h, "page", 1))
    base = search.at(1.0, layout)
    limit = widen_limit(journey)
    if base.plan.scale >= MAX_SCALE - 1e-9:
        return base
    if area_w / layout.width <= area_h / layout.height:
        # Limited by its width (a portrait page): narrower stages, a taller map.
        return _narrowed(search, journey, area_w, area_h) or base
    if limit <= 1.0:
        return base
    # The best any factor could do is the height with no line wrapped at all; check a
    # cheap bound of it first so a huge overview map costs no layout.
    best = min(MAX_SCALE, area_w / layout.width)
    if min(best, area_h / _height_bound(journey)) * SMALLEST_PX < OVERVIEW_POINTS:
        return base
    ideal = min(best, area_h / compute_layout(journey, _NoWrap(wrapper.width)).height)
    if ideal * SMALLEST_PX < OVERVIEW_POINTS or ideal <= base.plan.scale * 1.005:
        return base

    def height_limited(f: Fitted) -> bool:
        return area_h / f.layout.height < area_w / f.layout.width

    # Width grows and height shrinks with the factor, so the scale (the smaller of the
    # two fits) peaks where they cross: bisect for the crossing.
    lo, hi = 1.0, limit
    trials = _trials(journey)
    if height_limited(search.at(hi)):
        lo = hi
    else:
        for _ in range(trials - 1):
            mid = (lo + hi) / 2
            if height_limited(search.at(mid)):
                lo = mid
            else:
                hi = mid
    return _best(search.seen.values())


def narrow_limit(journey: JourneyMap) -> float:
    """The smallest factor allowed: no stage narrower than MIN_STAGE_PX (1.0 when one
    is already that narrow)."""
    narrowest = min((s.width for s in journey.stages), default=0.0)
    if narrowest <= 0:
        return 1.0
    return min(1.0, max(MIN_NARROW, MIN_STAGE_PX / narrowest))


def _narrowed(search: _Search, journey: JourneyMap, area_w: float, area_h: float
              ) -> Fitted | None:
    """The factor below 1 whose layout prints largest on a page that limits the map's
    width, or None when narrowing gains nothing (the mirror of widening)."""
    low = narrow_limit(journey)
    base = search.at(1.0)
    if low >= 1.0 or base.plan.scale / low * SMALLEST_PX < OVERVIEW_POINTS:
        return None  # nothing to narrow, or an overview even at the narrowest: no layouts

    def width_limited(f: Fitted) -> bool:
        return area_w / f.layout.width <= area_h / f.layout.height

    lo, hi = low, 1.0  # width-limited at hi; find where the height takes over
    if width_limited(search.at(lo)):
        hi = lo
    else:
        for _ in range(_trials(journey) - 1):
            mid = (lo + hi) / 2
            if width_limited(search.at(mid)):
                hi = mid
            else:
                lo = mid
    best = _best(search.seen.values())
    return best if best.factor < 1.0 else None


def fit_legible(journey: JourneyMap, layout: MapLayout, wrapper: TextWrapper, area_w: float,
                area_h: float) -> Fitted:
    """The default: one page when its smallest text prints at ≥ 7 pt, else the fewest
    pages wide (each as tall as needed) that keep it there."""
    page = fit_page(journey, layout, wrapper, area_w, area_h)
    if page.smallest_points >= style.MIN_PRINT_POINTS - 1e-6:
        return page
    fitted = page
    for n_wide in range(1, MAX_TILES_WIDE + 1):
        fitted = fit_width(journey, layout, wrapper, area_w, area_h, n_wide)
        if fitted.smallest_points >= style.MIN_PRINT_POINTS - 1e-6:
            break
    return fitted


def fit_width(journey: JourneyMap, layout: MapLayout, wrapper: TextWrapper, area_w: float,
              area_h: float, n_wide: int) -> Fitted:
    """N pages wide: widen only to need fewer pages, keeping the text legible and at
    least KEEP_TEXT of its size at the map's own widths."""
    search = _Search(journey, wrapper,
                     lambda lay: plan_tiles(journey, lay, area_w, area_h, "width", n_wide))
    base = search.at(1.0, layout)
    limit = widen_limit(journey)
    legible = style.MIN_PRINT_POINTS / SMALLEST_PX
    if limit <= 1.0 or len(base.plan.tiles) <= n_wide or base.plan.scale < legible:
        return base
    floor_scale = max(legible, KEEP_TEXT * base.plan.scale)
    # plan_tiles' scale for N pages wide before it snaps cuts to stage edges (snapping
    # only shrinks it), solved for floor_scale: no factor above this can keep the text.
    head_w = style.LANE_HEADER_WIDTH
    body_w = max(1.0, layout.width - head_w)
    overlap = OVERLAP_PT * (n_wide - 1) / PX_TO_PT
    hi = min(limit, ((area_w / floor_scale - head_w) * n_wide - overlap) / body_w)
    if hi <= 1.0:
        return base

    def ok(f: Fitted) -> bool:
        return f.plan.scale >= floor_scale - 1e-9

    trials = max(1, _trials(journey) // 2)
    lo = 1.0
    if not ok(search.at(hi)):  # the widest factor that keeps the text
        for _ in range(trials):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if ok(search.at(mid)) else (lo, mid)
        hi = lo
    goal = len(search.at(hi).plan.tiles)
    if hi <= 1.0 or goal >= len(base.plan.tiles):
        return base
    lo = 1.0
    for _ in range(trials):  # the narrowest factor that needs no more pages
        mid = (lo + hi) / 2
        trial = search.at(mid)
        if ok(trial) and len(trial.plan.tiles) <= goal:
            hi = mid
        else:
            lo = mid
    usable = [f for f in search.seen.values() if ok(f) or f.factor == 1.0]
    return min(usable, key=lambda f: (len(f.plan.tiles), -f.plan.scale, f.factor))


def _best(seen: Iterable[Fitted]) -> Fitted:
    return max(seen, key=lambda f: (round(f.plan.scale, 6), -f.factor))
