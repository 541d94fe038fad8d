"""The Export dialog (pytest-qt): choices by keyboard and mouse, remembered next time."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox  # noqa: E402

from app.dialogs.export_dialog import ExportDialog, ExportRequest, PdfExportRunner  # noqa: E402
from app.domain.templates import build_map  # noqa: E402
from app.export.pdf import PdfOptions, export_pdf  # noqa: E402
from app.samples import build_sample  # noqa: E402
from tests.export.dialog_kit import click as _click  # noqa: E402
from tests.export.sample import sample_project  # noqa: E402


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def project():
    project = sample_project(photo=False)
    project.maps.append(build_map("inbound-4", "vi", "Tương lai"))
    return project



def test_choices_made_by_keyboard_and_mouse_come_back_as_a_request(qtbot, settings, project,
                                                                   tmp_path):
    dialog = ExportDialog(project, project.maps[0].id, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(tmp_path / "client.pdf"))
    dialog.page_box.setFocus()
    qtbot.keyClicks(dialog.page_box, "Letter")
    _click(qtbot, dialog.portrait)
    _click(qtbot, dialog.fit_width)
    dialog.width_spin.selectAll()
    qtbot.keyClicks(dialog.width_spin, "3")
    _click(qtbot, dialog.part_boxes["legend"])
    _click(qtbot, dialog.part_boxes["cover"])
    _click(qtbot, dialog.open_when_done)
    # Tick the second map too.
    second = dialog.map_list.item(1)
    rect = dialog.map_list.visualItemRect(second)
    box = QPoint(rect.left() + 10, rect.center().y())  # the check box at the item's left
    qtbot.mouseClick(dialog.map_list.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert second.checkState() == Qt.CheckState.Checked
    _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    request = dialog.request()
    assert isinstance(request, ExportRequest)
    assert request.format == "pdf" and request.path == str(tmp_path / "client.pdf")
    assert request.open_when_done is True
    assert request.map_ids == [project.maps[0].id, project.maps[1].id]
    assert request.options == PdfOptions(page="Letter", orientation="portrait", fit="width:3",
                                         map_names=[project.maps[0].name, "Tương lai"],
                                         cover=False, legend=False, language="vi")

    again = ExportDialog(project, project.maps[0].id, settings=settings)
    qtbot.addWidget(again)
    remembered = again.current_request()
    assert remembered.options.page == "Letter"
    assert remembered.options.orientation == "portrait"
    assert remembered.options.fit == "width:3"
    assert (remembered.options.cover, remembered.options.legend) == (False, False)
    assert remembered.open_when_done is True
    assert remembered.path.startswith(str(tmp_path)) and remembered.path.endswith(".pdf")


def test_cancel_returns_nothing_and_remembers_nothing(qtbot, settings, project):
    dialog = ExportDialog(project, settings=settings)
    qtbot.addWidget(dialog)
    _click(qtbot, dialog.fit_actual)
    _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert dialog.request() is None
    assert ExportDialog(project, settings=settings).current_request().options.fit == "auto"


def test_all_maps_and_png_disable_what_does_not_apply(qtbot, settings, project):
    dialog = ExportDialog(project, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _click(qtbot, dialog.all_maps)
    assert not dialog.map_list.isEnabled()
    assert dialog.current_request().options.all_maps is True
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("png"))
    assert not dialog.page_box.isEnabled()
    assert dialog.path_edit.text().endswith(".png")


def test_runner_exports_in_a_thread_and_can_cancel(qtbot, tmp_path, project):
    out = tmp_path / "run.pdf"
    request = ExportRequest("pdf", str(out), PdfOptions(all_maps=True))
    outcome = PdfExportRunner(None, project, request).run()
    assert outcome.ok and out.stat().st_size > 10_000

    cancelled = tmp_path / "cancelled.pdf"
    runner = PdfExportRunner(None, project, ExportRequest("pdf", str(cancelled), PdfOptions()))
    runner.progress_dialog.canceled.emit()  # as if the user pressed Cancel at once
    outcome = runner.run()
    assert outcome.cancelled and not cancelled.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.pdf"]


def test_the_event_loop_keeps_turning_during_an_export(qtbot, tmp_path, project):
    from PySide6.QtCore import QTimer

    from tests.export.conftest import add_card

    for i in range(1500):
        add_card(project, f"Thẻ {i}", "Nội dung hai dòng cho thẻ này", stage=i % 5, lane=i % 3)
    ticks = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    outcome = PdfExportRunner(None, project, ExportRequest(
        "pdf", str(tmp_path / "big.pdf"), PdfOptions())).run()
    timer.stop()
    assert outcome.ok
    assert len(ticks) >= 3  # the GUI thread handled timer events while the worker drew


def test_the_compare_choice_comes_back_in_the_options(qtbot, settings, project):
    from app.domain.copying import frozen_copy
    from app.domain.model import Snapshot

    current = project.maps[0]
    project.snapshots.append(Snapshot(map_id=current.id, name="Q3 review",
                                      content=frozen_copy(current), taken_at="2026-09-30"))
    dialog = ExportDialog(project, current.id, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.current_request().options.compare is None
    assert not dialog.compare_left.isEnabled()
    box = dialog.compare_box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert dialog.compare_left.isEnabled()
    # Defaults: this map before, another map after; maps and the snapshot are offered.
    assert dialog.current_request().options.compare == (f"map:{current.name}",
                                                        "map:Tương lai")
    assert dialog.compare_right.count() == 3
    dialog.compare_right.setCurrentIndex(dialog.compare_right.findData("snapshot:Q3 review"))
    _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert dialog.request().options.compare == (f"map:{current.name}", "snapshot:Q3 review")
    # The same thing on both sides cannot be exported.
    again = ExportDialog(project, current.id, settings=settings)
    qtbot.addWidget(again)
    assert again.compare_box.isChecked()  # remembered
    again.compare_right.setCurrentIndex(0)
    again.compare_left.setCurrentIndex(0)
    assert not again.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_compare_is_off_for_a_project_with_one_map(qtbot, settings):
    project = sample_project(photo=False)
    dialog = ExportDialog(project, settings=settings)
    qtbot.addWidget(dialog)
    assert not dialog.compare_box.isEnabled()
    assert dialog.current_request().options.compare is None


def test_the_summary_shows_pages_and_the_smallest_text_live(qtbot, settings, tmp_path):
    """Opened, the summary says what the default prints; clicking another scaling or page
    size changes it (from the plan, on a short debounce), as the export then prints."""
    project = build_sample()
    dialog = ExportDialog(project, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.fit_auto.isChecked()
    qtbot.waitUntil(lambda: bool(dialog.summary.text()))  # planned in a worker thread
    first = dialog.summary.text()
    preview = dialog.preview.preview()
    assert preview is not None and [s.label for s in preview.shapes if s.label] == ["A1", "A2"]
    assert re.search(r"Card text \d+\.\d pt \(smallest \d+\.\d pt\), \d+ tiles · \d+ pages", first)
    assert "below" not in first
    _click(qtbot, dialog.fit_page)
    qtbot.waitUntil(lambda: dialog.summary.text() != first)
    one_page = dialog.summary.text()
    assert "the map on one page · 5 pages in all" in one_page
    assert "below the legible 7 pt" in one_page
    size = float(re.search(r"smallest (\d+\.\d) pt", one_page).group(1))
    out = dialog.current_request()
    warnings = export_pdf(project, tmp_path / "check.pdf", out.options)
    printed = [w.values["size"] for w in warnings if w.kind == "small_text"]
    assert printed and round(printed[0], 1) == size
    dialog.page_box.setCurrentIndex(dialog.page_box.findData("A2"))
    qtbot.waitUntil(lambda: dialog.summary.text() != one_page)
    assert "below" not in dialog.summary.text()
    assert not [s for s in dialog.preview.preview().shapes if s.label]  # one page, no tiles


def test_the_legend_strip_tick_has_three_states_and_is_remembered(qtbot, settings, project):
    dialog = ExportDialog(project, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.current_request().options.legend_strip == "auto"  # half ticked
    _click(qtbot, dialog.strip_box)
    assert dialog.current_request().options.legend_strip == "on"
    _click(qtbot, dialog.strip_box)
    assert dialog.current_request().options.legend_strip == "off"
    _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    again = ExportDialog(project, settings=settings)
    qtbot.addWidget(again)
    assert again.current_request().options.legend_strip == "off"


def test_picture_options_apply_to_png_and_svg_only(qtbot, settings, project):
    dialog = ExportDialog(project, project.maps[0].id, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.image_box.isEnabled()  # a PDF
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("png"))
    assert dialog.image_box.isEnabled()
    _click(qtbot, dialog.image_box.slide)
    _click(qtbot, dialog.image_box.title_strip)
    _click(qtbot, dialog.image_box.transparent)
    dialog.image_box.scale.selectAll()
    qtbot.keyClicks(dialog.image_box.scale, "3")
    image = dialog.current_request().image
    assert (image.frame, image.title, image.legend, image.background, image.scale) == (
        "16:9", True, False, "transparent", 3.0)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("svg"))
    assert dialog.current_request().image.scale == 1.5  # an SVG's size: half the PNG's
