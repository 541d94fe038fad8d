"""Connector routes: orthogonal, from edge to edge, around the cards, cheap and repeatable."""

from __future__ import annotations

import random
from collections.abc import Sequence
from itertools import pairwise, product

from app.domain import style
from app.domain.layout import TextWrapper, compute_layout
from app.domain.live_layout import LiveLayout
from app.domain.model import (
    Card,
    Connector,
    ConnectorKind,
    JourneyMap,
    Lane,
    LaneKind,
    Stage,
)
from app.domain.routing import Box, CellIndex, Route, arrow_head, route, route_connector

FLOW, LOOP = ConnectorKind.FLOW, ConnectorKind.LOOP_BACK


def _orthogonal(points: Sequence[tuple[float, float]]) -> bool:
    return all(a[0] == b[0] or a[1] == b[1] for a, b in pairwise(points))


def _inside(p: tuple[float, float], box: Box) -> bool:
    return box.x < p[0] < box.right and box.y < p[1] < box.bottom


def _crossed(r: Route, boxes: Sequence[Box]) -> list[Box]:
    """The boxes some segment of the route runs through (sampled every pixel)."""
    hit = []
    for box in boxes:
        for (x0, y0), (x1, y1) in pairwise(r.points):
            n = int(abs(x1 - x0) + abs(y1 - y0)) + 1
            if any(_inside((x0 + (x1 - x0) * i / n, y0 + (y1 - y0) * i / n), box)
                   for i in range(n + 1)):
                hit.append(box)
                break
    return hit


def _on_edge(p: tuple[float, float], box: Box) -> str | None:
    if p[0] == box.x and box.y <= p[1] <= box.bottom:
        return "left"
    if p[0] == box.right and box.y <= p[1] <= box.bottom:
        return "right"
    if p[1] == box.y and box.x <= p[0] <= box.right:
        return "top"
    if p[1] == box.bottom and box.x <= p[0] <= box.right:
        return "bottom"
    return None


def _bends(r: Route) -> int:
    return len(r.points) - 2


def test_boxes_side_by_side_are_joined_by_one_straight_segment() -> None:
    a, b = Box(0, 0, 100, 50), Box(140, 10, 100, 50)
    r = route(a, b, [], kind=FLOW)
    assert len(r.points) == 2
    assert _on_edge(r.points[0], a) == "right" and _on_edge(r.points[-1], b) == "left"
    assert r.points[0][1] == r.points[1][1]
    assert r.label_at == ((100 + 140) / 2, r.points[0][1])


def test_a_target_below_and_right_is_reached_through_the_gutter_not_the_card_between() -> None:
    # Two columns with a 16 px gutter at x 100..116; the cards under the source and above
    # the target block both L-shaped ways.
    source, target = Box(0, 0, 100, 40), Box(116, 200, 100, 40)
    blockers = [Box(0, 46, 100, 194), Box(116, 0, 100, 194)]
    r = route(source, target, blockers, kind=FLOW)
    assert _orthogonal(r.points)
    assert _on_edge(r.points[0], source) == "right"
    assert _on_edge(r.points[-1], target) == "left"
    assert _crossed(r, blockers) == []
    assert _bends(r) == 2
    assert r.points[1][0] == 108  # the middle of the gutter


def test_a_loop_back_goes_over_or_under_the_cards_in_its_row() -> None:
    row = [Box(x, 100, 100, 60) for x in (0, 116, 232, 348)]
    source, target = row[3], row[0]
    r = route(source, target, row[1:3], kind=LOOP)
    assert _orthogonal(r.points)
    assert _crossed(r, row) == []
    assert _on_edge(r.points[0], source) in ("top", "bottom")
    assert _on_edge(r.points[-1], target) in ("top", "bottom")
    assert all(y <= 100 or y >= 160 for _x, y in r.points)
    assert _bends(r) == 2


def test_a_loop_back_with_nothing_in_the_way_still_loops() -> None:
    a, b = Box(200, 0, 100, 50), Box(0, 0, 100, 50)
    assert len(route(a, b, [], kind=FLOW).points) == 2  # a plain flow goes straight
    r = route(a, b, [], kind=LOOP)
    assert _on_edge(r.points[0], a) in ("top", "bottom")
    assert _bends(r) == 2


def test_a_card_stacked_between_two_in_one_column_is_bypassed_by_a_side_gutter() -> None:
    top, middle, bottom = Box(8, 8, 100, 40), Box(8, 54, 100, 40), Box(8, 100, 100, 40)
    r = route(top, bottom, [middle], kind=FLOW)
    assert _crossed(r, [middle]) == []
    assert _orthogonal(r.points)
    assert min(x for x, _ in r.points) < 8 or max(x for x, _ in r.points) > 108


def test_the_route_does_not_depend_on_the_order_of_the_obstacles() -> None:
    rng = random.Random(7)
    boxes = [Box(116 * (i % 6), 70 * (i // 6), 100, 50) for i in range(36)]
    source, target = boxes[32], boxes[3]
    others = [b for b in boxes if b not in (source, target)]
    first = route(source, target, others, kind=FLOW)
    for _ in range(5):
        rng.shuffle(others)
        assert route(source, target, others, kind=FLOW) == first
    assert _crossed(first, others) == []


def test_bounds_hold_every_point() -> None:
    r = Route(((10, 5), (10, 40), (60, 40)), (35, 40))
    assert r.bounds() == Box(10, 5, 50, 35)


def test_the_arrow_head_points_along_the_last_segment() -> None:
    left, tip, right = arrow_head([(0, 0), (0, 50), (40, 50)], 10)
    assert tip == (40, 50)
    assert left[0] == right[0] == 30  # 10 px back along the segment
    assert sorted((left[1], right[1])) == [45, 55]


# -- on a laid-out map --------------------------------------------------------------------

def _wrapper() -> TextWrapper:
    return TextWrapper(lambda text, size, bold: 7.0 * len(text))


def _grid_map(stages: int, lanes: int, per_cell: int) -> JourneyMap:
    m = JourneyMap("Grid", id="m")
    m.stages = [Stage("m", f"S{i}", id=f"s{i}") for i in range(stages)]
    m.lanes = [Lane("m", f"L{j}", LaneKind.ACTIONS, id=f"l{j}") for j in range(lanes)]
    m.cards = [Card("m", f"s{i}", f"l{j}", f"card {i} {j} {k}", id=f"c{i}_{j}_{k}", order=k)
               for i in range(stages) for j in range(lanes) for k in range(per_cell)]
    return m


class _CountingCells:
    """A LiveLayout that counts the cells asked for."""

    def __init__(self, live: LiveLayout) -> None:
        self.live = live
        self.asked: set[tuple[str, str]] = set()

    def cell_cards(self, stage_id: str, lane_id: str) -> Sequence[Card]:
        self.asked.add((stage_id, lane_id))
        return self.live.cell_cards(stage_id, lane_id)

    def spanning(self, stage_id: str, lane_id: str) -> bool:
        return self.live.spanning(stage_id, lane_id)


def test_a_connector_on_a_big_map_looks_only_at_the_cells_between_its_ends() -> None:
    m = _grid_map(50, 10, 10)  # 5,000 cards
    live = LiveLayout(_wrapper())
    layout = live.rebuild(m)
    cells = _CountingCells(live)
    c = Connector("m", "c20_4_0", "c22_6_3")
    r = route_connector(layout, m, c, cells)
    assert r is not None
    assert {s for s, _ in cells.asked} <= {"s20", "s21", "s22"}
    assert {ln for _, ln in cells.asked} <= {f"l{j}" for j in range(3, 8)}
    boxes = [Box.of(b.rect) for cid, b in layout.cards.items() if cid not in ("c20_4_0",
                                                                                "c22_6_3")]
    near = [b for b in boxes if 1000 < b.x < 6000]
    assert _crossed(r, near) == []
    assert _on_edge(r.points[0], Box.of(layout.cards["c20_4_0"].rect)) is not None
    assert _on_edge(r.points[-1], Box.of(layout.cards["c22_6_3"].rect)) is not None


def test_without_a_cell_index_the_route_is_the_same() -> None:
    m = _grid_map(5, 4, 3)
    live = LiveLayout(_wrapper())
    layout = live.rebuild(m)
    c = Connector("m", "c3_1_2", "c1_1_0", ConnectorKind.LOOP_BACK)
    r = route_connector(layout, m, c, live)
    assert r == route_connector(layout, m, c) == route_connector(layout, m, c, CellIndex(layout))


def test_a_link_to_a_stage_ends_under_its_header_and_crosses_no_other_header() -> None:
    m = _grid_map(5, 4, 2)
    layout = compute_layout(m, _wrapper())
    c = Connector("m", "c4_3_1", "s1", ConnectorKind.DEPENDENCY)
    r = route_connector(layout, m, c)
    assert r is not None
    header = Box.of(layout.stage_rects["s1"])
    assert _on_edge(r.points[-1], header) == "bottom"
    pad = style.CELL_PADDING
    others = [Box(b.x + pad, b.y, b.w - 2 * pad, b.h) for sid, b in layout.stage_rects.items()
              if sid != "s1"]
    cards = [Box.of(b.rect) for cid, b in layout.cards.items() if cid != "c4_3_1"]
    assert _crossed(r, others + cards) == []


def test_a_card_in_a_folded_lane_has_no_route() -> None:
    m = _grid_map(3, 3, 1)
    m.lanes[2].collapsed = True
    layout = compute_layout(m, _wrapper())
    assert route_connector(layout, m, Connector("m", "c0_2_0", "c1_0_0")) is None
    assert route_connector(layout, m, Connector("m", "c0_0_0", "c1_2_0")) is None
    assert route_connector(layout, m, Connector("m", "c0_0_0", "c1_1_0")) is not None


def test_a_stack_of_cards_is_one_obstacle_broken_at_the_connector_end(monkeypatch) -> None:
    import app.domain.routing as routing

    m = _grid_map(3, 1, 40)
    layout = compute_layout(m, _wrapper())
    seen: list[Sequence[Box]] = []
    real = routing.route

    def spy(source: Box, target: Box, obstacles: Sequence[Box], **kw: object) -> Route:
        seen.append(list(obstacles))
        return real(source, target, obstacles, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(routing, "route", spy)
    r = route_connector(layout, m, Connector("m", "c0_0_20", "c2_0_5"))
    assert r is not None
    boxes = seen[0]
    # Column 0 above and below its end, column 1 whole, column 2 above and below its end.
    assert len(boxes) == 5
    cards = [Box.of(b.rect) for cid, b in layout.cards.items() if cid not in ("c0_0_20",
                                                                                "c2_0_5")]
    assert _crossed(r, cards) == []
    # Every card but the two ends lies inside one of the boxes.
    e = 1e-6
    assert all(any(o.x <= c.x and c.right <= o.right + e and o.y <= c.y
                   and c.bottom <= o.bottom + e for o in boxes) for c in cards)


def test_a_dragged_card_is_routed_from_where_the_pointer_has_it() -> None:
    m = _grid_map(4, 3, 2)
    layout = compute_layout(m, _wrapper())
    c = Connector("m", "c0_0_0", "c3_2_1")
    home = route_connector(layout, m, c)
    where = layout.cards["c2_1_0"].rect  # dropped over another card, in another cell
    moved = Box(where.x, where.y + 10, where.w, 40)
    r = route_connector(layout, m, c, moved={"c0_0_0": moved})
    assert home is not None and r is not None and r != home
    assert _on_edge(r.points[0], moved) is not None
    # The card's old place is no obstacle any more, the others still are.
    others = [Box.of(b.rect) for cid, b in layout.cards.items()
              if cid not in ("c0_0_0", "c3_2_1", "c2_1_0")]
    assert _crossed(r, others) == []


def test_a_card_wider_than_its_stage_blocks_the_gutter_it_covers() -> None:
    m = _grid_map(4, 2, 3)
    wide = next(c for c in m.cards if c.id == "c1_0_1")
    wide.span = 2
    live = LiveLayout(_wrapper())
    layout = live.rebuild(m)
    assert live.spanning("s1", "l0")
    c = Connector("m", "c1_0_0", "c2_1_0")  # down past the wide card
    r = route_connector(layout, m, c, live)
    assert r is not None
    cards = [Box.of(b.rect) for cid, b in layout.cards.items() if cid not in ("c1_0_0",
                                                                                "c2_1_0")]
    assert _crossed(r, cards) == []
    assert r == route_connector(layout, m, c, CellIndex(layout))


def _shared_runs(a: Route, b: Route) -> list[tuple[tuple[float, float], ...]]:
    """The middle runs of `a` that lie on a middle run of `b` (same line, overlapping);
    the stubs at the cards are left out: two lines into one port share its stub."""
    out = []
    for (p, q), (r, s) in product(pairwise(a.points[1:-1]), pairwise(b.points[1:-1])):
        if p[0] == q[0] == r[0] == s[0]:  # one vertical line
            lo, hi = max(min(p[1], q[1]), min(r[1], s[1])), min(max(p[1], q[1]), max(r[1], s[1]))
        elif p[1] == q[1] == r[1] == s[1]:
            lo, hi = max(min(p[0], q[0]), min(r[0], s[0])), min(max(p[0], q[0]), max(r[0], s[0]))
        else:
            continue
        if hi > lo:
            out.append((p, q))
    return out


def test_lines_through_one_gutter_lie_apart_by_their_slots(monkeypatch) -> None:
    """Two connectors between the same cells (or through one gutter) would be drawn on
    one another: their middle runs move sideways by their ids' slots, the stubs stay on
    the cards' edges, and neither crosses a card."""
    from app.domain import routing

    m = _grid_map(5, 4, 2)
    live = LiveLayout(_wrapper())
    layout = live.rebuild(m)
    ids = [f"link{i}" for i in range(20)]
    first = ids[0]
    second = next(i for i in ids if routing.parallel_offset(i) != routing.parallel_offset(first))
    a = Connector("m", "c0_0_1", "c2_2_0", id=first)
    b = Connector("m", "c0_0_0", "c2_2_1", id=second)
    ra, rb = (route_connector(layout, m, c, live) for c in (a, b))
    assert ra is not None and rb is not None and len(ra.points) >= 4
    assert _shared_runs(ra, rb) == []
    cards = {cid: Box.of(b.rect) for cid, b in layout.cards.items()}
    for c, r in ((a, ra), (b, rb)):
        assert _orthogonal(r.points)
        assert _on_edge(r.points[0], cards[c.source_id]) is not None
        assert _on_edge(r.points[-1], cards[c.target_id]) is not None
        others = [box for cid, box in cards.items() if cid not in (c.source_id, c.target_id)]
        assert _crossed(r, others) == []
    assert max(abs(routing.parallel_offset(i)) for i in ids) < style.CELL_PADDING / 2 + 1

    monkeypatch.setattr(routing, "parallel_offset", lambda _id: 0.0)  # what they would do
    ra, rb = (route_connector(layout, m, c, live) for c in (a, b))
    assert ra is not None and rb is not None and _shared_runs(ra, rb)


def test_a_loop_over_the_first_lane_stays_under_the_stage_headers_in_every_slot() -> None:
    """The channel over the first lane's cards is the strip under the stage headers: a
    slot moves the loop's top run down into it, never up into the header row, and keeps
    it clear of the cards; the five slots still give five lines."""
    from app.domain import routing

    m = _grid_map(4, 3, 1)
    layout = compute_layout(m, _wrapper())
    lane_top = layout.lane_rects["l0"].y
    card_top = min(layout.cards[c].rect.y for c in ("c0_0_0", "c3_0_0"))
    tops = set()
    for n in range(60):
        c = Connector("m", "c3_0_0", "c0_0_0", LOOP, id=f"loop{n}")
        r = route_connector(layout, m, c)
        assert r is not None and _on_edge(r.points[0], Box.of(layout.cards["c3_0_0"].rect)) == "top"
        top = min(y for _x, y in r.points)
        assert lane_top <= top <= card_top - style.CELL_PADDING / 2, routing.parallel_offset(c.id)
        tops.add(top)
    assert len(tops) == routing.PARALLEL_SLOTS


def test_a_route_moved_down_takes_its_label_place_along_and_a_box_its_top() -> None:
    route = Route(((10.0, 20.0), (10.0, 60.0), (90.0, 60.0)), (50.0, 60.0))
    moved = route.moved(7.5)
    assert moved.points == ((10.0, 27.5), (10.0, 67.5), (90.0, 67.5))
    assert moved.label_at == (50.0, 67.5)
    assert route.moved(-20.0).points[0] == (10.0, 0.0)  # up, too
    assert Box(1.0, 2.0, 3.0, 4.0).moved(5.0) == Box(1.0, 7.0, 3.0, 4.0)
    assert moved.bounds() == route.bounds().moved(7.5)
