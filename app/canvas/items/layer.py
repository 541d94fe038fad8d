"""Invisible parents of the card items: one per lane (moving a lane moves one item), and
inside it one per cell, whose bounds let Qt skip a whole cell that lies off screen."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from app.canvas.items.card import Z_CARD


class LaneLayer(QGraphicsItem):
    """An invisible parent of a lane's cell layers, placed at the lane's top; or, at
    the connectors' z, of the connectors that lie in that lane alone: when lanes above
    it grow, what it holds goes down in one move."""

    def __init__(self, lane_id: str, z: float = Z_CARD) -> None:
        super().__init__()
        self.lane_id = lane_id
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setZValue(z)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return QRectF()

    def paint(self, painter, option, widget=None) -> None:
        pass


class CellLayer(QGraphicsRectItem):
    """The card items of one cell (stage × lane), at (0, 0) in its lane's layer.

    Its rectangle is kept equal to the bounds of its cards (`fit`), and it promises Qt
    that its children draw only inside it (ItemContainsChildrenInShape). So painting and
    item discovery test one rectangle per cell instead of every card, and a cell off
    screen costs nothing. A card dragged out of its cell must leave the layer first.
    On screen it has contents on purpose: Qt only culls a subtree whose root it would
    draw (the rectangle has no pen or brush and `paint` draws nothing). A scene rendered
    once for an export has no use for culling: there the layer has no contents, so it
    adds nothing to a PNG or an SVG.
    """

    def __init__(self, stage_id: str, lane_id: str, cull: bool = True) -> None:
        super().__init__()
        self.key = (stage_id, lane_id)
        self.setPen(Qt.PenStyle.NoPen)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        if cull:
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemContainsChildrenInShape)
        else:
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)

    def fit(self) -> None:
        """Make the rectangle the bounds of the cards it holds now."""
        bounds = self.childrenBoundingRect()
        if bounds != self.rect():
            self.setRect(bounds)

    def paint(self, painter, option, widget=None) -> None:
        pass
