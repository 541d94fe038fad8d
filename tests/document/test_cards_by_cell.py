"""The document's index of cards by cell: what a command reads of a cell, without a pass
over the map, equals the map after every kind of change — its own, undone, redone, or
heard from elsewhere — and a change it never heard of costs a pass, never a wrong answer."""

import dataclasses
import random

import pytest

from app.document import operations as ops
from app.domain import cells as cells_module
from app.domain.cells import CardsByCell
from app.domain.events import Change, ChangeKind
from app.domain.model import Card, JourneyMap, LaneKind
from tests.document.conftest import lane_of
from tests.document.random_ops import apply_random_op, seeded_ids


def _every_cell_matches(doc) -> None:
    for journey in doc.project.maps:
        for stage in journey.stages:
            for lane in journey.lanes:
                expected = [c.id for c in journey.cell_cards(stage.id, lane.id)]
                got = [c.id for c in doc.cell_cards(journey, stage.id, lane.id)]
                assert got == expected, (stage.title, lane.title)


@pytest.mark.parametrize("seed", range(6))
def test_after_any_run_of_operations_every_cell_reads_as_the_map_holds_it(doc, seed):
    rng = random.Random(seed)
    with seeded_ids(seed):
        for _ in range(60):
            apply_random_op(doc, rng)
            _every_cell_matches(doc)


def test_a_drop_reads_its_cells_from_the_index_not_from_a_pass_over_the_map(doc, monkeypatch):
    journey = doc.project.maps[0]
    s, lane = journey.stages, lane_of(journey, LaneKind.ACTIONS)
    cards = [ops.add_card(doc, journey, s[0].id, lane.id, title=f"Thẻ {i}") for i in range(4)]
    doc.cell_cards(journey, s[0].id, lane.id)  # the index is built

    def no_pass(self, stage_id, lane_id):
        raise AssertionError("a pass over the map")

    monkeypatch.setattr(JourneyMap, "cell_cards", no_pass)
    monkeypatch.setattr(cells_module._MapCells, "__init__", no_pass)  # nor built anew
    ops.move_cards(doc, journey, [cards[1]], s[1].id, lane.id, 0)
    ops.add_card(doc, journey, s[1].id, lane.id, 0, title="Đầu")
    assert [c.title for c in doc.cell_cards(journey, s[0].id, lane.id)] == [
        "Thẻ 0", "Thẻ 2", "Thẻ 3"]
    ops.remove(doc, [cards[3]])
    assert [c.title for c in doc.cell_cards(journey, s[0].id, lane.id)] == ["Thẻ 0", "Thẻ 2"]
    monkeypatch.undo()
    doc.undo()  # the removal
    assert [c.title for c in journey.cell_cards(s[0].id, lane.id)] == ["Thẻ 0", "Thẻ 2", "Thẻ 3"]
    assert [c.title for c in journey.cell_cards(s[1].id, lane.id)] == ["Đầu", "Thẻ 1"]
    doc.undo()
    doc.undo()
    _every_cell_matches(doc)


def test_changes_heard_from_elsewhere_are_followed(doc):
    # As a server's changes arrive: the model is changed, then the batch is emitted.
    journey = doc.project.maps[0]
    s, lane = journey.stages, lane_of(journey, LaneKind.ACTIONS)
    card = ops.add_card(doc, journey, s[0].id, lane.id, title="Một")
    doc.cell_cards(journey, s[0].id, lane.id)
    card.stage_id = s[2].id
    doc.events.emit([Change(ChangeKind.CHANGED, card, ("stage_id",))])
    assert doc.cell_cards(journey, s[2].id, lane.id) == [card]
    assert doc.cell_cards(journey, s[0].id, lane.id) == []
    journey.cards.remove(card)
    doc.events.emit([Change(ChangeKind.REMOVED, card)])
    assert doc.cell_cards(journey, s[2].id, lane.id) == []


def test_a_change_it_never_heard_of_costs_a_pass_not_a_wrong_answer(doc):
    journey = doc.project.maps[0]
    s, lane = journey.stages, lane_of(journey, LaneKind.ACTIONS)
    a = ops.add_card(doc, journey, s[0].id, lane.id, title="A")
    b = ops.add_card(doc, journey, s[0].id, lane.id, title="B")
    assert doc.cell_cards(journey, s[0].id, lane.id) == [a, b]
    # A card added behind its back: the map holds one more card than it knows.
    stray = Card(map_id=journey.id, stage_id=s[0].id, lane_id=lane.id, order=5, title="C")
    journey.cards.append(stray)
    assert doc.cell_cards(journey, s[0].id, lane.id) == [a, b, stray]
    # A card moved out behind its back: the same count, but it names a card not there.
    b.stage_id = s[1].id
    assert doc.cell_cards(journey, s[0].id, lane.id) == [a, stray]
    assert doc.cell_cards(journey, s[1].id, lane.id) == [b]


def test_inside_a_batch_the_map_itself_is_read(doc):
    journey = doc.project.maps[0]
    s, lane = journey.stages, lane_of(journey, LaneKind.ACTIONS)
    a = ops.add_card(doc, journey, s[0].id, lane.id, title="A")
    doc.cell_cards(journey, s[0].id, lane.id)
    with doc.macro("Hai bước") as macro:
        macro.set([(a, {"stage_id": s[1].id})])  # not heard until the batch ends
        assert doc.cell_cards(journey, s[1].id, lane.id) == [a]
        assert doc.cell_cards(journey, s[0].id, lane.id) == []
    assert doc.cell_cards(journey, s[1].id, lane.id) == [a]


def test_equal_orders_keep_the_maps_list_order():
    journey = JourneyMap(name="Bản đồ")
    first = Card(map_id=journey.id, stage_id="s", lane_id="l", order=1, title="1")
    second = Card(map_id=journey.id, stage_id="s", lane_id="l", order=1, title="2")
    zero = Card(map_id=journey.id, stage_id="s", lane_id="l", order=0, title="0")
    journey.cards = [second, zero, first]
    index = CardsByCell()
    assert index.cards(journey, "s", "l") == [zero, second, first]
    journey.cards = [first, zero, second]
    index.follow([Change(ChangeKind.CHANGED, first, ("order",))])
    assert index.cards(journey, "s", "l") == [zero, first, second]


def test_a_card_moved_to_another_map_leaves_both_maps_cells():
    one, two = JourneyMap(name="Một"), JourneyMap(name="Hai")
    card = Card(map_id=one.id, stage_id="s", lane_id="l", order=0, title="Đi")
    one.cards = [card]
    index = CardsByCell()
    assert index.cards(one, "s", "l") == [card]
    assert index.cards(two, "s", "l") == []
    one.cards, two.cards = [], [card]
    card.map_id, card.stage_id = two.id, "s2"
    index.follow([Change(ChangeKind.CHANGED, card, ("map_id", "stage_id"))])
    assert index.cards(two, "s2", "l") == [card]
    assert index.cards(one, "s", "l") == []


def test_a_map_removed_and_put_back_is_read_anew():
    journey = JourneyMap(name="Bản đồ")
    card = Card(map_id=journey.id, stage_id="s", lane_id="l", order=0, title="A")
    journey.cards = [card]
    index = CardsByCell()
    assert index.cards(journey, "s", "l") == [card]
    again = dataclasses.replace(journey, cards=[dataclasses.replace(card, title="B")])
    index.follow([Change(ChangeKind.ADDED, again)])
    assert [c.title for c in index.cards(again, "s", "l")] == ["B"]
    index.follow([Change(ChangeKind.REMOVED, again)])
    assert again.id not in index._maps  # nothing kept of a map that is gone


def test_a_cell_emptied_behind_its_back_reads_empty():
    journey = JourneyMap(name="Bản đồ")
    card = Card(map_id=journey.id, stage_id="s", lane_id="l", order=0, title="A")
    journey.cards = [card]
    index = CardsByCell()
    assert index.cards(journey, "s", "l") == [card]
    card.stage_id = "t"  # no event: the index still has it in (s, l)
    assert index.cards(journey, "s", "l") == []
    assert index.cards(journey, "t", "l") == [card]


def test_news_of_what_it_never_held_is_taken_quietly():
    journey = JourneyMap(name="Bản đồ")
    known = Card(map_id=journey.id, stage_id="s", lane_id="l", order=0, title="A")
    journey.cards = [known]
    index = CardsByCell()
    assert index.cards(journey, "s", "l") == [known]
    stranger = Card(map_id=journey.id, stage_id="s", lane_id="l", order=1, title="B")
    index.follow([Change(ChangeKind.REMOVED, stranger),  # a card it never held
                  Change(ChangeKind.REMOVED, JourneyMap(name="Khác"))])  # a map never asked
    assert index.cards(journey, "s", "l") == [known]


def test_every_change_of_a_batch_is_followed_after_one_of_a_map_not_built_yet():
    one, two = JourneyMap(name="Một"), JourneyMap(name="Hai")
    mover = Card(map_id=one.id, stage_id="s", lane_id="l", order=0, title="Đi")
    stay = Card(map_id=one.id, stage_id="t", lane_id="l", order=0, title="Ở")
    other = Card(map_id=two.id, stage_id="s", lane_id="l", order=0, title="Khác")
    one.cards, two.cards = [mover, stay], [other]
    index = CardsByCell()
    assert index.cards(one, "t", "l") == [stay]
    mover.stage_id = "t"  # into the cell asked next: the same count, each card in place
    index.follow([Change(ChangeKind.CHANGED, other, ("title",)),  # its map: not built
                  Change(ChangeKind.CHANGED, mover, ("stage_id",))])
    assert index.cards(one, "t", "l") == [mover, stay]
