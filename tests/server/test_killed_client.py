"""A client killed (kill -9) in the middle of a write: the server keeps nothing of it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from app.storage.server import ServerStore
from tests.server.conftest import with_project
from tests.server.helpers import publish_sample, run_sql

ROOT = Path(__file__).resolve().parents[2]

# Writes two rows, then stops inside the transaction (before COMMIT) and waits there.
CHILD = """
import sys, time
from app.storage.server import ServerStore
from app.storage.server import rows

real = rows.apply

def apply_then_hang(*args, **kwargs):
    done = real(*args, **kwargs)
    print("inside", flush=True)
    time.sleep(600)
    return done

rows.apply = apply_then_hang
store, project = ServerStore.open(sys.argv[1])
journey = project.maps[0]
journey.stages[0].title = "Half-written stage"
journey.cards[0].title = "Half-written card"
store.write(project, [project, journey.stages[0], journey.cards[0]])
"""


def test_a_client_killed_inside_its_write_leaves_nothing_and_no_lock(pg_url):
    publish_sample(pg_url)[0].close()
    url = with_project(pg_url, "sample")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", CHILD, url], stdout=subprocess.PIPE,
                             text=True, env=env)
    try:
        assert child.stdout.readline().strip() == "inside"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    titles = run_sql(pg_url, "SELECT title FROM stage UNION ALL SELECT title FROM card")
    assert ("Half-written stage",) not in titles and ("Half-written card",) not in titles
    # Its row locks went with it: the same rows take a write at once (a lock still held
    # would fail this write after 5 s rather than hang the test).
    store, project = ServerStore.open(url + "&options=-c%20lock_timeout%3D5000")
    try:
        journey = project.maps[0]
        journey.cards[0].title = "After the crash"
        store.write(project, [project, journey.cards[0]])
    finally:
        store.close()
    card_id = journey.cards[0].id
    assert run_sql(pg_url, f"SELECT title FROM card WHERE id = '{card_id}'"
                   ) == [("After the crash",)]
