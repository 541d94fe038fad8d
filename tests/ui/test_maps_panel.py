"""The maps dock: new, rename, duplicate, delete, future state, reorder — each undoable."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.domain.model import MapState
from app.ui import prompts
from app.ui.template_dialog import TemplateDialog
from tests.ui.conftest import type_text


def names(window) -> list[str]:
    return [m.name for m in window.doc.project.maps]


def rows(panel) -> list[str]:
    return [panel.list.item(i).text() for i in range(panel.list.count())]


def test_new_map_from_template_is_added_shown_and_undoable(opened, monkeypatch):
    window, panel = opened, opened.maps_panel

    def choose(dialog):
        for row in range(dialog.templates.count()):
            if dialog.templates.item(row).data(Qt.ItemDataRole.UserRole) == "inbound-4":
                dialog.templates.setCurrentRow(row)
        dialog.title.selectAll()
        QTest.keyClicks(dialog.title, "Inbound")
        return TemplateDialog.DialogCode.Accepted

    monkeypatch.setattr(TemplateDialog, "exec", choose)
    panel.new_action.trigger()
    assert names(window) == ["Customer journey (5 stages)", "Inbound"]
    assert window.journey.name == "Inbound" and len(window.journey.stages) == 4
    assert rows(panel) == names(window)
    window.actions.undo.trigger()
    assert names(window) == ["Customer journey (5 stages)"]
    assert window.journey.name == "Customer journey (5 stages)"


def test_rename_in_place_with_f2(opened, qtbot):
    window, panel = opened, opened.maps_panel
    panel.list.setCurrentRow(0)
    panel.list.setFocus()
    QTest.keyClick(panel.list, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not panel.list
    editor.selectAll()
    type_text(editor, "Hành trình mua sắm")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: names(window) == ["Hành trình mua sắm"])
    assert window.windowTitle().startswith("Hành trình mua sắm — ")
    assert window.actions.undo.text() == "Undo Rename map"
    window.actions.undo.trigger()
    assert names(window) == ["Customer journey (5 stages)"]
    assert rows(panel) == names(window)


def test_duplicate_and_future_state(opened):
    window, panel = opened, opened.maps_panel
    original = window.journey
    panel.list.setCurrentRow(0)
    panel.duplicate_action.trigger()
    assert names(window)[1] == "Customer journey (5 stages) (copy)"
    assert window.map_id == window.doc.project.maps[1].id
    panel.list.setCurrentRow(0)
    panel.future_action.trigger()
    future = window.doc.project.maps[1]
    assert future.state == MapState.FUTURE and future.derived_from_id == original.id
    assert window.map_id == future.id
    assert panel.list.item(1).data(Qt.ItemDataRole.UserRole + 1) == "future"
    window.actions.undo.trigger()
    window.actions.undo.trigger()
    assert names(window) == ["Customer journey (5 stages)"]


def test_delete_asks_first_and_undo_restores(opened, monkeypatch):
    window, panel = opened, opened.maps_panel
    panel.list.setCurrentRow(0)
    panel.duplicate_action.trigger()
    answers = iter([False, True])
    monkeypatch.setattr(prompts, "confirm", lambda *a: next(answers))
    panel.list.setCurrentRow(1)
    panel.list.setFocus()
    QTest.keyClick(panel.list, Qt.Key.Key_Delete)
    assert len(names(window)) == 2  # the user said no
    QTest.keyClick(panel.list, Qt.Key.Key_Delete)
    assert len(names(window)) == 1
    assert not panel.delete_action.isEnabled()  # the last map stays
    window.actions.undo.trigger()
    assert len(names(window)) == 2


def test_reorder_by_drop_and_by_keyboard(opened):
    window, panel = opened, opened.maps_panel
    panel.list.setCurrentRow(0)
    panel.duplicate_action.trigger()
    first, second = window.doc.project.maps
    panel.list.setCurrentRow(0)
    bottom = panel.list.visualItemRect(panel.list.item(1)).bottomLeft()
    drop = QDropEvent(QPointF(bottom.x() + 5, bottom.y() - 2), Qt.DropAction.MoveAction,
                      QMimeData(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    drop.setDropAction(Qt.DropAction.MoveAction)
    QDropEvent.source = lambda self: panel.list  # a drag from the list itself
    try:
        panel.list.dropEvent(drop)
    finally:
        del QDropEvent.source
    assert window.doc.project.maps == [second, first]
    assert rows(panel) == [second.name, first.name]
    panel.list.setCurrentRow(1)
    panel.list.setFocus()
    QTest.keyClick(panel.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert window.doc.project.maps == [first, second]
    window.actions.undo.trigger()
    assert window.doc.project.maps == [second, first]


def test_double_click_switches_map(opened, qtbot):
    window, panel = opened, opened.maps_panel
    panel.list.setCurrentRow(0)
    panel.future_action.trigger()
    first = window.doc.project.maps[0]
    rect = panel.list.visualItemRect(panel.list.item(0))
    QTest.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, rect.center())
    QTest.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, rect.center())
    qtbot.waitUntil(lambda: window.map_id == first.id)
    assert panel.list.item(0).font().bold()
