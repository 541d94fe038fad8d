"""Model units ↔ scene coordinates, in one place.

The layout works in model pixels (app.domain.layout). The scene uses them unchanged
(one model pixel = one scene unit), so zoom lives only in the view's transform; any
future change of scale happens here and nowhere else.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from app.domain.layout import Rect

SCALE = 1.0
ZOOM_MIN = 0.1
ZOOM_MAX = 4.0
ZOOM_STEP = 1.25
DRAG_THRESHOLD = 4.0  # scene pixels a press must travel before it becomes a drag
BORDER_GRIP = 5.0  # how close to a header border a press grabs it for resizing


def to_scene(value: float) -> float:
    """A model length in scene units."""
    return value * SCALE


def to_model(value: float) -> float:
    """A scene length in model units."""
    return value / SCALE


def rect_to_scene(rect: Rect) -> QRectF:
    """A layout rectangle as a scene rectangle."""
    return QRectF(rect.x * SCALE, rect.y * SCALE, rect.w * SCALE, rect.h * SCALE)


def point_to_model(point: QPointF) -> tuple[float, float]:
    """A scene point in model units."""
    return (point.x() / SCALE, point.y() / SCALE)


def clamp_zoom(factor: float) -> float:
    """A zoom factor inside the supported range."""
    return max(ZOOM_MIN, min(ZOOM_MAX, factor))
