"""The document's exact words and signals: attempt, offline, refused undo/redo, empty batches."""

from __future__ import annotations

import pytest

from app.document import Document
from app.document import operations as ops
from app.document.document import ReadOnlyError
from app.document.failures import Failure
from app.domain.model import LaneKind, Stage
from app.domain.templates import new_project
from app.domain.validation import DomainError
from app.storage import ProjectStore
from app.storage.errors import StorageError
from app.storage.server.errors import ConflictError

OFFLINE = "the server cannot be reached; the project is read-only until it is back"
OVERTAKEN = ("%1 is not possible: someone else has changed what this step changed since; "
             "it would overwrite their work")


@pytest.fixture
def doc(qapp, tmp_path):
    document = Document.create(str(tmp_path / "p.cjm"), new_project("awareness-5", "en"))
    yield document
    document.close()


def _rename(doc, title):
    ops.edit_text(doc, doc.project.maps[0].stages[0], "title", title)


def _failing_writes(monkeypatch, error):
    def refuse(*_args, **_kwargs):
        raise error

    monkeypatch.setattr(ProjectStore, "write", refuse)


def _stage_conflict(doc, monkeypatch, server_title):
    """Writes refused as stale; the server holds the first stage titled `server_title`."""
    stage = doc.project.maps[0].stages[0]
    fresh = Stage(**{**stage.__dict__, "title": server_title})
    _failing_writes(monkeypatch, ConflictError("stage", stage.id, entity_type=Stage))
    monkeypatch.setattr(ProjectStore, "fetch", lambda _self, _cls, _id: fresh, raising=False)
    return stage


def test_attempt_returns_the_result_and_no_failure(doc):
    journey = doc.project.maps[0]
    lane = next(ln for ln in journey.lanes if ln.kind == LaneKind.ACTIONS)
    assert doc.last_failure is None
    done, card = doc.attempt(lambda: ops.add_card(doc, journey, journey.stages[0].id, lane.id))
    assert done is True and card in journey.cards
    assert doc.last_failure is None


def test_a_failed_write_names_the_command_and_reaches_failed(doc, monkeypatch, qtbot):
    heard = []
    doc.failed.connect(heard.append)
    _failing_writes(monkeypatch, StorageError("disk full"))
    assert doc.attempt(lambda: _rename(doc, "x")) == (False, None)
    expected = Failure("Edit text", "disk full", False)
    assert doc.last_failure == expected and heard == [expected]
    assert expected.message == "Edit text failed: disk full; nothing was changed."
    assert doc.attempt(lambda: _rename(doc, "x"), "Rename")[1] is None
    assert doc.last_failure == Failure("Rename", "disk full", False)


def test_a_failed_undo_and_redo_are_named_so(doc, monkeypatch):
    _rename(doc, "one")
    doc.undo()
    _failing_writes(monkeypatch, StorageError("disk full"))
    assert doc.attempt(doc.redo) == (False, None)
    assert doc.last_failure.message == "Redo failed: disk full; nothing was changed."
    monkeypatch.undo()
    doc.redo()
    _failing_writes(monkeypatch, StorageError("disk full"))
    doc.attempt(doc.undo)
    assert doc.last_failure.message == "Undo failed: disk full; nothing was changed."


def test_a_failure_without_a_step_and_a_success_after_it(doc):
    def fail():
        raise StorageError("gone")

    assert doc.attempt(fail) == (False, None)
    assert doc.last_failure == Failure("", "gone", False)
    assert doc.last_failure.message == "The change failed: gone; nothing was changed."
    doc.attempt(lambda: None)
    assert doc.last_failure is None


def test_a_refusal_inside_an_attempt_after_an_inner_one(doc):
    def refuse():
        doc.attempt(lambda: None)
        raise DomainError("not here")

    doc.attempt(refuse)
    assert doc.last_failure == Failure("", "not here", True)


def test_an_empty_batch_tells_no_one(doc):
    heard = []
    doc.changed.connect(heard.append)
    with doc.batch():
        pass
    assert heard == []


def test_a_batch_that_edits_the_project_first_writes_the_rest_too(doc, tmp_path):
    from app.document.commands import SetFields

    stage = doc.project.maps[0].stages[0]
    doc.push(SetFields(doc, [(doc.project, {"title": "P"}), (stage, {"title": "S"})]))
    store, project = ProjectStore.open(doc.path, read_only=True)
    store.close()
    assert (project.title, project.maps[0].stages[0].title) == ("P", "S")


def test_offline_makes_the_document_read_only_until_the_server_is_back(doc, qtbot):
    heard = []
    doc.offline_changed.connect(heard.append)
    doc.set_offline_by_server(False)  # already online: nothing to say
    assert heard == [] and doc.offline is False
    doc.set_offline_by_server(True)
    assert heard == [True] and doc.read_only is True
    with pytest.raises(ReadOnlyError) as refused:
        _rename(doc, "x")
    assert str(refused.value) == OFFLINE
    doc.set_offline_by_server(True)
    assert heard == [True]
    doc.set_offline_by_server(False)
    assert heard == [True, False] and doc.read_only is False
    _rename(doc, "back")
    assert doc.project.maps[0].stages[0].title == "back"


def test_the_offline_refusal_in_vietnamese(doc, vietnamese):
    doc.set_offline_by_server(True)
    with pytest.raises(ReadOnlyError) as refused:
        _rename(doc, "x")
    assert str(refused.value) == ("không kết nối được máy chủ; dự án chỉ đọc cho đến khi máy "
                                  "chủ hoạt động trở lại")


def test_a_read_only_document_stays_read_only_after_the_server_is_back(doc, qtbot):
    reader = Document.open(doc.path, read_only=True)
    try:
        reader.set_offline_by_server(True)
        reader.set_offline_by_server(False)
        assert reader.read_only is True
        with pytest.raises(ReadOnlyError, match="^this project is open read-only$"):
            _rename(reader, "x")
    finally:
        reader.close()


def test_a_document_without_a_file_is_never_offline(qapp):
    document = Document(new_project("awareness-5", "en"))
    heard = []
    document.offline_changed.connect(heard.append)
    document.set_offline_by_server(True)
    assert heard == [] and document.offline is False and document.live is None
    document.close()


def test_a_stale_push_shows_the_server_state(doc, monkeypatch):
    stage = _stage_conflict(doc, monkeypatch, "Theirs")
    with pytest.raises(ConflictError):
        _rename(doc, "Mine")
    assert stage.title == "Theirs"


@pytest.mark.parametrize("step", ["Undo", "Redo"])
def test_a_stale_undo_or_redo_is_refused_afterwards(doc, monkeypatch, step):
    _rename(doc, "Mine")
    if step == "Redo":
        doc.undo()
    stage = _stage_conflict(doc, monkeypatch, "Theirs")
    run = doc.undo if step == "Undo" else doc.redo
    with pytest.raises(ConflictError):
        run()
    assert stage.title == "Theirs"
    monkeypatch.undo()
    with pytest.raises(DomainError) as refused:
        run()
    assert str(refused.value) == OVERTAKEN.replace("%1", step)


def test_a_stale_undo_refusal_in_vietnamese(doc, monkeypatch, vietnamese):
    _rename(doc, "Mine")
    _stage_conflict(doc, monkeypatch, "Theirs")
    with pytest.raises(ConflictError):
        doc.undo()
    with pytest.raises(DomainError) as refused:
        doc.undo()
    assert str(refused.value) == ("Hoàn tác: không thể thực hiện vì người khác đã thay đổi nội "
                                  "dung mà bước này đã sửa; làm vậy sẽ ghi đè lên thay đổi của họ")


def test_a_foreign_entry_on_the_undo_stack_is_named(doc):
    from PySide6.QtGui import QUndoCommand

    doc.undo_stack.push(QUndoCommand("foreign"))
    with pytest.raises(TypeError, match="^undo stack entry 0 is not a document command$"):
        doc.undo()
