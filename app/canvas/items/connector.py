"""A connector drawn by itself: an orthogonal line, an arrowhead at the target, a label pill.

The route comes from app.domain.routing (the same line the PDF draws). The item sits in
scene coordinates above the lanes, thin, and is hit only within a few pixels of its line
or on its label.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from app.canvas import text
from app.canvas.items import paint
from app.canvas.items.hover import HoverMixin
from app.domain import style
from app.domain.model import Connector
from app.domain.routing import Route, arrow_head

Z_CONNECTOR = 15.0  # above the lanes' cards (10), below a dragged card (80) and overlays
HIT_WIDTH = 8.0  # how close to the line a click must be
_HALO = 6.0


def route_path(points: tuple[tuple[float, float], ...]) -> QPainterPath:
    """The polyline of a route as a painter path."""
    path = QPainterPath(QPointF(*points[0]))
    for p in points[1:]:
        path.lineTo(QPointF(*p))
    return path


def arrow_polygon(points: tuple[tuple[float, float], ...], size: float) -> QPolygonF:
    """The arrowhead at the end of a route."""
    return QPolygonF([QPointF(*p) for p in arrow_head(points, size)])


def line_pen(color: str, width: float, dashed: bool) -> QPen:
    """The pen of a connector's line (dashes measured in model pixels)."""
    pen = QPen(paint.qcolor(color), width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    if dashed:
        dash, gap = style.CONNECTOR_DASH
        pen.setDashPattern([dash / width, gap / width])
    return pen


class ConnectorItem(HoverMixin, QGraphicsItem):
    """One connector of the map, following its route."""

    kind_name = "connector"

    def __init__(self, connector: Connector, route: Route | None, decorated: bool = True) -> None:
        super().__init__()
        self.connector = connector
        self.entity_id = connector.id
        self.decorated = decorated
        self.route: Route | None = None
        self._path = QPainterPath()
        self._shape = QPainterPath()
        self._bounds = QRectF()
        self._label = ""
        self._label_rect = QRectF()
        self.setZValue(Z_CONNECTOR)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, decorated)
        self.setAcceptHoverEvents(decorated)
        if not decorated:
            self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.set_route(route)

    # -- geometry ------------------------------------------------------------------------

    def set_route(self, route: Route | None) -> None:
        """Follow a new route (None: an end is not shown, so neither is the line)."""
        if route == self.route and self._label == self.connector.label:
            return
        self.prepareGeometryChange()
        self.route = route
        self.setVisible(route is not None)
        self._label = self.connector.label
        if route is None:
            self._path, self._shape, self._bounds = QPainterPath(), QPainterPath(), QRectF()
            self._label_rect = QRectF()
            return
        self._path = route_path(route.points)
        self._label_rect = self._pill(route) if self._label else QRectF()
        stroker = QPainterPathStroker()
        stroker.setWidth(HIT_WIDTH)
        shape = stroker.createStroke(self._path)
        shape.addPolygon(arrow_polygon(route.points, style.CONNECTOR_ARROW))
        if not self._label_rect.isEmpty():
            shape.addRect(self._label_rect)
        self._shape = shape.simplified()
        self._bounds = self._shape.boundingRect().adjusted(-_HALO, -_HALO, _HALO, _HALO)

    def refresh(self) -> None:
        """Repaint after the connector's kind, label or assumed flag changed."""
        if self.connector.label != self._label:
            route, self.route = self.route, None
            self.set_route(route)
        self.update()

    def _pill(self, route: Route) -> QRectF:
        m = text.metrics(style.CONNECTOR_LABEL_SIZE)
        shown = m.elidedText(self._label, Qt.TextElideMode.ElideRight, style.CONNECTOR_LABEL_MAX)
        w = m.horizontalAdvance(shown) + 2 * style.CONNECTOR_LABEL_PAD
        h = style.CONNECTOR_LABEL_HEIGHT
        x, y = route.label_at
        return QRectF(x - w / 2, y - h / 2, w, h)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    # -- painting ------------------------------------------------------------------------

    def paint(self, painter: QPainter, option, widget=None) -> None:
        route = self.route
        if route is None:
            return
        c = self.connector
        color = style.connector_color(c.kind)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        width = style.CONNECTOR_WIDTH
        if self.decorated and self.isSelected():
            painter.setPen(paint.pen(style.ACCENT, width + 5, paint.HALO_ALPHA))
            painter.drawPath(self._path)
            color, width = style.ACCENT, width + 0.5
        elif self.decorated and self.hovered:
            painter.setPen(paint.pen(color, width + 4, 50))
            painter.drawPath(self._path)
        painter.setPen(line_pen(color, width, c.assumed))
        painter.drawPath(self._path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(paint.brush(color))
        painter.drawPolygon(arrow_polygon(route.points, style.CONNECTOR_ARROW))
        if not self._label_rect.isEmpty():
            self._paint_label(painter, color)

    def _paint_label(self, painter: QPainter, color: str) -> None:
        rect = self._label_rect
        r = rect.height() / 2
        painter.setPen(paint.pen(color, 1.0, dashed=self.connector.assumed))
        painter.setBrush(paint.brush(style.CONNECTOR_LABEL_FILL))
        painter.drawRoundedRect(rect, r, r)
        m = text.metrics(style.CONNECTOR_LABEL_SIZE)
        shown = m.elidedText(self._label, Qt.TextElideMode.ElideRight, style.CONNECTOR_LABEL_MAX)
        painter.setFont(text.font(style.CONNECTOR_LABEL_SIZE))
        painter.setPen(paint.qcolor(style.TEXT))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, shown)


class LinkHandleItem(QGraphicsItem):
    """The round dot at a hovered card's right edge: drag it to draw a connector."""

    RADIUS = 5.0
    GRIP = 9.0  # how close a press must be to take the handle

    def __init__(self) -> None:
        super().__init__()
        self.card_id: str | None = None
        self.setZValue(Z_CONNECTOR + 1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setVisible(False)

    def show_for(self, card_id: str, at: QPointF) -> None:
        """Put the handle on a card's edge."""
        self.card_id = card_id
        if self.pos() != at:
            self.setPos(at)
        self.setVisible(True)

    def hide_handle(self) -> None:
        """Take the handle away."""
        self.card_id = None
        self.setVisible(False)

    def grips(self, scene_pos: QPointF) -> bool:
        """True when a press at `scene_pos` takes the handle."""
        if not self.isVisible():
            return False
        d = scene_pos - self.pos()
        return d.x() * d.x() + d.y() * d.y() <= self.GRIP * self.GRIP

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        r = self.RADIUS + 2
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(paint.pen("#FFFFFF", 1.5))
        painter.setBrush(paint.brush(style.ACCENT))
        painter.drawEllipse(QPointF(0, 0), self.RADIUS, self.RADIUS)


class LinkBandItem(QGraphicsItem):
    """The rubber-band arrow while a connector is drawn with the mouse."""

    def __init__(self) -> None:
        super().__init__()
        self._path = QPainterPath()
        self._arrow = QPolygonF()
        self.setZValue(Z_CONNECTOR + 2)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setVisible(False)

    def show_route(self, route: Route) -> None:
        """Draw the band along a route."""
        self.prepareGeometryChange()
        self._path = route_path(route.points)
        self._arrow = arrow_polygon(route.points, style.CONNECTOR_ARROW)
        self.setVisible(True)

    def clear(self) -> None:
        """Hide the band."""
        self.setVisible(False)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._path.boundingRect().united(self._arrow.boundingRect()).adjusted(-3, -3, 3, 3)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(line_pen(style.ACCENT, 2.0, True))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(paint.brush(style.ACCENT))
        painter.drawPolygon(self._arrow)
