"""Reading a spreadsheet in a worker thread while the editor keeps turning.

openpyxl parses a large workbook for seconds. The read (`read_source`, which touches no
project and no Qt object) runs in a plain Python thread; the editor shows a progress
dialog with the rows read so far and a Cancel button, and a timer on the GUI thread
polls the worker, so windows repaint and timers fire meanwhile. Cancel asks the reader
to stop at its next row (`Progress.cancel`); the result, or the error the reader raised,
is handed back on the GUI thread.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.export.sheets import read_source as reading
from app.export.sheets.read_table import Cancelled, Progress

# How often the GUI thread looks at the worker: often enough that the dialog feels live.
_POLL_MS = 50


def tr(text: str) -> str:
    """Translate in the spreadsheet import's context."""
    return QCoreApplication.translate("SheetImport", text)


def read_in_background(parent: QWidget | None, path: str,
                       overrides: dict[str, str] | None = None) -> Any | None:
    """The spreadsheet read in a worker (a SheetSource), or None when the user cancelled;
    re-raises what the reader raised (SheetError, MappingNeeded, OSError)."""
    progress = Progress()
    outcome: dict[str, Any] = {}
    name = Path(path).name

    def work() -> None:
        try:
            outcome["source"] = reading.read_source(Path(path), overrides, progress=progress)
        except BaseException as error:  # noqa: BLE001 - handed to the GUI thread as is
            outcome["error"] = error

    dialog = QProgressDialog(parent)
    dialog.setObjectName("sheet_reading")
    dialog.setWindowTitle(tr("Import Spreadsheet"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setRange(0, 0)  # a busy bar: the number of rows is not known ahead
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setCancelButtonText(tr("Cancel"))
    dialog.setLabelText(tr("Reading “%1”…").replace("%1", name))
    dialog.canceled.connect(progress.cancel)
    worker = threading.Thread(target=work, name="sheet-reader", daemon=True)
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(_POLL_MS)

    def poll() -> None:
        if not worker.is_alive():
            loop.quit()
        elif progress.cancelled:
            dialog.setLabelText(tr("Cancelling…"))
        else:
            dialog.setLabelText(tr("Reading “%1”: %2 rows…").replace("%1", name).replace(
                "%2", f"{progress.rows:,}"))

    timer.timeout.connect(poll)
    dialog.show()
    worker.start()
    timer.start()
    try:
        if worker.is_alive():
            loop.exec()
        worker.join()
    finally:
        timer.stop()
        dialog.canceled.disconnect(progress.cancel)  # closing emits canceled too
        dialog.close()
        dialog.deleteLater()
    error = outcome.get("error")
    if progress.cancelled or isinstance(error, Cancelled):
        return None  # the user's word wins, even over a read that just finished
    if error is not None:
        raise error
    return outcome["source"]
