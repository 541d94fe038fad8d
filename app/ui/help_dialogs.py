"""Help ▸ Keyboard Shortcuts and Help ▸ About."""

from __future__ import annotations

import sys
from html import escape

import PySide6
from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, qVersion
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QStyledItemDelegate,
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
        (tr("Type a letter"), tr("Start a card in the current cell with that letter")),
        (tr("Enter (on a new card)"), tr("Store it and start the next card in the same cell")),
        (tr("Tab, Shift+Tab"), tr("Store the card and go to the next or previous cell")),
        (tr("Ctrl+Tab"), tr("Leave the map for the next control")),
        (tr("Double-click"), tr("Edit text in place")),
        (tr("Ctrl+click, drag a rectangle"), tr("Select several items")),
        (tr("Drag the dot on a card's right edge"),
         tr("Draw a connector to another card or a stage header")),
        (tr("Ctrl+wheel, pinch"), tr("Zoom around the pointer")),
        (tr("Middle-drag, Space+drag"), tr("Pan the map")),
        (tr("Right-click"), tr("Actions for the item under the pointer")),
    ]


def shortcut_groups(menus: list[QMenu]) -> list[tuple[str, list[QAction]]]:
    """(title, actions) per menu, with the actions of its submenus (View ▸ Workshop
    Timer); a submenu that is in `menus` itself (File ▸ Export) keeps its own group."""
    def actions_of(menu: QMenu) -> list[QAction]:
        found: list[QAction] = []
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                if sub not in menus:
                    found += actions_of(sub)
            elif not action.isSeparator():
                found.append(action)
        return found

    return [(menu.title(), actions_of(menu)) for menu in menus]


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their text wrapped at the column's width (QTreeView alone keeps
    one line per row and cuts the rest)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint(option, index)
        width = self.tree.header().sectionSize(index.column()) - 10
        text = str(index.data() or "")
        if width <= 0 or not text:
            return hint
        metrics = option.fontMetrics
        font = index.data(Qt.ItemDataRole.FontRole)
        if font is not None:
            metrics = QFontMetrics(font)
        needed = metrics.boundingRect(QRect(0, 0, width, 100000),
                                      int(Qt.TextFlag.TextWordWrap), text)
        return QSize(hint.width(), max(hint.height(), needed.height() + 6))


class ShortcutsDialog(QDialog):
    """A table of every shortcut, grouped by menu; long descriptions wrap, never cut,
    and the window opens at the size its contents need (within the screen)."""

    def __init__(self, menus: list[tuple[str, list[QAction]]], parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard Shortcuts"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcuts")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([tr("Command"), tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegate(_WrappingDelegate(self.tree))
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # Rows measure their wrapped height again when the description column changes.
        self.tree.header().sectionResized.connect(lambda *_args: self.tree.doItemsLayout())
        for title, actions in menus:
            rows = [(a.text().replace("&", ""), a.shortcut().toString(
                QKeySequence.SequenceFormat.NativeText)) for a in actions
                if not a.shortcut().isEmpty()]
            if rows:
                self._group(title.replace("&", ""), rows)
        # What it does first, the keys second, as in the menus' groups.
        self._group(tr("On the map"), [(does, keys) for keys, does in canvas_gestures()])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self._fit()

    def _group(self, title: str, rows: list[tuple[str, str]]) -> None:
        header = QTreeWidgetItem([title, ""])
        font = header.font(0)
        font.setBold(True)
        header.setFont(0, font)
        header.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(header)
        for text, keys in rows:
            self.tree.addTopLevelItem(QTreeWidgetItem(["    " + text, keys]))

    def rows(self) -> list[tuple[str, str]]:
        """Every row as (description, keys), headers included."""
        items = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        return [(it.text(0), it.text(1)) for it in items if it is not None]

    def _fit(self) -> None:
        # As wide as the longest description and its keys (so most fit on one line),
        # as tall as every row, both within the screen's free area.
        metrics = self.tree.fontMetrics()
        text_w = max((metrics.horizontalAdvance(t) for t, _k in self.rows()), default=200)
        keys_w = max((metrics.horizontalAdvance(k) for _t, k in self.rows()), default=60)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        max_w = round(screen.width() * 0.8) if screen is not None else 1000
        max_h = round(screen.height() * 0.85) if screen is not None else 800
        width = min(max_w, max(520, text_w + keys_w + 90))
        rows_h = sum(max(metrics.height() + 8, 20) for _ in self.rows())
        height = min(max_h, max(360, rows_h + 120))
        self.resize(width, height)


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
