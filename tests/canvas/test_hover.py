"""The pointer over a card or a header lights it up, and leaving puts it back."""

from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest

from tests.canvas.conftest import center_of


def _hover(view, point: QPoint) -> None:
    QTest.mouseMove(view.viewport(), point)


def test_a_card_and_a_stage_header_know_the_pointer_is_over_them(view, doc, qtbot):
    card = doc.sample["cards"][0]
    card_item = view.map_scene.item_for(card.id)
    header_item = view.map_scene.item_for(doc.sample["stages"][2])
    _hover(view, center_of(view, card.id))
    qtbot.waitUntil(lambda: card_item.hovered)
    assert not header_item.hovered
    _hover(view, center_of(view, doc.sample["stages"][2]))
    qtbot.waitUntil(lambda: header_item.hovered)
    assert not card_item.hovered
    assert card_item.acceptHoverEvents() and header_item.acceptHoverEvents()
