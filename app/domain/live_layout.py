"""A map's layout kept current as cards change: only the cells that changed are laid out.

`compute_layout` builds a fresh LiveLayout for the whole map, so the canvas (which keeps
one alive and feeds it the cards each change names) and the PDF (which lays out once)
run the very same arithmetic. Text is wrapped again only when a card's text, lane kind or
width changed; a lane whose height changed moves the lanes below it by moving their
bands, not their cards.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from app.domain import style
from app.domain.layout import (
    CardBox,
    CardShape,
    LaneBand,
    MapLayout,
    Rect,
    TextWrapper,
    card_shape,
    place_markers,
)
from app.domain.model import Card, JourneyMap, Lane, LaneKind

CellKey = tuple[str, str]  # (stage id, lane id)
ShapeKey = tuple[str, str, LaneKind, float]


@dataclass
class LayoutDelta:
    """What one update changed, so a renderer touches only that."""

    cards: set[str] = field(default_factory=set)  # boxes placed, resized or re-wrapped
    removed: set[str] = field(default_factory=set)  # cards no longer laid out
    rewrapped: set[str] = field(default_factory=set)  # cards whose text was wrapped again
    lanes: set[str] = field(default_factory=set)  # lanes whose rectangle changed
    cells: set[CellKey] = field(default_factory=set)  # cells whose cards were stacked again
    counts: bool = False  # how many cards a stage or lane holds may have changed
    size: bool = False  # the map's width or height changed
    markers: bool = False  # marker points were placed again
    full: bool = False  # everything was laid out again


class LiveLayout:
    """The layout of one map, updated in place from the cards a change names."""

    def __init__(self, wrapper: TextWrapper) -> None:
        self.wrapper = wrapper
        self.layout = MapLayout(width=0.0, height=0.0)
        self.bands: dict[str, LaneBand] = {}
        self._shapes: dict[str, tuple[ShapeKey, CardShape]] = {}
        self._cells: dict[CellKey, list[Card]] = {}
        self._where: dict[str, CellKey] = {}
        self._bottoms: dict[CellKey, float] = {}  # a column's next free height in its lane
        self._spanning: set[CellKey] = set()  # cells holding a card wider than one stage
        self._span_lanes: set[str] = set()  # lanes last stacked as a whole for their spans
        self._objects: dict[str, Card] = {}  # card id → the object the cells hold
        self._used: dict[str, float] = {}  # lane id → height its cards need
        self._stage_index: dict[str, int] = {}
        self._named: set[str] = set()  # the cards the update being made was given
        # Cells whose run of cards that update may have changed (a card came, went or
        # took another order), and the order each card was last laid out with.
        self._shuffled: set[CellKey] = set()
        self._orders: dict[str, int] = {}
        self._delta = LayoutDelta()
        # A view's own choice, not the model's: lanes a filter hides take no height, so
        # the lanes below close up (the map itself keeps them).
        self.hidden_lanes: frozenset[str] = frozenset()

    # -- the whole map -------------------------------------------------------------------

    def rebuild(self, journey: JourneyMap) -> MapLayout:
        """Lay out the whole map (wrapping only cards whose text or width changed)."""
        delta = self._delta = LayoutDelta(full=True, counts=True, size=True, markers=True)
        stage_rects: dict[str, Rect] = {}
        x = style.LANE_HEADER_WIDTH
        self._stage_index = {}
        for i, stage in enumerate(journey.stages):
            stage_rects[stage.id] = Rect(x, 0.0, stage.width, style.STAGE_HEADER_HEIGHT)
            self._stage_index[stage.id] = i
            x += stage.width
        total_w = max(x, style.LANE_HEADER_WIDTH + 200.0)
        self.layout = MapLayout(width=total_w, height=0.0, stage_rects=stage_rects)
        self._cells = {key: list(cards) for key, cards in journey.cells().items()}
        self._where = {c.id: key for key, cards in self._cells.items() for c in cards}
        self._objects = {c.id: c for c in journey.cards}
        self._orders = {c.id: c.order for c in journey.cards}
        self._span_lanes = set()
        self._spanning = {key for key, cards in self._cells.items()
                          if any(c.span > 1 for c in cards)}
        self._bottoms, self._used, self.bands = {}, {}, {}
        live = set(self._where)
        self._shapes = {k: v for k, v in self._shapes.items() if k in live}
        for lane in journey.lanes:
            self.bands[lane.id] = LaneBand()
            if not lane.collapsed and lane.kind != LaneKind.EMOTIONS:
                self._stack_lane(journey, lane, None)
        self._place_lanes(journey)
        delta.cards = set(self.layout.cards)
        return self.layout

    # -- a change of cards ---------------------------------------------------------------

    def update_cards(self, journey: JourneyMap, changed: Iterable[Card],
                     removed: Iterable[Card]) -> LayoutDelta:
        """Follow cards added, changed or removed (stages and lanes as they were)."""
        delta = self._delta = LayoutDelta()
        dirty: set[CellKey] = set()
        shuffled = self._shuffled = set()
        orders = self._orders
        cards = self.layout.cards
        for card in removed:
            key = self._where.pop(card.id, None)
            self._objects.pop(card.id, None)
            orders.pop(card.id, None)
            if key is not None:
                self._take_out(key, card.id)
                dirty.add(key)
                shuffled.add(key)
            self._shapes.pop(card.id, None)
            if cards.pop(card.id, None) is not None:
                delta.removed.add(card.id)
        for card in changed:
            new = (card.stage_id, card.lane_id)
            old = self._where.get(card.id)
            if old != new or orders.get(card.id) != card.order:
                shuffled.add(new)
                orders[card.id] = card.order
            if old != new:
                if old is not None:
                    self._take_out(old, card.id)
                    dirty.add(old)
                    shuffled.add(old)
                self._cells.setdefault(new, []).append(card)
                self._where[card.id] = new
            elif self._objects.get(card.id) is not card:
                # Another object with the same id (a restored card) takes its place.
                cell = self._cells[new]
                for i, c in enumerate(cell):
                    if c.id == card.id:
                        cell[i] = card
                        break
            self._objects[card.id] = card
            dirty.add(new)
        if not dirty:
            return delta
        self._named = {card.id for card in changed}
        delta.counts = True
        lanes: dict[str, set[CellKey]] = {}
        for key in dirty:
            self._sort_cell(journey, key)
            lanes.setdefault(key[1], set()).add(key)
        for lane_id, keys in lanes.items():
            lane = journey.lane(lane_id)
            if lane is None:
                continue
            if lane.collapsed or lane.kind == LaneKind.EMOTIONS:
                for key in keys:  # cards of a folded lane are not drawn
                    for card in self._cells.get(key, ()):
                        if cards.pop(card.id, None) is not None:
                            delta.removed.add(card.id)
                continue
            self._stack_lane(journey, lane, keys)
        self._place_lanes(journey)
        return delta

    def update_markers(self, journey: JourneyMap) -> LayoutDelta:
        """Place the emotion markers again (after one was added, moved or removed)."""
        delta = self._delta = LayoutDelta(markers=True, counts=True)
        self._place_all_markers(journey)
        return delta

    def counts(self, journey: JourneyMap) -> tuple[dict[str, int], dict[str, int]]:
        """How many laid-out cards each stage and each lane holds."""
        shown = {ln.id for ln in journey.lanes
                 if not ln.collapsed and ln.kind != LaneKind.EMOTIONS}
        stages: dict[str, int] = {}
        lanes: dict[str, int] = {}
        for (stage_id, lane_id), cards in self._cells.items():
            if lane_id in shown:
                stages[stage_id] = stages.get(stage_id, 0) + len(cards)
                lanes[lane_id] = lanes.get(lane_id, 0) + len(cards)
        return stages, lanes

    def cell_cards(self, stage_id: str, lane_id: str) -> tuple[Card, ...]:
        """A cell's cards in display order (as `JourneyMap.cell_cards`), without a scan."""
        return tuple(self._cells.get((stage_id, lane_id), ()))

    def spanning(self, stage_id: str, lane_id: str) -> bool:
        """True when the cell holds a card wider than one stage."""
        return (stage_id, lane_id) in self._spanning

    @property
    def last_delta(self) -> LayoutDelta:
        """What the latest rebuild or update changed."""
        return self._delta

    # -- the arithmetic ------------------------------------------------------------------

    def _take_out(self, key: CellKey, card_id: str) -> None:
        cell = self._cells.get(key, [])
        for i, c in enumerate(cell):
            if c.id == card_id:
                del cell[i]
                break
        if not cell:
            self._cells.pop(key, None)

    def _sort_cell(self, journey: JourneyMap, key: CellKey) -> None:
        cell = self._cells.get(key)
        if not cell:
            self._spanning.discard(key)
            return
        cell.sort(key=lambda c: c.order)
        if any(a.order == b.order for a, b in zip(cell, cell[1:], strict=False)):
            # Ties keep the map's list order, as JourneyMap.cells() does.
            cell[:] = journey.cell_cards(*key)
        if any(c.span > 1 for c in cell):
            self._spanning.add(key)
        else:
            self._spanning.discard(key)

    def _shape(self, card: Card, kind: LaneKind, width: float) -> CardShape:
        key = (card.title, card.body, kind, width)
        found = self._shapes.get(card.id)
        if found is not None and found[0] == key:
            return found[1]
        shape = card_shape(card.title, card.body, kind, width, self.wrapper)
        self._shapes[card.id] = (key, shape)
        self._delta.rewrapped.add(card.id)
        return shape

    def _put(self, card: Card, kind: LaneKind, band: LaneBand, x: float, dy: float,
             width: float) -> CardBox:
        title, body, truncated, header, height = self._shape(card, kind, width)
        box = self.layout.cards.get(card.id)
        if box is None:
            box = CardBox(card, Rect(x, dy, width, height), title, body, truncated, header)
            box.band = band
            box.dy = dy
            self.layout.cards[card.id] = box
            self._delta.cards.add(card.id)
            return box
        if (box.x != x or box.dy != dy or box.w != width or box.h != height
                or box.band is not band or box.title_lines is not title
                or box.body_lines is not body or box.card is not card):
            box.card, box.band, box.x, box.dy, box.w, box.h = card, band, x, dy, width, height
            box.title_lines, box.body_lines = title, body
            box.truncated, box.header_height = truncated, header
            self._delta.cards.add(card.id)
        return box

    def _stack_lane(self, journey: JourneyMap, lane: Lane, keys: set[CellKey] | None) -> None:
        """Stack the lane's cards (only the cells in `keys` when no card spans stages)."""
        stages = journey.stages
        band = self.bands[lane.id]
        rects = self.layout.stage_rects
        pad, gap = style.CELL_PADDING, style.CARD_GAP
        spans = any((s.id, lane.id) in self._spanning for s in stages)
        # A lane that held a wide card last time is stacked whole once more: the columns
        # it covered were pushed down together.
        whole = spans or keys is None or lane.id in self._span_lanes
        if spans:
            self._span_lanes.add(lane.id)
        else:
            self._span_lanes.discard(lane.id)
        if whole:
            offsets = [pad] * len(stages)
            n = len(stages)
            for i, stage in enumerate(stages):
                for card in self._cells.get((stage.id, lane.id), ()):
                    last = min(n, i + max(1, card.span))
                    covered = range(i, last)
                    width = sum(stages[j].width for j in covered) - 2 * pad
                    cy = max(offsets[j] for j in covered)
                    box = self._put(card, lane.kind, band, rects[stage.id].x + pad, cy, width)
                    for j in covered:
                        offsets[j] = cy + box.h + gap
            for stage, offset in zip(stages, offsets, strict=True):
                self._bottoms[(stage.id, lane.id)] = offset
            self._delta.cells.update((stage.id, lane.id) for stage in stages)
        else:
            assert keys is not None  # `whole` covers keys is None
            for key in keys:
                stage = stages[self._stage_index[key[0]]]
                width = stage.width - 2 * pad
                x = rects[stage.id].x + pad
                offset = pad
                cell = self._cells.get(key, [])
                # Only where the cell holds the same cards in the same order as before may
                # the stacking start at the first card named and stop past the last.
                stop = key not in self._shuffled
                named = [i for i, card in enumerate(cell) if card.id in self._named]
                left, start = len(named), 0
                if stop and named and named[0] > 0:
                    # The cards above the first one named are where they were.
                    above = self.layout.cards.get(cell[named[0] - 1].id)
                    if above is not None and above.card is cell[named[0] - 1]:
                        start, offset = named[0], above.dy + above.h + gap
                for card in cell[start:]:
                    if stop and not left:
                        # Past the cards this update named: if the next card is where it
                        # was, so is every card below it (the same heights, stacked alike).
                        box = self.layout.cards.get(card.id)
                        if box is not None and box.dy == offset and box.card is card:
                            last = self.layout.cards[cell[-1].id]
                            offset = last.dy + last.h + gap
                            break
                    box = self._put(card, lane.kind, band, x, offset, width)
                    offset = offset + box.h + gap
                    left -= card.id in self._named
                self._bottoms[key] = offset
            self._delta.cells.update(keys)
        used = max((self._bottoms.get((s.id, lane.id), pad) for s in stages), default=pad) - gap
        self._used[lane.id] = max(used + pad, 0.0)

    def _place_lanes(self, journey: JourneyMap) -> None:
        """Stack the lanes from their heights; move the bands of lanes that moved."""
        layout, delta = self.layout, self._delta
        y = style.STAGE_HEADER_HEIGHT
        for lane in journey.lanes:
            if lane.id in self.hidden_lanes:
                h = 0.0
            elif lane.collapsed:
                h = style.COLLAPSED_LANE_HEIGHT
            elif lane.kind == LaneKind.EMOTIONS:
                h = max(lane.height, style.EMOTION_LANE_HEIGHT)
            else:
                h = max(lane.height, self._used.get(lane.id, 0.0))
            rect = Rect(0.0, y, layout.width, h)
            if layout.lane_rects.get(lane.id) != rect:
                layout.lane_rects[lane.id] = rect
                delta.lanes.add(lane.id)
            band = self.bands.get(lane.id)
            if band is None:
                band = self.bands[lane.id] = LaneBand()
            band.y = y
            y += h
        height = max(y, style.STAGE_HEADER_HEIGHT + 120.0)
        if height != layout.height:
            layout.height = height
            delta.size = True
        if delta.lanes or delta.full:
            self._place_all_markers(journey)

    def _place_all_markers(self, journey: JourneyMap) -> None:
        layout = self.layout
        layout.markers.clear()
        layout.curves.clear()
        layout.neutral_y.clear()
        for lane in journey.lanes:
            if lane.kind == LaneKind.EMOTIONS and not lane.collapsed:
                place_markers(journey, lane.id, layout)
        self._delta.markers = True
