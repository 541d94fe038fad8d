"""Change events name what changed; Document.subscribe coalesces and ends with its owner."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.document import operations
from app.document.document import Document
from app.domain.events import ChangeKind
from app.domain.templates import new_project


def _doc(tmp_path) -> Document:
    return Document.create(str(tmp_path / "e.cjm"), new_project("awareness-5", "en", "E"))


def test_a_listener_gets_the_entity_and_fields(qtbot, tmp_path):
    doc = _doc(tmp_path)
    owner = QObject()
    seen = []
    doc.subscribe(owner, seen.append, coalesce=False)
    journey = doc.project.maps[0]
    card = operations.add_card(doc, journey, journey.stages[0].id, journey.lanes[0].id,
                               title="A")
    operations.edit_text(doc, card, "title", "B")
    last = seen[-1]
    assert [(c.entity.id, c.kind, c.fields) for c in last] == [
        (card.id, ChangeKind.CHANGED, ("title",))]
    assert any(c.entity is card and c.kind == ChangeKind.ADDED for c in seen[0])
    doc.close()


def test_two_changes_in_one_turn_make_one_refresh(qtbot, tmp_path):
    doc = _doc(tmp_path)
    owner = QObject()
    calls = []
    doc.subscribe(owner, calls.append)
    stage = doc.project.maps[0].stages[0]
    operations.edit_text(doc, stage, "title", "One")
    operations.set_fields(doc, stage, color="#112233")
    assert calls == []  # nothing before the event loop turns
    qtbot.waitUntil(lambda: len(calls) == 1)
    qtbot.wait(20)
    assert len(calls) == 1
    assert [c.fields for c in calls[0]] == [("title",), ("color",)]
    doc.close()


def test_the_subscription_ends_when_its_owner_is_destroyed(qtbot, tmp_path):
    doc = _doc(tmp_path)
    owner = QObject()
    calls = []
    subscription = doc.subscribe(owner, calls.append, coalesce=False)
    stage = doc.project.maps[0].stages[0]
    operations.edit_text(doc, stage, "title", "One")
    assert len(calls) == 1
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(subscription))
    operations.edit_text(doc, stage, "title", "Two")
    assert len(calls) == 1
    doc.close()


def _alive(obj: QObject) -> bool:
    try:
        obj.objectName()
    except RuntimeError:
        return False
    return True
