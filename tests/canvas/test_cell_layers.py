"""Cards live in one layer per cell, fitted to them, so Qt can skip cells off screen.

Qt trusts a cell layer's rectangle: it neither paints nor repaints a card outside it. So
these tests check the structure after random edits, and compare what the window shows
(its backing store, painted incrementally) with a full repaint after moves and drags.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsItem

from app.canvas.items.layer import CellLayer
from app.document import operations as ops
from app.domain.model import LaneKind
from tests.canvas.conftest import LEFT, NO_MOD, assert_scene_matches_model, center_of, vpoint
from tests.document.random_ops import apply_random_op


def assert_cells_hold_their_cards(view) -> None:
    """Each card item sits in its own cell's layer, and that layer's rectangle covers it."""
    scene = view.map_scene
    for card_id, item in scene.cards.items():
        card = item.card
        cell = item.parentItem()
        assert isinstance(cell, CellLayer) and cell.key == (card.stage_id, card.lane_id)
        assert scene.cells[cell.key] is cell
        assert cell.parentItem() is scene.layers[card.lane_id]
        slack = 1e-6  # the layer's own rectangle, not a rounding of it
        assert cell.rect().adjusted(-slack, -slack, slack, slack).contains(
            item.boundingRect().translated(item.pos())), card_id
    for key, cell in scene.cells.items():
        assert cell.rect() == cell.childrenBoundingRect(), key  # fitted, not just covering
        assert cell.flags() & QGraphicsItem.GraphicsItemFlag.ItemContainsChildrenInShape


def on_screen(view) -> QImage:
    """The viewport's pixels as the window holds them (painted bit by bit, as shown)."""
    QTest.qWait(5)
    origin = view.viewport().mapTo(view, QPoint(0, 0))
    size = view.viewport().size()
    shot = view.screen().grabWindow(view.winId(), origin.x(), origin.y(), size.width(),
                                    size.height())
    return shot.toImage().convertToFormat(QImage.Format.Format_RGB32)


def repainted(view) -> QImage:
    """The viewport painted afresh, as a whole and without the cards' pixmap caches.

    A card being dragged (drawn translucent) keeps its cache: translucent, a picture and
    its strokes one by one blend differently.
    """
    cards = [item for item in view.map_scene.cards.values() if item.opacity() == 1.0]
    for item in cards:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    for item in cards:
        item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    return image


def difference(a: QImage, b: QImage) -> int:
    """The largest difference of one colour channel between two pictures, 0..255."""
    assert a.size() == b.size()
    diff = QImage(a)
    painter = QPainter(diff)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Difference)
    painter.drawImage(0, 0, b)
    painter.end()
    pixels = diff.convertToFormat(QImage.Format.Format_RGB32).constBits().tobytes()
    return max(max(pixels[channel::4]) for channel in range(3))  # the 4th byte is alpha


def assert_screen_is_current(view) -> None:
    # Painted bit by bit, an edge can round one level apart from a full repaint (the view
    # does not save the painter's state between items); a stale or missing card cannot.
    shown = on_screen(view)
    assert difference(shown, repainted(view)) <= 3


def assert_headers_count_what_they_hold(view) -> None:
    """The counts on the headers are the map's (headers repaint only when theirs changes)."""
    scene = view.map_scene
    journey = scene.journey
    shown = {ln.id for ln in journey.lanes if not ln.collapsed and ln.kind != LaneKind.EMOTIONS}
    for stage in journey.stages:
        expected = sum(1 for c in journey.cards if c.stage_id == stage.id and c.lane_id in shown)
        assert scene.stage_headers[stage.id].card_count == expected
    for lane in journey.lanes:
        if lane.id in shown:
            assert scene.lane_headers[lane.id].card_count == sum(
                1 for c in journey.cards if c.lane_id == lane.id)


@pytest.mark.parametrize("seed", range(4))
def test_every_card_sits_in_its_cell_layer_after_random_edits(view, doc, seed):
    rng = random.Random(seed)
    for _ in range(40):
        apply_random_op(doc, rng)
        if view.map_scene.journey is not None:
            assert_cells_hold_their_cards(view)
            assert_scene_matches_model(view)
            assert_headers_count_what_they_hold(view)
    while doc.undo_stack.canUndo():
        doc.undo()
    assert_cells_hold_their_cards(view)
    assert_scene_matches_model(view)


def test_a_card_moved_to_another_cell_is_drawn_there_and_gone_from_where_it_was(view, doc):
    s, lanes, cards = doc.sample["stages"], doc.sample["lanes"], doc.sample["cards"]
    journey = doc.sample["map"]
    tp = lanes[LaneKind.TOUCHPOINTS]
    assert_screen_is_current(view)
    before = on_screen(view)
    moving = cards[1]  # from the middle of a cell: the card below it moves up
    ops.move_cards(doc, journey, [moving], s[3], lanes[LaneKind.PAINS], 0)
    item = view.map_scene.cards[moving.id]
    assert view.map_scene.cell_rect(s[3], lanes[LaneKind.PAINS]).contains(
        item.sceneBoundingRect().center())
    assert_cells_hold_their_cards(view)
    assert_screen_is_current(view)
    doc.undo()
    assert_screen_is_current(view)
    assert on_screen(view) == before
    ops.move_cards(doc, journey, [cards[2]], s[0], tp, 0)  # within its cell
    assert_screen_is_current(view)


def test_a_dragged_card_is_drawn_under_the_pointer_far_from_its_cell(view, doc):
    s, lanes, cards = doc.sample["stages"], doc.sample["lanes"], doc.sample["cards"]
    vp = view.viewport()
    start = center_of(view, cards[0].id)
    far = vpoint(view, view.map_scene.cell_rect(s[3], lanes[LaneKind.ACTIONS]).center())
    QTest.mousePress(vp, LEFT, NO_MOD, start)
    for i in range(1, 7):
        QTest.mouseMove(vp, start + (far - start) * i / 6)
    item = view.map_scene.cards[cards[0].id]
    assert view.mapFromScene(item.sceneBoundingRect().center()) == far
    assert_screen_is_current(view)  # the card shows under the pointer, nothing left behind
    QTest.mouseRelease(vp, LEFT, NO_MOD, far)
    assert_cells_hold_their_cards(view)
    assert_screen_is_current(view)


def test_a_cancelled_drag_leaves_no_trace(view, doc):
    s, lanes, cards = doc.sample["stages"], doc.sample["lanes"], doc.sample["cards"]
    vp = view.viewport()
    start = center_of(view, cards[3].id)
    far = vpoint(view, QPointF(view.map_scene.cell_rect(s[4], lanes[LaneKind.PAINS]).center()))
    QTest.mousePress(vp, LEFT, NO_MOD, start)
    for i in range(1, 7):
        QTest.mouseMove(vp, start + (far - start) * i / 6)
    QTest.keyClick(view, Qt.Key.Key_Escape)
    QTest.mouseRelease(vp, LEFT, NO_MOD, far)
    assert doc.undo_stack.count() == 0
    assert_cells_hold_their_cards(view)
    assert_screen_is_current(view)


def test_a_wide_card_that_grows_pushes_the_next_column_and_its_cell_follows(view, doc):
    s, lanes = doc.sample["stages"], doc.sample["lanes"]
    journey = doc.sample["map"]
    lane = lanes[LaneKind.ACTIONS]
    wide = ops.add_card(doc, journey, s[2], lane, title="Hai giai đoạn", span=2)
    below = ops.add_card(doc, journey, s[3], lane, title="Bên dưới")
    item = view.map_scene.cards[below.id]
    y = item.scenePos().y()
    ops.edit_text(doc, wide, "body", "Một dòng dài " * 12)  # the wide card grows taller
    assert item.scenePos().y() > y  # the card beside it was pushed down, untouched itself
    assert_cells_hold_their_cards(view)
    assert_scene_matches_model(view)
    assert_screen_is_current(view)
    doc.undo()
    assert item.scenePos().y() == y
    assert_cells_hold_their_cards(view)
    assert_screen_is_current(view)


@pytest.mark.parametrize("seed", range(3))
def test_the_screen_follows_random_edits(view, doc, seed):
    # Lanes that grow and shrink move the grid lines and the headers below them: only
    # what changed is repainted, and that must still be everything that changed.
    rng = random.Random(50 + seed)
    for _ in range(25):
        apply_random_op(doc, rng)
        assert_screen_is_current(view)


def test_a_lane_that_grows_and_shrinks_leaves_the_grid_and_headers_right(view, doc):
    s, lanes = doc.sample["stages"], doc.sample["lanes"]
    journey = doc.sample["map"]
    lane = lanes[LaneKind.ACTIONS]
    added = []
    for i in range(4):
        added.append(ops.add_card(doc, journey, s[1], lane, 0, title=f"Thẻ {i}"))
        assert_screen_is_current(view)
    for card in added:
        ops.remove(doc, [card])
        assert_screen_is_current(view)


def test_cells_of_an_exported_picture_draw_nothing_and_cull_nothing(doc):
    from app.canvas.scene import MapScene

    scene = MapScene(doc, doc.sample["map"].id, decorated=False)
    assert scene.cells
    for cell in scene.cells.values():
        assert cell.flags() & QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
        assert not cell.flags() & QGraphicsItem.GraphicsItemFlag.ItemContainsChildrenInShape
    scene.detach()
