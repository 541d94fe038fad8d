"""Room for the map on a 1280 × 800 projector: dock rails, Focus (F11), fit to width."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QToolBar

from app.domain.model import LaneKind
from app.ui.main_window import MainWindow
from app.ui.workspace import LEGIBLE_ZOOM, RAIL_WIDTH, stages_in_view
from tests.ui.conftest import focus_canvas, menu_action


@pytest.fixture
def projector(qtbot):
    """A 1280 × 800 window, shown first (as on a start), then the sample opened."""
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: getattr(win, "_shown_once", False))
    QApplication.processEvents()
    assert win.open_sample()
    QApplication.processEvents()
    yield win
    win.set_document(None)


def docks(window) -> list[QDockWidget]:
    return [window.docks.palette, window.docks.maps, window.docks.inspector_dock]


def test_projector_opens_with_rails_and_four_stages_legible(projector):
    window = projector
    for dock in docks(window):
        assert dock.isVisible() and dock.width() <= RAIL_WIDTH + 2
        assert not window.workspace.rail(dock).content().isVisible()
    assert window.view.zoom_factor() >= LEGIBLE_ZOOM
    assert stages_in_view(window.view) >= 4


def test_click_on_a_rail_expands_the_dock_and_its_button_collapses_it(projector, qtbot):
    window = projector
    dock = window.docks.inspector_dock
    rail = window.workspace.rail(dock)
    qtbot.mouseClick(rail.rail, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dock.width() > 150)
    assert window.inspector.isVisible()
    assert not window.maps_panel.isVisible()  # its neighbour stays folded to its title
    canvas_narrow = window.view.viewport().width()
    qtbot.mouseClick(rail.title.collapse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dock.width() <= RAIL_WIDTH + 2)
    assert not window.inspector.isVisible()
    qtbot.waitUntil(lambda: window.view.viewport().width() > canvas_narrow)


def test_wide_window_keeps_its_docks_open(opened):
    assert opened.docks.palette.widget().isVisible()
    assert opened.docks.palette.width() > 100


def test_f11_hides_every_dock_and_toolbar_and_brings_them_back(opened, qtbot):
    window = opened
    focus_canvas(window, qtbot)
    width = window.view.viewport().width()
    qtbot.keyClick(window.view, Qt.Key.Key_F11)
    assert not any(d.isVisible() for d in window.findChildren(QDockWidget))
    assert not any(t.isVisible() for t in window.findChildren(QToolBar))
    qtbot.waitUntil(lambda: window.view.viewport().width() > width + 300)
    assert menu_action(window, "View", "Focus on the Map").isChecked()
    qtbot.keyClick(window.view, Qt.Key.Key_F11)
    assert window.docks.palette.isVisible() and window.toolbar.isVisible()
    assert not menu_action(window, "View", "Focus on the Map").isChecked()


def test_focus_from_the_view_menu(opened):
    action = menu_action(opened, "View", "Focus on the Map")
    action.trigger()
    assert not opened.docks.inspector_dock.isVisible()
    action.trigger()
    assert opened.docks.inspector_dock.isVisible()


def test_a_folded_palette_gets_the_next_projects_entries(projector, project_file, qtbot):
    window = projector
    rail = window.workspace.rail(window.docks.palette)
    assert rail.mode == "rail"
    assert window.open_path(project_file)
    qtbot.mouseClick(rail.rail, Qt.MouseButton.LeftButton)
    assert rail.content() is window.docks.palette_widget
    assert window.docks.palette_widget.isVisible()


def stage_shown(window, stage_id: str) -> bool:
    view = window.view
    rect = view.map_scene.layout.stage_rects[stage_id]
    left = view.mapFromScene(rect.x, 0).x()
    return 0 <= left < view.viewport().width() - 40


def test_a_stage_added_from_the_toolbar_is_scrolled_into_view(opened, qtbot):
    window = opened
    window.view.set_zoom(1.0)
    window.scroll_home()
    button = window.toolbar.widgetForAction(window.actions.add_stage)
    for _ in range(3):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert stage_shown(window, window.journey.stages[-1].id)
    assert window.view.horizontalScrollBar().value() > 0


def test_a_lane_added_from_the_toolbar_menu_is_scrolled_into_view(opened, qtbot):
    window = opened
    window.view.set_zoom(1.0)
    window.scroll_home()
    for _ in range(3):
        window.actions.add_lane[LaneKind.PAINS].trigger()
    view, lane = window.view, window.journey.lanes[-1]
    top = view.mapFromScene(0, view.map_scene.layout.lane_rects[lane.id].y).y()
    assert 0 <= top < view.viewport().height() - 40


def test_the_whole_palette_shows_without_scrolling_at_1280x800(projector, qtbot):
    window = projector
    rail = window.workspace.rail(window.docks.palette)
    qtbot.mouseClick(rail.rail, Qt.MouseButton.LeftButton)
    palette = window.docks.palette_widget
    qtbot.waitUntil(lambda: palette.isVisible() and palette.width() > 150)
    QApplication.processEvents()
    area = palette._scroll.viewport()
    assert palette._scroll.verticalScrollBar().maximum() == 0
    for button in palette.buttons:
        top_left = button.mapTo(area, button.rect().topLeft())
        assert area.rect().contains(top_left) and button.isVisible(), button.text()
        assert top_left.x() + button.width() <= area.width() + 1, button.text()


def test_rails_are_remembered_and_focus_is_not(window, qtbot):
    window.workspace.rail(window.docks.palette).collapse()
    window.save_layout()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.workspace.rail(again.docks.palette).collapsed
    assert not again.workspace.rail(again.docks.maps).collapsed
    again.workspace.set_focus(True)
    again.save_layout()
    third = MainWindow()
    qtbot.addWidget(third)
    third.show()
    qtbot.waitExposed(third)
    assert third.docks.inspector_dock.isVisible() and third.toolbar.isVisible()
    assert third.workspace.rail(third.docks.palette).collapsed


def test_no_palette_name_is_clipped_in_the_default_dock(opened, qtbot):
    palette = opened.docks.palette_widget
    QApplication.processEvents()
    area = palette._scroll.viewport()
    for button in palette.buttons:
        left = button.mapTo(area, button.rect().topLeft()).x()
        assert left + button.width() <= area.width() + 1, button.text()
        assert button.sizeHint().width() <= button.width() + 1, button.text()
