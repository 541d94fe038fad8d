"""Help ▸ Keyboard Shortcuts and Help ▸ About."""

from __future__ import annotations

import sys
from html import escape

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.resources import licences


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


class AboutDialog(QDialog):
    """Help ▸ About: the version, what it runs on, and the licences of what it bundles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("About Journey Studio"))
        self.resize(640, 560)
        header = QLabel(
            f"<h3>Journey Studio {escape(__version__)}</h3><p>"
            + escape(tr("A desktop editor for customer journey maps: stages, touchpoints, "
                        "emotions, pains and opportunities, for one persona at a time."))
            + "</p>")
        header.setWordWrap(True)
        self.versions = QLabel(runtime_versions())
        self.versions.setObjectName("versions")
        self.versions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.components = QListWidget()
        self.components.setObjectName("licences")
        self.text = QPlainTextEdit()
        self.text.setObjectName("licence-text")
        self.text.setReadOnly(True)
        self.entries = licences()
        for entry in self.entries:
            self.components.addItem(f"{entry.name} — {entry.licence}")
        self.components.currentRowChanged.connect(self._show_licence)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.versions)
        layout.addWidget(QLabel(tr("Bundled fonts and libraries, and their licences:")))
        layout.addWidget(self.components, 1)
        layout.addWidget(self.text, 2)
        layout.addWidget(buttons)
        if self.entries:
            self.components.setCurrentRow(0)
        else:
            self.text.setPlainText(tr("The licence files are missing from this installation."))

    def _show_licence(self, row: int) -> None:
        if not 0 <= row < len(self.entries):
            return
        entry = self.entries[row]
        try:
            self.text.setPlainText(entry.path.read_text(encoding="utf-8"))
        except OSError:
            self.text.setPlainText(tr("The licence file %1 is missing from this installation.")
                                   .replace("%1", entry.path.name))


def runtime_versions() -> str:
    """One line: the Qt, PySide6 and Python versions this copy runs on."""
    python = ".".join(str(part) for part in sys.version_info[:3])
    return (tr("Qt %1 · PySide6 %2 · Python %3").replace("%1", qVersion())
            .replace("%2", PySide6.__version__).replace("%3", python))


def show_about(parent: QWidget | None) -> None:
    """Show the About box (modal)."""
    AboutDialog(parent).exec()
