"""A connector drawn by itself: an orthogonal line, an arrowhead at the target, a label pill.

The route comes from app.domain.routing (the same line the PDF draws). The item sits in
scene coordinates above the lanes, thin, and is hit only within a few pixels of its line
or on its label.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPolygonItem, QGraphicsRectItem

from app.canvas import text
from app.canvas.items import paint
from app.domain import style
from app.domain.model import Connector
from app.domain.routing import Box, Point, Route, arrow_head

Z_CONNECTOR = 15.0  # above the lanes' cards (10), below a dragged card (80) and overlays
HIT_WIDTH = 8.0  # how close to the line a click must be
_NOWHERE = Box(0.0, 0.0, 0.0, 0.0)
_HALO = 6.0
_GRIP = QPen(QColor(0, 0, 0, 0), HIT_WIDTH - style.CONNECTOR_WIDTH)  # clear: for hits
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
    if isinstance(item, _Run | _Arrow):
        return item.owner
    return item if isinstance(item, ConnectorItem) else None


class ConnectorItem(QGraphicsRectItem):
    """One connector of the map, following its route: it draws the label, its child
    items the line (its runs) and the arrowhead.

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
        self.holder: QGraphicsItem | None = None  # its lane's layer of lines (`hold_in`)
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
        # In one state: the pen of a dashed run, the fill and pen of a run, the arrow's fill.
        self._looks: tuple[tuple[object, ...], QPen, tuple[QBrush, QPen], QBrush] | None = None
        self._arrow = QPolygonF()
        self.arrow = _Arrow(self)
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
        dy, r = self._offset() + self._later_dy, self._route
        if not dy or r is None:
            return r
        if self._moved_route[0] != dy:
            self._moved_route = (dy, r.moved(dy))
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
        dy, e = self._offset() + self._later_dy, self._extent
        if not dy or self._route is None:
            return e
        if self._moved_extent[0] != dy:  # on its own: most moved lines are only looked at
            self._moved_extent = (dy, e.moved(dy))
        return self._moved_extent[1]

    def _offset(self) -> float:
        """How far below where its runs were laid out the line is drawn now: its own
        move, and its lane's (while it is held in its lane's layer of lines)."""
        holder = self.holder
        return self.y() + (holder.y() if holder is not None else 0.0)

    def _home(self) -> None:
        """Put the item where its runs' coordinates are scene coordinates."""
        holder = self.holder
        self.setPos(0.0, -holder.y() if holder is not None else 0.0)

    def hold_in(self, holder: QGraphicsItem | None) -> None:
        """Become a child of a lane's layer of lines (None: of the scene) without moving
        on screen: a line that lies in one lane then goes down with it in one move."""
        if holder is self.holder:
            return
        offset = self._offset()
        self.setParentItem(holder)  # type: ignore[arg-type]  # None: a top-level item again
        self.holder = holder
        self.setPos(0.0, offset - (holder.y() if holder is not None else 0.0))

    def set_route(self, route: Route | None) -> None:
        """Follow a new route (None: an end is not shown, so neither is the line)."""
        waited = self.behind
        self._later, self._later_dy = None, 0.0
        if not waited and route == self.route and self._label == self.connector.label:
            return
        if self._offset():
            self._home()  # a shifted line: its runs are laid out anew below
        self._route = route
        self._extent = route.bounds() if route is not None else _NOWHERE
        self.setVisible(route is not None and not self.filtered)
        self._label = self.connector.label
        self._lay_runs(list(pairwise(route.points)) if route is not None else [])
        if route is None:
            self._arrow, self._shape = QPolygonF(), QPainterPath()
            self.arrow.setPolygon(self._arrow)
            self._label_rect, self._leader = QRectF(), None
            self.setRect(QRectF())
            return
        self._arrow = arrow_polygon(route.points, style.CONNECTOR_ARROW)
        self.arrow.setPolygon(self._arrow)
        self.arrow.setBrush(self._style()[3])
        self._leader = None
        self._label_rect = self._pill(route) if self._label else QRectF()
        shape = QPainterPath()
        shape.addPolygon(self._arrow)
        if not self._label_rect.isEmpty():
            shape.addRect(self._label_rect)
        self._shape = shape
        self._frame()

    def _halo(self) -> QPen | None:
        """The soft band under the whole line while selected or under the pointer."""
        if not self.decorated or not (self.isSelected() or self.hovered):
            return None
        if self.isSelected():
            pen = QPen(paint.qcolor(style.ACCENT, paint.HALO_ALPHA), style.CONNECTOR_WIDTH + 5)
        else:
            pen = QPen(paint.qcolor(self.color(), 50), style.CONNECTOR_WIDTH + 4)
        pen.setCapStyle(Qt.PenCapStyle.SquareCap)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        return pen

    def _frame(self) -> None:
        """Bounds: the arrowhead and the label (its runs paint the line), and all of the
        line while its halo shows. With neither a label nor a halo it paints nothing."""
        bounds = self._shape.boundingRect()
        if self._leader is not None:
            bounds = bounds.united(QRectF(self._leader.p1(), self._leader.p2()).normalized())
        halo = self._halo() if self._route is not None else None
        if halo is not None:
            assert self._route is not None
            e = self._extent
            bounds = bounds.united(QRectF(e.x, e.y, e.w, e.h))
        self.setRect(bounds.adjusted(-_HALO, -_HALO, _HALO, _HALO))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents,
                     self._label_rect.isEmpty() and halo is None)

    def _lay_runs(self, segments: list[tuple[Point, Point]]) -> None:
        kind = _DashedRun if self.connector.assumed else _Run
        if any(type(run) is not kind for run in self.runs):  # it became (un)assumed
            self._drop_runs(0)
        self._drop_runs(len(segments))
        while len(self.runs) < len(segments):
            self.runs.append(kind(self))
        look = self.run_look()
        along = 0.0
        for run, (a, b) in zip(self.runs, segments, strict=True):
            run.set_run(a, b, along)
            run.set_look(look)
            along += abs(b[0] - a[0]) + abs(b[1] - a[1])

    def _drop_runs(self, keep: int) -> None:
        while len(self.runs) > keep:
            run = self.runs.pop()
            scene = run.scene()
            if scene is not None:
                scene.removeItem(run)

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
            return route.moved(dy)

        self._later = (shifted, e.moved(dy))

    def catch_up(self) -> None:
        """Draw the line where its route now is."""
        if self._later is not None:
            self.set_route(self._later_route())
        elif self._later_dy:  # moved down only: one move
            dy, self._later_dy = self._later_dy, 0.0
            self.setPos(self.x(), self.y() + dy)

    def refresh(self) -> None:
        """Repaint after the connector's kind, label or assumed flag changed."""
        dashed = bool(self.runs) and isinstance(self.runs[0], _DashedRun)
        if self.connector.label != self._label or dashed != self.connector.assumed:
            route, self._route = self.route, None
            self.set_route(route)
        self.update_all()

    def update_all(self) -> None:
        """Repaint the arrowhead, the label and every run in the line's look now."""
        if self._route is not None:
            self._frame()  # the halo came or went
        self.update()
        look = self.run_look()
        self.arrow.setBrush(self._style()[3])
        for run in self.runs:
            run.set_look(look)
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
        return self._label_rect.translated(0.0, self._offset())

    def shape(self) -> QPainterPath:
        return self._shape

    # -- painting ------------------------------------------------------------------------

    def color(self) -> str:
        """The line's colour now: its kind's, or the accent while selected."""
        if self.decorated and self.isSelected():
            return style.ACCENT
        return style.connector_color(self.connector.kind)

    def dash_pen(self) -> QPen:
        """The pen a dashed run strokes with."""
        return self._style()[1]

    def run_look(self) -> tuple[QBrush, QPen]:
        """The fill and pen of a run (a dashed one paints itself: only its grip)."""
        return self._style()[2]

    def _style(self) -> tuple[tuple[object, ...], QPen, tuple[QBrush, QPen], QBrush]:
        c = self.connector
        key = (self.decorated and self.isSelected(), c.kind, c.assumed)
        if self._looks is None or self._looks[0] != key:
            color = self.color()
            fill = QBrush(Qt.BrushStyle.NoBrush) if c.assumed else paint.brush(color)
            grip = _GRIP if self.decorated else QPen(Qt.PenStyle.NoPen)
            dashes = line_pen(color, style.CONNECTOR_WIDTH, c.assumed)
            self._looks = (key, dashes, (fill, grip), paint.brush(color))
        return self._looks

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self._route is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        halo = self._halo()
        if halo is not None:  # drawn whole, so the corners are not doubled
            painter.setPen(halo)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(route_path(self._route.points))
        if not self._label_rect.isEmpty():
            self._paint_label(painter, self.color())

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
    the map repaints the strips its runs leave and take, not the box around all of it.

    Qt paints it by itself (no Python per frame): the line is the rectangle's fill, the
    line's width with square ends; the clear pen around it is the pointer's grip (the
    halo of a selected or hovered line is drawn by its owner, along the whole line)."""

    def __init__(self, owner: ConnectorItem) -> None:
        super().__init__(owner)
        self.owner = owner
        self.ends = (0.0, 0.0, 0.0, 0.0)  # x0, y0, x1, y1 in scene coordinates
        self.along = -1.0  # distance from the line's start (so dashes keep their phase)
        self.look: tuple[QBrush, QPen] | None = None
        # Under its owner: a label pill that sits on the line hides it.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        self.setAcceptHoverEvents(owner.decorated)
        if not owner.decorated:
            self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_run(self, a: tuple[float, float], b: tuple[float, float], along: float) -> None:
        """Run from a to b (scene coordinates: the owner sits at the origin)."""
        ends = (a[0], a[1], b[0], b[1])
        if ends == self.ends and along == self.along:
            return
        self.ends, self.along = ends, along
        half = style.CONNECTOR_WIDTH / 2
        self.setRect(QRectF(QPointF(*a), QPointF(*b)).normalized().adjusted(
            -half, -half, half, half))

    def set_look(self, look: tuple[QBrush, QPen]) -> None:
        """Fill and pen (the same objects for every run of a line in one state)."""
        if look is not self.look:
            self.look = look
            self.setBrush(look[0])
            self.setPen(look[1])

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.owner.set_hovered(True)

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.owner.set_hovered(False)


class _DashedRun(_Run):
    """A run of an assumed (dashed) line: painted here, each dash in its phase along the
    line, and only the part in the exposed area (a long run costs its piece on screen)."""

    def __init__(self, owner: ConnectorItem) -> None:
        super().__init__(owner)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def paint(self, painter: QPainter, option, widget=None) -> None:
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
        along = self.along + abs(line.x1() - x0) + abs(line.y1() - y0)
        pen = QPen(self.owner.dash_pen())
        pen.setDashOffset(along / pen.widthF())
        painter.setPen(pen)
        painter.drawLine(line)


class _Arrow(QGraphicsPolygonItem):
    """A connector's arrowhead, painted by Qt (the line's item takes its clicks)."""

    def __init__(self, owner: ConnectorItem) -> None:
        super().__init__(owner)
        self.owner = owner
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)


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
