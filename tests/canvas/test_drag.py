"""Every drag on the map, with real mouse events on the viewport; one undo step each."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from app.canvas.items.card import CardItem
from app.domain import style
from app.domain.layout import emotion_y
from app.domain.model import LaneKind
from tests.canvas.conftest import (
    LEFT,
    NO_MOD,
    assert_scene_matches_model,
    center_of,
    drag,
    reopened,
    vpoint,
)


def _cell_point(view, stage_id, lane_id, dy=None) -> QPoint:
    rect = view.map_scene.cell_rect(stage_id, lane_id)
    y = rect.bottom() - 6 if dy is None else rect.top() + dy
    return vpoint(view, QPointF(rect.center().x(), y))


def _ids(journey, stage_id, lane_id):
    return [c.id for c in journey.cell_cards(stage_id, lane_id)]


def test_card_moves_to_another_cell_and_undo_redo(view, doc):
    s, lanes, cards = doc.sample["stages"], doc.sample["lanes"], doc.sample["cards"]
    j = doc.sample["map"]
    card = cards[0]
    drag(view, center_of(view, card.id), _cell_point(view, s[2], lanes[LaneKind.THOUGHTS]))
    assert (card.stage_id, card.lane_id) == (s[2], lanes[LaneKind.THOUGHTS])
    assert doc.undo_stack.count() == 1
    item = view.map_scene.cards[card.id]
    assert view.map_scene.cell_rect(s[2], lanes[LaneKind.THOUGHTS]).contains(
        item.sceneBoundingRect().center())
    assert_scene_matches_model(view)
    stored = reopened(doc).map(j.id)
    assert next(c for c in stored.cards if c.id == card.id).stage_id == s[2]
    doc.undo()
    assert (card.stage_id, card.lane_id) == (s[0], lanes[LaneKind.TOUCHPOINTS])
    assert _ids(j, s[0], lanes[LaneKind.TOUCHPOINTS]) == [c.id for c in cards[:3]]
    assert view.map_scene.cell_rect(s[0], lanes[LaneKind.TOUCHPOINTS]).contains(
        item.sceneBoundingRect().center())
    assert_scene_matches_model(view)
    assert reopened(doc).map(j.id).cell_cards(s[0], lanes[LaneKind.TOUCHPOINTS])[0].id \
        == card.id
    doc.redo()
    assert card.stage_id == s[2]
    assert_scene_matches_model(view)


def test_card_reorders_within_its_cell(view, doc):
    s, lanes, cards = doc.sample["stages"], doc.sample["lanes"], doc.sample["cards"]
    j = doc.sample["map"]
    tp = lanes[LaneKind.TOUCHPOINTS]
    last = view.map_scene.cards[cards[2].id]
    below_last = vpoint(view, QPointF(last.sceneBoundingRect().center().x(),
                                      last.scenePos().y() + last.card_rect().height() - 2))
    drag(view, center_of(view, cards[0].id), below_last)
    assert _ids(j, s[0], tp) == [cards[1].id, cards[2].id, cards[0].id]
    assert view.map_scene.cards[cards[0].id].scenePos().y() > last.scenePos().y()
    assert_scene_matches_model(view)
    assert [c.id for c in reopened(doc).map(j.id).cell_cards(s[0], tp)] == _ids(j, s[0], tp)
    doc.undo()
    assert _ids(j, s[0], tp) == [c.id for c in cards[:3]]
    assert_scene_matches_model(view)


def test_drop_in_place_pushes_nothing(view, doc):
    card = doc.sample["cards"][1]
    start = center_of(view, card.id)
    drag(view, start, start + QPoint(0, 3), steps=1)
    drag(view, start, start + QPoint(12, 2))
    assert doc.undo_stack.count() == 0
    assert_scene_matches_model(view)


def test_multi_selection_moves_together_as_one_step(view, doc):
    s, lanes, cards = doc.sample["stages"], doc.sample["lanes"], doc.sample["cards"]
    j = doc.sample["map"]
    vp = view.viewport()
    QTest.mouseClick(vp, LEFT, NO_MOD, center_of(view, cards[0].id))
    QTest.mouseClick(vp, LEFT, Qt.KeyboardModifier.ControlModifier, center_of(view, cards[3].id))
    assert {e.id for e in view.selected_entities()} == {cards[0].id, cards[3].id}
    target = lanes[LaneKind.PAINS]
    drag(view, center_of(view, cards[3].id), _cell_point(view, s[4], target))
    assert _ids(j, s[4], target) == [cards[0].id, cards[3].id]
    assert doc.undo_stack.count() == 1
    assert_scene_matches_model(view)
    doc.undo()
    assert cards[0].stage_id == s[0] and cards[3].stage_id == s[1]
    assert_scene_matches_model(view)


def test_card_onto_emotions_lane_is_refused(view, doc):
    s, lanes, card = doc.sample["stages"], doc.sample["lanes"], doc.sample["cards"][0]
    messages = []
    view.status_message.connect(messages.append)
    drag(view, center_of(view, card.id), _cell_point(view, s[3], lanes[LaneKind.EMOTIONS]))
    assert card.stage_id == s[0] and doc.undo_stack.count() == 0
    assert any("emotion" in m for m in messages)
    assert_scene_matches_model(view)


def test_stage_header_drag_reorders_stages(view, doc):
    j = doc.sample["map"]
    first = j.stages[0]
    header = view.map_scene.stage_headers[first.id]
    start = vpoint(view, header.sceneBoundingRect().center())
    third = view.map_scene.layout.stage_rects[j.stages[2].id]
    end = vpoint(view, QPointF(third.x + third.w * 0.75, 40))
    drag(view, start, end)
    assert [st.id for st in j.stages].index(first.id) == 2
    assert header.pos().x() == view.map_scene.layout.stage_rects[first.id].x
    assert_scene_matches_model(view)
    assert [st.id for st in reopened(doc).map(j.id).stages] == [st.id for st in j.stages]
    doc.undo()
    assert j.stages[0] is first
    assert header.pos().x() == style.LANE_HEADER_WIDTH
    assert_scene_matches_model(view)


def test_lane_header_drag_reorders_lanes(view, doc):
    j = doc.sample["map"]
    lane = j.lanes[0]
    header = view.map_scene.lane_headers[lane.id]
    start = vpoint(view, header.sceneBoundingRect().center())
    target = view.map_scene.layout.lane_rects[j.lanes[2].id]
    drag(view, start, vpoint(view, QPointF(80, target.y + target.h * 0.8)))
    assert j.lanes.index(lane) == 2
    assert header.pos().y() == view.map_scene.layout.lane_rects[lane.id].y
    assert_scene_matches_model(view)
    doc.undo()
    assert j.lanes[0] is lane
    assert_scene_matches_model(view)


def test_stage_border_drag_resizes(view, doc):
    j = doc.sample["map"]
    stage = j.stages[1]
    rect = view.map_scene.layout.stage_rects[stage.id]
    start = vpoint(view, QPointF(rect.right - 2, 50))
    drag(view, start, start + QPoint(100, 0))
    assert stage.width == 340
    assert view.map_scene.layout.stage_rects[stage.id].w == 340
    assert view.map_scene.stage_headers[stage.id].boundingRect().width() == 340
    assert_scene_matches_model(view)
    assert reopened(doc).map(j.id).stages[1].width == 340
    doc.undo()
    assert stage.width == 240
    assert view.map_scene.layout.stage_rects[stage.id].w == 240
    assert_scene_matches_model(view)


def test_stage_cannot_shrink_below_minimum(view, doc):
    stage = doc.sample["map"].stages[0]
    rect = view.map_scene.layout.stage_rects[stage.id]
    start = vpoint(view, QPointF(rect.right - 2, 50))
    drag(view, start, start - QPoint(200, 0))
    assert stage.width == 140


def test_lane_border_drag_resizes(view, doc):
    j = doc.sample["map"]
    lane = j.lanes[1]
    rect = view.map_scene.layout.lane_rects[lane.id]
    start = vpoint(view, QPointF(100, rect.bottom - 2))
    drag(view, start, start + QPoint(0, 150))
    assert lane.height == round(rect.h + 150)
    assert view.map_scene.layout.lane_rects[lane.id].h == lane.height
    assert_scene_matches_model(view)
    doc.undo()
    assert view.map_scene.layout.lane_rects[lane.id].h == rect.h
    assert_scene_matches_model(view)


def test_marker_drag_changes_score_and_stage(view, doc):
    j, s, lanes = doc.sample["map"], doc.sample["stages"], doc.sample["lanes"]
    marker = doc.sample["marker"]
    scene = view.map_scene
    lane_rect = scene.layout.lane_rects[lanes[LaneKind.EMOTIONS]]
    target_stage = scene.layout.stage_rects[s[1]]
    end = QPointF(target_stage.x + target_stage.w * 0.25, emotion_y(lane_rect, -2) + 3)
    drag(view, center_of(view, marker.id), vpoint(view, end))
    assert (marker.stage_id, marker.score) == (s[1], -2)
    assert abs(marker.position - 0.25) < 0.02
    item = scene.markers[marker.id]
    assert item.score == -2 and abs(item.pos().y() - emotion_y(lane_rect, -2)) < 0.01
    assert doc.undo_stack.count() == 1
    assert_scene_matches_model(view)
    stored = next(m for m in reopened(doc).map(j.id).markers if m.id == marker.id)
    assert (stored.stage_id, stored.score) == (s[1], -2)
    doc.undo()
    assert (marker.stage_id, marker.score, marker.position) == (s[0], 1, 0.5)
    assert item.score == 1
    assert_scene_matches_model(view)


def test_rubber_band_selects_cards(view, doc):
    s, lanes, cards = doc.sample["stages"], doc.sample["lanes"], doc.sample["cards"]
    rect = view.map_scene.cell_rect(s[0], lanes[LaneKind.TOUCHPOINTS])
    start = vpoint(view, QPointF(rect.left() + 2, rect.top() + 2))
    end = vpoint(view, QPointF(rect.right() - 2, rect.bottom() - 2))
    drag(view, start, end)
    assert {e.id for e in view.selected_entities()} == {c.id for c in cards[:3]}
    assert doc.undo_stack.count() == 0


def test_drag_follows_pointer_before_release(view, doc):
    card = doc.sample["cards"][3]
    item = view.map_scene.cards[card.id]
    before = item.scenePos()
    vp = view.viewport()
    start = center_of(view, card.id)
    QTest.mousePress(vp, LEFT, NO_MOD, start)
    QTest.mouseMove(vp, start + QPoint(30, 20))
    QTest.mouseMove(vp, start + QPoint(60, 40))
    assert item.scenePos() == before + QPointF(60, 40)
    assert view.map_scene.preview.isVisible()
    assert doc.undo_stack.count() == 0  # nothing is pushed before the release
    QTest.keyClick(view, Qt.Key.Key_Escape)
    QTest.mouseRelease(vp, LEFT, NO_MOD, start + QPoint(60, 40))
    assert item.scenePos() == before and doc.undo_stack.count() == 0
    assert isinstance(item, CardItem)
