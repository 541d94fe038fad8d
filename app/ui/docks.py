"""The window's docks: palette (left), maps and inspector (right); docks built when shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

from app.document.document import Document
from app.ui.inspector import Inspector
from app.ui.maps_panel import MapsPanel

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

PaletteFactory = Callable[[Document], QWidget]


def tr(text: str) -> str:
    """Translate in the main window's context."""
    return QCoreApplication.translate("MainWindow", text)


def default_palette_factory(doc: Document) -> QWidget:
    """The canvas's palette (drag source) for this document's project."""
    from app.canvas.palette import PaletteWidget

    return PaletteWidget(doc.project)


class Docks:
    """Creates the three docks and swaps the palette when the document changes."""

    def __init__(self, window: QMainWindow, palette_factory: PaletteFactory | None = None
                 ) -> None:
        self.window = window
        self.palette_factory = palette_factory or default_palette_factory
        self.palette_widget: QWidget | None = None
        # A dock's real contents (app.ui.workspace puts them aside while it is folded).
        self.content_of: Callable[[QDockWidget], QWidget | None] = lambda d: d.widget()
        self.inspector = Inspector()
        self.maps_panel = MapsPanel()

        self.palette = self._dock(tr("Palette"), "paletteDock", self._empty_palette())
        self.maps = self._dock(tr("Maps"), "mapsDock", self.maps_panel)
        self.inspector_dock = self._dock(tr("Inspector"), "inspectorDock", self.inspector)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.palette)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.maps)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector_dock)
        window.splitDockWidget(self.maps, self.inspector_dock, Qt.Orientation.Vertical)
        # Sensible first-run sizes; QSettings restores the user's own afterwards.
        window.resizeDocks([self.palette], [210], Qt.Orientation.Horizontal)
        window.resizeDocks([self.maps], [300], Qt.Orientation.Horizontal)
        window.resizeDocks([self.maps, self.inspector_dock], [170, 600], Qt.Orientation.Vertical)
        self.palette.toggleViewAction().setText(tr("&Palette"))
        self.maps.toggleViewAction().setText(tr("&Maps"))
        self.inspector_dock.toggleViewAction().setText(tr("I&nspector"))

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)  # saveState() needs a name per dock
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        dock.setWidget(widget)
        return dock

    def _empty_palette(self, read_only: bool = False) -> QWidget:
        label = QLabel(tr("This project is open read-only.") if read_only else
                       tr("Open a project to drag stages, lanes, cards and emotions onto "
                          "its map."))
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("color: #5F6670; padding: 16px;")
        return label

    def set_document(self, doc: Document | None, map_id: str | None) -> None:
        """Point the palette, maps list and inspector at another document."""
        old = self.content_of(self.palette)
        subscription = getattr(self, "_subscription", None)
        if subscription is not None:
            subscription.cancel()
            self._subscription = None
        if doc is not None and not doc.read_only:
            self.palette_widget = self.palette_factory(doc)
        else:
            self.palette_widget = None
        self.palette.setWidget(self.palette_widget
                               or self._empty_palette(doc is not None and doc.read_only))
        if old is not None:
            old.deleteLater()
        self.maps_panel.set_document(doc, map_id)
        self.inspector.set_document(doc, map_id)
        self.doc = doc
        if doc is not None:
            self._subscription = doc.subscribe(self.window, self._on_changed)

    def _on_changed(self, changes: list) -> None:
        # Touchpoint entries follow the channel catalogue.
        from app.domain.model import Channel

        widget = self.palette_widget
        if (widget is not None and self.doc is not None
                and any(isinstance(c.entity, Channel) for c in changes)):
            widget.set_project(self.doc.project)

    def set_map(self, map_id: str | None) -> None:
        """Follow a switch to another map of the same document."""
        self.maps_panel.set_current(map_id)
        self.inspector.set_map(map_id)


    def toggles(self) -> list:
        """The show/hide actions of the docks, for the View menu."""
        return [self.palette.toggleViewAction(), self.maps.toggleViewAction(),
                self.inspector_dock.toggleViewAction()]


class LazyDock:
    """A right-hand dock whose contents are built, and their modules imported, only when
    it is shown for a document (not for the first frame); a centred line stands in for
    them before, and while no document is open. It starts hidden."""

    def __init__(self, window: MainWindow, title: str, name: str, placeholder: str,
                 build: Callable[[Document, str | None, QDockWidget], QWidget]) -> None:
        self.window = window
        self._placeholder_text = placeholder
        self._build = build
        self.dock = QDockWidget(title, window)
        self.dock.setObjectName(name)  # saveState() needs a name per dock
        self.dock.setWidget(self._placeholder())
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()  # shown when asked for; the saved layout brings it back
        self.content: QWidget | None = None
        self.dock.visibilityChanged.connect(self._on_visibility)
        self.dock.toggleViewAction().toggled.connect(self._on_visibility)
        window.document_changed.connect(self.follow_document)
        window.map_switched.connect(self.follow_map)

    def _placeholder(self) -> QLabel:
        label = QLabel(self._placeholder_text)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label

    def follow_document(self, shown: bool = False) -> None:
        """Build the contents for the window's document (while shown), or stand in."""
        old = self.dock.widget()
        doc = self.window.doc
        self.content = None
        if doc is not None and (shown or self.dock.isVisible()):
            self.content = self._build(doc, self.window.map_id, self.dock)
        self.dock.setWidget(self.content or self._placeholder())
        if old is not None:
            old.deleteLater()

    def _on_visibility(self, visible: bool) -> None:
        if visible and self.content is None and self.window.doc is not None:
            self.follow_document(shown=True)

    def follow_map(self, map_id: str) -> None:
        """Follow a switch to another map of the same document."""
        content = self.content
        if content is not None:
            content.set_map(map_id)  # type: ignore[attr-defined]  # each builder's widget has it

