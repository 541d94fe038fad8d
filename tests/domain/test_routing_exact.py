"""Connector routes to the pixel: arrow heads, label points, the channels a route may use,
the candidate routes between two ports, the crossings a segment counts and the route a
connector gets. The canvas and the PDF draw these exact points, so a wrong sign or a
boundary off by one moves (or hides) a line the client sees."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import product

import pytest

from app.domain import routing, style
from app.domain.layout import MapLayout, compute_layout
from app.domain.model import Card, Connector, ConnectorKind, JourneyMap
from app.domain.routing import (
    _SIDES,
    Box,
    CellIndex,
    Route,
    _bent,
    _beyond,
    _channels,
    _end,
    _free_centres,
    _may_face,
    _offset,
    _simplify,
    _stacks,
    _straight,
    _Walls,
    arrow_head,
    label_point,
    parallel_offset,
    route,
    route_connector,
)
from tests.domain.test_routing import _grid_map, _wrapper

FLOW, LOOP = ConnectorKind.FLOW, ConnectorKind.LOOP_BACK


# -- arrow heads ---------------------------------------------------------------------------

def test_an_arrow_head_down_a_vertical_segment_has_its_wings_beside_the_line():
    # Unit direction (0, 1): the base lies 10 px back up the line, the wings 5 px either side.
    assert arrow_head([(0, 0), (30, 0), (30, 100)], 10) == ((25, 90), (30, 100), (35, 90))


def test_an_arrow_head_up_a_vertical_segment_is_the_mirror_image():
    assert arrow_head([(30, 100), (30, 40)], 8) == ((34, 48), (30, 40), (26, 48))


def test_an_arrow_head_pointing_left_has_its_base_to_the_right_of_the_tip():
    assert arrow_head([(100, 200), (40, 200)], 8) == ((48, 196), (40, 200), (48, 204))


def test_an_arrow_head_pointing_down_ignores_a_repeated_tip():
    # The last distinct point fixes the direction, not the repeated tip.
    left, tip, right = arrow_head([(0, 0), (0, 50), (0, 50)], 10)
    assert (left, tip, right) == ((-5, 40), (0, 50), (5, 40))


def test_a_single_point_gets_an_arrow_head_pointing_right():
    assert arrow_head([(20, 50)], 10) == ((10, 55), (20, 50), (10, 45))
    assert arrow_head([(20, 50), (20, 50)], 4) == ((16, 52), (20, 50), (16, 48))


# -- label points -----------------------------------------------------------------------------

def test_a_label_sits_on_the_first_of_equally_long_runs_when_none_is_flat_enough():
    # Runs of 50 (down), 40 (across, under 48) and 50 (down): the first wins.
    assert label_point([(0, 0), (0, 50), (40, 50), (40, 100)]) == (0, 25)


def test_a_label_prefers_a_flat_run_of_48_px_to_a_longer_vertical_one():
    assert label_point([(0, 0), (0, 100), (60, 100)]) == (30, 100)
    assert label_point([(0, 0), (0, 100), (48, 100)]) == (24, 100)


def test_a_flat_run_under_48_px_loses_to_a_longer_vertical_one():
    assert label_point([(0, 0), (0, 100), (47, 100)]) == (0, 50)
    assert label_point([(100, 0), (140, 0), (140, 100)]) == (140, 50)


def test_a_label_on_a_single_point_sits_on_it():
    assert label_point([(5, 6)]) == (5, 6)


# -- simplifying ------------------------------------------------------------------------------

def test_points_inside_a_straight_run_are_dropped():
    assert _simplify([(0, 0), (0, 10), (0, 20)]) == ((0, 0), (0, 20))
    assert _simplify([(0, 0), (10, 0), (10, 10), (10, 20)]) == ((0, 0), (10, 0), (10, 20))
    assert _simplify([(0, 0), (10, 0), (10, 10), (20, 10), (30, 10)]) == (
        (0, 0), (10, 0), (10, 10), (30, 10))


def test_repeated_points_are_dropped_and_a_bend_is_kept():
    assert _simplify([(0, 0), (0, 0), (10, 0), (10, 0), (10, 5)]) == ((0, 0), (10, 0), (10, 5))


def test_a_slanted_polyline_without_straight_runs_keeps_every_point():
    assert _simplify([(0, 0), (10, 5), (0, 7)]) == ((0, 0), (10, 5), (0, 7))


# -- offsets ----------------------------------------------------------------------------------

OUTER = (0.0, 100.0, 0.0, 100.0)  # left, right, top, bottom


def test_middle_runs_move_by_the_offset_and_the_stubs_stay_on_their_ports():
    assert _offset(((0, 10), (20, 10), (20, 50), (40, 50)), 2, OUTER) == (
        (0, 10), (22, 10), (22, 50), (40, 50))
    assert _offset(((10, 0), (10, 20), (50, 20), (50, 40)), -2, OUTER) == (
        (10, 0), (10, 18), (50, 18), (50, 40))


def test_runs_in_the_outer_channels_move_only_inwards_by_half_of_offset_plus_widest():
    # d = 2: inward = (2 + 2 * 2) / 2 = 3, towards the boxes on every side.
    around = ((20, 30), (0, 30), (0, 100), (100, 100), (100, 0), (50, 0), (50, 20))
    assert _offset(around, 2, OUTER) == (
        (20, 30), (3, 30), (3, 97), (97, 97), (97, 3), (50, 3), (50, 20))


def test_a_route_with_one_bend_is_not_offset():
    assert _offset(((0, 0), (10, 0), (10, 10)), 4, OUTER) == ((0, 0), (10, 0), (10, 10))


def test_parallel_offsets_are_the_slots_of_the_ids_times_two_pixels():
    offsets = {i: parallel_offset(i) for i in "abceg"}
    assert offsets == {"a": 0.0, "b": -2.0, "c": -4.0, "e": 4.0, "g": 2.0}


# -- channels ---------------------------------------------------------------------------------

BOX = Box(100, 100, 50, 50)


@pytest.mark.parametrize("side, value, expected", [
    ("left", 92, True), ("left", 93, False), ("left", 100, False),
    ("right", 158, True), ("right", 157, False), ("right", 150, False),
    ("top", 92, True), ("top", 93, False), ("top", 100, False),
    ("bottom", 158, True), ("bottom", 157, False), ("bottom", 150, False),
])
def test_a_channel_is_beyond_a_side_from_one_stub_out(side, value, expected):
    assert _beyond(BOX, side, value, 8) is expected


def test_free_centres_lie_between_spans_at_least_a_width_apart_and_never_before_the_first():
    assert _free_centres([(0, 100), (104, 200), (300, 400)], 0, 16) == [250]
    assert _free_centres([(50, 100), (200, 300)], 0, 16) == [150]
    assert _free_centres([(0, 100), (116, 200)], 0, 16) == [108]


def test_channels_are_the_gutters_the_middle_between_the_boxes_and_one_gap_around():
    source, target = Box(0, 10, 100, 50), Box(300, 200, 100, 50)
    assert _channels(source, target, [], 16) == (
        [-16, 200, 416], [-6, 130, 266], (-16, 416, -6, 266))
    assert _channels(target, source, [], 16) == (
        [-16, 200, 416], [-6, 130, 266], (-16, 416, -6, 266))


def test_touching_boxes_have_no_channel_between_them():
    a, b = Box(0, 0, 100, 50), Box(100, 50, 100, 50)
    assert _channels(a, b, [], 16) == ([-16, 216], [-16, 116], (-16, 216, -16, 116))
    assert _channels(b, a, [], 16) == ([-16, 216], [-16, 116], (-16, 216, -16, 116))


def test_a_route_with_an_obstacle_between_uses_the_gutters_beside_it():
    source, target = Box(0, 10, 100, 50), Box(300, 200, 100, 50)
    xs, ys, _outer = _channels(source, target, [Box(150, 0, 50, 300)], 16)
    assert (xs, ys) == ([-16, 125, 200, 250, 416], [-16, 130, 316])


# -- which sides may face -----------------------------------------------------------------------

def _facing(source: Box, target: Box) -> set[tuple[str, str]]:
    return {(s, t) for s, t in product(_SIDES, _SIDES) if _may_face(source, target, s, t)}


ALL_PAIRS = set(product(_SIDES, _SIDES))


def test_a_target_touching_on_the_right_is_left_by_no_left_side_and_entered_by_no_right():
    source, target = Box(0, 0, 100, 50), Box(100, 200, 100, 50)
    assert _facing(source, target) == {(s, t) for s, t in ALL_PAIRS
                                       if s != "left" and t != "right"}
    assert _facing(target, source) == {(s, t) for s, t in ALL_PAIRS
                                       if s != "right" and t != "left"}


def test_a_target_touching_below_is_left_by_no_top_side_and_entered_by_no_bottom():
    source, target = Box(0, 0, 100, 50), Box(50, 50, 100, 50)
    assert _facing(source, target) == {(s, t) for s, t in ALL_PAIRS
                                       if s != "top" and t != "bottom"}
    assert _facing(target, source) == {(s, t) for s, t in ALL_PAIRS
                                       if s != "bottom" and t != "top"}


def test_overlapping_boxes_may_face_on_every_side():
    assert _facing(Box(0, 0, 100, 50), Box(50, 20, 100, 50)) == ALL_PAIRS


# -- crossings ----------------------------------------------------------------------------------

ONE = _Walls([Box(0, 0, 100, 100)])  # tested between 0.5 and 99.5 on either axis


@pytest.mark.parametrize("a, b, expected", [
    ((-10, 50), (200, 50), 1),  # straight through
    ((-10, 99), (200, 50 + 49), 1),  # 1 px inside the bottom edge
    ((99, 50), (200, 50), 1),  # starting 1 px inside the right edge
    ((-10, 0.5), (200, 0.5), 0), ((-10, 99.5), (200, 99.5), 0),  # on the inset edges
    ((99.5, 50), (200, 50), 0), ((-10, 50), (0.5, 50), 0),  # ending on them
    ((50, -10), (50, 200), 1), ((99, -10), (99, 200), 1), ((50, 99), (50, 200), 1),
    ((0.5, -10), (0.5, 200), 0), ((99.5, -10), (99.5, 200), 0),
    ((50, 99.5), (50, 200), 0), ((50, -10), (50, 0.5), 0),
], ids=lambda v: str(v))
def test_a_segment_crosses_a_box_only_past_half_a_pixel_inside_its_edges(a, b, expected):
    assert ONE.crossed(a, b, 5) == expected


def test_crossings_are_counted_one_each_up_to_the_limit():
    walls = _Walls([Box(0, 0, 100, 100), Box(200, 0, 100, 100), Box(400, 0, 100, 100)])
    assert walls.crossed((-10, 50), (600, 50), 5) == 3
    assert walls.crossed((-10, 50), (600, 50), 2) == 2
    assert walls.crossed((-10, 50), (600, 50), 1) == 1


def _many() -> _Walls:
    """More boxes than a segment tests one by one, so they go into 128 px buckets: a wide
    one over the bucket border at x 0, a small one beside it, two in negative buckets (and
    far-off small ones to fill up). Tiny boxes keep the buckets few on any bucket size."""
    wide = Box(-10, 10, 20, 2)  # buckets x -1 and 0
    small = Box(0, 9, 2, 4)  # bucket x 0, after the wide one in it
    left = Box(-200, 10, 2, 2)  # bucket x -2
    up = Box(0, -201, 2, 2)  # bucket y -2
    filler = [Box(1000 + 10 * k, 1000, 2, 2) for k in range(46)]
    walls = _Walls([wide, small, left, up, *filler])
    assert not walls.few
    return walls


def test_bucketed_boxes_are_counted_once_each_along_a_horizontal_segment():
    walls = _many()
    assert walls.crossed((-300, 11), (300, 11), 99) == 3  # left, wide, small
    assert walls.crossed((-300, 11), (5, 11), 99) == 3  # ends in the bucket of the last two
    assert walls.crossed((-5, 11), (300, 11), 99) == 2
    assert walls.crossed((-300, 11), (300, 11), 2) == 2


def test_bucketed_boxes_are_counted_once_each_along_a_vertical_segment():
    walls = _many()
    assert walls.crossed((1, -300), (1, 300), 99) == 3  # up, small, wide
    assert walls.crossed((1, -300), (1, 11), 99) == 3
    assert walls.crossed((1, -100), (1, 300), 99) == 2
    assert walls.crossed((-150, -300), (-150, 300), 99) == 0


# -- straight candidates --------------------------------------------------------------------------

def _straights(source: Box, target: Box, s_side: str, t_side: str) -> list:
    return list(_straight(source, target, s_side, t_side, 8))  # type: ignore[arg-type]


@pytest.mark.parametrize("source, target, sides, expected", [
    # Across a shared band, at the source's centre clamped a corner radius into the band.
    (Box(0, 0, 100, 50), Box(200, 10, 100, 50), ("right", "left"), [((100, 25), (200, 25))]),
    (Box(200, 0, 100, 50), Box(0, 10, 100, 50), ("left", "right"), [((200, 25), (100, 25))]),
    (Box(0, 0, 100, 50), Box(200, 30, 100, 50), ("right", "left"), [((100, 36), (200, 36))]),
    (Box(0, 30, 100, 50), Box(200, 0, 100, 50), ("right", "left"), [((100, 44), (200, 44))]),
    (Box(0, 0, 100, 50), Box(200, 38, 100, 50), ("right", "left"), [((100, 44), (200, 44))]),
    (Box(0, 0, 100, 300), Box(200, 100, 100, 50), ("right", "left"),
     [((100, 144), (200, 144))]),
    (Box(0, 0, 100, 50), Box(104, 10, 100, 50), ("right", "left"), []),  # closer than a stub
    (Box(104, 0, 100, 50), Box(0, 10, 100, 50), ("left", "right"), []),
    (Box(0, 0, 100, 50), Box(200, 39, 100, 50), ("right", "left"), []),  # band too narrow
    (Box(0, 0, 100, 50), Box(200, 10, 100, 50), ("right", "right"), []),
    (Box(0, 0, 100, 50), Box(200, 10, 100, 50), ("right", "top"), []),
    (Box(0, 0, 100, 50), Box(10, 200, 100, 50), ("bottom", "top"), [((50, 50), (50, 200))]),
    (Box(0, 200, 100, 50), Box(10, 0, 100, 50), ("top", "bottom"), [((50, 200), (50, 50))]),
    (Box(0, 0, 100, 50), Box(80, 200, 100, 50), ("bottom", "top"), [((86, 50), (86, 200))]),
    (Box(80, 0, 100, 50), Box(0, 200, 100, 50), ("bottom", "top"), [((94, 50), (94, 200))]),
    (Box(0, 0, 100, 50), Box(88, 200, 100, 50), ("bottom", "top"), [((94, 50), (94, 200))]),
    (Box(0, 0, 100, 50), Box(89, 200, 100, 50), ("bottom", "top"), []),
    (Box(0, 0, 100, 50), Box(10, 54, 100, 50), ("bottom", "top"), []),
    (Box(0, 54, 100, 50), Box(10, 0, 100, 50), ("top", "bottom"), []),
    (Box(0, 0, 100, 50), Box(10, 200, 100, 50), ("bottom", "bottom"), []),
    (Box(0, 0, 100, 50), Box(10, 200, 100, 50), ("bottom", "left"), []),
], ids=lambda v: str(v))
def test_a_straight_candidate_joins_facing_boxes_across_their_shared_band(
        source, target, sides, expected):
    assert _straights(source, target, *sides) == expected


# -- bent candidates ------------------------------------------------------------------------------

S, T = Box(0, 0, 100, 40), Box(300, 200, 100, 40)


def _bents(source: Box, target: Box, sides: tuple[str, str], xs: list[float],
           ys: list[float], long: bool = False) -> list:
    return list(_bent(source, target, *sides, xs, ys, 8, long))  # type: ignore[arg-type]


def test_a_two_bend_route_between_side_ports_uses_only_channels_beyond_both_stubs():
    # Beyond the source's right side from x 108, before the target's left side up to x 292.
    assert _bents(S, T, ("right", "left"), [50, 104, 150, 200, 296, 350], []) == [
        ((100, 20), (150, 20), (150, 220), (300, 220)),
        ((100, 20), (200, 20), (200, 220), (300, 220))]
    # Leaving to the left and entering from the right.
    assert _bents(Box(300, 0, 100, 50), Box(0, 100, 100, 50), ("left", "right"), [200], []) == [
        ((300, 25), (200, 25), (200, 125), (100, 125))]


def test_a_two_bend_route_between_top_and_bottom_ports_uses_only_rows_beyond_both():
    ys = [20, 44, 100, 150, 196, 230]
    assert _bents(S, T, ("bottom", "top"), [], ys) == [
        ((50, 40), (50, 100), (350, 100), (350, 200)),
        ((50, 40), (50, 150), (350, 150), (350, 200))]
    up_s, up_t = Box(0, 300, 100, 40), Box(300, 0, 100, 40)
    assert _bents(up_s, up_t, ("top", "bottom"), [], [20, 44, 100, 150, 296, 330]) == [
        ((50, 300), (50, 100), (350, 100), (350, 40)),
        ((50, 300), (50, 150), (350, 150), (350, 40))]


def test_a_four_bend_route_between_bottom_ports_uses_the_two_nearest_rows_at_each_end():
    assert _bents(S, T, ("bottom", "bottom"), [200], [20, 100, 150, 260, 300], True) == [
        ((50, 40), (50, y1), (200, y1), (200, y2), (350, y2), (350, 240))
        for y1, y2 in ((100, 260), (100, 300), (150, 260), (150, 300))]


def test_a_three_bend_route_from_a_side_to_a_top_enters_from_rows_above_the_target():
    assert _bents(S, T, ("right", "top"), [50, 150, 200, 250], [100, 196, 300], True) == [
        ((100, 20), (150, 20), (150, 100), (350, 100), (350, 200)),
        ((100, 20), (200, 20), (200, 100), (350, 100), (350, 200))]


def test_a_three_bend_route_from_a_bottom_to_a_side_enters_from_columns_before_the_target():
    assert _bents(S, T, ("bottom", "left"), [200, 296, 350], [20, 100, 150, 300], True) == [
        ((50, 40), (50, 100), (200, 100), (200, 220), (300, 220)),
        ((50, 40), (50, 150), (200, 150), (200, 220), (300, 220))]


def test_an_l_from_a_side_to_a_top_needs_the_corner_beyond_both_stubs():
    assert _bents(S, T, ("right", "top"), [], []) == [((100, 20), (350, 20), (350, 200))]
    assert _bents(S, Box(300, 60, 100, 40), ("right", "top"), [], []) == [
        ((100, 20), (350, 20), (350, 60))]
    tall = Box(0, 0, 100, 400)
    assert _bents(tall, Box(300, 300, 100, 40), ("right", "top"), [], []) == [
        ((100, 200), (350, 200), (350, 300))]
    assert _bents(S, Box(0, 200, 100, 40), ("right", "top"), [], []) == []


def test_an_l_from_a_bottom_or_top_to_a_side_needs_the_corner_beyond_both_stubs():
    assert _bents(S, T, ("bottom", "left"), [], []) == [((50, 40), (50, 220), (300, 220))]
    assert _bents(Box(0, 300, 100, 40), Box(300, 100, 100, 40), ("top", "left"), [], []) == [
        ((50, 300), (50, 120), (300, 120))]
    assert _bents(Box(250, 0, 100, 40), T, ("bottom", "left"), [], []) == []


# -- routes ---------------------------------------------------------------------------------------

def _points(r: Route) -> tuple:
    return r.points, r.label_at


def test_a_straight_line_keeps_to_the_band_a_corner_radius_inside_both_boxes():
    # The band is y 167..175; the source's centre (141) is clamped to 175 - 6 = 169, then
    # the stub of 8 (half the lane gap) still lets the boxes face each other.
    r = route(Box(453, 107, 20, 68), Box(155, 167, 149, 108), [], kind=FLOW)
    assert _points(r) == (((453, 171.0), (304, 171.0)), (378.5, 171.0))


def test_an_l_below_and_beside_is_a_one_bend_route():
    r = route(Box(472, 128, 100, 40), Box(356, 188, 100, 20), [], kind=FLOW, offset=-4)
    assert _points(r) == (((522.0, 168), (522.0, 198.0), (456, 198.0)), (489.0, 198.0))


def test_a_loop_back_under_the_cards_when_that_is_the_short_way():
    r = route(Box(8, 128, 100, 40), Box(356, 188, 100, 20), [Box(124, 8, 100, 44)],
              kind=LOOP, offset=-4)
    assert _points(r) == (((58.0, 168), (58.0, 174.0), (406.0, 174.0), (406.0, 188)),
                          (232.0, 174.0))


def test_a_loop_back_to_a_card_above_leaves_by_the_top_and_enters_from_below():
    # Target above: no side turned away is tried, so the loop goes around the source.
    r = route(Box(338, 119, 84, 48), Box(240, 68, 100, 44), [], kind=LOOP, offset=-4)
    assert _points(r) == (((380.0, 119), (380.0, 60.0), (430.0, 60.0), (430.0, 175.0),
                           (290.0, 175.0), (290.0, 112)), (360.0, 175.0))


def test_of_routes_crossing_equally_many_cards_the_first_cheapest_is_kept():
    # The last obstacle covers the target, so every route crosses one card.
    obstacles = [Box(95, 164, 142, 95), Box(500, 274, 9, 141), Box(124, 248, 100, 40)]
    r = route(Box(356, 8, 100, 20), Box(124, 248, 100, 20), obstacles, kind=FLOW, offset=-4)
    assert _points(r) == (((356, 18.0), (174.0, 18.0), (174.0, 248)), (265.0, 18.0))


# -- connectors on a map --------------------------------------------------------------------------

def _column(layout: MapLayout, first: str, last: str | None = None) -> Box:
    """The box from the top of card `first` to the bottom of card `last` (or of itself)."""
    top, bottom = layout.cards[first].rect, layout.cards[last or first].rect
    return Box(top.x, top.y, top.w, bottom.bottom - top.y)


def _routed(monkeypatch, layout: MapLayout, m: JourneyMap, c: Connector,
            **kw: object) -> tuple[list[Box], dict[str, object]]:
    """The obstacles and keywords route_connector hands to route."""
    seen: list[tuple[list[Box], dict[str, object]]] = []
    real = routing.route

    def spy(source: Box, target: Box, obstacles: list[Box], **rkw: object) -> Route:
        seen.append((list(obstacles), rkw))
        return real(source, target, obstacles, **rkw)  # type: ignore[arg-type]

    monkeypatch.setattr(routing, "route", spy)
    assert route_connector(layout, m, c, **kw) is not None  # type: ignore[arg-type]
    (call,) = seen
    return call


def test_the_obstacles_are_the_stacks_of_the_cells_between_the_ends_broken_at_them(monkeypatch):
    m = _grid_map(3, 4, 2)
    m.lanes[1].collapsed = True  # skipped, and the lanes after it still count
    m.cards = [c for c in m.cards if (c.stage_id, c.lane_id) != ("s1", "l2")]  # an empty cell
    layout = compute_layout(m, _wrapper())
    c = Connector("m", "c0_0_0", "c2_2_1", ConnectorKind.LOOP_BACK, id="e")
    obstacles, kw = _routed(monkeypatch, layout, m, c)
    assert obstacles == [
        _column(layout, "c0_0_1"), _column(layout, "c1_0_0", "c1_0_1"),
        _column(layout, "c2_0_0", "c2_0_1"),
        _column(layout, "c0_2_0", "c0_2_1"), _column(layout, "c2_2_0"),
        _column(layout, "c0_3_0", "c0_3_1"), _column(layout, "c1_3_0", "c1_3_1"),
        _column(layout, "c2_3_0", "c2_3_1")]
    assert kw == {"kind": ConnectorKind.LOOP_BACK, "offset": 4.0}


def test_a_cell_with_a_card_wider_than_its_stage_gives_each_card_as_an_obstacle(monkeypatch):
    m = _grid_map(3, 1, 3)
    next(c for c in m.cards if c.id == "c1_0_1").span = 2
    layout = compute_layout(m, _wrapper())
    assert CellIndex(layout).spanning("s1", "l0")
    obstacles, _kw = _routed(monkeypatch, layout, m, Connector("m", "c0_0_1", "c2_0_1"))
    assert obstacles == [
        _column(layout, "c0_0_0"), _column(layout, "c0_0_2"),
        *(Box.of(layout.cards[i].rect) for i in ("c1_0_0", "c1_0_1", "c1_0_2")),
        _column(layout, "c2_0_0"), _column(layout, "c2_0_2")]


def test_a_link_to_a_stage_has_the_other_headers_inset_and_one_lane_below_as_obstacles(
        monkeypatch):
    m = _grid_map(4, 3, 1)
    layout = compute_layout(m, _wrapper())
    obstacles, _kw = _routed(monkeypatch, layout, m, Connector("m", "c2_0_0", "s0"))
    pad = style.CELL_PADDING
    headers = [Box(r.x + pad, r.y, r.w - 2 * pad, r.h)
               for r in (layout.stage_rects["s1"], layout.stage_rects["s2"])]
    assert obstacles == [*headers, _column(layout, "c0_0_0"), _column(layout, "c1_0_0"),
                         _column(layout, "c0_1_0"), _column(layout, "c1_1_0"),
                         _column(layout, "c2_1_0")]


def test_the_cells_asked_for_are_those_of_the_given_index():
    m = _grid_map(3, 4, 1)
    layout = compute_layout(m, _wrapper())
    index = CellIndex(layout)
    asked: set[tuple[str, str]] = set()

    class Recorder:
        def cell_cards(self, stage_id: str, lane_id: str) -> Sequence[Card]:
            asked.add((stage_id, lane_id))
            return index.cell_cards(stage_id, lane_id)

        def spanning(self, stage_id: str, lane_id: str) -> bool:
            return index.spanning(stage_id, lane_id)

    c = Connector("m", "c0_0_0", "c1_1_0")
    assert route_connector(layout, m, c, Recorder()) == route_connector(layout, m, c)
    assert asked == {(f"s{i}", f"l{j}") for i in range(2) for j in range(3)}


def test_a_quick_route_past_nothing_keeps_the_kind_and_the_slot():
    m = _grid_map(3, 1, 1)
    layout = compute_layout(m, _wrapper())
    c = Connector("m", "c2_0_0", "c0_0_0", ConnectorKind.LOOP_BACK, id="e")
    source = Box.of(layout.cards["c2_0_0"].rect)
    target = Box.of(layout.cards["c0_0_0"].rect)
    quick = route_connector(layout, m, c, around=False)
    assert quick == route(source, target, [], kind=LOOP, offset=4.0)
    assert quick is not None and len(quick.points) == 4
    assert quick != route(source, target, [], kind=FLOW, offset=4.0)


def test_an_end_in_a_stage_the_map_no_longer_has_gets_no_route():
    m = _grid_map(3, 2, 1)
    layout = compute_layout(m, _wrapper())
    m.stages = m.stages[:2]  # s2 went, the layout is older
    assert route_connector(layout, m, Connector("m", "c0_0_0", "c2_1_0")) is None
    assert route_connector(layout, m, Connector("m", "c2_1_0", "c0_0_0")) is None


def test_a_dragged_end_lies_in_the_cell_under_its_centre_or_else_its_own():
    m = _grid_map(3, 2, 1)
    layout = compute_layout(m, _wrapper())
    over = layout.cards["c2_1_0"].rect
    box = Box(over.x, over.y, 50, 20)
    assert _end(layout, "c0_0_0", {"c0_0_0": box}) == (box, "s2", "l1")
    outside = Box(-500, -500, 50, 20)  # over no stage and no lane
    assert _end(layout, "c0_0_0", {"c0_0_0": outside}) == (outside, "s0", "l0")
    assert _end(layout, "ghost", {"ghost": outside}) is None
    assert _end(layout, "s1", {}) == (Box.of(layout.stage_rects["s1"]), "s1", None)


def test_a_run_whose_end_card_is_not_laid_out_gives_no_box():
    m = _grid_map(1, 1, 2)
    layout = compute_layout(m, _wrapper())
    ghost = Card("m", "s0", "l0", "ghost", id="ghost")
    assert _stacks(layout, [m.cards[0], ghost], frozenset()) == []
    assert _stacks(layout, [ghost, m.cards[1]], frozenset()) == []
    assert _stacks(layout, m.cards, frozenset()) == [_column(layout, "c0_0_0", "c0_0_1")]


def test_a_cell_index_knows_empty_cells_and_cards_two_stages_wide():
    m = _grid_map(2, 1, 1)
    m.cards[0].span = 2
    index = CellIndex(compute_layout(m, _wrapper()))
    assert index.cell_cards("s0", "nowhere") == ()
    assert index.spanning("s0", "l0") and not index.spanning("s1", "l0")


# Routes with more bends than two are made only when they may still win; these scenes
# (found by a search over random maps of cards) are the ones where one does.

def test_a_loop_back_takes_four_bends_below_when_that_is_shorter_than_two_over_the_top():
    source, target = Box(70, 100, 40, 90), Box(420, 200, 100, 30)
    cards = [Box(310, 0, 100, 90), Box(365, 150, 50, 90), Box(185, 150, 100, 40),
             Box(10, 200, 100, 30), Box(430, 300, 40, 40), Box(425, 50, 40, 90),
             Box(310, 250, 40, 90), Box(305, 50, 100, 30)]
    got = routing.route(source, target, cards, kind=ConnectorKind.LOOP_BACK)
    # Four bends and 450 px (cost 850) beat two bends over the top and 692 px (892).
    assert got.points == ((90.0, 190), (90.0, 195.0), (147.5, 195.0), (147.5, 245.0),
                          (470.0, 245.0), (470.0, 230))


def test_a_flow_takes_three_bends_when_that_is_cheaper_than_two_round_the_bottom():
    source, target = Box(10, 300, 50, 90), Box(250, 150, 50, 40)
    cards = [Box(190, 50, 50, 30), Box(10, 200, 50, 30), Box(130, 0, 40, 40),
             Box(60, 300, 50, 90), Box(120, 250, 100, 90), Box(420, 50, 100, 30),
             Box(300, 100, 50, 40), Box(130, 200, 40, 90), Box(300, 0, 40, 90)]
    got = routing.route(source, target, cards, kind=ConnectorKind.FLOW)
    # Three bends and 345 px (cost 645) beat two bends round the bottom, 452 px (652).
    assert got.points == ((35.0, 300), (35.0, 245.0), (115.0, 245.0), (115.0, 170.0),
                          (250, 170.0))
