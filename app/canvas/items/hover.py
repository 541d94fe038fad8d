"""Hover state shared by the items that draw a light outline under the pointer."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsItem


class HoverableItem(QGraphicsItem):
    """An item that knows whether the pointer is over it and repaints when that changes."""

    def __init__(self) -> None:
        super().__init__()
        self.hovered = False
        self.setAcceptHoverEvents(True)

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.hovered = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.hovered = False
        self.update()
