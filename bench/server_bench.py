"""The server store on loopback: open a 5,000-card project, one card edit committed, and
how long until another store has fetched it (NOTIFY, then the version scan).

    eval "$(bash scripts/pg_cluster.sh start)"
    .venv/bin/python bench/server_bench.py            # uses $JOURNEY_STUDIO_TEST_PG

Publishes into a fresh database (dropped afterwards); prints the median and p95 of
opening, of one edit's write (a card title plus the project's stamp; 200 edits), and of
the time from that write's start to the other store holding the new title (50 edits).
"""

from __future__ import annotations

import os
import statistics
import sys
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg  # noqa: E402

from app.storage.server import ServerStore  # noqa: E402
from tests.server.conftest import with_database, with_project  # noqa: E402
from tests.storage.helpers import big_project  # noqa: E402


def p95(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.95) - 1]


def main() -> int:
    server = os.environ.get("JOURNEY_STUDIO_TEST_PG")
    if not server:
        print("error: set JOURNEY_STUDIO_TEST_PG (bash scripts/pg_cluster.sh start)",
              file=sys.stderr)
        return 2
    name = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        url = with_database(server, name)
        project = big_project(5000)
        start = time.perf_counter()
        ServerStore.create(url, project, name="big").close()
        print(f"publish 5,000 cards: {time.perf_counter() - start:.2f} s")
        opens = []
        for _ in range(5):
            start = time.perf_counter()
            store, project = ServerStore.open(with_project(url, "big"))
            opens.append(time.perf_counter() - start)
            store.close()
        print(f"open: median {statistics.median(opens) * 1000:.0f} ms, "
              f"max {max(opens) * 1000:.0f} ms")
        store, project = ServerStore.open(with_project(url, "big"))
        edits = []
        cards = project.maps[0].cards
        for i in range(200):
            card = cards[i % len(cards)]
            card.title = f"edit {i}"
            project.modified = f"2026-12-02T10:00:{i % 60:02d}+00:00"
            start = time.perf_counter()
            store.write(project, [project, card])
            edits.append(time.perf_counter() - start)
        print(f"one edit: median {statistics.median(edits) * 1000:.1f} ms, "
              f"p95 {p95(edits) * 1000:.1f} ms")
        other, _ = ServerStore.open(with_project(url, "big"))
        heard = threading.Event()
        other.listen(heard.set)
        heard.wait(10)
        other.remote_changes()
        seen = []
        for i in range(50):
            heard.clear()
            card = cards[i]
            card.title = f"seen {i}"
            start = time.perf_counter()
            store.write(project, [project, card])
            if not heard.wait(10):
                raise SystemExit("error: the other store heard nothing in 10 s")
            found = other.remote_changes()
            assert any(e.title == card.title for _, e, _ in found.changed)
            seen.append(time.perf_counter() - start)
        other.close()
        store.close()
        print(f"seen by another store: median {statistics.median(seen) * 1000:.1f} ms, "
              f"p95 {p95(seen) * 1000:.1f} ms")
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    sys.exit(main())
