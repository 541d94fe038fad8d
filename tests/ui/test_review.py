"""The review tools reach the user: Map menu entries, persona card, compare, insights dock."""

from __future__ import annotations

from app.dialogs import channels_dialog, persona_dialog, snapshot_dialogs
from app.document import operations
from app.ui import compare_window, review


def _menu_texts(window) -> list[str]:
    return [a.text().replace("&", "") for a in window.actions.menus["map"].actions()]


def test_map_menu_offers_every_review_tool(opened):
    texts = _menu_texts(opened)
    for wanted in ("Personas…", "Channels…", "Take Snapshot…", "Snapshots…", "Compare Maps…",
                   "Insights"):
        assert wanted in texts
    assert all(a.isEnabled() for a in opened.review.actions())


def test_tools_open_with_the_document_and_map_in_view(opened, monkeypatch):
    calls = []
    # The dialogs' modules are imported when a tool is first used (cold start).
    for module, name in ((persona_dialog, "edit_personas"), (channels_dialog, "edit_channels"),
                         (snapshot_dialogs, "manage_snapshots")):
        monkeypatch.setattr(module, name, lambda *args, _n=name: calls.append((_n, args)))
    monkeypatch.setattr(snapshot_dialogs, "take_snapshot",
                        lambda *args: calls.append(("snap", args)))
    opened.review.personas.trigger()
    opened.review.channels.trigger()
    opened.review.take_snapshot.trigger()
    opened.review.snapshots.trigger()
    assert [c[0] for c in calls] == ["edit_personas", "edit_channels", "snap",
                                     "manage_snapshots"]
    assert calls[0][1][1:] == (opened.doc, opened.map_id)
    assert calls[2][1][1:] == (opened.doc, opened.map_id)


def test_double_clicked_persona_card_opens_that_persona(opened, monkeypatch):
    from app.domain.model import Persona

    persona = operations.add_persona(opened.doc, Persona(name="Chị Lan"))
    opened_ids = []
    monkeypatch.setattr(persona_dialog, "edit_persona",
                        lambda parent, doc, pid: opened_ids.append(pid))
    monkeypatch.setattr(persona_dialog, "edit_personas",
                        lambda *args: opened_ids.append("manager"))
    opened.view.persona_activated.emit(persona.id)
    opened.view.persona_activated.emit("")
    assert opened_ids == [persona.id, "manager"]


def test_compare_pairs_a_map_with_its_future_state(opened, monkeypatch):
    doc, journey = opened.doc, opened.journey
    assert review.compare_partner(doc.project, journey) is None or len(doc.project.maps) > 1
    future = operations.create_future_state(doc, journey)
    assert review.compare_partner(doc.project, journey) == future.id
    assert review.compare_partner(doc.project, future) == journey.id
    shown = []
    monkeypatch.setattr(compare_window, "open_compare",
                        lambda parent, d, left, right: shown.append((left, right)))
    opened.review.compare.trigger()
    opened.switch_map(future.id)
    opened.review.compare.trigger()
    assert shown == [(journey.id, future.id), (journey.id, future.id)]


def test_insights_dock_follows_the_map_in_view(opened, qtbot):
    dock = opened.review.insights_dock
    assert dock.isHidden()
    dock.toggleViewAction().trigger()
    assert dock.isVisible()
    panel = opened.review.panel
    assert panel.heading.text() == opened.journey.name
    future = operations.create_future_state(opened.doc, opened.journey)
    opened.switch_map(future.id)
    assert panel.heading.text() == future.name


def test_map_properties_opens_the_dialog_on_the_map_in_view(opened, monkeypatch):
    from app.dialogs import map_properties

    seen = []
    monkeypatch.setattr(map_properties, "edit_map_properties",
                        lambda parent, doc, map_id: seen.append((doc, map_id)))
    opened.actions.map_properties.trigger()
    assert seen == [(opened.doc, opened.map_id)]
