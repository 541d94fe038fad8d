"""Find and filter over one map: Qt-free, pure functions of the model.

Find matches a query against what a map shows in words (card titles, bodies, tags,
owners, marker labels, stage and lane titles) ignoring case and Vietnamese diacritics:
"khach hang" finds "Khách hàng", "d" finds "đ". Hits come in reading order: stage by
stage, lane by lane inside a stage, card by card inside a cell.

A filter narrows the cards (and emotion markers) by their fields: AND across kinds of
criterion, OR inside one kind ("website or hotline", and "severity 3").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.domain.model import (  # Filter lives in model: SavedView holds one
    Card,
    EmotionMarker,
    Evidence,
    Filter,
    JourneyMap,
    LaneKind,
    Project,
)


def fold(text: str) -> str:
    """Text folded for matching: no diacritics (đ → d), lower case, single spaces."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().replace("_", " ").split())


# -- find ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One entity whose words hold the query; `kind` is card, marker, stage or lane."""

    entity_id: str
    kind: str


def card_words(card: Card) -> tuple[str, ...]:
    """The words of a card that find looks at."""
    return (card.title, card.body, *card.tags, card.owner)


def card_text(card: Card) -> str:
    """The words of a card that find looks at, folded."""
    return fold(" \n ".join(card_words(card)))


class Finder:
    """`find` that remembers each entity's folded words between calls.

    Folding is what costs (NFD and a pass per character): typing a query letter by
    letter over 5,000 cards folds only the entities whose words changed since the last
    letter. Entities gone from the map are forgotten at the next call.
    """

    def __init__(self) -> None:
        self._folded: dict[str, tuple[tuple[str, ...], str]] = {}
        self._fresh: dict[str, tuple[tuple[str, ...], str]] = {}

    def _text(self, entity_id: str, words: tuple[str, ...]) -> str:
        known = self._folded.get(entity_id)
        if known is None or known[0] != words:
            known = (words, fold(" \n ".join(words)))
        self._fresh[entity_id] = known
        return known[1]

    def find(self, journey: JourneyMap, query: str) -> list[Hit]:
        """The entities of `journey` matching `query`, in reading order ([] when blank).

        Lane titles come first (the header column is at the left), then each stage: its
        title, then its cells lane by lane, cards in their order, markers left to right.
        """
        wanted = fold(query)
        if not wanted:
            return []
        self._fresh = {}
        text = self._text
        stage_rank = {s.id: i for i, s in enumerate(journey.stages)}
        lane_rank = {ln.id: i for i, ln in enumerate(journey.lanes)}
        ranked: list[tuple[tuple[int, int, float], Hit]] = []
        for index, lane in enumerate(journey.lanes):
            if wanted in text(lane.id, (lane.title,)):
                ranked.append(((-1, index, 0.0), Hit(lane.id, "lane")))
        for index, stage in enumerate(journey.stages):
            if wanted in text(stage.id, (stage.title,)):
                ranked.append(((index, -1, 0.0), Hit(stage.id, "stage")))
        for card in journey.cards:
            if wanted in text(card.id, card_words(card)):
                stage, lane = stage_rank.get(card.stage_id), lane_rank.get(card.lane_id)
                if stage is not None and lane is not None:
                    ranked.append(((stage, lane, float(card.order)), Hit(card.id, "card")))
        for marker in journey.markers:
            if marker.label and wanted in text(marker.id, (marker.label,)):
                stage, lane = stage_rank.get(marker.stage_id), lane_rank.get(marker.lane_id)
                if stage is not None and lane is not None:
                    ranked.append(((stage, lane, marker.position), Hit(marker.id, "marker")))
        self._folded, self._fresh = self._fresh, {}
        ranked.sort(key=lambda pair: pair[0])
        return [hit for _rank, hit in ranked]


def find(journey: JourneyMap, query: str) -> list[Hit]:
    """The entities of `journey` matching `query`, in reading order (see Finder.find)."""
    return Finder().find(journey, query)


# -- filter ----------------------------------------------------------------------------


def card_passes(card: Card, kind: LaneKind, criteria: Filter) -> bool:
    """True when the card (in a lane of `kind`) meets every kind of criterion set.

    A score range alone says nothing about cards (they carry no score): it keeps them.
    """
    if criteria.lane_kinds and kind not in criteria.lane_kinds:
        return False
    if criteria.channels and card.channel_id not in criteria.channels:
        return False
    if criteria.tags and not criteria.tags.intersection(fold(t) for t in card.tags):
        return False
    if criteria.severities and card.severity not in criteria.severities:
        return False
    if criteria.evidence and card.evidence not in criteria.evidence:
        return False
    for wanted, value in ((criteria.statuses, card.status), (criteria.priorities, card.priority),
                          (criteria.owners, card.owner)):
        if wanted and fold(value) not in wanted:
            return False
    return not (criteria.favourite and not card.favourite)


def marker_passes(marker: EmotionMarker, criteria: Filter) -> bool:
    """True when an emotion marker is kept: its lane kind and score pass.

    Markers carry none of the cards' fields, so a filter on those hides the markers too
    (a filtered view shows only what was asked for), unless a score range asks for them.
    """
    if criteria.lane_kinds and LaneKind.EMOTIONS not in criteria.lane_kinds:
        return False
    if criteria.card_criteria and not criteria.score_criteria:
        return False
    low = criteria.score_min if criteria.score_min is not None else marker.score
    high = criteria.score_max if criteria.score_max is not None else marker.score
    return low <= marker.score <= high


@dataclass
class Passing:
    """What a filter keeps of one map: card and marker ids, and the totals."""

    cards: set[str] = field(default_factory=set)
    markers: set[str] = field(default_factory=set)
    total_cards: int = 0
    total_markers: int = 0


def apply_filter(journey: JourneyMap, criteria: Filter) -> Passing:
    """The cards and markers of `journey` that `criteria` keeps."""
    kinds = {lane.id: lane.kind for lane in journey.lanes}
    result = Passing(total_cards=len(journey.cards), total_markers=len(journey.markers))
    for card in journey.cards:
        kind = kinds.get(card.lane_id)
        if kind is not None and card_passes(card, kind, criteria):
            result.cards.add(card.id)
    result.markers = {m.id for m in journey.markers if marker_passes(m, criteria)}
    return result


# -- what a filter can choose from ----------------------------------------------------


@dataclass
class Options:
    """The values a map's cards use, for the filter's checklists (in first-seen order).

    Text values map their folded form to the first spelling met, shown to the user.
    """

    channels: list[tuple[str, str]] = field(default_factory=list)  # (id, name)
    lane_kinds: list[LaneKind] = field(default_factory=list)
    tags: dict[str, str] = field(default_factory=dict)
    severities: list[int] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    statuses: dict[str, str] = field(default_factory=dict)
    priorities: dict[str, str] = field(default_factory=dict)
    owners: dict[str, str] = field(default_factory=dict)


def options(project: Project, journey: JourneyMap) -> Options:
    """What the filter offers for `journey`: only values some card (or lane) carries."""
    found = Options()
    used_channels = {c.channel_id for c in journey.cards if c.channel_id}
    found.channels = [(ch.id, ch.name) for ch in project.channels if ch.id in used_channels]
    found.lane_kinds = _unique(lane.kind for lane in journey.lanes)
    cards = sorted(journey.cards, key=lambda c: c.order)
    found.severities = sorted({c.severity for c in cards if c.severity is not None})
    found.evidence = [e for e in Evidence if any(c.evidence == e for c in cards)]
    for card in cards:
        for tag in card.tags:
            _note(found.tags, tag)
        _note(found.statuses, card.status)
        _note(found.priorities, card.priority)
        _note(found.owners, card.owner)
    return found


def _unique(values: Iterable[LaneKind]) -> list[LaneKind]:
    seen: list[LaneKind] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


def _note(into: dict[str, str], text: str) -> None:
    key = fold(text)
    if key and key not in into:
        into[key] = text.strip()
