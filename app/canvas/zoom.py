"""The map view's zoom: steps, 100 %, fit, and Ctrl+wheel about the pointer.

A mixin of app.canvas.view.MapView (kept apart so the view stays about its gestures);
it keeps the scene point under the anchor fixed and tells the headers and the inline
editor to follow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTransform

from app.canvas import units
from app.canvas.scene import SCENE_MARGIN


class ZoomMixin:
    """Zoom for MapView (a mixin before QGraphicsView)."""

    # What MapView, the class this mixes into, provides (for the type checker only).
    _zoom: float
    editor: Any
    map_scene: Any
    zoom_changed: Any  # Signal(float)
    if TYPE_CHECKING:
        def _pin_headers(self) -> None: ...
        def viewport(self) -> Any: ...
        def mapToScene(self, *args: Any) -> Any: ...  # noqa: N802 - Qt's name
        def mapFromScene(self, *args: Any) -> Any: ...  # noqa: N802 - Qt's name
        def setTransform(self, *args: Any) -> None: ...  # noqa: N802 - Qt's name
        def horizontalScrollBar(self) -> Any: ...  # noqa: N802 - Qt's name
        def verticalScrollBar(self) -> Any: ...  # noqa: N802 - Qt's name

    def zoom_factor(self) -> float:
        """The current zoom (1.0 = 100 %)."""
        return self._zoom

    def set_zoom(self, factor: float, anchor: QPoint | None = None) -> None:
        """Zoom to `factor`, keeping the scene point under `anchor` (viewport px) fixed."""
        factor = units.clamp_zoom(factor)
        if anchor is None:
            anchor = self.viewport().rect().center()
        fixed = self.mapToScene(anchor)
        self._zoom = factor
        self.setTransform(QTransform.fromScale(factor, factor))
        moved = self.mapFromScene(fixed) - anchor
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + moved.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + moved.y())
        self._pin_headers()
        if self.editor is not None:
            self.editor.reposition()
        self.zoom_changed.emit(factor)

    def zoom_in(self) -> None:
        """Zoom in one step."""
        self.set_zoom(self._zoom * units.ZOOM_STEP)

    def zoom_out(self) -> None:
        """Zoom out one step."""
        self.set_zoom(self._zoom / units.ZOOM_STEP)

    def zoom_reset(self) -> None:
        """Back to 100 %."""
        self.set_zoom(1.0)

    def zoom_fit(self) -> None:
        """Fit the whole map in the window."""
        layout, vp = self.map_scene.layout, self.viewport().rect()
        # The map and its margin (the scrollable area below it grows in steps).
        width, height = layout.width + SCENE_MARGIN, layout.height + SCENE_MARGIN
        if layout.width <= 0 or layout.height <= 0 or vp.isEmpty():
            return
        factor = min(vp.width() / width, vp.height() / height)
        self.set_zoom(factor)
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.set_zoom(self._zoom * units.ZOOM_STEP ** steps, event.position().toPoint())
            event.accept()
            return
        super().wheelEvent(event)  # type: ignore[misc]  # QGraphicsView's, after this mixin
