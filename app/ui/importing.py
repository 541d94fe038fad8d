"""File ▸ Import ▸ Spreadsheet: read a workbook or CSV, preview the merge, apply it.

Reading and planning change nothing; the project changes only when the user applies
the preview, in one undo step through the document's door (so a failed write is
reported like any other and the model stays equal to the file).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from app.ui import prompts
from app.ui.settings import last_directory, remember_directory

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def tr(text: str) -> str:
    """Translate in the spreadsheet import's context."""
    return QCoreApplication.translate("SheetImport", text)


def ask_open_spreadsheet(parent: QWidget | None) -> str | None:
    """Ask for a spreadsheet to import; None when cancelled (tests replace this)."""
    path, _ = QFileDialog.getOpenFileName(
        parent, tr("Import Spreadsheet"), last_directory(),
        tr("Spreadsheets (*.xlsx *.csv)") + ";;" + tr("All files (*)"))
    if path:
        remember_directory(path)
    return path or None


def _failed(window: MainWindow, path: str, error: Exception) -> None:
    prompts.error(window, tr("Import Failed"),
                  tr("“%1” could not be imported; the project is unchanged.").replace(
                      "%1", os.path.basename(path)), str(error))


def _read(window: MainWindow, path: str):
    """The spreadsheet read for import (in a worker thread, with progress and Cancel),
    asking for the columns when the headers don't say; None when cancelled."""
    from app.dialogs.sheet_import_dialog import ColumnMappingDialog
    from app.dialogs.sheet_reading import read_in_background
    from app.export.sheets.read_cards import MappingNeeded

    overrides: dict[str, str] | None = None
    while True:
        try:
            source = read_in_background(window, path, overrides)
            if source is None:
                window.show_message(tr("Import cancelled; the project is unchanged."))
            return source
        except MappingNeeded as needed:
            overrides = ColumnMappingDialog.ask(needed.headers, needed.found, window)
            if overrides is None:
                return None


def import_spreadsheet(window: MainWindow, path: str | None = None) -> bool:
    """Ask for a spreadsheet, preview what it changes, apply it; True when applied."""
    from app.dialogs.sheet_import_dialog import SheetImportDialog
    from app.document.operations import import_sheet
    from app.export.sheets.read_source import plan_into
    from app.export.sheets.read_table import SheetError

    doc = window.doc
    if doc is None:
        return False
    path = path or ask_open_spreadsheet(window)
    if not path:
        return False
    try:
        source = _read(window, path)
        if source is None:
            return False
        plan = plan_into(doc.project, source)
    except (SheetError, OSError) as error:
        _failed(window, path, error)
        return False
    removing = SheetImportDialog.ask(plan, os.path.basename(path), window)
    if removing is None or plan.empty(removing):
        return False
    done, _ = doc.attempt(lambda: import_sheet(doc, plan, removing), tr("Import spreadsheet"))
    if done:
        window.show_message(tr("Imported %1").replace("%1", os.path.basename(path)))
    return done
