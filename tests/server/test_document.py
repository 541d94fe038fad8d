"""The editor's document on a server project: conflicts roll back and show the server's state."""

from __future__ import annotations

import pytest

from app.document import operations
from app.document.document import Document
from app.storage.server import ServerStore
from tests.server.conftest import with_project, with_user
from tests.server.helpers import publish_sample, run_sql

CONFLICT = "This card was changed by someone else a moment ago; your edit was not applied"


@pytest.fixture
def two_docs(qapp, pg_url):
    publish_sample(pg_url)[0].close()
    url = with_project(pg_url, "sample")
    docs = [Document.open(url), Document.open(url)]
    yield docs
    for doc in docs:
        doc.close()


def _card(doc: Document, index: int = 0):
    return doc.project.maps[0].cards[index]


def test_a_stale_edit_is_refused_rolled_back_and_the_card_shows_the_other_edit(two_docs,
                                                                                pg_url):
    mine, theirs = two_docs
    ok, _ = mine.attempt(lambda: operations.edit_text(mine, _card(mine), "title", "Mine"))
    assert ok
    heard = []
    theirs.changed.connect(heard.append)
    failures = []
    theirs.failed.connect(failures.append)
    ok, _ = theirs.attempt(lambda: operations.edit_text(theirs, _card(theirs), "body",
                                                       "Theirs, on an old copy"))
    assert not ok
    assert failures and failures[0].message == CONFLICT and failures[0].refused
    # Rolled back, then brought up to the server: the other edit shows, theirs is gone.
    assert _card(theirs).title == "Mine"
    assert _card(theirs).body != "Theirs, on an old copy"
    assert theirs.undo_stack.count() == 0
    assert any(c.entity is _card(theirs) and "title" in c.fields for batch in heard
               for c in batch)
    rows = run_sql(pg_url, f"SELECT title, body FROM card WHERE id = '{_card(mine).id}'")
    assert rows == [("Mine", _card(mine).body)]
    # Now on the server's version, the same edit goes through.
    ok, _ = theirs.attempt(lambda: operations.edit_text(theirs, _card(theirs), "body",
                                                       "Theirs, again"))
    assert ok
    assert run_sql(pg_url, f"SELECT body FROM card WHERE id = '{_card(mine).id}'"
                   ) == [("Theirs, again",)]


def test_edits_of_different_cards_both_land_and_undo_writes_through(two_docs, pg_url):
    mine, theirs = two_docs
    assert mine.attempt(lambda: operations.edit_text(mine, _card(mine, 0), "title", "A"))[0]
    assert theirs.attempt(lambda: operations.edit_text(theirs, _card(theirs, 1), "title",
                                                      "B"))[0]
    first, second = _card(mine, 0).id, _card(mine, 1).id
    titles = dict(run_sql(pg_url, f"SELECT id, title FROM card WHERE id IN ('{first}', "
                                  f"'{second}')"))
    assert titles == {first: "A", second: "B"}
    assert isinstance(mine.store, ServerStore)
    assert mine.attempt(mine.undo)[0]
    assert run_sql(pg_url, f"SELECT title FROM card WHERE id = '{first}'")[0][0] != "A"


def test_an_edit_of_a_card_someone_deleted_takes_it_out_of_the_map(two_docs):
    mine, theirs = two_docs
    card = _card(mine)
    assert mine.attempt(lambda: operations.remove(mine, [card]))[0]
    stale = next(c for c in theirs.project.maps[0].cards if c.id == card.id)
    failures = []
    theirs.failed.connect(failures.append)
    ok, _ = theirs.attempt(lambda: operations.edit_text(theirs, stale, "title", "Too late"))
    assert not ok
    assert failures[0].message.startswith("This card was deleted by someone else")
    assert all(c.id != card.id for c in theirs.project.maps[0].cards)


def test_a_role_that_may_only_read_opens_a_read_only_document(qapp, pg_url, make_role):
    publish_sample(pg_url)[0].close()
    role, password = make_role("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
    doc = Document.open(with_project(with_user(pg_url, role, password), "sample"))
    try:
        assert doc.read_only
        assert password not in doc.path
        ok, _ = doc.attempt(lambda: operations.edit_text(doc, _card(doc), "title", "No"))
        assert not ok and "read-only" in doc.last_failure.message
    finally:
        doc.close()


def test_undoing_a_change_someone_has_changed_since_is_refused_and_stays_refused(two_docs,
                                                                                  pg_url):
    mine, theirs = two_docs
    assert mine.attempt(lambda: operations.edit_text(mine, _card(mine), "title", "Mine"))[0]
    theirs.attempt(lambda: operations.edit_text(theirs, _card(theirs), "title", "x"))
    assert _card(theirs).title == "Mine"  # refused once, and reloaded
    assert theirs.attempt(lambda: operations.edit_text(theirs, _card(theirs), "title",
                                                      "Theirs"))[0]
    ok, _ = mine.attempt(mine.undo)
    assert not ok and mine.last_failure.message == CONFLICT
    assert _card(mine).title == "Theirs"  # their version shows
    ok, _ = mine.attempt(mine.undo)  # again: refused without a try, nothing overwritten
    assert not ok
    assert mine.last_failure.message == ("Undo is not possible: someone else has changed what "
                                         "this step changed since; it would overwrite their "
                                         "work")
    card_id = _card(mine).id
    assert run_sql(pg_url, f"SELECT title FROM card WHERE id = '{card_id}'") == [("Theirs",)]
    assert mine.undo_stack.index() == 1  # the step stays where it was
