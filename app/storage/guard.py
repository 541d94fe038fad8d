"""Defensive SQLite connections: no trust in the file's schema, and a time limit per operation.

A progress handler checks the current operation's deadline every few thousand virtual
machine steps; past it, SQLite stops the statement with "interrupted".
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from time import monotonic

QUERY_LIMIT_S = 120.0  # no honest project takes this long for one open or one save


class GuardedConnection(sqlite3.Connection):
    """A connection whose statements stop when the current operation runs out of time."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.deadline: float | None = None
        self.set_progress_handler(self._tick, 20_000)

    def _tick(self) -> int:
        return 1 if self.deadline is not None and monotonic() > self.deadline else 0


def harden(raw: sqlite3.Connection) -> None:
    """Settings that keep a hostile schema from running functions or writing the schema."""
    raw.execute("PRAGMA trusted_schema=OFF")
    setconfig = getattr(raw, "setconfig", None)  # Python 3.12+
    flag = getattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE", None)
    if setconfig is not None and flag is not None:
        setconfig(flag, True)


@contextmanager
def time_limit(raw: sqlite3.Connection, seconds: float | None = None) -> Iterator[None]:
    """Run a block with a deadline on the connection's statements (see GuardedConnection)."""
    if not isinstance(raw, GuardedConnection):
        yield
        return
    outer = raw.deadline
    raw.deadline = monotonic() + (QUERY_LIMIT_S if seconds is None else seconds)
    try:
        yield
    finally:
        raw.deadline = outer


def is_interrupt(exc: BaseException) -> bool:
    """True for the error SQLite raises when the progress handler stopped a statement."""
    return isinstance(exc, sqlite3.OperationalError) and str(exc) == "interrupted"


