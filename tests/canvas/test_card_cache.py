"""Cards on screen are drawn from a pixmap cache: what the user sees must follow edits."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QGraphicsItem

from app.document import operations as ops


def _shot(view, item):
    """The pixels of one card as the viewport shows them now."""
    QApplication.processEvents()
    rect = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
    return view.viewport().grab(rect).toImage()


def test_a_cached_card_shows_its_edit_and_its_undo(view, doc):
    card = doc.sample["cards"][1]
    item = view.map_scene.cards[card.id]
    assert item.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache
    before = _shot(view, item)
    ops.set_fields(doc, card, favourite=True)  # a star drawn on the card: same size
    starred = _shot(view, item)
    assert starred != before
    doc.undo()
    assert _shot(view, item) == before


def test_a_card_pushed_down_by_a_drop_looks_the_same_in_its_new_place(view, doc):
    s = doc.sample["stages"]
    first, third = doc.sample["cards"][0], doc.sample["cards"][2]
    item = view.map_scene.cards[third.id]
    before, y = _shot(view, item), item.scenePos().y()
    moving = doc.sample["cards"][3]  # from another cell to the top of the first one
    ops.move_cards(doc, doc.sample["map"], [moving], s[0], first.lane_id, 0)
    assert item.scenePos().y() > y
    assert _shot(view, item) == before
