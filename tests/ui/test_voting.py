"""Dot voting driven as a facilitator does: start a round, click and V dots, undo, close.

Every dot is one undo step; the cards draw their counts, the voting dock lists the top
cards and the dots left; a refusal is one line in the status bar.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox

from app.document.document import Document
from app.domain.model import LaneKind
from app.samples import build_sample
from tests.ui.conftest import focus_canvas, type_text
from tests.ui.modal import when_modal

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def sample(window):
    """The Vietnamese sample, in memory, at projector size."""
    window.resize(1280, 800)
    window.set_document(Document(build_sample()))
    return window


def pains(win):
    lanes = {ln.id for ln in win.journey.lanes if ln.kind == LaneKind.PAINS}
    return [c for c in win.journey.cards if c.lane_id in lanes]


def start_round_by_dialog(win, qtbot, title: str, dots: int, people: str) -> None:
    """Map ▸ Dot Voting ▸ Start a Voting Round…, filled in with the keyboard."""

    def fill(dialog) -> None:
        name = dialog.findChild(QLineEdit, "roundTitle")
        name.selectAll()
        QTest.keyClick(name, Qt.Key.Key_Backspace)
        type_text(name, title)
        spin = dialog.findChild(QSpinBox, "roundDots")
        spin.selectAll()
        QTest.keyClicks(spin, str(dots))
        type_text(dialog.findChild(QPlainTextEdit, "roundParticipants"), people)
        start = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Start Round")
        QTest.mouseClick(start, Qt.MouseButton.LeftButton)

    when_modal(fill)
    win.voting.start.trigger()


def pill_point(win, card) -> QPoint:
    """Where a card's dot pill is on the viewport (the card scrolled into view first)."""
    win.reveal(card.id)
    item = win.view.map_scene.cards[card.id]
    target = item.dot_target()
    assert target is not None
    return win.view.mapFromScene(item.mapToScene(target.center()))


def card_point(win, card) -> QPoint:
    item = win.view.map_scene.cards[card.id]
    return win.view.mapFromScene(item.mapToScene(item.card_rect().center()))


def test_a_round_takes_dots_by_click_and_v_within_the_limit_and_undo(sample, qtbot):
    win = sample
    voting = win.voting
    start_round_by_dialog(win, qtbot, "Ưu tiên", 2, "Lan\nMinh\n")
    round_ = win.journey.rounds[0]
    assert (round_.title, round_.dots_per_participant, round_.participants) == \
        ("Ưu tiên", 2, ["Lan", "Minh"])
    assert voting.shown is round_ and voting.participant == "Lan"
    assert win.voting.dock.isVisible()
    panel = voting.panel
    assert panel.heading.text() == "Ưu tiên · open"
    first, second = pains(win)[:2]
    item = win.view.map_scene.cards[first.id]
    assert item.dots == (0, True)  # an empty target while the round takes dots

    # A click on the card's dot pill: one dot for Lan, one undo step.
    steps = win.doc.undo_stack.index()
    QTest.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=pill_point(win, first))
    assert [(v.card_id, v.participant) for v in win.journey.votes] == [(first.id, "Lan")]
    assert win.doc.undo_stack.index() == steps + 1
    qtbot.waitUntil(lambda: item.dots == (1, True))
    assert panel.tally_lines() == [f"1. {first.title} — 1 dot"]
    assert "Lan: 1 left · Minh: 2 left" in panel.left.text()
    assert win.statusBar().currentMessage() == f"“{first.title}” now has 1 dot. Lan has 1 left."

    # Select the other card with a click, V: Lan's second and last dot.
    QTest.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=card_point(win, second))
    assert win.view.selected_entities() == [second]
    focus_canvas(win, qtbot)
    QTest.keyClick(win.view, Qt.Key.Key_V)
    assert len(win.journey.votes) == 2
    # Past the limit: refused in one line, nothing stacked.
    steps = win.doc.undo_stack.index()
    QTest.keyClick(win.view, Qt.Key.Key_V)
    assert len(win.journey.votes) == 2
    assert win.doc.undo_stack.index() == steps
    assert win.statusBar().currentMessage() == "Lan has no dots left in “Ưu tiên”."

    # Minh votes: chosen in the dock with the keyboard.
    panel.who.setFocus()
    QTest.keyClick(panel.who, Qt.Key.Key_Down)
    assert voting.participant == "Minh"
    focus_canvas(win, qtbot)
    QTest.keyClick(win.view, Qt.Key.Key_V)
    assert [v.participant for v in win.journey.votes if v.card_id == second.id] == \
        ["Lan", "Minh"]
    second_item = win.view.map_scene.cards[second.id]
    qtbot.waitUntil(lambda: second_item.dots == (2, True))
    qtbot.waitUntil(lambda: panel.tally_lines()[0] == f"1. {second.title} — 2 dots")

    # Shift+V takes Minh's dot back; again: Minh has none left on the card.
    QTest.keyClick(win.view, Qt.Key.Key_V, SHIFT)
    assert [v.participant for v in win.journey.votes if v.card_id == second.id] == ["Lan"]
    QTest.keyClick(win.view, Qt.Key.Key_V, SHIFT)
    assert win.statusBar().currentMessage() == "No dot of Minh on this card to take back."

    # Undo (Ctrl+Z) puts Minh's dot back, a second undo takes it away again… one per dot.
    QTest.keyClick(win.view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: second_item.dots == (2, True))
    QTest.keyClick(win.view, Qt.Key.Key_Z, CTRL)
    QTest.keyClick(win.view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: second_item.dots == (0, True))


def test_closing_freezes_the_round_and_reopening_takes_dots_again(sample, qtbot):
    win = sample
    voting = win.voting
    voting.start_round("Cả phòng", 3, [])  # anonymous dots
    card = pains(win)[0]
    point = pill_point(win, card)
    for _ in range(4):  # the room votes in turn: no total limit
        QTest.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    item = win.view.map_scene.cards[card.id]
    qtbot.waitUntil(lambda: item.dots == (4, True))
    assert "Anonymous dots: 3 per voter." in voting.panel.left.text()

    qtbot.mouseClick(voting.panel.close_button, Qt.MouseButton.LeftButton)
    assert win.journey.rounds[0].closed
    qtbot.waitUntil(lambda: item.dots == (4, False))
    assert voting.panel.heading.text() == "Cả phòng · closed"
    assert not voting.vote.isEnabled()
    QTest.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert len(win.journey.votes) == 4
    assert win.statusBar().currentMessage() == \
        "The round “Cả phòng” is closed: reopen it to take dots."
    other = pains(win)[1]
    qtbot.waitUntil(lambda: win.view.map_scene.cards[other.id].dots is None)  # nothing drawn

    menu = voting.rounds_menu
    menu.aboutToShow.emit()  # as opening Map ▸ Dot Voting ▸ Show Round does
    entries = {a.text(): a for a in menu.actions()}
    assert list(entries) == ["No Round (hide the dots)", "Cả phòng  (closed)"]
    entries["No Round (hide the dots)"].trigger()
    assert item.dots is None and voting.shown is None
    menu.aboutToShow.emit()
    {a.text(): a for a in menu.actions()}["Cả phòng  (closed)"].trigger()
    assert item.dots == (4, False)
    qtbot.mouseClick(voting.panel.reopen_button, Qt.MouseButton.LeftButton)
    assert not win.journey.rounds[0].closed
    QTest.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert len(win.journey.votes) == 5


def test_v_typed_into_a_card_while_voting_is_text(sample, qtbot):
    win = sample
    win.voting.start_round("R", 3, [])
    card = pains(win)[0]
    win.reveal(card.id)
    QTest.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=card_point(win, card))
    focus_canvas(win, qtbot)
    QTest.keyClick(win.view, Qt.Key.Key_Return)
    editor = win.view.editor
    assert editor is not None and editor.entity is card
    QTest.keyClick(editor, Qt.Key.Key_End)
    QTest.keyClicks(editor, " vV")  # through the shortcut map, as typed keys go
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert card.title.endswith(" vV")
    assert win.journey.votes == []


def test_dots_follow_a_switch_to_another_map_and_back(sample, qtbot):
    win = sample
    assert len(win.doc.project.maps) > 1
    first_map = win.map_id
    round_ = win.voting.start_round("R", 3, [])
    focus_canvas(win, qtbot)
    QTest.keyClick(win.view, Qt.Key.Key_PageDown, CTRL)  # Map ▸ Next Map: another scene
    assert win.map_id != first_map and win.voting.shown is None
    assert all(item.dots is None for item in win.view.map_scene.cards.values())
    QTest.keyClick(win.view, Qt.Key.Key_PageUp, CTRL)
    assert win.voting.shown is round_  # the map's open round is shown again
    card = pains(win)[0]
    QTest.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=pill_point(win, card))
    item = win.view.map_scene.cards[card.id]
    qtbot.waitUntil(lambda: item.dots == (1, True))


def test_no_round_chosen_stays_so_while_the_map_is_edited(sample, qtbot):
    from app.document import operations as ops

    win = sample
    voting = win.voting
    round_ = voting.start_round("R", 3, [])
    voting.show_round(None)
    card = pains(win)[0]
    ops.set_fields(win.doc, card, title="Sửa tiêu đề")
    for _ in range(3):  # the coalesced change arrives on a later turn of the loop
        QApplication.processEvents()
    assert voting.shown is None
    win.doc.undo()  # the title back
    win.doc.undo()  # the round's start undone…
    assert win.journey.rounds == []
    for _ in range(3):
        QApplication.processEvents()
    win.doc.redo()  # …and redone: shown again
    qtbot.waitUntil(lambda: voting.shown is not None and voting.shown.id == round_.id)


def test_a_voted_card_deleted_and_undone_shows_its_dots_and_edits_repaint_only_their_card(
        sample, qtbot, monkeypatch):
    from app.canvas.items.card import CardItem
    from app.document import operations as ops
    from app.document.operations_links import add_vote

    win = sample
    start_round_by_dialog(win, qtbot, "Ưu tiên", 3, "")
    round_ = win.journey.rounds[0]
    first, second = pains(win)[:2]
    add_vote(win.doc, round_, first)
    add_vote(win.doc, round_, first)
    qtbot.waitUntil(lambda: win.view.map_scene.cards[first.id].dots == (2, True))
    painted = []
    real = CardItem.set_dots
    monkeypatch.setattr(CardItem, "set_dots",
                        lambda item, dots: (painted.append(item.card.id), real(item, dots)))
    add_vote(win.doc, round_, second)  # one dot: only its card is painted again
    qtbot.waitUntil(lambda: win.view.map_scene.cards[second.id].dots == (1, True))
    assert set(painted) == {second.id}
    painted.clear()
    ops.set_fields(win.doc, second, title="Phí giao hàng cao")  # not a vote: no card's dots
    qtbot.wait(20)
    assert first.id not in painted and len(set(painted)) <= 1
    ops.remove(win.doc, [first])  # its dots go with it…
    qtbot.waitUntil(lambda: first.id not in win.view.map_scene.cards)
    win.doc.undo()  # …and come back with the new item
    qtbot.waitUntil(lambda: first.id in win.view.map_scene.cards)
    qtbot.waitUntil(lambda: win.view.map_scene.cards[first.id].dots == (2, True))


def test_a_card_added_while_a_round_is_open_shows_an_empty_dot_target(sample, qtbot):
    from app.document import operations as ops

    win = sample
    start_round_by_dialog(win, qtbot, "Ưu tiên", 3, "")
    journey = win.journey
    lane = next(ln for ln in journey.lanes if ln.kind == LaneKind.PAINS)
    card = ops.add_card(win.doc, journey, journey.stages[0].id, lane.id, title="Mới")
    qtbot.waitUntil(lambda: card.id in win.view.map_scene.cards)
    assert win.view.map_scene.cards[card.id].dots == (0, True)


def test_the_hidden_dock_catches_up_when_shown(sample, qtbot, monkeypatch):
    from app.document.operations_links import add_vote
    from app.ui import voting_panel

    win = sample
    start_round_by_dialog(win, qtbot, "Ưu tiên", 3, "")
    round_, panel = win.journey.rounds[0], win.voting.panel
    first = pains(win)[0]
    win.voting.dock.hide()
    qtbot.waitUntil(lambda: not panel.isVisible())
    tallied = []
    real = voting_panel.top_voted
    monkeypatch.setattr(voting_panel, "top_voted",
                        lambda *a, **k: tallied.append(1) or real(*a, **k))
    add_vote(win.doc, round_, first)
    qtbot.wait(20)
    assert tallied == []  # hidden: the tally is not worked out for nobody
    win.voting.dock.show()
    qtbot.waitUntil(lambda: panel.tally_lines() == [f"1. {first.title} — 1 dot"])


def test_the_insights_list_the_top_voted_cards_as_dots_go_on(sample, qtbot):
    from app.ui.insights_panel import InsightsPanel

    win = sample
    panel = InsightsPanel(win.doc, win.journey.id)
    qtbot.addWidget(panel)
    panel.resize(320, 900)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.votes_section.empty.isVisible()
    start_round_by_dialog(win, qtbot, "Sửa gì trước", 3, "")
    lanes = {ln.id: ln.kind for ln in win.journey.lanes}
    opportunity = next(c for c in win.journey.cards if lanes[c.lane_id] == LaneKind.OPPORTUNITIES)
    pain = pains(win)[0]
    QTest.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=card_point(win, opportunity))
    focus_canvas(win, qtbot)
    QTest.keyClick(win.view, Qt.Key.Key_V)
    QTest.keyClick(win.view, Qt.Key.Key_V)
    QTest.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=pill_point(win, pain))
    stage = {s.id: s.title for s in win.journey.stages}
    qtbot.waitUntil(lambda: panel.top_voted.texts() == [
        "Opportunities", f"● 2  {opportunity.title} · {stage[opportunity.stage_id]}",
        "Pains", f"● 1  {pain.title} · {stage[pain.stage_id]}"])
    assert panel.votes_section.hint.text() == "Round “Sửa gì trước”, 3 dots in all · open"
    assert not panel.votes_section.empty.isVisible()
    QTest.keyClick(win.view, Qt.Key.Key_Z, CTRL)  # the pain's dot
    qtbot.waitUntil(lambda: panel.top_voted.texts() == [
        "Opportunities", f"● 2  {opportunity.title} · {stage[opportunity.stage_id]}"])
