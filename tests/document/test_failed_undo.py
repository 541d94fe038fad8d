"""Undo and redo whose write fails leave the model equal to the file, and can be tried again."""

import pytest

from app.document import Document
from app.document import operations as ops
from app.domain.model import LaneKind
from app.domain.templates import new_project
from app.storage import ProjectStore
from app.storage.errors import StorageError
from tests.document.random_ops import canonical


def _reopened(path) -> dict:
    reader = Document.open(str(path), read_only=True)
    try:
        return canonical(reader.project)
    finally:
        reader.close()


@pytest.fixture
def doc(qapp, tmp_path):
    document = Document.create(str(tmp_path / "shop.cjm"), new_project("awareness-5", "en"))
    yield document
    document.close()


def _add_card(doc):
    journey = doc.project.maps[0]
    lane = next(ln for ln in journey.lanes if ln.kind == LaneKind.ACTIONS)
    return ops.add_card(doc, journey, journey.stages[0].id, lane.id, title="Search")


def _failing_writes(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise StorageError("disk full")

    monkeypatch.setattr(ProjectStore, "write", refuse)


def test_a_failed_undo_keeps_the_model_equal_to_the_file(doc, monkeypatch):
    card = _add_card(doc)
    on_disk = _reopened(doc.path)
    index = doc.undo_stack.index()
    _failing_writes(monkeypatch)
    with pytest.raises(StorageError, match="disk full"):
        doc.undo()
    assert card in doc.project.maps[0].cards
    assert canonical(doc.project) == on_disk == _reopened(doc.path)
    assert doc.undo_stack.index() == index
    monkeypatch.undo()
    doc.undo()  # the step can be tried again once the disk has room
    assert card not in doc.project.maps[0].cards
    assert _reopened(doc.path) == canonical(doc.project)
    assert doc.undo_stack.index() == index - 1


def test_a_failed_redo_keeps_the_model_equal_to_the_file(doc, monkeypatch):
    card = _add_card(doc)
    doc.undo()
    on_disk = _reopened(doc.path)
    _failing_writes(monkeypatch)
    with pytest.raises(StorageError, match="disk full"):
        doc.redo()
    assert card not in doc.project.maps[0].cards
    assert canonical(doc.project) == on_disk == _reopened(doc.path)
    assert doc.undo_stack.index() == 0 and doc.undo_stack.canRedo()
    monkeypatch.undo()
    doc.redo()
    assert card in doc.project.maps[0].cards
    assert _reopened(doc.path) == canonical(doc.project)
    assert doc.undo_stack.index() == 1


def test_a_failed_undo_of_a_macro_restores_every_child(doc, monkeypatch):
    journey = doc.project.maps[0]
    stage = journey.stages[0]
    _add_card(doc)
    ops.remove(doc, [stage])  # a macro: the stage and its cards
    on_disk = _reopened(doc.path)
    _failing_writes(monkeypatch)
    with pytest.raises(StorageError):
        doc.undo()
    assert stage not in journey.stages
    assert canonical(doc.project) == on_disk
    monkeypatch.undo()
    doc.undo()
    assert stage in journey.stages
    assert _reopened(doc.path) == canonical(doc.project)


def test_listeners_hear_the_state_the_file_holds(doc, monkeypatch):
    card = _add_card(doc)
    heard = []
    doc.changed.connect(lambda changes: heard.append(card in doc.project.maps[0].cards))
    _failing_writes(monkeypatch)
    with pytest.raises(StorageError):
        doc.undo()
    # Views that followed the undo halfway are told the state that is on disk: card there.
    assert heard and heard[-1] is True


def test_undo_and_redo_with_nothing_to_do_are_harmless(doc):
    doc.undo()
    doc.redo()
    assert doc.undo_stack.count() == 0
