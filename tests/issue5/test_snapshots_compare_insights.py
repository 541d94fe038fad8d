"""Snapshots (take, list, open, restore, compare, delete), the compare window, insights."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app.dialogs.snapshot_dialogs import (
    SnapshotsDialog,
    TakeSnapshotDialog,
    default_snapshot_name,
    take_snapshot,
)
from app.document import operations
from app.document.document import Document
from app.domain.compare import DiffStatus, compare_maps
from app.domain.model import LaneKind
from app.ui.compare_window import CompareWindow, DiffOutline, overlay_map
from app.ui.insights_panel import InsightsPanel
from app.ui.snapshot_window import SnapshotWindow
from tests.issue5.helpers import card_titled, file_document, reopened, small_project
from tests.issue5.modal import press, type_text, when_modal

OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


def test_default_names_follow_the_language_and_quarter():
    assert default_snapshot_name("en", date(2026, 11, 3)) == "Q4 2026 review"
    assert default_snapshot_name("vi", date(2026, 11, 3)) == "Đánh giá Q4 2026"
    assert default_snapshot_name("en", date(2027, 1, 1)) == "Q1 2027 review"


def test_take_snapshot_typed_cancel_and_reopen(qtbot, tmp_path):
    project = small_project()
    journey = project.maps[0]
    doc = file_document(tmp_path, project)

    def cancel(dialog):
        assert dialog.name.text() == default_snapshot_name("vi")
        press(dialog, CANCEL)

    when_modal(cancel, TakeSnapshotDialog)
    assert take_snapshot(None, doc, journey.id) is None
    assert project.snapshots == [] and doc.undo_stack.count() == 0

    def name_it(dialog):
        dialog.name.setFocus()
        dialog.name.selectAll()
        type_text(qtbot, dialog.name, "Đánh giá quý 3")
        press(dialog, OK)

    when_modal(name_it, TakeSnapshotDialog)
    snapshot = take_snapshot(None, doc, journey.id)
    assert snapshot is not None and snapshot.name == "Đánh giá quý 3"
    assert compare_maps(journey, snapshot.content).identical
    doc.undo()
    assert project.snapshots == []
    doc.redo()
    again = reopened(doc)
    assert [s.name for s in again.snapshots] == ["Đánh giá quý 3"]
    assert compare_maps(again.maps[0], again.snapshots[0].content).identical


def _dialog(qtbot, doc, map_id):
    dialog = SnapshotsDialog(None, doc, map_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_restore_equals_the_snapshot_and_is_undoable(qtbot, tmp_path):
    project = small_project()
    journey = project.maps[0]
    doc = file_document(tmp_path, project)
    snapshot = operations.take_snapshot(doc, journey, "Q3 2026 review")
    operations.set_fields(doc, card_titled(journey, "Quảng cáo"), title="Quảng cáo mới")
    dialog = _dialog(qtbot, doc, journey.id)
    assert dialog.tree.topLevelItem(0).text(0) == "Q3 2026 review"
    assert dialog.tree.topLevelItem(0).text(2) == journey.name

    QTest.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert len(project.maps) == 2
    restored = project.maps[1]
    assert dialog.restored == [restored.id]
    result = compare_maps(snapshot.content, restored)
    assert result.identical is False and result.map_fields == ("name",)  # only the name
    assert result.differences == []
    # ...and against today's map the edit made after the snapshot shows up.
    today = compare_maps(restored, journey)
    assert [(d.title, d.fields) for d in today.changed()] == [("Quảng cáo mới", ("title",))]
    doc.undo()
    assert len(project.maps) == 1
    doc.redo()
    again = reopened(doc)
    assert compare_maps(again.snapshots[0].content, again.maps[1]).differences == []


def test_open_compare_and_delete_from_the_list(qtbot, tmp_path, monkeypatch):
    project = small_project()
    journey = project.maps[0]
    doc = file_document(tmp_path, project)
    snapshot = operations.take_snapshot(doc, journey, "Q3 2026 review")
    operations.remove(doc, [card_titled(journey, "Chậm")])
    dialog = _dialog(qtbot, doc, journey.id)

    QTest.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    windows = [w for w in qtbot_windows(SnapshotWindow)]
    assert len(windows) == 1
    window = windows[0]
    qtbot.addWidget(window)
    assert window.view_doc.read_only
    assert "Chậm" in {c.title for c in window.view.map_scene.journey.cards}
    count = doc.undo_stack.count()
    window.view.setFocus()
    window.view.select_all()
    window.view.delete_selection()  # refused: the snapshot cannot change
    assert doc.undo_stack.count() == count
    assert len(snapshot.content.cards) == 3
    window.close()

    QTest.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    compares = qtbot_windows(CompareWindow)
    assert len(compares) == 1
    compare = compares[0]
    qtbot.addWidget(compare)
    assert [d.title for d in compare.result.removed()] == ["Chậm"]
    compare.close()

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    QTest.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert project.snapshots == [] and dialog.tree.topLevelItemCount() == 0
    doc.undo()
    assert project.snapshots == [snapshot] and dialog.tree.topLevelItemCount() == 1


def qtbot_windows(kind):
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def _future_with_changes(doc):
    current = doc.project.maps[0]
    future = operations.create_future_state(doc, current)
    tp = future.lanes[0]
    operations.set_fields(doc, card_titled(future, "Quảng cáo"), title="Quảng cáo video")
    operations.remove(doc, [card_titled(future, "Chậm")])
    operations.add_card(doc, future, future.stages[1].id, tp.id, title="Ứng dụng")
    marker = next(m for m in future.markers if m.label == "Phí ẩn")
    operations.set_fields(doc, marker, score=1)
    return current, future


def test_compare_window_side_by_side_scrolls_together(qtbot):
    project = small_project()
    doc = Document(project)
    current, future = _future_with_changes(doc)
    window = CompareWindow(doc, current.id, future.id)
    qtbot.addWidget(window)
    window.resize(900, 500)
    window.show()
    qtbot.waitExposed(window)
    result = window.result
    assert {d.status for d in result.differences} >= {DiffStatus.ADDED, DiffStatus.REMOVED,
                                                       DiffStatus.CHANGED}
    assert window.summary.text() == result.summary("vi")
    rows = [(r.label, r.before, r.after) for r in window.delta_chart.rows]
    assert rows == [("Tìm hiểu", 0.0, 0.0), ("Mua", -2.0, 1.0)]
    assert window.left_view.doc.read_only and window.right_view.doc.read_only

    left, right = window.left_view, window.right_view
    right.set_zoom(2.0)
    assert left.zoom_factor() == 2.0
    left.verticalScrollBar().setValue(120)
    assert right.verticalScrollBar().value() == 120
    right.horizontalScrollBar().setValue(80)
    assert left.horizontalScrollBar().value() == 80

    # Clicking a difference selects its card on the side(s) holding it.
    row = next(i for i in range(window.differences.count())
               if "Ứng dụng" in window.differences.item(i).text())
    rect = window.differences.visualItemRect(window.differences.item(row))
    QTest.mouseClick(window.differences.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, rect.center())
    added = card_titled(future, "Ứng dụng")
    assert [e.id for e in right.selected_entities()] == [added.id]
    assert left.selected_entities() == []

    # Editing the future map in the main window updates the open comparison.
    operations.remove(doc, [card_titled(future, "Ứng dụng")])
    qtbot.waitUntil(lambda: "Ứng dụng" not in [d.title for d in window.result.added()])


def test_compare_window_overlay_outlines_and_ghosts(qtbot):
    project = small_project()
    doc = Document(project)
    current, future = _future_with_changes(doc)
    window = CompareWindow(doc, current.id, future.id)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    QTest.mouseClick(window.overlay_button, Qt.MouseButton.LeftButton)
    assert window.overlay_mode
    scene = window.overlay_view.map_scene
    ghost = card_titled(current, "Chậm")
    assert scene.item_for(ghost.id) is not None  # the removed card is back, as a ghost
    outlines = {o.status for o in window.outlines if isinstance(o, DiffOutline)}
    assert outlines == {DiffStatus.ADDED, DiffStatus.CHANGED, DiffStatus.REMOVED}
    assert any(o.__class__.__name__ == "QGraphicsPathItem" for o in window.outlines)
    merged = overlay_map(current, future, window.result)
    assert len(merged.cards) == len(future.cards) + 1
    assert future.cards != merged.cards and len(future.cards) == 3  # the model is untouched

    # Swap: the same differences, seen the other way round.
    window.swap()
    assert [d.title for d in window.result.added()] == ["Chậm"]
    window.left_combo.setFocus()
    assert window.left_combo.currentData() == future.id


def test_insights_panel_shows_the_numbers_and_follows_edits(qtbot):
    project = small_project()
    journey = project.maps[0]
    doc = Document(project)
    panel = InsightsPanel(doc, journey.id)
    qtbot.addWidget(panel)
    panel.resize(320, 900)
    panel.show()
    qtbot.waitExposed(panel)
    # Tìm hiểu: (−1 + 1) / 2 = 0; Mua: −2.
    assert [(r.label, r.value) for r in panel.emotion_chart.rows] == [("Tìm hiểu", 0.0),
                                                                      ("Mua", -2.0)]
    # Markers in order: −1, +1, −2: one drop, of 3, into "Phí ẩn".
    assert panel.moments.texts() == ["▼ 3  Tìm hiểu → Mua (+1 → −2)\nPhí ẩn"]
    assert [(c.label, c.count, c.weight) for c in panel.pain_strip.rows] == [
        ("Tìm hiểu", 1, 2.0), ("Mua", 0, 0.0)]
    assert panel.funnel_section.empty.isVisible()

    pains = next(ln for ln in journey.lanes if ln.kind == LaneKind.PAINS)
    operations.add_card(doc, journey, journey.stages[1].id, pains.id, title="Hết hàng",
                        severity=3)
    # The figures follow once the edits pause (the refresh is debounced).
    qtbot.waitUntil(lambda: [c.count for c in panel.pain_strip.rows] == [1, 1])
    tp = journey.lanes[0]
    web = project.channels[0]
    operations.set_fields(doc, card_titled(journey, "Trang web"), channel_id=web.id,
                          favourite=True)
    qtbot.waitUntil(lambda: panel.channel_chart.rows[0].label == web.name)
    assert panel.channel_chart.rows[0].stars == 1
    assert "Trang web" in panel.favourites.texts()[0]
    metrics = operations.add_lane(doc, journey, LaneKind.METRICS)
    operations.add_card(doc, journey, journey.stages[0].id, metrics.id, title="Khách truy cập",
                        value=1000.0)
    operations.add_card(doc, journey, journey.stages[1].id, metrics.id, title="Người mua",
                        value=250.0)
    qtbot.waitUntil(lambda: [(r.label, r.value, r.drop_off) for r in panel.funnel_chart.rows]
                    == [("Tìm hiểu", 1000.0, None), ("Mua", 250.0, 0.75)])
    assert not panel.funnel_section.empty.isVisible()
    assert tp is journey.lanes[0]

    panel.set_map(None)
    assert not panel.emotion_section.isVisible()


def test_insights_panel_looks_right_at_dock_width(qtbot, tmp_path):
    project = small_project()
    journey = project.maps[0]
    panel = InsightsPanel(Document(project), journey.id)
    qtbot.addWidget(panel)
    panel.resize(320, 900)
    panel.show()
    qtbot.waitExposed(panel)
    image = panel.grab().toImage()
    assert image.width() == 320
    # Something is drawn in the emotion chart: the stage "Mua" bar is red-ish.
    chart = panel.emotion_chart
    assert chart.isVisible() and 0 < chart.width() <= 320
    drawn = chart.grab().toImage()
    y = int(chart.row_rect(1).center().y())
    colours = {drawn.pixelColor(x, y).name() for x in range(drawn.width())}
    assert "#c0392b" in colours  # the very negative stage is drawn red
