"""Facilitator-grade messages: what a delete or a move did, with Undo, in the status bar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from app.domain.model import LaneKind
from tests.ui.conftest import focus_canvas, on_disk

LEFT, NO_MOD = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


@pytest.fixture
def sample(window, qtbot):
    """The Vietnamese sample open, the keyboard in its canvas."""
    assert window.open_sample()
    focus_canvas(window, qtbot)
    return window


def point_of(view, item) -> QPoint:
    return view.mapFromScene(item.sceneBoundingRect().center())


def click_undo_link(qtbot, notice) -> None:
    """Click the notice's Undo link where it is drawn (after the words and the dash)."""
    words = notice.text_shown + " — "
    x = notice.contentsRect().left() + 6 + notice.fontMetrics().horizontalAdvance(words) + 8
    qtbot.mouseClick(notice, LEFT, NO_MOD, QPoint(x, notice.height() // 2))


def test_deleting_a_stage_says_what_went_and_its_undo_link_brings_it_back(sample, qtbot,
                                                                          boxes):
    window, view = sample, sample.view
    journey = window.journey
    stage = journey.stages[1]
    count = sum(1 for c in journey.cards if c.stage_id == stage.id) + sum(
        1 for m in journey.markers if m.stage_id == stage.id)
    assert count >= 5
    header = view.map_scene.stage_headers[stage.id]
    QTest.mouseClick(view.viewport(), LEFT, NO_MOD, point_of(view, header))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert journey.stage(stage.id) is None
    notice = window.notice
    assert notice.isVisible()
    assert notice.text_shown == f"Stage “{stage.title}” deleted with {count} items"
    assert boxes == []  # no modal dialog in front of the room
    click_undo_link(qtbot, notice)
    assert journey.stage(stage.id) is not None
    assert not notice.isVisible()
    assert on_disk(window.doc.path).maps[0].stage(stage.id) is not None


def test_the_notice_goes_away_once_another_edit_is_made(sample, qtbot):
    window, view = sample, sample.view
    lane = window.journey.lanes[-1]
    QTest.mouseClick(view.viewport(), LEFT, NO_MOD,
                     point_of(view, view.map_scene.lane_headers[lane.id]))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.notice.isVisible() and lane.title in window.notice.text_shown
    window.add_stage()  # another edit: the Undo offered would undo that instead
    assert not window.notice.isVisible()


def test_a_card_moved_to_a_pains_lane_keeps_its_channel_and_says_so(sample, qtbot):
    window, view = sample, sample.view
    journey = window.journey
    card = next(c for c in journey.cards if c.channel_id
                and journey.lane(c.lane_id).kind == LaneKind.TOUCHPOINTS)
    pains = next(ln for ln in journey.lanes if ln.kind == LaneKind.PAINS)
    channel = card.channel_id
    view.set_zoom(0.6)
    window.scroll_home()
    start = point_of(view, view.map_scene.item_for(card.id))
    target = view.mapFromScene(view.map_scene.cell_rect(card.stage_id, pains.id).center())
    vp = view.viewport()
    QTest.mousePress(vp, LEFT, NO_MOD, start)
    for i in range(1, 9):
        QTest.mouseMove(vp, start + (target - start) * i / 8)
    QTest.mouseRelease(vp, LEFT, NO_MOD, target)
    assert card.lane_id == pains.id and card.channel_id == channel
    text = window.notice.text_shown
    assert pains.title in text and "channel" in text
    click_undo_link(qtbot, window.notice)
    assert journey.lane(card.lane_id).kind == LaneKind.TOUCHPOINTS


def test_a_drop_hint_clears_when_the_drag_leaves(sample):
    window = sample
    window.view.status_message.emit("The emotions lane holds emotion markers, not cards.")
    assert window.statusBar().currentMessage()
    window.view.status_message.emit("")
    assert window.statusBar().currentMessage() == ""


def test_a_deleted_card_is_offered_with_undo_too(sample, qtbot):
    window, view = sample, sample.view
    card = window.journey.cards[0]
    view.select_entities([card])
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.notice.text_shown == "Deleted 1 item"
