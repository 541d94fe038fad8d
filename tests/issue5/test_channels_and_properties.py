"""The channel catalogue and the map properties dialog, driven by keyboard and mouse."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QColorDialog, QDialogButtonBox, QMessageBox

from app.dialogs.channels_dialog import ChannelsDialog
from app.dialogs.map_properties import MapPropertiesDialog, edit_map_properties
from app.domain.model import MapState, Persona
from tests.issue5.helpers import card_titled, file_document, reopened, small_project
from tests.issue5.modal import press, type_text, when_modal

OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


def _retype(qtbot, widget, text):
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, widget, text)


def _open_channels(qtbot, doc):
    dialog = ChannelsDialog(None, doc)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_add_rename_recolour_and_reorder_a_channel(qtbot, tmp_path, monkeypatch):
    project = small_project()
    doc = file_document(tmp_path, project)
    dialog = _open_channels(qtbot, doc)
    count = len(project.channels)

    QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert len(project.channels) == count + 1
    zalo = project.channels[-1]
    assert dialog.selected() is zalo and dialog.focusWidget() is dialog.name
    type_text(qtbot, dialog.name, "Zalo OA")  # the name is selected: typing replaces it
    QTest.keyClick(dialog.name, Qt.Key.Key_Return)
    assert zalo.name == "Zalo OA"
    assert dialog.isVisible()  # Return confirmed the name; it did not close the dialog

    dialog.icon.setFocus()
    QTest.keyClick(dialog.icon, Qt.Key.Key_Home)  # the first icon: website
    assert zalo.icon == "website"
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#0068FF"))
    QTest.mouseClick(dialog.color, Qt.MouseButton.LeftButton)
    assert zalo.color == "#0068FF"

    QTest.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    assert project.channels.index(zalo) == count - 1
    assert dialog.list.currentItem().text() == "Zalo OA"
    assert doc.undo_stack.count() == 5  # add, rename, icon, colour, move: one step each

    for _ in range(5):
        doc.undo()
    assert len(project.channels) == count
    for _ in range(5):
        doc.redo()
    again = reopened(doc)
    back = again.channels[count - 1]
    assert (back.name, back.icon, back.color) == ("Zalo OA", "website", "#0068FF")


def test_an_empty_name_is_refused(qtbot):
    project = small_project()
    from app.document.document import Document
    doc = Document(project)
    dialog = _open_channels(qtbot, doc)
    before = project.channels[0].name
    _retype(qtbot, dialog.name, "")
    QTest.keyClick(dialog.name, Qt.Key.Key_Backspace)
    QTest.keyClick(dialog.name, Qt.Key.Key_Return)
    assert project.channels[0].name == before
    assert dialog.error.text() != "" and dialog.name.text() == before
    assert doc.undo_stack.count() == 0


def test_delete_a_used_channel_cascades_in_one_step(qtbot, tmp_path, monkeypatch):
    project = small_project()
    web = project.channels[0]
    journey = project.maps[0]
    card_titled(journey, "Trang web").channel_id = web.id
    lan = Persona(name="Lan", channel_ids=[web.id, project.channels[2].id])
    project.personas.append(lan)
    doc = file_document(tmp_path, project)
    dialog = _open_channels(qtbot, doc)
    dialog.select(web.id)
    assert "1" in dialog.usage.text()

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    QTest.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert web not in project.channels
    assert card_titled(journey, "Trang web").channel_id is None
    assert lan.channel_ids == [project.channels[1].id]
    assert doc.undo_stack.count() == 1
    doc.undo()
    assert project.channels[0] is web
    assert card_titled(journey, "Trang web").channel_id == web.id
    assert lan.channel_ids[0] == web.id
    doc.redo()
    again = reopened(doc)
    assert web.id not in {c.id for c in again.channels}
    assert card_titled(again.maps[0], "Trang web").channel_id is None


def test_map_properties_typed_and_applied_as_one_step(qtbot, tmp_path):
    project = small_project()
    lan = Persona(name="Lan")
    project.personas.append(lan)
    journey = project.maps[0]
    other = journey.__class__(name="Bản đồ gốc")
    project.maps.append(other)
    doc = file_document(tmp_path, project)

    def fill(dialog: MapPropertiesDialog):
        qtbot.waitExposed(dialog)
        _retype(qtbot, dialog.name, "Mua hàng trả góp — tương lai")
        _retype(qtbot, dialog.description, "Khách hàng trẻ, mua lần đầu")
        dialog.state.setFocus()
        QTest.keyClick(dialog.state, Qt.Key.Key_Down)
        dialog.persona.setFocus()
        QTest.keyClick(dialog.persona, Qt.Key.Key_Down)
        dialog.derived.setFocus()
        QTest.keyClick(dialog.derived, Qt.Key.Key_Down)
        press(dialog, OK)

    when_modal(fill, MapPropertiesDialog)
    assert edit_map_properties(None, doc, journey.id) is True
    assert journey.name == "Mua hàng trả góp — tương lai"
    assert journey.description == "Khách hàng trẻ, mua lần đầu"
    assert journey.state == MapState.FUTURE
    assert journey.persona_id == lan.id and journey.derived_from_id == other.id
    assert doc.undo_stack.count() == 1
    doc.undo()
    assert (journey.name, journey.state, journey.persona_id) == ("Hiện tại", MapState.CURRENT,
                                                                 None)
    doc.redo()
    again = reopened(doc).maps[0]
    assert again.name == "Mua hàng trả góp — tương lai" and again.persona_id == lan.id
    assert again.derived_from_id == other.id and again.state == MapState.FUTURE


def test_map_properties_cancel_and_scale_check(qtbot, tmp_path):
    project = small_project()
    journey = project.maps[0]
    doc = file_document(tmp_path, project)

    def cancel(dialog):
        _retype(qtbot, dialog.name, "Khác")
        press(dialog, CANCEL)

    when_modal(cancel, MapPropertiesDialog)
    assert edit_map_properties(None, doc, journey.id) is False
    assert journey.name == "Hiện tại" and doc.undo_stack.count() == 0

    dialog = MapPropertiesDialog(None, project, journey)
    qtbot.addWidget(dialog)
    dialog.show()
    _retype(qtbot, dialog.emotion_min.lineEdit(), "-1")
    press(dialog, OK)  # a marker scores −2: the scale must keep it
    assert dialog.isVisible() and "-2" in dialog.error.text()
    assert reopened(doc).maps[0].name == "Hiện tại"
