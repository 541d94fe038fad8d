"""Connector labels to the pixel (app.domain.labels): the exact room under a card's
evidence pill, leaders counted through boxes on every side of the origin and in every
direction, edges that touch without crossing, the order the runs of a route are tried,
the nearest point of a route in a tie, and how many free places a label weighs."""

from __future__ import annotations

import pytest

from app.domain import style
from app.domain.labels import LabelSpace, nearest_on, place_label, spots
from app.domain.layout import CardBox, Rect
from app.domain.model import Card

X0 = style.LANE_HEADER_WIDTH + 100  # well right of the lane headers
Y0 = style.STAGE_HEADER_HEIGHT + 100  # well below the stage headers


def _card(x: float, y: float, w: float = 100.0, h: float = 60.0) -> CardBox:
    return CardBox(Card("m", "s", "l", "t"), Rect(x, y, w, h), [], [], False, 0.0)


def _space(*boxes) -> LabelSpace:
    space = LabelSpace([])
    for box in boxes:
        space.add(box)
    return space


def test_the_room_under_a_card_is_half_its_evidence_pill_and_two_pixels():
    space = LabelSpace([_card(X0, Y0)])
    bottom = Y0 + 60 + style.EVIDENCE_TAG_HEIGHT / 2 + 2.0
    assert not space.free(X0 + 10, bottom - 0.5, X0 + 20, bottom + 20)
    assert space.free(X0 + 10, bottom, X0 + 20, bottom + 20)  # touching is not taking


@pytest.mark.parametrize("box, a, b", [
    ((-100.0, -100.0, -10.0, -10.0), (-60.0, -50.0), (-40.0, -50.0)),  # above and left
    ((-100.0, 300.0, -10.0, 400.0), (-60.0, 350.0), (-40.0, 350.0)),  # left
    ((300.0, -100.0, 400.0, -10.0), (350.0, -60.0), (350.0, -40.0)),  # above
], ids=["above-left", "left", "above"])
def test_a_box_left_of_or_above_the_origin_is_crossed_too(box, a, b):
    # Buckets there have negative numbers: the box and the leader must meet in them.
    assert _space(box).crossed(a, b) == 1


@pytest.mark.parametrize("a, b, box", [
    ((500.0, 300.0), (500.0, 700.0), (490.0, 490.0, 510.0, 510.0)),  # straight down
    ((300.0, -100.0), (300.0, 100.0), (290.0, -10.0, 310.0, 10.0)),  # down over y = 0
    ((-100.0, 300.0), (100.0, 300.0), (-10.0, 290.0, 10.0, 310.0)),  # right over x = 0
    ((300.0, 300.0), (700.0, 300.0), (490.0, 290.0, 510.0, 310.0)),  # right
    ((700.0, 300.0), (300.0, 300.0), (490.0, 290.0, 510.0, 310.0)),  # left
], ids=["down", "down-over-zero", "right-over-zero", "right", "left"])
def test_a_leader_crosses_a_small_box_midway_whatever_its_direction(a, b, box):
    # Both ends lie outside the box: only the points sampled along the way find it.
    assert _space(box).crossed(a, b) == 1


def test_a_box_just_past_the_end_of_a_leader_is_not_crossed():
    space = _space((341.0, 290.0, 350.0, 310.0))
    assert space.crossed((300.0, 300.0), (340.0, 300.0)) == 0
    assert space.crossed((300.0, 300.0), (345.0, 300.0)) == 1


@pytest.mark.parametrize("a, b", [
    ((300.0, 250.0), (300.0, 450.0)),  # along the left edge
    ((400.0, 250.0), (400.0, 450.0)),  # the right edge
    ((250.0, 300.0), (450.0, 300.0)),  # the top edge
    ((250.0, 400.0), (450.0, 400.0)),  # the bottom edge
], ids=["left", "right", "top", "bottom"])
def test_a_leader_along_a_box_edge_does_not_cross_it(a, b):
    space = _space((300.0, 300.0, 400.0, 400.0))
    assert space.crossed(a, b) == 0
    assert space.crossed((350.0, 250.0), (350.0, 450.0)) == 1  # through it: crossed


def test_the_longest_run_is_tried_first_and_equal_runs_in_route_order():
    # Right 40, down 300, right 40 from far from the origin: where a run lies is no length.
    points = ((X0, Y0), (X0 + 40, Y0), (X0 + 40, Y0 + 300), (X0 + 80, Y0 + 300))
    on_line = [p for p, on in spots(points, (X0 + 40, Y0 + 150), 40, 14) if on]
    assert len(on_line) == 15
    assert on_line[0::5] == [(X0 + 40, Y0 + 150), (X0 + 20, Y0), (X0 + 60, Y0 + 300)]


def test_the_nearest_point_of_a_route_of_one_point_is_that_point():
    assert nearest_on(((X0, Y0),), (X0 + 50, Y0 + 50)) == (X0, Y0)


ROUTE = ((X0, Y0), (X0 + 100, Y0), (X0 + 100, Y0 + 300))


@pytest.mark.parametrize("p, expected", [
    ((X0 + 90, Y0 + 66), (X0 + 100, Y0 + 66)),  # 10 from the second run, 66 from the first
    ((X0 + 10, Y0 + 96), (X0 + 100, Y0 + 96)),  # 90 from the second run, 96 from the first
])
def test_the_nearest_point_is_on_the_run_really_nearest(p, expected):
    assert nearest_on(ROUTE, p) == pytest.approx(expected)


def test_a_point_as_near_two_runs_goes_to_the_earlier_run():
    points = ((X0, Y0), (X0 + 128, Y0), (X0 + 128, Y0 + 128))
    # (X0 + 120, Y0 + 8) is exactly 8 from both runs.
    assert nearest_on(points, (X0 + 120, Y0 + 8)) == (X0 + 120, Y0)


@pytest.mark.parametrize("taken", [
    (X0 + 170, Y0 - 30, X0 + 230, Y0 - 6),  # over the pill's top pixel
    (X0 + 170, Y0 + 6, X0 + 230, Y0 + 30),  # under its bottom pixel
], ids=["top", "bottom"])
def test_a_pill_needs_its_whole_height_free(taken):
    w, h = 60.0, 14.0
    points = ((X0, Y0), (X0 + 400, Y0))
    # The middle (X0 + 200) overlaps the taken box by one pixel: the pill moves to 35 %,
    # whose box ends where the taken one starts.
    assert place_label(points, (X0 + 200, Y0), w, h, _space(taken)) == ((X0 + 140, Y0), None)


def _covered_line(*boxes) -> LabelSpace:
    """The whole line under a box 10 px tall: no pill fits on it or a row above or below,
    so every leader crosses that box; `boxes` lie between the line and the rows beyond."""
    return _space((X0 - 50, Y0 - 5, X0 + 450, Y0 + 5), *boxes)


def test_off_the_line_the_leader_crossing_fewer_boxes_beats_the_nearest_place():
    w, h = 60.0, 14.0
    points = ((X0, Y0), (X0 + 400, Y0))
    space = _covered_line((X0 + 100, Y0 - 12, X0 + 300, Y0 - 6))  # a box above only
    # Nearest free: 21 px above (crosses 2 boxes); as near below crosses 1: it goes below.
    assert place_label(points, (X0 + 200, Y0), w, h, space) == ((X0 + 200, Y0 + 21),
                                                               (X0 + 200, Y0))


def test_only_the_eight_nearest_free_places_are_weighed():
    w, h = 60.0, 14.0
    points = ((X0, Y0), (X0 + 400, Y0))
    # Boxes above and below x = X0 + 130 .. X0 + 245: the eight nearest free places
    # (x = X0 + 140 .. X0 + 230, 21 px above or below) all cross 2 boxes; the ninth
    # (X0 + 260, above) would cross 1, but it is not weighed: the nearest of the eight wins.
    space = _covered_line((X0 + 130, Y0 - 12, X0 + 245, Y0 - 6),
                          (X0 + 130, Y0 + 6, X0 + 245, Y0 + 12))
    assert place_label(points, (X0 + 200, Y0), w, h, space) == ((X0 + 200, Y0 - 21),
                                                               (X0 + 200, Y0))
