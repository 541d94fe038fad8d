"""View ▸ Experience Wheel: a real click selects a stage, the wheel follows the model,
and the stage inspector edits the phase in one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolTip

from app.document import operations
from app.document.document import Document
from app.domain import style
from app.domain.model import LaneKind, Phase
from app.domain.templates import new_project
from app.domain.wheel import FACE_SIZE, STAGE_R, polar
from app.samples import build_sample
from app.ui.help_dialogs import shortcut_groups


@pytest.fixture
def wheel_window(window, qtbot):
    """The window on the sample (in memory: the tests undo what they change), the wheel
    dock shown from the View menu."""
    window.set_document(Document(build_sample()))
    window.wheel.action.trigger()
    view = window.wheel.view
    qtbot.waitUntil(lambda: view.isVisible() and view.width() > 200)
    return window


def _point(view, stage_id, r=None) -> QPoint:
    sector = view.current().sector(stage_id)
    return view.place().at(polar(sector.mid, r or sum(STAGE_R) / 2)).toPoint()


def _face_point(view, sector) -> QPoint:
    """A point of the face's disc clear of its eyes and mouth (above the eyes)."""
    centre = view.place().at(sector.face_at)
    return QPoint(round(centre.x()), round(centre.y() - FACE_SIZE * view.place().r * 0.6))


def _pixel(view, point: QPoint) -> QColor:
    return view.grab().toImage().pixelColor(point * view.devicePixelRatioF())


def test_the_view_menu_opens_the_wheel_with_its_shortcut(window):
    action = window.wheel.action
    view_menu = window.actions.menus["view"]
    assert action in view_menu.actions()
    assert action.text().replace("&", "") == "Experience Wheel"
    assert action.shortcut().toString() == "Ctrl+Shift+W"
    listed = dict(shortcut_groups(list(window.actions.menus.values())))
    assert action in listed[view_menu.title()]
    others = [a.shortcut() for m in window.actions.menus.values() for a in m.actions()
              if a is not action and not a.shortcut().isEmpty()]
    assert action.shortcut() not in others


def test_clicking_a_sector_selects_the_stage_and_scrolls_the_grid_to_it(wheel_window, qtbot):
    window = wheel_window
    view, journey = window.wheel.view, window.journey
    last = journey.stages[-1]
    window.view.set_zoom(2.0)
    window.view.horizontalScrollBar().setValue(0)
    QTest.mouseClick(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     _point(view, last.id))
    qtbot.waitUntil(lambda: window.view.selected_entities() == [last])
    assert window.inspector.current_entity() is last
    header = window.view.map_scene.layout.stage_rects[last.id]
    shown = window.view.mapFromScene(header.x + 10, 10)
    assert 0 <= shown.x() <= window.view.viewport().width()
    assert view.selected == last.id
    # The centre (the persona) is no stage: a click there changes nothing.
    QTest.mouseClick(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.rect().center())
    assert window.view.selected_entities() == [last]


def test_hovering_a_sector_names_its_stage(wheel_window, qtbot):
    view = wheel_window.wheel.view
    stage = wheel_window.journey.stages[1]
    QTest.mouseMove(view, _point(view, stage.id))
    qtbot.waitUntil(lambda: QToolTip.isVisible() and QToolTip.text() == stage.title)
    assert view.hover == stage.id


def test_the_wheel_follows_a_rename_a_score_and_a_phase(wheel_window, qtbot):
    window = wheel_window
    doc, journey, view = window.doc, window.journey, window.wheel.view
    stage = journey.stages[2]  # "Mua hàng", sad on average
    operations.set_fields(doc, stage, None, title="Thanh toán")
    qtbot.waitUntil(lambda: view.current().sector(stage.id).title == "Thanh toán")
    face = _face_point(view, view.current().sector(stage.id))
    assert _pixel(view, face) == QColor(style.EMOTION_COLORS[-1])
    for marker in [m for m in journey.markers if m.stage_id == stage.id]:
        operations.set_fields(doc, marker, None, score=2)
    qtbot.waitUntil(lambda: _pixel(view, face) == QColor(style.EMOTION_COLORS[2]))
    operations.set_fields(doc, stage, None, phase=Phase.BEFORE)
    qtbot.waitUntil(lambda: [a.phase for a in view.current().arcs] == [
        Phase.BEFORE, Phase.AFTER])
    doc.undo()
    qtbot.waitUntil(lambda: len(view.current().arcs) == 3)


def test_a_map_without_markers_shows_no_face(window, qtbot):
    project = new_project("awareness-5", "vi")
    window.set_document(Document(project))
    window.wheel.action.trigger()
    view = window.wheel.view
    qtbot.waitUntil(lambda: view.isVisible() and view.width() > 200)
    journey = window.journey
    sector = view.current().sectors[0]
    face = _face_point(view, sector)
    assert _pixel(view, face) not in [QColor(c) for c in style.EMOTION_COLORS.values()]
    lane = next(lane for lane in journey.lanes if lane.kind == LaneKind.EMOTIONS)
    operations.add_marker(window.doc, journey, journey.stages[0].id, lane.id, -2)
    qtbot.waitUntil(lambda: _pixel(view, face) == QColor(style.EMOTION_COLORS[-2]))


def _select_stage(window, qtbot, stage):
    window.view.select_entities([stage])
    qtbot.waitUntil(lambda: window.inspector.current_entity() is stage)
    return window.inspector.field("phase").widget


def test_the_phase_combo_is_one_undo_step_and_names_its_guess(wheel_window, qtbot):
    window = wheel_window
    doc, journey = window.doc, window.journey
    stage = journey.stages[3]  # "Duy trì": guessed after from its title
    combo = _select_stage(window, qtbot, stage)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Automatic (After)", "Before", "During", "After"]
    assert combo.currentIndex() == 0
    before = doc.undo_stack.count()
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)  # the keyboard picks the next choice: Before
    assert stage.phase == Phase.BEFORE
    assert doc.undo_stack.count() == before + 1
    assert window.actions.undo.text() == "Undo Edit phase"
    qtbot.waitUntil(lambda: window.wheel.view.current().sector(stage.id).phase == Phase.BEFORE)
    window.actions.undo.trigger()
    assert stage.phase is None
    qtbot.waitUntil(lambda: combo.currentIndex() == 0)
    # Renamed, the automatic choice names the new guess.
    operations.set_fields(doc, stage, None, title="Thanh toán")
    qtbot.waitUntil(lambda: combo.itemText(0) == "Automatic (During)")


def test_a_card_clicked_in_the_grid_outlines_its_stage_on_the_wheel(wheel_window, qtbot):
    from tests.ui.test_inspector import click_card

    window = wheel_window
    journey, view = window.journey, window.wheel.view
    rim = 0.27 + 1.0 / view.place().r  # just outside the centre disc: under the outline
    spots = [_point(view, s.id, r=rim) for s in journey.stages[:2]]
    before = [_pixel(view, p) for p in spots]
    card = next(c for c in journey.cards if c.stage_id == journey.stages[1].id)
    click_card(window, qtbot, card)
    qtbot.waitUntil(lambda: view.selected == journey.stages[1].id)
    after = [_pixel(view, p) for p in spots]
    assert after[0] == before[0]  # another stage: untouched
    assert after[1] != before[1]  # its rim now carries the accent outline


def test_a_phase_chosen_in_the_inspector_survives_reopening_the_file(opened, qtbot,
                                                                     project_file):
    window = opened
    stage = window.journey.stages[0]  # "Awareness": the template says before
    combo = _select_stage(window, qtbot, stage)
    assert combo.currentText() == "Before"
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)
    assert stage.phase == Phase.DURING
    window.set_document(None)
    again = Document.open(project_file)
    try:
        journey = again.project.maps[0]
        assert [s.phase for s in journey.stages] == [
            Phase.DURING, Phase.BEFORE, Phase.DURING, Phase.AFTER, Phase.AFTER]
        from app.domain.wheel import build_wheel

        assert [a.phase for a in build_wheel(journey, again.project).arcs] == [
            Phase.DURING, Phase.BEFORE, Phase.DURING, Phase.AFTER]
    finally:
        again.close()


def test_a_burst_of_edits_while_shown_pays_for_one_rebuild(wheel_window, qtbot, monkeypatch):
    """The geometry walks every card: edits in quick succession (a drag, typing) are
    gathered into one rebuild instead of one each."""
    import app.ui.wheel_view as wheel_view
    view, doc, stage = wheel_window.wheel.view, wheel_window.doc, wheel_window.journey.stages[0]
    view.current()
    view._refresh.setInterval(60_000)  # nothing fires by itself during the burst
    built, build = [], wheel_view.build_wheel
    monkeypatch.setattr(wheel_view, "build_wheel", lambda *a: built.append(1) or build(*a))
    for n in range(10):
        operations.set_fields(doc, stage, None, title=f"Bước {n}")
        view.repaint()
    assert built == []
    view._refresh.setInterval(0)
    view._refresh.start()
    qtbot.waitUntil(lambda: view.current().sector(stage.id).title == "Bước 9")
    assert built == [1]
