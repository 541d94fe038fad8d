"""The draft recorder: what it writes after a pause in typing, what it forgets, and how it
reports a draft it cannot keep (once, and typing goes on)."""

from __future__ import annotations

import pytest

from app.document import operations
from app.document.document import Document
from app.document.draft_recorder import DELAY_MS, DraftRecorder
from app.document.drafts import DraftStore
from app.domain.templates import new_project


@pytest.fixture
def doc(qapp, tmp_path):
    document = Document.create(str(tmp_path / "d.cjm"), new_project("awareness-5", "vi", "D"))
    yield document
    document.close()


@pytest.fixture
def store(tmp_path):
    return DraftStore(tmp_path / "drafts")


def _card(doc):
    journey = doc.project.maps[0]
    return operations.add_card(doc, journey, journey.stages[0].id, journey.lanes[0].id,
                               title="Quảng cáo")


def test_it_is_found_through_its_document_and_only_there(doc, store):
    recorder = DraftRecorder(doc, store)
    assert DraftRecorder.of(doc) is recorder
    assert recorder.parent() is doc
    assert DraftRecorder.of(object()) is None
    assert DELAY_MS == 300


def test_the_text_is_written_once_typing_pauses(doc, store, qtbot):
    card = _card(doc)
    recorder = DraftRecorder(doc, store, delay_ms=20)
    recorder.record(card, "title", "Quảng cáo", "Quảng cáo T")
    recorder.record(card, "title", "Quảng cáo", "Quảng cáo Tết")
    assert recorder.has_pending()
    assert store.load(doc.project.id, doc.path) is None  # not before the pause
    qtbot.waitUntil(lambda: not recorder.has_pending())
    draft = store.load(doc.project.id, doc.path)
    assert (draft.entity_id, draft.entity_type, draft.field, draft.original, draft.text) == (
        card.id, "card", "title", "Quảng cáo", "Quảng cáo Tết")
    assert draft.saved_at  # stamped when written
    assert doc.undo_stack.count() == 1  # only the card's own add: drafts never push


def test_flush_writes_at_once_and_a_second_flush_writes_nothing(doc, store, monkeypatch):
    card = _card(doc)
    recorder = DraftRecorder(doc, store, delay_ms=60_000)
    recorder.flush()  # nothing typed: nothing written
    assert not store.folder.exists()
    recorder.record(card, "body", "", "Khách")
    recorder.flush()
    assert not recorder.has_pending()
    assert store.load(doc.project.id, doc.path).text == "Khách"
    saved = []
    monkeypatch.setattr(store, "save", saved.append)
    recorder.flush()
    assert saved == []


def test_clear_forgets_the_written_draft(doc, store):
    card = _card(doc)
    recorder = DraftRecorder(doc, store)
    recorder.record(card, "title", "Quảng cáo", "Mới")
    recorder.flush()
    recorder.clear(card, "title")
    assert store.load(doc.project.id, doc.path) is None
    assert not store.file_for(doc.path).exists()


def test_clear_of_another_field_keeps_the_draft_being_kept(doc, store):
    card = _card(doc)
    recorder = DraftRecorder(doc, store, delay_ms=60_000)
    recorder.record(card, "title", "Quảng cáo", "Mới")
    recorder.clear(card, "body")  # pending title: another editor closing keeps it
    assert recorder.has_pending()
    recorder.flush()
    recorder.clear(card, "body")  # written title: kept as well
    assert store.load(doc.project.id, doc.path).text == "Mới"
    recorder.clear()  # everything
    assert store.load(doc.project.id, doc.path) is None


def test_clear_before_the_pause_drops_the_pending_text(doc, store, qtbot):
    card = _card(doc)
    recorder = DraftRecorder(doc, store, delay_ms=20)
    recorder.record(card, "title", "Quảng cáo", "Mới")
    recorder.clear(card, "title")
    assert not recorder.has_pending()
    qtbot.wait(60)
    assert store.load(doc.project.id, doc.path) is None


def test_a_draft_that_cannot_be_written_is_logged_and_reported_once(doc, store, tmp_path,
                                                                     caplog):
    card = _card(doc)
    (tmp_path / "drafts").write_text("a file where the folder should be")
    recorder = DraftRecorder(doc, store, delay_ms=60_000)
    reasons = []
    recorder.failed.connect(reasons.append)
    with caplog.at_level("WARNING", logger="app.document.draft_recorder"):
        for text in ("M", "Mo", "Mơ"):
            recorder.record(card, "title", "Quảng cáo", text)
            recorder.flush()
    (reason,) = reasons
    assert "drafts" in reason and reason != "None"  # the OS's own words, naming the place
    # Logged at each failure, reported to the user once.
    assert caplog.messages == [f"could not keep a draft of the text being typed: {reason}"] * 3
    assert card.title == "Quảng cáo"  # the model is untouched
    (tmp_path / "drafts").unlink()
    recorder.record(card, "title", "Quảng cáo", "Mơ ước")
    recorder.flush()  # written again: a later failure is reported anew
    assert store.load(doc.project.id, doc.path).text == "Mơ ước"
    store.discard(doc.path)
    (tmp_path / "drafts").rmdir()
    (tmp_path / "drafts").write_text("again")
    recorder.record(card, "title", "Quảng cáo", "Mơ")
    recorder.flush()
    assert len(reasons) == 2


def test_a_draft_that_cannot_be_removed_stays_known(doc, store, monkeypatch, caplog):
    card = _card(doc)
    recorder = DraftRecorder(doc, store)
    recorder.record(card, "title", "Quảng cáo", "Mới")
    recorder.flush()

    def refuse(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store, "discard", refuse)
    with caplog.at_level("WARNING", logger="app.document.draft_recorder"):
        recorder.clear(card, "title")
    assert caplog.messages == ["could not remove a draft: [Errno 13] Permission denied"]
    monkeypatch.undo()
    recorder.clear(object(), "title")  # still known as written: only its own field clears it
    assert store.load(doc.project.id, doc.path) is not None
    recorder.clear(card, "title")
    assert store.load(doc.project.id, doc.path) is None


def test_a_document_without_a_file_keeps_no_draft(qapp, store):
    doc = Document(new_project("awareness-5", "vi", "D"))  # in memory only
    assert doc.path is None
    recorder = DraftRecorder(doc, store)
    recorder.record(doc.project.maps[0], "name", "", "x")
    assert not recorder.has_pending()
    recorder.clear()
    assert not store.folder.exists()


def test_nothing_written_means_nothing_to_remove(doc, store, monkeypatch):
    card = _card(doc)
    recorder = DraftRecorder(doc, store)
    removed = []
    monkeypatch.setattr(store, "discard", removed.append)
    recorder.clear()  # a fresh recorder has written nothing
    recorder.record(card, "title", "Quảng cáo", "Mới")
    recorder.flush()
    recorder.clear()
    recorder.clear()  # the draft is gone already
    assert removed == [doc.path]


def test_an_entity_without_an_id_keeps_an_empty_one(doc, store):
    recorder = DraftRecorder(doc, store, delay_ms=60_000)
    entity = object()
    recorder.record(entity, "title", "", "x")
    recorder.flush()
    assert store.load(doc.project.id, doc.path).entity_id == ""
    recorder.clear(object(), "title")  # the same (empty) id and field: it is the one
    assert store.load(doc.project.id, doc.path) is None
