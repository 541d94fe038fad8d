"""Room for the canvas on a small screen: dock rails, Focus mode, the map fitted to width.

A dock collapses to a thin rail (its title written down the side; a click expands it),
so a 1280 × 800 projector keeps its width for the map. View ▸ Focus (F11) hides every
dock and toolbar and gives them back as they were. A map opens zoomed so its width
fits the canvas, but never below a zoom where card text stays legible.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QWidget,
)

if TYPE_CHECKING:
    from app.canvas.view import MapView
    from app.ui.main_window import MainWindow

RAIL_WIDTH = 26
MIN_OPEN_WIDTH = 240  # a dock expanded from a rail is at least this wide
LEGIBLE_ZOOM = 0.75  # card text stays readable on a projector down to this
NARROW_WINDOW = 1366  # at or below this width the docks start as rails
_NO_MAX = 16777215  # QWIDGETSIZE_MAX


def tr(text: str) -> str:
    """Translate in the main window's context."""
    return QCoreApplication.translate("MainWindow", text)


class RailButton(QToolButton):
    """A collapsed dock: its title written bottom-to-top on a thin strip; click expands."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setObjectName("dockRail")
        self.setToolTip(tr("Show %1").replace("%1", title))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setStyleSheet("QToolButton#dockRail { background: #EEF0F3; border: none;"
                           " border-right: 1px solid #D9DDE3; }"
                           " QToolButton#dockRail:hover { background: #E1E6EC; }")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(RAIL_WIDTH, self.fontMetrics().horizontalAdvance(self.title) + 40)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.sizeHint()  # the whole title, however short the dock area

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setPen(Qt.GlobalColor.darkGray)
        painter.translate(self.width(), 0)
        painter.rotate(90)
        # In the rotated frame the strip is height × width, read top to bottom.
        box = QRect(10, 0, self.height() - 20, self.width())
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.title + "  ▸")
        painter.end()


class DockTitle(QWidget):
    """An expanded dock's title bar: its name and a button that collapses it (or expands
    it, while it is folded to this one line under an open neighbour)."""

    def __init__(self, title: str, on_toggle, on_close, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 2, 2)
        layout.setSpacing(2)
        label = QLabel(title)
        label.setStyleSheet("font-weight: bold; color: #3C4450;")
        layout.addWidget(label, 1)
        self.collapse_button = self._button("collapse", on_toggle)
        layout.addWidget(self.collapse_button)
        close = self._button("close", on_close)
        close.setText("×")
        close.setToolTip(tr("Close"))
        layout.addWidget(close)
        self.set_folded(False)

    def _button(self, name: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"dock_{name}")
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def set_folded(self, folded: bool) -> None:
        """Show the button as "expand" (folded) or "collapse"."""
        self.collapse_button.setText("»" if folded else "«")
        self.collapse_button.setToolTip(tr("Expand") if folded else tr("Collapse to a rail"))


class DockRail:
    """One dock's collapsed state and how it shows: whole, a rail, or a title line."""

    def __init__(self, window: MainWindow, dock: QDockWidget, on_change) -> None:
        self.window = window
        self.dock = dock
        self.collapsed = False
        self.mode = "open"  # "open", "rail" (a thin strip) or "line" (its title only)
        self.title = DockTitle(dock.windowTitle(), self.toggle, dock.close, dock)
        self.rail = RailButton(dock.windowTitle(), dock)
        self.rail.clicked.connect(self.expand)
        self.rail.hide()
        self._on_change = on_change
        self._content: QWidget | None = None
        self._blank = QWidget(dock)
        self._blank.setObjectName("dockFolded")
        self._blank.setMaximumHeight(0)
        self._blank.hide()
        dock.setTitleBarWidget(self.title)

    def toggle(self) -> None:
        """The title bar's button: collapse an open dock, expand a folded one."""
        if self.collapsed:
            self.expand()
        else:
            self.collapse()

    def collapse(self) -> None:
        """Fold the dock away; its contents stay as they are, hidden."""
        if not self.collapsed:
            self.collapsed = True
            self._on_change(self)

    def expand(self) -> None:
        """Back to the full dock."""
        if self.collapsed:
            self.collapsed = False
            self._on_change(self)

    def show_as(self, mode: str) -> None:
        """Lay the dock out as `mode` ("open", "rail" or "line")."""
        if mode == self.mode:
            return
        dock, vertical = self.dock, QDockWidget.DockWidgetFeature.DockWidgetVerticalTitleBar
        self.mode = mode
        # Folded, the dock holds an empty stand-in (a hidden content would make the dock
        # as narrow as its title, and squeeze the neighbour sharing its column).
        if mode == "open":
            if self._content is not None:
                dock.setWidget(self._content)
                self._content.show()
                self._content = None
        elif self._content is None and dock.widget() is not self._blank:
            self._content = dock.widget()
            dock.setWidget(self._blank)
        if mode == "rail":
            self.title.hide()
            dock.setFeatures(dock.features() | vertical)
            dock.setTitleBarWidget(self.rail)
            self.rail.show()
            dock.setFixedWidth(RAIL_WIDTH)
            return
        self.rail.hide()
        dock.setMinimumWidth(0)
        dock.setMaximumWidth(_NO_MAX)
        dock.setFeatures(dock.features() & ~vertical)
        dock.setTitleBarWidget(self.title)
        self.title.show()
        self.title.set_folded(mode == "line")

    def content(self) -> QWidget | None:
        """The dock's real contents, shown or put aside while folded."""
        return self._content if self._content is not None else self.dock.widget()

    def content_changed(self) -> None:
        """The dock got another widget (a new document's palette): keep it folded."""
        widget = self.dock.widget()
        if self.mode != "open" and widget is not self._blank:
            old, self._content = self._content, widget
            self.dock.setWidget(self._blank)
            if old is not None and old is not widget:
                old.deleteLater()


class Workspace:
    """The rails of the window's docks and the Focus toggle."""

    def __init__(self, window: MainWindow, docks: list[QDockWidget]) -> None:
        self.window = window
        self.rails = {dock.objectName(): DockRail(window, dock, self._changed)
                      for dock in docks}
        self._widths: dict[Qt.DockWidgetArea, int] = {}
        window.docks.content_of = lambda dock: self.rail(dock).content()
        self._saved: QByteArray | None = None
        self.focus = QAction(tr("Foc&us on the Map"), window)
        self.focus.setObjectName("focusMode")
        self.focus.setCheckable(True)
        self.focus.setShortcut(QKeySequence("F11"))
        self.focus.setToolTip(tr("Hide every dock and toolbar (F11)"))
        self.focus.toggled.connect(self.set_focus)
        window.addAction(self.focus)  # the key works with the menu bar hidden
        self.collapse_all = QAction(tr("Collapse &Docks to Rails"), window)
        self.collapse_all.setObjectName("collapseDocks")
        self.collapse_all.triggered.connect(self.collapse_docks)

    def rail(self, dock: QDockWidget) -> DockRail:
        """The rail helper of one dock."""
        return self.rails[dock.objectName()]

    def _changed(self, changed: DockRail) -> None:
        # Docks sharing a column share its width: the column becomes a rail only when
        # every dock in it is collapsed; otherwise a collapsed one folds to its title.
        area = self.window.dockWidgetArea(changed.dock)
        column = [r for r in self.rails.values()
                  if self.window.dockWidgetArea(r.dock) == area and not r.dock.isFloating()]
        all_folded = all(r.collapsed for r in column)
        was_rail = any(r.mode == "rail" for r in column)
        if all_folded and not was_rail:
            self._widths[area] = max(r.dock.width() for r in column)
        for r in column:
            r.show_as("rail" if all_folded else "line" if r.collapsed else "open")
        if was_rail and not all_folded:
            # At least a usable width (a first layout may have measured a squeezed one).
            width = max(self._widths.get(area, 0), MIN_OPEN_WIDTH)
            dock = changed.dock
            # Once the layout has dropped the rails' fixed widths.
            QTimer.singleShot(0, lambda: self.window.resizeDocks(
                [dock], [width], Qt.Orientation.Horizontal))

    def collapse_docks(self) -> None:
        """Every open dock becomes a rail."""
        for rail in self.rails.values():
            rail.collapse()

    def start_narrow(self) -> None:
        """On a narrow window (a projector) the docks start as rails."""
        if self.window.width() <= NARROW_WINDOW:
            self.collapse_docks()

    def set_focus(self, on: bool) -> None:
        """Focus mode: only the canvas (and the menu and status bars) stay."""
        w = self.window
        if on == (self._saved is not None):
            return
        if on:
            self._saved = w.saveState()
            for widget in [*w.findChildren(QDockWidget), *w.findChildren(QToolBar)]:
                widget.hide()
            w.show_message(tr("Focus: only the map. Press F11 to bring the docks back."))
        else:
            saved, self._saved = self._saved, None
            if saved is not None:
                w.restoreState(saved)
            w.statusBar().clearMessage()
        if self.focus.isChecked() != on:
            self.focus.setChecked(on)
        if w.view is not None:
            w.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def state_to_save(self) -> QByteArray:
        """The window's dock state to remember: as before Focus while Focus is on (the
        next start shows the docks again)."""
        return self._saved if self._saved is not None else self.window.saveState()

    def folded(self) -> list[str]:
        """The object names of the docks folded to rails or title lines."""
        return [name for name, rail in self.rails.items() if rail.collapsed]

    def fold(self, names: list[str]) -> None:
        """Fold these docks again (a restored window's rails)."""
        for name in names:
            rail = self.rails.get(name)
            if rail is not None:
                rail.collapse()

    @property
    def focused(self) -> bool:
        """True while Focus mode hides the docks and toolbars."""
        return self._saved is not None


def fit_width(view: MapView, legible: float = LEGIBLE_ZOOM) -> float:
    """Zoom so the map's width fits the view (never above 100 % nor below `legible`)."""
    scene = view.map_scene
    width = view.viewport().width()
    if scene is None or width <= 0 or scene.sceneRect().width() <= 0:
        return view.zoom_factor()
    factor = max(legible, min(1.0, (width - 2) / scene.sceneRect().width()))
    if abs(factor - view.zoom_factor()) > 1e-3:
        view.set_zoom(factor)
    return factor


def stages_in_view(view: MapView) -> int:
    """How many stage headers show whole across the view's width."""
    scene = view.map_scene
    journey = scene.journey if scene is not None else None
    if scene is None or journey is None:
        return 0
    left = view.mapToScene(0, 0).x()
    right = view.mapToScene(view.viewport().width() - 1, 0).x()
    rects = scene.layout.stage_rects
    return sum(1 for s in journey.stages if s.id in rects
               and rects[s.id].x >= left - 0.5 and rects[s.id].right <= right + 0.5)
