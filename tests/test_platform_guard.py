"""Guards against platform traps that abort the process long after the cause."""

import sys

from PySide6.QtWidgets import QGraphicsRectItem


def test_void_qt_calls_do_not_release_none(qapp):
    """PySide6 6.12.0 on CPython 3.11 drops None's refcount on every void call."""
    item = QGraphicsRectItem(0, 0, 10, 10)
    before = sys.getrefcount(None)
    for i in range(20_000):
        item.setPos(i % 7, i % 5)
    after = sys.getrefcount(None)
    assert after >= before, f"None refcount fell by {before - after} over 20,000 setPos calls"
