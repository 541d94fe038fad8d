# ruff: noqa: F811 - the fixtures of tests/ui are imported by name
"""The editor window on a server project: typing into a card someone just changed."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from app.storage.server import ServerStore
from tests.server.conftest import with_project, with_user
from tests.server.helpers import publish_sample, run_sql
from tests.ui.conftest import boxes, private_settings, type_text, window  # noqa: F401
from tests.ui.test_inspector import click_card

CONFLICT = "This card was changed by someone else a moment ago; your edit was not applied"


def test_typing_into_a_card_changed_meanwhile_is_refused_in_the_status_bar(
        window, qtbot, boxes, pg_url):
    publish_sample(pg_url)[0].close()
    url = with_project(pg_url, "sample")
    assert window.open_path(url)
    assert "[read-only]" not in window.windowTitle()
    card = window.journey.cards[0]
    # Someone else renames the card first.
    other, theirs = ServerStore.open(url)
    try:
        theirs.maps[0].cards[0].title = "Renamed by a colleague"
        other.write(theirs, [theirs, theirs.maps[0].cards[0]])
    finally:
        other.close()
    click_card(window, qtbot, card)
    field = window.inspector.field("title").widget
    QTest.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    field.selectAll()
    type_text(field, "X")
    assert window.statusBar().currentMessage() == CONFLICT
    assert boxes == []  # said in the status bar, no box
    assert card.title == "Renamed by a colleague"  # the server's card, not the stale one
    qtbot.waitUntil(lambda: field.text() == "Renamed by a colleague")
    assert window.doc.undo_stack.count() == 0
    assert run_sql(pg_url, f"SELECT title FROM card WHERE id = '{card.id}'"
                   ) == [("Renamed by a colleague",)]
    # Typing on goes through, on top of the colleague's version.
    field.selectAll()
    type_text(field, "Mine")
    assert run_sql(pg_url, f"SELECT title FROM card WHERE id = '{card.id}'") == [("Mine",)]


def test_a_reader_sees_why_the_project_opened_read_only(window, qtbot, pg_url, make_role):
    publish_sample(pg_url)[0].close()
    role, password = make_role("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
    assert window.open_path(with_project(with_user(pg_url, role, password), "sample"))
    assert "[read-only]" in window.windowTitle()
    message = window.statusBar().currentMessage()
    assert f"your role '{role}' may only read the projects" in message
    assert password not in message
    assert all(password not in path for path in window.recent.paths())


def test_the_window_says_when_the_server_is_away_and_back(window, qtbot, own_server):
    from tests.server.conftest import pg_script

    url, folder = own_server
    publish_sample(url)[0].close()
    assert window.open_path(with_project(url, "sample"))
    qtbot.waitUntil(lambda: window.doc.store.listening, timeout=10000)
    pg_script("halt", folder)
    qtbot.waitUntil(lambda: "[read-only]" in window.windowTitle(), timeout=10000)
    assert window.statusBar().currentMessage() == (
        "The server cannot be reached: the project is read-only until it is back.")
    assert not window.actions.undo.isEnabled() or window.doc.undo_stack.count() == 0
    pg_script("resume", folder)
    qtbot.waitUntil(lambda: "[read-only]" not in window.windowTitle(), timeout=15000)
    assert window.statusBar().currentMessage() == (
        "The server is back: the project can be edited again.")


def test_the_status_bar_shows_who_else_has_the_project_open(window, qtbot, pg_url,
                                                            make_role):
    from app.document.document import Document

    publish_sample(pg_url)[0].close()
    role, password = make_role("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
    assert window.open_path(with_project(pg_url, "sample"))
    label = window.status.presence
    assert not label.isVisible()
    other = Document.open(with_project(with_user(pg_url, role, password), "sample"))
    try:
        qtbot.waitUntil(lambda: other.store.listening, timeout=10000)
        window.doc.live.refresh_presence()
        assert label.isVisible() and label.text() == f"Also here: {role}"
    finally:
        other.close()
    window.doc.live.refresh_presence()
    assert not label.isVisible()
