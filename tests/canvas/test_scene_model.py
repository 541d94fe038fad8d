"""The scene mirrors the model: after random operations, undo and redo; sticky headers;
tooltips; context menus; image export; the icon set."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

from app.canvas.image_export import render_map_png, render_map_svg
from app.canvas.menus import build_menu
from app.canvas.scene import MapScene
from app.domain import icons
from app.domain.model import LaneKind
from app.domain.templates import BUILTIN_CHANNELS
from tests.canvas.conftest import assert_scene_matches_model, center_of
from tests.document.random_ops import apply_random_op


@pytest.mark.parametrize("seed", range(6))
def test_scene_agrees_with_model_after_random_operations(view, doc, seed):
    rng = random.Random(seed)
    for _ in range(40):
        apply_random_op(doc, rng)
        if view.map_scene.journey is not None:
            assert_scene_matches_model(view)
    while doc.undo_stack.canUndo():
        doc.undo()
    assert_scene_matches_model(view)
    while doc.undo_stack.canRedo():
        doc.redo()
    if view.map_scene.journey is not None:
        assert_scene_matches_model(view)
    fresh = MapScene(doc, view.map_id)  # built from scratch, it must look the same
    if fresh.journey is not None:
        for card_id, item in fresh.cards.items():
            assert item.pos() == view.map_scene.cards[card_id].pos()
    fresh.detach()


def test_headers_stay_visible_while_scrolling(view, doc):
    view.resize(600, 400)
    view.zoom_in()
    view.horizontalScrollBar().setValue(300)
    view.verticalScrollBar().setValue(250)
    top_left = view.mapToScene(0, 0)
    scene = view.map_scene
    for header in scene.stage_headers.values():
        assert header.pos().y() == pytest.approx(top_left.y())
    for header in scene.lane_headers.values():
        assert header.pos().x() == pytest.approx(top_left.x())
    assert scene.corner.pos() == top_left
    view.verticalScrollBar().setValue(0)
    assert all(h.pos().y() == 0 for h in scene.stage_headers.values())


def test_tooltip_carries_the_full_text(view, doc):
    card = doc.sample["cards"][0]
    from app.document import operations as ops

    long_body = " ".join(["Khách hàng đọc rất nhiều đánh giá trước khi quyết định"] * 8)
    ops.set_fields(doc, card, body=long_body, severity=None)
    item = view.map_scene.cards[card.id]
    assert item.box.truncated and item.box.body_lines[-1].endswith("…")
    tip = view.map_scene.tooltip_for(item)
    assert long_body in tip and "Channel: " in tip


def test_selection_signal_carries_domain_entities(qtbot, view, doc):
    card = doc.sample["cards"][2]
    with qtbot.waitSignal(view.selection_changed) as blocker:
        view.select_entities([card])
    assert blocker.args == [[card]]


def test_context_menus_offer_and_run_operations(view, doc):
    card, marker = doc.sample["cards"][0], doc.sample["marker"]
    j = doc.sample["map"]
    menu = build_menu(view, view.map_scene.cards[card.id].sceneBoundingRect().center())
    texts = [a.text() for a in menu.actions()]
    assert "Edit title" in texts and "Delete" in texts and "Duplicate" in texts
    channel_menu = next(a.menu() for a in menu.actions() if a.text() == "Channel")
    next(a for a in channel_menu.actions() if a.text() == "Email").trigger()
    assert doc.project.channel(card.channel_id).key == "email"

    menu = build_menu(view, view.map_scene.markers[marker.id].scenePos())
    score_menu = next(a.menu() for a in menu.actions() if a.text() == "Score")
    next(a for a in score_menu.actions() if a.text().startswith("-2")).trigger()
    assert marker.score == -2 and view.map_scene.markers[marker.id].score == -2

    stage = j.stages[1]
    menu = build_menu(view, view.map_scene.stage_headers[stage.id].sceneBoundingRect().center())
    next(a for a in menu.actions() if a.text() == "Add stage after").trigger()
    view.close_editor(commit=False)
    assert len(j.stages) == 6 and j.stages[1] is stage

    lane = j.lanes[1]
    menu = build_menu(view, view.map_scene.lane_headers[lane.id].sceneBoundingRect().center())
    kinds = next(a.menu() for a in menu.actions() if a.text() == "Lane kind")
    next(a for a in kinds.actions() if a.text() == "Pains").trigger()
    assert lane.kind == LaneKind.PAINS
    assert doc.undo_stack.count() == 4
    assert_scene_matches_model(view)


def test_context_menu_on_an_empty_cell_adds_a_card(view, doc):
    j, s, lanes = doc.sample["map"], doc.sample["stages"], doc.sample["lanes"]
    cell = view.map_scene.cell_rect(s[4], lanes[LaneKind.OPPORTUNITIES])
    menu = build_menu(view, cell.center())
    next(a for a in menu.actions() if a.text() == "Add card here").trigger()
    view.close_editor(commit=False)
    assert len(j.cell_cards(s[4], lanes[LaneKind.OPPORTUNITIES])) == 1


def test_png_and_svg_exports_are_written_without_decorations(view, doc, tmp_path):
    card = doc.sample["cards"][0]
    view.select_entities([card])
    png = render_map_png(doc, view.map_id, tmp_path / "map.png", scale=1.0)
    image = QImage(str(png))
    layout = view.map_scene.layout
    assert (image.width(), image.height()) == (round(layout.width), round(layout.height))
    box = layout.cards[card.id].rect
    # The selection outline (accent blue) must not be in the picture.
    edge = image.pixelColor(round(box.x + box.w / 2), round(box.y) - 2)
    assert edge.name().upper() != "#2F80ED"
    # The card's own fill is there.
    assert image.pixelColor(round(box.x + box.w - 20), round(box.y + box.h / 2)).name().upper() \
        == "#E8F1FB"
    svg = render_map_svg(doc.project, view.map_id, tmp_path / "map.svg")
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and "Quảng cáo" in text
    assert QSvgRenderer(str(svg)).isValid()
    assert not list(tmp_path.glob(".export-*"))
    double = QImage(str(render_map_png(doc.project, view.map_id, tmp_path / "x2.png")))
    assert double.width() == 2 * image.width()


def test_icon_files_match_the_data_and_cover_every_channel_and_kind():
    assert icons.stale_icons() == []
    for key, *_ in BUILTIN_CHANNELS:
        assert key in icons.ICONS
    for kind in LaneKind:
        assert kind.value in icons.ICONS
    for name in icons.ICONS:
        svg = icons.icon_svg(name, "#123456").encode()
        assert QSvgRenderer(svg).isValid()
        for p in icons.ICONS[name]:  # inside the 24 × 24 box
            coords = [v for v in vars(p).values() if isinstance(v, (int, float))]
            assert all(-0.01 <= v <= 24.01 for v in coords[:2])
    assert icons.icon_name("no-such-channel") == "other"


def test_double_click_on_an_empty_emotions_cell_adds_a_marker(qtbot, view, doc):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from app.domain.layout import emotion_y

    j, s, lanes = doc.sample["map"], doc.sample["stages"], doc.sample["lanes"]
    rect = view.map_scene.layout.lane_rects[lanes[LaneKind.EMOTIONS]]
    stage = view.map_scene.layout.stage_rects[s[4]]
    point = view.mapFromScene(QPointF(stage.x + stage.w / 2, emotion_y(rect, 2)))
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, point)
    marker = j.markers[-1]
    assert (marker.stage_id, marker.score) == (s[4], 2)
    assert center_of(view, marker.id) is not None
