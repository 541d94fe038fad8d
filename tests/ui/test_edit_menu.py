"""Edit ▸ Delete, Copy, Paste, Undo and Redo driven through the real menu bar, toolbar
and keys of the main window; each checks the canvas and a fresh reopen of the file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolButton

from app.document import operations
from app.domain.model import LaneKind
from tests.ui.conftest import focus_canvas, menu_action, on_disk

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def card(opened):
    """A card of the map in view, added and then selected by a click on the canvas."""
    journey = opened.journey
    lane = next(ln for ln in journey.lanes if ln.kind == LaneKind.ACTIONS)
    made = operations.add_card(opened.doc, journey, journey.stages[1].id, lane.id,
                               title="Compare prices")
    click(opened, made)
    return made


def click(window, card) -> None:
    """Select a card as a user does: a click on it in the canvas."""
    view = window.view
    item = view.map_scene.item_for(card.id)
    view.ensureVisible(item)
    point = view.mapFromScene(item.sceneBoundingRect().center())
    QTest.mouseClick(view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, point)
    assert [e.id for e in view.selected_entities()] == [card.id]


def in_file(window) -> set[str]:
    """The card ids a freshly reopened copy of the window's file holds."""
    return {c.id for m in on_disk(window.doc.path).maps for c in m.cards}


def on_canvas(window) -> set[str]:
    return set(window.view.map_scene.cards)


def test_edit_menu_delete_undo_redo(opened, card):
    delete = menu_action(opened, "Edit", "Delete")
    assert delete.isEnabled()
    delete.trigger()
    assert card.id not in on_canvas(opened) and card.id not in in_file(opened)
    undo = menu_action(opened, "Edit", "Undo")
    assert undo.text().startswith("Undo ")  # names the step
    undo.trigger()
    assert card.id in on_canvas(opened) and card.id in in_file(opened)
    menu_action(opened, "Edit", "Redo").trigger()
    assert card.id not in on_canvas(opened) and card.id not in in_file(opened)


def test_edit_menu_copy_then_paste_adds_a_copy(opened, card):
    before = on_canvas(opened)
    menu_action(opened, "Edit", "Copy").trigger()
    paste = menu_action(opened, "Edit", "Paste")
    assert paste.isEnabled()
    paste.trigger()
    new = on_canvas(opened) - before
    assert len(new) == 1 and new <= in_file(opened)
    copy = next(c for c in opened.journey.cards if c.id in new)
    assert copy.title == "Compare prices"


def test_edit_menu_cut_and_duplicate(opened, card):
    before = on_canvas(opened)
    menu_action(opened, "Edit", "Duplicate").trigger()
    assert len(on_canvas(opened) - before) == 1 and len(in_file(opened) - before) == 1
    click(opened, card)
    menu_action(opened, "Edit", "Cut").trigger()
    assert card.id not in on_canvas(opened) and card.id not in in_file(opened)


def test_keys_in_the_canvas_delete_undo_and_redo(opened, qtbot, card):
    focus_canvas(opened, qtbot)
    qtbot.keyClick(opened.view, Qt.Key.Key_Delete)
    assert card.id not in on_canvas(opened) and card.id not in in_file(opened)
    qtbot.keyClick(opened.view, Qt.Key.Key_Z, CTRL)
    assert card.id in on_canvas(opened) and card.id in in_file(opened)
    qtbot.keyClick(opened.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert card.id not in on_canvas(opened) and card.id not in in_file(opened)


class _GnomeKeys(QKeySequence):
    """QKeySequence as on GNOME or KDE, whose only Redo key is Ctrl+Shift+Z."""

    def __init__(self, *args):
        if args == (QKeySequence.StandardKey.Redo,):
            args = ("Ctrl+Shift+Z",)
        super().__init__(*args)

    @staticmethod
    def keyBindings(key):  # noqa: N802 - Qt's name
        if key == QKeySequence.StandardKey.Redo:
            return [QKeySequence("Ctrl+Shift+Z")]
        return QKeySequence.keyBindings(key)


def test_ctrl_y_redoes_beside_ctrl_shift_z(qtbot, project_file, monkeypatch):
    from app.ui import actions
    from app.ui.main_window import MainWindow

    monkeypatch.setattr(actions, "QKeySequence", _GnomeKeys)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        assert window.open_path(project_file)
        journey = window.journey
        lane = next(ln for ln in journey.lanes if ln.kind == LaneKind.ACTIONS)
        made = operations.add_card(window.doc, journey, journey.stages[0].id, lane.id,
                                   title="Slow")
        click(window, made)
        focus_canvas(window, qtbot)
        qtbot.keyClick(window.view, Qt.Key.Key_Delete)
        qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
        assert made.id in on_canvas(window)
        qtbot.keyClick(window.view, Qt.Key.Key_Y, CTRL)
        assert made.id not in on_canvas(window) and made.id not in in_file(window)
        qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
        qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL | SHIFT)
        assert made.id not in on_canvas(window) and made.id not in in_file(window)
    finally:
        window.set_document(None)


def test_keys_in_the_canvas_copy_and_paste(opened, qtbot, card):
    focus_canvas(opened, qtbot)
    before = on_canvas(opened)
    qtbot.keyClick(opened.view, Qt.Key.Key_C, CTRL)
    qtbot.keyClick(opened.view, Qt.Key.Key_V, CTRL)
    new = on_canvas(opened) - before
    assert len(new) == 1 and new <= in_file(opened)


def test_toolbar_delete_button(opened, card):
    button = opened.toolbar.widgetForAction(opened.actions.delete)
    assert isinstance(button, QToolButton) and button.isEnabled()
    QTest.mouseClick(button, LEFT)
    assert card.id not in on_canvas(opened) and card.id not in in_file(opened)


def test_delete_key_in_the_inspector_leaves_the_cards_alone(opened, qtbot, card):
    opened.inspector.set_selection([card])
    title = opened.inspector.field("title").widget
    title.setFocus()
    QTest.keyClick(title, Qt.Key.Key_Home)
    qtbot.keyClick(title, Qt.Key.Key_Delete)
    assert card.id in on_canvas(opened) and card.title == "ompare prices"


def test_edit_actions_follow_the_selection_and_the_map(window, project_file, qtbot):
    delete = menu_action(window, "Edit", "Delete")
    paste = menu_action(window, "Edit", "Paste")
    assert not delete.isEnabled() and not paste.isEnabled()  # no project yet
    assert window.open_path(project_file)
    delete = menu_action(window, "Edit", "Delete")
    assert not delete.isEnabled()  # nothing selected
    assert menu_action(window, "Edit", "Paste").isEnabled()
    assert menu_action(window, "View", "Zoom In").isEnabled()
    window.close_document()
    assert not menu_action(window, "Edit", "Paste").isEnabled()
    assert not menu_action(window, "View", "Zoom In").isEnabled()


def test_a_second_project_gets_working_menus(window, project_file, tmp_path):
    assert window.open_path(project_file)
    window.close_document()
    assert window.open_path(project_file)
    journey = window.journey
    lane = next(ln for ln in journey.lanes if ln.kind == LaneKind.PAINS)
    made = operations.add_card(window.doc, journey, journey.stages[0].id, lane.id, title="Slow")
    click(window, made)
    menu_action(window, "Edit", "Delete").trigger()
    assert made.id not in on_canvas(window) and made.id not in in_file(window)
    # Exactly one Delete in the Edit menu and one in the toolbar, whichever view is shown.
    edit = window.actions.menus["edit"].actions()
    assert sum(a.text().replace("&", "") == "Delete" for a in edit) == 1
    assert sum(a is window.actions.delete for a in window.toolbar.actions()) == 1


def test_read_only_project_offers_no_delete_or_paste(window, project_file):
    assert window.open_path(project_file, read_only=True)
    journey = window.journey
    window.view.select_entities([journey.stages[0]])
    assert not menu_action(window, "Edit", "Delete").isEnabled()
    assert not menu_action(window, "Edit", "Paste").isEnabled()
    assert menu_action(window, "Edit", "Select All").isEnabled()


def test_map_menu_adds_a_card_in_the_current_cell(opened, card):
    before = on_canvas(opened)
    menu_action(opened, "Map", "Add Card").trigger()
    opened.view.close_editor()  # a click away keeps the new card (Esc would take it back)
    new = on_canvas(opened) - before
    assert len(new) == 1 and new <= in_file(opened)
    added = next(c for c in opened.journey.cards if c.id in new)
    assert (added.stage_id, added.lane_id) == (card.stage_id, card.lane_id)
