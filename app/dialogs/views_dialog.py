"""View ▸ Saved Views ▸ Manage Views…: rename, delete, reorder and update a map's views.

Every button is one operation (one undo step) through Document.attempt; the list follows
the model (Document.subscribe), so it shows what each step did.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.document import operations_links as links
from app.document.document import Document
from app.domain.model import SavedView


def tr(text: str) -> str:
    """Translate in the saved views' context."""
    return QCoreApplication.translate("SavedViews", text)


def describe(view: SavedView) -> str:
    """One line under a view's name: what it keeps and how."""
    parts = [tr("hides left-out cards") if view.hide else tr("dims left-out cards")]
    if view.filter.empty:
        parts[0] = tr("no filter")
    if view.hidden_lane_ids:
        parts.append(tr("%1 lanes hidden").replace("%1", str(len(view.hidden_lane_ids))))
    parts.append(tr("fit to window") if view.zoom is None
                 else tr("zoom %1 %").replace("%1", str(round(view.zoom * 100))))
    return ", ".join(parts)


class ViewsDialog(QDialog):
    """The list of the map's saved views and the buttons that change them."""

    def __init__(self, doc: Document, map_id: str,
                 update_to_current: Callable[[SavedView], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewsDialog")
        self.setWindowTitle(tr("Saved Views"))
        self.doc, self.map_id = doc, map_id
        self._update_to_current = update_to_current
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Views of this map, in the order of the menu:")))
        row = QHBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("viewsList")
        self.list.currentRowChanged.connect(self._enable)
        row.addWidget(self.list, 1)
        buttons = QVBoxLayout()
        self.rename = self._button(tr("&Rename…"), "viewRename", self.rename_current)
        self.up = self._button(tr("Move &Up"), "viewUp", lambda: self.move_current(-1))
        self.down = self._button(tr("Move &Down"), "viewDown", lambda: self.move_current(1))
        self.update_button = self._button(tr("Update to &Current"), "viewUpdate",
                                          self.update_current)
        self.update_button.setToolTip(tr("Keep the filter, hidden lanes and zoom shown now"))
        self.delete = self._button(tr("De&lete"), "viewDelete", self.delete_current)
        for button in (self.rename, self.up, self.down, self.update_button, self.delete):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        layout.addLayout(row, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.resize(520, 340)
        self._subscription = doc.subscribe(self, lambda _changes: self.refresh())
        self.refresh()

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def views(self) -> list[SavedView]:
        """The map's views, in menu order."""
        journey = self.doc.project.map(self.map_id)
        return list(journey.views) if journey is not None else []

    def current(self) -> SavedView | None:
        """The view chosen in the list."""
        views, row = self.views(), self.list.currentRow()
        return views[row] if 0 <= row < len(views) else None

    def select(self, view_id: str) -> None:
        """Choose a view in the list by id."""
        for row, view in enumerate(self.views()):
            if view.id == view_id:
                self.list.setCurrentRow(row)

    def refresh(self) -> None:
        """List the views again, keeping the one chosen."""
        chosen = self.current()
        self.list.clear()
        for view in self.views():
            item = QListWidgetItem(f"{view.name}\n    {describe(view)}")
            self.list.addItem(item)
        if chosen is not None and any(v.id == chosen.id for v in self.views()):
            self.select(chosen.id)
        elif self.list.count():
            self.list.setCurrentRow(min(max(self.list.currentRow(), 0), self.list.count() - 1))
        self._enable()

    def _enable(self, *_args: object) -> None:
        row, count = self.list.currentRow(), self.list.count()
        has = 0 <= row < count
        for button in (self.rename, self.update_button, self.delete):
            button.setEnabled(has)
        self.up.setEnabled(has and row > 0)
        self.down.setEnabled(has and row < count - 1)

    # -- the buttons: one operation each -----------------------------------------------------

    def rename_current(self) -> None:
        """Ask a new name and rename the view (a taken name is refused in one line)."""
        view = self.current()
        journey = self.doc.project.map(self.map_id)
        if view is None or journey is None:
            return
        name, ok = QInputDialog.getText(self, tr("Rename View"), tr("New name:"),
                                        QLineEdit.EchoMode.Normal, view.name)
        if ok and name.strip() != view.name:
            self.doc.attempt(lambda: links.rename_view(self.doc, journey, view, name))

    def move_current(self, delta: int) -> None:
        """Move the chosen view one place up (−1) or down (1) in the menu."""
        view, row = self.current(), self.list.currentRow()
        if view is None or not 0 <= row + delta < self.list.count():
            return
        if self.doc.attempt(lambda: links.move_view(self.doc, view, row + delta))[0]:
            self.select(view.id)

    def update_current(self) -> None:
        """Give the chosen view the filter, hidden lanes and zoom shown now."""
        view = self.current()
        if view is not None:
            self._update_to_current(view)

    def delete_current(self) -> None:
        """Delete the chosen view (Edit ▸ Undo brings it back)."""
        view = self.current()
        if view is not None:
            self.doc.attempt(lambda: links.remove_view(self.doc, view))
