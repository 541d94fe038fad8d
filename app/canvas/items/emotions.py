"""The emotions lane: score guides, the dashed neutral line, the tinted curve and faces."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from app.canvas import text
from app.canvas.items import paint
from app.canvas.items.hover import HoverableItem
from app.domain import style
from app.domain.layout import MapLayout, emotion_y, smooth_curve
from app.domain.model import EmotionMarker, JourneyMap

Z_EMOTION_LANE = -5.0
Z_MARKER = 20.0
LABEL_WIDTH = 110.0


def paint_scale(painter: QPainter, right: float, lane_rect, low: int, high: int) -> None:
    """The −2…+2 labels, right-aligned at `right` (drawn by the sticky lane header)."""
    painter.setFont(text.font(style.SMALL_SIZE, True))
    for score in range(low, high + 1):
        y = emotion_y(lane_rect, score, low, high)
        painter.setPen(paint.qcolor(style.emotion_color(score) if score else style.MUTED_TEXT))
        label = f"{score:+d}".replace("-", "−") if score else "0"
        painter.drawText(QRectF(right - 30, y - 8, 26, 16),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)


def curve_path(segments: list[tuple[tuple[float, float], ...]]) -> QPainterPath:
    """The emotion curve's cubic segments as a path."""
    path = QPainterPath()
    if not segments:
        return path
    path.moveTo(*segments[0][0])
    for _, c1, c2, p1 in segments:
        path.cubicTo(c1[0], c1[1], c2[0], c2[1], p1[0], p1[1])
    return path


def tint_polygons(curve: QPainterPath, y0: float) -> list[tuple[QPolygonF, str]]:
    """The areas between `curve` and the line y = y0: (polygon, tint) above, then below."""
    points: list[QPointF] = []
    for polygon in curve.toSubpathPolygons():
        for p in (polygon.at(i) for i in range(polygon.size())):
            if points and (points[-1].y() - y0) * (p.y() - y0) < 0:  # crosses: add where
                q = points[-1]
                t = (y0 - q.y()) / (p.y() - q.y())
                points.append(QPointF(q.x() + t * (p.x() - q.x()), y0))
            points.append(p)
    if len(points) < 2:
        return []
    out = []
    for above, tint in ((True, style.CURVE_POSITIVE_TINT), (False, style.CURVE_NEGATIVE_TINT)):
        side = [QPointF(p.x(), min(p.y(), y0) if above else max(p.y(), y0)) for p in points]
        if all(abs(p.y() - y0) < 0.01 for p in side):
            continue
        ring = [QPointF(points[0].x(), y0), *side, QPointF(points[-1].x(), y0)]
        out.append((QPolygonF(ring), tint))
    return out


class EmotionLaneItem(QGraphicsItem):
    """Everything of an emotions lane except the draggable faces."""

    kind_name = "emotion-lane"

    def __init__(self, lane_id: str) -> None:
        super().__init__()
        self.lane_id = lane_id
        self.entity_id = lane_id
        self._rect = QRectF()
        self._curve = QPainterPath()
        self._neutral = 0.0
        self._low, self._high = -2, 2
        self.setZValue(Z_EMOTION_LANE)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._rect

    def set_layout(self, layout: MapLayout, journey: JourneyMap) -> None:
        """Follow a new layout."""
        lane = layout.lane_rects[self.lane_id]
        rect = QRectF(style.LANE_HEADER_WIDTH, lane.y, lane.w - style.LANE_HEADER_WIDTH, lane.h)
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self._low, self._high = journey.emotion_min, journey.emotion_max
        self._neutral = layout.neutral_y.get(self.lane_id, rect.center().y())
        self._curve = curve_path(layout.curves.get(self.lane_id, []))
        self.update()

    def preview_points(self, points: list[tuple[float, float]]) -> None:
        """Redraw the curve through these points (a marker being dragged)."""
        self._curve = curve_path(smooth_curve(points))
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        rect = self._rect
        if rect.isEmpty():
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        from app.domain.layout import Rect

        lane_rect = Rect(rect.x(), rect.y(), rect.width(), rect.height())
        for score in range(self._low, self._high + 1):
            if score == 0:
                continue
            y = emotion_y(lane_rect, score, self._low, self._high)
            painter.setPen(paint.pen(style.GRID_LINE, 1.0, 170))
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        y0 = self._neutral
        painter.setPen(paint.pen(style.MUTED_TEXT, 1.0, 200, dashed=True))
        painter.drawLine(QPointF(rect.left(), y0), QPointF(rect.right(), y0))
        curve = self._curve
        if curve.isEmpty():
            return
        # The tint between curve and neutral line, green above and red below, as two plain
        # polygons (the curve flattened and clamped to each side of the line) rather than
        # one area under two clip rectangles: SVG renderers that ignore clip paths
        # (and some that mishandle them) draw it right.
        alpha = round(255 * style.CURVE_TINT_ALPHA)
        painter.setPen(Qt.PenStyle.NoPen)
        for polygon, tint in tint_polygons(curve, y0):
            painter.setBrush(paint.brush(tint, alpha))
            painter.drawPolygon(polygon)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(paint.pen(paint.CURVE_COLOR, style.CURVE_WIDTH))
        painter.drawPath(curve)


class MarkerItem(HoverableItem):
    """One emotion marker: a face for its score and its label underneath."""

    kind_name = "marker"

    def __init__(self, marker: EmotionMarker) -> None:
        super().__init__()
        self.marker = marker
        self.entity_id = marker.id
        self.score = marker.score
        self.decorated = True
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(Z_MARKER)
        self.setCursor(Qt.CursorShape.SizeAllCursor)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        r = style.MARKER_RADIUS + 5
        return QRectF(-LABEL_WIDTH / 2, -r, LABEL_WIDTH, 2 * r + 30)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        r = style.MARKER_RADIUS + 3
        path.addEllipse(QPointF(0, 0), r, r)
        return path

    def set_score(self, score: int) -> None:
        """Show a (possibly temporary) score."""
        if score != self.score:
            self.score = score
            self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        r = style.MARKER_RADIUS
        if self.decorated and (self.isSelected() or self.hovered):
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if self.isSelected():
                painter.setPen(paint.pen(style.ACCENT, 6.0, paint.HALO_ALPHA))
                painter.drawEllipse(QPointF(0, 0), r + 3, r + 3)
                painter.setPen(paint.pen(style.ACCENT, 2.0))
            else:
                painter.setPen(paint.pen(style.ACCENT, 1.5, paint.HOVER_ALPHA))
            painter.drawEllipse(QPointF(0, 0), r + 3, r + 3)
        paint.face(painter, QPointF(0, 0), r, self.score)
        label = self.marker.label
        if label:
            m = text.metrics(style.SMALL_SIZE)
            shown = m.elidedText(label, Qt.TextElideMode.ElideRight, LABEL_WIDTH - 8)
            w = m.horizontalAdvance(shown) + 8
            box = QRectF(-w / 2, r + 5, w, 16)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(paint.brush("#FFFFFF", 225))
            painter.drawRoundedRect(box, 4, 4)
            painter.setFont(text.font(style.SMALL_SIZE))
            painter.setPen(paint.qcolor(style.TEXT))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, shown)
