"""Offering back text that was being typed when Journey Studio last stopped.

The window calls `follow(window, doc)` whenever it shows a document: it gives the
document a DraftRecorder (so editors keep what is typed) and, once the window has shown
the map, offers any draft left from a crash. Restoring is one normal command — one undo
step, written to the file; a draft of a field that was changed since is never applied,
only shown to copy.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.document import operations
from app.document.document import Document
from app.document.draft_recorder import DraftRecorder
from app.document.drafts import Draft, DraftStore, Recovery, assess, entity_name, target_of
from app.domain.validation import DomainError
from app.ui import opening, prompts

log = logging.getLogger(__name__)

RESTORE, COPY, DISCARD = "restore", "copy", "discard"
_NAME_LIMIT = 60


def tr(text: str) -> str:
    """Translate in the drafts context."""
    return QCoreApplication.translate("Drafts", text)


def drafts_folder() -> Path:
    """Where drafts are kept: `drafts` in the user data folder (a tmp folder in tests)."""
    return opening.user_data_dir() / "drafts"


def follow(window: QWidget, doc: Document | None) -> None:
    """Keep drafts for the document the window now shows, and offer one left from a crash."""
    previous: DraftRecorder | None = getattr(window, "_draft_recorder", None)
    if previous is not None:
        try:
            if previous.doc is not doc:
                previous.flush()  # an editor closed with its project keeps its text
        except RuntimeError:  # the old document is already gone
            pass
        window._draft_recorder = None  # type: ignore[attr-defined]
    if doc is None or doc.path is None or doc.read_only or not getattr(window, "remember", True):
        return
    recorder = DraftRecorder.of(doc)
    if recorder is None:
        recorder = DraftRecorder(doc, DraftStore(drafts_folder()))
        show = getattr(window, "show_message", None)
        if callable(show):
            recorder.failed.connect(lambda reason: show(
                tr("The text you are typing could not be kept as a draft: %1")
                .replace("%1", reason)))
    window._draft_recorder = recorder  # type: ignore[attr-defined]
    # After the window has painted the map, so the dialog sits over the project it is about.
    QTimer.singleShot(0, window, lambda: _offer_if_current(window, doc))


def _offer_if_current(window: QWidget, doc: Document) -> None:
    if getattr(window, "doc", None) is doc and doc.store is not None:
        offer_recovered_drafts(window, doc)


def offer_recovered_drafts(window: QWidget, doc: Document) -> RecoveredDraftDialog | None:
    """Show the draft kept for `doc`'s file, if it still means something; return the dialog."""
    path = doc.path
    if path is None:
        return None
    store = DraftStore(drafts_folder())
    draft = store.load(doc.project.id, path)
    if draft is None:
        return None
    recovery = assess(doc.project, draft)
    if recovery == Recovery.NOTHING:
        _discard(store, draft)
        return None
    dialog = RecoveredDraftDialog(window, doc, store, draft, recovery)
    dialog.open()
    return dialog


def _discard(store: DraftStore, draft: Draft) -> None:
    try:
        store.discard(draft.path)
    except OSError as error:
        log.warning("could not remove a handled draft: %s", error)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _NAME_LIMIT else text[:_NAME_LIMIT - 1] + "…"


class RecoveredDraftDialog(QDialog):
    """Shows a recovered draft: Restore or Discard it, or Copy it when it cannot be applied."""

    def __init__(self, window: QWidget, doc: Document, store: DraftStore, draft: Draft,
                 recovery: Recovery) -> None:
        super().__init__(window)
        self.setObjectName("recoveredDraftDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(tr("Recovered Text"))
        self.window_ = window
        self.doc = doc
        self.store = store
        self.draft = draft
        self.recovery = recovery
        self.choice: str | None = None
        target = target_of(doc.project, draft)
        name = _short(entity_name(target, draft.original) or draft.original)
        text = tr("Recovered text you were typing in “%1” when Journey Studio closed "
                  "unexpectedly:").replace("%1", name)
        if recovery == Recovery.CHANGED:
            text += " " + tr("it has been changed since, so the text is not put back. Copy it "
                             "if you still need it.")
        elif recovery == Recovery.MISSING:
            text += " " + tr("it no longer exists, so the text cannot be put back. Copy it if "
                             "you still need it.")
        self.message = QLabel(text)
        self.message.setWordWrap(True)
        self.text_view = QPlainTextEdit(draft.text)
        self.text_view.setObjectName("recoveredText")
        self.text_view.setReadOnly(True)
        buttons = QDialogButtonBox()
        if recovery == Recovery.RESTORE:
            self.main_button = QPushButton(tr("&Restore"))
            self.main_button.clicked.connect(lambda: self._finish(RESTORE))
        else:
            self.main_button = QPushButton(tr("&Copy Text"))
            self.main_button.clicked.connect(lambda: self._finish(COPY))
        self.main_button.setDefault(True)
        self.discard_button = QPushButton(tr("&Discard"))
        self.discard_button.clicked.connect(lambda: self._finish(DISCARD))
        buttons.addButton(self.main_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.text_view, 1)
        layout.addWidget(buttons)
        self.resize(480, 260)

    def _finish(self, choice: str) -> None:
        # Esc or closing the dialog decides nothing: the draft is offered again next time.
        self.choice = choice
        if choice == RESTORE:
            self._restore()
        elif choice == COPY:
            QApplication.clipboard().setText(self.draft.text)
            _discard(self.store, self.draft)
            self._note(tr("The recovered text is on the clipboard."))
        else:
            _discard(self.store, self.draft)
        self.accept()

    def _restore(self) -> None:
        draft = self.draft
        entity = target_of(self.doc.project, draft)
        if entity is None or assess(self.doc.project, draft) != Recovery.RESTORE:
            return  # the project changed while the dialog was open: keep the draft
        try:
            operations.set_fields(self.doc, entity, tr("Restore typed text"),
                                  **{draft.field: draft.text})
        except DomainError as error:
            QApplication.clipboard().setText(draft.text)
            _discard(self.store, draft)
            prompts.error(self, tr("Recovered Text"),
                          tr("The text could not be put back; it is on the clipboard."),
                          str(error))
            return
        except Exception as error:  # noqa: BLE001 - the window already reported the failed save
            log.warning("restoring a draft failed; it is kept: %s", error)
            return
        _discard(self.store, draft)
        map_id = getattr(entity, "map_id", None)
        switch = getattr(self.window_, "switch_map", None)
        if isinstance(map_id, str) and callable(switch):
            switch(map_id)  # show where the text went
        self._note(tr("Restored the text you were typing."))

    def _note(self, text: str) -> None:
        show = getattr(self.window_, "show_message", None)
        if callable(show):
            show(text)
