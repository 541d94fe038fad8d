"""View ▸ Experience Wheel's dock and menu toggle; the wheel itself is app.ui.wheel_view.

The toggle exists from the start, but the wheel's modules are imported and its view
built only once the dock is shown for a document: the first frame does not draw it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QWidget

from app.domain.model import Card, EmotionMarker, Stage
from app.ui.docks import LazyDock

if TYPE_CHECKING:
    from app.document.document import Document
    from app.ui.actions import WindowActions
    from app.ui.main_window import MainWindow
    from app.ui.wheel_view import WheelView


def tr(text: str) -> str:
    """Translate in the wheel's context (the strings moved here from app.ui.wheel_view)."""
    return QCoreApplication.translate("WheelView", text)


class WheelTools:
    """The Experience Wheel dock and its View menu toggle for one main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.lazy = LazyDock(window, tr("Experience Wheel"), "wheelDock",
                             tr("Open a map to see its experience wheel."), self._build)
        self.dock = self.lazy.dock
        self.action = self.dock.toggleViewAction()
        self.action.setText(tr("E&xperience Wheel"))
        self.action.setObjectName("experienceWheel")
        self.action.setShortcut(QKeySequence("Ctrl+Shift+W"))
        self.action.setToolTip(tr("The map as a circle: before, during, after"))
        # cast: mypy reads `actions` as QWidget.actions(), which the window's attribute hides
        cast("WindowActions", window.actions).add_view_toggles([self.action])
        self._watched: QWidget | None = None  # the map view whose selection we follow
        window.document_changed.connect(self._watch_canvas)
        window.map_switched.connect(self._watch_canvas)

    @property
    def view(self) -> WheelView | None:
        """The wheel, once the dock has been shown for a document."""
        return cast("WheelView | None", self.lazy.content)

    def _build(self, doc: Document, map_id: str | None, dock: QDockWidget) -> WheelView:
        from app.ui.wheel_view import WheelView

        view = WheelView(doc, map_id, dock)
        view.stage_clicked.connect(self.show_stage)
        return view

    def _watch_canvas(self, *_args: object) -> None:
        """Follow the grid's selection (each map gets a new canvas view)."""
        canvas = self.window.view
        if canvas is not None and canvas is not self._watched:
            self._watched = canvas
            canvas.selection_changed.connect(self._follow_selection)

    def _follow_selection(self, entities: list) -> None:
        """Outline the sector of the stage selected in the grid, or of the selected card's
        or marker's stage."""
        if self.view is None:
            return
        stage_id = next((e.id if isinstance(e, Stage) else e.stage_id for e in entities
                         if isinstance(e, (Stage, Card, EmotionMarker))), None)
        if stage_id != self.view.selected:
            self.view.selected = stage_id
            self.view.update()

    def show_stage(self, stage_id: str) -> None:
        """A sector was clicked: select its stage in the grid and scroll to it."""
        view = self.window.view
        if view is None:
            return
        view.select_entities([stage_id])
        self.window.reveal(stage_id)
