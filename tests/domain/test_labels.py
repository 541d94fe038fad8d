"""Where a connector's label goes (app.domain.labels), shared by the canvas and the PDF:
the room it may not take (cards with their evidence pill, faces, headers, other lines and
labels), the places it tries in order, and the leader when it sits off its line."""

from __future__ import annotations

import pytest

from app.domain import style
from app.domain.labels import LabelSpace, nearest_on, place_label, reach, spots
from app.domain.layout import CardBox, MarkerPoint, Rect
from app.domain.model import Card

X0 = style.LANE_HEADER_WIDTH + 100  # well right of the lane headers
Y0 = style.STAGE_HEADER_HEIGHT + 100  # well below the stage headers


def _card(x: float, y: float, w: float = 100.0, h: float = 60.0) -> CardBox:
    return CardBox(Card("m", "s", "l", "t"), Rect(x, y, w, h), [], [], False, 0.0)


def _free(space: LabelSpace, x0, y0, x1, y1, owner=-1) -> bool:
    return space.free(x0, y0, x1, y1, owner)


def test_a_card_takes_its_box_with_a_little_air_and_its_evidence_pill_below():
    graze = 4.0
    space = LabelSpace([_card(X0, Y0)], graze=graze)
    below = style.EVIDENCE_TAG_HEIGHT / 2 + 2.0
    assert not _free(space, X0 + 10, Y0 + 10, X0 + 20, Y0 + 20)  # on the card
    assert _free(space, X0 - 11, Y0 + 10, X0 - 1.5, Y0 + 20)  # left of its air (1 px)
    assert not _free(space, X0 - 11, Y0 + 10, X0 - 0.5, Y0 + 20)
    assert _free(space, X0 + 101.5, Y0 + 10, X0 + 120, Y0 + 20)  # right of its air
    assert not _free(space, X0 + 100.5, Y0 + 10, X0 + 120, Y0 + 20)
    assert _free(space, X0 + 10, Y0 - 10, X0 + 20, Y0 + graze - 0.5)  # on its top padding
    assert not _free(space, X0 + 10, Y0 - 10, X0 + 20, Y0 + graze + 0.5)
    assert not _free(space, X0 + 10, Y0 + 60, X0 + 20, Y0 + 60 + below - 0.5)  # the pill
    assert _free(space, X0 + 10, Y0 + 60 + below + 0.5, X0 + 20, Y0 + 90)


def test_the_headers_and_the_lane_header_column_are_never_free():
    top = 90.0
    space = LabelSpace([], top=top)
    assert _free(space, X0, top, X0 + 10, top + 10)
    assert not _free(space, X0, top - 0.5, X0 + 10, top + 10)
    assert _free(space, style.LANE_HEADER_WIDTH + 1, Y0, X0, Y0 + 10)
    assert not _free(space, style.LANE_HEADER_WIDTH + 0.5, Y0, X0, Y0 + 10)
    default = LabelSpace([])
    assert default.top == style.STAGE_HEADER_HEIGHT - 4


def test_a_face_takes_room_for_its_own_label_above_and_below():
    face = MarkerPoint("f", X0, Y0 + 200, 1)
    space = LabelSpace([], [face])
    reach_y = style.MARKER_RADIUS + 4 + 2 * style.CONNECTOR_LABEL_SIZE * 1.3
    assert not _free(space, X0 + 40, face.y + reach_y - 1, X0 + 45, face.y + reach_y + 5)
    assert _free(space, X0 + 40, face.y + reach_y + 0.5, X0 + 45, face.y + reach_y + 5)
    assert not _free(space, X0 + 47, face.y, X0 + 60, face.y + 1)  # 48 px each side
    assert _free(space, X0 + 48.5, face.y, X0 + 60, face.y + 1)


def test_a_line_is_taken_for_every_label_but_its_own():
    space = LabelSpace([])
    pad = style.CONNECTOR_WIDTH + 1
    points = ((X0, Y0), (X0 + 300, Y0), (X0 + 300, Y0 + 300))
    space.add_route(7, points)
    box = (X0 + 100, Y0 - pad + 0.5, X0 + 120, Y0 + 10)
    assert not _free(space, *box)  # another label
    assert _free(space, *box, owner=7)  # its own
    assert _free(space, X0 + 100, Y0 + pad + 0.5, X0 + 120, Y0 + 10)
    arrow = style.CONNECTOR_ARROW  # the arrowhead's box at the tip
    tip = points[-1]
    assert not _free(space, tip[0] + arrow - 1, tip[1] + 1, tip[0] + arrow + 5, tip[1] + 5)
    assert _free(space, tip[0] + arrow + 0.5, tip[1] + 1, tip[0] + arrow + 5, tip[1] + 5)


def test_a_placed_label_is_taken_too():
    space = LabelSpace([])
    space.add((X0, Y0, X0 + 80, Y0 + 14))
    assert not _free(space, X0 + 79, Y0 + 13, X0 + 90, Y0 + 20)
    assert _free(space, X0 + 80, Y0 + 14, X0 + 90, Y0 + 20)


def test_far_apart_boxes_fall_in_their_own_buckets():
    far = LabelSpace.BUCKET * 3
    space = LabelSpace([_card(X0, Y0), _card(X0 + far, Y0 + far)])
    assert not _free(space, X0 + far + 10, Y0 + far + 10, X0 + far + 20, Y0 + far + 20)
    assert _free(space, X0 + far / 2, Y0 + far / 2, X0 + far / 2 + 10, Y0 + far / 2 + 10)
    assert len(space.buckets) >= 2


def test_crossed_counts_each_box_a_segment_runs_through_once():
    space = LabelSpace([_card(X0, Y0), _card(X0 + 200, Y0)])
    y = Y0 + 30
    assert space.crossed((X0 - 50, y), (X0 + 350, y)) == 2
    assert space.crossed((X0 - 50, y), (X0 + 150, y)) == 1
    assert space.crossed((X0 - 50, Y0 - 50), (X0 - 10, Y0 - 50)) == 0
    assert space.crossed((X0 + 10, y), (X0 + 10, y)) == 1  # a point inside


def test_a_label_may_go_three_widths_and_sixteen_heights_away():
    assert reach(40.0, 14.0) == (120.0, 224.0)


def test_the_places_tried_are_the_longest_run_first_then_the_nearest_off_the_line():
    points = ((0.0, 0.0), (100.0, 0.0), (100.0, 300.0))  # the vertical run is longest
    w, h = 40.0, 14.0
    tried = spots(points, (100.0, 150.0), w, h)
    on_line = [p for p, on in tried if on]
    assert on_line[:5] == [(100.0, 150.0), (100.0, 105.0), (100.0, 195.0), (100.0, 60.0),
                           (100.0, 240.0)]
    assert on_line[5] == (50.0, 0.0) and len(on_line) == 10
    off = [p for p, on in tried if not on]
    assert off[0] == (100.0 - w / 2, 150.0)  # half a pill to the left: the nearest
    assert off[1] == (100.0 + w / 2, 150.0)
    assert off[2] == (100.0, 150.0 - 0.75 * h)
    assert len(off) == 11 * 29 - 1
    assert (100.0, 150.0) not in off
    assert (100.0 + 5 * w / 2, 150.0 + 20 * 0.75 * h) in off  # the far corner


@pytest.mark.parametrize("p, expected", [
    ((50.0, -20.0), (50.0, 0.0)),  # over the first run
    ((130.0, 100.0), (100.0, 100.0)),  # beside the second
    ((-30.0, 5.0), (0.0, 0.0)),  # before the start
    ((100.0, 400.0), (100.0, 300.0)),  # past the end
    ((90.0, 1.0), (90.0, 0.0)),  # nearer the first run than the second
])
def test_nearest_on_projects_onto_the_polyline(p, expected):
    assert nearest_on(((0.0, 0.0), (100.0, 0.0), (100.0, 300.0)), p) == pytest.approx(expected)


def test_nearest_on_a_run_of_no_length_is_its_point():
    assert nearest_on(((5.0, 5.0), (5.0, 5.0)), (9.0, 9.0)) == (5.0, 5.0)


def test_a_label_sits_on_its_line_when_it_can():
    points = ((X0, Y0), (X0 + 400, Y0))
    space = LabelSpace([])
    space.add_route(1, points)
    assert place_label(points, (X0 + 200, Y0), 60, 14, space, owner=1) == ((X0 + 200, Y0),
                                                                              None)
    # Its middle covered (and the pills at 35 % and 65 % would touch it): at 20 %.
    space.add((X0 + 160, Y0 - 10, X0 + 240, Y0 + 10))
    centre, leader = place_label(points, (X0 + 200, Y0), 60, 14, space, owner=1)
    assert leader is None and centre == (X0 + 80, Y0)


def test_off_its_line_a_label_takes_the_free_place_whose_leader_crosses_least():
    points = ((X0, Y0), (X0 + 200, Y0))
    w, h = 60.0, 14.0
    # Cards over the whole line, and a card right under its middle: the label goes
    # above (its leader crosses the card the line runs over, not the one below too).
    space = LabelSpace([_card(X0 - 50, Y0 - 5, 300, 10), _card(X0 + 70, Y0 + 9, 60, 40)],
                       graze=0.0)
    centre, leader = place_label(points, (X0 + 100, Y0), w, h, space)
    assert leader is not None and leader == nearest_on(points, centre)
    assert centre[1] < Y0  # above the line
    assert space.free(centre[0] - w / 2, centre[1] - h / 2, centre[0] + w / 2,
                      centre[1] + h / 2)


def test_nowhere_free_the_label_stays_at_its_point():
    points = ((X0, Y0), (X0 + 200, Y0))
    space = LabelSpace([_card(X0 - 2000, Y0 - 2000, 5000, 5000)])
    assert place_label(points, (X0 + 100, Y0), 60, 14, space) == ((X0 + 100, Y0), None)


def test_a_card_far_down_a_narrow_column_is_found_in_its_bucket():
    # x in the second bucket, y in the fourth: every bucket of the box is looked at.
    y = LabelSpace.BUCKET * 3 + 40
    space = LabelSpace([_card(X0, y)])
    assert not _free(space, X0 + 10, y + 10, X0 + 20, y + 20)


def test_touching_is_not_taking():
    space = LabelSpace([])
    space.add((X0, Y0, X0 + 50, Y0 + 50))
    assert _free(space, X0 - 20, Y0 + 10, X0, Y0 + 20)  # left edge to edge
    assert _free(space, X0 + 50, Y0 + 10, X0 + 70, Y0 + 20)  # right
    assert _free(space, X0 + 10, Y0 - 20, X0 + 20, Y0)  # above
    assert _free(space, X0 + 10, Y0 + 50, X0 + 20, Y0 + 70)  # below
    lines = LabelSpace([])
    lines.add_route(1, ((X0, Y0 + 100), (X0 + 200, Y0 + 100)))
    pad = style.CONNECTOR_WIDTH + 1
    top, bottom = Y0 + 100 - pad, Y0 + 100 + pad
    assert _free(lines, X0 + 10, top - 10, X0 + 20, top)
    assert _free(lines, X0 + 10, bottom, X0 + 20, bottom + 10)
    assert _free(lines, X0 - pad - 10, top + 1, X0 - pad, bottom - 1)
    assert _free(lines, X0 + 200 + pad + style.CONNECTOR_ARROW, top + 1, X0 + 300,
                 bottom - 1)  # past the arrowhead's box
    assert not _free(lines, X0 - pad - 10, top + 1, X0 - pad + 0.5, bottom - 1)


def test_a_line_drawn_backwards_takes_the_same_room():
    pad, arrow = style.CONNECTOR_WIDTH + 1, style.CONNECTOR_ARROW
    space = LabelSpace([])
    points = ((X0 + 300, Y0 + 300), (X0 + 300, Y0), (X0, Y0))  # up, then left
    space.add_route(1, points)
    assert not _free(space, X0 + 100, Y0 - pad + 0.5, X0 + 120, Y0 - pad + 2)
    assert not _free(space, X0 + 100, Y0 + pad - 2, X0 + 120, Y0 + pad - 0.5)
    assert _free(space, X0 + 100, Y0 + pad, X0 + 120, Y0 + pad + 5)
    assert not _free(space, X0 + 300 + pad - 2, Y0 + 100, X0 + 300 + pad - 0.5, Y0 + 120)
    assert _free(space, X0 + 300 + pad, Y0 + 100, X0 + 300 + pad + 5, Y0 + 120)
    # The arrowhead's box is square about the tip, on every side.
    assert not _free(space, X0 - arrow + 0.5, Y0 + pad + 1, X0 - arrow + 2, Y0 + arrow - 1)
    assert _free(space, X0 - arrow - 5, Y0 + pad + 1, X0 - arrow, Y0 + arrow - 1)
    assert not _free(space, X0 + 1, Y0 + arrow - 2, X0 + 2, Y0 + arrow - 0.5)
    assert _free(space, X0 + 1, Y0 + arrow, X0 + 2, Y0 + arrow + 3)


def test_the_longest_run_is_measured_whichever_way_it_is_drawn():
    points = ((X0 + 500, Y0 + 40), (X0 + 100, Y0 + 40), (X0 + 100, Y0))  # left 400, up 40
    first, on = spots(points, (X0 + 300, Y0 + 40), 40, 14)[0]
    assert on and first == (X0 + 300, Y0 + 40)
    points = ((X0, Y0 + 400), (X0, Y0 + 100), (X0 + 100, Y0 + 100))  # up 300, right 100
    first, on = spots(points, (X0, Y0 + 250), 40, 14)[0]
    assert on and first == (X0, Y0 + 250)


def test_the_rows_tried_off_the_line_reach_twenty_steps_each_way():
    w, h = 40.0, 14.0
    off = {p for p, on in spots(((0.0, 0.0), (100.0, 0.0)), (50.0, 0.0), w, h) if not on}
    ys = sorted({round((y - 0.0) / (0.75 * h)) for _x, y in off})
    assert ys == [*range(-20, -8, 2), *range(-8, 9), *range(10, 21, 2)]


@pytest.mark.parametrize("p, expected", [
    ((X0 + 50, Y0 - 20), (X0 + 50, Y0)),
    ((X0 + 130, Y0 + 100), (X0 + 100, Y0 + 100)),
    ((X0 - 30, Y0 + 5), (X0, Y0)),
    ((X0 + 40, Y0 + 3), (X0 + 40, Y0)),
])
def test_nearest_on_a_line_away_from_the_origin(p, expected):
    points = ((X0, Y0), (X0 + 100, Y0), (X0 + 100, Y0 + 300))
    assert nearest_on(points, p) == pytest.approx(expected)


def test_a_pill_fits_a_gap_just_its_own_size():
    w, h = 60.0, 14.0
    points = ((X0, Y0), (X0 + 400, Y0))
    space = LabelSpace([])
    space.add((X0, Y0 - h / 2 - 30, X0 + 400, Y0 - h / 2))  # taken just above the pill
    space.add((X0, Y0 + h / 2, X0 + 400, Y0 + h / 2 + 30))  # and just below
    assert place_label(points, (X0 + 200, Y0), w, h, space) == ((X0 + 200, Y0), None)
    space.add((X0 + 200 - w / 2 - 20, Y0 - 1, X0 + 200 - w / 2, Y0 + 1))  # just left of it
    assert place_label(points, (X0 + 200, Y0), w, h, space) == ((X0 + 200, Y0), None)
