"""The one place that turns a failed operation into what the user sees in the GUI.

Every user operation runs through Document.attempt, which puts the model back as the
file holds it and announces a Failure on `Document.failed`; the main window hands each
one to `report`. A refusal of the model (a rule the change broke) is a passing note in
the status bar — or a box when a dialog is in front, where the status bar is out of
sight; a write that failed is always a box as well, for a change the user believes made.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMainWindow

from app.document.failures import Failure
from app.ui import prompts

STATUS_MS = 10000


def tr(text: str) -> str:
    """Translate in the failures' context."""
    return QCoreApplication.translate("Failures", text)


def report(window: QMainWindow, failure: Failure) -> None:
    """Tell the user, in one line, that an operation did not happen (and the file is as it was)."""
    text = failure.message
    window.statusBar().showMessage(text, STATUS_MS)
    in_front = QApplication.activeModalWidget()
    if failure.refused and in_front is None:
        return
    title = tr("Not Possible") if failure.refused else tr("Change Not Saved")
    prompts.warn(in_front or window, title, text)
