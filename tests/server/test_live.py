"""Other people's changes reach an open store: NOTIFY at commit, then a catch-up scan."""

from __future__ import annotations

import threading
import time

from app.domain.model import Card, Stage
from app.storage.server import ServerStore
from app.storage.server.live import Listener
from tests.server.conftest import with_project
from tests.server.helpers import publish_sample


def _heard(store: ServerStore) -> threading.Event:
    event = threading.Event()
    store.listen(event.set)
    assert event.wait(10)  # the first call: LISTEN is in force, catch up once
    event.clear()
    return event


def test_a_write_by_one_store_is_heard_by_the_other_and_scanned_as_changed(pg_url):
    publish_sample(pg_url)[0].close()
    url = with_project(pg_url, "sample")
    first, mine = ServerStore.open(url)
    second, theirs = ServerStore.open(url)
    try:
        heard = _heard(second)
        assert second.remote_changes().empty()
        mine.maps[0].cards[0].title = "From the first"
        first.write(mine, [mine, mine.maps[0].cards[0]])
        assert heard.wait(10)
        found = second.remote_changes()
        changed = {(cls, entity.id): entity for cls, entity, _ in found.changed}
        card = changed[(Card, mine.maps[0].cards[0].id)]
        assert card.title == "From the first"
        assert not found.removed
        # Known now: the second store's edit of that card goes through.
        theirs.maps[0].cards[0] = card
        card.title = "Then the second"
        second.write(theirs, [theirs, card])
    finally:
        first.close()
        second.close()


def test_a_store_does_not_hear_its_own_writes(pg_url):
    store, project = publish_sample(pg_url)
    try:
        # Its own write leaves nothing to fetch: it knows the versions it wrote.
        project = store.reload()
        project.maps[0].cards[0].title = "Mine"
        store.write(project, [project, project.maps[0].cards[0]])
        assert store.remote_changes().empty()
    finally:
        store.close()
    # And its listener drops notifications that carry its own origin or another project.
    listener = Listener.__new__(Listener)
    listener._project_id, listener._origin = "p1", "me"
    assert listener._ours('{"p": "p1", "o": "someone"}')
    assert not listener._ours('{"p": "p1", "o": "me"}')
    assert not listener._ours('{"p": "p2", "o": "someone"}')
    assert not listener._ours("not json")


def test_a_reorder_and_a_deletion_show_in_the_scan(pg_url):
    publish_sample(pg_url)[0].close()
    url = with_project(pg_url, "sample")
    first, mine = ServerStore.open(url)
    second, _ = ServerStore.open(url)
    try:
        journey = mine.maps[0]
        journey.stages.append(journey.stages.pop(0))  # the first stage goes last
        first.write(mine, [mine, journey.stages[-1]])
        gone = journey.cards.pop(0)
        first.write(mine, [mine], [gone])
        found = second.remote_changes()
        places = {entity.id: known.values["seq"] for cls, entity, known in found.changed
                  if cls is Stage}
        assert places[journey.stages[-1].id] == len(journey.stages) - 1
        assert (Card, gone.id) in found.removed
    finally:
        first.close()
        second.close()


def test_present_lists_the_other_sessions_listening_on_the_project(pg_url, make_role):
    from tests.server.conftest import with_user

    publish_sample(pg_url)[0].close()
    from app.domain.templates import new_project

    # Someone on another project is not listed.
    ServerStore.create(pg_url, new_project("awareness-5", "en", "Other"), name="another").close()
    role, password = make_role("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
    url = with_project(pg_url, "sample")
    mine, _ = ServerStore.open(url)
    reader, _ = ServerStore.open(with_project(with_user(pg_url, role, password), "sample"))
    elsewhere, _ = ServerStore.open(with_project(pg_url, "another"))
    try:
        for store in (mine, reader, elsewhere):
            _heard(store)
        assert mine.present() == [role]  # not itself, not the other project's
        assert reader.present() == ["journey"]
        reader.close()
        # The server ends the closed session's backend a moment later, not at once.
        deadline = time.monotonic() + 10
        while mine.present() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert mine.present() == []
    finally:
        for store in (mine, reader, elsewhere):
            store.close()
