"""Connectors, stage phases, saved views, voting and the project's logo/accent in the model."""

from __future__ import annotations

import json

import pytest

from app.domain.model import (
    Card,
    Connector,
    ConnectorKind,
    Filter,
    JourneyMap,
    LaneKind,
    Phase,
    Project,
    SavedView,
    Stage,
    Vote,
    VotingRound,
)
from app.domain.phases import phase_from_title, stage_phase
from app.domain.serialize import (
    FormatError,
    filter_from_dict,
    filter_to_dict,
    project_from_dict,
    project_to_dict,
)
from app.domain.templates import new_project
from app.domain.validation import DomainError, validate_project
from app.domain.voting import VoteRefusal, can_vote, card_votes, dots_left, top_voted


def _with_cards(project: Project) -> Project:
    journey = project.maps[0]
    for i, stage in enumerate(journey.stages[:2]):
        journey.cards.append(Card(journey.id, stage.id, journey.lanes[i].id, f"Card {i}"))
    return project


def _rich_project() -> Project:
    project = _with_cards(new_project("awareness-5", "vi"))
    journey = project.maps[0]
    a, b = journey.cards[0], journey.cards[1]
    journey.connectors += [
        Connector(journey.id, a.id, b.id, ConnectorKind.LOOP_BACK, "retry", assumed=True),
        Connector(journey.id, b.id, journey.stages[-1].id),
    ]
    journey.views.append(SavedView(
        journey.id, "Pains only",
        Filter(lane_kinds=frozenset({LaneKind.PAINS}), tags=frozenset({"meta ads"}),
               severities=frozenset({3}), score_min=-2, score_max=0),
        hide=True, hidden_lane_ids=[journey.lanes[0].id], zoom=0.75))
    voting = VotingRound(journey.id, "Workshop", 2, ["An", "Bình"])
    journey.rounds.append(voting)
    journey.votes += [Vote(voting.id, a.id, "An"), Vote(voting.id, a.id, "Bình"),
                      Vote(voting.id, b.id, "An")]
    journey.stages[0].phase = Phase.BEFORE
    project.accent = "#0A7F5C"
    return project


def test_json_round_trip_keeps_every_new_entity():
    project = _rich_project()
    text = json.dumps(project_to_dict(project))
    back = project_from_dict(json.loads(text))
    validate_project(back)
    assert back == project
    journey = back.maps[0]
    assert journey.views[0].filter.lane_kinds == {LaneKind.PAINS}
    assert journey.connectors_of(journey.cards[1].id) and len(journey.votes) == 3
    assert back.accent == "#0A7F5C"


def test_version_1_json_without_new_keys_still_loads():
    data = project_to_dict(new_project("awareness-5", "en"))
    data["version"] = 1
    for journey in data["maps"]:
        for key in ("connectors", "views", "rounds", "votes"):
            del journey[key]
        for stage in journey["stages"]:
            del stage["phase"]
    for key in ("logo", "logo_mime", "accent"):
        del data["project"][key]
    back = project_from_dict(data)
    assert back.maps[0].connectors == [] and back.maps[0].views == [] and back.accent == ""


def test_filter_round_trip_and_hostile_values():
    criteria = Filter(channels=frozenset({"c1"}), tags=frozenset({"meta ads"}),
                      favourite=True, score_min=-1)
    assert filter_from_dict(json.loads(json.dumps(filter_to_dict(criteria)))) == criteria
    assert filter_from_dict({"tags": ["Méta Ads"]}).tags == {"meta ads"}  # folded again
    for bad, words in (({"lane_kinds": ["nope"]}, "LaneKind"),
                       ({"severities": [7]}, "severities"),
                       ({"score_min": 2, "score_max": -2}, "above"),
                       ({"tags": "x"}, "list"), ([], "object")):
        with pytest.raises(FormatError, match=words):
            filter_from_dict(bad)


def test_connectors_to_nothing_or_another_map_are_invalid():
    project = _rich_project()
    other = JourneyMap("Other")
    project.maps.append(other)
    journey = project.maps[0]
    journey.connectors.append(Connector(journey.id, journey.cards[0].id, "missing"))
    with pytest.raises(DomainError, match="end at a card or a stage"):
        validate_project(project)
    journey.connectors[-1].target_id = journey.connectors[-1].source_id
    with pytest.raises(DomainError, match="itself"):
        validate_project(project)


def test_equality_ignores_connector_and_vote_order():
    one = _rich_project()
    clone = project_from_dict(project_to_dict(one))
    clone.maps[0].connectors.reverse()
    clone.maps[0].votes.reverse()
    assert clone == one
    clone.maps[0].votes.pop()
    assert clone != one


@pytest.mark.parametrize(("title", "phase"), [
    ("Nhận biết", Phase.BEFORE), ("nhan biet", Phase.BEFORE), ("Tìm hiểu", Phase.BEFORE),
    ("Awareness", Phase.BEFORE), ("Consideration", Phase.BEFORE), ("Cân nhắc", Phase.BEFORE),
    ("Mua hàng", Phase.DURING), ("Thanh toán", Phase.DURING), ("Purchase", Phase.DURING),
    ("Giao hàng", Phase.DURING), ("Đặt hàng", Phase.DURING), ("Delivery", Phase.DURING),
    ("Sử dụng", Phase.AFTER), ("Hỗ trợ", Phase.AFTER), ("Loyalty", Phase.AFTER),
    ("Retention", Phase.AFTER), ("After-sales support", Phase.AFTER),
    ("Trung thành", Phase.AFTER),
])
def test_phase_guessed_from_vietnamese_and_english_titles(title, phase):
    assert phase_from_title(title) == phase


def test_phase_explicit_wins_and_position_decides_the_rest():
    journey = JourneyMap("m")
    journey.stages = [Stage(journey.id, f"Step {i}") for i in range(6)]
    assert [stage_phase(journey, s) for s in journey.stages] == [
        Phase.BEFORE, Phase.BEFORE, Phase.DURING, Phase.DURING, Phase.AFTER, Phase.AFTER]
    journey.stages[0].phase = Phase.AFTER
    journey.stages[5].title = "Awareness"
    assert stage_phase(journey, journey.stages[0]) == Phase.AFTER
    assert stage_phase(journey, journey.stages[5]) == Phase.BEFORE


def test_voting_counts_and_refusals():
    project = _rich_project()
    journey = project.maps[0]
    voting = journey.rounds[0]
    a, b = journey.cards[0], journey.cards[1]
    assert card_votes(journey) == {a.id: 2, b.id: 1}
    assert dots_left(journey, voting, "An") == 0 and dots_left(journey, voting, "Bình") == 1
    assert can_vote(journey, voting, b.id, "An") is VoteRefusal.NO_DOTS_LEFT
    assert can_vote(journey, voting, b.id, "Bình") is None
    assert can_vote(journey, voting, b.id, "Chi") is VoteRefusal.NOT_PARTICIPANT
    assert can_vote(journey, voting, "nope", "Bình") is VoteRefusal.NOT_ON_MAP
    open_room = VotingRound(journey.id, "Room", participants=[])
    assert can_vote(journey, open_room, b.id, "An") is VoteRefusal.ANONYMOUS_ONLY
    assert can_vote(journey, open_room, b.id) is None
    voting.closed = True
    assert can_vote(journey, voting, b.id, "Bình") is VoteRefusal.CLOSED
    assert top_voted(journey, None, 1) == [(a.id, 2)]
    kind_of_a = journey.lane(a.lane_id).kind
    others = [k for k in LaneKind if k != kind_of_a and k != journey.lane(b.lane_id).kind]
    assert top_voted(journey, others[:1], 5) == []


def test_vote_for_a_card_of_another_map_is_invalid():
    project = _rich_project()
    second = _with_cards(new_project("awareness-5", "en")).maps[0]
    project.maps.append(second)
    journey = project.maps[0]
    journey.votes.append(Vote(journey.rounds[0].id, second.cards[0].id))
    with pytest.raises(DomainError, match="card of the round's map"):
        validate_project(project)


def test_accent_must_be_a_colour():
    project = _rich_project()
    project.accent = "teal"
    with pytest.raises(DomainError):
        validate_project(project)


def test_card_helper():
    journey = JourneyMap("m")
    card = Card(journey.id, "s", "l")
    journey.cards.append(card)
    assert journey.card(card.id) is card and journey.card("x") is None


def test_a_copied_map_keeps_connectors_and_views_re_keyed_but_not_votes():
    from app.domain.copying import clone_map

    project = _rich_project()
    journey = project.maps[0]
    copy = clone_map(journey, "Future")
    card_ids = {c.id for c in copy.cards}
    stage_ids = {s.id for s in copy.stages}
    assert len(copy.connectors) == 2
    for connector in copy.connectors:
        assert connector.map_id == copy.id and connector.source_id in card_ids
        assert connector.target_id in card_ids | stage_ids
    assert copy.views[0].hidden_lane_ids == [copy.lanes[0].id]
    assert copy.views[0].filter == journey.views[0].filter
    assert copy.rounds == [] and copy.votes == []
    project.maps.append(copy)
    validate_project(project)
