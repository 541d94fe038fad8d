"""Dot voting: Qt-free counts and the rules of a round.

Each named participant of a round has `dots_per_participant` dots. A round with no
participants takes anonymous dots (participant ""): the room votes in turn at one
screen, so anonymous dots have no total limit and dots_left is always the per-voter
allowance.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from app.domain.model import JourneyMap, LaneKind, VotingRound


def card_votes(journey: JourneyMap, round_id: str | None = None) -> dict[str, int]:
    """Dots per card id in one round, or in every round when round_id is None."""
    counts = Counter(v.card_id for v in journey.votes
                     if round_id is None or v.round_id == round_id)
    return dict(counts)


def dots_left(journey: JourneyMap, round_: VotingRound, participant: str) -> int:
    """How many dots this participant may still put in the round."""
    if not round_.participants:
        return round_.dots_per_participant
    used = sum(1 for v in journey.votes
               if v.round_id == round_.id and v.participant == participant)
    return max(0, round_.dots_per_participant - used)


class VoteRefusal(Enum):
    """Why a dot cannot go on a card. A code, not a sentence: the editor words it in the
    user's language (app.document.operations_links.refusal_text)."""

    CLOSED = "closed"  # the round is closed
    NOT_ON_MAP = "not on map"  # the card is not on the round's map
    NOT_PARTICIPANT = "not a participant"  # a named round, and this voter is not in it
    ANONYMOUS_ONLY = "anonymous only"  # a round without names, and a name was given
    NO_DOTS_LEFT = "no dots left"


def can_vote(journey: JourneyMap, round_: VotingRound, card_id: str,
             participant: str = "") -> VoteRefusal | None:
    """None when the dot may go on the card, else why not."""
    if round_.closed:
        return VoteRefusal.CLOSED
    if journey.card(card_id) is None:
        return VoteRefusal.NOT_ON_MAP
    if round_.participants and participant not in round_.participants:
        return VoteRefusal.NOT_PARTICIPANT
    if not round_.participants and participant:
        return VoteRefusal.ANONYMOUS_ONLY
    if dots_left(journey, round_, participant) == 0:
        return VoteRefusal.NO_DOTS_LEFT
    return None


def top_voted(journey: JourneyMap, lane_kinds: Iterable[LaneKind] | None = None,
              n: int = 5, round_id: str | None = None) -> list[tuple[str, int]]:
    """The n most voted cards as (card id, dots), most first, ties in reading order.

    `lane_kinds` empty or None means every lane.
    """
    kinds = frozenset(lane_kinds or ())
    lane_kind = {lane.id: lane.kind for lane in journey.lanes}
    stage_rank = {s.id: i for i, s in enumerate(journey.stages)}
    lane_rank = {lane.id: i for i, lane in enumerate(journey.lanes)}
    counts = card_votes(journey, round_id)
    cards = [c for c in journey.cards if counts.get(c.id)
             and (not kinds or lane_kind.get(c.lane_id) in kinds)]
    cards.sort(key=lambda c: (-counts[c.id], stage_rank.get(c.stage_id, -1),
                              lane_rank.get(c.lane_id, -1), c.order))
    return [(c.id, counts[c.id]) for c in cards[:n]]


@dataclass(frozen=True)
class VotedCard:
    """A card of the insights' "top voted" list with its dots."""

    card_id: str
    title: str
    stage_title: str
    kind: LaneKind
    dots: int


@dataclass(frozen=True)
class RoundResult:
    """What the room voted for in one round: the most voted opportunities, pains and
    other cards, most dots first (ties in reading order)."""

    round_id: str
    title: str
    closed: bool
    dots: int  # every dot of the round, on any card
    opportunities: tuple[VotedCard, ...]
    pains: tuple[VotedCard, ...]
    others: tuple[VotedCard, ...]


def latest_round(journey: JourneyMap) -> VotingRound | None:
    """The newest round (by when it was started) that has dots, or None."""
    with_dots = {v.round_id for v in journey.votes}
    rounds = [(r.created, i, r) for i, r in enumerate(journey.rounds) if r.id in with_dots]
    return max(rounds, key=lambda t: (t[0], t[1]))[2] if rounds else None


def latest_result(journey: JourneyMap, n: int = 5) -> RoundResult | None:
    """The result of the newest round that has dots, or None when no card has one.

    The newest rather than the sum of all: rounds ask different questions ("what hurts
    most", then "what do we fix first"), and adding their dots would mix the answers.
    """
    round_ = latest_round(journey)
    if round_ is None:
        return None
    cards = {c.id: c for c in journey.cards}
    stages = {s.id: s.title for s in journey.stages}
    kinds = {lane.id: lane.kind for lane in journey.lanes}

    def voted(pairs: list[tuple[str, int]]) -> tuple[VotedCard, ...]:
        return tuple(VotedCard(cid, cards[cid].title, stages.get(cards[cid].stage_id, ""),
                               kinds[cards[cid].lane_id], dots) for cid, dots in pairs)

    other_kinds = [k for k in LaneKind if k not in (LaneKind.OPPORTUNITIES, LaneKind.PAINS)]
    return RoundResult(
        round_.id, round_.title, round_.closed,
        sum(1 for v in journey.votes if v.round_id == round_.id and v.card_id in cards),
        voted(top_voted(journey, [LaneKind.OPPORTUNITIES], n, round_.id)),
        voted(top_voted(journey, [LaneKind.PAINS], n, round_.id)),
        voted(top_voted(journey, other_kinds, 3, round_.id)))
