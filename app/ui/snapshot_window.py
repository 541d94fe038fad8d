"""A snapshot shown read-only, with the two things one does from it: restore, compare."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.canvas.view import MapView
from app.dialogs.dialog_kit import run_operation
from app.dialogs.snapshot_dialogs import taken_at_text
from app.document import operations
from app.document.document import Document
from app.ui.compare_window import open_compare, read_only_document


def tr(text: str) -> str:
    """Translate in the snapshot window's context."""
    return QCoreApplication.translate("Snapshot", text)


class SnapshotWindow(QWidget):
    """The map as it was when the snapshot was taken; nothing in it can be edited."""

    map_restored = Signal(str)  # the id of the new map

    def __init__(self, doc: Document, snapshot_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.doc = doc
        self.snapshot_id = snapshot_id
        self.setObjectName("SnapshotWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        snapshot = doc.project.snapshot(snapshot_id)
        if snapshot is None:
            raise KeyError(snapshot_id)
        journey = doc.project.map(snapshot.map_id)
        self.setWindowTitle(tr("{0} — snapshot “{1}” (read-only)").format(
            snapshot.content.name, snapshot.name))
        self.view_doc = read_only_document(doc.project, snapshot.content)
        self.view = MapView(self.view_doc, snapshot.content.id)
        self.view.setObjectName("snapshotView")
        self.view_doc.setParent(self.view)

        banner = QLabel(tr("Read-only snapshot “{0}” of “{1}”, taken {2}.").format(
            snapshot.name, snapshot.content.name, taken_at_text(snapshot)))
        banner.setObjectName("banner")
        banner.setWordWrap(True)
        self.restore_button = QPushButton(tr("Restore as New Map"))
        self.restore_button.setObjectName("restore")
        self.restore_button.setEnabled(not doc.read_only)
        self.restore_button.clicked.connect(self.restore)
        self.compare_button = QPushButton(tr("Compare with Today’s Map"))
        self.compare_button.setObjectName("compare")
        self.compare_button.setEnabled(journey is not None)
        self.compare_button.clicked.connect(self.compare)
        bar = QWidget()
        bar.setObjectName("snapshotBar")
        bar.setStyleSheet("#snapshotBar { background: #FFF8DC; border-bottom: 1px solid "
                          "#E5D9A8; }")
        row = QHBoxLayout(bar)
        row.addWidget(banner, 1)
        row.addWidget(self.restore_button)
        row.addWidget(self.compare_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.view, 1)
        self.resize(1280, 800)

    def restore(self) -> str | None:
        """Add a new map made from this snapshot (one undo step)."""
        snapshot = self.doc.project.snapshot(self.snapshot_id)
        if snapshot is None:
            return None
        made: list = []
        if run_operation(self.doc, lambda: made.append(
                operations.restore_snapshot(self.doc, snapshot))):
            self.map_restored.emit(made[0].id)
            return made[0].id
        return None

    def compare(self):
        """Open the compare window: this snapshot before, today's map after."""
        snapshot = self.doc.project.snapshot(self.snapshot_id)
        if snapshot is None or self.doc.project.map(snapshot.map_id) is None:
            return None
        return open_compare(self.parentWidget(), self.doc, snapshot.id, snapshot.map_id)
