"""Presentation mode through real keys: F5, PageDown/PageUp, arrows, Insert, Esc."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QToolBar

from app.canvas.present_view import DIM_ALPHA, HIDDEN_ALPHA, PresentView, Step
from app.document import operations
from app.domain.model import LaneKind
from tests.ui.conftest import focus_canvas, menu_action, on_disk, type_text

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def chrome(window) -> dict[str, bool]:
    """Which parts of the editor show: docks, toolbars, menus, status bar."""
    return {"docks": any(d.isVisible() for d in window.findChildren(QDockWidget)),
            "toolbars": any(t.isVisible() for t in window.findChildren(QToolBar)),
            "menu": window.menuBar().isVisible(), "status": window.statusBar().isVisible()}


def presented(window) -> PresentView:
    view = window.actions.presenter.view
    assert view is not None and view.isVisible()
    return view


def dimmed_stages(view: PresentView) -> list[int]:
    """The stages dimmed over their whole height, by index."""
    journey, layout = view.journey, view.map_scene.layout
    found = []
    for rect, alpha in view.spotlight.regions():
        if alpha != DIM_ALPHA or rect.top() != 0:
            continue
        for index, stage in enumerate(journey.stages):
            column = layout.stage_rects[stage.id]
            if column.x <= rect.left() < column.right:
                found.append(index)
    return sorted(found)


@pytest.fixture
def editing(opened, qtbot):
    """The template project open, the canvas zoomed and scrolled, the keyboard in it."""
    focus_canvas(opened, qtbot)
    opened.view.set_zoom(1.3)
    opened.view.horizontalScrollBar().setValue(120)
    return opened


def test_f5_presents_pagedown_steps_and_esc_restores_the_editor(editing, qtbot):
    window = editing
    before = chrome(window)
    assert before["docks"] and before["toolbars"] and before["menu"]
    scroll = window.view.horizontalScrollBar().value()
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    view = presented(window)
    assert window.pages.currentWidget() is view
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    assert chrome(window) == {"docks": False, "toolbars": False, "menu": False,
                              "status": False}
    stages = [s.title for s in view.journey.stages]
    assert view.step == Step(0) and dimmed_stages(view) == list(range(1, len(stages)))
    label = window.actions.presenter.label
    assert label.isVisible() and label.text() == f"Stage 1 of {len(stages)} — {stages[0]}"

    for _ in range(2):
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.step == Step(2)
    assert dimmed_stages(view) == [i for i in range(len(stages)) if i != 2]
    assert label.text() == f"Stage 3 of {len(stages)} — {stages[2]}"
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.step == Step(1)

    # After the last stage the overview: the whole map, nothing dimmed.
    for _ in range(len(stages)):
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.step == Step(None) and view.spotlight.regions() == []
    assert label.text() == f"Overview — {len(stages)} stages"
    width = view.map_scene.layout.width * view.zoom_factor()
    assert width <= view.viewport().width() + 1

    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.actions.presenter.view is None
    assert window.pages.currentWidget() is window.view
    assert not window.windowState() & Qt.WindowState.WindowFullScreen
    assert chrome(window) == before
    assert window.view.zoom_factor() == pytest.approx(1.3)
    assert window.view.horizontalScrollBar().value() == scroll


def test_arrow_keys_and_the_view_menu_step_and_stop(editing, qtbot):
    window = editing
    menu_action(window, "View", "Present").trigger()
    view = presented(window)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.step == Step(2)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.step == Step(1)
    qtbot.keyClick(view, Qt.Key.Key_Period)  # a clicker's "blank screen"
    assert view.blank.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Period)
    assert not view.blank.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_F5)  # the clicker's present button again: stop
    assert window.actions.presenter.view is None and chrome(window)["docks"]


def test_reveal_steps_lane_by_lane_within_the_stage(editing, qtbot):
    window = editing
    qtbot.keyClick(window.view, Qt.Key.Key_L, CTRL_ALT)
    assert window.actions.presenter.reveal.isChecked()
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    view = presented(window)
    lanes = view.journey.lanes
    layout = view.map_scene.layout
    assert view.step == Step(0, 1)
    first = view.journey.stages[0]
    below = [r for r, a in view.spotlight.regions()
             if a == DIM_ALPHA and r.left() >= layout.stage_rects[first.id].x
             and r.left() < layout.stage_rects[first.id].right]
    assert [r.top() for r in below] == [layout.lane_rects[lanes[1].id].y]
    for _ in range(len(lanes) - 1):
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.step == Step(0, len(lanes))
    assert "lane" in window.actions.presenter.label.text()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.step == Step(1, 1)


def test_the_emotion_curve_is_revealed_with_the_stages(editing, qtbot):
    window = editing
    journey = window.journey
    emotions = next(ln for ln in journey.lanes if ln.kind == LaneKind.EMOTIONS)
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    view = presented(window)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    layout = view.map_scene.layout
    band = layout.lane_rects[emotions.id]
    hidden = sorted(i for r, a in view.spotlight.regions() if a == HIDDEN_ALPHA
                    for i, s in enumerate(journey.stages)
                    if r.top() == band.y and layout.stage_rects[s.id].x <= r.left()
                    < layout.stage_rects[s.id].right)
    assert hidden == list(range(2, len(journey.stages)))


def test_insert_adds_a_card_in_the_spotlighted_stage_while_presenting(editing, qtbot):
    window = editing
    doc = window.doc
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    view = presented(window)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    stage = window.journey.stages[1]
    cards_before = {c.id for c in window.journey.cards}
    steps = doc.undo_stack.count()
    qtbot.keyClick(view, Qt.Key.Key_Insert)
    added = [c for c in window.journey.cards if c.id not in cards_before]
    assert len(added) == 1 and added[0].stage_id == stage.id
    assert doc.undo_stack.count() == steps + 1  # one undo step
    assert view.editor is not None and view.editor.isVisible()
    type_text(view.editor, "Khách hỏi phí ship\n")
    card = added[0]
    assert card.title == "Khách hỏi phí ship"
    assert window.actions.presenter.view is view  # still presenting
    item = view.map_scene.item_for(card.id)
    assert item is not None and item.isVisible()
    on_screen = view.mapToScene(view.viewport().rect()).boundingRect()
    assert on_screen.contains(item.sceneBoundingRect().center())
    assert view.map_scene.cards[card.id].box.card.title == "Khách hỏi phí ship"
    assert window.view.map_scene.item_for(card.id) is not None  # the editor's scene too
    saved = {c.id: c.title for c in on_disk(doc.path).map(window.map_id).cards}
    assert saved[card.id] == "Khách hỏi phí ship"
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.actions.presenter.view is None
    assert window.view.map_scene.item_for(card.id).isVisible()


def test_with_a_second_screen_the_audience_window_follows_the_editor(editing, qtbot):
    window = editing
    presenter = window.actions.presenter
    screen = window.screen()
    presenter.screens = lambda: [screen, screen]  # offscreen has one screen: inject two
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    audience = presenter.audience
    assert audience is not None and audience.isVisible()
    view = presenter.view
    assert view.window() is audience
    assert chrome(window)["docks"] and chrome(window)["toolbars"]
    assert window.pages.currentWidget() is window.view
    assert not window.windowState() & Qt.WindowState.WindowFullScreen
    assert presenter.label.text() == window.statusBar().currentMessage()

    qtbot.keyClick(window.view, Qt.Key.Key_PageDown)  # the facilitator's laptop
    assert view.step == Step(1)
    journey = window.journey
    last = journey.stages[-1]
    lane = next(ln for ln in journey.lanes if ln.kind != LaneKind.EMOTIONS)
    card = operations.add_card(window.doc, journey, last.id, lane.id, title="Đánh giá")
    assert view.map_scene.item_for(card.id) is not None  # the room sees it at once
    window.view.select_entities([card])
    assert view.step == Step(len(journey.stages) - 1)

    window.view.select_entities([])
    qtbot.keyClick(window.view, Qt.Key.Key_Insert)  # the editor's own new-card key
    new = window.view.selected_entities()[0]
    window.view.close_editor()
    assert view.map_scene.item_for(new.id) is not None

    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    assert presenter.audience is None and not audience.isVisible()
    assert window.view.zoom_factor() == pytest.approx(1.3)


def test_switching_or_closing_while_presenting(editing, qtbot, tmp_path):
    window = editing
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    view = presented(window)
    window.close_document()
    assert window.actions.presenter.view is None
    assert not view.isVisible()
    assert window.menuBar().isVisible()
    assert not window.actions.present.isEnabled()  # nothing to present


def test_the_stage_line_speaks_vietnamese(vietnamese, editing, qtbot):
    window = editing
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    view = presented(window)
    count = len(view.journey.stages)
    first = view.journey.stages[0].title
    assert window.actions.presenter.label.text() == f"Giai đoạn 1/{count} — {first}"
    view.go(len(view.steps) - 1)
    assert window.actions.presenter.label.text() == f"Toàn cảnh — {count} giai đoạn"


def test_esc_in_the_audience_window_gives_the_keyboard_back_to_the_editor(editing, qtbot):
    window = editing
    presenter = window.actions.presenter
    screen = window.screen()
    presenter.screens = lambda: [screen, screen]  # offscreen has one screen: inject two
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    audience, view = presenter.audience, presenter.view
    with qtbot.waitActive(audience):
        audience.activateWindow()  # the facilitator clicked on the projector's window
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert presenter.view is None and not audience.isVisible()
    assert not window.actions.present.isChecked()
    assert window.statusBar().currentMessage() == ""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.view.hasFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F5)  # and F5 presents again
    assert presenter.audience is not None and presenter.audience.isVisible()
    presenter.audience.close()  # closing the projector's window ends the presentation
    assert presenter.view is None
    assert window.view.zoom_factor() == pytest.approx(1.3)
