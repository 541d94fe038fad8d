"""Connectors drawn on the sample map survive closing and reopening its .cjm file (issue 14,
"Done when"): a loop from "Mua hàng" back to "Cân nhắc", a handoff from a touchpoint to
a backstage card."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from app.canvas.menus import build_menu
from app.canvas.view import MapView
from app.document import Document
from app.domain.model import ConnectorKind, LaneKind
from app.samples import build_sample
from tests.canvas.conftest import LEFT, NO_MOD, center_of, drag, vpoint

CTRL = Qt.KeyboardModifier.ControlModifier


def _show(qtbot, doc: Document, map_id: str) -> MapView:
    view = MapView(doc, map_id)
    qtbot.addWidget(view)
    view.resize(1600, 1100)
    view.show()
    qtbot.waitExposed(view)
    return view


def _card(journey, stage_title: str, kind: LaneKind):
    stage = next(s for s in journey.stages if s.title == stage_title)
    lane = next(ln for ln in journey.lanes if ln.kind == kind)
    return journey.cell_cards(stage.id, lane.id)[0]


def _trigger(menu, text: str) -> None:
    for action in menu.actions():
        if action.menu() is not None:
            for sub in action.menu().actions():
                if sub.text() == text:
                    sub.trigger()
                    return
        elif action.text() == text:
            action.trigger()
            return
    raise AssertionError(f"no menu action {text!r}")


def test_the_samples_loop_and_handoff_survive_reopening(qapp, qtbot, tmp_path):
    path = str(tmp_path / "sample.cjm")
    doc = Document.create(path, build_sample())
    journey = doc.project.maps[0]
    view = _show(qtbot, doc, journey.id)
    buy = _card(journey, "Mua hàng", LaneKind.ACTIONS)
    consider = next(s for s in journey.stages if s.title == "Cân nhắc")

    # The loop: drag the handle of a "Mua hàng" card onto the "Cân nhắc" stage header,
    # then make it a loop back from its context menu.
    QTest.mouseMove(view.viewport(), center_of(view, buy.id) + QPoint(2, 1))
    QTest.mouseMove(view.viewport(), center_of(view, buy.id))
    handle = vpoint(view, view.map_scene.link_handle.pos())
    header = view.map_scene.stage_headers[consider.id]
    drag(view, handle, vpoint(view, header.sceneBoundingRect().center()))
    loop = journey.connectors[0]
    assert (loop.source_id, loop.target_id) == (buy.id, consider.id)
    item = view.map_scene.links.items[loop.id]
    a, b = item.route.points[0], item.route.points[1]
    _trigger(build_menu(view, view.mapToScene(vpoint(view, _middle(a, b)))), "Loop back")
    assert loop.kind == ConnectorKind.LOOP_BACK

    # The handoff: select a touchpoint, then a backstage card, Ctrl+L, kind from the menu.
    touch = _card(journey, "Mua hàng", LaneKind.TOUCHPOINTS)
    back = _card(journey, "Mua hàng", LaneKind.BACKSTAGE)
    view.ensureVisible(view.map_scene.cards[back.id], 20, 20)
    QTest.mouseClick(view.viewport(), LEFT, NO_MOD, center_of(view, touch.id))
    view.ensureVisible(view.map_scene.cards[back.id], 20, 20)
    QTest.mouseClick(view.viewport(), LEFT, CTRL, center_of(view, back.id))
    QTest.keyClick(view, Qt.Key.Key_L, CTRL)
    handoff = next(c for c in journey.connectors if c.source_id == touch.id)
    assert handoff.target_id == back.id
    item = view.map_scene.links.items[handoff.id]
    a, b = item.route.points[0], item.route.points[1]
    view.ensureVisible(_rect(a, b), 20, 20)
    _trigger(build_menu(view, view.mapToScene(vpoint(view, _middle(a, b)))), "Handoff")
    assert handoff.kind == ConnectorKind.HANDOFF
    view.close()  # one map window at a time: two would share the Delete key
    view.map_scene.detach()
    view.deleteLater()
    qapp.processEvents()
    doc.close()

    reopened = Document.open(path)
    try:
        journey = reopened.project.maps[0]
        kept = {(c.source_id, c.target_id, c.kind) for c in journey.connectors}
        assert kept == {(buy.id, consider.id, ConnectorKind.LOOP_BACK),
                        (touch.id, back.id, ConnectorKind.HANDOFF)}
        view = _show(qtbot, reopened, journey.id)
        for connector in journey.connectors:  # drawn again, from card edge to card edge
            item = view.map_scene.links.items[connector.id]
            assert item.isVisible() and item.route is not None
        reopened.undo_stack.clear()
        # Deleting the touchpoint takes its handoff along, in the file too; undo brings
        # both back.
        touch_now = journey.card(touch.id)
        view.select_entities([touch_now])
        QTest.keyClick(view, Qt.Key.Key_Delete)
        assert {c.kind for c in journey.connectors} == {ConnectorKind.LOOP_BACK}
        check = Document.open(path, read_only=True)
        assert {c.kind for c in check.project.maps[0].connectors} == {ConnectorKind.LOOP_BACK}
        check.close()
        reopened.undo()
        check = Document.open(path, read_only=True)
        assert len(check.project.maps[0].connectors) == 2
        check.close()
        assert view.map_scene.links.items[handoff.id].isVisible()
    finally:
        reopened.close()


def _middle(a, b):
    from PySide6.QtCore import QPointF

    return QPointF(a[0] + (b[0] - a[0]) * 0.5, a[1] + (b[1] - a[1]) * 0.5)


def _rect(a, b):
    from PySide6.QtCore import QPointF, QRectF

    return QRectF(QPointF(*a), QPointF(*b)).normalized()
