"""The emotion curve: a monotone cubic (Fritsch–Carlson) through the markers.

One interpolation for the canvas, the map pages, the cover and the compare chart. Between
two neighbouring markers the curve stays within their heights, so it never claims a feeling
no marker has (a Catmull-Rom spline overshoots next to a flat run).
"""

from __future__ import annotations

Point = tuple[float, float]
Segment = tuple[Point, Point, Point, Point]


def _tangents(points: list[Point]) -> list[float]:
    """dy/dx at every point: zero at a peak, valley or flat neighbour; elsewhere the weighted
    harmonic mean of the neighbouring slopes, which keeps each piece monotone."""
    n = len(points)
    slopes = []
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        h = x1 - x0
        slopes.append((y1 - y0) / h if h > 0 else 0.0)
    tangents = [slopes[0]] + [0.0] * (n - 2) + [slopes[-1]]
    for k in range(1, n - 1):
        d0, d1 = slopes[k - 1], slopes[k]
        if d0 * d1 <= 0:
            continue
        h0 = points[k][0] - points[k - 1][0]
        h1 = points[k + 1][0] - points[k][0]
        w1, w2 = 2 * h1 + h0, h1 + 2 * h0
        tangents[k] = (w1 + w2) / (w1 / d0 + w2 / d1)
    return tangents


def monotone_curve(points: list[Point]) -> list[Segment]:
    """Cubic Bézier segments (p0, c1, c2, p1) through points ordered by x.

    The control points sit at thirds of each x span, so x runs linearly along a segment and
    y is the Hermite cubic of the monotone tangents. Two points at the same x are joined by
    a straight segment."""
    if len(points) < 2:
        return []
    tangents = _tangents(points)
    segments: list[Segment] = []
    for k in range(len(points) - 1):
        (x0, y0), (x1, y1) = points[k], points[k + 1]
        h = x1 - x0
        if h <= 0:
            segments.append(((x0, y0), (x0, y0), (x1, y1), (x1, y1)))
            continue
        third = h / 3
        segments.append(((x0, y0), (x0 + third, y0 + tangents[k] * third),
                         (x1 - third, y1 - tangents[k + 1] * third), (x1, y1)))
    return segments


def sample(segment: Segment, t: float) -> Point:
    """The point at parameter t (0…1) of a cubic Bézier segment."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = segment
    u = 1 - t
    a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return (a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3)
