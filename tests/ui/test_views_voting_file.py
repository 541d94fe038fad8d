"""Saved views and voting rounds kept in the .cjm file: reopened, they are all there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.document.document import Document
from app.domain.model import Filter, LaneKind
from app.samples import build_sample
from tests.ui.conftest import on_disk
from tests.ui.test_voting import pains, pill_point


def test_views_rounds_and_dots_survive_reopening_the_file(window, qtbot, tmp_path):
    path = tmp_path / "mau.cjm"
    Document.create(str(path), build_sample()).close()
    window.resize(1280, 800)
    assert window.open_path(str(path))
    win = window
    journey = win.journey
    pains_lane = next(ln for ln in journey.lanes if ln.kind == LaneKind.PAINS)
    win.map_focus.set_filter(Filter(lane_kinds=frozenset({LaneKind.PAINS})))
    win.map_focus.set_hide(True)
    assert win.saved_views.save_as("Điểm đau") is not None
    round_ = win.voting.start_round("Ưu tiên", 2, ["Lan", "Minh"])
    assert round_ is not None
    card = pains(win)[0]
    QTest.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=pill_point(win, card))
    win.voting.set_participant("Minh")
    QTest.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=pill_point(win, card))
    win.voting.close_shown()
    assert win.statusBar().currentMessage() == "Round “Ưu tiên” closed."

    saved = on_disk(str(path)).map(journey.id)
    (view,) = saved.views
    assert view.name == "Điểm đau" and view.hide
    assert view.filter == Filter(lane_kinds=frozenset({LaneKind.PAINS}))
    (kept,) = saved.rounds
    assert (kept.title, kept.participants, kept.closed) == ("Ưu tiên", ["Lan", "Minh"], True)
    assert sorted(v.participant for v in saved.votes) == ["Lan", "Minh"]

    win.set_document(None)
    assert win.open_path(str(path))
    win.saved_views.fill_menu()
    assert "&1 Điểm đau" in [a.text() for a in win.saved_views.menu.actions()]
    win.saved_views.quick[0].trigger()
    hidden = {i for i, it in win.view.map_scene.cards.items() if not it.isVisibleTo(None)}
    assert hidden == {c.id for c in win.journey.cards if c.lane_id != pains_lane.id}
    win.voting.show_round(kept.id)  # a closed round is not shown by itself
    item = win.view.map_scene.cards[card.id]
    qtbot.waitUntil(lambda: item.dots == (2, False))
    assert win.voting.panel.heading.text() == "Ưu tiên · closed"
