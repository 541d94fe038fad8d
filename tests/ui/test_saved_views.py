"""View ▸ Saved Views driven as a user does: tick a filter, save it, change it, bring it back.

The views live in the model: each save, rename, move, update and delete is one undo step.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from app.dialogs.views_dialog import ViewsDialog
from app.document import operations_links as links
from app.document.document import Document
from app.domain.model import Filter, LaneKind
from app.samples import build_sample
from tests.ui.conftest import focus_canvas, type_text
from tests.ui.modal import when_modal

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def sample(window):
    """The Vietnamese sample, in memory, at projector size."""
    window.resize(1280, 800)
    window.set_document(Document(build_sample()))
    return window


def click(qtbot, box) -> None:
    """Click a check box's tick square."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(7, box.height() // 2))


def answer_name(qtbot, name: str) -> None:
    """Type `name` into the name prompt that is about to open, then press Enter."""

    def act(dialog) -> None:
        field = dialog.findChild(QLineEdit)
        field.selectAll()
        QTest.keyClick(field, Qt.Key.Key_Backspace)
        type_text(field, name)
        QTest.keyClick(field, Qt.Key.Key_Return)

    when_modal(act)


def hidden_cards(win) -> set[str]:
    return {i for i, item in win.view.map_scene.cards.items() if not item.isVisibleTo(None)}


def web_filter(win, qtbot):
    """Open the filter (Ctrl+Shift+F), tick the website channel, hide the rest, hide a lane."""
    qtbot.keyClick(win.view, Qt.Key.Key_F, CTRL_SHIFT)
    panel = win.filter_panel
    qtbot.waitUntil(lambda: "channels" in panel.boxes)
    web = next(b for b, _v in panel.boxes["channels"] if b.text() == "Trang web")
    click(qtbot, web)
    click(qtbot, panel.hide_mode)
    thoughts = next(ln for ln in win.journey.lanes if ln.kind == LaneKind.THOUGHTS)
    click(qtbot, panel.lane_boxes[thoughts.id])
    return panel, web, thoughts


def test_a_saved_view_brings_back_filter_hidden_lanes_and_zoom(sample, qtbot):
    win = sample
    focus_canvas(win, qtbot)
    panel, _web_box, thoughts = web_filter(win, qtbot)
    focus_canvas(win, qtbot)
    qtbot.keyClick(win.view, Qt.Key.Key_Equal, CTRL)  # zoom in one step
    zoom = win.view.zoom_factor()
    shown_hidden = hidden_cards(win)
    assert shown_hidden  # the filter left cards out
    steps = win.doc.undo_stack.count()

    answer_name(qtbot, "Chỉ trang web")
    win.saved_views.save.trigger()  # View ▸ Saved Views ▸ Save Current View…
    qtbot.waitUntil(lambda: len(win.journey.views) == 1)
    view = win.journey.views[0]
    web = next(ch for ch in win.doc.project.channels if ch.name == "Trang web")
    assert view.name == "Chỉ trang web"
    assert view.filter.channels == {web.id} and view.hide
    assert view.hidden_lane_ids == [thoughts.id]
    assert view.zoom == pytest.approx(zoom, abs=1e-3)
    assert win.doc.undo_stack.count() == steps + 1
    assert win.saved_views.label.text() == "View: Chỉ trang web"

    # Another look: no filter, every lane, 100 %.
    click(qtbot, panel.clear)
    assert hidden_cards(win) == set()
    assert win.saved_views.label.text() == "View: Chỉ trang web (changed)"
    focus_canvas(win, qtbot)
    qtbot.keyClick(win.view, Qt.Key.Key_0, CTRL)
    assert win.view.zoom_factor() == 1.0

    win.saved_views.fill_menu()  # as opening the menu does
    entries = [a.text() for a in win.saved_views.menu.actions()]
    assert "&1 Chỉ trang web" in entries
    qtbot.keyClick(win.view, Qt.Key.Key_1, CTRL)  # Ctrl+1: the first view
    assert hidden_cards(win) == shown_hidden
    assert win.map_focus.criteria == view.filter and win.map_focus.hide
    assert win.map_focus.hidden_lanes == {thoughts.id}
    assert win.view.zoom_factor() == pytest.approx(zoom, abs=1e-3)
    ticked = [b.text() for b, _v in panel.boxes["channels"] if b.isChecked()]
    assert ticked == ["Trang web"]
    assert panel.hide_mode.isChecked()
    assert not panel.lane_boxes[thoughts.id].isChecked()
    assert win.saved_views.label.text() == "View: Chỉ trang web"

    # Saving is one step: undo takes the view away, and Ctrl+1 then does nothing.
    qtbot.keyClick(win.view, Qt.Key.Key_Z, CTRL)
    assert win.journey.views == []
    qtbot.waitUntil(lambda: not win.saved_views.label.isVisible())
    assert not win.saved_views.quick[0].isEnabled()


def test_a_taken_name_is_refused_in_one_line(sample, qtbot):
    win = sample
    win.saved_views.save_as("Đau")
    assert win.saved_views.save_as("đau ") is None
    assert win.statusBar().currentMessage() == "This map already has a view with that name."
    assert [v.name for v in win.journey.views] == ["Đau"]


def test_manage_views_rename_move_update_delete_each_one_undo_step(sample, qtbot):
    win = sample
    doc, journey = win.doc, win.journey
    first = links.add_view(doc, journey, "Tất cả", Filter())
    second = links.add_view(doc, journey, "Điểm đau", Filter(lane_kinds=frozenset(
        {LaneKind.PAINS})), hide=True)
    dialog = ViewsDialog(doc, journey.id, win.saved_views.update_to_current, win)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.count() == 2
    assert dialog.list.item(1).text().startswith("Điểm đau\n")

    dialog.list.setCurrentRow(1)
    answer_name(qtbot, "Nỗi đau")
    qtbot.mouseClick(dialog.rename, Qt.MouseButton.LeftButton)
    assert second.name == "Nỗi đau"
    qtbot.waitUntil(lambda: dialog.list.item(1).text().startswith("Nỗi đau\n"))
    doc.undo()
    assert second.name == "Điểm đau"
    qtbot.waitUntil(lambda: dialog.list.item(1).text().startswith("Điểm đau\n"))

    answer_name(qtbot, "tất cả")  # taken (case aside): refused, said in one line
    qtbot.mouseClick(dialog.rename, Qt.MouseButton.LeftButton)
    assert second.name == "Điểm đau"
    assert win.statusBar().currentMessage() == "This map already has a view with that name."

    qtbot.mouseClick(dialog.up, Qt.MouseButton.LeftButton)
    assert [v.name for v in journey.views] == ["Điểm đau", "Tất cả"]
    assert dialog.list.currentRow() == 0
    doc.undo()
    assert [v.name for v in journey.views] == ["Tất cả", "Điểm đau"]

    win.map_focus.set_filter(Filter(favourite=True))
    dialog.select(first.id)
    qtbot.mouseClick(dialog.update_button, Qt.MouseButton.LeftButton)
    assert first.filter == Filter(favourite=True)
    doc.undo()
    assert first.filter == Filter()

    steps = doc.undo_stack.index()
    dialog.select(second.id)
    qtbot.mouseClick(dialog.delete, Qt.MouseButton.LeftButton)
    assert [v.name for v in journey.views] == ["Tất cả"]
    assert doc.undo_stack.index() == steps + 1
    qtbot.waitUntil(lambda: dialog.list.count() == 1)
    doc.undo()
    assert [v.name for v in journey.views] == ["Tất cả", "Điểm đau"]
    qtbot.waitUntil(lambda: dialog.list.count() == 2)


def test_presenting_steps_through_the_saved_views(sample, qtbot):
    from app.ui.present import presenter_of

    win = sample
    journey = win.journey
    pains = next(ln for ln in journey.lanes if ln.kind == LaneKind.PAINS)
    thoughts = next(ln for ln in journey.lanes if ln.kind == LaneKind.THOUGHTS)
    links.add_view(win.doc, journey, "Điểm đau", Filter(lane_kinds=frozenset({LaneKind.PAINS})),
                   hide=True)
    links.add_view(win.doc, journey, "Không suy nghĩ", Filter(), hidden_lane_ids=[thoughts.id])
    qtbot.waitUntil(lambda: win.saved_views.quick[1].isEnabled())
    presenter = presenter_of(win)
    assert presenter.start(0, full_screen=False)
    shown = presenter.view
    shown.setFocus()

    def hidden() -> set[str]:
        return {i for i, item in shown.map_scene.cards.items() if not item.isVisibleTo(None)}

    QTest.keyClick(shown, Qt.Key.Key_1, CTRL)  # the room sees the pains alone
    assert hidden() == {c.id for c in journey.cards if c.lane_id != pains.id}
    QTest.keyClick(shown, Qt.Key.Key_2, CTRL)  # every card but the thoughts, lane closed up
    assert hidden() == {c.id for c in journey.cards if c.lane_id == thoughts.id}
    assert shown.map_scene.live.hidden_lanes == {thoughts.id}
    presenter.stop()
