"""Running a PDF export behind a progress dialog whose Cancel works (File ▸ Export…).

The export runs in a worker thread on a copy of the project, so the window stays
responsive and nothing the user does meanwhile can change what is being written.
Warnings come back in the interface's words (`gui_warning`).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QLocale, QObject, Qt, QThread, QUrl
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.domain.model import Project
from app.export.pdf import ExportCancelled, PdfExportError, PdfOptions, export_pdf
from app.export.pdf.options import ExportWarning

if TYPE_CHECKING:
    from app.dialogs.export_dialog import ExportRequest


def tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


@dataclass
class ExportOutcome:
    """How an export ended: warnings on success, `error` on failure, or cancelled."""

    path: str
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        """True when the file was written."""
        return self.error is None and not self.cancelled


class _Worker(QThread):
    """Runs export_pdf off the GUI thread; reports progress through a queued signal."""

    progressed = QtSignal(int, int)

    def __init__(self, project: Project, path: str, options: PdfOptions) -> None:
        super().__init__()
        self.project, self.path, self.options = project, path, options
        self.cancel_requested = False
        self.outcome = ExportOutcome(path)

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self.cancel_requested

    def run(self) -> None:
        options = copy.copy(self.options)
        options.progress = self._progress
        try:
            self.outcome.warnings = export_pdf(self.project, self.path, options)
        except ExportCancelled:
            self.outcome.cancelled = True
        except PdfExportError as exc:
            self.outcome.error = str(exc)
        except Exception as exc:  # noqa: BLE001 — shown to the user, never a crash
            self.outcome.error = f"{type(exc).__name__}: {exc}"


class PdfExportRunner(QObject):
    """A PDF export in a worker thread behind a progress dialog with Cancel."""

    def __init__(self, parent: QWidget | None, project: Project, request: ExportRequest) -> None:
        super().__init__(parent)
        self.request = request
        # A private copy: the user may keep editing while the worker reads.
        self._worker = _Worker(copy.deepcopy(project), request.path, request.options)
        self.progress_dialog = QProgressDialog(tr("Exporting PDF…"), tr("Cancel"), 0, 0, parent)
        self.progress_dialog.setWindowTitle(tr("Export"))
        self.progress_dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress_dialog.setMinimumDuration(400)
        self.progress_dialog.canceled.connect(self.cancel)
        self._worker.progressed.connect(self._on_progress)

    def cancel(self) -> None:
        """Ask the worker to stop at its next progress report."""
        self._worker.cancel_requested = True
        self.progress_dialog.setLabelText(tr("Cancelling…"))

    def _on_progress(self, done: int, total: int) -> None:
        if self._worker.cancel_requested:
            return
        self.progress_dialog.setMaximum(max(1, total))
        self.progress_dialog.setValue(min(done, total))

    def run(self) -> ExportOutcome:
        """Export, keeping the event loop turning; open the file when asked and written."""
        loop = QEventLoop()
        self._worker.finished.connect(loop.quit)
        self._worker.start()
        if self._worker.isRunning():
            loop.exec()
        self._worker.wait()
        self.progress_dialog.reset()
        self.progress_dialog.hide()
        outcome = self._worker.outcome
        outcome.warnings = [gui_warning(w) for w in outcome.warnings]
        if outcome.ok and self.request.open_when_done:
            QDesktopServices.openUrl(QUrl.fromLocalFile(outcome.path))
        return outcome


def gui_warning(warning: str) -> str:
    """An export warning in the interface's words and language: the export words its
    warnings for the command line ("use --fit width:N"); a window names its own controls."""
    if not isinstance(warning, ExportWarning):
        return warning
    values = warning.values
    locale = QLocale()
    if warning.kind == "small_text":
        return (tr("Map “%1”: at this scale the smallest text prints at %2 pt, below the "
                   "legible %3 pt. For larger text choose “Legible (7 pt or more)” or “Fit "
                   "to N pages wide” under Scaling, or a larger page size.")
                .replace("%1", str(values["map"]))
                .replace("%2", locale.toString(float(values["size"]), "f", 1))
                .replace("%3", locale.toString(float(values["legible"]), "g", 3)))
    if warning.kind == "scaled_down":
        return (tr("Map “%1” is larger than the largest PDF page (200 inches); it was "
                   "printed at %2 %.").replace("%1", str(values["map"]))
                .replace("%2", locale.toString(round(float(values["percent"])))))
    if warning.kind == "replaced":
        return (tr("%1 character(s) the bundled font cannot print (emoji and other symbols) "
                   "were replaced by %2.").replace("%1", locale.toString(int(values["count"])))
                .replace("%2", str(values["placeholder"])))
    return warning


def run_pdf_export(parent: QWidget | None, project: Project, request: ExportRequest
                   ) -> ExportOutcome:
    """Run `request` (a PDF) with a progress dialog; the caller reports the outcome."""
    return PdfExportRunner(parent, project, request).run()
