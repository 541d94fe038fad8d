"""File ▸ Export: PDF, PNG, SVG, JSON, XLSX and CSV of the project or the map in view."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication

from app.canvas import image_export
from app.ui import prompts
from app.ui.file_dialogs import ask_save_path, safe_file_name

if TYPE_CHECKING:
    from app.dialogs.export_dialog import ExportRequest
    from app.ui.main_window import MainWindow


def tr(text: str) -> str:
    """Translate in the export context."""
    return QCoreApplication.translate("Export", text)


class _Busy:
    """A wait cursor for the length of a block."""

    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_exc) -> None:
        QGuiApplication.restoreOverrideCursor()


def _done(window: MainWindow, path: str) -> None:
    window.statusBar().showMessage(tr("Exported to %1").replace("%1", path), 6000)


def _failed(window: MainWindow, path: str, error: Exception) -> None:
    prompts.error(window, tr("Export Failed"),
                  tr("“%1” could not be written.").replace("%1", os.path.basename(path)),
                  str(error))


def ask_export(window: MainWindow, fmt: str) -> ExportRequest | None:
    """The Export dialog opened on `fmt`; the request, or None when cancelled."""
    from app.dialogs.export_dialog import ExportDialog  # with the PDF options: not at start

    assert window.doc is not None  # the export actions are disabled without a project
    return ExportDialog.ask(window.doc.project, window.map_id, window, initial_format=fmt)


def run_export(window: MainWindow, request: ExportRequest) -> None:
    """Carry out an accepted request and report how it went."""
    doc = window.doc
    assert doc is not None  # the export actions are disabled without a project
    if request.format == "pdf":
        from app.dialogs.export_dialog import run_pdf_export

        outcome = run_pdf_export(window, doc.project, request)
        if outcome.cancelled:
            window.statusBar().showMessage(tr("Export cancelled"), 6000)
        elif outcome.error is not None:
            _failed(window, request.path, RuntimeError(outcome.error))
        else:
            _done(window, request.path)
            if outcome.warnings:
                prompts.inform(window, tr("Exported with Warnings"), "\n".join(outcome.warnings))
        return
    if request.format in ("xlsx", "csv"):
        _run_sheet_export(window, request)
        return
    map_id = request.map_ids[0] if request.map_ids else window.map_id
    assert map_id is not None  # a picture is of one map: the dialog offers none without one
    try:
        with _Busy():
            language = request.options.language  # the dialog's Language choice
            if request.format == "png":
                image_export.render_map_png(doc, map_id, request.path,
                                            language=language, options=request.image)
            else:
                image_export.render_map_svg(doc, map_id, request.path,
                                            language=language, options=request.image)
    except Exception as error:  # noqa: BLE001 - reported in words
        _failed(window, request.path, error)
        return
    _done(window, request.path)
    if request.open_when_done:
        QDesktopServices.openUrl(QUrl.fromLocalFile(request.path))


def _run_sheet_export(window: MainWindow, request: ExportRequest) -> None:
    """Write the workbook (or the CSV table) of the requested maps."""
    from app.export.sheets.csv_io import export_csv
    from app.export.sheets.xlsx import export_xlsx

    doc = window.doc
    if doc is None:
        return
    project = doc.project
    wanted = set(request.map_ids)
    maps = [m for m in project.maps if m.id in wanted]
    chosen = None if len(maps) == len(project.maps) else maps
    warnings: list[str] = []
    try:
        with _Busy():
            language = request.options.language  # the dialog's Language choice
            if request.format == "xlsx":
                warnings = export_xlsx(project, request.path, chosen, language)
            else:
                export_csv(project, request.path, request.table, chosen, language)
    except Exception as error:  # noqa: BLE001 - reported in words
        _failed(window, request.path, error)
        return
    _done(window, request.path)
    if warnings:
        prompts.inform(window, tr("Exported with Warnings"), "\n".join(warnings))
    if request.open_when_done:
        QDesktopServices.openUrl(QUrl.fromLocalFile(request.path))


def export(window: MainWindow, fmt: str) -> None:
    """File ▸ Export ▸ PDF/PNG/SVG/XLSX/CSV: the dialog, then the export."""
    if window.doc is None:
        return
    request = ask_export(window, fmt)
    if request is not None:
        run_export(window, request)


def write_project_json(project, path: str) -> None:
    """The whole project in the JSON interchange format."""
    from app.export.json_io import write_json

    write_json(project, path)


def export_json(window: MainWindow) -> None:
    """Ask where, then write the whole project as JSON."""
    doc = window.doc
    assert doc is not None  # the action is disabled without a project
    suggested = safe_file_name(doc.project.title) + ".json"
    path = ask_save_path(window, tr("Export JSON"), suggested, tr("JSON documents (*.json)"),
                         ".json")
    if not path:
        return
    try:
        with _Busy():
            write_project_json(doc.project, path)
    except Exception as error:  # noqa: BLE001 - reported in words
        _failed(window, path, error)
        return
    _done(window, path)

