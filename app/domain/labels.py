"""Where a connector's label goes: on its line where the pill covers no card, evidence
badge, emotion face, header or other label, else as near as is free with a leader to the
line. Qt-free: the PDF (app.export.pdf.connectors) places every label of a map at once,
the canvas (app.canvas.connector_layer) one line's label among the cards near it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from itertools import pairwise

from app.domain import style
from app.domain.layout import CardBox, MarkerPoint
from app.domain.routing import Point

Span = tuple[float, float, float, float]  # x0, y0, x1, y1
_LINE_PAD = style.CONNECTOR_WIDTH + 1


class LabelSpace:
    """Answers "does this box touch a card, a face and its label, the headers, another
    connector's line or a placed label?" looking only at the grid buckets it overlaps.

    `graze`: how far a pill may rest on a card's top padding (no text there), so a label
    on a line through the narrow gutter under the stage headers fits (the print's choice;
    the canvas draws the card's edge there and passes 0). `top`: how high a pill may
    reach (the print lets it rest on the headers' bottom edge; the canvas keeps it below
    the frozen header row)."""

    BUCKET = 256.0

    def __init__(self, cards: Iterable[CardBox], markers: Iterable[MarkerPoint] = (),
                 graze: float = style.CARD_INNER / 2,
                 top: float = style.STAGE_HEADER_HEIGHT - 4) -> None:
        self.top = top
        self.buckets: dict[tuple[int, int], list[Span]] = {}
        self.lines: dict[tuple[int, int], list[tuple[Span, int]]] = {}
        # A card with a little air at its sides and its evidence pill over the bottom edge.
        air, below = 1.0, style.EVIDENCE_TAG_HEIGHT / 2 + 2.0
        for b in cards:
            r = b.rect
            self.add((r.x - air, r.y + graze, r.right + air, r.bottom + below))
        # A face with room for its label under or over it (two short lines).
        reach_x = 48.0
        reach_y = style.MARKER_RADIUS + 4 + 2 * style.CONNECTOR_LABEL_SIZE * 1.3
        for m in markers:
            self.add((m.x - reach_x, m.y - reach_y, m.x + reach_x, m.y + reach_y))

    def _keys(self, box: Span) -> list[tuple[int, int]]:
        size = self.BUCKET
        return [(i, j) for i in range(int(box[0] // size), int(box[2] // size) + 1)
                for j in range(int(box[1] // size), int(box[3] // size) + 1)]

    def add(self, box: Span) -> None:
        """Mark `box` as taken."""
        for key in self._keys(box):
            self.buckets.setdefault(key, []).append(box)

    def add_route(self, owner: int, points: tuple[Point, ...]) -> None:
        """Mark a connector's line and arrowhead as taken for every other label."""
        pad, arrow = _LINE_PAD, style.CONNECTOR_ARROW
        boxes = [(min(a[0], b[0]) - pad, min(a[1], b[1]) - pad, max(a[0], b[0]) + pad,
                  max(a[1], b[1]) + pad) for a, b in pairwise(points)]
        tip = points[-1]
        boxes.append((tip[0] - arrow, tip[1] - arrow, tip[0] + arrow, tip[1] + arrow))
        for box in boxes:
            for key in self._keys(box):
                self.lines.setdefault(key, []).append((box, owner))

    def free(self, x0: float, y0: float, x1: float, y1: float, owner: int = -1) -> bool:
        """True when the box stays below the headers and clear of what is taken (the
        line of connector `owner` aside: a label sits on its own line)."""
        if y0 < self.top or x0 < style.LANE_HEADER_WIDTH + 1:
            return False
        for key in self._keys((x0, y0, x1, y1)):
            for a in self.buckets.get(key, ()):
                if x0 < a[2] and a[0] < x1 and y0 < a[3] and a[1] < y1:
                    return False
            for a, who in self.lines.get(key, ()):
                if who != owner and x0 < a[2] and a[0] < x1 and y0 < a[3] and a[1] < y1:
                    return False
        return True

    def crossed(self, a: Point, b: Point) -> int:
        """How many taken boxes the segment a–b runs through (sampled every few pixels)."""
        steps = max(1, int(math.hypot(b[0] - a[0], b[1] - a[1]) // 4))
        hit: set[Span] = set()
        for i in range(steps + 1):
            x, y = a[0] + (b[0] - a[0]) * i / steps, a[1] + (b[1] - a[1]) * i / steps
            key = (int(x // self.BUCKET), int(y // self.BUCKET))
            hit.update(box for box in self.buckets.get(key, ())
                       if box[0] < x < box[2] and box[1] < y < box[3])
        return len(hit)


def reach(w: float, h: float) -> tuple[float, float]:
    """How far from its route's label point a pill of w × h may be put (`spots`)."""
    return 3 * w, 16 * h


def spots(points: tuple[Point, ...], label_at: Point, w: float, h: float
          ) -> list[tuple[Point, bool]]:
    """Where a label may be centred, best first, and whether that is on its line: along
    the longest segments (middle first), then ever further from the route's label point,
    where the gutters are too narrow for a pill (a dotted leader then joins them)."""
    segments = sorted(pairwise(points), key=lambda ab: -(abs(ab[1][0] - ab[0][0])
                                                        + abs(ab[1][1] - ab[0][1])))
    out = [((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t), True)
           for a, b in segments for t in (0.5, 0.35, 0.65, 0.2, 0.8)]
    # Half a pill apart near the line, a pill and a half apart further out.
    rows = [*range(-8, 9), *range(-20, -8, 2), *range(10, 21, 2)]
    near = [(label_at[0] + dx * w / 2, label_at[1] + dy * h * 0.75)
            for dx in range(-5, 6) for dy in rows if dx or dy]
    near.sort(key=lambda p: math.hypot((p[0] - label_at[0]) / w, (p[1] - label_at[1]) / h))
    return out + [(p, False) for p in near]


def nearest_on(points: tuple[Point, ...], p: Point) -> Point:
    """The point of the polyline nearest to `p`."""
    best, at = math.inf, points[0]
    for (x0, y0), (x1, y1) in pairwise(points):
        dx, dy = x1 - x0, y1 - y0
        t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((p[0] - x0) * dx + (p[1] - y0) * dy)
                                                   / (dx * dx + dy * dy)))
        q = (x0 + dx * t, y0 + dy * t)
        d = math.hypot(q[0] - p[0], q[1] - p[1])
        if d < best:
            best, at = d, q
    return at


def place_label(points: tuple[Point, ...], label_at: Point, w: float, h: float,
                space: LabelSpace, owner: int = -1) -> tuple[Point, Point | None]:
    """The pill's centre, and where its leader meets the line (None: on the line).
    Off the line, of the few nearest free places the one whose leader crosses the fewest
    cards; the route's own label point when nowhere is free."""
    near: list[tuple[int, int, Point, Point]] = []
    for n, (p, on_line) in enumerate(spots(points, label_at, w, h)):
        if not space.free(p[0] - w / 2, p[1] - h / 2, p[0] + w / 2, p[1] + h / 2, owner):
            continue
        if on_line:
            return p, None
        anchor = nearest_on(points, p)
        near.append((space.crossed(anchor, p), n, p, anchor))
        if len(near) == 8:
            break
    if not near:
        return label_at, None
    _, _, p, anchor = min(near)
    return p, anchor
