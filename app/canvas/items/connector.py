"""A connector drawn by itself: an orthogonal line, an arrowhead at the target, a label pill.

The route comes from app.domain.routing (the same line the PDF draws). The item sits in
scene coordinates above the lanes, thin, and is hit only within a few pixels of its line
or on its label.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from app.canvas import text
from app.canvas.items import paint
from app.domain import style
from app.domain.model import Connector
from app.domain.routing import Box, Point, Route, arrow_head

Z_CONNECTOR = 15.0  # above the lanes' cards (10), below a dragged card (80) and overlays
HIT_WIDTH = 8.0  # how close to the line a click must be
_NOWHERE = Box(0.0, 0.0, 0.0, 0.0)
_HALO = 6.0
# Where the label pill (w × h) of a connector (by id) goes along its route: its centre,
# and where a dotted leader meets the line when it could not sit on it (from the layer).
Placer = Callable[[str, Route, float, float], tuple[Point, Point | None]]


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
    """The pen of a connector's line (dashes measured in model pixels); square caps
    close the corners where two runs meet."""
    pen = QPen(paint.qcolor(color), width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap if dashed else Qt.PenCapStyle.SquareCap)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    if dashed:
        dash, gap = style.CONNECTOR_DASH
        pen.setDashPattern([dash / width, gap / width])
    return pen


def connector_item(item: QGraphicsItem | None) -> ConnectorItem | None:
    """The connector an item draws (itself, or the connector of one of its runs)."""
    if isinstance(item, _Run):
        return item.owner
    return item if isinstance(item, ConnectorItem) else None


class ConnectorItem(QGraphicsRectItem):
    """One connector of the map, following its route: it draws the arrowhead and the
    label, its runs (child items) the line.

    Rectangle items (no pen, no brush) answer their bounds in C++: with no scene index,
    Qt asks the bounds of every line's item and run on each paint."""

    kind_name = "connector"

    def __init__(self, connector: Connector, route: Route | None, decorated: bool = True,
                 place: Placer | None = None) -> None:
        super().__init__()
        self.place = place
        self.connector = connector
        self.entity_id = connector.id
        self.decorated = decorated
        self.hovered = False
        self.filtered = False  # an end is hidden by the view's filter (app.canvas.highlight)
        # The route and its bounds where the runs were laid out (the item at y 0); a line
        # its lanes moved is only moved (`shift`), and `route` says where it is now.
        self._route: Route | None = None
        self._extent = _NOWHERE
        self._moved_route: tuple[float, Route | None] = (0.0, None)  # at an offset
        self._moved_extent: tuple[float, Box] = (0.0, _NOWHERE)
        # Taken while the line was off screen, not drawn yet (`catch_up`): a new route (or
        # how to work it out, when asked) and a box holding it, or only how far below the
        # drawn line it now lies.
        self._later: tuple[Route | Callable[[], Route], Box] | None = None
        self._later_dy = 0.0
        self.runs: list[_Run] = []
        self._pens: tuple[tuple[object, ...], list[QPen]] | None = None
        self._arrow = QPolygonF()
        self._shape = QPainterPath()
        self._label = ""
        self._label_rect = QRectF()
        self._leader: QLineF | None = None  # from the line to a pill set off it
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setZValue(Z_CONNECTOR)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, decorated)
        self.setAcceptHoverEvents(decorated)
        if not decorated:
            self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.set_route(route)

    # -- geometry ------------------------------------------------------------------------

    @property
    def has_route(self) -> bool:
        """False while an end is not laid out (the line is not drawn)."""
        return self._route is not None or self._later is not None

    @property
    def behind(self) -> bool:
        """True while the line is drawn where its route was before (off screen)."""
        return self._later is not None or self._later_dy != 0.0

    @property
    def route(self) -> Route | None:
        """The line's route in scene coordinates (None: not drawn)."""
        if self._later is not None:
            return self._later_route()
        dy, r = self.y() + self._later_dy, self._route
        if not dy or r is None:
            return r
        if self._moved_route[0] != dy:
            self._moved_route = (dy, Route(tuple((x, y + dy) for x, y in r.points),
                                           (r.label_at[0], r.label_at[1] + dy)))
        return self._moved_route[1]

    def _later_route(self) -> Route:
        assert self._later is not None
        made, box = self._later
        if not isinstance(made, Route):
            made = made()
            self._later = (made, box)
        return made

    @property
    def extent(self) -> Box:
        """The route's bounds in scene coordinates (while a stretched route is not worked
        out yet, a box that holds it)."""
        if self._later is not None:
            return self._later[1]
        dy, e = self.y() + self._later_dy, self._extent
        if not dy or self._route is None:
            return e
        if self._moved_extent[0] != dy:  # on its own: most moved lines are only looked at
            self._moved_extent = (dy, Box(e.x, e.y + dy, e.w, e.h))
        return self._moved_extent[1]

    def set_route(self, route: Route | None) -> None:
        """Follow a new route (None: an end is not shown, so neither is the line)."""
        waited = self.behind
        self._later, self._later_dy = None, 0.0
        if not waited and route == self.route and self._label == self.connector.label:
            return
        if not self.pos().isNull():
            self.setPos(0.0, 0.0)  # a shifted line: its runs are laid out anew below
        self._route = route
        self._extent = route.bounds() if route is not None else _NOWHERE
        self.setVisible(route is not None and not self.filtered)
        self._label = self.connector.label
        segments = list(pairwise(route.points)) if route is not None else []
        while len(self.runs) > len(segments):
            run = self.runs.pop()
            scene = run.scene()
            if scene is not None:
                scene.removeItem(run)
        while len(self.runs) < len(segments):
            self.runs.append(_Run(self))
        along = 0.0
        for run, (a, b) in zip(self.runs, segments, strict=True):
            run.set_run(a, b, along)
            along += abs(b[0] - a[0]) + abs(b[1] - a[1])
        if route is None:
            self._arrow, self._shape = QPolygonF(), QPainterPath()
            self._label_rect, self._leader = QRectF(), None
            self.setRect(QRectF())
            return
        self._arrow = arrow_polygon(route.points, style.CONNECTOR_ARROW)
        self._leader = None
        self._label_rect = self._pill(route) if self._label else QRectF()
        shape = QPainterPath()
        shape.addPolygon(self._arrow)
        if not self._label_rect.isEmpty():
            shape.addRect(self._label_rect)
        self._shape = shape
        bounds = shape.boundingRect()
        if self._leader is not None:
            bounds = bounds.united(QRectF(self._leader.p1(), self._leader.p2()).normalized())
        self.setRect(bounds.adjusted(-_HALO, -_HALO, _HALO, _HALO))

    def set_look(self, opacity: float, filtered: bool) -> None:
        """Fade the line, or hide it while the filter hides an end (the route stays)."""
        if self.opacity() != opacity:
            self.setOpacity(opacity)
        self.filtered = filtered
        visible = self.has_route and not filtered
        if self.isVisible() != visible:
            self.setVisible(visible)

    def shift(self, dy: float) -> None:
        """Follow the same route moved down by dy (its lanes moved): one move, no new
        geometry."""
        if self.behind:
            self.defer_shift(dy)
        else:
            self.setPos(self.x(), self.y() + dy)

    def defer(self, route: Route) -> None:
        """Take a new route without drawing it yet (the line is off screen)."""
        self._later, self._later_dy = (route, route.bounds()), 0.0

    def defer_stretch(self, stretch: Callable[[Route], Route], box: Box) -> None:
        """Take the route `stretch` makes of this one, worked out only when something asks
        for it, and drawn after the frame (its changes lie off screen); `box` holds it."""
        earlier = self._later[0] if self._later is not None else self.route
        assert earlier is not None  # only a drawn line is stretched

        def stretched() -> Route:
            return stretch(earlier if isinstance(earlier, Route) else earlier())

        self._later, self._later_dy = (stretched, box), 0.0

    def defer_shift(self, dy: float) -> None:
        """Take the route moved down by dy without moving the line yet (off screen)."""
        if self._later is None:
            self._later_dy += dy  # the route is worked out when asked for
            return
        made, e = self._later

        def shifted() -> Route:
            route = made if isinstance(made, Route) else made()
            return Route(tuple((x, y + dy) for x, y in route.points),
                         (route.label_at[0], route.label_at[1] + dy))

        self._later = (shifted, Box(e.x, e.y + dy, e.w, e.h))

    def catch_up(self) -> None:
        """Draw the line where its route now is."""
        if self._later is not None:
            self.set_route(self._later_route())
        elif self._later_dy:  # moved down only: one move
            dy, self._later_dy = self._later_dy, 0.0
            self.setPos(self.x(), self.y() + dy)

    def refresh(self) -> None:
        """Repaint after the connector's kind, label or assumed flag changed."""
        if self.connector.label != self._label:
            route, self._route = self.route, None
            self.set_route(route)
        self.update_all()

    def update_all(self) -> None:
        """Repaint the arrowhead, the label and every run."""
        self.update()
        for run in self.runs:
            run.update()

    def set_hovered(self, hovered: bool) -> None:
        """The pointer came onto the line (or its arrow or label), or left it."""
        if hovered != self.hovered:
            self.hovered = hovered
            self.update_all()

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.set_hovered(True)

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.set_hovered(False)

    def itemChange(self, change, value):  # noqa: N802 - Qt's name
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.update_all()
        return super().itemChange(change, value)

    def _pill(self, route: Route) -> QRectF:
        m = text.metrics(style.CONNECTOR_LABEL_SIZE)
        shown = m.elidedText(self._label, Qt.TextElideMode.ElideRight, style.CONNECTOR_LABEL_MAX)
        w = m.horizontalAdvance(shown) + 2 * style.CONNECTOR_LABEL_PAD
        h = style.CONNECTOR_LABEL_HEIGHT
        placed = self.place(self.entity_id, route, w, h) if self.place else None
        (x, y), anchor = placed or (route.label_at, None)
        if anchor is not None:
            self._leader = QLineF(QPointF(*anchor), QPointF(x, y))
        return QRectF(x - w / 2, y - h / 2, w, h)

    @property
    def label_rect(self) -> QRectF:
        """The label's pill in scene coordinates (empty: no label)."""
        return self._label_rect.translated(self.pos())

    def shape(self) -> QPainterPath:
        return self._shape

    # -- painting ------------------------------------------------------------------------

    def color(self) -> str:
        """The line's colour now: its kind's, or the accent while selected."""
        if self.decorated and self.isSelected():
            return style.ACCENT
        return style.connector_color(self.connector.kind)

    def pens(self) -> list[QPen]:
        """The pens a run strokes with, in order (a halo under the line while selected
        or under the pointer)."""
        c = self.connector
        key = (self.decorated and self.isSelected(), self.decorated and self.hovered,
               c.kind, c.assumed)
        if self._pens is None or self._pens[0] != key:
            self._pens = (key, self._make_pens())
        return self._pens[1]

    def _make_pens(self) -> list[QPen]:
        width = style.CONNECTOR_WIDTH
        color = self.color()
        if self.decorated and self.isSelected():
            return [paint.pen(style.ACCENT, width + 5, paint.HALO_ALPHA),
                    line_pen(color, width + 0.5, self.connector.assumed)]
        line = line_pen(color, width, self.connector.assumed)
        if self.decorated and self.hovered:
            return [paint.pen(color, width + 4, 50), line]
        return [line]

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self._route is None:
            return
        color = self.color()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(paint.brush(color))
        painter.drawPolygon(self._arrow)
        if not self._label_rect.isEmpty():
            self._paint_label(painter, color)

    def _paint_label(self, painter: QPainter, color: str) -> None:
        rect = self._label_rect
        if self._leader is not None:
            painter.setPen(paint.pen(color, 1.0, dashed=True))
            painter.drawLine(self._leader)
        r = rect.height() / 2
        painter.setPen(paint.pen(color, 1.0, dashed=self.connector.assumed))
        painter.setBrush(paint.brush(style.CONNECTOR_LABEL_FILL))
        painter.drawRoundedRect(rect, r, r)
        m = text.metrics(style.CONNECTOR_LABEL_SIZE)
        shown = m.elidedText(self._label, Qt.TextElideMode.ElideRight, style.CONNECTOR_LABEL_MAX)
        painter.setFont(text.font(style.CONNECTOR_LABEL_SIZE))
        painter.setPen(paint.qcolor(style.TEXT))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, shown)


class _Run(QGraphicsRectItem):
    """One straight run of a connector's line, an item of its own: a line moving across
    the map repaints the strips its runs leave and take, not the box around all of it."""

    def __init__(self, owner: ConnectorItem) -> None:
        super().__init__(owner)
        self.owner = owner
        self.ends = (0.0, 0.0, 0.0, 0.0)  # x0, y0, x1, y1 in scene coordinates
        self.along = -1.0  # distance from the line's start (so dashes keep their phase)
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setAcceptHoverEvents(owner.decorated)
        if not owner.decorated:
            self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_run(self, a: tuple[float, float], b: tuple[float, float], along: float) -> None:
        """Run from a to b (scene coordinates: the owner sits at the origin)."""
        ends = (a[0], a[1], b[0], b[1])
        if ends == self.ends and along == self.along:
            return
        self.ends, self.along = ends, along
        # One rectangle for bounds and hits: the line's width of grip each side, which
        # holds the selection halo too.
        grip = HIT_WIDTH / 2
        self.setRect(QRectF(QPointF(*a), QPointF(*b)).normalized().adjusted(
            -grip, -grip, grip, grip))

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.owner.set_hovered(True)

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.owner.set_hovered(False)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        # Only the part inside the exposed area: a run across the map costs its piece on
        # screen.
        area = option.exposedRect
        x0, y0, x1, y1 = self.ends
        if y0 == y1:
            lo = max(min(x0, x1), area.left() - _HALO)
            hi = min(max(x0, x1), area.right() + _HALO)
            line = QLineF(lo, y0, hi, y0) if x0 <= x1 else QLineF(hi, y0, lo, y0)
        else:
            lo = max(min(y0, y1), area.top() - _HALO)
            hi = min(max(y0, y1), area.bottom() + _HALO)
            line = QLineF(x0, lo, x0, hi) if y0 <= y1 else QLineF(x0, hi, x0, lo)
        if lo > hi:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        dashed = self.owner.connector.assumed
        along = self.along + abs(line.x1() - x0) + abs(line.y1() - y0)
        for pen in self.owner.pens():
            if dashed and pen.style() == Qt.PenStyle.CustomDashLine:
                pen = QPen(pen)
                pen.setDashOffset(along / pen.widthF())
            painter.setPen(pen)
            painter.drawLine(line)


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
