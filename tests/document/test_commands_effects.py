"""The undo step each command makes: its label, the change it announces, what it refuses.

Listeners (canvas, inspector, insights panel) refresh from the announced changes, so the
kind, entity and fields of each change are part of what a user sees.
"""

import pytest

from app.document import Document, ReadOnlyError
from app.document import operations as ops
from app.document.commands import (
    MERGE_NUDGE,
    MERGE_TYPING,
    InsertEntity,
    MoveInList,
    RemoveEntity,
    SetFields,
)
from app.domain.events import ChangeKind
from app.domain.model import Lane, LaneKind, Stage
from app.domain.templates import new_project
from app.domain.validation import DomainError
from app.storage import ProjectStore, StorageError
from tests.document.conftest import lane_of
from tests.document.random_ops import canonical


def _batches(doc):
    batches = []
    doc.events.subscribe(lambda changes: batches.append(
        [(c.kind, c.entity, c.fields) for c in changes]))
    return batches


def test_each_primitive_command_is_labelled_and_announces_its_change(doc):
    journey = doc.project.maps[0]
    batches = _batches(doc)
    stage = Stage(journey.id, "Giao hàng")
    doc.push(InsertEntity(doc, stage))
    assert doc.undo_stack.undoText() == "Add" and journey.stages[-1] is stage
    doc.push(MoveInList(doc, stage, 0))
    assert doc.undo_stack.undoText() == "Reorder" and journey.stages[0] is stage
    doc.push(SetFields(doc, [(stage, {"title": "Giao", "width": 300.0})]))
    assert doc.undo_stack.undoText() == "Edit"
    doc.push(RemoveEntity(doc, stage))
    assert doc.undo_stack.undoText() == "Delete" and stage not in journey.stages
    assert batches == [
        [(ChangeKind.ADDED, stage, ())],
        [(ChangeKind.CHANGED, stage, ("position",))],
        [(ChangeKind.CHANGED, stage, ("title", "width"))],
        [(ChangeKind.REMOVED, stage, ())],
    ]
    for _ in range(4):
        doc.undo()
    assert batches[4:] == [
        [(ChangeKind.ADDED, stage, ())],
        [(ChangeKind.CHANGED, stage, ("title", "width"))],
        [(ChangeKind.CHANGED, stage, ("position",))],
        [(ChangeKind.REMOVED, stage, ())],
    ]
    assert stage not in journey.stages and journey.stages[0].title == "Nhận thức"


def test_a_removed_stage_comes_back_at_its_place(doc):
    journey = doc.project.maps[0]
    third = journey.stages[2]
    doc.push(RemoveEntity(doc, third, "Delete stage"))
    assert doc.undo_stack.undoText() == "Delete stage"
    doc.undo()
    assert journey.stages[2] is third
    doc.push(MoveInList(doc, third, 4, "Move stage"))
    doc.undo()
    assert journey.stages[2] is third


def test_set_fields_refuses_unknown_fields_and_the_id(doc):
    stage = doc.project.maps[0].stages[0]
    for values, message in (({"colour": "#000000"}, "cannot set colour"),
                            ({"zeta": 1, "alpha": 2}, "cannot set alpha, zeta"),
                            ({"id": "x"}, "cannot set id"),
                            ({"id": "x", "zz": 1}, "cannot set zz")):
        with pytest.raises(DomainError) as caught:
            SetFields(doc, [(stage, values)])
        assert str(caught.value) == message
    with pytest.raises(DomainError, match="width must be above 0 and at most 20000, not 0"):
        SetFields(doc, [(stage, {"width": 0})])
    assert doc.undo_stack.count() == 0


def test_undoing_merged_keystrokes_restores_the_text_before_the_first(doc):
    stage = doc.project.maps[0].stages[0]
    for text in ("G", "Gi", "Gia"):
        doc.push(SetFields(doc, [(stage, {"title": text})], merge=MERGE_TYPING))
    assert doc.undo_stack.count() == 1
    doc.undo()
    assert stage.title == "Nhận thức"
    doc.redo()
    assert stage.title == "Gia"


def test_only_the_same_kind_of_edit_on_the_same_items_merges(doc):
    first, second = doc.project.maps[0].stages[:2]
    doc.push(SetFields(doc, [(first, {"title": "a"})], merge=MERGE_TYPING))
    doc.push(SetFields(doc, [(second, {"title": "b"})], merge=MERGE_TYPING))  # other stage
    doc.push(SetFields(doc, [(second, {"width": 300.0})], merge=MERGE_NUDGE))  # other kind
    doc.push(SetFields(doc, [(second, {"width": 310.0})]))  # never merges
    doc.push(SetFields(doc, [(second, {"width": 320.0})]))
    assert doc.undo_stack.count() == 5
    doc.undo()
    assert second.width == 310.0


def test_an_emotions_lane_with_markers_keeps_its_kind(doc):
    journey = doc.project.maps[0]
    emotions = lane_of(journey, LaneKind.EMOTIONS)
    ops.add_marker(doc, journey, journey.stages[0].id, emotions.id, 1)
    with pytest.raises(DomainError) as caught:
        ops.set_fields(doc, emotions, kind=LaneKind.TEXT)
    assert str(caught.value) == "remove the emotion markers before changing this lane's kind"
    ops.set_fields(doc, emotions, kind=LaneKind.EMOTIONS, title="Cảm xúc khách")  # same kind
    assert emotions.title == "Cảm xúc khách"
    spare = Lane(journey.id, "Cảm xúc 2", LaneKind.EMOTIONS)
    doc.push(InsertEntity(doc, spare))
    ops.set_fields(doc, spare, kind=LaneKind.TEXT)  # the markers are on the other lane
    assert spare.kind == LaneKind.TEXT


def test_a_lane_with_cards_cannot_become_an_emotions_lane(doc):
    journey = doc.project.maps[0]
    touch, pains = journey.lanes[0], lane_of(journey, LaneKind.PAINS)
    ops.add_card(doc, journey, journey.stages[0].id, touch.id, title="Zalo")
    with pytest.raises(DomainError) as caught:
        ops.set_fields(doc, touch, kind=LaneKind.EMOTIONS)
    assert str(caught.value) == (
        "empty the lane before making it an emotions lane: it holds cards")
    ops.set_fields(doc, touch, kind=LaneKind.PAINS)  # any other kind is fine
    ops.set_fields(doc, pains, kind=LaneKind.EMOTIONS)  # an empty lane may become one
    assert (touch.kind, pains.kind) == (LaneKind.PAINS, LaneKind.EMOTIONS)


def test_a_read_only_document_says_so(qapp, tmp_path):
    path = tmp_path / "map.cjm"
    Document.create(str(path), new_project("awareness-5", "vi")).close()
    store, project = ProjectStore.open(str(path), read_only=True)
    doc = Document(project, store)  # read-only because its store is
    try:
        assert doc.read_only
        with pytest.raises(ReadOnlyError) as caught:
            ops.add_stage(doc, project.maps[0], "x")
        assert str(caught.value) == "this project is open read-only"
        assert Document.open(str(path), read_only=True).read_only
    finally:
        doc.close()
    assert doc.store is None and doc.path is None


def test_documents_are_created_over_a_file_only_when_asked(qapp, tmp_path):
    path = tmp_path / "map.cjm"
    Document.create(str(path), new_project("awareness-5", "vi")).close()
    with pytest.raises(Exception, match="exists"):
        Document.create(str(path), new_project("blank", "vi"))
    replaced = Document.create(str(path), new_project("blank", "vi"), overwrite=True)
    assert replaced.path == str(path)
    replaced.close()
    reopened = Document.open(str(path))
    try:
        assert reopened.project.maps[0].stages == [] and not reopened.read_only
    finally:
        reopened.close()


def test_save_copy_writes_the_model_as_it_is_now(qapp, tmp_path):
    memory = Document(new_project("awareness-5", "vi"))
    ops.add_stage(memory, memory.project.maps[0], "Mới")
    target = tmp_path / "copy.cjm"
    target.write_bytes(b"old")
    memory.save_copy(str(target))  # an in-memory document replaces the file
    reader = Document.open(str(target), read_only=True)
    assert canonical(reader.project) == canonical(memory.project)
    reader.close()
    stored = Document.create(str(tmp_path / "map.cjm"), new_project("awareness-5", "vi"))
    ops.add_stage(stored, stored.project.maps[0], "Khác")
    stored.save_copy(str(tmp_path / "copy2.cjm"))
    reader = Document.open(str(tmp_path / "copy2.cjm"), read_only=True)
    assert canonical(reader.project) == canonical(stored.project)
    reader.close()
    stored.close()


def test_the_changed_signal_carries_each_batch(doc):
    received = []
    doc.changed.connect(received.append)
    stage = ops.add_stage(doc, doc.project.maps[0], "Mới")
    assert [[(c.kind, c.entity) for c in batch] for batch in received] == [
        [(ChangeKind.ADDED, stage)]]


def test_a_macro_step_can_reorder(doc):
    journey = doc.project.maps[0]
    last = journey.stages[-1]
    with doc.macro("Sort stages") as macro:
        macro.move(last, 0)
    assert journey.stages[0] is last and doc.undo_stack.undoText() == "Sort stages"
    doc.undo()
    assert journey.stages[-1] is last


def test_a_failed_write_leaves_the_model_as_the_file_and_says_why(qapp, tmp_path):
    path = tmp_path / "map.cjm"
    doc = Document.create(str(path), new_project("awareness-5", "vi"))
    try:
        peek = Document.open(str(path), read_only=True)
        assert peek.path == str(path)
        peek.close()
        journey = doc.project.maps[0]
        before = canonical(doc.project)
        reasons = []
        doc.persist_failed.connect(reasons.append)
        store_write = doc.store.write

        def full_disk(*args, **kwargs):
            raise StorageError("the disk is full")

        doc.store.write = full_disk
        with pytest.raises(StorageError, match="the disk is full"):
            ops.add_stage(doc, journey, "Mới")
        assert reasons == ["the disk is full"]
        assert canonical(doc.project) == before and doc.undo_stack.count() == 0
        doc.store.write = store_write
        stage = ops.add_stage(doc, journey, "Mới")  # writing works again afterwards
        reader = Document.open(str(path), read_only=True)
        assert canonical(reader.project) == canonical(doc.project)
        assert reader.project.maps[0].stages[-1].id == stage.id
        reader.close()
    finally:
        doc.close()
