"""Other people's changes: NOTIFY on every commit, a listening thread, and a catch-up scan.

Every write sends `NOTIFY journey_studio` inside its transaction (so it arrives only if
the write committed) with the project's id and the writing store's origin token. Each
open store may `listen`: a daemon thread on a connection of its own hears the
notifications of its project from other stores and calls back; it reconnects by itself
when the server goes away, and calls back once it is back (changes may have been missed).

The callback only says "something changed". `scan` then finds what: one query lists
every row's version (and place) on the server, compared with what this store knows;
the rows that differ are fetched. That also catches up after a lost connection.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, select, text, union_all

from app.domain.model import Project
from app.storage.mapping import INSERT_ORDER, SPECS
from app.storage.server.location import ServerLocation
from app.storage.server.rows import Known, Rows, _keys, _select, _table

CHANNEL = "journey_studio"
RECONNECT_S = 1.0
# The listener's connection names its project: the server's own list of sessions
# (pg_stat_activity) is then the list of who has the project open, with no heartbeat
# table to keep: a client that dies leaves it when its connection closes.
PRESENCE_PREFIX = "journey-studio:"


def presence_name(project_id: str) -> str:
    """The application_name of a listener on `project_id` (libpq keeps 63 bytes)."""
    return (PRESENCE_PREFIX + project_id).encode()[:63].decode("utf-8", "ignore")


def present(conn: Connection, project_id: str, own_pid: int | None) -> list[str]:
    """The roles of the other sessions listening on the project, by name."""
    rows = conn.execute(text(
        "SELECT usename FROM pg_stat_activity WHERE application_name = :name "
        "AND datname = current_database() AND pid IS DISTINCT FROM :own ORDER BY usename"),
        {"name": presence_name(project_id), "own": own_pid})
    return [str(row[0]) for row in rows]


def notify(conn: Connection, project_id: str, origin: str) -> None:
    """Announce a write of `project_id` at this transaction's commit."""
    payload = json.dumps({"p": project_id, "o": origin}, separators=(",", ":"))
    conn.execute(text("SELECT pg_notify(:channel, :payload)"),
                 {"channel": CHANNEL, "payload": payload})


@dataclass
class Remote:
    """What `scan` found changed on the server since this store last knew it."""

    changed: list[tuple[type, Any, Known]] = field(default_factory=list)  # also new ones
    removed: list[tuple[type, str]] = field(default_factory=list)

    def empty(self) -> bool:
        """True when nothing changed."""
        return not (self.changed or self.removed)


def _versions(project_id: str) -> Any:
    parts = []
    for cls in INSERT_ORDER:
        table = _table(cls)
        seq = table.c.seq if SPECS[cls].ordered else text("-1")
        kind = text(f"'{SPECS[cls].table.name}'")  # our own table names
        where = table.c.id == project_id if cls is Project else (
            table.c.project_id == project_id)
        parts.append(select(kind, table.c.id, table.c.version, seq).where(where))
    return union_all(*parts)


_BY_NAME = {spec.table.name: cls for cls, spec in SPECS.items()}


def scan(conn: Connection, project_id: str, known: Rows) -> Remote:
    """The rows that differ from `known` (version or place), fetched; and those gone."""
    found: dict[tuple[type, str], tuple[int, int]] = {}
    for name, entity_id, version, seq in conn.execute(_versions(project_id)):
        found[(_BY_NAME[name], entity_id)] = (version, seq)
    result = Remote()
    stale: dict[type, list[str]] = {}
    for key, (version, seq) in found.items():
        old = known.get(key)
        if old is None or old.version != version or (
                seq != -1 and old.values.get("seq") != seq):
            stale.setdefault(key[0], []).append(key[1])
    for key in known:
        if key not in found:
            result.removed.append(key)
    result.removed.sort(key=lambda key: INSERT_ORDER.index(key[0]))  # parents first
    for cls in INSERT_ORDER:  # parents first, so that new children find them
        ids = stale.get(cls)
        if not ids:
            continue
        spec = SPECS[cls]
        keys = _keys(spec)
        n = len(spec.fields)
        stmt = _select(cls).where(_table(cls).c.id.in_(bindparam("b_ids", expanding=True)))
        for values in conn.execute(stmt, {"b_pid": project_id, "b_ids": ids}):
            entity = spec.entity(values[:n])
            result.changed.append((cls, entity, Known(values[-1], dict(zip(
                keys, values[:-1], strict=True)))))
    return result


class Listener:
    """A thread that calls `on_change()` when another store writes this project.

    `on_state(False)` when its connection to the server broke, `on_state(True)` each
    time it is listening (again).
    """

    def __init__(self, location: ServerLocation, project_id: str, origin: str,
                 on_change: Callable[[], None],
                 on_state: Callable[[bool], None] | None = None) -> None:
        self._location = location
        self._project_id = project_id
        self._origin = origin
        self._on_change = on_change
        self._on_state = on_state or (lambda _up: None)
        self._stop = threading.Event()
        self._conn: Any = None
        self.backend_pid: int | None = None  # the server process of the listening session
        self.listening = threading.Event()  # set while LISTEN is in force
        self._thread = threading.Thread(target=self._run, name="journey-studio-listen",
                                        daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                with psycopg.connect(self._location.conninfo, autocommit=True,
                                     connect_timeout=5,
                                     application_name=presence_name(self._project_id)
                                     ) as conn:
                    if self._stop.is_set():  # closed while connecting: tell nobody
                        return
                    self._conn = conn
                    self.backend_pid = conn.info.backend_pid
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    self._on_state(True)
                    # Whatever was written before LISTEN took effect (on opening, or while
                    # the server was away) was not heard: catch up now.
                    self._on_change()
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.25):
                            if self._ours(note.payload) and not self._stop.is_set():
                                self._on_change()
            except psycopg.Error:
                pass  # the server went away, or we are stopping: try again
            finally:
                self._conn = None
                was = self.listening.is_set()
                self.listening.clear()
                if was and not self._stop.is_set():
                    self._on_state(False)
            self._stop.wait(RECONNECT_S)

    def _ours(self, payload: str) -> bool:
        try:
            note = json.loads(payload)
        except ValueError:
            return False
        return (isinstance(note, dict) and note.get("p") == self._project_id
                and note.get("o") != self._origin)

    def stop(self) -> None:
        """End the thread and its connection (within a quarter of a second, unless it is
        connecting to a server out of reach: then it is left to end by itself, a daemon)."""
        self._stop.set()
        self._thread.join(timeout=1)
