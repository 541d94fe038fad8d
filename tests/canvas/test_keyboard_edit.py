"""Keyboard navigation, in-place editing (Vietnamese, IME), clipboard and edit actions."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.canvas.view import MapView
from app.document import Document
from app.domain.model import LaneKind
from app.domain.templates import new_project
from tests.canvas.conftest import (
    LEFT,
    NO_MOD,
    assert_scene_matches_model,
    center_of,
    ime_commit,
    reopened,
    type_text,
)

CTRL = Qt.KeyboardModifier.ControlModifier


def _selected_ids(view):
    return [e.id for e in view.selected_entities()]


def test_arrows_walk_cards_and_cells(qtbot, view, doc):
    cards, s, lanes = doc.sample["cards"], doc.sample["stages"], doc.sample["lanes"]
    QTest.mouseClick(view.viewport(), LEFT, NO_MOD, center_of(view, cards[0].id))
    assert _selected_ids(view) == [cards[0].id]
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert _selected_ids(view) == [cards[1].id]
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)  # past the last card: the cell below (empty)
    assert _selected_ids(view) == []
    assert view.spot.lane_id == lanes[LaneKind.ACTIONS] and view.spot.stage_id == s[0]
    assert view.map_scene.cell_cursor.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Right)  # stage 2 actions holds card d
    assert _selected_ids(view) == [cards[3].id]
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.spot.lane_id == lanes[LaneKind.TOUCHPOINTS] and _selected_ids(view) == []
    assert doc.undo_stack.count() == 0


def test_enter_edits_in_place_with_vietnamese_and_escape_cancels(qtbot, view, doc):
    card = doc.sample["cards"][0]
    QTest.mouseClick(view.viewport(), LEFT, NO_MOD, center_of(view, card.id))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.editor is not None and view.editor.hasFocus()
    type_text(view.editor, "Thanh toán")
    qtbot.keyClick(view.editor, Qt.Key.Key_Escape)
    assert card.title == "Quảng cáo" and doc.undo_stack.count() == 0
    qtbot.keyClick(view, Qt.Key.Key_Return)
    type_text(view.editor, "Thanh toán")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text(view.editor, "qua ví điện tử")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    assert card.title == "Thanh toán\nqua ví điện tử"
    assert doc.undo_stack.count() == 1
    item = view.map_scene.cards[card.id]
    assert item.box.title_lines[:2] == ["Thanh toán", "qua ví điện tử"]
    assert_scene_matches_model(view)
    assert next(c for c in reopened(doc).maps[0].cards if c.id == card.id).title == card.title
    doc.undo()
    assert card.title == "Quảng cáo" and item.box.title_lines == ["Quảng cáo"]


def test_input_method_commit_reaches_the_editor(qtbot, view, doc):
    card = doc.sample["cards"][1]
    QTest.mouseDClick(view.viewport(), LEFT, NO_MOD, center_of(view, card.id))
    assert view.editor is not None
    ime_commit(view.editor, "Thanh toán", preedit="Thanh toa")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    assert card.title == "Thanh toán"


def test_double_click_on_stage_header_renames(qtbot, view, doc):
    stage = doc.sample["map"].stages[2]
    QTest.mouseDClick(view.viewport(), LEFT, NO_MOD, center_of(view, stage.id))
    assert view.editor is not None and view.editor.field == "title"
    view.editor.selectAll()
    type_text(view.editor, "Đặt hàng")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    assert stage.title == "Đặt hàng"
    assert view.map_scene.stage_headers[stage.id].stage.title == "Đặt hàng"


def test_insert_and_ctrl_enter_add_a_card_to_the_current_cell(qtbot, view, doc):
    j, cards = doc.sample["map"], doc.sample["cards"]
    QTest.mouseClick(view.viewport(), LEFT, NO_MOD, center_of(view, cards[3].id))
    qtbot.keyClick(view, Qt.Key.Key_Insert)
    assert view.editor is not None
    type_text(view.editor, "Xem giỏ hàng")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    cell = j.cell_cards(cards[3].stage_id, cards[3].lane_id)
    assert [c.title for c in cell] == ["So sánh giá", "Xem giỏ hàng", ""]
    assert view.editor is not None  # Enter started the next card (app.canvas.capture)
    qtbot.keyClick(view.editor, Qt.Key.Key_Escape)  # left empty: taken back
    assert len(j.cell_cards(cards[3].stage_id, cards[3].lane_id)) == 2
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)
    type_text(view.editor, "Đặt hàng")
    view.close_editor()
    assert len(j.cell_cards(cards[3].stage_id, cards[3].lane_id)) == 3
    assert_scene_matches_model(view)


def test_delete_and_duplicate_keys(qtbot, view, doc):
    j, cards = doc.sample["map"], doc.sample["cards"]
    QTest.mouseClick(view.viewport(), LEFT, NO_MOD, center_of(view, cards[3].id))
    qtbot.keyClick(view, Qt.Key.Key_D, CTRL)
    assert len(j.cards) == 5 and _selected_ids(view) != [cards[3].id]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert len(j.cards) == 4
    QTest.mouseClick(view.viewport(), LEFT, NO_MOD, center_of(view, cards[3].id))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert cards[3].id not in view.map_scene.cards
    assert doc.undo_stack.count() == 3
    doc.undo()
    assert cards[3].id in view.map_scene.cards
    assert_scene_matches_model(view)


def test_undo_keys_are_left_to_the_window(view):
    for mods in (CTRL, CTRL | Qt.KeyboardModifier.ShiftModifier):
        event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Z, mods)
        QApplication.sendEvent(view, event)
        assert not event.isAccepted()
        override = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_Z, mods)
        QApplication.sendEvent(view, override)
        assert not override.isAccepted()


def test_copy_paste_between_two_documents(qtbot, view, doc, tmp_path):
    cards = doc.sample["cards"]
    view.select_entities([cards[0], cards[1], doc.sample["marker"]])
    qtbot.keyClick(view, Qt.Key.Key_C, CTRL)
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasFormat("application/x-journey-studio-items")
    assert "Quảng cáo" in mime.text()

    other = Document.create(str(tmp_path / "other.cjm"), new_project("inbound-4", "en"))
    try:
        other_view = MapView(other, other.project.maps[0].id)
        qtbot.addWidget(other_view)
        other_view.resize(1200, 900)
        other_view.show()
        qtbot.waitExposed(other_view)
        with qtbot.waitActive(other_view):  # keys go to the window the user is in
            other_view.activateWindow()
        other_view.setFocus()
        qtbot.keyClick(other_view, Qt.Key.Key_V, CTRL)
        journey = other.project.maps[0]
        assert sorted(c.title for c in journey.cards) == ["Quảng cáo", "Tìm kiếm"]
        assert len(journey.markers) == 1 and journey.markers[0].score == 1
        assert other.undo_stack.count() == 1
        assert {c.id for c in journey.cards} <= set(other_view.map_scene.cards)
        assert_scene_matches_model(other_view)
        stored = reopened(other).maps[0]
        assert sorted(c.title for c in stored.cards) == ["Quảng cáo", "Tìm kiếm"]
    finally:
        other.close()


def test_paste_plain_text_makes_one_card_per_line(qtbot, view, doc):
    j, cards = doc.sample["map"], doc.sample["cards"]
    QGuiApplication.clipboard().setText("Gọi tổng đài\n\nNhắn Zalo\n")
    view.select_entities([cards[3]])
    view.paste()
    cell = j.cell_cards(cards[3].stage_id, cards[3].lane_id)
    assert [c.title for c in cell] == ["So sánh giá", "Gọi tổng đài", "Nhắn Zalo"]
    assert doc.undo_stack.count() == 1


def test_cut_removes_and_paste_restores_elsewhere(qtbot, view, doc):
    j, s, lanes, cards = (doc.sample["map"], doc.sample["stages"], doc.sample["lanes"],
                          doc.sample["cards"])
    view.select_entities([cards[3]])
    view.cut_selection()
    assert cards[3] not in j.cards
    view.move_spot(1, 0)
    view.paste()
    assert [c.title for c in j.cell_cards(s[2], lanes[LaneKind.ACTIONS])] == ["So sánh giá"]
    assert doc.undo_stack.count() == 2


def test_select_all_and_zoom(qtbot, view, doc):
    view.select_all()
    assert len(view.selected_entities()) == len(doc.sample["map"].cards) + 2
    zooms = []
    view.zoom_changed.connect(zooms.append)
    view.zoom_in()
    assert abs(view.zoom_factor() - 1.25) < 1e-9
    view.zoom_out()
    view.zoom_fit()
    assert view.zoom_factor() < 1.0
    view.zoom_reset()
    assert zooms[-1] == 1.0 and len(zooms) == 4


def test_ctrl_wheel_zoom_keeps_the_point_under_the_cursor(qtbot, view):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    view.resize(700, 500)  # smaller than the map, so both axes can scroll
    point = QPoint(420, 300)
    before = view.mapToScene(point)
    event = QWheelEvent(QPointF(point), QPointF(view.viewport().mapToGlobal(point)),
                        QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton, CTRL,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)
    assert abs(view.zoom_factor() - 1.25) < 1e-9
    after = view.mapToScene(point)
    assert abs(after.x() - before.x()) < 1.0 and abs(after.y() - before.y()) < 1.0


def test_space_drag_and_middle_drag_pan(qtbot, view):
    from PySide6.QtCore import QPoint

    view.resize(700, 500)
    view.zoom_in()
    h, v = view.horizontalScrollBar(), view.verticalScrollBar()
    h.setValue(200)
    v.setValue(200)
    vp = view.viewport()
    QTest.mousePress(vp, Qt.MouseButton.MiddleButton, NO_MOD, QPoint(300, 250))
    QTest.mouseMove(vp, QPoint(260, 200))
    QTest.mouseRelease(vp, Qt.MouseButton.MiddleButton, NO_MOD, QPoint(260, 200))
    assert (h.value(), v.value()) == (240, 250)
    qtbot.keyPress(view, Qt.Key.Key_Space)
    QTest.mousePress(vp, LEFT, NO_MOD, QPoint(300, 250))
    QTest.mouseMove(vp, QPoint(320, 270))
    QTest.mouseRelease(vp, LEFT, NO_MOD, QPoint(320, 270))
    qtbot.keyRelease(view, Qt.Key.Key_Space)
    assert (h.value(), v.value()) == (220, 230)


def test_persona_corner_double_click_emits(qtbot, view, doc):
    from app.document import operations as ops
    from app.domain.model import Persona

    persona = ops.add_persona(doc, Persona(name="Nguyễn Thu Hà", occupation="Kế toán"))
    ops.set_fields(doc, doc.sample["map"], persona_id=persona.id)
    assert view.map_scene.corner.persona is persona
    with qtbot.waitSignal(view.persona_activated) as blocker:
        corner = view.map_scene.corner
        QTest.mouseDClick(view.viewport(), LEFT, NO_MOD,
                          view.mapFromScene(corner.sceneBoundingRect().center()))
    assert blocker.args == [persona.id]


def test_a_map_that_grows_a_little_leaves_the_scroll_bars_alone(qtbot, view, doc):
    import pytest

    from app.canvas.scene import SCENE_MARGIN, SCROLL_STEP
    from app.document import operations as ops

    view.resize(700, 500)  # both axes scroll
    j, s, lanes = doc.sample["map"], doc.sample["stages"], doc.sample["lanes"]
    scene = view.map_scene
    for n in range(2):  # the lane's own room is full
        ops.add_card(doc, j, s[2], lanes[LaneKind.OPPORTUNITIES], title=f"Ý tưởng {n}")
    changes = 0
    for n in range(12):  # the map grows a card at a time
        rect, height = scene.sceneRect(), scene.layout.height
        ops.add_card(doc, j, s[2], lanes[LaneKind.OPPORTUNITIES], title=f"Cơ hội {n}")
        assert scene.layout.height > height
        # The scrollable area holds the map and its margin, in whole steps: it changes
        # only when the map passes a step.
        assert scene.sceneRect().height() % SCROLL_STEP == 0
        assert scene.sceneRect().height() >= scene.layout.height + SCENE_MARGIN
        assert scene.sceneRect().height() - SCROLL_STEP < scene.layout.height + SCENE_MARGIN
        changes += scene.sceneRect() != rect
    assert 0 < changes < 6
    view.zoom_fit()  # the map itself, not the steps, fills the window
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.height() == pytest.approx(scene.layout.height + SCENE_MARGIN, rel=0.02) or \
        shown.width() == pytest.approx(scene.layout.width + SCENE_MARGIN, rel=0.02)
