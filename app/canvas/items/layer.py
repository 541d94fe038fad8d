"""Invisible parents of the card items: one per lane (moving a lane moves one item), and
inside it one per cell, whose bounds let Qt skip a whole cell that lies off screen; and of
the connectors that lie in one lane, likewise."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from app.canvas.items.card import Z_CARD
from app.domain import style
from app.domain.labels import reach


class LaneLayer(QGraphicsItem):
    """An invisible parent of a lane's cell layers, placed at the lane's top: when lanes
    above it grow, its cards go down in one move."""

    def __init__(self, lane_id: str) -> None:
        super().__init__()
        self.lane_id = lane_id
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setZValue(Z_CARD)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return QRectF()

    def paint(self, painter, option, widget=None) -> None:
        pass


class _CullingLayer(QGraphicsRectItem):
    """An invisible rectangle that promises Qt its children draw only inside it
    (ItemContainsChildrenInShape), so painting and item discovery test it instead of each
    child, and a layer away from what is repainted costs nothing.

    On screen it has contents on purpose: Qt only culls a subtree whose root it would
    draw (the rectangle has no pen or brush and `paint` draws nothing). A scene rendered
    once for an export has no use for culling: there the layer has no contents, so it
    adds nothing to a PNG or an SVG.
    """

    def __init__(self, cull: bool) -> None:
        super().__init__()
        self.setPen(Qt.PenStyle.NoPen)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        if cull:
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemContainsChildrenInShape)
        else:
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)

    def paint(self, painter, option, widget=None) -> None:
        pass


class CellLayer(_CullingLayer):
    """The card items of one cell (stage × lane), at (0, 0) in its lane's layer.

    Its rectangle is kept equal to the bounds of its cards (`fit`), so a cell off screen
    costs nothing. A card dragged out of its cell must leave the layer first.
    """

    def __init__(self, stage_id: str, lane_id: str, cull: bool = True) -> None:
        super().__init__(cull)
        self.key = (stage_id, lane_id)

    def fit(self) -> None:
        """Make the rectangle the bounds of the cards it holds now."""
        bounds = self.childrenBoundingRect()
        if bounds != self.rect():
            self.setRect(bounds)


class LineLayer(_CullingLayer):
    """The connectors that lie in one lane, at that lane's top (when lanes above grow,
    they go down in one move). Its rectangle is the lane's band with room around it for
    arrowheads, halos and label pills, so a repaint elsewhere on the map does not visit
    each of its lines."""

    # Beyond the band: a pill as far from its line as labels.spots puts one, and a halo.
    MARGIN = reach(0.0, style.CONNECTOR_LABEL_HEIGHT)[1] + style.CONNECTOR_LABEL_HEIGHT + 8.0
    WIDE = 1.0e6  # every stage, however many

    def __init__(self, lane_id: str, z: float, cull: bool = True) -> None:
        super().__init__(cull)
        self.lane_id = lane_id
        self.setZValue(z)

    def cover(self, height: float) -> None:
        """Reach over a band of this height (from the layer's own top)."""
        m = self.MARGIN
        rect = QRectF(-self.WIDE, -m, 2 * self.WIDE, height + 2 * m)
        if rect != self.rect():
            self.setRect(rect)
