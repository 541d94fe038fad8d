"""The Export dialog's Language choice, its labels, its width, its suggested file name, and
warnings worded for a window (its own controls, never command-line flags)."""

from __future__ import annotations

import os

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox, QLabel  # noqa: E402

from app.dialogs.export_dialog import (  # noqa: E402
    ExportDialog,
    ExportRequest,
    PdfExportRunner,
    gui_warning,
)
from app.export.pdf import PdfOptions  # noqa: E402
from app.samples import build_sample  # noqa: E402
from app.ui.i18n import install_translation  # noqa: E402


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _dialog(qtbot, settings, project=None, map_index=0):
    project = project or build_sample()
    dialog = ExportDialog(project, project.maps[map_index].id, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_language_defaults_to_the_project_s_and_can_be_changed_by_keyboard(qtbot, settings):
    dialog = _dialog(qtbot, settings)
    assert dialog.language_box.currentText() == "Tiếng Việt"  # the sample is Vietnamese
    assert dialog.current_request().options.language == "vi"
    dialog.language_box.setFocus()
    qtbot.keyClick(dialog.language_box, Qt.Key.Key_Up)
    assert dialog.language_box.currentText() == "English"
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.request().options.language == "en"
    # Not remembered: the next project's export starts from that project's language.
    english = build_sample()
    english.language = "en"
    assert _dialog(qtbot, settings, english).current_request().options.language == "en"
    assert _dialog(qtbot, settings).current_request().options.language == "vi"


def test_the_language_choice_applies_to_png_and_svg_too(qtbot, settings):
    dialog = _dialog(qtbot, settings)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("svg"))
    assert dialog.language_box.isEnabled()
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    assert dialog.current_request().options.language == "en"


@pytest.mark.parametrize("language", ["en", "vi"])
def test_no_label_shows_a_literal_ampersand(qtbot, settings, language):
    install_translation(language)
    try:
        dialog = _dialog(qtbot, settings)
        shown = [label.text() for label in dialog.findChildren(QLabel)
                 if "&" in label.text().replace("&&", "") and label.buddy() is None]
    finally:
        install_translation("en")
    assert shown == []


def test_wide_enough_for_a_path_and_the_compare_choosers(qtbot, settings):
    project = build_sample()
    for journey, state in zip(project.maps, ("hiện tại", "tương lai"), strict=True):
        journey.name = f"Mua đồ gia dụng online trên website và Shopee — {state}"
    dialog = _dialog(qtbot, settings, project)
    path = "/home/lan/Tài liệu/Khách hàng/Sen Việt/Mua đồ gia dụng online.pdf"
    dialog.path_edit.setText(path)
    metrics = dialog.path_edit.fontMetrics()
    assert dialog.path_edit.width() >= metrics.horizontalAdvance(path)
    for chooser in (dialog.compare_left, dialog.compare_right):  # the sample's names whole
        text = chooser.currentText()
        assert "Shopee — " in text
        assert chooser.width() >= chooser.fontMetrics().horizontalAdvance(text) + 30, text


def test_the_suggested_file_name_keeps_the_map_name_s_characters(qtbot, settings):
    project = build_sample()
    dialog = _dialog(qtbot, settings, project)
    name = os.path.basename(dialog.path_edit.text())
    assert name == "Mua đồ gia dụng online — hiện tại.pdf"
    project.maps[1].name = 'Kế hoạch: "Q4/2026" — bản <nháp>?'
    dialog = _dialog(qtbot, settings, project, 1)
    assert os.path.basename(dialog.path_edit.text()) == "Kế hoạch- -Q4-2026- — bản -nháp--.pdf"


def test_a_small_text_warning_names_the_dialog_s_choices_not_flags(qtbot, tmp_path):
    out = tmp_path / "small.pdf"
    request = ExportRequest("pdf", str(out), PdfOptions(page="A4", fit="page"))
    outcome = PdfExportRunner(None, build_sample(), request).run()
    assert outcome.ok and outcome.warnings
    assert all("--" not in w for w in outcome.warnings), outcome.warnings
    assert any("“Fit to N pages wide”" in w for w in outcome.warnings)
    assert any("“Legible (7 pt or more)”" in w for w in outcome.warnings)


def test_warnings_speak_the_interface_s_language(qtbot, tmp_path):
    from app.export.pdf.options import ExportWarning

    warning = ExportWarning("map 'M': … use --fit width:N or a larger page", "small_text",
                            map="M", size=5.8, legible=7.0)
    install_translation("vi")
    try:
        said = gui_warning(warning)
    finally:
        install_translation("en")
    assert said.startswith("Bản đồ “M”") and "5,8 pt" in said and "--" not in said
    assert gui_warning("a plain warning") == "a plain warning"
