"""Keyboard-first capture: type in a cell, Enter for the next card, Tab to the next cell."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.domain import style
from app.domain.model import LaneKind
from tests.canvas.conftest import LEFT, NO_MOD, assert_scene_matches_model, reopened, vpoint


def type_keys(view, text: str) -> None:
    """Type as a user does: each key goes where the keyboard focus is (the view, then
    the editor it opened)."""
    for ch in text:
        target = view.editor or view
        key = ord(ch.upper()) if ch.isascii() and ch.isalnum() else 0
        key = Qt.Key.Key_Space if ch == " " else key
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, key, NO_MOD, ch))


def click_cell(view, stage_id: str, lane_id: str) -> None:
    rect = view.map_scene.cell_rect(stage_id, lane_id)
    QTest.mouseClick(view.viewport(), LEFT, NO_MOD, vpoint(view, rect.center()))
    assert view.spot is not None and view.spot.item_id is None


def test_typing_in_a_cell_makes_cards_and_enter_starts_the_next(qtbot, view, doc):
    j, s, lanes = doc.sample["map"], doc.sample["stages"], doc.sample["lanes"]
    lane = lanes[LaneKind.PAINS]
    click_cell(view, s[1], lane)
    type_keys(view, "Phí giao hàng cao")
    assert view.editor is not None and view.editor.toPlainText() == "Phí giao hàng cao"
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    assert [c.title for c in j.cell_cards(s[1], lane)] == ["Phí giao hàng cao", ""]
    assert view.editor is not None  # the next card, in the same cell
    type_keys(view, "Không có trả góp")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)  # Enter on an empty card: done
    assert view.editor is None
    titles = [c.title for c in j.cell_cards(s[1], lane)]
    assert titles == ["Phí giao hàng cao", "Không có trả góp"]  # no blank card left
    assert_scene_matches_model(view)
    stored = reopened(doc).maps[0]
    assert [c.title for c in stored.cell_cards(s[1], lane)] == titles
    # Each card is its own undo steps; undoing them takes the cards away.
    while j.cell_cards(s[1], lane):
        doc.undo()
    assert doc.undo_stack.index() == 0


def test_tab_stores_and_moves_to_the_next_cell_and_shift_tab_back(qtbot, view, doc):
    j, s, lanes = doc.sample["map"], doc.sample["stages"], doc.sample["lanes"]
    lane = lanes[LaneKind.OPPORTUNITIES]
    click_cell(view, s[0], lane)
    type_keys(view, "Miễn phí giao")
    qtbot.keyClick(view.editor, Qt.Key.Key_Tab)
    assert view.editor is None
    assert (view.spot.stage_id, view.spot.lane_id) == (s[1], lane)
    assert view.map_scene.cell_cursor.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # Tab on the map walks on without a card
    assert view.spot.stage_id == s[2]
    type_keys(view, "Zalo")
    qtbot.keyClick(view.editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert (view.spot.stage_id, view.spot.lane_id) == (s[1], lane)
    assert [c.title for c in j.cell_cards(s[0], lane)] == ["Miễn phí giao"]
    assert [c.title for c in j.cell_cards(s[2], lane)] == ["Zalo"]
    assert j.cell_cards(s[1], lane) == []


def test_escape_on_a_new_empty_card_leaves_nothing(qtbot, view, doc):
    j, s, lanes = doc.sample["map"], doc.sample["stages"], doc.sample["lanes"]
    click_cell(view, s[3], lanes[LaneKind.ACTIONS])
    qtbot.keyClick(view, Qt.Key.Key_Insert)
    assert view.editor is not None
    qtbot.keyClick(view.editor, Qt.Key.Key_Escape)
    assert j.cell_cards(s[3], lanes[LaneKind.ACTIONS]) == []
    assert doc.undo_stack.index() == 0


def test_typing_on_a_selected_card_does_not_make_a_card(qtbot, view, doc):
    j = doc.sample["map"]
    card = doc.sample["cards"][0]
    view.select_entities([card])
    count = len(j.cards)
    type_keys(view, "x")
    assert len(j.cards) == count and view.editor is None


def test_a_new_card_in_a_narrow_view_is_not_under_the_pinned_headers(qtbot, view, doc):
    j, s, lanes = doc.sample["map"], doc.sample["stages"], doc.sample["lanes"]
    lane = [ln.id for ln in j.lanes if ln.kind != LaneKind.EMOTIONS][-1]
    click_cell(view, s[0], lanes[LaneKind.ACTIONS])
    view.resize(520, 420)
    # Walk with Tab to the far stage of a low lane: the view follows the cell.
    while (view.spot.stage_id, view.spot.lane_id) != (s[4], lane):
        qtbot.keyClick(view, Qt.Key.Key_Tab)
    type_keys(view, "Kho")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    card = next(c for c in j.cell_cards(s[4], lane) if c.title == "")
    shown = view.mapFromScene(view.map_scene.item_for(card.id).sceneBoundingRect()
                              ).boundingRect()
    zoom = view.zoom_factor()
    assert shown.left() >= style.LANE_HEADER_WIDTH * zoom
    assert shown.top() >= style.STAGE_HEADER_HEIGHT * zoom
    assert view.viewport().rect().contains(shown.topLeft())
    # Back towards the first stage: the view scrolls left, clear of the lane headers.
    qtbot.keyClick(view.editor, Qt.Key.Key_Escape)
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    type_keys(view, "Ví")
    item = view.map_scene.item_for(view.editor.entity.id)
    shown = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
    assert shown.left() >= style.LANE_HEADER_WIDTH * zoom
    assert shown.top() >= style.STAGE_HEADER_HEIGHT * zoom


def test_typing_on_a_map_just_opened_starts_in_its_first_cell(qtbot, view, doc):
    j, s, lanes = doc.sample["map"], doc.sample["stages"], doc.sample["lanes"]
    assert view.spot is None and view.selected_entities() == []
    type_keys(view, "Nghe bạn bè kể")
    qtbot.keyClick(view.editor, Qt.Key.Key_Tab)
    first = j.cell_cards(s[0], lanes[LaneKind.TOUCHPOINTS])
    assert first[-1].title == "Nghe bạn bè kể"
    assert (view.spot.stage_id, view.spot.lane_id) == (s[1], lanes[LaneKind.TOUCHPOINTS])
