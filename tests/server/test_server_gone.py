"""The server stopped in the middle of a session: a clear error, nothing half-written."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.storage import StorageError
from app.storage.server import ServerStore
from tests.server.conftest import ENV, with_project
from tests.server.helpers import publish_sample

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "pg_cluster.sh"


@pytest.fixture
def own_server():
    """A server of this test's own (the shared one keeps serving the others)."""
    if not os.environ.get(ENV):
        pytest.skip(f"no PostgreSQL server ({ENV} unset)")
    out = subprocess.run(["bash", str(SCRIPT), "start"], capture_output=True, text=True,
                         check=True).stdout
    values = dict(line.removeprefix("export ").split("=", 1) for line in out.splitlines())
    url, folder = (values[k].strip("'") for k in (ENV, f"{ENV}_DIR"))
    try:
        yield url, folder
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", folder], check=False)


def _script(*args: str) -> None:
    subprocess.run(["bash", str(SCRIPT), *args], check=True, stdout=sys.stderr)


def test_a_write_while_the_server_is_down_fails_whole_and_the_next_one_reconnects(own_server):
    url, folder = own_server
    publish_sample(url)[0].close()
    store, project = ServerStore.open(with_project(url, "sample"))
    try:
        journey = project.maps[0]
        original = (journey.stages[0].title, journey.cards[0].title)
        _script("halt", folder)
        journey.stages[0].title = "Written while the server is down"
        journey.cards[0].title = "Also while down"
        with pytest.raises(StorageError) as caught:
            store.write(project, [project, journey.stages[0], journey.cards[0]])
        message = str(caught.value)
        assert message.startswith("cannot reach the server postgresql://")
        assert "\n" not in message
        _script("resume", folder)
        # Back: the store reconnects by itself; the failed write left nothing behind.
        check, now = ServerStore.open(with_project(url, "sample"), read_only=True)
        check.close()
        assert (now.maps[0].stages[0].title, now.maps[0].cards[0].title) == original
        journey.stages[0].title, journey.cards[0].title = original
        journey.cards[1].title = "After the restart"
        store.write(project, [project, journey.cards[1]])
    finally:
        store.close()
    check, now = ServerStore.open(with_project(url, "sample"), read_only=True)
    check.close()
    assert now.maps[0].cards[1].title == "After the restart"
