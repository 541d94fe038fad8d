"""Hover state shared by the items that draw a light outline under the pointer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QGraphicsItem


class HoverMixin:
    """Hover tracking for any QGraphicsItem subclass (put it before the Qt base class).

    The item must call `setAcceptHoverEvents(True)`.
    """

    hovered = False
    if TYPE_CHECKING:  # provided by the QGraphicsItem this mixes into
        update: Any

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.hovered = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.hovered = False
        self.update()


class HoverableItem(HoverMixin, QGraphicsItem):
    """An item that knows whether the pointer is over it and repaints when that changes."""

    def __init__(self) -> None:
        super().__init__()
        self.setAcceptHoverEvents(True)
