"""The Qt side of drafts: write the open editor's text a moment after the last keystroke.

One DraftRecorder lives as a child of the Document it serves, so editors find it with
`DraftRecorder.of(doc)` and it goes away with the document. It never touches the model
or the undo stack; a draft that cannot be written is logged and reported once through
`failed`, and typing carries on.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from app.document.document import Document
from app.document.drafts import Draft, DraftStore, entity_type

log = logging.getLogger(__name__)

DELAY_MS = 300


class DraftRecorder(QObject):
    """Keeps the text being typed in one document's editors in a DraftStore."""

    failed = Signal(str)  # a one-line reason, once until a draft is written again

    def __init__(self, doc: Document, store: DraftStore, delay_ms: int = DELAY_MS) -> None:
        super().__init__(doc)
        self.setObjectName("draftRecorder")
        self.doc = doc
        self.store = store
        self._pending: Draft | None = None
        self._written: tuple[str, str] | None = None  # (entity id, field) on disk
        self._failing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)

    @staticmethod
    def of(doc: object) -> DraftRecorder | None:
        """The recorder serving `doc`, or None (a document without a window has none)."""
        if not isinstance(doc, QObject):
            return None
        return doc.findChild(DraftRecorder, "draftRecorder")

    def record(self, entity: object, field: str, original: str, text: str) -> None:
        """The user typed: keep `text` for `entity.field` once typing pauses."""
        path = self.doc.path
        if path is None:
            return
        self._pending = Draft(
            project_id=self.doc.project.id, path=path, entity_id=str(getattr(entity, "id", "")),
            entity_type=entity_type(entity), field=field, original=original, text=text)
        self._timer.start()

    def flush(self) -> None:
        """Write the pending draft now (the timer does this after a pause)."""
        self._timer.stop()
        draft, self._pending = self._pending, None
        if draft is None:
            return
        try:
            self.store.save(draft)  # the store stamps the time it is written
        except OSError as error:
            log.warning("could not keep a draft of the text being typed: %s", error)
            if not self._failing:
                self._failing = True
                self.failed.emit(str(error))
            return
        self._failing = False
        self._written = (draft.entity_id, draft.field)

    def clear(self, entity: object | None = None, field: str | None = None) -> None:
        """The edit was confirmed or cancelled: forget its draft.

        With `entity` and `field`, only a draft of that field is forgotten, so one editor
        closing does not drop the text another is keeping.
        """
        if entity is not None:
            key = (str(getattr(entity, "id", "")), field)
            pending = self._pending
            if pending is not None and (pending.entity_id, pending.field) != key:
                return
            if pending is None and self._written is not None and self._written != key:
                return
        self._timer.stop()
        self._pending = None
        if self._written is None:
            return
        path = self.doc.path
        if path is None:
            return
        try:
            self.store.discard(path)
        except OSError as error:
            log.warning("could not remove a draft: %s", error)
            return
        self._written = None

    def has_pending(self) -> bool:
        """True while a keystroke waits for the pause before it is written."""
        return self._pending is not None
