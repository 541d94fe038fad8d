"""A change whose write fails — undo, redo, a drag, a drop, a paste, an inspector edit —
leaves the model equal to the file, and the user is told so in one line."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.canvas import clipboard
from app.canvas.palette import payload_mime
from app.document import operations
from app.domain.model import LaneKind
from tests.document.random_ops import canonical
from tests.ui.conftest import focus_canvas, on_disk

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def _lane(journey, kind):
    return next(ln for ln in journey.lanes if ln.kind == kind)


def _add_card(window, title="Search"):
    journey = window.journey
    lane = _lane(journey, LaneKind.ACTIONS)
    card = operations.add_card(window.doc, journey, journey.stages[0].id, lane.id, title=title)
    assert card.id in window.view.map_scene.cards
    return card


def _same_as_file(window) -> None:
    """The model in the window is exactly what a fresh reopen of its file holds."""
    assert canonical(window.doc.project) == canonical(on_disk(window.doc.path))


def _told(window, boxes, words: str) -> None:
    assert any(words in text for _title, text in boxes), boxes
    assert words in window.statusBar().currentMessage()


def test_ctrl_z_whose_write_fails_keeps_the_card_and_says_so(opened, qtbot, boxes,
                                                            failing_writes):
    card = _add_card(opened)
    index = opened.doc.undo_stack.index()
    focus_canvas(opened, qtbot)
    failing_writes()
    qtbot.keyClick(opened.view, Qt.Key.Key_Z, CTRL)
    assert card.id in opened.view.map_scene.cards  # still on the canvas
    assert card.id in {c.id for c in on_disk(opened.doc.path).maps[0].cards}  # and in the file
    _same_as_file(opened)
    assert opened.doc.undo_stack.index() == index
    _told(opened, boxes, "Undo failed: disk full; nothing was changed.")
    assert len(boxes) == 1  # one message, not one per layer


def test_redo_whose_write_fails_keeps_the_card_away(opened, qtbot, boxes, failing_writes):
    card = _add_card(opened)
    focus_canvas(opened, qtbot)
    qtbot.keyClick(opened.view, Qt.Key.Key_Z, CTRL)
    assert card.id not in opened.view.map_scene.cards
    failing_writes()
    qtbot.keyClick(opened.view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert card.id not in opened.view.map_scene.cards
    _same_as_file(opened)
    assert opened.doc.undo_stack.canRedo()
    _told(opened, boxes, "Redo failed: disk full; nothing was changed.")


def test_the_failed_undo_can_be_tried_again(opened, qtbot, boxes, monkeypatch, failing_writes):
    card = _add_card(opened)
    focus_canvas(opened, qtbot)
    failing_writes()
    qtbot.keyClick(opened.view, Qt.Key.Key_Z, CTRL)
    monkeypatch.undo()  # the disk has room again
    qtbot.keyClick(opened.view, Qt.Key.Key_Z, CTRL)
    assert card.id not in opened.view.map_scene.cards
    assert card.id not in {c.id for c in on_disk(opened.doc.path).maps[0].cards}


def test_a_card_drag_whose_write_fails_puts_the_card_back(opened, qtbot, boxes, failing_writes):
    card = _add_card(opened)
    view = opened.view
    journey = opened.journey
    item = view.map_scene.item_for(card.id)
    start = view.mapFromScene(item.sceneBoundingRect().center())
    target = view.map_scene.cell_rect(journey.stages[2].id, card.lane_id).center()
    end = view.mapFromScene(target)
    failing_writes()
    vp = view.viewport()
    QTest.mousePress(vp, LEFT, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 7):
        QTest.mouseMove(vp, start + (end - start) * i / 6)
    QTest.mouseRelease(vp, LEFT, Qt.KeyboardModifier.NoModifier, end)
    assert card.stage_id == journey.stages[0].id
    box = view.map_scene.layout.cards[card.id]  # back on its box, on whole pixels
    assert (item.scenePos().x(), item.scenePos().y()) == (
        round(box.x), round(box.band.y) + round(box.dy))
    _same_as_file(opened)
    _told(opened, boxes, "disk full; nothing was changed.")


def test_a_palette_drop_whose_write_fails_adds_nothing(opened, qtbot, boxes, failing_writes):
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    view = opened.view
    journey = opened.journey
    before = {c.id for c in journey.cards}
    lane = _lane(journey, LaneKind.PAINS)
    point = view.mapFromScene(view.map_scene.cell_rect(journey.stages[1].id, lane.id).center())
    mime = payload_mime({"item": "card", "kind": "pain"})
    copy = Qt.DropAction.CopyAction
    failing_writes()
    vp = view.viewport()
    QApplication.sendEvent(vp, QDragEnterEvent(point, copy, mime, LEFT,
                                               Qt.KeyboardModifier.NoModifier))
    QApplication.sendEvent(vp, QDragMoveEvent(point, copy, mime, LEFT,
                                              Qt.KeyboardModifier.NoModifier))
    drop = QDropEvent(QPointF(point), copy, mime, LEFT, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, drop)
    assert {c.id for c in journey.cards} == before
    assert set(view.map_scene.cards) == before
    assert view.editor is None  # no editor opened on a card that is not there
    _same_as_file(opened)
    _told(opened, boxes, "disk full; nothing was changed.")


def test_a_paste_whose_write_fails_adds_nothing(opened, qtbot, boxes, failing_writes):
    card = _add_card(opened, "Compare prices")
    QGuiApplication.clipboard().setMimeData(clipboard.mime_for([card]))
    before = {c.id for c in opened.journey.cards}
    focus_canvas(opened, qtbot)
    failing_writes()
    qtbot.keyClick(opened.view, Qt.Key.Key_V, CTRL)
    assert {c.id for c in opened.journey.cards} == before
    assert set(opened.view.map_scene.cards) == before
    _same_as_file(opened)
    _told(opened, boxes, "disk full; nothing was changed.")


def test_an_inspector_edit_whose_write_fails_is_undone_and_told(opened, qtbot, boxes,
                                                               failing_writes):
    card = _add_card(opened, "Search")
    opened.inspector.set_selection([card])
    title = opened.inspector.field("title").widget
    title.setFocus()
    QTest.keyClick(title, Qt.Key.Key_End)
    failing_writes()
    qtbot.keyClicks(title, "!")
    assert card.title == "Search"
    _same_as_file(opened)
    _told(opened, boxes, "disk full; nothing was changed.")
    assert "disk full" in opened.inspector.error.text()


def test_a_context_menu_choice_whose_write_fails_is_told(opened, qtbot, boxes, failing_writes):
    from app.canvas import menus

    card = _add_card(opened)
    view = opened.view
    menu = menus.build_menu(view, view.map_scene.item_for(card.id).sceneBoundingRect().center())
    evidence = next(a.menu() for a in menu.actions() if a.menu() and "Evidence" in a.text())
    observed = next(a for a in evidence.actions() if a.text() == "Observed")
    failing_writes()
    observed.trigger()
    assert card.evidence is None
    _same_as_file(opened)
    _told(opened, boxes, "disk full; nothing was changed.")
    menu.deleteLater()


def test_a_refusal_is_a_status_note_not_a_box(opened, qtbot, boxes):
    journey = opened.journey
    lane = _lane(journey, LaneKind.TOUCHPOINTS)
    operations.add_card(opened.doc, journey, journey.stages[0].id, lane.id, title="x")
    opened.view._run(lambda: operations.set_fields(opened.doc, lane, kind=LaneKind.EMOTIONS))
    assert lane.kind == LaneKind.TOUCHPOINTS
    assert "holds cards" in opened.statusBar().currentMessage()
    assert boxes == []


# -- a real full disk ---------------------------------------------------------------------

@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB tmpfs (needs root and mount); skipped where it cannot be made."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a real full disk needs root to mount a tmpfs")
    point = tmp_path / "small"
    point.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(point)],
                          capture_output=True)
    if made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def _fill(folder) -> None:
    with contextlib.suppress(OSError), open(folder / "filler", "wb") as filler:
        while True:
            filler.write(b"\0" * 4096)
            filler.flush()


def test_undo_on_a_really_full_disk_keeps_model_equal_to_file(window, qtbot, boxes,
                                                             small_disk, project_file):
    path = small_disk / "shop.cjm"
    shutil.copyfile(project_file, path)
    assert window.open_path(str(path))
    card = _add_card(window)
    index = window.doc.undo_stack.index()
    _fill(small_disk)
    focus_canvas(window, qtbot)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    try:
        assert card.id in window.view.map_scene.cards
        assert window.doc.undo_stack.index() == index
        assert any("Undo failed" in text and "nothing was changed" in text
                   for _t, text in boxes), boxes
        _same_as_file(window)
    finally:
        (small_disk / "filler").unlink()
        window.set_document(None)
