"""Where a connector's line runs: orthogonal routes through the gutters between cards.

Qt-free, so the canvas and the PDF draw the same line. `route` is plain geometry over
boxes: it tries a small family of routes with up to four bends through the free channels
the obstacles leave (on a map, the gutters at stage and lane boundaries) and keeps the
cheapest by (cards crossed, bends, length). `route_connector` feeds it only the cards of
the cells between the two ends, never the whole map.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from itertools import chain, pairwise, product
from typing import Literal, Protocol

from app.domain import style
from app.domain.layout import MapLayout, Rect
from app.domain.model import Card, Connector, ConnectorKind, JourneyMap, LaneKind

Point = tuple[float, float]
Side = Literal["left", "right", "top", "bottom"]

CROSSING_COST = 10_000.0  # a card crossed outweighs any detour the map allows
BEND_COST = 100.0  # a bend is worth 100 px of extra length
# Lines through one gutter would lie on one another: each connector keeps its middle runs
# (not the stubs at its cards) a few px off the channel's centre, by a slot its id picks,
# so two lines there are told apart (4 times in 5; a gutter's centre is 8 px from a card).
PARALLEL_STEP = 2.0
PARALLEL_SLOTS = 5
_NEAREST = 2  # channels tried next to each end in the longer routes


@dataclass(frozen=True)
class Box(Rect):
    """A rectangle in map coordinates (model pixels, as app.domain.layout's Rect)."""

    @property
    def cx(self) -> float:
        """The x of the centre."""
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        """The y of the centre."""
        return self.y + self.h / 2

    @classmethod
    def of(cls, rect: Rect) -> Box:
        """The box of a layout rectangle."""
        return cls(rect.x, rect.y, rect.w, rect.h)

    def moved(self, dy: float) -> Box:
        """The same box moved down by dy."""
        return Box(self.x, self.y + dy, self.w, self.h)


@dataclass(frozen=True)
class Route:
    """A connector's polyline, from the source's edge to the target's edge."""

    points: tuple[Point, ...]
    label_at: Point  # where a label is centred (the middle of the longest segment)

    def bounds(self) -> Box:
        """The smallest box holding every point (zero wide for a vertical line)."""
        xs = [p[0] for p in self.points]
        ys = [p[1] for p in self.points]
        return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))

    def moved(self, dy: float) -> Route:
        """The same route, its label's place with it, moved down by dy (its lanes went)."""
        return Route(tuple((x, y + dy) for x, y in self.points),
                     (self.label_at[0], self.label_at[1] + dy))


class CellCards(Protocol):
    """Anything that lists a cell's cards without a scan (LiveLayout, CellIndex)."""

    def cell_cards(self, stage_id: str, lane_id: str) -> Sequence[Card]:
        """The cards of one cell, top to bottom."""
        ...

    def spanning(self, stage_id: str, lane_id: str) -> bool:
        """True when the cell holds a card wider than one stage."""
        ...


class CellIndex:
    """The cards of a laid-out map by cell, built once and shared by every connector."""

    def __init__(self, layout: MapLayout) -> None:
        self._cells: dict[tuple[str, str], list[Card]] = {}
        for box in sorted(layout.cards.values(), key=lambda b: b.band.y + b.dy):
            self._cells.setdefault((box.card.stage_id, box.card.lane_id), []).append(box.card)

        self._spanning = {key for key, cards in self._cells.items()
                          if any(c.span > 1 for c in cards)}

    def cell_cards(self, stage_id: str, lane_id: str) -> Sequence[Card]:
        """The cards of one cell, top to bottom."""
        return self._cells.get((stage_id, lane_id), ())

    def spanning(self, stage_id: str, lane_id: str) -> bool:
        """True when the cell holds a card wider than one stage."""
        return (stage_id, lane_id) in self._spanning


# -- geometry -----------------------------------------------------------------------------

class _Walls:
    """The boxes a route must not run through, bucketed so a segment tests only its own."""

    SIZE = 128.0  # bucket side in model pixels: a card or two

    FEW = 48  # up to this many boxes, a segment simply tests them all

    def __init__(self, boxes: Sequence[Box]) -> None:
        inset = 0.5  # touching an edge (a port, a gutter's border) is not crossing
        self.rects = [(b.x + inset, b.y + inset, b.right - inset, b.bottom - inset)
                      for b in boxes]
        self.buckets: dict[tuple[int, int], list[int]] = {}
        self.few = len(self.rects) <= self.FEW
        if self.few:
            return
        for n, (x0, y0, x1, y1) in enumerate(self.rects):
            for gx in range(self._at(x0), self._at(x1) + 1):
                for gy in range(self._at(y0), self._at(y1) + 1):
                    self.buckets.setdefault((gx, gy), []).append(n)

    @classmethod
    def _at(cls, v: float) -> int:
        return math.floor(v / cls.SIZE)

    def crossed(self, a: Point, b: Point, limit: int) -> int:
        """How many boxes the axis-parallel segment a–b runs through (at most `limit`)."""
        seen: set[int] = set()
        count = 0
        horizontal = a[1] == b[1]
        fixed = a[1] if horizontal else a[0]
        lo, hi = (min(a[0], b[0]), max(a[0], b[0])) if horizontal else (
            min(a[1], b[1]), max(a[1], b[1]))
        g = self._at(fixed)
        everything = (range(len(self.rects)),)
        for bucket in everything if self.few else (
                self.buckets.get((step, g) if horizontal else (g, step), ())
                for step in range(self._at(lo), self._at(hi) + 1)):
            for n in bucket:
                if n in seen:
                    continue
                seen.add(n)
                x0, y0, x1, y1 = self.rects[n]
                if horizontal:
                    hit = y0 < fixed < y1 and lo < x1 and hi > x0
                else:
                    hit = x0 < fixed < x1 and lo < y1 and hi > y0
                if hit:
                    count += 1
                    if count >= limit:
                        return count
        return count


def _simplify(points: Sequence[Point]) -> tuple[Point, ...]:
    """The polyline without repeated points and without points inside straight runs."""
    out: list[Point] = []
    for p in points:
        if out and out[-1] == p:
            continue
        if len(out) >= 2:
            (x0, y0), (x1, y1) = out[-2], out[-1]
            if (x0 == x1 == p[0]) or (y0 == y1 == p[1]):
                out[-1] = p
                continue
        out.append(p)
    return tuple(out)


def _length(points: Sequence[Point]) -> float:
    return sum(abs(b[0] - a[0]) + abs(b[1] - a[1]) for a, b in pairwise(points))


LABEL_RUN = 48.0  # a horizontal run this long holds a label's pill


def label_point(points: Sequence[Point]) -> Point:
    """Where a label goes: the middle of the longest horizontal run when it is long enough
    (a gutter between lanes is as tall as the pill, one between stages far narrower than
    it), else of the longest run (the first of equals)."""
    runs = [(abs(b[0] - a[0]) + abs(b[1] - a[1]), a[1] == b[1], a, b)
            for a, b in pairwise(points)]
    if not runs:
        return points[0]
    flat = [r for r in runs if r[1] and r[0] >= LABEL_RUN]
    length, _flat, a, b = max(flat or runs, key=lambda r: r[0])
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _free_centres(spans: Sequence[tuple[float, float]], lo: float,
                  width: float) -> list[float]:
    """The centres of the stretches past `lo`, at least `width` wide, no span covers.

    A run between two stacked cards (narrower than a gutter) is no channel: a line
    squeezed there reads as part of the cards."""
    centres: list[float] = []
    reach = lo
    for a, b in sorted(spans):
        if a - reach >= width and reach > lo:  # before the first span: an outer channel
            centres.append((reach + a) / 2)
        reach = max(reach, b)
    return centres


def arrow_head(points: Sequence[Point], size: float) -> tuple[Point, Point, Point]:
    """The arrowhead at the end of a polyline: (left wing, tip, right wing)."""
    tip = points[-1]
    prev = next((p for p in reversed(points[:-1]) if p != tip), (tip[0] - 1.0, tip[1]))
    dx, dy = tip[0] - prev[0], tip[1] - prev[1]
    norm = math.hypot(dx, dy) or 1.0
    ux, uy = dx / norm, dy / norm
    bx, by = tip[0] - ux * size, tip[1] - uy * size
    half = size * 0.5
    return (bx - uy * half, by + ux * half), tip, (bx + uy * half, by - ux * half)


# -- candidate routes ---------------------------------------------------------------------

_OUT: dict[Side, tuple[float, float]] = {
    "left": (-1.0, 0.0), "right": (1.0, 0.0), "top": (0.0, -1.0), "bottom": (0.0, 1.0)}


def _port(box: Box, side: Side) -> Point:
    if side == "left":
        return (box.x, box.cy)
    if side == "right":
        return (box.right, box.cy)
    if side == "top":
        return (box.cx, box.y)
    return (box.cx, box.bottom)


def _beyond(box: Box, side: Side, value: float, stub: float) -> bool:
    """True when a channel at `value` lies at least `stub` out of `box` on `side`."""
    if side == "left":
        return value <= box.x - stub
    if side == "right":
        return value >= box.right + stub
    if side == "top":
        return value <= box.y - stub
    return value >= box.bottom + stub


def _nearest(box: Box, side: Side, channels: Sequence[float], stub: float) -> list[float]:
    """The channels just out of `box` on `side`, nearest first."""
    ok = [c for c in channels if _beyond(box, side, c, stub)]
    edge = {"left": box.x, "right": box.right, "top": box.y, "bottom": box.bottom}[side]
    return sorted(ok, key=lambda c: abs(c - edge))[:_NEAREST]


def _straight(source: Box, target: Box, s_side: Side, t_side: Side,
              stub: float) -> Iterator[tuple[Point, ...]]:
    """A single segment where the boxes face each other across a shared band."""
    margin = min(stub, style.CARD_RADIUS)
    if s_side in ("left", "right"):
        lo, hi = max(source.y, target.y) + margin, min(source.bottom, target.bottom) - margin
        if lo > hi or _OUT[s_side][0] != -_OUT[t_side][0]:
            return
        ok = _beyond(source, s_side, target.x if s_side == "right" else target.right, stub)
        y = min(max(source.cy, lo), hi)
        if ok:
            yield ((source.right if s_side == "right" else source.x, y),
                   (target.x if s_side == "right" else target.right, y))
    else:
        lo, hi = max(source.x, target.x) + margin, min(source.right, target.right) - margin
        if lo > hi or _OUT[s_side][1] != -_OUT[t_side][1]:
            return
        ok = _beyond(source, s_side, target.y if s_side == "bottom" else target.bottom, stub)
        x = min(max(source.cx, lo), hi)
        if ok:
            yield ((x, source.bottom if s_side == "bottom" else source.y),
                   (x, target.y if s_side == "bottom" else target.bottom))


def _bent(source: Box, target: Box, s_side: Side, t_side: Side, xs: Sequence[float],
          ys: Sequence[float], stub: float, long: bool) -> Iterator[tuple[Point, ...]]:
    """Routes between the two ports through the channels: with one or two bends, or
    (`long`) with three or four."""
    sp, tp = _port(source, s_side), _port(target, t_side)
    s_h, t_h = s_side in ("left", "right"), t_side in ("left", "right")
    if long:
        near_s = _nearest(source, s_side, xs if s_h else ys, stub)
        near_t = _nearest(target, t_side, xs if t_h else ys, stub)
    if s_h and t_h:  # H V H, or H V H V H
        if long:
            for x1, y, x2 in product(near_s, ys, near_t):
                yield (sp, (x1, sp[1]), (x1, y), (x2, y), (x2, tp[1]), tp)
        else:
            for x in xs:
                if _beyond(source, s_side, x, stub) and _beyond(target, t_side, x, stub):
                    yield (sp, (x, sp[1]), (x, tp[1]), tp)
    elif not s_h and not t_h:  # V H V, or V H V H V
        if long:
            for y1, x, y2 in product(near_s, xs, near_t):
                yield (sp, (sp[0], y1), (x, y1), (x, y2), (tp[0], y2), tp)
        else:
            for y in ys:
                if _beyond(source, s_side, y, stub) and _beyond(target, t_side, y, stub):
                    yield (sp, (sp[0], y), (tp[0], y), tp)
    elif s_h:  # H V (an L), or H V H V
        if long:
            for x, y in product(near_s, ys):
                if _beyond(target, t_side, y, stub):
                    yield (sp, (x, sp[1]), (x, y), (tp[0], y), tp)
        elif _beyond(source, s_side, tp[0], stub) and _beyond(target, t_side, sp[1], stub):
            yield (sp, (tp[0], sp[1]), tp)
    elif long:  # V H V H
        for y, x in product(near_s, xs):
            if _beyond(target, t_side, x, stub):
                yield (sp, (sp[0], y), (x, y), (x, tp[1]), tp)
    elif _beyond(source, s_side, tp[1], stub) and _beyond(target, t_side, sp[0], stub):
        yield (sp, (sp[0], tp[1]), tp)  # V H (an L)


def _channels(source: Box, target: Box, obstacles: Sequence[Box],
              lane_gap: float) -> tuple[list[float], list[float],
                                        tuple[float, float, float, float]]:
    """Free vertical (x) and horizontal (y) channels: gutters, then around everything
    (those four last: left, right, top, bottom)."""
    boxes = [source, target, *obstacles]
    left = min(b.x for b in boxes)
    right = max(b.right for b in boxes)
    top = min(b.y for b in boxes)
    bottom = max(b.bottom for b in boxes)
    xs = _free_centres([(b.x, b.right) for b in boxes], left, lane_gap)
    ys = _free_centres([(b.y, b.bottom) for b in boxes], top, lane_gap)
    # Half-way between facing edges, for when every gutter is blocked (a wide card).
    if target.x > source.right:
        xs.append((source.right + target.x) / 2)
    elif source.x > target.right:
        xs.append((target.right + source.x) / 2)
    if target.y > source.bottom:
        ys.append((source.bottom + target.y) / 2)
    elif source.y > target.bottom:
        ys.append((target.bottom + source.y) / 2)
    outer = (left - lane_gap, right + lane_gap, top - lane_gap, bottom + lane_gap)
    xs += outer[:2]
    ys += outer[2:]
    return sorted(set(xs)), sorted(set(ys)), outer


_SIDES: tuple[Side, ...] = ("right", "left", "bottom", "top")


def _may_face(source: Box, target: Box, s_side: Side, t_side: Side) -> bool:
    """False for a side turned away from the other box where the two lie apart on that
    axis (a route from there only doubles back): fewer routes to try."""
    if target.x >= source.right:  # the target lies to the right
        return s_side != "left" and t_side != "right"
    if target.right <= source.x:
        return s_side != "right" and t_side != "left"
    if target.y >= source.bottom:
        return s_side != "top" and t_side != "bottom"
    if target.bottom <= source.y:
        return s_side != "bottom" and t_side != "top"
    return True


def parallel_offset(connector_id: str) -> float:
    """How far this connector's middle runs lie off their channel's centre (stable
    across runs and machines, so the print and the screen agree)."""
    slot = zlib.crc32(connector_id.encode()) % PARALLEL_SLOTS - PARALLEL_SLOTS // 2
    return slot * PARALLEL_STEP


def _offset(points: tuple[Point, ...], d: float,
            outer: tuple[float, float, float, float]) -> tuple[Point, ...]:
    """The route with its middle runs moved sideways by d; the stubs at either end stay
    on their ports and only grow or shrink (consecutive runs are perpendicular).

    A run in one of the `outer` channels (left, right, top, bottom: one gap around every
    box) moves only inwards, by (d + the widest offset) / 2: past it lies what the route
    never looked at, such as a stage header over the first lane."""
    if len(points) < 4:
        return points
    left, right, top, bottom = outer
    inward = (d + PARALLEL_STEP * (PARALLEL_SLOTS // 2)) / 2
    moved = list(points)
    for i in range(1, len(points) - 2):
        (x0, y0), (x1, y1) = points[i], points[i + 1]
        if x0 == x1:  # vertical: both ends move along x
            dx = inward if x0 == left else -inward if x0 == right else d
            moved[i], moved[i + 1] = (x0 + dx, moved[i][1]), (x1 + dx, moved[i + 1][1])
        else:
            dy = inward if y0 == top else -inward if y0 == bottom else d
            moved[i], moved[i + 1] = (moved[i][0], y0 + dy), (moved[i + 1][0], y1 + dy)
    return tuple(moved)


def route(source: Box, target: Box, obstacles: Sequence[Box], *, kind: ConnectorKind,
          lane_gap: float = style.CELL_PADDING, offset: float = 0.0) -> Route:
    """The orthogonal route from `source` to `target` around `obstacles`.

    `lane_gap` is the clearance kept when a route goes around every box, and twice the
    shortest stub out of a box; `offset` moves the middle runs sideways (keep it under
    half of `lane_gap`: `parallel_offset`). A loop-back always leaves and enters through the top or
    the bottom, so it reads as a loop even with nothing in the way.
    """
    stub = lane_gap / 2
    xs, ys, outer = _channels(source, target, obstacles, lane_gap)
    sides = _SIDES[2:] if kind == ConnectorKind.LOOP_BACK else _SIDES
    pairs = [(s, t) for s, t in product(sides, sides) if _may_face(source, target, s, t)]
    walls = _Walls((source, target, *obstacles))
    best_cost, best = math.inf, (_port(source, "right"), _port(target, "left"))
    # Short routes first: a free one with two bends beats every longer route (three bends
    # and at least the gap between the boxes), which then are not even made.
    gap = (max(0.0, target.x - source.right, source.x - target.right)
           + max(0.0, target.y - source.bottom, source.y - target.bottom))
    for long in (False, True):
        if long and best_cost <= 3 * BEND_COST + gap:
            break
        candidates: list[tuple[float, int, tuple[Point, ...]]] = []
        for s_side, t_side in pairs:
            raws = _bent(source, target, s_side, t_side, xs, ys, stub, long)
            if not long:
                raws = chain(_straight(source, target, s_side, t_side, stub), raws)
            for raw in raws:
                points = _simplify(raw)
                if len(points) >= 2:
                    base = (len(points) - 2) * BEND_COST + _length(points)
                    candidates.append((base, len(candidates), points))
        candidates.sort()
        for base, _order, points in candidates:
            if base >= best_cost:
                break  # sorted by base cost: nothing later can be cheaper
            cost = base
            for a, b in pairwise(points):
                room = (best_cost - cost) / CROSSING_COST  # crossings it can still afford
                limit = len(walls.rects) + 1 if math.isinf(room) else max(1, math.ceil(room))
                cost += walls.crossed(a, b, limit) * CROSSING_COST
                if cost >= best_cost:
                    break
            if cost < best_cost:
                best_cost, best = cost, points
    best = _offset(best, offset, outer)
    return Route(best, label_point(best))


# -- connectors of a laid-out map ---------------------------------------------------------

def route_connector(layout: MapLayout, journey: JourneyMap, connector: Connector,
                    cells: CellCards | None = None, *,
                    moved: Mapping[str, Box] | None = None,
                    around: bool = True) -> Route | None:
    """The route of one connector; None when an end is not laid out (a folded lane).

    Only the cards of the cells between the two ends (and one lane beyond, for routes
    that go around) are obstacles. Pass `cells` (a LiveLayout, or one CellIndex for all
    of a map's connectors): without it the map's cards are indexed for this call.
    `moved` holds the boxes of cards being dragged: they are where the pointer put them,
    and no obstacle where they were. `around=False` routes past nothing: the quick line
    that follows a drag at the frame rate.
    """
    moved = moved or {}
    source_box = layout.cards.get(connector.source_id)
    if source_box is None:
        return None
    ends = _end(layout, connector.target_id, moved)
    if ends is None:
        return None
    target, t_stage, t_lane = ends
    start = _end(layout, connector.source_id, moved)
    assert start is not None  # its card is laid out
    source, s_stage, s_lane = start
    index = {s.id: i for i, s in enumerate(journey.stages)}
    lane_index = {ln.id: i for i, ln in enumerate(journey.lanes)}
    if s_stage not in index or t_stage not in index or s_lane not in lane_index:
        return None
    if not around:
        return route(source, target, [], kind=connector.kind,
                     offset=parallel_offset(connector.id))
    first, last = sorted((index[s_stage], index[t_stage]))
    s_row = lane_index[s_lane]
    t_row = lane_index[t_lane] if t_lane in lane_index else 0
    top, bottom = min(s_row, t_row), max(s_row, t_row)
    grid = cells if cells is not None else CellIndex(layout)
    skip = {connector.source_id, connector.target_id, *moved}
    # The cells whose run of cards an end (or a dragged card) breaks.
    broken = {(b.card.stage_id, b.card.lane_id) for i in skip
              if (b := layout.cards.get(i)) is not None}
    obstacles: list[Box] = []
    if t_lane is None:
        # A line up to a stage header must not run through the others; their insets
        # keep the gutters at the stage boundaries open.
        pad = style.CELL_PADDING
        for stage in journey.stages[first:last + 1]:
            if stage.id != connector.target_id:
                r = layout.stage_rects[stage.id]
                obstacles.append(Box(r.x + pad, r.y, r.w - 2 * pad, r.h))
    for lane in journey.lanes[max(0, top - 1):bottom + 2]:
        if lane.collapsed or lane.kind == LaneKind.EMOTIONS:
            continue
        for stage in journey.stages[first:last + 1]:
            cards = grid.cell_cards(stage.id, lane.id)
            if not cards:
                continue
            if grid.spanning(stage.id, lane.id):
                obstacles += [Box.of(b.rect) for c in cards if c.id not in skip
                              and (b := layout.cards.get(c.id)) is not None]
            else:
                obstacles += _stacks(layout, cards, skip if (stage.id, lane.id) in broken
                                     else frozenset())
    return route(source, target, obstacles, kind=connector.kind,
                 offset=parallel_offset(connector.id))


def _stacks(layout: MapLayout, cards: Sequence[Card], skip: Set[str]) -> list[Box]:
    """A cell's cards (top to bottom, none wider than its stage) as few boxes: each run
    stacked in the column is one.

    The gaps inside a run are narrower than a channel, so no route could use them; a
    cell of a hundred cards then costs the router one box, not a hundred, and a run is
    known from its first and last card. The ends of the connector (and dragged cards)
    break a run: they are no obstacle.
    """
    placed = layout.cards
    boxes: list[Box] = []

    def run(first_id: str, last_id: str) -> None:
        first, last = placed.get(first_id), placed.get(last_id)
        if first is not None and last is not None:
            top = first.band.y + first.dy
            boxes.append(Box(first.x, top, first.w, last.band.y + last.dy + last.h - top))

    if not skip:
        run(cards[0].id, cards[-1].id)
        return boxes
    start = 0
    for i, card in enumerate(cards):
        if card.id in skip:
            if i > start:
                run(cards[start].id, cards[i - 1].id)
            start = i + 1
    if start < len(cards):
        run(cards[start].id, cards[-1].id)
    return boxes


def _end(layout: MapLayout, entity_id: str, moved: Mapping[str, Box]
         ) -> tuple[Box, str, str | None] | None:
    """The box of a connector's end and the (stage id, lane id) it lies in."""
    box = moved.get(entity_id)
    if box is not None:  # a dragged card: in the cell under its centre
        stage_id = layout.stage_at(box.cx)
        lane_id = layout.lane_at(box.cy)
        card_box = layout.cards.get(entity_id)
        if card_box is not None:
            stage_id = stage_id or card_box.card.stage_id
            lane_id = lane_id or card_box.card.lane_id
        if stage_id is None:
            return None
        return box, stage_id, lane_id
    card_box = layout.cards.get(entity_id)
    if card_box is not None:
        return Box.of(card_box.rect), card_box.card.stage_id, card_box.card.lane_id
    rect = layout.stage_rects.get(entity_id)
    if rect is not None:
        return Box.of(rect), entity_id, None
    return None
