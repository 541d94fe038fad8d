"""Connectors, saved views and voting as undoable operations, with their cascades, and
exactly what they say: each refusal and each undo step's name."""

from __future__ import annotations

import pytest

from app.document import operations
from app.document.operations_links import (
    LinkRefused,
    add_connector,
    add_view,
    add_vote,
    clear_votes,
    close_round,
    move_view,
    open_round,
    refusal_text,
    remove_view,
    remove_vote,
    rename_view,
    reopen_round,
    update_view,
)
from app.domain.events import ChangeKind
from app.domain.model import Connector, ConnectorKind, Filter, LaneKind, Vote, VotingRound
from app.domain.voting import VoteRefusal, card_votes


def _cards(doc, n=3):
    journey = doc.project.maps[0]
    lane = next(lane for lane in journey.lanes if lane.kind != LaneKind.EMOTIONS)
    cards = [operations.add_card(doc, journey, journey.stages[i].id, lane.id, title=f"Card {i}")
             for i in range(n)]
    return journey, cards


def test_add_connector_is_one_step_and_announced(doc):
    journey, (a, b, _c) = _cards(doc)
    seen = []
    doc.changed.connect(seen.extend)
    depth = doc.undo_stack.index()
    connector = add_connector(doc, journey, a.id, b.id, ConnectorKind.HANDOFF, "to support",
                              assumed=True)
    assert journey.connectors == [connector] and doc.undo_stack.index() == depth + 1
    assert [(c.kind, c.entity) for c in seen] == [(ChangeKind.ADDED, connector)]
    assert doc.undo_stack.text(depth) == "Add connector"
    doc.undo_stack.undo()
    assert journey.connectors == []


def test_connector_refusals(doc):
    journey, (a, b, _c) = _cards(doc)
    add_connector(doc, journey, a.id, journey.stages[-1].id)
    other = operations.add_map(doc, type(journey)("Other"))
    foreign = operations.add_stage(doc, other, "Elsewhere")
    for source, target, words in ((a.id, a.id, "itself"), ("nope", b.id, "start at a card"),
                                  (a.id, "nope", "end at a card"),
                                  (a.id, foreign.id, "end at a card"),
                                  (a.id, journey.stages[-1].id, "already linked")):
        with pytest.raises(LinkRefused, match=words):
            add_connector(doc, journey, source, target)
    assert len(journey.connectors) == 1


def test_removing_a_card_removes_its_connectors_and_votes_and_undo_restores(doc):
    journey, (a, b, c) = _cards(doc)
    first = add_connector(doc, journey, a.id, b.id)
    second = add_connector(doc, journey, c.id, a.id, ConnectorKind.LOOP_BACK)
    keep = add_connector(doc, journey, b.id, c.id)
    voting = open_round(doc, journey, "Workshop", 3)
    add_vote(doc, voting, a)
    add_vote(doc, voting, b)
    depth = doc.undo_stack.index()
    operations.remove(doc, [a])
    assert journey.connectors == [keep] and card_votes(journey) == {b.id: 1}
    assert doc.undo_stack.index() == depth + 1
    doc.undo_stack.undo()
    assert {x.id for x in journey.connectors} == {first.id, second.id, keep.id}
    assert card_votes(journey) == {a.id: 1, b.id: 1}


def test_removing_a_stage_or_lane_cascades_to_connectors(doc):
    journey, (a, b, c) = _cards(doc)
    add_connector(doc, journey, a.id, b.id)
    to_stage = add_connector(doc, journey, c.id, journey.stages[0].id)
    operations.remove(doc, [journey.stages[2]])  # c's stage: c and its link go
    assert to_stage not in journey.connectors and len(journey.connectors) == 1
    operations.remove(doc, [journey.lane(a.lane_id)])  # every card: every link goes
    assert journey.connectors == []
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert len(journey.connectors) == 2


def test_views_names_unique_rename_update_reorder(doc):
    journey = doc.project.maps[0]
    first = add_view(doc, journey, "Pains", Filter(lane_kinds=frozenset({LaneKind.PAINS})),
                     hide=True, zoom=0.5)
    second = add_view(doc, journey, "All", Filter())
    with pytest.raises(LinkRefused, match="already has a view"):
        add_view(doc, journey, " pains ", Filter())
    with pytest.raises(LinkRefused, match="already has a view"):
        rename_view(doc, journey, second, "PAINS")
    with pytest.raises(LinkRefused, match="needs a name"):
        add_view(doc, journey, "  ", Filter())
    rename_view(doc, journey, second, "Everything")
    update_view(doc, first, zoom=None, hide=False)
    assert (first.zoom, first.hide, second.name) == (None, False, "Everything")
    move_view(doc, second, 0)
    assert journey.views == [second, first]
    operations.remove(doc, [first])
    assert journey.views == [second]
    doc.undo_stack.undo()
    assert journey.views == [second, first]


def test_voting_round_rules(doc):
    journey, (a, b, _c) = _cards(doc)
    voting = open_round(doc, journey, "Prioritise", 2, ["An", "Bình"])
    add_vote(doc, voting, a, "An")
    add_vote(doc, voting, b, "An")
    with pytest.raises(LinkRefused, match="no dots left"):
        add_vote(doc, voting, a, "An")
    with pytest.raises(LinkRefused, match="not a participant"):
        add_vote(doc, voting, a, "Chi")
    close_round(doc, voting)
    with pytest.raises(LinkRefused, match="closed"):
        add_vote(doc, voting, a, "Bình")
    reopen_round(doc, voting)
    vote = add_vote(doc, voting, a, "Bình")
    remove_vote(doc, vote)
    assert card_votes(journey, voting.id) == {a.id: 1, b.id: 1}
    add_vote(doc, voting, a, "Bình")
    clear_votes(doc, voting, a)
    assert card_votes(journey, voting.id) == {b.id: 1}
    doc.undo_stack.undo()
    assert card_votes(journey, voting.id) == {a.id: 2, b.id: 1}
    other = operations.add_map(doc, type(journey)("Other"))
    stage = operations.add_stage(doc, other, "S")
    lane = operations.add_lane(doc, other, LaneKind.PAINS)
    foreign = operations.add_card(doc, other, stage.id, lane.id, title="x")
    with pytest.raises(LinkRefused, match="not on this round's map"):
        add_vote(doc, voting, foreign, "Bình")


def test_removing_a_round_removes_its_votes(doc):
    journey, (a, _b, _c) = _cards(doc)
    voting = open_round(doc, journey, "R", 3)
    add_vote(doc, voting, a)
    operations.remove(doc, [voting])
    assert journey.rounds == [] and journey.votes == []
    doc.undo_stack.undo()
    assert [type(v) for v in journey.votes] == [Vote] and journey.rounds == [voting]


def test_set_fields_works_on_connectors(doc):
    journey, (a, b, _c) = _cards(doc)
    connector = add_connector(doc, journey, a.id, b.id)
    operations.set_fields(doc, connector, label="then", kind=ConnectorKind.BRANCH)
    assert (connector.label, connector.kind) == ("then", ConnectorKind.BRANCH)
    with pytest.raises(ValueError, match="itself"):
        operations.set_fields(doc, connector, target_id=a.id)
    assert isinstance(journey.connectors[0], Connector)


# -- the words: each refusal's sentence, each undo step's name ("Undo <name>") --------

def _refused(call) -> str:
    with pytest.raises(LinkRefused) as refused:
        call()
    return str(refused.value)


def _step(doc) -> str:
    """The name of the last undo step."""
    return doc.undo_stack.text(doc.undo_stack.index() - 1)


def test_a_plain_connector_is_a_flow_without_label_and_sure(doc):
    journey, (a, b, _c) = _cards(doc)
    connector = add_connector(doc, journey, a.id, b.id)
    assert (connector.kind, connector.label, connector.assumed) == (ConnectorKind.FLOW, "",
                                                                    False)
    assert _step(doc) == "Add connector"
    other = add_connector(doc, journey, b.id, a.id, ConnectorKind.LOOP_BACK, assumed=True)
    assert (other.kind, other.assumed) == (ConnectorKind.LOOP_BACK, True)


def test_each_connector_refusal_in_words(doc):
    journey, (a, b, _c) = _cards(doc)
    add_connector(doc, journey, a.id, b.id)
    assert _refused(lambda: add_connector(doc, journey, a.id, a.id)) == \
        "A card cannot be linked to itself."
    assert _refused(lambda: add_connector(doc, journey, "nope", b.id)) == \
        "A connector must start at a card of this map."
    assert _refused(lambda: add_connector(doc, journey, a.id, "nope")) == \
        "A connector must end at a card or a stage of this map."
    assert _refused(lambda: add_connector(doc, journey, a.id, b.id)) == \
        "These two are already linked this way."


def test_each_view_step_and_refusal_in_words(doc):
    journey = doc.project.maps[0]
    first = add_view(doc, journey, "Pains", Filter())
    assert _step(doc) == "Save view"
    second = add_view(doc, journey, "All", Filter())
    rename_view(doc, journey, second, "Everything")
    assert _step(doc) == "Rename view"
    update_view(doc, first, zoom=0.5)
    assert _step(doc) == "Update view"
    move_view(doc, second, 0)
    assert _step(doc) == "Reorder views"
    assert _refused(lambda: add_view(doc, journey, " ", Filter())) == "A saved view needs a name."
    assert _refused(lambda: rename_view(doc, journey, second, "pains")) == \
        "This map already has a view with that name."
    assert _refused(lambda: update_view(doc, first, name="x")) == \
        "use rename_view to rename a view"
    remove_view(doc, first)
    assert _step(doc) == "Delete view" and journey.views == [second]
    doc.undo()
    assert journey.views == [second, first]


def test_each_round_step_in_words(doc):
    journey, (a, b, _c) = _cards(doc)
    round_ = open_round(doc, journey, "  Ưu tiên  ", participants=[" An ", "Bình"])
    assert (round_.title, round_.dots_per_participant, round_.participants) == (
        "Ưu tiên", 3, ["An", "Bình"])
    assert _step(doc) == "Start voting round"
    vote = add_vote(doc, round_, a, "An")
    assert _step(doc) == "Vote" and vote.participant == "An"
    remove_vote(doc, vote)
    assert _step(doc) == "Remove vote"
    add_vote(doc, round_, a, "An")
    add_vote(doc, round_, a, "Bình")
    add_vote(doc, round_, b, "Bình")
    clear_votes(doc, round_, a)
    assert _step(doc) == "Clear votes"
    assert [(v.card_id, v.participant) for v in journey.votes] == [(b.id, "Bình")]
    depth = doc.undo_stack.index()
    clear_votes(doc, round_, a)  # nothing left on it: no step
    assert doc.undo_stack.index() == depth
    close_round(doc, round_)
    assert _step(doc) == "Close voting round" and round_.closed
    reopen_round(doc, round_)
    assert _step(doc) == "Reopen voting round" and not round_.closed


def test_each_vote_refusal_in_words():
    round_ = VotingRound("m", "Ưu tiên")
    words = {refusal: refusal_text(refusal, round_, "Lan") for refusal in VoteRefusal}
    assert words == {
        VoteRefusal.CLOSED: "The round “Ưu tiên” is closed: reopen it to take dots.",
        VoteRefusal.NOT_ON_MAP: "That card is not on this round's map.",
        VoteRefusal.NOT_PARTICIPANT: "“Lan” is not a participant of “Ưu tiên”.",
        VoteRefusal.ANONYMOUS_ONLY: "The round “Ưu tiên” takes anonymous dots only.",
        VoteRefusal.NO_DOTS_LEFT: "Lan has no dots left in “Ưu tiên”.",
    }
    assert refusal_text(VoteRefusal.NO_DOTS_LEFT, round_) == "No dots left in “Ưu tiên”."


def test_a_dot_on_a_card_of_another_map_is_refused_in_words(doc):
    journey, (a, _b, _c) = _cards(doc)
    round_ = open_round(doc, journey, "R")
    other = operations.add_map(doc, type(journey)("Other"))
    stage = operations.add_stage(doc, other, "S")
    lane = operations.add_lane(doc, other, LaneKind.PAINS)
    foreign = operations.add_card(doc, other, stage.id, lane.id, title="x")
    assert _refused(lambda: add_vote(doc, round_, foreign)) == \
        "That card is not on this round's map."
    gone = VotingRound("no-such-map", "Lost")
    assert _refused(lambda: add_vote(doc, gone, a)) == "That card is not on this round's map."
    assert journey.votes == []
