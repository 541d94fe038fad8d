"""In-place text editing over the map: a QPlainTextEdit on the view's viewport.

A real text widget gives input methods (Vietnamese Telex/VNI, dead keys) everything
they need. Enter commits, Shift+Enter starts a new line, Esc cancels, leaving the
editor commits. The commit is one operations.set_fields call: one undo step. Until then
the text is kept as a draft (app.document.drafts), so a crash does not lose it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QFrame, QPlainTextEdit

from app.canvas import text
from app.canvas.i18n import tr
from app.document import operations as ops
from app.document.draft_recorder import DraftRecorder
from app.domain import style

if TYPE_CHECKING:
    from app.canvas.view import MapView


class InlineEditor(QPlainTextEdit):
    """Edits one text field of one entity; `finished(bool committed)` when done."""

    finished = Signal(bool)

    def __init__(self, view: MapView, entity: Any, field: str, scene_rect: QRectF,
                 size: float, bold: bool, multiline: bool = True) -> None:
        super().__init__(view.viewport())
        self.view = view
        self.entity = entity
        self.field = field
        self.scene_rect = QRectF(scene_rect)
        self.multiline = multiline
        self.original = getattr(entity, field) or ""
        self._done = False
        self.capture: int | None = None  # app.canvas.capture: the undo index of its card
        self.next_step = ""  # what follows: "next", "tab", "backtab" or "cancel"
        self._size, self._bold = size, bold
        self.setObjectName("inlineEditor")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabChangesFocus(True)
        self.setStyleSheet(
            f"QPlainTextEdit#inlineEditor {{ background: #FFFFFF; color: {style.TEXT};"
            f" border: 2px solid {style.ACCENT}; border-radius: 4px; padding: 2px; }}")
        self.setPlainText(self.original)
        self.selectAll()
        self.document().contentsChanged.connect(self.reposition)
        self.drafts = DraftRecorder.of(view.doc)
        if self.drafts is not None:
            self.document().contentsChanged.connect(self._keep_draft)
        self.reposition()
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def reposition(self) -> None:
        """Follow the view's zoom and scroll, growing with the text."""
        zoom = self.view.zoom_factor()
        f = text.font(self._size, self._bold)
        f = type(f)(f)
        f.setPixelSize(max(6, round(self._size * zoom)))
        if f != self.font():
            self.setFont(f)
        top_left = self.view.mapFromScene(self.scene_rect.topLeft())
        width = max(120, round(self.scene_rect.width() * zoom))
        lines = max(1, self.document().lineCount(), self.document().blockCount())
        doc_h = self.document().size().height() * self.fontMetrics().lineSpacing()
        height = max(round(self.scene_rect.height() * zoom), round(doc_h) + 12,
                     self.fontMetrics().lineSpacing() * lines + 12)
        self.setGeometry(QRect(top_left.x(), top_left.y(), width, height))

    def _keep_draft(self) -> None:
        if self._done or self.drafts is None:
            return
        value = self.value()
        if value == self.original:
            self.drafts.clear(self.entity, self.field)  # typed back to what it was
        else:
            self.drafts.record(self.entity, self.field, self.original, value)

    def _forget_draft(self) -> None:
        if self.drafts is not None:
            self.drafts.clear(self.entity, self.field)

    def event(self, event: QEvent) -> bool:
        # Tab and Shift+Tab on a card store it and go to the next or previous cell
        # (app.canvas.capture), before Qt would move the focus away.
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and self.field in ("title", "body") and self.multiline):
            self.next_step = ("backtab" if event.key() == Qt.Key.Key_Backtab
                              or event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                              else "tab")
            self.commit()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and self.multiline:
                self.textCursor().insertText("\n")
                return
            if self.capture is not None:
                self.next_step = "next"
            self.commit()
            return
        if key == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        # A popup (an input method's candidate list, a context menu) is not leaving.
        if event.reason() not in (Qt.FocusReason.PopupFocusReason,
                                  Qt.FocusReason.ActiveWindowFocusReason):
            self.commit()

    def value(self) -> str:
        """The edited text as it will be stored."""
        value = self.toPlainText()
        return value if self.multiline else " ".join(value.split())

    def commit(self) -> None:
        """Store the text (one undo step) and close."""
        if self._done:
            return
        self._done = True
        value = self.value()
        committed = False
        if value != self.original:
            # The document's door: a refused or failed edit is announced, never raised.
            committed, _ = self.view.doc.attempt(lambda: ops.set_fields(
                self.view.doc, self.entity, tr("Edit text"), **{self.field: value}))
            failure = self.view.doc.last_failure
            if not committed and failure is not None and not failure.refused:
                # Not written (a failed save): the draft keeps the text for the next open.
                if self.drafts is not None:
                    self.drafts.flush()
                self._close(committed)
                return
        self._forget_draft()
        self._close(committed)

    def cancel(self) -> None:
        """Close without storing anything."""
        if self._done:
            return
        self._done = True
        self.next_step = "cancel"
        self._forget_draft()
        self._close(False)

    def _close(self, committed: bool) -> None:
        self.hide()
        self.finished.emit(committed)
        self.deleteLater()

    def move_cursor_to_end(self) -> None:
        """Put the caret after the text instead of selecting it."""
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self.setTextCursor(cursor)
