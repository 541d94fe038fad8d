"""The experience wheel as geometry: the map drawn as a circle, in unit coordinates.

Stages are sectors in journey order clockwise from the top, grouped into arcs of the
three phases (before / during / after); each sector holds its touchpoints (inner ring,
with their channel icons), its emotion as a face (outer ring) and its pains. The persona
sits in the centre. The PDF page and the Qt view both draw this one description, scaled
from radius 1, so they show the same wheel.

Coordinates are y-down (like the map and the icons): (0, 0) is the centre, angle 0° is
12 o'clock and angles grow clockwise on screen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from app.domain.layout import TextWrapper
from app.domain.model import Card, JourneyMap, LaneKind, Phase, Project, Stage
from app.domain.phases import stage_phase

# Ring radii (outer radius 1): centre disc, touchpoint ring, stage ring, face ring and the
# phase band outside everything.
CENTRE_R = 0.27
TOUCH_R = (CENTRE_R, 0.49)
STAGE_R = (0.49, 0.76)
FACE_R = (0.76, 0.90)
PHASE_R = (0.925, 1.0)
FACE_SIZE = 0.052  # a face's radius
ICON_SIZE = 0.066  # a touchpoint icon's side
ICON_PITCH = 0.088  # centre to centre along a row of icons
PAIN_SIZE = 0.03  # the red pain marker's radius
PHASE_GAP = 2.5  # degrees left empty between two phase arcs
TOP_PAINS = 3  # pains listed per stage, worst first


class Face(StrEnum):
    """The face a stage's mean emotion shows."""

    HAPPY = "happy"
    NEUTRAL = "neutral"
    SAD = "sad"
    ANGRY = "angry"


@dataclass(frozen=True)
class Point:
    """A point in unit coordinates (y-down)."""

    x: float
    y: float


def polar(angle: float, r: float) -> Point:
    """The point at `angle` degrees (0 = top, clockwise) and radius `r`."""
    a = math.radians(angle)
    return Point(r * math.sin(a), -r * math.cos(a))


def angle_of(x: float, y: float) -> float:
    """The wheel angle (0..360, 0 = top, clockwise) of a point."""
    return math.degrees(math.atan2(x, -y)) % 360.0


@dataclass(frozen=True)
class Touchpoint:
    """A touchpoint card drawn as its channel icon on the inner ring."""

    card_id: str
    title: str
    icon: str  # an app.domain.icons key ("other" without a channel)
    color: str  # the channel's colour
    at: Point  # the icon's centre


@dataclass(frozen=True)
class Pain:
    """A pain card of a stage."""

    card_id: str
    title: str
    severity: int  # 1..3 (a missing severity counts 1)


@dataclass(frozen=True)
class LabelBox:
    """Where a sector's title goes: a horizontal box centred on `centre`."""

    centre: Point
    width: float
    height: float


@dataclass(frozen=True)
class Sector:
    """One stage of the wheel."""

    stage_id: str
    title: str
    color: str
    phase: Phase
    start: float  # degrees, clockwise from the top
    end: float
    touchpoints: tuple[Touchpoint, ...]
    more_touchpoints: int  # touchpoints that did not fit the ring
    emotion: float | None  # the mean of the stage's markers; None without a marker
    face: Face | None
    face_score: int | None  # the face on the −2..+2 drawing scale
    markers: int
    pains: int
    top_pains: tuple[Pain, ...]
    label: LabelBox
    face_at: Point
    pain_at: Point  # the pain marker's centre (drawn only when pains > 0)

    @property
    def mid(self) -> float:
        """The angle halfway through the sector."""
        return (self.start + self.end) / 2

    def contains(self, x: float, y: float) -> bool:
        """True when the unit point lies in the sector, between the centre disc and the
        outer edge of the face ring (the phase band belongs to the phase)."""
        r = math.hypot(x, y)
        if not CENTRE_R <= r <= FACE_R[1]:
            return False
        return self.start <= angle_of(x, y) <= self.end


@dataclass(frozen=True)
class PhaseArc:
    """A run of consecutive stages of one phase: a labelled band outside the sectors."""

    phase: Phase
    start: float
    end: float
    stage_ids: tuple[str, ...]
    label_at: Point  # the middle of the band


@dataclass(frozen=True)
class Centre:
    """The persona in the middle of the wheel."""

    persona_id: str | None
    name: str  # "" without a persona
    has_photo: bool


@dataclass(frozen=True)
class Wheel:
    """Everything a painter needs to draw one map's experience wheel."""

    map_id: str
    title: str
    sectors: tuple[Sector, ...]
    arcs: tuple[PhaseArc, ...]
    centre: Centre

    def sector_at(self, x: float, y: float) -> Sector | None:
        """The sector under a unit point, or None (centre, phase band, gaps, outside)."""
        return next((s for s in self.sectors if s.contains(x, y)), None)

    def sector(self, stage_id: str) -> Sector | None:
        """The sector of this stage, or None."""
        return next((s for s in self.sectors if s.stage_id == stage_id), None)


def face_for(mean: float, low: int, high: int) -> tuple[Face, int]:
    """The face (and its −2..+2 drawing score) of a mean on the scale low..high."""
    span = high - low
    t = 0.5 if span <= 0 else max(0.0, min(1.0, (mean - low) / span))
    score = max(-2, min(2, round(t * 4 - 2 + 1e-9)))  # +ε: a mean of exactly +0.5 smiles
    face = Face.HAPPY if score > 0 else Face.NEUTRAL if score == 0 else (
        Face.SAD if score == -1 else Face.ANGRY)
    return face, score


def build_wheel(journey: JourneyMap, project: Project | None = None) -> Wheel:
    """The wheel of `journey`; `project` names the persona and the channels."""
    runs = _phase_runs(journey)
    n = len(journey.stages)
    gaps = len(runs) if len(runs) > 1 else 0
    step = (360.0 - gaps * PHASE_GAP) / n if n else 0.0
    kinds = {lane.id: lane.kind for lane in journey.lanes}
    # Grouped once: a 5,000-card map is read once, not once per stage.
    rank = {lane.id: i for i, lane in enumerate(journey.lanes)}
    cards: dict[str, list[Card]] = {}
    for card in journey.cards:
        if kinds.get(card.lane_id) in (LaneKind.TOUCHPOINTS, LaneKind.PAINS):
            cards.setdefault(card.stage_id, []).append(card)
    scores: dict[str, list[int]] = {}
    for marker in journey.markers:
        scores.setdefault(marker.stage_id, []).append(marker.score)
    sectors: list[Sector] = []
    arcs: list[PhaseArc] = []
    angle = PHASE_GAP / 2 if gaps else 0.0
    for phase, stages in runs:
        first = angle
        for stage in stages:
            mine = sorted(cards.get(stage.id, ()), key=lambda c: (rank[c.lane_id], c.order))
            sectors.append(_sector(journey, project, stage, phase, angle, angle + step, kinds,
                                   mine, scores.get(stage.id, [])))
            angle += step
        arcs.append(PhaseArc(phase, first, angle, tuple(s.id for s in stages),
                             polar((first + angle) / 2, sum(PHASE_R) / 2)))
        angle += PHASE_GAP if gaps else 0.0
    persona = project.persona(journey.persona_id) if project is not None else None
    centre = Centre(persona.id if persona else None, persona.name if persona else "",
                    bool(persona and persona.photo))
    return Wheel(journey.id, journey.name, tuple(sectors), tuple(arcs), centre)


def _phase_runs(journey: JourneyMap) -> list[tuple[Phase, list[Stage]]]:
    """Consecutive stages of the same phase, in journey order (a stage put back "before"
    after a "during" one starts a new arc: the wheel keeps the journey's order)."""
    runs: list[tuple[Phase, list[Stage]]] = []
    for stage in journey.stages:
        phase = stage_phase(journey, stage)
        if runs and runs[-1][0] == phase:
            runs[-1][1].append(stage)
        else:
            runs.append((phase, [stage]))
    return runs


def _sector(journey: JourneyMap, project: Project | None, stage: Stage, phase: Phase,
            start: float, end: float, kinds: dict[str, LaneKind], cards: list[Card],
            scores: list[int]) -> Sector:
    """One stage's sector from its touchpoint and pain cards (in lane and card order)
    and its markers' scores."""
    touch = [c for c in cards if kinds[c.lane_id] == LaneKind.TOUCHPOINTS]
    pains = [c for c in cards if kinds[c.lane_id] == LaneKind.PAINS]
    emotion = sum(scores) / len(scores) if scores else None
    face, score = (face_for(emotion, journey.emotion_min, journey.emotion_max)
                   if emotion is not None else (None, None))
    placed, more = _touchpoints(project, touch, start, end)
    ranked = sorted(pains, key=lambda c: -max(1, c.severity or 1))  # stable: map order
    mid = (start + end) / 2
    face_r = sum(FACE_R) / 2
    # The pain marker stands beside the face, clockwise, when the sector is wide enough.
    beside = math.degrees((FACE_SIZE + PAIN_SIZE * 1.6) / face_r)
    pain_angle = mid + beside if end - start > 2.6 * beside else mid
    pain_r = face_r if pain_angle != mid else FACE_R[0] - PAIN_SIZE * 1.2
    return Sector(
        stage_id=stage.id, title=stage.title, color=stage.color, phase=phase, start=start,
        end=end, touchpoints=placed, more_touchpoints=more, emotion=emotion, face=face,
        face_score=score, markers=len(scores), pains=len(pains),
        top_pains=tuple(Pain(c.id, c.title, max(1, min(3, c.severity or 1)))
                        for c in ranked[:TOP_PAINS]),
        label=label_box(start, end, *STAGE_R), face_at=polar(mid, face_r),
        pain_at=polar(pain_angle, pain_r))


def _touchpoints(project: Project | None, cards: list[Card], start: float, end: float
                 ) -> tuple[tuple[Touchpoint, ...], int]:
    """Icons in rows along the inner ring (outer row first, each row centred in the
    sector); what does not fit is counted (the last slot then shows "+N")."""
    rows = (TOUCH_R[1] - ICON_PITCH * 0.62, TOUCH_R[1] - ICON_PITCH * 1.62)
    room = [max(0, int((math.radians(end - start) * r - ICON_PITCH * 0.4) // ICON_PITCH))
            for r in rows]
    fits = sum(room) if len(cards) <= sum(room) else max(0, sum(room) - 1)
    mid = (start + end) / 2
    slots: list[Point] = []
    left = min(len(cards), fits)
    for r, capacity in zip(rows, room, strict=True):
        count = min(left, capacity)
        pitch = math.degrees(ICON_PITCH / r)
        slots += [polar(mid + (i - (count - 1) / 2) * pitch, r) for i in range(count)]
        left -= count
    placed = []
    for card, at in zip(cards, slots, strict=False):
        channel = project.channel(card.channel_id) if project is not None else None
        placed.append(Touchpoint(card.id, card.title, channel.icon if channel else "other",
                                 channel.color if channel else "#757575", at))
    return tuple(placed), len(cards) - len(placed)


def more_at(sector: Sector) -> Point:
    """Where the "+N" of touchpoints that did not fit goes: after the last icon."""
    rows = sector.touchpoints
    r = TOUCH_R[1] - ICON_PITCH * 1.62
    if not rows:
        return polar(sector.mid, r)
    last = rows[-1].at
    angle = angle_of(last.x, last.y) + math.degrees(ICON_PITCH / math.hypot(last.x, last.y))
    return polar(angle, math.hypot(last.x, last.y))


@lru_cache(maxsize=512)  # the same few sectors come back at every redraw
def label_box(start: float, end: float, r0: float, r1: float, height: float = 0.16
              ) -> LabelBox:
    """The widest horizontal box of `height` centred in the annular sector that stays
    inside it (text stays upright whatever the sector's angle)."""
    mid = (start + end) / 2
    centre = polar(mid, (r0 + r1) / 2)
    height = min(height, (r1 - r0) * 0.9)

    def fits(w: float, h: float) -> bool:
        for i in range(9):
            for j in range(5):
                x = centre.x - w / 2 + w * i / 8
                y = centre.y - h / 2 + h * j / 4
                r, a = math.hypot(x, y), angle_of(x, y)
                if not r0 <= r <= r1:
                    return False
                # Angles near 0°/360°: compare on the sector's own side of the cut.
                if a < start - 180:
                    a += 360
                elif a > end + 180:
                    a -= 360
                if not start <= a <= end:
                    return False
        return True

    while height > 0.04 and not fits(0.02, height):
        height *= 0.85
    low, high = 0.0, 2.0
    for _ in range(18):
        w = (low + high) / 2
        low, high = (w, high) if fits(w, height) else (low, w)
    return LabelBox(centre, low, height)


def fit_title(wrapper: TextWrapper, title: str, box: LabelBox, scale: float, largest: float,
              smallest: float, leading: float = 1.2) -> tuple[float, list[str]]:
    """(size, lines) of a sector title in its label box scaled by `scale` (points or
    pixels per unit): the largest size from `largest` down to `smallest` at which every
    word fits whole and the lines fit the height; at `smallest`, the lines that fit, the
    last ending in "…". Both painters measure with their own font, the same way."""
    width, height = box.width * scale, box.height * scale
    size = largest
    while True:
        lines = wrapper.wrap(title, size, True, width)
        whole = all(wrapper.width(word, size, True) <= width for word in title.split())
        if (whole and len(lines) * size * leading <= height) or size <= smallest:
            break
        size = max(smallest, size - 0.5)
    fit = max(1, int(height // (size * leading)))
    if len(lines) > fit:
        lines = wrapper.wrap(title, size, True, width, fit + 1)[:fit]
        lines[-1] = wrapper.elide(lines[-1] + " …", size, True, width)
    return size, lines
