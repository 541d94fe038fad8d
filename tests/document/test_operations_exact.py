"""User operations to the letter: which cards' orders change, what each cascade takes, the
orders pasted cards get, where a copy lands, and what reaches the file."""

import pytest

from app.document import Document
from app.document import operations as ops
from app.document.commands import MERGE_TYPING
from app.document.operations_links import add_connector, add_vote, open_round
from app.domain.model import LaneKind
from app.domain.templates import new_project
from app.domain.validation import DomainError
from app.export.sheets.merge import MergePlan
from tests.document.conftest import lane_of
from tests.document.random_ops import canonical


@pytest.fixture
def doc(qapp, tmp_path):
    document = Document.create(str(tmp_path / "map.cjm"), new_project("awareness-5", "vi"))
    yield document
    document.close()


def _same_on_disk(doc) -> None:
    reader = Document.open(doc.path, read_only=True)
    try:
        assert canonical(reader.project) == canonical(doc.project)
    finally:
        reader.close()


def _cell(journey, stage_id, lane_id):
    return [(c.title, c.order) for c in journey.cell_cards(stage_id, lane_id)]


def _fill(doc, journey, stage_id, lane_id, titles):
    return [ops.add_card(doc, journey, stage_id, lane_id, title=t) for t in titles]


# -- renumbering changes as few cards as it can ---------------------------------------------

def test_adding_at_the_top_of_a_cell_numbers_only_the_new_card(doc):
    journey = doc.project.maps[0]
    s, lane = journey.stages[0].id, journey.lanes[0].id
    _fill(doc, journey, s, lane, "abc")
    assert _cell(journey, s, lane) == [("a", 0), ("b", 1), ("c", 2)]
    top = ops.add_card(doc, journey, s, lane, index=0, title="z")
    assert doc.undo_stack.undoText() == "Add card"
    assert _cell(journey, s, lane) == [("z", -1), ("a", 0), ("b", 1), ("c", 2)]
    assert top.order == -1
    _same_on_disk(doc)
    doc.undo()
    assert _cell(journey, s, lane) == [("a", 0), ("b", 1), ("c", 2)]


def test_adding_at_the_top_of_a_one_card_cell_leaves_that_card_alone(doc):
    journey = doc.project.maps[0]
    s, lane = journey.stages[1].id, journey.lanes[0].id
    _fill(doc, journey, s, lane, "a")
    ops.add_card(doc, journey, s, lane, index=0, title="z")
    assert _cell(journey, s, lane) == [("z", -1), ("a", 0)]
    _same_on_disk(doc)


def test_moving_two_cards_to_the_top_of_a_cell_numbers_only_them(doc):
    journey = doc.project.maps[0]
    s0, s1, lane = journey.stages[0].id, journey.stages[1].id, journey.lanes[0].id
    p, q = _fill(doc, journey, s0, lane, "pq")
    _fill(doc, journey, s1, lane, "x")
    ops.move_cards(doc, journey, [p, q], s1, lane, 0)
    assert doc.undo_stack.undoText() == "Move cards"
    assert _cell(journey, s1, lane) == [("p", -2), ("q", -1), ("x", 0)]
    assert journey.cell_cards(s0, lane) == []
    _same_on_disk(doc)
    doc.undo()
    assert _cell(journey, s0, lane) == [("p", 0), ("q", 1)]
    assert _cell(journey, s1, lane) == [("x", 0)]


def test_duplicating_the_last_card_puts_the_copy_at_the_end(doc):
    journey = doc.project.maps[0]
    s, lane = journey.stages[0].id, journey.lanes[0].id
    a, b = _fill(doc, journey, s, lane, "ab")
    (copy,) = ops.duplicate(doc, journey, [b])
    assert doc.undo_stack.undoText() == "Duplicate"
    assert [c.id for c in journey.cell_cards(s, lane)] == [a.id, b.id, copy.id]
    assert (a.order, b.order, copy.order) == (0, 1, 2)
    _same_on_disk(doc)


# -- add card refusals ------------------------------------------------------------------------

def test_a_card_refused_on_the_emotions_lane_names_no_step(doc):
    journey = doc.project.maps[0]
    emotions = lane_of(journey, LaneKind.EMOTIONS).id
    done, result = doc.attempt(
        lambda: ops.add_card(doc, journey, journey.stages[0].id, emotions, title="x"))
    assert (done, result) == (False, None)
    failure = doc.last_failure
    assert failure.refused and failure.step == ""  # refused before any step began
    assert failure.message == "The emotions lane holds emotion markers, not cards"
    assert doc.undo_stack.count() == 0 and journey.cards == []


def test_a_card_for_an_unknown_lane_is_refused_as_a_domain_error(doc):
    journey = doc.project.maps[0]
    with pytest.raises(DomainError):
        ops.add_card(doc, journey, journey.stages[0].id, "no-such-lane", title="x")
    assert doc.undo_stack.count() == 0 and journey.cards == []


# -- set_fields with a merge category -------------------------------------------------------

def test_set_fields_with_the_typing_category_merges_into_one_step(doc):
    stage = doc.project.maps[0].stages[0]
    before = stage.title
    ops.set_fields(doc, stage, merge=MERGE_TYPING, title="G")
    ops.set_fields(doc, stage, merge=MERGE_TYPING, title="Gi")
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == "Edit"
    assert stage.title == "Gi"
    doc.undo()
    assert stage.title == before
    _same_on_disk(doc)


# -- removal cascades -------------------------------------------------------------------------

def test_deleting_a_stage_drops_the_connectors_that_end_at_it(doc):
    journey = doc.project.maps[0]
    first, second = journey.stages[:2]
    (card,) = _fill(doc, journey, first.id, journey.lanes[0].id, "a")
    connector = add_connector(doc, journey, card.id, second.id)
    ops.remove(doc, [second])
    assert doc.undo_stack.undoText() == "Delete"
    assert journey.connectors == [] and journey.cards == [card]
    _same_on_disk(doc)
    doc.undo()
    assert journey.connectors == [connector] and second in journey.stages
    _same_on_disk(doc)


def test_deleting_a_round_keeps_the_votes_of_another_round(doc):
    journey = doc.project.maps[0]
    (card,) = _fill(doc, journey, journey.stages[0].id, journey.lanes[0].id, "a")
    first = open_round(doc, journey, "First", 3)
    second = open_round(doc, journey, "Second", 3)
    add_vote(doc, first, card)
    kept = add_vote(doc, second, card)
    ops.remove(doc, [first])
    assert journey.rounds == [second] and journey.votes == [kept]
    _same_on_disk(doc)


def test_deleting_a_round_together_with_one_of_its_votes_is_one_clean_step(doc):
    journey = doc.project.maps[0]
    (card,) = _fill(doc, journey, journey.stages[0].id, journey.lanes[0].id, "a")
    voting = open_round(doc, journey, "R", 3)
    vote = add_vote(doc, voting, card)
    other = add_vote(doc, voting, card)
    steps = doc.undo_stack.count()
    ops.remove(doc, [voting, vote], "Delete 2 items")
    assert doc.undo_stack.count() == steps + 1
    assert doc.undo_stack.undoText() == "Delete 2 items"
    assert journey.rounds == [] and journey.votes == []
    doc.undo()
    assert journey.rounds == [voting] and {v.id for v in journey.votes} == {vote.id, other.id}
    _same_on_disk(doc)


# -- paste --------------------------------------------------------------------------------------

def test_pasted_cards_are_numbered_from_zero_in_an_empty_cell(doc):
    journey = doc.project.maps[0]
    s0, s1, lane = journey.stages[0].id, journey.stages[1].id, journey.lanes[0].id
    payload = ops.copy_payload(_fill(doc, journey, s0, lane, "ab"))
    ops.paste(doc, journey, payload, s1, lane)
    assert doc.undo_stack.undoText() == "Paste"
    assert _cell(journey, s1, lane) == [("a", 0), ("b", 1)]
    _same_on_disk(doc)


def test_pasted_cards_follow_the_last_card_of_the_cell(doc):
    journey = doc.project.maps[0]
    s, lane = journey.stages[0].id, journey.lanes[0].id
    payload = ops.copy_payload(_fill(doc, journey, s, lane, "ab"))
    ops.paste(doc, journey, payload, s, lane)
    assert _cell(journey, s, lane) == [("a", 0), ("b", 1), ("a", 2), ("b", 3)]
    _same_on_disk(doc)


# -- spreadsheet import -------------------------------------------------------------------------

def test_an_import_that_only_removes_cards_still_removes_them(doc):
    journey = doc.project.maps[0]
    s, lane = journey.stages[0].id, journey.lanes[0].id
    gone, kept = _fill(doc, journey, s, lane, "ab")
    plan = MergePlan(removable=[gone, kept])
    steps = doc.undo_stack.count()
    ops.import_sheet(doc, plan, set())  # nothing chosen: no step
    assert doc.undo_stack.count() == steps
    ops.import_sheet(doc, plan, {gone.id})
    assert doc.undo_stack.count() == steps + 1
    assert doc.undo_stack.undoText() == "Import spreadsheet"
    assert journey.cards == [kept]
    _same_on_disk(doc)
    doc.undo()
    assert {c.id for c in journey.cards} == {gone.id, kept.id}
