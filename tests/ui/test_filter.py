"""The filter dock, clicked as a user does: channel and severity ticks, hide, lanes, Clear."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from app.canvas.highlight import DIMMED
from app.document import operations as ops
from app.document.document import Document
from app.samples import build_sample

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def vi(window, tmp_path):
    """The Vietnamese sample at projector size, one severity-2 pain moved to the website."""
    path = tmp_path / "mau.cjm"
    Document.create(str(path), build_sample()).close()
    window.resize(1280, 800)
    assert window.open_path(str(path))
    return window


def click(qtbot, box) -> None:
    """Click the tick square (a check box's row is wider than its hit area)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(7, box.height() // 2))


def panel_of(win, qtbot):
    qtbot.keyClick(win.view, Qt.Key.Key_F, CTRL_SHIFT)
    assert win.filter_dock.isVisible()
    return win.filter_panel


def box(panel, section: str, label: str):
    return next(b for b, _v in panel.boxes[section] if b.text() == label)


def faint(win) -> set[str]:
    return {i for i, item in win.view.map_scene.cards.items() if item.opacity() < 1}


def hidden(win) -> set[str]:
    return {i for i, item in win.view.map_scene.cards.items() if not item.isVisibleTo(None)}


def test_channel_and_severity_dim_exactly_the_others_then_hide_them(vi, qtbot):
    journey = vi.journey
    web = next(ch for ch in vi.doc.project.channels if ch.name == "Trang web")
    pain = next(c for c in journey.cards if c.severity == 2)
    ops.set_fields(vi.doc, pain, channel_id=web.id)
    panel = panel_of(vi, qtbot)
    qtbot.waitUntil(lambda: "channels" in panel.boxes
                    and any(b.text() == "Trang web" for b, _v in panel.boxes["channels"]))
    steps = vi.doc.undo_stack.count()

    click(qtbot, box(panel, "channels", "Trang web"))
    webbed = {c.id for c in journey.cards if c.channel_id == web.id}
    assert faint(vi) == {c.id for c in journey.cards} - webbed
    assert vi.map_focus.status.text() == f"Filter: {len(webbed)} of {len(journey.cards)} cards"

    severity = next(b for b, v in panel.boxes["severities"] if v == 2)
    click(qtbot, severity)  # AND: the website's cards of severity 2
    assert faint(vi) == {c.id for c in journey.cards} - {pain.id}
    assert all(vi.view.map_scene.cards[i].opacity() == DIMMED for i in faint(vi))
    assert vi.map_focus.status.text() == f"Filter: 1 of {len(journey.cards)} cards"

    click(qtbot, box(panel, "channels", "Zalo OA"))  # OR inside the channels: still 1
    assert faint(vi) == {c.id for c in journey.cards} - {pain.id}

    click(qtbot, panel.hide_mode)
    assert hidden(vi) == {c.id for c in journey.cards} - {pain.id}
    assert faint(vi) == set()
    assert vi.view.map_scene.cards[pain.id].isVisibleTo(None)

    click(qtbot, panel.clear)
    assert hidden(vi) == set() and faint(vi) == set()
    assert not vi.map_focus.status.isVisible()
    # view-only: nothing reached the undo stack or the file
    assert vi.doc.undo_stack.count() == steps


def test_a_lane_can_be_hidden_and_shown(vi, qtbot):
    panel = panel_of(vi, qtbot)
    journey = vi.journey
    lane = next(ln for ln in journey.lanes if any(c.lane_id == ln.id for c in journey.cards))
    click(qtbot, panel.lane_boxes[lane.id])
    in_lane = {c.id for c in journey.cards if c.lane_id == lane.id}
    assert hidden(vi) == in_lane
    assert not vi.view.map_scene.lane_headers[lane.id].isVisible()
    others = len(journey.cards) - len(in_lane)
    assert vi.map_focus.status.text() == f"Filter: {others} of {len(journey.cards)} cards"
    click(qtbot, panel.lane_boxes[lane.id])
    assert hidden(vi) == set()


def test_emotion_score_range_keeps_the_markers_inside_it(vi, qtbot):
    panel = panel_of(vi, qtbot)
    markers = vi.view.map_scene.markers
    panel.score_min.setFocus()
    panel.score_min.selectAll()
    qtbot.keyClicks(panel.score_min, "1")
    low = {m.id for m in vi.journey.markers if m.score < 1}
    assert low
    assert {i for i, item in markers.items() if item.opacity() < 1} == low
    assert faint(vi) == set()  # cards carry no score


def test_filter_and_find_together_find_only_among_the_kept_cards(vi, qtbot):
    panel = panel_of(vi, qtbot)
    click(qtbot, box(panel, "lane_kinds", "Pains"))
    pains = {c.id for c in vi.journey.cards
             if vi.journey.lane(c.lane_id).kind == "pains"}
    vi.actions.find.trigger()
    vi.find_bar.field.setText("giao hang")
    hits = {h.entity_id for h in vi.map_focus.hits if h.kind == "card"}
    assert hits and hits <= pains


def test_the_lists_follow_the_model_and_another_map_or_project(vi, qtbot, project_file):
    panel = panel_of(vi, qtbot)
    card = vi.journey.cards[0]
    ops.set_fields(vi.doc, card, tags=[*card.tags, "Hội thảo"])
    qtbot.waitUntil(lambda: any(b.text() == "Hội thảo" for b, _v in panel.boxes["tags"]))
    click(qtbot, box(panel, "tags", "Hội thảo"))
    assert vi.map_focus.status.text() == f"Filter: 1 of {len(vi.journey.cards)} cards"

    future = vi.doc.project.maps[1]
    vi.switch_map(future.id)  # the filter stays, counted on the map now in view
    kept = sum(1 for c in future.cards if "Hội thảo" in c.tags)
    assert vi.map_focus.status.text() == f"Filter: {kept} of {len(future.cards)} cards"
    assert box(panel, "tags", "Hội thảo").isChecked()  # still listed, to be unticked

    assert vi.open_path(project_file)  # another project starts unfiltered
    assert not vi.map_focus.status.isVisible()
    assert faint(vi) == set() and hidden(vi) == set()
    assert not any(b.isChecked() for pairs in panel.boxes.values() for b, _v in pairs)


def test_the_curve_fades_when_every_face_is_left_out(vi, qtbot):
    panel = panel_of(vi, qtbot)
    curve = next(iter(vi.view.map_scene.emotion_lanes.values()))
    click(qtbot, box(panel, "lane_kinds", "Pains"))
    assert curve.opacity() == DIMMED
    click(qtbot, box(panel, "lane_kinds", "Emotions"))  # OR: the curve is kept again
    assert curve.opacity() == 1.0


def test_a_hidden_lane_leaves_no_blank_band_and_the_map_keeps_it(vi, qtbot):
    journey, scene = vi.journey, vi.view.map_scene
    panel = panel_of(vi, qtbot)
    index = 1
    lane, below = journey.lanes[index], journey.lanes[index + 1]
    top = scene.layout.lane_rects[lane.id].y
    below_y = scene.layout.lane_rects[below.id].y
    height = scene.layout.height
    click(qtbot, panel.lane_boxes[lane.id])
    rects = scene.layout.lane_rects
    assert rects[below.id].y == pytest.approx(top)  # the lane below closed the gap
    assert scene.lane_headers[below.id].y() == pytest.approx(top)
    card = next(c for c in journey.cards if c.lane_id == below.id)
    item = scene.cards[card.id]
    assert item.isVisibleTo(None) and item.sceneBoundingRect().top() < below_y
    assert scene.layout.height < height
    assert journey.lane(lane.id) is not None and vi.doc.undo_stack.count() == 0
    click(qtbot, panel.lane_boxes[lane.id])
    assert scene.layout.lane_rects[below.id].y == pytest.approx(below_y)
    assert scene.lane_headers[lane.id].isVisible()
