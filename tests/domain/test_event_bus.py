"""The event bus: who hears a batch, and who no longer does."""

from app.domain.events import Change, ChangeKind, EventBus


def test_an_unsubscribed_listener_hears_nothing_more_and_the_others_still_do():
    bus = EventBus()
    heard: dict[str, list[list[Change]]] = {"a": [], "b": []}

    def a(changes: list[Change]) -> None:
        heard["a"].append(changes)

    def b(changes: list[Change]) -> None:
        heard["b"].append(changes)

    bus.subscribe(a)
    bus.subscribe(b)
    first = [Change(ChangeKind.ADDED, object())]
    bus.emit(first)
    bus.unsubscribe(a)
    bus.unsubscribe(a)  # unknown by now: ignored
    second = [Change(ChangeKind.CHANGED, object(), ("title",))]
    bus.emit(second)
    bus.emit([])  # an empty batch is not delivered
    assert heard == {"a": [first], "b": [first, second]}
