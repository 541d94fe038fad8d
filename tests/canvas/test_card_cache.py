"""Cards on screen are drawn from a pixmap cache: what the user sees must follow edits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication, QGraphicsItem

from app.canvas.items.card import CardItem
from app.document import operations as ops
from app.domain.model import LaneKind
from tests.canvas.conftest import center_of, drag, vpoint
from tests.canvas.test_cell_layers import assert_screen_is_current


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


@pytest.fixture
def drawn(monkeypatch, doc) -> list[str]:
    """Ids of the cards whose picture is drawn anew (a cached one is only blitted).

    Patched before the view exists: PySide finds a Python override once per item."""
    ids: list[str] = []
    original = CardItem.paint

    def paint(item, *args):
        ids.append(item.card.id)
        original(item, *args)

    monkeypatch.setattr(CardItem, "paint", paint)
    return ids


def _paint_now(view) -> None:
    """Let the scene hand its changes to the view, then paint the whole viewport."""
    QApplication.processEvents()
    view.viewport().repaint()


def _on_screen(view, item) -> bool:
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    return visible.contains(item.sceneBoundingRect())


def test_cards_a_drop_pushes_down_are_not_drawn_again(drawn, view, doc):
    journey, s = doc.sample["map"], doc.sample["stages"]
    lane = doc.sample["lanes"][LaneKind.ACTIONS]
    top = doc.sample["cards"][3]  # "So sánh giá", alone in its cell so far
    below = ops.add_card(doc, journey, s[1], lane, title="Hỏi bạn bè")
    last = ops.add_card(doc, journey, s[1], lane, title="Đọc đánh giá trên mạng")
    scene = view.map_scene
    pushed = [scene.cards[top.id], scene.cards[below.id]]
    assert all(_on_screen(view, item) for item in pushed)
    _paint_now(view)  # every visible card has its cached picture now
    drawn.clear()
    ys = [item.scenePos().y() for item in pushed]
    # The last card dragged above the first: the two others move down by its height
    # and gap, which is not a whole number of pixels (a title line is 15.6 px).
    drag(view, center_of(view, last.id),
         vpoint(view, scene.cards[top.id].sceneBoundingRect().topLeft() + QPointF(40, 6)))
    assert journey.cell_cards(s[1], lane)[0].id == last.id
    assert all(item.scenePos().y() > y for item, y in zip(pushed, ys, strict=True))
    _paint_now(view)
    assert not {top.id, below.id} & set(drawn)
    assert_screen_is_current(view)  # (which draws every card anew, once)
    _paint_now(view)
    drawn.clear()
    doc.undo()
    _paint_now(view)
    assert [item.scenePos().y() for item in pushed] == ys
    assert not {top.id, below.id} & set(drawn)
    assert_screen_is_current(view)


def test_cards_of_lanes_below_a_grown_card_are_not_drawn_again(drawn, view, doc):
    journey = doc.sample["map"]
    grown, below = doc.sample["cards"][2], doc.sample["cards"][3]  # touchpoints, actions
    lanes = [ln.id for ln in journey.lanes]
    assert lanes.index(grown.lane_id) < lanes.index(below.lane_id)
    item = view.map_scene.cards[below.id]
    assert _on_screen(view, item)
    _paint_now(view)
    drawn.clear()
    y = item.scenePos().y()
    ops.edit_text(doc, grown, "body", "Khách đọc các đánh giá")  # one body line: 14.3 px
    _paint_now(view)
    assert item.scenePos().y() > y  # its lane moved down
    assert below.id not in drawn
    assert grown.id in drawn  # the card that changed is drawn again
    assert_screen_is_current(view)


@pytest.fixture
def drawn_headers(monkeypatch, doc) -> list[str]:
    """The kinds of header drawn (stage, lane, persona corner), patched before the view."""
    from app.canvas.items import headers

    kinds: list[str] = []
    for cls in (headers.StageHeaderItem, headers.LaneHeaderItem, headers.CornerItem):
        def paint(item, *args, _original=cls.paint):
            kinds.append(item.kind_name)
            _original(item, *args)

        monkeypatch.setattr(cls, "paint", paint)
    return kinds


def test_editing_the_card_beside_the_headers_repaints_no_header(drawn_headers, drawn, view,
                                                               doc):
    journey = doc.sample["map"]
    card = doc.sample["cards"][0]  # the first card of the top-left cell, under both headers
    assert journey.cell_cards(journey.stages[0].id, journey.lanes[0].id)[0] is card
    view.select_entities([card])  # its halo is drawn too
    _paint_now(view)
    drawn_headers.clear()
    drawn.clear()
    ops.edit_text(doc, card, "title", "Quảng cáo mới")
    QApplication.processEvents()  # the view repaints what changed, nothing more
    assert drawn == [card.id]
    assert drawn_headers == []
    assert_screen_is_current(view)
