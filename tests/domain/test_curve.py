"""The emotion curve never overshoots its markers (a monotone cubic)."""

from __future__ import annotations

import random

import pytest

from app.domain.curve import Segment, monotone_curve, sample
from app.domain.layout import smooth_curve


def overshoot(segments: list[Segment]) -> float:
    """How far the sampled curve leaves the range of each segment's two end markers."""
    worst = 0.0
    for seg in segments:
        low, high = sorted((seg[0][1], seg[3][1]))
        for i in range(101):
            y = sample(seg, i / 100)[1]
            worst = max(worst, low - y, y - high)
    return worst


def catmull_rom(points):
    """The spline the canvas used before: it bulges past a marker next to a flat run."""
    out = []
    for i in range(len(points) - 1):
        p0 = points[i - 1] if i > 0 else points[i]
        p1, p2 = points[i], points[i + 1]
        p3 = points[i + 2] if i + 2 < len(points) else p2
        out.append((p1, (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6),
                    (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6), p2))
    return out


STEP = [(0.0, 0.0), (60.0, 60.0), (120.0, 60.0), (200.0, -30.0), (230.0, 90.0)]


def test_the_check_catches_an_overshooting_spline():
    assert overshoot(catmull_rom(STEP)) > 5


def test_the_curve_stays_between_neighbouring_markers():
    assert overshoot(smooth_curve(STEP)) < 1e-9
    rng = random.Random(9)
    for _ in range(200):
        xs = sorted(rng.uniform(0, 1000) for _ in range(rng.randint(2, 9)))
        points = [(x, float(rng.choice([-2, -1, 0, 1, 2]) * 40)) for x in xs]
        assert overshoot(monotone_curve(points)) < 1e-9, points


def test_the_curve_passes_through_every_marker():
    segments = monotone_curve(STEP)
    assert [s[0] for s in segments] + [segments[-1][3]] == STEP
    for seg in segments:
        assert sample(seg, 0) == pytest.approx(seg[0]) and sample(seg, 1) == pytest.approx(seg[3])


def test_a_flat_run_stays_flat_and_markers_at_one_x_join_straight():
    flat = monotone_curve([(0, 10), (50, 10), (90, 10)])
    assert all(p[1] == 10 for seg in flat for p in seg)
    same_x = monotone_curve([(0, 0), (40, 0), (40, 80), (100, 80)])
    assert same_x[1] == ((40, 0), (40, 0), (40, 80), (40, 80))
    assert overshoot(same_x) < 1e-9
    assert monotone_curve([(5, 5)]) == []
