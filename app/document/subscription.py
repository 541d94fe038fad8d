"""One listener of a document: changes delivered once per event-loop turn, until its owner dies.

Widgets that follow a document subscribe through `Document.subscribe(owner, callback)`
instead of connecting to `Document.changed` themselves. The subscription is a child of
the owner, so it disconnects when the owner is destroyed; with `coalesce` (the default)
every change of one event-loop turn reaches the callback in one call, from a zero-delay
single-shot timer, so a burst of commands costs one refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from shiboken6 import isValid

from app.domain.events import Change

if TYPE_CHECKING:
    from app.document.document import Document

Callback = Callable[[list[Change]], None]


class Subscription(QObject):
    """Delivers a document's changes to one callback; ends with its owner or `cancel`."""

    def __init__(self, doc: Document, owner: QObject, callback: Callback,
                 coalesce: bool = True) -> None:
        super().__init__(owner)
        self.doc: Document | None = doc
        self._callback: Callback | None = callback
        self._pending: list[Change] = []
        self._timer: QTimer | None = None
        self._cancelled = False
        if coalesce:
            self._timer = QTimer(self)
            self._timer.setSingleShot(True)
            self._timer.setInterval(0)
            self._timer.timeout.connect(self.flush)
        # A bound method of this QObject: Qt drops the connection when it is destroyed.
        doc.changed.connect(self._receive)

    @property
    def pending(self) -> bool:
        """True when changes wait for the next event-loop turn."""
        return bool(self._pending)

    def _receive(self, changes: list[Change]) -> None:
        if self._callback is None:
            return
        if self._timer is None:
            self._callback(changes)
            return
        self._pending.extend(changes)
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Deliver the waiting changes now (a listener about to read its own state)."""
        if self._timer is not None:
            self._timer.stop()
        if self._pending and self._callback is not None:
            changes, self._pending = self._pending, []
            self._callback(changes)

    def cancel(self) -> None:
        """Stop delivering (the owner follows another document); again, nothing happens."""
        # Once cancelled, or once its owner's end deleted it, the timer may be gone.
        if self._cancelled or not isValid(self):
            return
        self._cancelled = True
        if self._timer is not None:
            self._timer.stop()
        self._pending = []
        self._callback = None
        if self.doc is not None:
            try:
                self.doc.changed.disconnect(self._receive)
            except (RuntimeError, TypeError):
                pass
            self.doc = None
        self.setParent(None)
        self.deleteLater()
