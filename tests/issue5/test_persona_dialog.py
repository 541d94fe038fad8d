"""The persona editor and manager, driven with the keyboard and mouse."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from app.dialogs.persona_dialog import (
    MAX_PHOTO_SIDE,
    PersonaDialog,
    PersonasDialog,
    edit_persona,
    load_photo,
)
from app.domain.model import Persona
from tests.issue5.helpers import file_document, reopened, small_project
from tests.issue5.modal import press, type_text, when_modal

OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


def _image(path, width, height, fmt, alpha=False):
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor(30, 120, 200, 128 if alpha else 255))
    for x in range(0, width, 7):  # some detail, so the encoder has something to keep
        image.setPixelColor(x, x * height // width, QColor("#E67E22"))
    assert image.save(str(path), fmt)
    return str(path)


def _type_into(qtbot, widget, text):
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, widget, text)


def _fill(qtbot, dialog: PersonaDialog):
    qtbot.waitExposed(dialog)
    _type_into(qtbot, dialog.name, "Nguyễn Thị Lan")
    _type_into(qtbot, dialog.age.lineEdit(), "29")
    _type_into(qtbot, dialog.occupation, "Nhân viên văn phòng")
    _type_into(qtbot, dialog.quote, "Mình muốn mua nhanh, không rắc rối.")
    for key, text in (("description", "Sống ở TP.HCM"), ("goals", "Mua điện thoại trước Tết"),
                      ("motivations", "Tiết kiệm thời gian"), ("behaviours", "So sánh giá"),
                      ("interests", "Công nghệ"), ("pains", "Phí ẩn, chờ duyệt lâu")):
        _type_into(qtbot, dialog.boxes[key], text)
    # Tick the 1st and 4th channels with the keyboard: arrows move, space ticks.
    dialog.channels.setFocus()
    dialog.channels.setCurrentRow(0)
    QTest.keyClick(dialog.channels, Qt.Key.Key_Space)
    for _ in range(3):
        QTest.keyClick(dialog.channels, Qt.Key.Key_Down)
    QTest.keyClick(dialog.channels, Qt.Key.Key_Space)
    dialog.choose_photo.click()


def test_new_persona_with_photo_is_added_assigned_and_survives_reopening(
        qtbot, tmp_path, monkeypatch):
    photo = _image(tmp_path / "lan.jpg", 1600, 1200, "JPEG")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (photo, ""))
    project = small_project()
    doc = file_document(tmp_path, project)
    journey = project.maps[0]
    manager = PersonasDialog(None, doc, journey.id)
    qtbot.addWidget(manager)
    manager.show()
    qtbot.waitExposed(manager)

    def fill_and_ok(dialog):
        _fill(qtbot, dialog)
        assert dialog.assign.isChecked()
        press(dialog, OK)

    when_modal(fill_and_ok, PersonaDialog)
    QTest.mouseClick(manager.add_button, Qt.MouseButton.LeftButton)

    assert len(project.personas) == 1
    lan = project.personas[0]
    assert (lan.name, lan.age, lan.occupation) == ("Nguyễn Thị Lan", 29, "Nhân viên văn phòng")
    assert lan.quote == "Mình muốn mua nhanh, không rắc rối."
    assert (lan.goals, lan.pains) == ("Mua điện thoại trước Tết", "Phí ẩn, chờ duyệt lâu")
    assert lan.channel_ids == [project.channels[0].id, project.channels[3].id]
    assert lan.photo_mime == "image/jpeg"
    stored = QImage.fromData(lan.photo)
    assert (stored.width(), stored.height()) == (MAX_PHOTO_SIDE, 384)
    assert journey.persona_id == lan.id
    assert manager.list.count() == 1 and "Nguyễn Thị Lan" in manager.list.item(0).text()

    # One undo step took both the persona and the assignment back.
    doc.undo()
    assert project.personas == [] and journey.persona_id is None
    doc.redo()
    assert journey.persona_id == lan.id

    again = reopened(doc)
    back = again.personas[0]
    assert back.name == "Nguyễn Thị Lan" and back.photo == lan.photo
    assert back.channel_ids == lan.channel_ids
    assert again.maps[0].persona_id == back.id


def test_cancel_changes_nothing(qtbot, tmp_path):
    project = small_project()
    lan = Persona(name="Lan", occupation="Kế toán")
    project.personas.append(lan)
    doc = file_document(tmp_path, project)

    def type_then_cancel(dialog):
        _type_into(qtbot, dialog.occupation, "Giám đốc")
        dialog.remove_photo.click()
        press(dialog, CANCEL)

    when_modal(type_then_cancel, PersonaDialog)
    assert edit_persona(None, doc, lan.id) is False
    assert lan.occupation == "Kế toán"
    assert doc.undo_stack.count() == 0
    assert reopened(doc).personas[0].occupation == "Kế toán"


def test_edit_is_one_undo_step_and_persists(qtbot, tmp_path):
    project = small_project()
    lan = Persona(name="Lan", occupation="Kế toán", age=30)
    project.personas.append(lan)
    doc = file_document(tmp_path, project)

    def edit(dialog):
        _type_into(qtbot, dialog.occupation, "Trưởng phòng kế toán")
        _type_into(qtbot, dialog.boxes["interests"], "Đọc sách\nYoga")
        press(dialog, OK)

    when_modal(edit, PersonaDialog)
    assert edit_persona(None, doc, lan.id) is True
    assert (lan.occupation, lan.interests, lan.age) == ("Trưởng phòng kế toán",
                                                         "Đọc sách\nYoga", 30)
    assert doc.undo_stack.count() == 1
    doc.undo()
    assert (lan.occupation, lan.interests) == ("Kế toán", "")
    doc.redo()
    again = reopened(doc)
    assert again.personas[0].interests == "Đọc sách\nYoga"


def test_a_persona_needs_a_name(qtbot):
    dialog = PersonaDialog(None, small_project())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    press(dialog, OK)
    assert dialog.isVisible() and dialog.error.text() != ""


def test_png_photo_keeps_aspect_and_transparency_and_can_be_removed(qtbot, tmp_path,
                                                                    monkeypatch):
    tall = _image(tmp_path / "tall.png", 300, 900, "PNG", alpha=True)
    data, mime = load_photo(tall)
    image = QImage.fromData(data)
    assert mime == "image/png" and (image.width(), image.height()) == (171, 512)
    assert image.hasAlphaChannel()
    small = _image(tmp_path / "small.png", 200, 100, "PNG")
    data, _ = load_photo(small)
    assert QImage.fromData(data).size().toTuple() == (200, 100)  # never enlarged

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (tall, ""))
    project = small_project()
    lan = Persona(name="Lan")
    project.personas.append(lan)
    doc = file_document(tmp_path, project)

    def choose(dialog):
        QTest.mouseClick(dialog.choose_photo, Qt.MouseButton.LeftButton)
        press(dialog, OK)

    when_modal(choose, PersonaDialog)
    edit_persona(None, doc, lan.id)
    assert lan.photo_mime == "image/png" and QImage.fromData(lan.photo).height() == 512

    def remove(dialog):
        assert dialog.remove_photo.isEnabled()
        QTest.mouseClick(dialog.remove_photo, Qt.MouseButton.LeftButton)
        press(dialog, OK)

    when_modal(remove, PersonaDialog)
    edit_persona(None, doc, lan.id)
    assert lan.photo is None and lan.photo_mime == ""
    doc.undo()
    assert lan.photo is not None
    assert reopened(doc).personas[0].photo == lan.photo


def test_not_an_image_is_refused(qtbot, tmp_path, monkeypatch):
    bogus = tmp_path / "notes.png"
    bogus.write_text("not a picture")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bogus), ""))
    dialog = PersonaDialog(None, small_project())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_photo.click()
    assert dialog.error.text() != ""
    assert dialog.values().photo is None


def test_manager_duplicates_deletes_with_confirmation_and_assigns(qtbot, tmp_path,
                                                                  monkeypatch):
    project = small_project()
    lan = Persona(name="Lan", channel_ids=[project.channels[1].id])
    minh = Persona(name="Minh")
    project.personas += [lan, minh]
    journey = project.maps[0]
    journey.persona_id = lan.id
    doc = file_document(tmp_path, project)
    manager = PersonasDialog(None, doc, journey.id)
    qtbot.addWidget(manager)
    manager.show()
    qtbot.waitExposed(manager)

    manager.select(lan.id)
    QTest.mouseClick(manager.duplicate_button, Qt.MouseButton.LeftButton)
    assert [p.name for p in project.personas] == ["Lan", "Minh", "Lan (bản sao)"]
    copy = project.personas[2]
    assert copy.id != lan.id and copy.channel_ids == lan.channel_ids
    assert copy.channel_ids is not lan.channel_ids

    manager.select(minh.id)
    QTest.mouseClick(manager.assign_button, Qt.MouseButton.LeftButton)
    assert journey.persona_id == minh.id

    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    QTest.mouseClick(manager.delete_button, Qt.MouseButton.LeftButton)
    assert minh in project.personas  # answered No
    QTest.mouseClick(manager.delete_button, Qt.MouseButton.LeftButton)
    assert minh not in project.personas and journey.persona_id is None
    assert manager.list.count() == 2

    doc.undo()  # the delete, with its cascade, is one step
    assert minh in project.personas and journey.persona_id == minh.id
    assert manager.list.count() == 3  # the list follows the document
    doc.undo()
    assert journey.persona_id == lan.id
    doc.undo()
    assert len(project.personas) == 2
    doc.redo()
    doc.redo()
    again = reopened(doc)
    assert [p.name for p in again.personas] == ["Lan", "Minh", "Lan (bản sao)"]
    assert again.maps[0].persona_id == minh.id
