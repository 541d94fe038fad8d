"""The journey-map domain model: plain dataclasses, the single source of truth.

Nothing here imports Qt, SQLAlchemy or ReportLab (an import-linter contract checks it).
Entities carry stable string ids; children carry the id of the map they belong to.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

SCORE_MIN = -2
SCORE_MAX = 2
DEFAULT_STAGE_WIDTH = 240.0
MIN_STAGE_WIDTH = 140.0
MIN_LANE_HEIGHT = 96.0

_CHANNEL_NAMESPACE = uuid.UUID("7c1f2f4e-3b1a-4d64-9a53-0c3c5a2f9e11")


def new_id() -> str:
    """A fresh, globally unique entity id."""
    return str(uuid.uuid4())


def now_iso() -> str:
    """The current UTC time as an ISO-8601 string with seconds."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class MapState(StrEnum):
    """Whether a map describes today's experience or the one we design."""

    CURRENT = "current"
    FUTURE = "future"


class LaneKind(StrEnum):
    """The kind of a lane decides its cards' fields and style."""

    TOUCHPOINTS = "touchpoints"
    ACTIONS = "actions"
    THOUGHTS = "thoughts"
    EMOTIONS = "emotions"
    PAINS = "pains"
    OPPORTUNITIES = "opportunities"
    BACKSTAGE = "backstage"
    METRICS = "metrics"
    TEXT = "text"


class Evidence(StrEnum):
    """How sure we are that a card is true."""

    OBSERVED = "observed"
    ASSUMED = "assumed"
    PROPOSED = "proposed"


class Phase(StrEnum):
    """Where a stage sits in the customer's timeline."""

    BEFORE = "before"
    DURING = "during"
    AFTER = "after"


class ConnectorKind(StrEnum):
    """What an arrow between two cards (or a card and a stage) means."""

    FLOW = "flow"
    LOOP_BACK = "loop_back"
    BRANCH = "branch"
    HANDOFF = "handoff"
    DEPENDENCY = "dependency"


def channel_id_for(key: str) -> str:
    """The deterministic id of a built-in channel, equal in every project."""
    return str(uuid.uuid5(_CHANNEL_NAMESPACE, "channel:" + key))


@dataclass
class Channel:
    """A way the customer meets the business (website, hotline, store…)."""

    key: str
    name: str
    icon: str = "other"
    color: str = "#2F6FB3"
    id: str = field(default_factory=new_id)


@dataclass
class Persona:
    """The one customer type a map is about."""

    name: str
    id: str = field(default_factory=new_id)
    description: str = ""
    age: int | None = None
    occupation: str = ""
    quote: str = ""
    goals: str = ""
    motivations: str = ""
    behaviours: str = ""
    interests: str = ""
    pains: str = ""
    channel_ids: list[str] = field(default_factory=list)
    photo: bytes | None = None
    photo_mime: str = ""


@dataclass
class Stage:
    """A column of a map, ordered left to right by its place in `JourneyMap.stages`."""

    map_id: str
    title: str
    id: str = field(default_factory=new_id)
    description: str = ""
    color: str = "#999999"
    width: float = DEFAULT_STAGE_WIDTH
    phase: Phase | None = None  # None: guessed by app.domain.phases.stage_phase


@dataclass
class Lane:
    """A row of a map, ordered top to bottom by its place in `JourneyMap.lanes`."""

    map_id: str
    title: str
    kind: LaneKind = LaneKind.TEXT
    id: str = field(default_factory=new_id)
    height: float = MIN_LANE_HEIGHT
    collapsed: bool = False


@dataclass
class Card:
    """One item in a cell (stage × lane); `order` ranks it inside its cell."""

    map_id: str
    stage_id: str
    lane_id: str
    title: str = ""
    id: str = field(default_factory=new_id)
    order: int = 0
    body: str = ""
    channel_id: str | None = None
    color: str = ""
    tags: list[str] = field(default_factory=list)
    severity: int | None = None
    owner: str = ""
    priority: str = ""
    status: str = ""
    value: float | None = None
    unit: str = ""
    target: float | None = None
    evidence: Evidence | None = None
    favourite: bool = False
    span: int = 1


@dataclass
class EmotionMarker:
    """A score on the emotions lane at a position (0..1) inside a stage."""

    map_id: str
    stage_id: str
    lane_id: str
    score: int = 0
    position: float = 0.5
    label: str = ""
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class Filter:
    """Criteria on cards and markers; an empty set means "any" for that kind.

    `tags`, `owners`, `statuses` and `priorities` hold folded text, so "Meta ads" picks
    the cards tagged "Meta Ads". `favourite` True keeps only favourite cards. The score
    range keeps the emotion markers scored inside it (both ends included).
    """

    channels: frozenset[str] = frozenset()  # channel ids
    lane_kinds: frozenset[LaneKind] = frozenset()
    tags: frozenset[str] = frozenset()
    severities: frozenset[int] = frozenset()
    evidence: frozenset[Evidence] = frozenset()
    statuses: frozenset[str] = frozenset()
    priorities: frozenset[str] = frozenset()
    owners: frozenset[str] = frozenset()
    favourite: bool = False
    score_min: int | None = None
    score_max: int | None = None

    @property
    def card_criteria(self) -> bool:
        """True when some criterion concerns cards' own fields (not only the lane)."""
        return bool(self.channels or self.tags or self.severities or self.evidence
                    or self.statuses or self.priorities or self.owners or self.favourite)

    @property
    def score_criteria(self) -> bool:
        """True when a score range is set."""
        return self.score_min is not None or self.score_max is not None

    @property
    def empty(self) -> bool:
        """True when the filter keeps everything."""
        return not (self.card_criteria or self.lane_kinds or self.score_criteria)


@dataclass
class Connector:
    """An arrow from a card to a card or a stage of the same map."""

    map_id: str
    source_id: str  # a card id
    target_id: str  # a card id or a stage id
    kind: ConnectorKind = ConnectorKind.FLOW
    label: str = ""
    assumed: bool = False  # drawn dashed
    id: str = field(default_factory=new_id)


@dataclass
class SavedView:
    """A named filter, lane visibility and zoom, listed in a map's View menu."""

    map_id: str
    name: str
    filter: Filter = field(default_factory=Filter)
    hide: bool = False  # hide what the filter drops rather than dim it
    hidden_lane_ids: list[str] = field(default_factory=list)
    zoom: float | None = None  # None: fit the map
    id: str = field(default_factory=new_id)


@dataclass
class VotingRound:
    """A dot-voting round on a map's cards."""

    map_id: str
    title: str
    dots_per_participant: int = 3
    participants: list[str] = field(default_factory=list)  # empty: anonymous dots
    closed: bool = False
    created: str = field(default_factory=now_iso)
    id: str = field(default_factory=new_id)


@dataclass
class Vote:
    """One dot a participant put on a card in a round."""

    round_id: str
    card_id: str
    participant: str = ""
    id: str = field(default_factory=new_id)


# Lists whose order carries no meaning: equality compares them sorted by id.
_UNORDERED = frozenset({"cards", "markers", "connectors", "votes"})


@dataclass(eq=False)
class JourneyMap:
    """One journey: stages × lanes holding cards and emotion markers.

    Stages and lanes are ordered by their place in the list. The order of `cards` and
    `markers` carries no meaning (a card's place is its cell and `order`), so equality
    ignores it: the file may return them in another order than memory holds them.
    """

    name: str
    id: str = field(default_factory=new_id)
    description: str = ""
    state: MapState = MapState.CURRENT
    persona_id: str | None = None
    derived_from_id: str | None = None
    emotion_min: int = SCORE_MIN
    emotion_max: int = SCORE_MAX
    stages: list[Stage] = field(default_factory=list)
    lanes: list[Lane] = field(default_factory=list)
    cards: list[Card] = field(default_factory=list)
    markers: list[EmotionMarker] = field(default_factory=list)
    connectors: list[Connector] = field(default_factory=list)
    views: list[SavedView] = field(default_factory=list)  # ordered: menu order
    rounds: list[VotingRound] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, JourneyMap):
            return NotImplemented
        for f in dataclasses.fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if f.name in _UNORDERED:
                mine = sorted(mine, key=lambda item: item.id)
                theirs = sorted(theirs, key=lambda item: item.id)
            if mine != theirs:
                return False
        return True

    __hash__ = None  # type: ignore[assignment]  # mutable, like every other entity

    def stage(self, stage_id: str) -> Stage | None:
        """The stage with this id, or None."""
        return next((s for s in self.stages if s.id == stage_id), None)

    def lane(self, lane_id: str) -> Lane | None:
        """The lane with this id, or None."""
        return next((lane for lane in self.lanes if lane.id == lane_id), None)

    def card(self, card_id: str) -> Card | None:
        """The card with this id, or None."""
        return next((c for c in self.cards if c.id == card_id), None)

    def connector(self, connector_id: str) -> Connector | None:
        """The connector with this id, or None."""
        return next((c for c in self.connectors if c.id == connector_id), None)

    def connectors_of(self, entity_id: str) -> list[Connector]:
        """The connectors touching this card or stage, as source or target."""
        return [c for c in self.connectors if entity_id in (c.source_id, c.target_id)]

    def view(self, view_id: str) -> SavedView | None:
        """The saved view with this id, or None."""
        return next((v for v in self.views if v.id == view_id), None)

    def round(self, round_id: str) -> VotingRound | None:
        """The voting round with this id, or None."""
        return next((r for r in self.rounds if r.id == round_id), None)

    def cell_cards(self, stage_id: str, lane_id: str) -> list[Card]:
        """The cards of one cell in their display order."""
        cell = [c for c in self.cards if c.stage_id == stage_id and c.lane_id == lane_id]
        cell.sort(key=lambda c: c.order)
        return cell

    def cells(self) -> dict[tuple[str, str], list[Card]]:
        """Every non-empty cell's cards in display order, keyed by (stage id, lane id)."""
        grouped: dict[tuple[str, str], list[Card]] = {}
        for card in self.cards:
            grouped.setdefault((card.stage_id, card.lane_id), []).append(card)
        for cards in grouped.values():
            cards.sort(key=lambda c: c.order)
        return grouped

    def stage_markers(self, stage_id: str) -> list[EmotionMarker]:
        """The markers of one stage, left to right."""
        return sorted((m for m in self.markers if m.stage_id == stage_id), key=lambda m: m.position)

    def ordered_markers(self) -> list[EmotionMarker]:
        """All markers in journey order: by stage, then position inside the stage."""
        rank = {s.id: i for i, s in enumerate(self.stages)}
        return sorted(
            (m for m in self.markers if m.stage_id in rank),
            key=lambda m: (rank[m.stage_id], m.position),
        )


@dataclass
class Snapshot:
    """A named, dated, read-only copy of a map taken at a review."""

    map_id: str
    name: str
    content: JourneyMap
    id: str = field(default_factory=new_id)
    taken_at: str = field(default_factory=now_iso)


@dataclass
class Project:
    """One .cjm file: personas, maps, snapshots and the channel catalogue."""

    title: str
    id: str = field(default_factory=new_id)
    client: str = ""
    author: str = ""
    created: str = field(default_factory=now_iso)
    modified: str = field(default_factory=now_iso)
    language: str = "en"
    # Stored fields lead (app.storage.mapping reads rows positionally); lists follow.
    logo: bytes | None = None  # checked like persona photos (app.domain.images)
    logo_mime: str = ""
    accent: str = ""  # "": the default accent, else "#RRGGBB"
    personas: list[Persona] = field(default_factory=list)
    maps: list[JourneyMap] = field(default_factory=list)
    snapshots: list[Snapshot] = field(default_factory=list)
    channels: list[Channel] = field(default_factory=list)

    def map(self, map_id: str) -> JourneyMap | None:
        """The map with this id, or None."""
        return next((m for m in self.maps if m.id == map_id), None)

    def map_named(self, name: str) -> JourneyMap | None:
        """The first map with this name (case-insensitive), or None."""
        wanted = name.casefold()
        return next((m for m in self.maps if m.name.casefold() == wanted), None)

    def persona(self, persona_id: str | None) -> Persona | None:
        """The persona with this id, or None."""
        return next((p for p in self.personas if p.id == persona_id), None)

    def channel(self, channel_id: str | None) -> Channel | None:
        """The channel with this id, or None."""
        return next((c for c in self.channels if c.id == channel_id), None)

    def snapshot(self, snapshot_id: str) -> Snapshot | None:
        """The snapshot with this id, or None."""
        return next((s for s in self.snapshots if s.id == snapshot_id), None)
