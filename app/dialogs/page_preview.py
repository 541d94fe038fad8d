"""The Export dialog's live summary: the plan computed off the UI thread, and a thumbnail of
the first map page painted from the plan's shapes (app.export.pdf.preview)."""

from __future__ import annotations

import atexit

from PySide6.QtCore import QCoreApplication, QLocale, QRectF, QSize, Qt, QThread
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.domain.model import Project
from app.export.pdf import PdfExportError, PdfOptions, PlanSummary, plan_summary
from app.export.pdf.preview import PagePreview


def tr(text: str) -> str:
    """Translate in the export dialog's context (these are its words)."""
    return QCoreApplication.translate("ExportDialog", text)


def summary_text(found: PlanSummary) -> str:
    """"Card text 9.6 pt (smallest 8.7 pt), 4 tiles · 11 pages in all", in the
    interface's language and number format."""
    locale = QLocale()
    card, small = (locale.toString(v, "f", 1) for v in (found.card_text, found.smallest))
    if found.tiles <= 1:
        text = tr("Card text %1 pt (smallest %2 pt), the map on one page · %3 pages in "
                  "all").replace("%3", str(found.pages))
    else:
        text = tr("Card text %1 pt (smallest %2 pt), %3 tiles · %4 pages in all").replace(
            "%3", str(found.tiles)).replace("%4", str(found.pages))
    text = text.replace("%1", card).replace("%2", small)
    if found.smallest < 7.0 - 1e-6:
        text += " " + tr("— below the legible 7 pt")
    return text


class PlanWorker(QThread):
    """Plans one export (no drawing) in a thread; a 3,000-card map takes a second or two.
    The dialog is modal, so the project does not change while this reads it."""

    planned = QtSignal(object)  # PlanSummary, or None when the options cannot export

    def __init__(self, project: Project, options: PdfOptions) -> None:
        # No parent, and kept in _ALIVE until it has finished: a dialog closed (or
        # collected) mid-plan must not destroy a running thread, which aborts the process.
        super().__init__()
        self._project, self._options = project, options
        _ALIVE[:] = [w for w in _ALIVE if not w.isFinished()]
        _ALIVE.append(self)

    def run(self) -> None:
        try:
            found: PlanSummary | None = plan_summary(self._project, self._options)
        except PdfExportError:
            found = None
        self.planned.emit(found)


_ALIVE: list[PlanWorker] = []


@atexit.register
def _wait_for_plans() -> None:
    for worker in _ALIVE:
        worker.wait()


class PagePreviewWidget(QWidget):
    """A small picture of the first map page: the page, the map's shapes, the tiles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preview: PagePreview | None = None
        self.setMinimumSize(QSize(180, 130))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def preview(self) -> PagePreview | None:
        """What is shown (None: nothing)."""
        return self._preview

    def set_preview(self, preview: PagePreview | None) -> None:
        """Show `preview` (None clears it)."""
        self._preview = preview
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(220, 160)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        preview = self._preview
        if preview is None or preview.width <= 0 or preview.height <= 0:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        room_w, room_h = self.width() - 8.0, self.height() - 8.0
        k = min(room_w / preview.width, room_h / preview.height)
        ox = (self.width() - preview.width * k) / 2
        oy = (self.height() - preview.height * k) / 2
        p.fillRect(QRectF(ox + 2, oy + 2, preview.width * k, preview.height * k),
                   QColor(0, 0, 0, 40))
        p.fillRect(QRectF(ox, oy, preview.width * k, preview.height * k), QColor("#FFFFFF"))
        p.setPen(QPen(QColor("#B0B6BE"), 0))
        p.drawRect(QRectF(ox, oy, preview.width * k, preview.height * k))
        font = QFont(self.font())
        font.setBold(True)
        for shape in preview.shapes:
            rect = QRectF(ox + shape.x * k, oy + shape.y * k, shape.w * k, shape.h * k)
            if shape.fill:
                p.fillRect(rect, QColor(shape.fill))
            if shape.stroke:
                pen = QPen(QColor(shape.stroke), 1.5 if shape.label else 0)
                if shape.label:
                    pen.setStyle(Qt.PenStyle.DashLine)
                p.setPen(pen)
                p.drawRect(rect)
            if shape.label:
                font.setPixelSize(max(7, min(14, round(min(rect.height(), rect.width()) / 3))))
                p.setFont(font)
                p.drawText(rect, Qt.AlignmentFlag.AlignCenter, shape.label)
        p.end()
