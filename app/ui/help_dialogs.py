"""Help ▸ Keyboard Shortcuts and Help ▸ About."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

VERSION = "0.1.0"


def tr(text: str) -> str:
    """Translate in the help context."""
    return QCoreApplication.translate("Help", text)


def canvas_gestures() -> list[tuple[str, str]]:
    """The map's keys and mouse gestures that no menu shows."""
    return [
        (tr("Arrow keys"), tr("Move the selection between cells and cards")),
        (tr("Enter"), tr("Edit the selected item's text")),
        (tr("Shift+Enter"), tr("New line while editing")),
        (tr("Esc"), tr("Cancel editing")),
        (tr("Insert, Ctrl+Enter"), tr("Add a card to the current cell")),
        (tr("Double-click"), tr("Edit text in place")),
        (tr("Ctrl+click, drag a rectangle"), tr("Select several items")),
        (tr("Ctrl+wheel, pinch"), tr("Zoom around the pointer")),
        (tr("Middle-drag, Space+drag"), tr("Pan the map")),
        (tr("Right-click"), tr("Actions for the item under the pointer")),
    ]


class ShortcutsDialog(QDialog):
    """A searchable-at-a-glance table of every shortcut, grouped by menu."""

    def __init__(self, menus: list[tuple[str, list[QAction]]], parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard Shortcuts"))
        self.resize(560, 620)
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcuts")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([tr("Command"), tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for title, actions in menus:
            rows = [(a.text().replace("&", ""), a.shortcut().toString(
                QKeySequence.SequenceFormat.NativeText)) for a in actions
                if not a.shortcut().isEmpty()]
            if rows:
                self._group(title.replace("&", ""), rows)
        self._group(tr("On the map"), canvas_gestures())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)

    def _group(self, title: str, rows: list[tuple[str, str]]) -> None:
        header = QTreeWidgetItem([title, ""])
        font = header.font(0)
        font.setBold(True)
        header.setFont(0, font)
        header.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(header)
        for text, keys in rows:
            self.tree.addTopLevelItem(QTreeWidgetItem(["    " + text, keys]))


def show_about(parent: QWidget | None) -> None:
    """The About box: what this is, its version and the fonts' licence."""
    QMessageBox.about(
        parent, tr("About Journey Studio"),
        "<h3>Journey Studio " + VERSION + "</h3><p>"
        + tr("A desktop editor for customer journey maps: stages, touchpoints, emotions, "
             "pains and opportunities, for one persona at a time.")
        + "</p><p>" + tr("Text is set in DejaVu Sans (Bitstream Vera licence).") + "</p>")
