"""The server stopped in the middle of a session: a clear error, nothing half-written."""

import pytest

from app.storage import StorageError
from app.storage.server import ServerStore
from tests.server.conftest import pg_script, with_project
from tests.server.helpers import publish_sample


def test_a_write_while_the_server_is_down_fails_whole_and_the_next_one_reconnects(own_server):
    url, folder = own_server
    publish_sample(url)[0].close()
    store, project = ServerStore.open(with_project(url, "sample"))
    try:
        journey = project.maps[0]
        original = (journey.stages[0].title, journey.cards[0].title)
        pg_script("halt", folder)
        journey.stages[0].title = "Written while the server is down"
        journey.cards[0].title = "Also while down"
        with pytest.raises(StorageError) as caught:
            store.write(project, [project, journey.stages[0], journey.cards[0]])
        message = str(caught.value)
        assert message.startswith("cannot reach the server postgresql://")
        assert "\n" not in message
        pg_script("resume", folder)
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


def test_an_editor_goes_read_only_while_the_server_is_away_and_catches_up_after(
        own_server, qapp, qtbot):
    from app.document import operations
    from app.document.document import Document

    url, folder = own_server
    publish_sample(url)[0].close()
    doc = Document.open(with_project(url, "sample"))
    try:
        qtbot.waitUntil(lambda: doc.store.listening, timeout=10000)
        told = []
        doc.offline_changed.connect(told.append)
        pg_script("halt", folder)
        qtbot.waitUntil(lambda: doc.offline, timeout=10000)
        assert doc.read_only and told == [True]
        card = doc.project.maps[0].cards[0]
        ok, _ = doc.attempt(lambda: operations.edit_text(doc, card, "title", "While away"))
        assert not ok
        assert doc.last_failure.message == ("The server cannot be reached; the project is "
                                            "read-only until it is back")
        pg_script("resume", folder)
        # Someone writes as soon as the server is back; this editor reconnects, catches up
        # and may edit again.
        other, theirs = ServerStore.open(with_project(url, "sample"))
        theirs.maps[0].cards[1].title = "Written by someone after the restart"
        other.write(theirs, [theirs, theirs.maps[0].cards[1]])
        other.close()
        qtbot.waitUntil(lambda: not doc.offline, timeout=15000)
        assert not doc.read_only and told == [True, False]
        qtbot.waitUntil(lambda: doc.project.maps[0].cards[1].title
                        == "Written by someone after the restart", timeout=10000)
        assert doc.attempt(lambda: operations.edit_text(doc, card, "title", "Back"))[0]
    finally:
        doc.close()
