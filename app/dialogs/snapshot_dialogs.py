"""Review snapshots: take one, list them, open, restore, compare or delete them.

Opening a snapshot and comparing it need the canvas, which lives beside the dialogs in
the layer order; the window layer hands its openers in (`SnapshotViewers`), or registers
them once with `set_default_viewers`, so these dialogs never import app.ui or app.canvas.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.dialog_kit import FollowingDialog, confirm, run_operation, tr
from app.document import operations
from app.document.document import Document
from app.domain.model import JourneyMap, Snapshot


def default_snapshot_name(language: str, today: date | None = None) -> str:
    """"Q4 2026 review" / "Đánh giá Q4 2026" for the quarter of `today`."""
    today = today or date.today()
    quarter = (today.month - 1) // 3 + 1
    if language == "vi":
        return f"Đánh giá Q{quarter} {today.year}"
    return f"Q{quarter} {today.year} review"


def taken_at_text(snapshot: Snapshot) -> str:
    """When the snapshot was taken, in local time ("2026-11-14 09:30")."""
    try:
        moment = datetime.fromisoformat(snapshot.taken_at)
    except ValueError:
        return snapshot.taken_at
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


@dataclass
class SnapshotViewers:
    """How to show a snapshot read-only and how to open the compare window."""

    open_snapshot: Callable[[QWidget | None, Document, str], object]
    compare: Callable[[QWidget | None, Document, str, str], object]


_default_viewers: SnapshotViewers | None = None


def set_default_viewers(viewers: SnapshotViewers | None) -> None:
    """Register the window layer's openers (done by app.ui.compare_window on import)."""
    global _default_viewers
    _default_viewers = viewers


class TakeSnapshotDialog(QDialog):
    """Asks the name of a new snapshot, prefilled with this quarter's review."""

    def __init__(self, parent: QWidget | None, doc: Document, journey: JourneyMap) -> None:
        super().__init__(parent)
        self.setObjectName("TakeSnapshotDialog")
        self.setWindowTitle(tr("Take Snapshot"))
        self.name = QLineEdit(default_snapshot_name(doc.project.language))
        self.name.setObjectName("name")
        self.name.selectAll()
        self.error = QLabel()
        self.error.setStyleSheet("color: #C0392B")
        intro = QLabel(tr("A snapshot keeps the map “{0}” as it is now, read-only, so a later "
                          "review can compare against it.").format(journey.name))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("&Name"), self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(440, self.sizeHint().height())

    def accept(self) -> None:
        """Accept only with a name."""
        if not self.name.text().strip():
            self.error.setText(tr("A snapshot needs a name."))
            return
        super().accept()


def take_snapshot(parent: QWidget | None, doc: Document, map_id: str) -> Snapshot | None:
    """Ask a name and take a snapshot of the map (one undo step); None when cancelled."""
    journey = doc.project.map(map_id)
    if journey is None or doc.read_only:
        return None
    dialog = TakeSnapshotDialog(parent, doc, journey)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    taken: list[Snapshot] = []
    name = dialog.name.text().strip()
    if run_operation(doc, lambda: taken.append(operations.take_snapshot(doc, journey, name))):
        return taken[0]
    return None


class SnapshotsDialog(FollowingDialog):
    """The project's snapshots, newest first; open, restore, compare or delete one."""

    map_restored = Signal(str)  # the id of the map a snapshot was restored as

    def __init__(self, parent: QWidget | None, doc: Document, map_id: str | None = None,
                 viewers: SnapshotViewers | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.map_id = map_id
        self.viewers = viewers or _default_viewers
        self.restored: list[str] = []
        self.setObjectName("SnapshotsDialog")
        self.setWindowTitle(tr("Snapshots"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("snapshots")
        self.tree.setHeaderLabels([tr("Name"), tr("Taken"), tr("Map")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.tree.itemDoubleClicked.connect(lambda *_: self.open_selected())

        self.take_button = QPushButton(tr("&Take Snapshot…"))
        self.open_button = QPushButton(tr("&Open"))
        self.restore_button = QPushButton(tr("&Restore as New Map"))
        self.compare_button = QPushButton(tr("&Compare with Today’s Map"))
        self.delete_button = QPushButton(tr("&Delete…"))
        for button, name, slot in (
                (self.take_button, "take", self.take),
                (self.open_button, "open", self.open_selected),
                (self.restore_button, "restore", self.restore_selected),
                (self.compare_button, "compare", self.compare_selected),
                (self.delete_button, "delete", self.delete_selected)):
            button.setObjectName(name)
            button.clicked.connect(slot)
        side = QVBoxLayout()
        for button in (self.take_button, self.open_button, self.restore_button,
                       self.compare_button, self.delete_button):
            side.addWidget(button)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.tree, 1)
        body.addLayout(side)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #5F6670")
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.note)
        layout.addWidget(close)
        self.resize(760, 420)
        self.follow(doc)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the list, newest first, the current map's snapshots selected first."""
        keep = self.selected()
        self.tree.clear()
        snapshots = sorted(self.doc.project.snapshots, key=lambda s: s.taken_at, reverse=True)
        first_of_map = None
        for snapshot in snapshots:
            journey = self.doc.project.map(snapshot.map_id)
            map_name = journey.name if journey else tr("{0} (deleted)").format(
                snapshot.content.name)
            item = QTreeWidgetItem([snapshot.name, taken_at_text(snapshot), map_name])
            item.setData(0, Qt.ItemDataRole.UserRole, snapshot.id)
            item.setToolTip(0, snapshot.name)
            self.tree.addTopLevelItem(item)
            if keep is not None and keep.id == snapshot.id:
                self.tree.setCurrentItem(item)
            if first_of_map is None and snapshot.map_id == self.map_id:
                first_of_map = item
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(first_of_map or self.tree.topLevelItem(0))
        for column in range(2):
            self.tree.resizeColumnToContents(column)
        self.tree.setColumnWidth(0, max(self.tree.columnWidth(0), 220))
        self._update_buttons()

    def _update_buttons(self) -> None:
        snapshot = self.selected()
        writable = not self.doc.read_only
        has_map = self.map_id is not None and self.doc.project.map(self.map_id) is not None
        self.take_button.setEnabled(writable and has_map)
        self.open_button.setEnabled(snapshot is not None and self.viewers is not None)
        self.restore_button.setEnabled(snapshot is not None and writable)
        self.compare_button.setEnabled(
            snapshot is not None and self.viewers is not None
            and self.doc.project.map(snapshot.map_id) is not None)
        self.delete_button.setEnabled(snapshot is not None and writable)
        if not self.doc.project.snapshots:
            self.note.setText(tr("No snapshots yet. Take one at each review to see later how "
                                 "the journey changed."))
        elif snapshot is not None and self.doc.project.map(snapshot.map_id) is None:
            self.note.setText(tr("The map of this snapshot was deleted; restore the snapshot "
                                 "to get it back."))
        else:
            self.note.clear()

    def selected(self) -> Snapshot | None:
        """The snapshot selected in the list."""
        item = self.tree.currentItem()
        if item is None:
            return None
        return self.doc.project.snapshot(item.data(0, Qt.ItemDataRole.UserRole))

    def select(self, snapshot_id: str) -> None:
        """Select a snapshot by id."""
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == snapshot_id:
                self.tree.setCurrentItem(item)

    # -- actions ----------------------------------------------------------------------------

    def take(self) -> Snapshot | None:
        """Take a new snapshot of the current map."""
        if self.map_id is None:
            return None
        snapshot = take_snapshot(self, self.doc, self.map_id)
        if snapshot is not None:
            self.select(snapshot.id)
        return snapshot

    def open_selected(self) -> object | None:
        """Show the selected snapshot read-only in its own window."""
        snapshot = self.selected()
        if snapshot is None or self.viewers is None:
            return None
        return self.viewers.open_snapshot(self.parentWidget(), self.doc, snapshot.id)

    def compare_selected(self) -> object | None:
        """Open the compare window: the snapshot on the left, today's map on the right."""
        snapshot = self.selected()
        if (snapshot is None or self.viewers is None
                or self.doc.project.map(snapshot.map_id) is None):
            return None
        return self.viewers.compare(self.parentWidget(), self.doc, snapshot.id, snapshot.map_id)

    def restore_selected(self) -> JourneyMap | None:
        """Add a new map made from the selected snapshot (one undo step)."""
        snapshot = self.selected()
        if snapshot is None:
            return None
        made: list[JourneyMap] = []
        if run_operation(self.doc, lambda: made.append(
                operations.restore_snapshot(self.doc, snapshot))):
            self.restored.append(made[0].id)
            self.map_restored.emit(made[0].id)
            return made[0]
        return None

    def delete_selected(self) -> bool:
        """Delete the selected snapshot after confirmation (undoable)."""
        snapshot = self.selected()
        if snapshot is None:
            return False
        if not confirm(self, tr("Delete Snapshot"),
                       tr("Delete the snapshot “{0}”?").format(snapshot.name)):
            return False
        return run_operation(self.doc, lambda: operations.remove(
            self.doc, [snapshot], tr("Delete snapshot “{0}”").format(snapshot.name)))


def manage_snapshots(parent: QWidget | None, doc: Document, map_id: str | None = None,
                     viewers: SnapshotViewers | None = None) -> str | None:
    """The snapshots dialog; returns the id of the last map restored from it, if any."""
    dialog = SnapshotsDialog(parent, doc, map_id, viewers)
    dialog.exec()
    return dialog.restored[-1] if dialog.restored else None
