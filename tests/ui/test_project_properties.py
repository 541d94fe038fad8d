"""File ▸ Project Properties…: title, client, author, language, logo and accent, one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QColorDialog, QDialogButtonBox

from app.dialogs.project_properties import ProjectPropertiesDialog
from app.storage import ProjectStore
from tests.issue5.modal import press, type_text, when_modal

OK = QDialogButtonBox.StandardButton.Ok


def _retype(qtbot, widget, text):
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, widget, text)


def _logo_file(tmp_path):
    image = QImage(300, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("#1E6B52"))
    path = tmp_path / "logo.png"
    assert image.save(str(path))
    return path


def test_the_project_properties_are_edited_from_the_file_menu_and_kept(opened, qtbot,
                                                                       tmp_path, monkeypatch):
    window = opened
    doc = window.doc
    project = doc.project
    logo = _logo_file(tmp_path)
    monkeypatch.setattr(QColorDialog, "getColor", lambda *_a, **_k: QColor("#8e44ad"))

    def fill(dialog: ProjectPropertiesDialog):
        qtbot.waitExposed(dialog)
        _retype(qtbot, dialog.title, "Cửa hàng Sen Việt")
        _retype(qtbot, dialog.client, "Công ty Sen Việt")
        _retype(qtbot, dialog.author, "Nhóm CX")
        dialog.language.setFocus()
        QTest.keyClick(dialog.language, Qt.Key.Key_Up)  # English → Tiếng Việt
        assert dialog.use_logo_file(str(logo))
        assert not dialog.logo_preview.pixmap().isNull()
        QTest.mouseClick(dialog.accent_button, Qt.MouseButton.LeftButton)
        assert dialog.accent_button.text() == "#8E44AD"
        press(dialog, OK)

    depth = doc.undo_stack.count()
    when_modal(fill, ProjectPropertiesDialog)
    menu = window.actions.menus["file"]
    assert window.actions.project_properties in menu.actions()
    window.actions.project_properties.trigger()
    assert (project.title, project.client, project.author, project.language) == (
        "Cửa hàng Sen Việt", "Công ty Sen Việt", "Nhóm CX", "vi")
    assert project.logo is not None and project.logo_mime == "image/png"
    assert project.accent == "#8E44AD"
    assert doc.undo_stack.count() == depth + 1
    assert "Cửa hàng Sen Việt" in window.windowTitle()
    store, saved = ProjectStore.open(doc.path, read_only=True)
    store.close()
    assert (saved.title, saved.language, saved.accent) == ("Cửa hàng Sen Việt", "vi", "#8E44AD")
    assert saved.logo == project.logo
    doc.undo()
    assert (project.title, project.language, project.logo, project.accent) == (
        "Shop", "en", None, "")
    assert "Shop" in window.windowTitle()


def test_a_project_needs_a_title_and_a_bad_logo_is_told_in_one_line(qtbot, tmp_path):
    from app.domain.templates import new_project

    dialog = ProjectPropertiesDialog(None, new_project("awareness-5", "en", "Shop"))
    qtbot.addWidget(dialog)
    dialog.show()
    not_an_image = tmp_path / "notes.png"
    not_an_image.write_text("hello", encoding="utf-8")
    assert not dialog.use_logo_file(str(not_an_image))
    assert dialog.error.text() and "\n" not in dialog.error.text()
    assert dialog.values().logo is None
    _retype(qtbot, dialog.title, " ")
    QTest.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.text() == "A project needs a title."
