"""Every operation is one undo step; undo restores the model exactly."""

import pytest

from app.document import Document, ReadOnlyError
from app.document import operations as ops
from app.domain.events import ChangeKind
from app.domain.model import LaneKind, MapState, Persona
from app.domain.serialize import project_to_dict
from app.domain.templates import new_project
from app.domain.validation import DomainError
from tests.document.conftest import lane_of


def _state(project):
    data = project_to_dict(project)
    data["project"].pop("modified")
    return data


def test_each_operation_is_one_step_and_undo_walks_back(doc):
    journey = doc.project.maps[0]
    s0, s1 = journey.stages[0].id, journey.stages[1].id
    touch = lane_of(journey, LaneKind.TOUCHPOINTS).id
    pains = lane_of(journey, LaneKind.PAINS).id
    emotions = lane_of(journey, LaneKind.EMOTIONS).id
    states = [_state(doc.project)]
    steps = [
        lambda: ops.add_card(doc, journey, s0, touch, title="Quảng cáo Facebook"),
        lambda: ops.add_card(doc, journey, s0, touch, index=0, title="Tìm Google"),
        lambda: ops.move_cards(doc, journey, [journey.cards[0]], s1, pains, 0),
        lambda: ops.add_marker(doc, journey, s1, emotions, -2, 0.3, "Phí ship"),
        lambda: ops.move_marker(doc, journey.markers[0], s0, 0.8, 1),
        lambda: ops.add_stage(doc, journey, "Giao hàng", 2),
        lambda: ops.move_in_list(doc, journey.stages[0], 3),
        lambda: ops.resize_stage(doc, journey.stages[1], 90),
        lambda: ops.add_lane(doc, journey, LaneKind.METRICS),
        lambda: ops.duplicate(doc, journey, [journey.cards[0]]),
        lambda: ops.remove(doc, [journey.stages[3]]),
        lambda: ops.create_future_state(doc, journey),
        lambda: ops.take_snapshot(doc, journey, "Đánh giá Q3 2026"),
        lambda: ops.add_persona(doc, Persona(name="Chị Lan")),
        lambda: ops.set_fields(doc, journey, persona_id=doc.project.personas[0].id),
        lambda: ops.remove(doc, [doc.project.personas[0]]),
    ]
    for step in steps:
        before = doc.undo_stack.count()
        step()
        assert doc.undo_stack.count() == before + 1
        states.append(_state(doc.project))
    assert journey.stages[1].width == 140  # never below the minimum
    assert doc.project.maps[1].state == MapState.FUTURE
    assert doc.project.maps[1].derived_from_id == journey.id
    for expected in reversed(states[:-1]):
        doc.undo()
        assert _state(doc.project) == expected
    for expected in states[1:]:
        doc.redo()
        assert _state(doc.project) == expected


def test_typing_merges_into_one_undo_step(doc):
    journey = doc.project.maps[0]
    card = ops.add_card(doc, journey, journey.stages[0].id, journey.lanes[0].id, title="")
    for text in ("T", "Th", "Tha", "Thanh toán"):
        ops.edit_text(doc, card, "title", text)
    assert doc.undo_stack.count() == 2
    assert doc.undo_stack.undoText() == "Edit text"
    doc.undo()
    assert card.title == ""


def test_removing_a_stage_removes_its_cards_and_markers_in_one_step(doc):
    journey = doc.project.maps[0]
    stage = journey.stages[2]
    ops.add_card(doc, journey, stage.id, journey.lanes[0].id, title="a")
    ops.add_marker(doc, journey, stage.id, lane_of(journey, LaneKind.EMOTIONS).id, -1)
    count = doc.undo_stack.count()
    ops.remove(doc, [stage])
    assert doc.undo_stack.count() == count + 1
    assert not journey.cards and not journey.markers and stage not in journey.stages
    doc.undo()
    assert len(journey.cards) == 1 and len(journey.markers) == 1 and journey.stages[2] is stage


def test_events_announce_each_command_once(doc):
    journey = doc.project.maps[0]
    batches = []
    doc.events.subscribe(batches.append)
    ops.remove(doc, [journey.stages[0]])
    assert len(batches) == 1
    assert [c.kind for c in batches[0]] == [ChangeKind.REMOVED]
    doc.undo()
    assert len(batches) == 2 and batches[1][0].kind == ChangeKind.ADDED


def test_invalid_changes_are_refused_and_leave_no_trace(doc):
    journey = doc.project.maps[0]
    emotions = lane_of(journey, LaneKind.EMOTIONS)
    with pytest.raises(DomainError, match="emotion markers, not cards"):
        ops.add_card(doc, journey, journey.stages[0].id, emotions.id, title="x")
    with pytest.raises(DomainError, match="from -2 to \\+2"):
        ops.add_marker(doc, journey, journey.stages[0].id, emotions.id, 5)
    ops.add_card(doc, journey, journey.stages[0].id, journey.lanes[0].id, title="x")
    with pytest.raises(DomainError, match="holds cards"):
        ops.set_fields(doc, journey.lanes[0], kind=LaneKind.EMOTIONS)
    assert doc.undo_stack.count() == 1 and len(journey.cards) == 1


def test_copy_paste_between_projects_gives_new_ids(qapp, doc):
    journey = doc.project.maps[0]
    card = ops.add_card(doc, journey, journey.stages[0].id, journey.lanes[0].id,
                        title="R&D <b>x</b>", tags=["vip"])
    payload = ops.copy_payload([card])
    other = Document(new_project("inbound-4"))
    target = other.project.maps[0]
    pasted = ops.paste(other, target, payload, target.stages[2].id, target.lanes[1].id)
    assert [c.title for c in pasted] == ["R&D <b>x</b>"]
    assert pasted[0].id != card.id and pasted[0].map_id == target.id
    with pytest.raises(DomainError, match="nothing Journey Studio can paste"):
        ops.paste(other, target, {"format": "other"}, target.stages[0].id, target.lanes[0].id)


def test_a_read_only_document_refuses_changes(qapp):
    document = Document(new_project("blank"), read_only=True)
    with pytest.raises(ReadOnlyError):
        ops.add_stage(document, document.project.maps[0], "x")
