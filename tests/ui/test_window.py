"""The main window: opening, menus, shortcuts, title, status bar and undo names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from app.document.document import Document
from app.domain.model import LaneKind
from app.ui import prompts
from app.ui.main_window import MainWindow

Key = QKeySequence.StandardKey


def menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_window_opens_the_sample_copy_not_the_bundled_file(window, tmp_path):
    assert window.open_sample()
    path = window.doc.path
    assert path.startswith(str(tmp_path / "data"))
    assert window.journey is not None
    assert window.view.__class__.__name__ == "MapView"
    assert window.windowTitle() == (f"{window.journey.name} — {window.doc.project.title}"
                                    " — Journey Studio")
    counts = window.status.counts.text()
    assert f"Stages: {len(window.journey.stages)}" in counts
    assert f"Cards: {len(window.journey.cards)}" in counts
    assert window.status.zoom.text().endswith("%")


def test_menus_are_exactly_file_edit_view_map_help(window):
    assert menu_titles(window) == ["&File", "&Edit", "&View", "&Map", "&Help"]
    file_texts = [a.text() for a in window.actions.menus["file"].actions() if a.text()]
    assert file_texts == ["&New from Template…", "&Open…", "Open from Ser&ver…", "Open &Recent",
                          "Save a Cop&y As…", "Pro&ject Properties…", "&Export", "&Import",
                          "&Close", "&Quit"]
    export = [a.text() for a in window.actions.menus["export"].actions()]
    assert export == ["&PDF…", "P&NG Image…", "&SVG Image…", "&JSON…", "Spreadsheet (&XLSX)…",
                      "&CSV Table…"]
    lanes = [a.text() for a in window.actions.add_lane_menu.actions()]
    assert len(lanes) == len(LaneKind) and "Touchpoints" in lanes


def test_standard_keys_are_used_wherever_qt_has_one(window):
    a = window.actions
    for action, key in ((a.undo, Key.Undo), (a.redo, Key.Redo), (a.cut, Key.Cut),
                        (a.copy, Key.Copy), (a.paste, Key.Paste), (a.delete, Key.Delete),
                        (a.select_all, Key.SelectAll), (a.zoom_in, Key.ZoomIn),
                        (a.zoom_out, Key.ZoomOut), (a.open, Key.Open), (a.new_project, Key.New),
                        (a.close, Key.Close), (a.quit, Key.Quit), (a.save_copy, Key.SaveAs)):
        assert action.shortcut() == QKeySequence(key), action.text()
    assert a.duplicate.shortcut() == QKeySequence("Ctrl+D")
    assert a.zoom_reset.shortcut() == QKeySequence("Ctrl+0")
    assert a.zoom_fit.shortcut() == QKeySequence("Ctrl+9")
    assert QKeySequence("Ctrl+Shift+Z") in a.redo.shortcuts()


def test_undo_and_redo_actions_name_the_command(opened, qtbot):
    window = opened
    stages = len(window.journey.stages)
    assert not window.actions.undo.isEnabled()
    window.view.setFocus()
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.AltModifier)
    assert len(window.journey.stages) == stages + 1
    assert window.actions.undo.text() == "Undo Add stage"
    QTest.keySequence(window, QKeySequence(Key.Undo))
    assert len(window.journey.stages) == stages
    assert window.actions.redo.text() == "Redo Add stage"
    QTest.keySequence(window, QKeySequence(Key.Redo))
    assert len(window.journey.stages) == stages + 1
    assert "Stages: 6" in window.status.counts.text()


def test_add_lane_menu_adds_a_lane_of_that_kind_as_one_step(opened):
    window = opened
    before = window.doc.undo_stack.count()
    window.actions.add_lane[LaneKind.METRICS].trigger()
    assert window.journey.lanes[-1].kind == LaneKind.METRICS
    assert window.doc.undo_stack.count() == before + 1
    assert window.inspector.current_entity() is window.journey.lanes[-1]


def test_zoom_actions_drive_the_view_and_the_status_bar(opened):
    window = opened
    QTest.keySequence(window, QKeySequence("Ctrl+0"))
    assert window.status.zoom.text() == "100 %"
    QTest.keySequence(window, QKeySequence(Key.ZoomIn))
    assert window.view.zoom_factor() > 1.0
    assert window.status.zoom.text() == f"{round(window.view.zoom_factor() * 100)} %"


def test_switching_maps_updates_title_inspector_and_list(opened):
    window = opened
    doc = window.doc
    from app.document import operations

    second = operations.new_map_from_template(doc, "inbound-4", "Inbound")
    window.actions.next_map.trigger()
    assert window.map_id == second.id
    assert window.windowTitle().startswith("Inbound — Shop — ")
    assert window.inspector.current_entity() is second
    window.actions.previous_map.trigger()
    assert window.map_id == doc.project.maps[0].id


def test_read_only_project_shows_badge_and_refuses_edits(window, project_file):
    assert window.open_path(project_file, read_only=True)
    assert window.windowTitle().endswith("[read-only]")
    assert window.status.read_only.isVisible()
    assert not window.actions.add_stage.isEnabled()
    assert not window.actions.paste.isEnabled()


def test_locked_project_offers_read_only(window, project_file, monkeypatch):
    other = Document.open(project_file)
    try:
        asked = []
        monkeypatch.setattr(prompts, "ask_yes_no", lambda *a: asked.append(a) or True)
        assert window.open_path(project_file)
        assert asked and window.doc.read_only
    finally:
        window.set_document(None)
        other.close()


def test_a_bad_file_is_told_in_words_and_the_window_goes_on(window, tmp_path, monkeypatch):
    bad = tmp_path / "notes.cjm"
    bad.write_text("not a project")
    errors = []
    monkeypatch.setattr(prompts, "error", lambda *a: errors.append(a))
    assert not window.open_path(str(bad))
    assert errors and "notes.cjm" in errors[0][2]
    assert window.doc is None and window.pages.currentWidget() is window.start_page


def test_deleting_the_map_in_view_shows_another_and_undo_brings_it_back(opened):
    from app.document import operations

    window = opened
    doc = window.doc
    first = window.journey
    second = operations.duplicate_map(doc, first)
    window.switch_map(second.id)
    operations.remove(doc, [second])
    assert window.map_id == first.id
    doc.undo()
    assert doc.project.map(second.id) is not None
    assert window.map_id == first.id


def test_close_returns_to_the_start_page(opened):
    QTest.keySequence(opened, QKeySequence(Key.Close))
    assert opened.doc is None
    assert opened.pages.currentWidget() is opened.start_page
    assert opened.windowTitle() == "Journey Studio"
