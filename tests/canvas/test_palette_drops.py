"""Palette → map: the drag's MIME data, and drops sent as real drag events to the viewport."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from app.canvas.drops import PALETTE_MIME, payload_mime
from app.canvas.palette import PaletteWidget
from app.domain.layout import emotion_y
from app.domain.model import LaneKind
from tests.canvas.conftest import assert_scene_matches_model, reopened, type_text, vpoint

COPY = Qt.DropAction.CopyAction


def send_drag(view, payload, point: QPoint, drop: bool = True, close: bool = True) -> bool:
    """Enter, move and (optionally) drop `payload` at a viewport point."""
    vp = view.viewport()
    mime = payload_mime(payload)
    enter = QDragEnterEvent(point, COPY, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, enter)
    move = QDragMoveEvent(point, COPY, mime, Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, move)
    if not drop:
        return move.isAccepted()
    event = QDropEvent(QPointF(point), COPY, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, event)
    if close:
        view.close_editor(commit=False)
    return event.isAccepted()


def test_palette_buttons_carry_json_for_every_item(qtbot, doc):
    palette = PaletteWidget(doc.project)
    qtbot.addWidget(palette)
    payloads = [json.loads(bytes(b.mime_data().data(PALETTE_MIME).data())) for b in palette.buttons]
    assert {"item": "stage"} in payloads
    for kind in LaneKind:
        assert {"item": "lane", "kind": kind.value} in payloads
    for kind in LaneKind:
        if kind not in (LaneKind.EMOTIONS, LaneKind.TOUCHPOINTS):
            assert {"item": "card", "kind": kind.value} in payloads
    for channel in doc.project.channels:
        assert {"item": "card", "kind": "touchpoints", "channel_id": channel.id} in payloads
    for score in range(-2, 3):
        assert {"item": "marker", "score": score} in payloads
    assert all(not b.icon().isNull() for b in palette.buttons)


def test_palette_click_adds_at_current_cell(qtbot, view, doc):
    palette = PaletteWidget(doc.project)
    qtbot.addWidget(palette)
    palette.activated.connect(view.add_palette_item)
    view.select_entities([doc.sample["cards"][3]])
    button = palette.button_for(item="card", kind="pains")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    view.close_editor(commit=False)
    cell = doc.sample["cards"][3]
    new = doc.project.maps[0].cards[-1]
    assert (new.stage_id, new.lane_id) == (cell.stage_id, cell.lane_id)


def test_stage_drop_inserts_in_the_gap_under_the_cursor(view, doc):
    j = doc.sample["map"]
    rects = view.map_scene.layout.stage_rects
    boundary = rects[j.stages[1].id].right
    assert send_drag(view, {"item": "stage"}, vpoint(view, QPointF(boundary - 5, 300)))
    assert len(j.stages) == 6 and j.stages[2].title == "Giai đoạn mới"
    assert j.stages[2].id in view.map_scene.stage_headers
    assert_scene_matches_model(view)
    assert [s.id for s in reopened(doc).map(j.id).stages] == [s.id for s in j.stages]
    doc.undo()
    assert len(j.stages) == 5
    assert_scene_matches_model(view)


@pytest.mark.parametrize("kind", list(LaneKind))
def test_lane_drop_of_each_kind(view, doc, kind):
    j = doc.sample["map"]
    first = view.map_scene.layout.lane_rects[j.lanes[0].id]
    assert send_drag(view, {"item": "lane", "kind": kind.value},
                     vpoint(view, QPointF(600, first.bottom - 5)))
    assert j.lanes[1].kind == kind
    assert j.lanes[1].id in view.map_scene.lane_headers
    assert_scene_matches_model(view)
    doc.undo()
    assert len(j.lanes) == 6


@pytest.mark.parametrize("kind", [k for k in LaneKind if k != LaneKind.EMOTIONS])
def test_card_drop_of_each_kind_lands_in_the_cell(view, doc, kind):
    j, s, lanes = doc.sample["map"], doc.sample["stages"], doc.sample["lanes"]
    target = lanes.get(kind, lanes[LaneKind.ACTIONS])
    cell = view.map_scene.cell_rect(s[3], target)
    messages = []
    view.status_message.connect(messages.append)
    assert send_drag(view, {"item": "card", "kind": kind.value},
                     vpoint(view, cell.center().toPoint()))
    new = j.cell_cards(s[3], target)
    assert len(new) == 1
    assert new[0].id in view.map_scene.cards
    if kind not in lanes:  # the lane decides the kind, and says so
        assert any("lane decides" in m for m in messages)
    assert_scene_matches_model(view)
    assert any(c.id == new[0].id for c in reopened(doc).map(j.id).cards)
    doc.undo()
    assert j.cell_cards(s[3], target) == []
    assert new[0].id not in view.map_scene.cards


def test_touchpoint_drop_of_each_channel(view, doc):
    j, s, lanes = doc.sample["map"], doc.sample["stages"], doc.sample["lanes"]
    tp = lanes[LaneKind.TOUCHPOINTS]
    for channel in doc.project.channels:
        cell = view.map_scene.cell_rect(s[4], tp)
        point = vpoint(view, QPointF(cell.center().x(), cell.bottom() - 4))
        assert send_drag(view, {"item": "card", "kind": "touchpoints",
                                "channel_id": channel.id}, point)
        assert j.cell_cards(s[4], tp)[-1].channel_id == channel.id
        assert view.map_scene.cards[j.cell_cards(s[4], tp)[-1].id].channel is channel
    assert len(j.cell_cards(s[4], tp)) == len(doc.project.channels)
    assert doc.undo_stack.count() == len(doc.project.channels)
    assert_scene_matches_model(view)


def test_card_drop_inserts_between_cards(view, doc):
    j, s, lanes, cards = (doc.sample["map"], doc.sample["stages"], doc.sample["lanes"],
                          doc.sample["cards"])
    tp = lanes[LaneKind.TOUCHPOINTS]
    first = view.map_scene.cards[cards[0].id]
    point = vpoint(view, QPointF(first.sceneBoundingRect().center().x(),
                                 first.scenePos().y() + first.card_rect().height() + 3))
    assert send_drag(view, {"item": "card", "kind": "touchpoints"}, point)
    ids = [c.id for c in j.cell_cards(s[0], tp)]
    assert ids[0] == cards[0].id and ids[2] == cards[1].id and len(ids) == 4


@pytest.mark.parametrize("score", [-2, -1, 0, 1, 2])
def test_marker_drop_takes_the_score_of_the_drop_height(view, doc, score):
    j, s, lanes = doc.sample["map"], doc.sample["stages"], doc.sample["lanes"]
    scene = view.map_scene
    lane_rect = scene.layout.lane_rects[lanes[LaneKind.EMOTIONS]]
    stage = scene.layout.stage_rects[s[3]]
    point = QPointF(stage.x + stage.w * 0.3, emotion_y(lane_rect, score) - 4)
    assert send_drag(view, {"item": "marker", "score": 0}, vpoint(view, point.toPoint()))
    marker = j.markers[-1]
    assert (marker.stage_id, marker.score) == (s[3], score)
    assert abs(marker.position - 0.3) < 0.02
    assert marker.id in scene.markers
    assert_scene_matches_model(view)
    doc.undo()
    assert marker.id not in scene.markers


def test_marker_dropped_outside_the_emotions_lane_uses_its_own_score(view, doc):
    j, s, lanes = doc.sample["map"], doc.sample["stages"], doc.sample["lanes"]
    cell = view.map_scene.cell_rect(s[4], lanes[LaneKind.PAINS])
    assert send_drag(view, {"item": "marker", "score": 2}, vpoint(view, cell.center()))
    marker = j.markers[-1]
    assert (marker.stage_id, marker.lane_id, marker.score) == (s[4], lanes[LaneKind.EMOTIONS], 2)


def test_drag_move_shows_a_preview_and_leave_hides_it(view, doc):
    s, lanes = doc.sample["stages"], doc.sample["lanes"]
    cell = view.map_scene.cell_rect(s[2], lanes[LaneKind.PAINS])
    assert send_drag(view, {"item": "card", "kind": "pains"}, vpoint(view, cell.center()),
                     drop=False)
    preview = view.map_scene.preview
    assert preview.isVisible() and preview.area == cell
    from PySide6.QtGui import QDragLeaveEvent

    QApplication.sendEvent(view.viewport(), QDragLeaveEvent())
    assert not preview.isVisible()
    assert doc.undo_stack.count() == 0


def test_card_drop_on_emotions_lane_is_refused(view, doc):
    s, lanes = doc.sample["stages"], doc.sample["lanes"]
    cell = view.map_scene.cell_rect(s[2], lanes[LaneKind.EMOTIONS])
    assert not send_drag(view, {"item": "card", "kind": "actions"}, vpoint(view, cell.center()))
    assert doc.undo_stack.count() == 0


def test_dropped_card_opens_the_editor_for_typing(qtbot, view, doc):
    s, lanes = doc.sample["stages"], doc.sample["lanes"]
    cell = view.map_scene.cell_rect(s[1], lanes[LaneKind.THOUGHTS])
    created = view.drop_payload({"item": "card", "kind": "thoughts"}, cell.center())
    assert view.editor is not None
    type_text(view.editor, "Giá có đắt không?")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    assert created.title == "Giá có đắt không?"
    assert doc.undo_stack.count() == 2


def test_a_marker_drop_opens_its_label_editor_like_a_card_drop(qtbot, view, doc):
    j, s, lanes = doc.sample["map"], doc.sample["stages"], doc.sample["lanes"]
    scene = view.map_scene
    lane_rect = scene.layout.lane_rects[lanes[LaneKind.EMOTIONS]]
    stage = scene.layout.stage_rects[s[2]]
    point = QPointF(stage.x + stage.w * 0.5, emotion_y(lane_rect, -1) - 2)
    assert send_drag(view, {"item": "marker", "score": -1}, vpoint(view, point.toPoint()),
                     close=False)
    marker = j.markers[-1]
    assert view.editor is not None and view.editor.entity is marker
    assert view.editor.field == "label" and view.editor.hasFocus()
    type_text(view.editor, "Lo phí ship")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    assert marker.label == "Lo phí ship"
    assert next(m for m in reopened(doc).maps[0].markers if m.id == marker.id).label \
        == "Lo phí ship"


def test_the_emotion_curve_lane_and_the_markers_are_told_apart(qtbot, doc):
    palette = PaletteWidget(doc.project)
    qtbot.addWidget(palette)
    lane = palette.button_for(item="lane", kind="emotions")
    assert lane.text() == "Emotion curve"
    faces = [palette.button_for(item="marker", score=n) for n in range(-2, 3)]
    assert all("emotion marker" in f.toolTip() for f in faces)
    assert "lane" not in " ".join(f.toolTip() for f in faces)
