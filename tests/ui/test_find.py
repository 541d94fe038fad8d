"""The find bar, driven by keys as a facilitator uses it: Ctrl+F, typing, F3, Enter, Esc."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.canvas.highlight import DIMMED
from app.document import operations as ops
from app.document.document import Document
from app.samples import build_sample
from tests.ui.conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def vi(window, tmp_path):
    """The window at projector size with the Vietnamese sample open."""
    path = tmp_path / "mau.cjm"
    Document.create(str(path), build_sample()).close()
    window.resize(1280, 800)
    assert window.open_path(str(path))
    return window


def open_bar(win, qtbot):
    qtbot.keyClick(win.view, Qt.Key.Key_F, CTRL)
    bar = win.find_bar
    assert bar.isVisible()
    assert bar.field.hasFocus()
    return bar


def faint(win) -> set[str]:
    return {i for i, item in win.view.map_scene.cards.items() if item.opacity() < 1}


def in_view(win, entity_id: str) -> bool:
    item = win.view.map_scene.cards[entity_id]
    shown = win.view.mapFromScene(item.mapRectToScene(item.card_rect())).boundingRect()
    return win.view.viewport().rect().contains(shown)


def test_ctrl_f_finds_khach_hang_without_diacritics_and_dims_the_rest(vi, qtbot):
    bar = open_bar(vi, qtbot)
    type_text(bar.field, "khach hang")
    journey = vi.journey
    expected = [c.id for c in journey.cards
                if "khách hàng" in f"{c.title} {c.body} {' '.join(c.tags)}".lower()]
    assert expected
    assert [h.entity_id for h in vi.map_focus.hits] == expected
    assert bar.count.text() == f"1 of {len(expected)}"
    cards = vi.view.map_scene.cards
    assert faint(vi) == set(cards) - set(expected)
    assert all(cards[i].opacity() == DIMMED for i in faint(vi))
    assert vi.map_focus._highlight.current_ring.isVisible()

    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert faint(vi) == set()
    assert not vi.map_focus._highlight.current_ring.isVisible()
    assert vi.view.hasFocus()


def test_typed_vietnamese_finds_the_same_cards(vi, qtbot):
    bar = open_bar(vi, qtbot)
    type_text(bar.field, "giao hàng")
    with_marks = [h.entity_id for h in vi.map_focus.hits]
    bar.field.clear()
    type_text(bar.field, "GIAO HANG")
    assert [h.entity_id for h in vi.map_focus.hits] == with_marks
    assert len(with_marks) == 7


def test_f3_and_enter_step_through_the_hits_and_scroll_to_each(vi, qtbot):
    bar = open_bar(vi, qtbot)
    type_text(bar.field, "giao hang")
    focus = vi.map_focus
    hits = focus.hits
    assert bar.count.text() == "1 of 7"
    last = [h.entity_id for h in hits if h.kind == "card"][-1]
    assert not in_view(vi, last)  # stage 4 of 5: off the projector's screen

    qtbot.keyClick(bar.field, Qt.Key.Key_F3)
    assert bar.count.text() == "2 of 7"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "3 of 7"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, SHIFT)
    qtbot.keyClick(bar.field, Qt.Key.Key_F3, SHIFT)
    assert bar.count.text() == "1 of 7"
    qtbot.keyClick(bar.field, Qt.Key.Key_F3, SHIFT)  # round the start to the last hit
    assert bar.count.text() == "7 of 7"
    assert focus.current_hit.entity_id == last
    assert in_view(vi, last)
    ring = focus._highlight.current_ring.sceneBoundingRect()
    assert ring.contains(vi.view.map_scene.cards[last].sceneBoundingRect().center())
    # F3 from the canvas too (the Edit menu's shortcut)
    vi.view.setFocus()
    qtbot.keyClick(vi.view, Qt.Key.Key_F3)
    assert bar.count.text() == "1 of 7"
    qtbot.keyClick(vi.view, Qt.Key.Key_Escape)  # and Esc there closes the bar
    assert not bar.isVisible()
    assert faint(vi) == set()


def test_no_match_says_so_and_dims_every_card(vi, qtbot):
    bar = open_bar(vi, qtbot)
    type_text(bar.field, "zzzz")
    assert bar.count.text() == "No matches"
    assert faint(vi) == set(vi.view.map_scene.cards)


def test_a_card_edited_to_match_joins_the_hits(vi, qtbot):
    bar = open_bar(vi, qtbot)
    type_text(bar.field, "khach hang")
    before = len(vi.map_focus.hits)
    other = next(c for c in vi.journey.cards if c.id not in
                 {h.entity_id for h in vi.map_focus.hits})
    ops.set_fields(vi.doc, other, title="Khách hàng quay lại")
    qtbot.waitUntil(lambda: len(vi.map_focus.hits) == before + 1)
    assert other.id in {h.entity_id for h in vi.map_focus.hits}
    assert vi.view.map_scene.cards[other.id].opacity() == 1.0
    assert bar.count.text().endswith(f"of {before + 1}")
    # and undone, it leaves them again
    vi.doc.undo_stack.undo()
    qtbot.waitUntil(lambda: len(vi.map_focus.hits) == before)
    assert vi.view.map_scene.cards[other.id].opacity() == DIMMED


def test_find_is_in_the_edit_menu_and_changes_nothing_in_the_file(vi, qtbot):
    edit = vi.actions.menus["edit"]
    assert vi.actions.find in edit.actions()
    steps = vi.doc.undo_stack.count()
    vi.actions.find.trigger()
    type_text(vi.find_bar.field, "gia")
    assert vi.doc.undo_stack.count() == steps


def test_on_a_large_map_typing_finds_after_a_pause_and_enter_at_once(vi, qtbot, monkeypatch):
    from app.ui import find_bar

    monkeypatch.setattr(find_bar, "DEBOUNCE_FROM", 10)  # the 51-card sample counts as large
    bar = open_bar(vi, qtbot)
    type_text(bar.field, "giao hang")
    assert vi.map_focus.hits == []  # no search per letter
    qtbot.waitUntil(lambda: bar.count.text() == "1 of 7")
    bar.field.clear()
    qtbot.waitUntil(lambda: vi.map_focus.hits == [])
    type_text(bar.field, "khach hang")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)  # Enter does not wait for the pause
    assert bar.count.text() == "1 of 1"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert faint(vi) == set() and not bar.pause.isActive()


def test_an_edit_costs_no_pass_over_the_map_while_find_and_filter_are_idle(vi, qtbot,
                                                                           monkeypatch):
    # A cost per edit that grows with the map is a bug: with no query and no filter, the
    # model following code must not search or filter the map's cards at all.
    from app.ui import focus

    bar = open_bar(vi, qtbot)  # find used once, then closed: its state stays, idle
    type_text(bar.field, "khach hang")
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and not vi.map_focus.query

    def scan(*_args):
        raise AssertionError("the map was scanned while find and filter are idle")

    monkeypatch.setattr(vi.map_focus.finder, "find", scan)
    monkeypatch.setattr(focus, "apply_filter", scan)
    card = vi.journey.cards[0]
    ops.set_fields(vi.doc, card, title="Đổi tên")
    qtbot.wait(50)  # the coalesced change is delivered on the next event-loop turn
    assert vi.view.map_scene.cards[card.id].opacity() == 1.0
    assert vi.map_focus.hits == []


def test_esc_while_the_mouse_is_busy_on_the_map_is_the_maps_not_the_bars(vi, qtbot):
    from PySide6.QtTest import QTest

    bar = open_bar(vi, qtbot)
    type_text(bar.field, "giao hang")
    view = vi.view
    middle, none = Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier
    start = view.viewport().rect().center()
    QTest.mousePress(view.viewport(), middle, none, start)  # panning, nothing selected
    QTest.mouseMove(view.viewport(), start + type(start)(40, 10))
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert bar.isVisible() and vi.map_focus.hits
    QTest.mouseRelease(view.viewport(), middle, none, start + type(start)(40, 10))
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # the mouse let go: Esc closes the bar
    assert not bar.isVisible()
