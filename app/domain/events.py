"""Small change events, so any layer can follow the model without polling it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class ChangeKind(StrEnum):
    """What happened to an entity."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True)
class Change:
    """One entity added, removed or changed; `fields` names what changed, when known."""

    kind: ChangeKind
    entity: object
    fields: tuple[str, ...] = ()


Listener = Callable[[list[Change]], None]


class EventBus:
    """Delivers each batch of changes (one command's worth) to every subscriber."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        """Call `listener` with every future batch."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        """Stop calling `listener`; unknown listeners are ignored."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def emit(self, changes: list[Change]) -> None:
        """Deliver one batch; an empty batch is not delivered."""
        if changes:
            for listener in list(self._listeners):
                listener(changes)
