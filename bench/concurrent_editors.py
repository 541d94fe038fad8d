"""Many editors (processes) on one server map at once: no acknowledged edit lost or overwritten.

    eval "$(bash scripts/pg_cluster.sh start)"
    .venv/bin/python bench/concurrent_editors.py --editors 20 --seconds 60

Each editor process opens the project and, until its time or edit count is up, retitles
random cards of the first map (a pool small enough that editors collide), with a
catch-up of others' changes now and then (as the editor's live sync does). Every write
is acknowledged with the row version it produced, or refused (ConflictError) and
reported, then that card is fetched again. At the end the check holds when, for every
card, every acknowledged write produced exactly the version after the one it was made
on (none was applied over a change it had not seen), no two claim one version, and the
server holds the title of the acknowledged write with the highest version (the last one
is kept). tests/server/test_concurrent.py runs it small.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

POOL = 12  # cards edited: few, so that editors collide often


def editor(url: str, number: int, seconds: float, edits: int) -> None:
    """One editor's loop; prints one JSON line per outcome."""
    from app.domain.model import Card
    from app.storage.server import ConflictError, ServerStore

    rng = random.Random(number)
    store, project = ServerStore.open(url)
    cards = project.maps[0].cards[:POOL]
    deadline = time.monotonic() + seconds
    done = 0
    try:
        while time.monotonic() < deadline and done < edits:
            index = rng.randrange(len(cards))
            card = cards[index]
            title = f"editor {number} edit {done}"
            old = card.title
            base = store.version_of(Card, card.id)  # the version this edit is made on
            card.title = title
            try:
                store.write(project, [card])
            except ConflictError:
                card.title = old
                fresh = store.fetch(Card, card.id)
                if fresh is not None:
                    project.maps[0].cards[project.maps[0].cards.index(card)] = fresh
                    cards[index] = fresh
                print(json.dumps({"refused": card.id}), flush=True)
            else:
                print(json.dumps({"id": card.id, "base": base,
                                  "v": store.version_of(Card, card.id), "title": title}),
                      flush=True)
            done += 1
    finally:
        store.close()


def run(url: str, editors: int, seconds: float, edits: int) -> dict[str, int]:
    """Start the editors, wait for them, check the server; the counts (raises on a loss)."""
    from app.storage.server import ServerStore

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    children = [subprocess.Popen(
        [sys.executable, __file__, "--child", str(n), "--seconds", str(seconds),
         "--edits", str(edits), url], stdout=subprocess.PIPE, text=True, env=env)
        for n in range(editors)]
    acked: dict[str, dict[int, str]] = {}
    refused = overwritten = 0
    for child in children:
        out, _ = child.communicate(timeout=seconds + 120)
        if child.returncode != 0:
            raise SystemExit(f"error: an editor failed (exit {child.returncode})")
        for line in out.splitlines():
            outcome = json.loads(line)
            if "refused" in outcome:
                refused += 1
                continue
            versions = acked.setdefault(outcome["id"], {})
            # A write made on version n must produce n + 1: a higher one means it was
            # applied over a change it had not seen (a silent overwrite).
            if outcome["v"] in versions or outcome["v"] != outcome["base"] + 1:
                overwritten += 1
            versions[outcome["v"]] = outcome["title"]
    store, project = ServerStore.open(url, read_only=True)
    store.close()
    final = {card.id: card.title for card in project.maps[0].cards}
    lost = sum(1 for card_id, versions in acked.items()
               if final[card_id] != versions[max(versions)])
    return {"acknowledged": sum(len(v) for v in acked.values()), "refused": refused,
            "overwritten": overwritten, "lost": lost}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", nargs="?", help="a database URL (default: a new database "
                        "on $JOURNEY_STUDIO_TEST_PG, dropped after)")
    parser.add_argument("--editors", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--edits", type=int, default=10**9, help="at most this many each")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        editor(args.url, args.child, args.seconds, args.edits)
        return 0
    import psycopg

    from app.samples import build_sample
    from app.storage.server import ServerStore
    from tests.server.conftest import with_database, with_project

    server = os.environ.get("JOURNEY_STUDIO_TEST_PG")
    if not server:
        print("error: set JOURNEY_STUDIO_TEST_PG (bash scripts/pg_cluster.sh start)",
              file=sys.stderr)
        return 2
    name = f"editors_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        base = with_database(server, name)
        ServerStore.create(base, build_sample(), name="shared").close()
        start = time.perf_counter()
        report = run(with_project(base, "shared"), args.editors, args.seconds, args.edits)
        print(f"{args.editors} editors, {time.perf_counter() - start:.0f} s: {report}")
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return 0 if report["lost"] == 0 and report["overwritten"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
