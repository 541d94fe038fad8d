"""What each user operation does to the map, to the Edit ▸ Undo label and to the file.

Every test works on a real .cjm file, checks the model value by value, and reopens the
file to see the same thing there.
"""

import pytest

from app.document import Document
from app.document import operations as ops
from app.domain.model import (
    Card,
    Channel,
    EmotionMarker,
    JourneyMap,
    LaneKind,
    MapState,
    Persona,
    Stage,
)
from app.domain.templates import STAGE_PALETTE, build_map, new_project
from app.domain.validation import DomainError
from tests.document.conftest import in_file, lane_of
from tests.document.random_ops import canonical


@pytest.fixture
def doc(qapp, tmp_path):
    document = Document.create(str(tmp_path / "map.cjm"), new_project("awareness-5", "vi"))
    yield document
    document.close()




def _same_on_disk(doc) -> None:
    assert in_file(doc) == canonical(doc.project)


def _cell_titles(journey, stage_id, lane_id):
    cell = journey.cell_cards(stage_id, lane_id)
    # Only the ranking of orders is stored (gaps and negatives allowed): strictly rising.
    orders = [c.order for c in cell]
    assert all(a < b for a, b in zip(orders, orders[1:], strict=False))
    return [c.title for c in cell]


def _undo_label(doc) -> str:
    return doc.undo_stack.undoText()


# -- fields, stages and lanes ------------------------------------------------------------

def test_set_fields_is_one_edit_step_each_time(doc):
    journey = doc.project.maps[0]
    ops.set_fields(doc, journey, description="Khách mua lần đầu")
    ops.set_fields(doc, journey, description="Khách quay lại")
    assert _undo_label(doc) == "Edit" and doc.undo_stack.count() == 2  # never merged
    ops.set_fields(doc, journey, "Rename map", name="Mua online")
    assert _undo_label(doc) == "Rename map"
    assert (journey.name, journey.description) == ("Mua online", "Khách quay lại")
    _same_on_disk(doc)
    doc.undo()
    doc.undo()
    assert journey.description == "Khách mua lần đầu"
    _same_on_disk(doc)


def test_edit_text_merges_keystrokes_into_one_step(doc):
    journey = doc.project.maps[0]
    ops.edit_text(doc, journey, "name", "M")
    ops.edit_text(doc, journey, "name", "Mua")
    assert doc.undo_stack.count() == 1 and _undo_label(doc) == "Edit text"
    _same_on_disk(doc)


def test_add_stage_takes_the_next_palette_colour_and_its_place(doc):
    journey = doc.project.maps[0]
    end = ops.add_stage(doc, journey, "Giới thiệu")
    assert journey.stages[-1] is end and len(journey.stages) == 6
    assert end.color == STAGE_PALETTE[5] and end.map_id == journey.id
    assert _undo_label(doc) == "Add stage"
    first = ops.add_stage(doc, journey, "Trước", 0, color="#123456", width=300.0)
    assert journey.stages[0] is first
    assert (first.title, first.color, first.width) == ("Trước", "#123456", 300.0)
    _same_on_disk(doc)


def test_add_lane_is_named_in_the_project_language(doc):
    journey = doc.project.maps[0]
    metrics = ops.add_lane(doc, journey, LaneKind.METRICS)
    assert (metrics.title, metrics.kind, journey.lanes[-1]) == ("Chỉ số", LaneKind.METRICS,
                                                                metrics)
    assert _undo_label(doc) == "Add lane"
    top = ops.add_lane(doc, journey, LaneKind.TEXT, "Ghi chú", index=0)
    assert journey.lanes[0] is top and top.title == "Ghi chú"
    _same_on_disk(doc)


def test_move_in_list_and_its_label(doc):
    journey = doc.project.maps[0]
    first = journey.stages[0]
    ops.move_in_list(doc, first, 2)
    assert journey.stages.index(first) == 2 and _undo_label(doc) == "Reorder"
    ops.move_in_list(doc, first, 0, "Move stage")
    assert journey.stages[0] is first and _undo_label(doc) == "Move stage"
    _same_on_disk(doc)


def test_resizing_keeps_the_minimum_size(doc):
    journey = doc.project.maps[0]
    stage, lane = journey.stages[0], journey.lanes[0]
    ops.resize_stage(doc, stage, 100)
    assert stage.width == 140.0 and _undo_label(doc) == "Resize stage"
    ops.resize_stage(doc, stage, "321")
    assert stage.width == 321.0
    ops.resize_lane(doc, lane, 10)
    assert lane.height == 96.0 and _undo_label(doc) == "Resize lane"
    ops.resize_lane(doc, lane, 200)
    assert lane.height == 200.0
    _same_on_disk(doc)


# -- cards and markers -------------------------------------------------------------------

def test_add_card_places_it_in_its_cell_and_renumbers(doc):
    journey = doc.project.maps[0]
    s, lane = journey.stages[1].id, journey.lanes[0].id
    ops.add_card(doc, journey, s, lane, title="b")
    ops.add_card(doc, journey, s, lane, title="d")
    ops.add_card(doc, journey, s, lane, index=0, title="a")
    ops.add_card(doc, journey, s, lane, index=2, title="c")
    ops.add_card(doc, journey, s, lane, index=99, title="e")
    card = ops.add_card(doc, journey, s, lane, index=-5, title="0", tags=["vip"])
    assert _cell_titles(journey, s, lane) == ["0", "a", "b", "c", "d", "e"]
    assert (card.map_id, card.stage_id, card.lane_id, card.tags) == (journey.id, s, lane,
                                                                     ["vip"])
    assert _undo_label(doc) == "Add card" and doc.undo_stack.count() == 6
    _same_on_disk(doc)
    doc.undo()
    assert _cell_titles(journey, s, lane) == ["a", "b", "c", "d", "e"]
    _same_on_disk(doc)


def test_no_card_goes_onto_the_emotions_lane(doc):
    journey = doc.project.maps[0]
    emotions = lane_of(journey, LaneKind.EMOTIONS)
    message = "the emotions lane holds emotion markers, not cards"
    with pytest.raises(DomainError) as caught:
        ops.add_card(doc, journey, journey.stages[0].id, emotions.id, title="x")
    assert str(caught.value) == message
    card = ops.add_card(doc, journey, journey.stages[0].id, journey.lanes[0].id, title="x")
    with pytest.raises(DomainError) as caught:
        ops.move_cards(doc, journey, [card], journey.stages[0].id, emotions.id, 0)
    assert str(caught.value) == message
    assert doc.undo_stack.count() == 1 and card.lane_id == journey.lanes[0].id


def test_moving_cards_renumbers_both_cells(doc):
    journey = doc.project.maps[0]
    s0, s1 = journey.stages[0].id, journey.stages[1].id
    touch, pains = journey.lanes[0].id, lane_of(journey, LaneKind.PAINS).id
    a, b, c = (ops.add_card(doc, journey, s0, touch, title=t) for t in "abc")
    ops.add_card(doc, journey, s1, pains, title="x")
    ops.move_cards(doc, journey, [a], s1, pains, 1)
    assert _undo_label(doc) == "Move card"
    assert _cell_titles(journey, s0, touch) == ["b", "c"]
    assert _cell_titles(journey, s1, pains) == ["x", "a"]
    assert (a.stage_id, a.lane_id) == (s1, pains)
    ops.move_cards(doc, journey, [b, c], s1, pains, 1)
    assert _undo_label(doc) == "Move cards"
    assert _cell_titles(journey, s1, pains) == ["x", "b", "c", "a"]
    assert journey.cell_cards(s0, touch) == []
    ops.move_cards(doc, journey, [a], s1, pains, 0)  # inside its own cell
    assert _cell_titles(journey, s1, pains) == ["a", "x", "b", "c"]
    _same_on_disk(doc)
    doc.undo()
    doc.undo()
    assert _cell_titles(journey, s0, touch) == ["b", "c"]
    _same_on_disk(doc)


def test_place_cards_refuses_a_cell_of_another_map(doc):
    journey = doc.project.maps[0]
    card = ops.add_card(doc, journey, journey.stages[0].id, journey.lanes[0].id, title="x")
    for stage_id, lane_id in (("nowhere", journey.lanes[0].id), (journey.stages[0].id, "x")):
        with pytest.raises(DomainError) as caught:
            ops.place_cards(doc, journey, [(card, stage_id, lane_id, 0)])
        assert str(caught.value) == "cards can only move to a cell of their own map"
    ops.place_cards(doc, journey, [(card, journey.stages[2].id, journey.lanes[1].id, 5)],
                    "Drop card")
    assert _undo_label(doc) == "Drop card" and card.stage_id == journey.stages[2].id


def test_markers_stay_inside_their_stage(doc):
    journey = doc.project.maps[0]
    emotions = lane_of(journey, LaneKind.EMOTIONS).id
    s0, s1 = journey.stages[0].id, journey.stages[1].id
    marker = ops.add_marker(doc, journey, s0, emotions, -2, 1.7, "Phí ship")
    assert (marker.position, marker.score, marker.label, marker.stage_id) == (1.0, -2,
                                                                              "Phí ship", s0)
    assert _undo_label(doc) == "Add emotion" and journey.markers == [marker]
    assert ops.add_marker(doc, journey, s0, emotions, 1, -0.5).position == 0.0
    plain = ops.add_marker(doc, journey, s0, emotions, 0)
    assert (plain.position, plain.label) == (0.5, "")
    ops.move_marker(doc, marker, s1, -3.0, 2)
    assert (marker.stage_id, marker.position, marker.score) == (s1, 0.0, 2)
    assert _undo_label(doc) == "Move emotion"
    ops.move_marker(doc, marker, s1, 0.25, 1)
    assert marker.position == 0.25
    ops.move_marker(doc, marker, s1, 4.0, 1)
    assert marker.position == 1.0
    _same_on_disk(doc)


# -- removal -----------------------------------------------------------------------------

def test_removing_a_stage_or_lane_takes_only_its_own_cards_and_markers(doc):
    journey = doc.project.maps[0]
    s0, s1 = journey.stages[0].id, journey.stages[1].id
    touch, pains = journey.lanes[0].id, lane_of(journey, LaneKind.PAINS).id
    emotions = lane_of(journey, LaneKind.EMOTIONS).id
    ops.add_card(doc, journey, s0, touch, title="s0 touch")
    ops.add_card(doc, journey, s1, touch, title="s1 touch")
    ops.add_card(doc, journey, s1, pains, title="s1 pain")
    ops.add_marker(doc, journey, s0, emotions, 1)
    kept = ops.add_marker(doc, journey, s1, emotions, -1)
    ops.remove(doc, [journey.stages[0]])
    assert _undo_label(doc) == "Delete"
    assert sorted(c.title for c in journey.cards) == ["s1 pain", "s1 touch"]
    assert journey.markers == [kept]
    ops.remove(doc, [journey.lane(pains)], "Delete lane")
    assert _undo_label(doc) == "Delete lane"
    assert [c.title for c in journey.cards] == ["s1 touch"] and journey.markers == [kept]
    _same_on_disk(doc)
    doc.undo()
    doc.undo()
    assert len(journey.cards) == 3 and len(journey.markers) == 2 and len(journey.stages) == 5
    _same_on_disk(doc)


def test_removing_a_stage_and_its_card_together_is_one_clean_step(doc):
    journey = doc.project.maps[0]
    stage = journey.stages[0]
    card = ops.add_card(doc, journey, stage.id, journey.lanes[0].id, title="x")
    steps = doc.undo_stack.count()
    last = journey.stages[-1]
    ops.remove(doc, [stage, card, last])  # the card went with its stage already
    assert doc.undo_stack.count() == steps + 1
    assert journey.cards == [] and stage not in journey.stages and last not in journey.stages
    ops.remove(doc, [])
    assert doc.undo_stack.count() == steps + 1  # nothing to delete: no step
    doubled = ops.add_card(doc, journey, journey.stages[0].id, journey.lanes[0].id)
    ops.remove(doc, [doubled, doubled])  # a selection naming it twice deletes it once
    assert journey.cards == [] and doc.undo_stack.count() == steps + 3
    doc.undo()
    doc.undo()
    _same_on_disk(doc)
    doc.undo()
    assert journey.cards == [card] and journey.stages[0] is stage
    _same_on_disk(doc)


def test_removing_a_persona_unassigns_it_from_its_maps(doc):
    lan = ops.add_persona(doc, Persona(name="Chị Lan"))
    assert _undo_label(doc) == "Add persona" and doc.project.personas == [lan]
    other = ops.add_persona(doc, Persona(name="Anh Minh"))
    first = doc.project.maps[0]
    second = ops.duplicate_map(doc, first)
    ops.set_fields(doc, first, persona_id=lan.id)
    ops.set_fields(doc, second, persona_id=other.id)
    ops.remove(doc, [lan])
    assert (first.persona_id, second.persona_id) == (None, other.id)
    assert doc.project.personas == [other]
    _same_on_disk(doc)
    doc.undo()
    assert first.persona_id == lan.id
    _same_on_disk(doc)


def test_removing_a_channel_clears_it_from_cards_and_personas(doc):
    journey = doc.project.maps[0]
    zalo = ops.add_channel(doc, Channel("zalo-oa", "Zalo OA", id="zalo"))
    assert _undo_label(doc) == "Add channel" and doc.project.channels[-1] is zalo
    web = doc.project.channels[0]
    on_zalo = ops.add_card(doc, journey, journey.stages[0].id, journey.lanes[0].id,
                           title="chat", channel_id="zalo")
    on_web = ops.add_card(doc, journey, journey.stages[0].id, journey.lanes[0].id,
                          title="web", channel_id=web.id)
    fan = ops.add_persona(doc, Persona(name="Chị Lan", channel_ids=[web.id, "zalo"]))
    stranger = ops.add_persona(doc, Persona(name="Anh Minh", channel_ids=[web.id]))
    ops.remove(doc, [zalo])
    assert (on_zalo.channel_id, on_web.channel_id) == (None, web.id)
    assert (fan.channel_ids, stranger.channel_ids) == ([web.id], [web.id])
    _same_on_disk(doc)
    doc.undo()
    assert on_zalo.channel_id == "zalo" and fan.channel_ids == [web.id, "zalo"]
    _same_on_disk(doc)


def test_removing_a_map_unlinks_its_future_states(doc):
    current = doc.project.maps[0]
    future = ops.create_future_state(doc, current)
    other_future = ops.create_future_state(doc, future)
    ops.remove(doc, [current])
    assert future.derived_from_id is None and other_future.derived_from_id == future.id
    assert doc.project.maps == [future, other_future]
    _same_on_disk(doc)
    doc.undo()
    assert future.derived_from_id == current.id
    ops.remove(doc, [current, future])  # both at once: nothing is left pointing at them
    assert doc.project.maps == [other_future] and other_future.derived_from_id is None
    _same_on_disk(doc)


# -- duplicate, copy and paste -----------------------------------------------------------

def test_duplicate_puts_each_copy_right_after_its_original(doc):
    journey = doc.project.maps[0]
    s, lane = journey.stages[0].id, journey.lanes[0].id
    emotions = lane_of(journey, LaneKind.EMOTIONS).id
    a, b = (ops.add_card(doc, journey, s, lane, title=t, tags=["x"]) for t in "ab")
    marker = ops.add_marker(doc, journey, s, emotions, -1, 0.5, "lo")
    edge = ops.add_marker(doc, journey, s, emotions, 1, 0.95)
    copies = ops.duplicate(doc, journey, [a, marker, edge])
    assert _undo_label(doc) == "Duplicate" and len(copies) == 3
    card_copy, marker_copy, edge_copy = copies
    assert _cell_titles(journey, s, lane) == ["a", "a", "b"]
    assert journey.cell_cards(s, lane)[1] is card_copy and card_copy.id != a.id
    assert card_copy.tags == ["x"] and card_copy.tags is not a.tags
    assert (marker_copy.position, marker_copy.score, marker_copy.label) == (
        pytest.approx(0.6), -1, "lo")
    assert edge_copy.position == 1.0 and marker_copy.id != marker.id
    assert b.order == 2
    _same_on_disk(doc)


def test_duplicating_a_stage_copies_its_cards_and_markers_next_to_it(doc):
    journey = doc.project.maps[0]
    stage = journey.stages[1]
    emotions = lane_of(journey, LaneKind.EMOTIONS).id
    card = ops.add_card(doc, journey, stage.id, journey.lanes[0].id, title="Zalo",
                        tags=["chat"])
    ops.add_card(doc, journey, journey.stages[0].id, journey.lanes[0].id, title="other")
    ops.add_marker(doc, journey, stage.id, emotions, 2, 0.3)
    ops.add_marker(doc, journey, journey.stages[0].id, emotions, -2, 0.3)
    (copy,) = ops.duplicate(doc, journey, [stage])
    assert journey.stages[2] is copy and copy.id != stage.id
    assert (copy.title, copy.color, copy.width) == (stage.title, stage.color, stage.width)
    copied_cards = [c for c in journey.cards if c.stage_id == copy.id]
    assert [(c.title, c.tags, c.lane_id) for c in copied_cards] == [
        ("Zalo", ["chat"], card.lane_id)]
    assert copied_cards[0].tags is not card.tags
    assert [(m.score, m.position) for m in journey.markers if m.stage_id == copy.id] == [
        (2, 0.3)]
    _same_on_disk(doc)


def test_copy_payload_holds_cards_and_markers_only(doc):
    journey = doc.project.maps[0]
    card = ops.add_card(doc, journey, journey.stages[0].id, journey.lanes[0].id, title="a")
    marker = ops.add_marker(doc, journey, journey.stages[0].id,
                            lane_of(journey, LaneKind.EMOTIONS).id, 1)
    payload = ops.copy_payload([card, journey.stages[0], marker])
    assert payload["format"] == "journey-studio-clip" and payload["version"] == 1
    assert [c["id"] for c in payload["cards"]] == [card.id]
    assert [m["id"] for m in payload["markers"]] == [marker.id]


def test_paste_appends_cards_in_their_order_and_markers_to_the_emotions_lane(doc):
    journey = doc.project.maps[0]
    s0, s2 = journey.stages[0].id, journey.stages[2].id
    touch, pains = journey.lanes[0].id, lane_of(journey, LaneKind.PAINS).id
    emotions = lane_of(journey, LaneKind.EMOTIONS).id
    web = doc.project.channels[0]
    first = ops.add_card(doc, journey, s0, touch, title="first", channel_id=web.id,
                         tags=["vip"])
    second = ops.add_card(doc, journey, s0, touch, title="second")
    marker = ops.add_marker(doc, journey, s0, emotions, -1, 0.4, "lo")
    ops.add_card(doc, journey, s2, pains, title="already")
    payload = ops.copy_payload([second, first, marker])
    payload["cards"][1]["channel_id"] = None
    payload["cards"][0]["channel_id"] = "gone-channel"  # not in this project
    created = ops.paste(doc, journey, payload, s2, pains)
    assert _undo_label(doc) == "Paste"
    assert _cell_titles(journey, s2, pains) == ["already", "first", "second"]
    new_first, new_second, new_marker = created
    assert (new_first.title, new_first.tags, new_first.channel_id) == ("first", ["vip"], None)
    assert new_second.channel_id is None
    assert {new_first.id, new_second.id}.isdisjoint({first.id, second.id})
    assert all(c.map_id == journey.id and c.stage_id == s2 and c.lane_id == pains
               for c in (new_first, new_second))
    assert (new_marker.stage_id, new_marker.lane_id, new_marker.score, new_marker.label) == (
        s2, emotions, -1, "lo")
    assert new_marker.id != marker.id
    _same_on_disk(doc)


def test_paste_keeps_a_channel_the_project_has(doc):
    journey = doc.project.maps[0]
    web = doc.project.channels[0]
    card = ops.add_card(doc, journey, journey.stages[0].id, journey.lanes[0].id, title="w",
                        channel_id=web.id)
    (new,) = ops.paste(doc, journey, ops.copy_payload([card]), journey.stages[1].id,
                       journey.lanes[0].id)
    assert new.channel_id == web.id


def test_pasting_onto_the_emotions_lane_adds_only_the_markers(doc):
    journey = doc.project.maps[0]
    emotions = lane_of(journey, LaneKind.EMOTIONS).id
    card = ops.add_card(doc, journey, journey.stages[0].id, journey.lanes[0].id, title="a")
    marker = ops.add_marker(doc, journey, journey.stages[0].id, emotions, 2)
    created = ops.paste(doc, journey, ops.copy_payload([card, marker]),
                        journey.stages[3].id, emotions)
    assert [type(e) for e in created] == [EmotionMarker]
    assert len(journey.cards) == 1 and created[0].stage_id == journey.stages[3].id


def test_a_damaged_clipboard_is_refused_without_a_step(doc):
    journey = doc.project.maps[0]
    steps = doc.undo_stack.count()
    for payload in (None, [], {"format": "other"}):
        with pytest.raises(DomainError) as caught:
            ops.paste(doc, journey, payload, journey.stages[0].id, journey.lanes[0].id)
        assert str(caught.value) == "the clipboard holds nothing Journey Studio can paste"
    for damaged, reason in (
            ({"cards": [{"map_id": "m", "stage_id": "s", "lane_id": "l", "title": 5}]},
             "card.title: expected text"),
            ({"markers": [{"stage_id": "s"}]}, "marker: missing 'map_id'")):
        with pytest.raises(DomainError) as caught:
            ops.paste(doc, journey, {"format": "journey-studio-clip", **damaged},
                      journey.stages[0].id, journey.lanes[0].id)
        assert str(caught.value) == f"the clipboard content is damaged: {reason}"
    assert doc.undo_stack.count() == steps
    assert ops.paste(doc, journey, {"format": "journey-studio-clip"}, journey.stages[0].id,
                     journey.lanes[0].id) == []
    assert journey.cards == []


# -- maps, snapshots ---------------------------------------------------------------------

def test_new_map_from_template_is_in_the_project_language(doc):
    journey = ops.new_map_from_template(doc, "inbound-4")
    assert _undo_label(doc) == "New map" and doc.project.maps[-1] is journey
    assert journey.name == build_map("inbound-4", "vi").name
    assert len(journey.stages) == 4
    named = ops.new_map_from_template(doc, "blank", "Trống")
    assert named.name == "Trống" and named.stages == []
    _same_on_disk(doc)


def test_duplicate_map_and_future_state_sit_right_after_the_original(doc):
    first = doc.project.maps[0]
    ops.add_card(doc, first, first.stages[0].id, first.lanes[0].id, title="a")
    last = ops.add_map(doc, JourneyMap("Cuối"))
    assert _undo_label(doc) == "Add map"
    copy = ops.duplicate_map(doc, first)
    assert _undo_label(doc) == "Duplicate map"
    assert doc.project.maps == [first, copy, last]
    assert copy.name == first.name + " (bản sao)" and copy.id != first.id
    assert [c.title for c in copy.cards] == ["a"] and copy.state == MapState.CURRENT
    future = ops.create_future_state(doc, first)
    assert _undo_label(doc) == "Create future state"
    assert doc.project.maps == [first, future, copy, last]
    assert (future.name, future.state, future.derived_from_id) == (
        first.name + " (tương lai)", MapState.FUTURE, first.id)
    named = ops.duplicate_map(doc, last, "Bản khác")
    assert named.name == "Bản khác" and doc.project.maps[-1] is named
    assert ops.create_future_state(doc, last, "Mai").name == "Mai"
    first_added = ops.add_map(doc, JourneyMap("Đầu"), 0, "Import map")
    assert doc.project.maps[0] is first_added and _undo_label(doc) == "Import map"
    _same_on_disk(doc)


def test_english_projects_name_copies_in_english(qapp, tmp_path):
    doc = Document.create(str(tmp_path / "en.cjm"), new_project("awareness-5", "en"))
    try:
        first = doc.project.maps[0]
        assert ops.duplicate_map(doc, first).name == first.name + " (copy)"
        assert ops.create_future_state(doc, first).name == first.name + " (future)"
        assert ops.add_lane(doc, first, LaneKind.METRICS).title == "Metrics"
    finally:
        doc.close()


def test_a_snapshot_keeps_the_map_as_it_was(doc):
    journey = doc.project.maps[0]
    card = ops.add_card(doc, journey, journey.stages[0].id, journey.lanes[0].id, title="cũ")
    snapshot = ops.take_snapshot(doc, journey, "Đánh giá Q3")
    assert _undo_label(doc) == "Take snapshot" and doc.project.snapshots == [snapshot]
    assert (snapshot.map_id, snapshot.name) == (journey.id, "Đánh giá Q3")
    ops.edit_text(doc, card, "title", "mới")
    ops.add_stage(doc, journey, "Thêm")
    assert [c.title for c in snapshot.content.cards] == ["cũ"]
    assert len(snapshot.content.stages) == 5 and snapshot.content.id == journey.id
    _same_on_disk(doc)


def test_restoring_a_snapshot_makes_a_new_map_without_dangling_links(doc):
    journey = doc.project.maps[0]
    persona = ops.add_persona(doc, Persona(name="Chị Lan"))
    zalo = ops.add_channel(doc, Channel("zalo-oa", "Zalo OA", id="zalo"))
    web = doc.project.channels[0]
    future = ops.create_future_state(doc, journey)
    ops.set_fields(doc, future, persona_id=persona.id)
    ops.add_card(doc, future, future.stages[0].id, future.lanes[0].id, title="z",
                 channel_id=zalo.id)
    ops.add_card(doc, future, future.stages[0].id, future.lanes[0].id, title="w",
                 channel_id=web.id)
    snapshot = ops.take_snapshot(doc, future, "Q3")
    restored = ops.restore_snapshot(doc, snapshot)
    assert _undo_label(doc) == "Restore snapshot" and doc.project.maps[-1] is restored
    assert restored.name == f"{future.name} — Q3" and restored.id != future.id
    assert (restored.persona_id, restored.derived_from_id) == (persona.id, journey.id)
    # Now the persona, the channel and the original map are gone: the restore unlinks them.
    ops.remove(doc, [persona, zalo, journey])
    again = ops.restore_snapshot(doc, snapshot, "Khôi phục")
    assert again.name == "Khôi phục"
    assert (again.persona_id, again.derived_from_id) == (None, None)
    assert sorted((c.title, c.channel_id) for c in again.cards) == [("w", web.id), ("z", None)]
    assert snapshot.content.persona_id == persona.id  # the snapshot itself is untouched
    _same_on_disk(doc)


def test_cards_added_through_operations_are_plain_cards(doc):
    journey = doc.project.maps[0]
    card = ops.add_card(doc, journey, journey.stages[0].id, journey.lanes[0].id)
    assert isinstance(card, Card) and card.title == "" and card.order == 0
    stage = ops.add_stage(doc, journey, "x")
    assert isinstance(stage, Stage)


def test_place_cards_keeps_the_order_of_cards_dropped_at_one_place(doc):
    journey = doc.project.maps[0]
    s, lane = journey.stages[0].id, journey.lanes[0].id
    a, b, c = (ops.add_card(doc, journey, s, lane, title=t) for t in "abc")
    target = journey.stages[1].id
    ops.place_cards(doc, journey, [(b, target, lane, 0), (c, target, lane, 0),
                                   (a, target, lane, 5)])
    assert _undo_label(doc) == "Move card"
    assert _cell_titles(journey, target, lane) == ["c", "b", "a"]
    _same_on_disk(doc)


def test_paste_into_another_map_files_markers_under_that_map(doc):
    source = doc.project.maps[0]
    emotions = lane_of(source, LaneKind.EMOTIONS).id
    marker = ops.add_marker(doc, source, source.stages[0].id, emotions, 1, 0.2, "ok")
    target = ops.new_map_from_template(doc, "awareness-5")
    target_emotions = lane_of(target, LaneKind.EMOTIONS).id
    (new,) = ops.paste(doc, target, ops.copy_payload([marker]), target.stages[4].id,
                       target.lanes[0].id)
    assert (new.map_id, new.stage_id, new.lane_id) == (target.id, target.stages[4].id,
                                                       target_emotions)
    assert target.markers == [new] and source.markers == [marker]
    _same_on_disk(doc)


def test_paste_into_a_map_without_an_emotions_lane_drops_the_markers(doc):
    source = doc.project.maps[0]
    card = ops.add_card(doc, source, source.stages[0].id, source.lanes[0].id, title="a")
    marker = ops.add_marker(doc, source, source.stages[0].id,
                            lane_of(source, LaneKind.EMOTIONS).id, 1)
    bare = ops.new_map_from_template(doc, "blank")
    stage = ops.add_stage(doc, bare, "Một")
    lane = ops.add_lane(doc, bare, LaneKind.TOUCHPOINTS)
    created = ops.paste(doc, bare, ops.copy_payload([card, marker]), stage.id, lane.id)
    assert [(type(e), e.title) for e in created] == [(Card, "a")]
    assert bare.markers == [] and len(bare.cards) == 1
    only_markers = ops.paste(doc, bare, ops.copy_payload([marker]), stage.id, lane.id)
    assert only_markers == [] and bare.markers == []
    _same_on_disk(doc)
