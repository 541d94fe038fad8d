"""Status-bar notices a live workshop can act on: "Stage 'X' deleted with 12 cards — Undo".

No modal dialog in front of a room: what an edit did is said in the status bar with an
Undo link, and the notice goes away by itself once it no longer applies (another edit,
an undo or redo, another document) or after a while.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

SHOWN_MS = 15000


def tr(text: str) -> str:
    """Translate in the status bar's context."""
    return QCoreApplication.translate("StatusBar", text)


class UndoNotice(QLabel):
    """One line with an Undo link, at the left of the status bar."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.main = window
        self.setObjectName("undoNotice")
        self.setTextFormat(self.textFormat().RichText)
        self.setStyleSheet("QLabel#undoNotice { color: #1F2328; padding: 0px 6px; }")
        self.linkActivated.connect(self._undo)
        self._index: int | None = None
        self._stack: QUndoStack | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        window.statusBar().addWidget(self, 1)
        window.document_changed.connect(self.dismiss)
        self.hide()

    def show_notice(self, text: str) -> None:
        """Say what the last edit did, with Undo (it applies while that edit is the last)."""
        doc = self.main.doc
        if doc is None or not text:
            return
        self.dismiss()
        self.main.statusBar().clearMessage()
        link = tr("Undo")
        self.setText(f"{escape(text)} — <a href=\"undo\">{escape(link)}</a>")
        self._stack = doc.undo_stack
        self._index = doc.undo_stack.index()
        doc.undo_stack.indexChanged.connect(self._stack_moved)
        self.show()
        self._timer.start(SHOWN_MS)

    @property
    def text_shown(self) -> str:
        """The notice's words (without the link's markup), "" when hidden."""
        if self.isHidden():
            return ""
        return self.text().split(" — <a")[0]

    def _stack_moved(self, index: int) -> None:
        if index != self._index:
            self.dismiss()  # another edit, undo or redo: the notice no longer applies

    def _undo(self, _link: str) -> None:
        if self._stack is not None and self._stack.index() == self._index:
            self.main.undo()
            self.main.show_message(tr("Undone."))
        self.dismiss()

    def dismiss(self) -> None:
        """Hide the notice and stop following the undo stack."""
        self._timer.stop()
        if self._stack is not None:
            try:
                self._stack.indexChanged.disconnect(self._stack_moved)
            except (RuntimeError, TypeError):
                pass  # the stack is gone with its document
            self._stack = None
        self._index = None
        self.hide()
