"""Where everything of a map goes, in model pixels: computed once, drawn by canvas and PDF.

The caller supplies a text measurer (Qt font metrics on the canvas, ReportLab's
stringWidth in the PDF); wrapping happens here so both renderers break lines alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from app.domain import style
from app.domain.curve import monotone_curve
from app.domain.model import Card, JourneyMap, LaneKind

# text, pixel size, bold -> advance width in pixels
TextWidth = Callable[[str, float, bool], float]

# The most lines one wrap makes: a bound on the work for callers that give none.
WRAP_LIMIT = 2000
_HEAD = 256  # characters of a long word measured first
_TOKENS = re.compile(r"\n|[^\s]+")  # a newline, or a word (the whitespace of str.split)
_TEXT = re.compile(r"\S")


@dataclass(frozen=True)
class Rect:
    """An axis-aligned rectangle in model pixels."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        """The x of the right edge."""
        return self.x + self.w

    @property
    def bottom(self) -> float:
        """The y of the bottom edge."""
        return self.y + self.h

    def contains(self, px: float, py: float) -> bool:
        """True when the point lies inside (edges included)."""
        return self.x <= px <= self.right and self.y <= py <= self.bottom


class LaneBand:
    """The top of one lane's row; the boxes of its cards are placed relative to it."""

    __slots__ = ("y",)

    def __init__(self, y: float = 0.0) -> None:
        self.y = y


class CardBox:
    """A card's rectangle and its text already broken into lines.

    The box keeps its height below the top of its lane (`dy`) and shares the lane's band,
    so a lane that moves down moves all its cards by changing one number.
    """

    __slots__ = ("card", "x", "dy", "w", "h", "title_lines", "body_lines", "truncated",
                 "header_height", "band")

    def __init__(self, card: Card, rect: Rect, title_lines: list[str], body_lines: list[str],
                 truncated: bool, header_height: float, band: LaneBand | None = None) -> None:
        self.card = card
        self.band = band if band is not None else LaneBand()
        self.x, self.dy, self.w, self.h = rect.x, rect.y - self.band.y, rect.w, rect.h
        self.title_lines = title_lines
        self.body_lines = body_lines
        self.truncated = truncated
        self.header_height = header_height

    @property
    def rect(self) -> Rect:
        """The card's rectangle in map pixels."""
        return Rect(self.x, self.band.y + self.dy, self.w, self.h)

    @rect.setter
    def rect(self, rect: Rect) -> None:
        self.x, self.dy, self.w, self.h = rect.x, rect.y - self.band.y, rect.w, rect.h

    def _key(self) -> tuple[object, ...]:
        return (self.card, self.rect, self.title_lines, self.body_lines, self.truncated,
                self.header_height)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CardBox):
            return NotImplemented
        return self._key() == other._key()

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        return f"CardBox({self.card.id!r}, {self.rect!r}, {len(self.title_lines)}+" \
               f"{len(self.body_lines)} lines)"


@dataclass
class MarkerPoint:
    """An emotion marker's centre."""

    marker_id: str
    x: float
    y: float
    score: int


@dataclass
class MapLayout:
    """Geometry of one map; everything a renderer needs to place items."""

    width: float
    height: float
    stage_rects: dict[str, Rect] = field(default_factory=dict)
    lane_rects: dict[str, Rect] = field(default_factory=dict)
    cards: dict[str, CardBox] = field(default_factory=dict)
    markers: dict[str, MarkerPoint] = field(default_factory=dict)
    curves: dict[str, list[tuple[tuple[float, float], ...]]] = field(default_factory=dict)
    neutral_y: dict[str, float] = field(default_factory=dict)

    def cell_rect(self, stage_id: str, lane_id: str) -> Rect:
        """The rectangle of one cell."""
        s, lane = self.stage_rects[stage_id], self.lane_rects[lane_id]
        return Rect(s.x, lane.y, s.w, lane.h)

    def stage_at(self, x: float) -> str | None:
        """The id of the stage column under x, or None."""
        return next((sid for sid, r in self.stage_rects.items() if r.x <= x < r.right), None)

    def lane_at(self, y: float) -> str | None:
        """The id of the lane row under y, or None."""
        return next((lid for lid, r in self.lane_rects.items() if r.y <= y < r.bottom), None)

    def stage_gap_at(self, x: float) -> int:
        """The insertion index of a stage dropped at x (0 = before the first)."""
        ordered = sorted(self.stage_rects.values(), key=lambda r: r.x)
        return sum(1 for r in ordered if x > r.x + r.w / 2)

    def lane_gap_at(self, y: float) -> int:
        """The insertion index of a lane dropped at y (0 = above the first)."""
        ordered = sorted(self.lane_rects.values(), key=lambda r: r.y)
        return sum(1 for r in ordered if y > r.y + r.h / 2)


class TextWrapper:
    """Greedy word wrap against a measurer, caching word widths (maps repeat words)."""

    def __init__(self, text_width: TextWidth) -> None:
        self._measure = text_width
        self._cache: dict[tuple[str, float, bool], float] = {}

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """The advance width of `text`, cached."""
        key = (text, size, bold)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._measure(text, size, bold)
        return found

    def _split_word(self, word: str, size: float, bold: bool, width: float,
                    room: int) -> tuple[list[str], bool]:
        """`word` cut into pieces no wider than `width`; stops after `room` full pieces.

        Returns the pieces and whether they hold the whole word (the last piece then goes on
        the current line)."""
        pieces: list[str] = []
        current = ""
        for ch in word:
            if current and self.width(current + ch, size, bold) > width:
                pieces.append(current)
                if len(pieces) >= room:
                    return pieces, False  # the rest of the word is left over
                current = ch
            else:
                current += ch
        return (pieces + [current] if current else pieces), True

    def _word_width(self, word: str, size: float, bold: bool, width: float) -> float:
        # A long word is first measured by its head: a megabyte without a space is known to
        # be too wide without measuring (and caching) all of it.
        if len(word) > _HEAD and self.width(word[:_HEAD], size, bold) > width:
            return width + 1.0
        return self.width(word, size, bold)

    def wrap(self, text: str, size: float, bold: bool, width: float,
             max_lines: int | None = None) -> list[str]:
        """Lines of `text` no wider than `width`; explicit newlines are kept.

        At most `max_lines` lines (WRAP_LIMIT by default) are made, and wrapping stops
        there: a huge text costs what its first lines cost. The result is always the first
        lines of the complete wrap; ask for one line more than you show to learn whether
        the text goes on.
        """
        limit = WRAP_LIMIT if max_lines is None else max(0, max_lines)
        lines: list[str] = []
        blanks = 0  # empty lines held back until text follows them (trailing ones go)

        def add(line: str) -> bool:
            """Take one line; True once `limit` lines are made."""
            nonlocal blanks
            if not line:
                blanks += 1
                return False
            lines.extend([""] * blanks)
            blanks = 0
            lines.append(line)
            return len(lines) >= limit

        space = self.width(" ", size, bold)
        current, current_w = "", 0.0
        full = limit == 0
        for token in _TOKENS.finditer(text):
            if full:
                break
            word = token.group()
            if word == "\n":
                full = add(current)
                current, current_w = "", 0.0
                if blanks and len(lines) + blanks >= limit:
                    # The held-back blank lines reach the limit: they are shown only if
                    # text follows them.
                    if _TEXT.search(text, token.end()):
                        lines.extend([""] * (limit - len(lines)))
                    blanks, full = 0, True
                continue
            w = self._word_width(word, size, bold, width)
            if w > width:
                if current and add(current):
                    full = True
                    break
                room = limit - len(lines) - blanks
                pieces, whole = self._split_word(word, size, bold, width, max(1, room))
                for piece in pieces[:-1] if whole else pieces:
                    full = add(piece)
                    if full:
                        break
                if full or not whole:
                    full = True
                    break
                current, current_w = pieces[-1], self.width(pieces[-1], size, bold)
            elif not current:
                current, current_w = word, w
            elif current_w + space + w <= width:
                current, current_w = current + " " + word, current_w + space + w
            else:
                full = add(current)
                current, current_w = word, w
        if not full:
            add(current)
        return lines

    def elide(self, line: str, size: float, bold: bool, width: float) -> str:
        """`line` shortened to end with an ellipsis and fit in `width`."""
        text = line.rstrip()

        def fits(n: int) -> bool:
            return self.width(text[:n] + "…", size, bold) <= width

        # The longest prefix that fits, found by doubling then bisecting: a line of a
        # megabyte costs a few dozen measurements of short prefixes, not one per character.
        fitting, step = 0, 16
        while True:
            probe = min(step, len(text))
            if not fits(probe):
                break
            fitting = probe
            if probe == len(text):
                return text + "…"
            step *= 2
        while probe - fitting > 1:
            middle = (fitting + probe) // 2
            if fits(middle):
                fitting = middle
            else:
                probe = middle
        return text[:fitting].rstrip() + "…"


def line_height(size: float) -> float:
    """The distance between baselines for text of this pixel size."""
    return round(size * style.LINE_SPACING, 2)


def _extra_height(kind: LaneKind) -> float:
    if kind == LaneKind.METRICS:
        return line_height(style.METRIC_VALUE_SIZE) + line_height(style.SMALL_SIZE)
    if kind == LaneKind.OPPORTUNITIES:
        return style.CHIP_ROW_HEIGHT
    return 0.0


# What wrapping a card yields: title lines, body lines, truncated, header height, height.
CardShape = tuple[list[str], list[str], bool, float, float]


def card_shape(title_text: str, body_text: str, kind: LaneKind, width: float,
               wrapper: TextWrapper) -> CardShape:
    """Break a card's text into at most MAX_CARD_LINES lines and work out its height."""
    inner_w = max(20.0, width - 2 * style.CARD_INNER)
    title_w = inner_w - (style.ICON_SIZE + 4 if kind == LaneKind.TOUCHPOINTS else 0)
    if kind == LaneKind.PAINS:
        title_w -= 26  # room for the severity dots
    budget = style.MAX_CARD_LINES
    more = budget + 1  # one line past what shows tells that the text goes on
    title = wrapper.wrap(title_text, style.CARD_TITLE_SIZE, True, title_w, more) \
        if title_text else []
    body = wrapper.wrap(body_text, style.CARD_BODY_SIZE, False, inner_w, more) \
        if body_text else []
    truncated = False
    if len(title) > min(budget, 3) and body:
        title, truncated = title[:3], True
    if len(title) > budget:
        title, truncated = title[:budget], True
    body_budget = budget - len(title)
    if len(body) > body_budget:
        body, truncated = body[:body_budget], True
    if truncated:
        target, size, bold = (body, style.CARD_BODY_SIZE, False) if body else (
            title, style.CARD_TITLE_SIZE, True)
        target[-1] = wrapper.elide(target[-1], size, bold, inner_w)
    header = max(len(title), 1) * line_height(style.CARD_TITLE_SIZE)
    if kind == LaneKind.TOUCHPOINTS:
        header = max(header, style.ICON_SIZE + 2)
    height = (2 * style.CARD_INNER + header + len(body) * line_height(style.CARD_BODY_SIZE)
              + _extra_height(kind))
    return title, body, truncated, header, round(height, 2)


def layout_card(card: Card, kind: LaneKind, width: float, wrapper: TextWrapper) -> CardBox:
    """Break a card's text into at most MAX_CARD_LINES lines and size it."""
    title, body, truncated, header, height = card_shape(card.title, card.body, kind, width,
                                                        wrapper)
    return CardBox(card, Rect(0, 0, width, height), title, body, truncated, header)


def smooth_curve(points: list[tuple[float, float]]) -> list[tuple[tuple[float, float], ...]]:
    """The emotion curve through `points` as cubic segments (p0, c1, c2, p1): monotone
    between neighbouring points, so it never overshoots a marker."""
    return list(monotone_curve(points))


def compute_layout(journey: JourneyMap, wrapper: TextWrapper) -> MapLayout:
    """Lay out every stage, lane, card and marker of `journey`."""
    from app.domain.live_layout import LiveLayout

    return LiveLayout(wrapper).rebuild(journey)


def emotion_y(lane_rect: Rect, score: float, low: int = -2, high: int = 2) -> float:
    """The y of a score inside an emotions lane (high scores at the top)."""
    margin = style.MARKER_RADIUS + 8
    span = lane_rect.h - 2 * margin
    return lane_rect.y + margin + (high - score) / (high - low) * span


def score_at(lane_rect: Rect, y: float, low: int = -2, high: int = 2) -> int:
    """The whole score nearest to height y inside an emotions lane."""
    margin = style.MARKER_RADIUS + 8
    span = max(1.0, lane_rect.h - 2 * margin)
    raw = high - (y - lane_rect.y - margin) / span * (high - low)
    return int(max(low, min(high, round(raw))))


def place_markers(journey: JourneyMap, lane_id: str, layout: MapLayout) -> None:
    """Place the markers of one emotions lane and the curve through them."""
    lane_rect = layout.lane_rects[lane_id]
    layout.neutral_y[lane_id] = emotion_y(lane_rect, 0, journey.emotion_min, journey.emotion_max)
    points = []
    for marker in journey.ordered_markers():
        if marker.lane_id != lane_id:
            continue
        s = layout.stage_rects[marker.stage_id]
        px = s.x + marker.position * s.w
        py = emotion_y(lane_rect, marker.score, journey.emotion_min, journey.emotion_max)
        layout.markers[marker.id] = MarkerPoint(marker.id, px, py, marker.score)
        points.append((px, py))
    layout.curves[lane_id] = smooth_curve(points)


def approximate_text_width(text: str, size: float, bold: bool) -> float:
    """A font-free estimate (DejaVu Sans averages ~0.6 em), for headless callers and tests."""
    return len(text) * size * (0.64 if bold else 0.6)
