"""Text being typed survives a crash: drafts of open editors, offered back on the next open."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.document import Document, operations
from app.document.drafts import Draft, DraftStore
from app.domain.model import LaneKind
from app.domain.templates import new_project
from app.ui import drafts_prompt
from app.ui.drafts_prompt import RecoveredDraftDialog
from tests.ui.conftest import type_text

ROOT = Path(__file__).resolve().parents[2]
TYPED = "Thanh toán qua ví điện tử"


@pytest.fixture
def card_file(tmp_path):
    """A closed project whose first map has one card, “Quảng cáo”."""
    path = tmp_path / "shop.cjm"
    doc = Document.create(str(path), new_project("awareness-5", "vi", "Cửa hàng"))
    journey = doc.project.maps[0]
    lane = next(ln for ln in journey.lanes if ln.kind == LaneKind.TOUCHPOINTS)
    operations.add_card(doc, journey, journey.stages[0].id, lane.id, title="Quảng cáo")
    doc.close()
    return str(path)


@pytest.fixture
def store(tmp_path):
    """The drafts the window keeps (the private data folder of ui/conftest.py)."""
    assert drafts_prompt.drafts_folder() == tmp_path / "data" / "drafts"
    return DraftStore(tmp_path / "data" / "drafts")


def stored(path: str):
    """The project as its file holds it now."""
    reader = Document.open(path, read_only=True)
    try:
        return reader.project
    finally:
        reader.close()


def first_card(window):
    return window.journey.cards[0]


def click(window, entity) -> None:
    """A real click on an entity of the map."""
    view = window.view
    item = view.map_scene.item_for(entity.id)
    view.ensureVisible(item, 20, 20)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.mapFromScene(item.sceneBoundingRect().center()))


def open_inline_editor(window, qtbot, entity):
    """Select the entity with a click and press Enter, as a user starts typing over it."""
    click(window, entity)
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    editor = window.view.editor
    assert editor is not None and editor.entity is entity
    return editor


def wait_for_draft(qtbot, store, doc, text):
    """Wait until the draft on disk holds `text` (the recorder writes after a pause)."""
    qtbot.waitUntil(lambda: (d := store.load(doc.project.id, doc.path)) is not None
                    and d.text == text, timeout=5000)
    return store.load(doc.project.id, doc.path)


def recovered_dialog(window, qtbot) -> RecoveredDraftDialog:
    """The recovery dialog the window shows after opening a project."""
    qtbot.waitUntil(lambda: (d := window.findChild(RecoveredDraftDialog)) is not None
                    and d.isVisible(), timeout=5000)
    return window.findChild(RecoveredDraftDialog)


def restore_offered_draft(window, qtbot, card_file, store) -> None:
    """Open the file, press Restore in the recovery dialog, check the text came back as
    one undo step on the canvas and in the file, then undo it."""
    assert window.open_path(card_file)
    dialog = recovered_dialog(window, qtbot)
    assert "Quảng cáo" in dialog.message.text()
    assert "closed unexpectedly" in dialog.message.text()
    assert dialog.text_view.toPlainText() == TYPED
    QTest.mouseClick(dialog.main_button, Qt.MouseButton.LeftButton)
    card = first_card(window)
    assert card.title == TYPED
    assert " ".join(window.view.map_scene.cards[card.id].box.title_lines) == TYPED
    assert stored(card_file).maps[0].cards[0].title == TYPED
    assert window.doc.undo_stack.count() == 1
    assert not store.file_for(card_file).exists()  # handled: not offered again
    window.doc.undo()
    assert card.title == "Quảng cáo"
    assert stored(card_file).maps[0].cards[0].title == "Quảng cáo"


def no_dialog_after_open(window, qtbot) -> bool:
    for _ in range(5):
        QApplication.processEvents()
    return not any(d.isVisible() for d in window.findChildren(RecoveredDraftDialog))


# -- typing keeps a draft, confirming or cancelling forgets it ------------------------------

def test_typing_keeps_a_draft_and_enter_commits_and_clears_it(window, qtbot, card_file, store):
    assert window.open_path(card_file)
    doc, card = window.doc, first_card(window)
    editor = open_inline_editor(window, qtbot, card)
    type_text(editor, TYPED)
    draft = wait_for_draft(qtbot, store, doc, TYPED)
    assert (draft.entity_id, draft.entity_type, draft.field, draft.original) == (
        card.id, "card", "title", "Quảng cáo")
    assert draft.project_id == doc.project.id and draft.saved_at
    # The draft is kept beside the project, never in it, and not on the undo stack.
    assert doc.undo_stack.count() == 0 and card.title == "Quảng cáo"
    assert stored(card_file).maps[0].cards[0].title == "Quảng cáo"
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert card.title == TYPED and doc.undo_stack.count() == 1
    assert store.load(doc.project.id, doc.path) is None
    assert not store.file_for(doc.path).exists()
    assert stored(card_file).maps[0].cards[0].title == TYPED


def test_escape_cancels_and_clears_the_draft(window, qtbot, card_file, store):
    assert window.open_path(card_file)
    doc, card = window.doc, first_card(window)
    editor = open_inline_editor(window, qtbot, card)
    type_text(editor, TYPED)
    wait_for_draft(qtbot, store, doc, TYPED)
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert card.title == "Quảng cáo" and doc.undo_stack.count() == 0
    assert not store.file_for(doc.path).exists()


def test_leaving_the_editor_commits_and_clears_the_draft(window, qtbot, card_file, store):
    assert window.open_path(card_file)
    doc, journey = window.doc, window.journey
    editor = open_inline_editor(window, qtbot, journey.stages[1])
    editor.selectAll()
    type_text(editor, "Đặt hàng")
    wait_for_draft(qtbot, store, doc, "Đặt hàng")
    click(window, first_card(window))  # a click elsewhere on the map closes the editor
    assert journey.stages[1].title == "Đặt hàng"
    assert not store.file_for(doc.path).exists()


def test_typing_back_the_original_text_forgets_the_draft(window, qtbot, card_file, store):
    assert window.open_path(card_file)
    doc, card = window.doc, first_card(window)
    editor = open_inline_editor(window, qtbot, card)
    type_text(editor, TYPED)
    wait_for_draft(qtbot, store, doc, TYPED)
    editor.selectAll()
    type_text(editor, "Quảng cáo")
    assert not store.file_for(doc.path).exists()
    assert window.view.editor is editor  # still open


def test_closing_the_project_mid_word_loses_nothing(window, qtbot, card_file, store):
    assert window.open_path(card_file)
    editor = open_inline_editor(window, qtbot, first_card(window))
    type_text(editor, TYPED)
    window.set_document(None)  # before the pause after the last keystroke
    kept = stored(card_file).maps[0].cards[0].title == TYPED
    project = stored(card_file)
    draft = store.load(project.id, card_file)
    assert kept or (draft is not None and draft.text == TYPED)


# -- the next open offers the draft back ------------------------------------------------------

def write_draft(store, path, project, entity, text, original=None, field="title"):
    store.save(Draft(project_id=project.id, path=path, entity_id=entity.id,
                     entity_type=type(entity).__name__.lower(), field=field,
                     original=getattr(entity, field) if original is None else original,
                     text=text))


def test_restore_puts_the_text_back_as_one_undo_step(window, qtbot, card_file, store):
    project = stored(card_file)
    write_draft(store, card_file, project, project.maps[0].cards[0], TYPED)
    restore_offered_draft(window, qtbot, card_file, store)


def test_discard_forgets_the_draft_and_changes_nothing(window, qtbot, card_file, store):
    project = stored(card_file)
    write_draft(store, card_file, project, project.maps[0].cards[0], TYPED)
    assert window.open_path(card_file)
    dialog = recovered_dialog(window, qtbot)
    QTest.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    assert first_card(window).title == "Quảng cáo" and window.doc.undo_stack.count() == 0
    assert not store.file_for(card_file).exists()
    window.set_document(None)
    assert window.open_path(card_file)
    assert no_dialog_after_open(window, qtbot)


def test_closing_the_recovery_dialog_decides_nothing(window, qtbot, card_file, store):
    project = stored(card_file)
    write_draft(store, card_file, project, project.maps[0].cards[0], TYPED)
    assert window.open_path(card_file)
    dialog = recovered_dialog(window, qtbot)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not any(d.isVisible()
                                    for d in window.findChildren(RecoveredDraftDialog)))
    assert first_card(window).title == "Quảng cáo"
    assert store.file_for(card_file).exists()  # offered again next time


def test_a_field_changed_since_is_never_overwritten(window, qtbot, card_file, store):
    project = stored(card_file)
    card = project.maps[0].cards[0]
    write_draft(store, card_file, project, card, TYPED, original="Tiêu đề cũ")
    assert window.open_path(card_file)
    dialog = recovered_dialog(window, qtbot)
    assert "changed since" in dialog.message.text()
    assert dialog.main_button.text().replace("&", "") == "Copy Text"
    assert dialog.text_view.toPlainText() == TYPED
    QTest.mouseClick(dialog.main_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == TYPED
    assert first_card(window).title == "Quảng cáo" and window.doc.undo_stack.count() == 0
    assert stored(card_file).maps[0].cards[0].title == "Quảng cáo"
    assert not store.file_for(card_file).exists()


def test_a_draft_for_a_deleted_card_is_offered_to_copy(window, qtbot, card_file, store):
    project = stored(card_file)
    card = project.maps[0].cards[0]
    write_draft(store, card_file, project, card, TYPED)
    doc = Document.open(card_file)
    operations.remove(doc, [doc.project.maps[0].cards[0]])
    doc.close()
    assert window.open_path(card_file)
    dialog = recovered_dialog(window, qtbot)
    assert "no longer exists" in dialog.message.text()
    assert "Quảng cáo" in dialog.message.text()  # named by the text it had
    assert dialog.main_button.text().replace("&", "") == "Copy Text"
    QTest.mouseClick(dialog.main_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == TYPED and not window.journey.cards


def test_a_draft_of_another_project_at_that_path_is_ignored(window, qtbot, card_file, store):
    project = stored(card_file)
    card = project.maps[0].cards[0]
    store.save(Draft(project_id="some-other-project", path=card_file, entity_id=card.id,
                     entity_type="card", field="title", original=card.title, text=TYPED))
    assert window.open_path(card_file)
    assert no_dialog_after_open(window, qtbot)
    assert first_card(window).title == "Quảng cáo"


def test_a_read_only_open_offers_nothing_and_keeps_the_draft(window, qtbot, card_file, store):
    project = stored(card_file)
    write_draft(store, card_file, project, project.maps[0].cards[0], TYPED)
    assert window.open_path(card_file, read_only=True)
    assert no_dialog_after_open(window, qtbot)
    assert store.file_for(card_file).exists()


# -- the inspector and failures ------------------------------------------------------------

def test_the_inspector_title_is_written_as_typed_and_needs_no_draft(window, qtbot, card_file,
                                                                    store):
    assert window.open_path(card_file)
    doc, card = window.doc, first_card(window)
    click(window, card)
    qtbot.waitUntil(lambda: window.inspector.current_entity() is card)
    field = window.inspector.field("title").widget
    QTest.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    field.selectAll()
    type_text(field, TYPED)
    assert field.hasFocus()  # still typing: nothing confirmed yet
    assert stored(card_file).maps[0].cards[0].title == TYPED  # every keystroke is in the file
    recorder = drafts_prompt.DraftRecorder.of(doc)
    assert recorder is not None and not recorder.has_pending()
    assert not store.file_for(doc.path).exists()


def opportunity(window):
    journey = window.journey
    lane = next(ln for ln in journey.lanes if ln.kind == LaneKind.OPPORTUNITIES)
    return operations.add_card(window.doc, journey, journey.stages[0].id, lane.id,
                               title="Ví điện tử")


def test_an_inspector_field_stored_on_enter_keeps_a_draft_until_then(window, qtbot, card_file,
                                                                     store):
    assert window.open_path(card_file)
    doc = window.doc
    card = opportunity(window)
    click(window, card)
    qtbot.waitUntil(lambda: window.inspector.current_entity() is card)
    status = window.inspector.field("status").widget.lineEdit()
    QTest.mouseClick(status, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    type_text(status, "Đang thử nghiệm")
    draft = wait_for_draft(qtbot, store, doc, "Đang thử nghiệm")
    assert (draft.entity_id, draft.field, draft.original) == (card.id, "status", "")
    assert card.status == ""
    QTest.keyClick(status, Qt.Key.Key_Return)
    assert card.status == "Đang thử nghiệm"
    assert not store.file_for(doc.path).exists()


def test_a_recovered_inspector_draft_restores_that_field(window, qtbot, card_file, store):
    assert window.open_path(card_file)
    card_id = opportunity(window).id
    window.set_document(None)
    project = stored(card_file)
    card = next(c for c in project.maps[0].cards if c.id == card_id)
    write_draft(store, card_file, project, card, "Đang thử nghiệm", field="status")
    assert window.open_path(card_file)
    dialog = recovered_dialog(window, qtbot)
    assert "Ví điện tử" in dialog.message.text()
    QTest.mouseClick(dialog.main_button, Qt.MouseButton.LeftButton)
    card = next(c for c in window.journey.cards if c.id == card_id)
    assert card.status == "Đang thử nghiệm"
    assert next(c for c in stored(card_file).maps[0].cards if c.id == card_id).status \
        == "Đang thử nghiệm"


def test_an_unwritable_draft_folder_does_not_stop_typing(window, qtbot, card_file, tmp_path,
                                                        monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("where the data folder should be")
    monkeypatch.setattr(drafts_prompt, "drafts_folder", lambda: blocker / "drafts")
    assert window.open_path(card_file)
    card = first_card(window)
    editor = open_inline_editor(window, qtbot, card)
    type_text(editor, TYPED)
    qtbot.waitUntil(lambda: "could not be kept as a draft" in window.statusBar().currentMessage(),
                    timeout=5000)
    assert window.view.editor is editor and editor.toPlainText() == TYPED
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert card.title == TYPED
    assert stored(card_file).maps[0].cards[0].title == TYPED


# -- a real crash ----------------------------------------------------------------------------

def test_text_typed_before_a_kill_is_offered_back_and_restored(window, qtbot, card_file,
                                                              tmp_path, store):
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.drafts_child", card_file, str(tmp_path / "data"),
         str(tmp_path / "child-settings"), TYPED],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    try:
        # A child that never keeps a draft must fail the test, not hang it.
        ready, _, _ = select.select([child.stdout], [], [], 60)
        line = child.stdout.readline() if ready else ""
        assert line.strip() == "drafted", "the child did not keep a draft"
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert child.returncode == -signal.SIGKILL
    assert stored(card_file).maps[0].cards[0].title == "Quảng cáo"  # never confirmed

    restore_offered_draft(window, qtbot, card_file, store)
