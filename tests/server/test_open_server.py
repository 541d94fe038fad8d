# ruff: noqa: F811 - the fixtures of tests/ui are imported by name
"""File ▸ Open from Server…: list a server's projects, open one; servers kept without passwords."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest

from app.dialogs.open_server import KEY_SERVERS, OpenServerDialog
from app.storage.server import parse_location
from tests.server.conftest import with_user
from tests.server.helpers import publish_sample
from tests.ui.conftest import private_settings, window  # noqa: F401


def test_listing_a_servers_projects_and_choosing_one(qtbot, pg_url, make_role):
    publish_sample(pg_url, "shop")[0].close()
    role, password = make_role("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
    typed = with_user(pg_url, role, password)
    dialog = OpenServerDialog()
    qtbot.addWidget(dialog)
    dialog.server.setEditText(typed)
    QTest.mouseClick(dialog.list_button, Qt.MouseButton.LeftButton)
    assert dialog.projects.count() == 1
    assert dialog.projects.item(0).text().startswith("shop — Cửa hàng trực tuyến Sen Việt")
    chosen = parse_location(dialog.url())
    assert chosen.project == "shop" and chosen.secret == password  # as typed, to open it
    assert chosen.display == parse_location(typed + "&project=shop").display
    remembered = QSettings().value(KEY_SERVERS)
    assert password not in str(remembered) and role in str(remembered)
    assert "project=" not in str(remembered)


def test_a_server_that_cannot_be_reached_is_said_in_the_dialog(qtbot):
    dialog = OpenServerDialog()
    qtbot.addWidget(dialog)
    dialog.server.setEditText("postgresql://me:topsecret@/db?host=/nonexistent-dir")
    QTest.mouseClick(dialog.list_button, Qt.MouseButton.LeftButton)
    assert dialog.projects.count() == 0
    assert dialog.message.text().startswith("cannot reach the server postgresql://me@/db")
    assert "topsecret" not in dialog.message.text()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Open).isEnabled()


def test_the_window_opens_the_chosen_project_and_remembers_it_without_a_password(
        window, qtbot, pg_url, monkeypatch, make_role):
    publish_sample(pg_url, "shop")[0].close()
    role, password = make_role(
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}")
    typed = with_user(pg_url, role, password)

    def run(dialog):
        dialog.server.setEditText(typed)
        assert dialog.list_projects()
        return OpenServerDialog.DialogCode.Accepted

    monkeypatch.setattr(OpenServerDialog, "exec", run)
    assert window.open_from_server()
    assert window.doc.project.title == "Cửa hàng trực tuyến Sen Việt"
    assert not window.doc.read_only
    recent = window.recent.paths()
    assert recent and recent[0].startswith(f"postgresql://{role}@/")
    assert recent[0].endswith("project=shop")
    assert all(password not in path for path in recent)
    # The start page offers it again by name.
    assert window.start_page.recent_list.item(0).text() == "shop (on the server localhost)"
