"""The emotion curve's control points to the number: the weighted harmonic mean of the
neighbouring slopes at each marker, markers closer than one unit apart, markers at one x
and the Bézier point at a parameter. The canvas, the PDF and the compare chart draw these
exact points, so a wrong weight bends every curve a client sees."""

import pytest

from app.domain.curve import Segment, monotone_curve, sample

# Uneven spacing and slopes 1, 3/2 and 1/2, so that every weight of the harmonic mean counts.
UNEVEN = [(10, 0), (20, 10), (40, 40), (50, 45)]
# At (20, 10): h0 = 10, h1 = 20, w1 = 2*h1 + h0 = 50, w2 = h1 + 2*h0 = 40, and the
# tangent is (w1 + w2) / (w1/1 + w2/(3/2)) = 27/23. At (40, 40): h0 = 20, h1 = 10,
# w1 = 40, w2 = 50, tangent (40 + 50) / (40/(3/2) + 50/(1/2)) = 27/38.
T1, T2 = 27 / 23, 27 / 38


def flat(*segments: Segment) -> list[float]:
    """The coordinates of segments in one list (pytest.approx compares no nested tuples)."""
    return [v for segment in segments for point in segment for v in point]


def test_each_marker_gets_the_weighted_harmonic_mean_of_its_neighbouring_slopes():
    first, middle, last = monotone_curve(UNEVEN)
    # The end markers take the slope of their one segment: 1 and 1/2.
    assert flat(first) == pytest.approx(flat(
        ((10, 0), (10 + 10 / 3, 10 / 3), (20 - 10 / 3, 10 - T1 * 10 / 3), (20, 10))))
    assert flat(middle) == pytest.approx(flat(
        ((20, 10), (20 + 20 / 3, 10 + T1 * 20 / 3), (40 - 20 / 3, 40 - T2 * 20 / 3), (40, 40))))
    assert flat(last) == pytest.approx(flat(
        ((40, 40), (40 + 10 / 3, 40 + T2 * 10 / 3), (50 - 10 / 3, 45 - 0.5 * 10 / 3), (50, 45))))


def test_gentle_slopes_whose_product_is_below_one_still_get_a_tangent():
    # Slopes 1/2, 1/2 and 1: the middle markers rise through, so neither is flattened.
    segments = monotone_curve([(0, 0), (1, 0.5), (2, 1.0), (3, 2.0)])
    assert flat(segments[1]) == pytest.approx(flat(
        ((1, 0.5), (4 / 3, 0.5 + 0.5 / 3), (5 / 3, 1.0 - (2 / 3) / 3), (2, 1.0))))


def test_markers_closer_than_one_unit_are_still_joined_by_a_curve():
    # A span of 0.5 has slope 2, not 0, and its control points sit at thirds of it.
    (segment,) = monotone_curve([(0, 0), (0.5, 1)])
    assert flat(segment) == pytest.approx([0, 0, 1 / 6, 1 / 3, 1 / 3, 2 / 3, 0.5, 1])


def test_only_the_peak_is_flattened_and_the_descent_after_it_keeps_its_slope():
    segments = monotone_curve([(0, 0), (10, 10), (20, 0), (30, -10)])
    assert flat(segments[1], segments[2]) == pytest.approx(flat(
        ((10, 10), (10 + 10 / 3, 10), (20 - 10 / 3, 10 / 3), (20, 0)),
        ((20, 0), (20 + 10 / 3, -10 / 3), (30 - 10 / 3, -10 + 10 / 3), (30, -10))))


def test_a_marker_right_after_a_vertical_step_leaves_it_flat():
    # The vertical step has no slope (0), so the marker on top of it is a flat neighbour.
    segments = monotone_curve([(10, 0), (10, 10), (20, 20)])
    assert len(segments) == 2
    assert flat(*segments) == pytest.approx(flat(
        ((10, 0), (10, 0), (10, 10), (10, 10)),
        ((10, 10), (10 + 10 / 3, 10), (20 - 10 / 3, 20 - 10 / 3), (20, 20))))


def test_the_curve_goes_on_after_markers_at_one_x():
    segments = monotone_curve([(0, 0), (40, 0), (40, 80), (100, 80), (130, 50)])
    assert len(segments) == 4
    assert segments[1] == ((40, 0), (40, 0), (40, 80), (40, 80))
    assert flat(segments[3]) == pytest.approx([100, 80, 110, 80, 120, 60, 130, 50])


def test_three_rising_markers_give_the_middle_one_a_tangent():
    # Slopes 1 and 2 over spans of 10: w1 = w2 = 30, tangent 60 / (30 + 15) = 4/3.
    first, second = monotone_curve([(0, 0), (10, 10), (20, 30)])
    assert first[2] == pytest.approx((10 - 10 / 3, 10 - (4 / 3) * 10 / 3))
    assert second[1] == pytest.approx((10 + 10 / 3, 10 + (4 / 3) * 10 / 3))


SEGMENT = ((1, 2), (3, 5), (7, 11), (13, 17))


@pytest.mark.parametrize("t, point", [(0.5, (5.5, 8.375)), (0.25, (2.875, 4.765625)),
                                      (0, (1, 2)), (1, (13, 17))],
                         ids=["half", "quarter", "start", "end"])
def test_a_point_of_a_segment_weighs_all_four_control_points(t, point):
    # At t = 1/2 the weights are 1/8, 3/8, 3/8, 1/8; at t = 1/4 they are 27/64, 27/64,
    # 9/64, 1/64: exact in binary, so the result is too.
    assert sample(SEGMENT, t) == point
