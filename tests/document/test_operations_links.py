"""Connectors, saved views and voting as undoable operations, with their cascades."""

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
    remove_vote,
    rename_view,
    reopen_round,
    update_view,
)
from app.domain.events import ChangeKind
from app.domain.model import Connector, ConnectorKind, Filter, LaneKind, Vote
from app.domain.voting import card_votes


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
