"""Fixtures for the canvas tests: a small Vietnamese map in a document and a shown view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from app.canvas.view import MapView
from app.document import Document
from app.document import operations as ops
from app.domain.model import LaneKind
from app.domain.templates import new_project

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier


def make_project():
    """A 5-stage map with cards in a few cells and three emotion markers."""
    return new_project("awareness-5", "vi", "Kiểm thử")


def populate(doc: Document) -> dict:
    """Put cards and markers in the doc's first map; return handy ids."""
    j = doc.project.maps[0]
    s = [st.id for st in j.stages]
    lanes = {ln.kind: ln.id for ln in j.lanes}
    web = next(c.id for c in doc.project.channels if c.key == "website")
    a = ops.add_card(doc, j, s[0], lanes[LaneKind.TOUCHPOINTS], title="Quảng cáo", channel_id=web)
    b = ops.add_card(doc, j, s[0], lanes[LaneKind.TOUCHPOINTS], title="Tìm kiếm")
    c = ops.add_card(doc, j, s[0], lanes[LaneKind.TOUCHPOINTS], title="Đánh giá")
    d = ops.add_card(doc, j, s[1], lanes[LaneKind.ACTIONS], title="So sánh giá")
    m = ops.add_marker(doc, j, s[0], lanes[LaneKind.EMOTIONS], 1, 0.5, "Tò mò")
    ops.add_marker(doc, j, s[2], lanes[LaneKind.EMOTIONS], -1, 0.5, "Lo lắng")
    doc.undo_stack.clear()
    return {"map": j, "stages": s, "lanes": lanes, "cards": [a, b, c, d], "marker": m}


@pytest.fixture
def doc(qapp, tmp_path):
    """A document stored in a real .cjm file, with sample content."""
    document = Document.create(str(tmp_path / "map.cjm"), make_project())
    document.sample = populate(document)
    yield document
    document.close()


@pytest.fixture
def view(qtbot, doc):
    """A shown MapView on the sample map."""
    v = MapView(doc, doc.sample["map"].id)
    qtbot.addWidget(v)
    v.resize(1400, 1100)
    v.show()
    qtbot.waitExposed(v)
    return v


def vpoint(view: MapView, scene_point: QPointF) -> QPoint:
    """A scene point in viewport pixels."""
    return view.mapFromScene(scene_point)


def center_of(view: MapView, entity_id: str) -> QPoint:
    """The viewport point at the middle of an entity's item."""
    item = view.map_scene.item_for(entity_id)
    return vpoint(view, item.sceneBoundingRect().center())


def drag(view: MapView, start: QPoint, end: QPoint, steps: int = 6,
         modifiers=NO_MOD) -> None:
    """A real press, moves and release on the viewport."""
    vp = view.viewport()
    QTest.mousePress(vp, LEFT, modifiers, start)
    for i in range(1, steps + 1):
        QTest.mouseMove(vp, start + (end - start) * i / steps)
    QTest.mouseRelease(vp, LEFT, modifiers, end)


def reopened(doc: Document):
    """The project as stored in the document's file."""
    reader = Document.open(doc.path, read_only=True)
    try:
        return reader.project
    finally:
        reader.close()


def shown_at(box) -> tuple[float, float]:
    """Where the view shows a card's box: its lane's top and its place in the lane, each
    rounded to a whole pixel (so its cached picture is reused when it shifts)."""
    return (round(box.x), round(box.band.y) + round(box.dy))


def assert_scene_matches_model(view: MapView) -> None:
    """Every card item sits on its layout box (on whole pixels); every entity has its item."""
    scene = view.map_scene
    journey = scene.journey
    assert set(scene.cards) == {c.id for c in journey.cards}
    assert set(scene.stage_headers) == {s.id for s in journey.stages}
    assert set(scene.lane_headers) == {ln.id for ln in journey.lanes}
    for card_id, item in scene.cards.items():
        box = scene.layout.cards[card_id]
        assert (item.scenePos().x(), item.scenePos().y()) == shown_at(box)
        assert (item.card_rect().width(), item.card_rect().height()) == (box.w, box.h)
        assert item.card is next(c for c in journey.cards if c.id == card_id)
    for marker_id, item in scene.markers.items():
        point = scene.layout.markers[marker_id]
        assert (item.pos().x(), item.pos().y()) == (point.x, point.y)
        assert item.score == point.score


def type_text(widget, text: str) -> None:
    """Type `text` with real key events.

    QTest.keyClicks maps characters to keys through a Latin-1 table and aborts the
    process (a Qt ASSERT) on letters such as " á" or "ệ"; those are sent as key events
    carrying the text, which is what a keyboard layout delivers.
    """
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        if ch.isascii():
            QTest.keyClicks(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, NO_MOD, ch))


def ime_commit(widget, text: str, preedit: str = "") -> None:
    """Deliver text the way a Vietnamese input method does: preedit, then commit."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    if preedit:
        QApplication.sendEvent(widget, QInputMethodEvent(preedit, []))
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
