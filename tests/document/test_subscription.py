"""A subscription's flush and cancel: what reaches the callback, and when."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from app.document import operations
from app.document.document import Document
from app.domain.templates import new_project


def _doc(tmp_path) -> Document:
    return Document.create(str(tmp_path / "s.cjm"), new_project("awareness-5", "en", "S"))


def _rename(doc: Document, title: str) -> None:
    operations.edit_text(doc, doc.project.maps[0].stages[0], "title", title)


def test_changes_arrive_at_the_next_turn_of_the_event_loop(qtbot, tmp_path):
    doc = _doc(tmp_path)
    owner, calls = QObject(), []
    subscription = doc.subscribe(owner, calls.append)
    _rename(doc, "One")
    assert calls == [] and subscription.pending
    QApplication.processEvents()  # one turn: a zero-delay timer has fired
    assert len(calls) == 1 and not subscription.pending
    doc.close()


def test_flush_delivers_now_and_the_turn_after_adds_nothing(qtbot, tmp_path):
    doc = _doc(tmp_path)
    owner, calls = QObject(), []
    subscription = doc.subscribe(owner, calls.append)
    subscription.flush()  # nothing waits: the callback is not called with nothing
    assert calls == []
    _rename(doc, "One")
    _rename(doc, "Two")
    subscription.flush()
    assert [[c.fields for c in batch] for batch in calls] == [[("title",), ("title",)]]
    qtbot.wait(30)
    assert len(calls) == 1
    _rename(doc, "Three")  # the next burst gets its own turn
    qtbot.waitUntil(lambda: len(calls) == 2)
    doc.close()


def test_flush_of_a_subscription_that_delivers_at_once_does_nothing(qtbot, tmp_path):
    doc = _doc(tmp_path)
    owner, calls = QObject(), []
    subscription = doc.subscribe(owner, calls.append, coalesce=False)
    _rename(doc, "One")
    assert len(calls) == 1
    subscription.flush()
    assert len(calls) == 1
    doc.close()


def test_cancel_drops_what_waits_and_stops_only_this_listener(qtbot, tmp_path):
    doc = _doc(tmp_path)
    owner, calls, others = QObject(), [], []
    subscription = doc.subscribe(owner, calls.append)
    doc.subscribe(owner, others.append, coalesce=False)
    _rename(doc, "One")
    subscription.cancel()
    assert subscription.doc is None and not subscription.pending
    _rename(doc, "Two")
    qtbot.wait(30)
    assert calls == []
    assert len(others) == 2  # the other listener of the same document still hears
    doc.close()


def test_cancel_again_after_the_subscription_or_its_owner_is_gone_does_nothing(qtbot, tmp_path):
    from PySide6.QtCore import QCoreApplication, QEvent

    doc = _doc(tmp_path)
    owner, calls = QObject(), []
    cancelled = doc.subscribe(owner, calls.append)
    cancelled.cancel()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # deleteLater ran
    cancelled.cancel()  # a window letting go of a document twice: no RuntimeError
    orphaned = doc.subscribe(owner, calls.append)
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the owner ended
    orphaned.cancel()
    _rename(doc, "After")
    qtbot.wait(30)
    assert calls == []
    doc.close()
