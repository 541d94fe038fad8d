"""The connectors of a MapScene: one item each, rerouted only where the layout changed.

A connector is routed again when an end moved (its card was placed again, or its lane's
band moved), or when a cell it runs past was stacked again (a card there may now stand
in its way). While cards are dragged, only the connectors touching them follow.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from app.canvas.items.connector import Z_CONNECTOR, ConnectorItem
from app.canvas.items.layer import LineLayer
from app.domain import style
from app.domain.events import Change, ChangeKind
from app.domain.labels import LabelSpace, place_label, reach
from app.domain.layout import Rect
from app.domain.live_layout import LayoutDelta
from app.domain.model import Connector, JourneyMap
from app.domain.routing import Box, Point, Route, label_point, route_connector

if TYPE_CHECKING:
    from app.canvas.scene import MapScene

_TURN = 0.006  # seconds of pending routing per event-loop turn
# Lines a command left for later wait for its frame to be painted (`painted`), or this
# long (ms) where no view paints the scene.
_UNSEEN_MS = 200

# Fields of a connector that move its line; the others only repaint it.
_ROUTE_FIELDS = frozenset({"source_id", "target_id", "kind", "map_id"})


def _meets(bounds: Box, rect: Rect) -> bool:
    return (bounds.x <= rect.right and rect.x <= bounds.right
            and bounds.y <= rect.bottom and rect.y <= bounds.bottom)


def _crosses(route: Route, rect: Rect) -> bool:
    """True when a segment of the route runs into the rectangle."""
    for (x0, y0), (x1, y1) in pairwise(route.points):
        if (min(x0, x1) < rect.right and rect.x < max(x0, x1) + (x0 == x1)
                and min(y0, y1) < rect.bottom and rect.y < max(y0, y1) + (y0 == y1)):
            return True
    return False


def _same_in(old: Route, new: Route, seen: Rect) -> bool:
    """True when a stretched line looks the same in `seen`: each point the lanes moved
    (only down or up) lies beyond the same edge of it before and after, so each run's
    piece in view is as it was (a run into view from below only grew or shrank below)."""
    top, bottom = seen.y, seen.bottom
    for (_x0, y0), (_x1, y1) in zip(old.points, new.points, strict=True):
        if y0 != y1 and not ((y0 > bottom and y1 > bottom) or (y0 < top and y1 < top)):
            return False
    return True


def _pill_in(item: ConnectorItem, rects: list[Rect]) -> bool:
    """True when the line's label pill lies in one of the rectangles."""
    pill = item.label_rect
    if pill.isEmpty():
        return False
    box = Box(pill.x(), pill.y(), pill.width(), pill.height())
    return any(_meets(box, r) for r in rects)


class _Stretch:
    """Where a point of a line goes when lanes moved: along with the lane it lies in (a
    point in the gutter just above a lane's bottom edge goes with the lane below)."""

    def __init__(self, journey: JourneyMap, old: Mapping[str, float],
                 new: Mapping[str, float]) -> None:
        lanes = [ln.id for ln in journey.lanes if ln.id in old and ln.id in new]
        self.tops = [old[i] for i in lanes]
        self.shifts = [new[i] - old[i] for i in lanes]
        pad = style.CELL_PADDING
        # Above `still` nothing moved; from `along` down everything moved by `dy`.
        moving = [i for i, d in enumerate(self.shifts) if d]
        self.still = self.tops[moving[0]] - pad if moving else float("inf")
        last = len(self.shifts) - 1
        while last > 0 and self.shifts[last - 1] == self.shifts[-1]:
            last -= 1
        self.dy = self.shifts[-1] if self.shifts else 0.0
        self.along = self.tops[last] + pad if self.shifts else float("inf")
        # How far a point goes at most up (≤ 0) and down (≥ 0).
        self.up = min(0.0, *self.shifts) if self.shifts else 0.0
        self.down = max(0.0, *self.shifts) if self.shifts else 0.0

    def around(self, bounds: Box) -> Box:
        """A box that holds the stretched route of a line lying in `bounds` (exact when
        lanes only went down and the line's lowest point went with them)."""
        return Box(bounds.x, bounds.y + self.up, bounds.w, bounds.h - self.up + self.down)

    def stretched(self, route: Route) -> Route:
        """The route with each point moved with its lane."""
        return self.route(route, route.bounds())

    def y(self, y: float) -> float:
        """The new height of a point that was at `y`."""
        i = _lane_at(self.tops, y)
        return y + self.shifts[i] if i >= 0 else y  # above the lanes: the headers stay

    def route(self, route: Route, bounds: Box) -> Route:
        """The route (lying in `bounds`) with each point moved with its lane (the same
        route if none moved)."""
        if bounds.bottom < self.still:
            return route
        if bounds.y >= self.along:
            if not self.dy:
                return route
            return route.moved(self.dy)
        points = tuple((x, self.y(y)) for x, y in route.points)
        if points == route.points:
            return route
        return Route(points, label_point(points))


def _lane_at(tops: list[float], y: float) -> int:
    """The index of the lane a point at `y` goes with when lanes move (-1: above the
    lanes); a point in the gutter just above a lane's top goes with that lane."""
    i = bisect_right(tops, y) - 1
    if i >= 0 and i + 1 < len(tops) and tops[i + 1] - y < style.CELL_PADDING:
        i += 1
    return i


class ConnectorLayer:
    """The scene's connector items by id, and which connectors touch each card or stage.

    A line that lies in one lane alone is a child of a LineLayer at that lane's
    top, so it goes down with its lane at no cost per line, and a repaint away from that
    lane skips all of them at once; the others are looked at one by one when lanes move
    (`_by_the_way`).
    """

    def __init__(self, scene: MapScene) -> None:
        self.scene = scene
        self.items: dict[str, ConnectorItem] = {}
        self._touching: dict[str, set[str]] = {}  # card or stage id -> connector ids
        self.rerouted = 0  # connectors routed since the scene was made (for tests, bench)
        self.shifted = 0  # connectors moved along with their lanes instead
        # How the view's filter shows a line, from its ends: (opacity, hidden). Set by
        # app.canvas.highlight while it is attached; a new or relinked line asks it.
        self.look: Callable[[Connector], tuple[float, bool]] | None = None
        self._bands: dict[str, float] = {}  # each lane's top when the lines were laid
        self._stacks: dict[tuple[str, str], tuple[float, float]] = {}  # a cell's cards'
        # top and bottom below its lane's top, when the lines were laid
        # Lines a command moved only by the way (their cards shifted in their cells, a
        # cell beside them grew): routed in the next idle moments, a few per turn, so a
        # drop costs what its own cards' lines cost. An export routes them at once.
        self.pending: set[str] = set()
        self._waiting = False  # for the frame that shows the last command
        self.behind: set[str] = set()  # lines off screen not yet drawn where they are
        # Where each line's ends were when it was last routed around the cards.
        self._routed_at: dict[str, tuple[object, object] | None] = {}
        self._holders: dict[str, LineLayer] = {}  # lane id -> its layer of lines
        self._held: dict[str, str] = {}  # connector id -> the lane whose layer holds it
        self._later = QTimer(scene)  # goes with the scene
        self._later.setSingleShot(True)
        self._later.timeout.connect(self._route_pending)

    # -- items --------------------------------------------------------------------------

    def _index(self, connector: Connector) -> None:
        for end in (connector.source_id, connector.target_id):
            self._touching.setdefault(end, set()).add(connector.id)

    def _unindex(self, connector: Connector) -> None:
        for end in (connector.source_id, connector.target_id):
            ids = self._touching.get(end)
            if ids is not None:
                ids.discard(connector.id)
                if not ids:
                    del self._touching[end]

    def _add(self, journey: JourneyMap, connector: Connector) -> None:
        item = ConnectorItem(connector, self._route(journey, connector), self.scene.decorated,
                             self.place_label)
        self.items[connector.id] = item
        self._index(connector)
        self.restyle(item)
        self.scene.addItem(item)
        self._hold(item, item.route)

    def restyle(self, item: ConnectorItem) -> None:
        """Give the line the filter's look of its ends."""
        if self.look is not None:
            item.set_look(*self.look(item.connector))

    def _drop(self, connector_id: str) -> None:
        item = self.items.pop(connector_id, None)
        self._routed_at.pop(connector_id, None)
        self.behind.discard(connector_id)
        self._held.pop(connector_id, None)
        if item is not None:
            self._unindex(item.connector)
            if item.scene() is self.scene:
                self.scene.removeItem(item)

    def clear(self) -> None:
        """Remove every connector item."""
        for connector_id in list(self.items):
            self._drop(connector_id)
        self._touching.clear()
        self._routed_at.clear()
        for holder in self._holders.values():
            if holder.scene() is self.scene:
                self.scene.removeItem(holder)
        self._holders.clear()

    def sync(self, journey: JourneyMap) -> None:
        """Make and drop items to match the map's connectors (routed by `after_layout`)."""
        wanted = {c.id: c for c in journey.connectors}
        for gone in [i for i in self.items if i not in wanted]:
            self._drop(gone)
        for connector_id, connector in wanted.items():
            item = self.items.get(connector_id)
            if item is None:
                item = ConnectorItem(connector, None, self.scene.decorated, self.place_label)
                self.items[connector_id] = item
                self.scene.addItem(item)
            elif item.connector is not connector:
                self._unindex(item.connector)
                item.connector = connector
            self._index(connector)
            self.restyle(item)

    def changed(self, journey: JourneyMap, changes: Iterable[Change]) -> None:
        """Follow connectors added, removed or edited."""
        for change in changes:
            connector = change.entity
            assert isinstance(connector, Connector)
            item = self.items.get(connector.id)
            if change.kind == ChangeKind.REMOVED:
                self._drop(connector.id)
            elif item is None:
                self._add(journey, connector)
            elif item.connector is not connector or not change.fields \
                    or _ROUTE_FIELDS.intersection(change.fields):
                self._unindex(item.connector)
                item.connector = connector
                self._index(connector)
                self.restyle(item)
                self._place(item, self._route(journey, connector))
                item.refresh()
            else:
                item.refresh()

    def place_label(self, connector_id: str, route: Route, w: float, h: float
                    ) -> tuple[Point, Point | None]:
        """Where a line's label pill goes: clear of the cards (and their evidence badges),
        faces, frozen headers, and the lines and labels of the cards near it. Only the
        cells within the pill's reach are looked at, so a label costs the same on any
        size of map."""
        layout, live = self.scene.layout, self.scene.live
        bounds, (rx, ry) = route.bounds(), reach(w, h)
        x0, y0 = bounds.x - rx, bounds.y - ry
        x1, y1 = bounds.right + rx, bounds.bottom + ry
        stages = [i for i, r in layout.stage_rects.items() if r.x < x1 and x0 < r.right]
        lanes = [i for i, r in layout.lane_rects.items() if r.y < y1 and y0 < r.bottom]
        near = [c.id for s in stages for ln in lanes for c in live.cell_cards(s, ln)]
        cards = [b for i in near if (b := layout.cards.get(i)) is not None]
        markers = [m for m in layout.markers.values() if x0 < m.x < x1 and y0 < m.y < y1]
        # No grazing a card's top (its edge is drawn there) nor the frozen header row.
        space = LabelSpace(cards, markers, graze=0.0, top=style.STAGE_HEADER_HEIGHT)
        for other_id in self.of(near) - {connector_id}:
            other = self.items.get(other_id)
            if other is None or other.route is None or not other.isVisible():
                continue
            space.add_route(1, other.route.points)
            pill = other.label_rect
            if not pill.isEmpty():
                air = 2.0
                space.add((pill.left() - air, pill.top() - air, pill.right() + air,
                           pill.bottom() + air))
        return place_label(route.points, route.label_at, w, h, space, owner=0)

    # -- routes -------------------------------------------------------------------------

    def _ends(self, connector: Connector) -> tuple[object, object]:
        """Where a line's two ends are now (a card's rectangle, a stage's)."""
        layout = self.scene.layout
        return tuple(  # type: ignore[return-value]
            box.rect if (box := layout.cards.get(end)) is not None
            else layout.stage_rects.get(end) for end in (connector.source_id, connector.target_id))

    def _ends_moved(self, connector_ids: set[str]) -> set[str]:
        """Those of the lines whose ends are not where they were when last routed."""
        return {c for c in connector_ids if c in self.items
                and self._routed_at.get(c) != self._ends(self.items[c].connector)}

    def _route(self, journey: JourneyMap, connector: Connector,
               moved: Mapping[str, Box] | None = None) -> Route | None:
        self.rerouted += 1
        # A drag's quick line leaves no record: the drop must route the line again.
        self._routed_at[connector.id] = self._ends(connector) if moved is None else None
        scene = self.scene
        # A drag's frames draw the quick line; the drop routes around the cards again.
        return route_connector(scene.layout, journey, connector, scene.live, moved=moved,
                               around=moved is None)

    def of(self, entity_ids: Iterable[str]) -> set[str]:
        """The ids of the connectors touching these cards or stages."""
        found: set[str] = set()
        for entity_id in entity_ids:
            found |= self._touching.get(entity_id, set())
        return found

    def reroute(self, journey: JourneyMap, connector_ids: Iterable[str],
                moved: Mapping[str, Box] | None = None) -> None:
        """Route these connectors again (`moved`: boxes of cards being dragged)."""
        for connector_id in connector_ids:
            item = self.items.get(connector_id)
            if item is not None:
                self._place(item, self._route(journey, item.connector, moved))

    def _place(self, item: ConnectorItem, route: Route | None) -> None:
        """Give the line a new route, held in its lane's layer if it lies in one lane."""
        self._hold(item, route)
        item.set_route(route)

    def _hold(self, item: ConnectorItem, route: Route | None) -> None:
        lane = self._lane_of(route) if route is not None else None
        if lane is None:
            self._held.pop(item.entity_id, None)
            item.hold_in(None)
            return
        holder = self._holders.get(lane)
        if holder is None:
            holder = self._holders[lane] = LineLayer(lane, Z_CONNECTOR, self.scene.decorated)
            holder.setPos(0.0, self.scene.live.bands[lane].y)
            holder.cover(self.scene.layout.lane_rects[lane].h)
            self.scene.addItem(holder)
        self._held[item.entity_id] = lane
        item.hold_in(holder)

    def _lane_of(self, route: Route) -> str | None:
        """The lane every point of the route goes with when lanes move (None: none
        such, or the line reaches the stage headers)."""
        bands = sorted((band.y, lane_id) for lane_id, band in self.scene.live.bands.items())
        tops = [y for y, _lane in bands]
        lanes = {_lane_at(tops, y) for _x, y in route.points}
        if len(lanes) != 1:
            return None
        (i,) = lanes
        return bands[i][1] if i >= 0 else None

    def after_layout(self, journey: JourneyMap, delta: LayoutDelta,
                     touched: Iterable[str]) -> None:
        """Route again what a relayout may have moved or put in the way.

        A line whose cards stayed in their place in their lanes is not routed again when
        lanes only moved (one grew, the lanes below it went down): each of its points
        goes with the lane it runs in, so its runs stretch across the lanes that moved
        apart. Only a line a restacked cell may now stand in is routed again.
        """
        bands = {lane_id: band.y for lane_id, band in self.scene.live.bands.items()}
        old_bands, self._bands = self._bands, bands
        gone: set[str] = set()  # lines held by a lane no longer laid out
        lane_rects = self.scene.layout.lane_rects
        for lane_id, holder in self._holders.items():
            y = bands.get(lane_id)
            if y is None:
                gone |= {c for c, ln in self._held.items() if ln == lane_id}
                continue
            if holder.y() != y:
                holder.setPos(0.0, y)  # its lines go with it
            holder.cover(lane_rects[lane_id].h)
        if not self.items:
            return
        if delta.full:
            self._stacks.clear()
            self._dirty_rects(LayoutDelta(cells={(s.id, ln.id) for s in journey.stages
                                                 for ln in journey.lanes}))
            self.reroute(journey, list(self.items))
            return
        # The command's own cards' lines now, and those of cards it shifted in their
        # cells later; but not a line whose ends stayed in place (a title edited without
        # a new line): what lies between them is as it was, or in `dirty` below.
        now = self.of(delta.removed) | self._ends_moved(self.of(touched)) | gone
        again = self._ends_moved(self.of(delta.cards) - now)
        dirty = self._dirty_rects(delta)
        stretch = _Stretch(journey, old_bands, bands) if delta.lanes else None
        if stretch is not None or dirty:
            again |= self._by_the_way(stretch, dirty, now | again)
        self.reroute(journey, now)
        if self.scene.decorated:
            self.pending |= again
            if self.pending or self.behind:
                self._waiting = True
                self._later.start(_UNSEEN_MS)
        else:
            self.reroute(journey, again)

    def _by_the_way(self, stretch: _Stretch | None, dirty: list[Rect],
                    routed: set[str]) -> set[str]:
        """Stretch the lines of lanes that moved apart (but those `routed` names); the
        lines a restacked cell may now stand in, to be routed again.

        Every line is looked at, so the common cases cost a few comparisons: a line above
        what moved, and one below it that moves as a whole (the item is moved; its route
        is worked out only when something asks for it). A line off screen, before and
        after, takes its new place at once but is drawn there in the next idle moments
        (`behind`): a drop pays for the lines one sees."""
        again: set[str] = set()
        still = stretch.still if stretch is not None else float("inf")  # None: nothing moved
        along = stretch.along if stretch is not None else float("inf")
        dy = stretch.dy if stretch is not None else 0.0
        decorated = self.scene.decorated
        seen = self._seen() if decorated else None

        # Most lines lie wholly above or below the strips a restacked cell changed, and
        # wholly beside or beyond what the views show: numbers first, boxes when needed.
        d_top = min((r.y for r in dirty), default=float("inf"))
        d_bottom = max((r.bottom for r in dirty), default=float("-inf"))
        if seen is not None:
            s_left, s_top, s_right, s_bottom = seen.x, seen.y, seen.right, seen.bottom

        def unseen(before: Box, top: float, bottom: float) -> bool:
            """Off screen before, and still when its top and bottom are there (x stays)."""
            return seen is not None and (
                before.right < s_left or before.x > s_right
                or ((before.y > s_bottom or before.bottom < s_top)
                    and (top > s_bottom or bottom < s_top)))

        held = self._held
        for connector_id, item in self.items.items():
            if connector_id in routed or connector_id in held or not item.has_route:
                continue
            bounds = item.extent
            top, bottom = bounds.y, bounds.bottom
            if bottom < still or (top >= along and not dy):
                moved = None  # stays where it is; a cell that grew may now cover its label
                if dirty and item.connector.label and _pill_in(item, dirty):
                    again.add(connector_id)
                    continue
            elif top >= along:  # goes down with every lane it lies in
                assert stretch is not None  # else `still` and `along` are infinite
                new_top, new_bottom = top + dy, bottom + dy
                if new_top <= d_bottom and d_top <= new_bottom:
                    shifted = bounds.moved(dy)
                    if any(_meets(shifted, r) for r in dirty):
                        route = item.route
                        assert route is not None
                        moved = route.moved(dy)
                        if any(_crosses(moved, r) for r in dirty):
                            again.add(connector_id)
                            continue
                if unseen(bounds, new_top, new_bottom):
                    item.defer_shift(dy)  # off screen before and after
                    self.behind.add(connector_id)
                elif decorated:
                    item.shift(dy)
                else:
                    item.set_route(stretch.route(item.route, bounds))  # type: ignore[arg-type]
                self.shifted += 1
                continue
            else:
                assert stretch is not None
                if seen is not None and not item.connector.label and (
                        stretch.still > s_bottom and stretch.still + stretch.up > s_bottom):
                    # Every point that moves lies below the view, before and after: what
                    # the view shows of the line stays, so its route can wait until asked.
                    box = stretch.around(bounds)
                    if not (box.y <= d_bottom and d_top <= box.bottom
                            and any(_meets(box, r) for r in dirty)):
                        item.defer_stretch(stretch.stretched, box)
                        self.behind.add(connector_id)
                        self.shifted += 1
                        continue
                route = item.route
                assert route is not None
                moved = stretch.route(route, bounds)
                if moved is route:
                    moved = None
                else:
                    bounds = moved.bounds()
            if dirty and any(_meets(bounds, r) for r in dirty) and any(
                    _crosses(moved or item.route, r) for r in dirty):  # type: ignore[arg-type]
                again.add(connector_id)
            elif moved is not None:
                route = item.route
                assert route is not None
                step = moved.points[0][1] - route.points[0][1]
                if unseen(item.extent, bounds.y, bounds.bottom) or (
                        seen is not None and _same_in(route, moved, seen)
                        and (not item.connector.label or moved.label_at == route.label_at)):
                    item.defer(moved)  # drawn where it is after the frame
                    self.behind.add(connector_id)
                elif decorated and all(b[1] - a[1] == step for a, b in zip(
                        route.points, moved.points, strict=True)):
                    item.shift(step)  # the whole line moved with its lanes
                else:
                    item.set_route(moved)
                self.shifted += 1
        if dirty and held:
            again |= self._in_the_way(dirty, routed)
        return again

    def _in_the_way(self, dirty: list[Rect], routed: set[str]) -> set[str]:
        """The lines held in the lanes of restacked cells that a card may now stand in
        (or whose label a cell now covers)."""
        rects = self.scene.layout.lane_rects
        lanes = {lane for lane, r in rects.items()
                 if any(r.y <= d.bottom and d.y <= r.bottom for d in dirty)}
        again: set[str] = set()
        for connector_id, lane in self._held.items():
            if lane not in lanes or connector_id in routed:
                continue
            item = self.items[connector_id]
            bounds = item.extent
            if any(_meets(bounds, r) for r in dirty) and any(
                    _crosses(item.route, r) for r in dirty):  # type: ignore[arg-type]
                again.add(connector_id)
            elif item.connector.label and _pill_in(item, dirty):
                again.add(connector_id)
        return again

    def _seen(self) -> Rect | None:
        """What the views show, with a quarter screen more on each side (None: no view
        shows the scene); a line beyond is drawn in its place right after the frame."""
        rects = [v.mapToScene(v.viewport().rect()).boundingRect()
                 for v in self.scene.views() if v.isVisible()]
        if not rects:
            return None
        x0, y0 = min(r.left() for r in rects), min(r.top() for r in rects)
        x1, y1 = max(r.right() for r in rects), max(r.bottom() for r in rects)
        w, h = x1 - x0, y1 - y0
        return Rect(x0 - w / 4, y0 - h / 4, 1.5 * w, 1.5 * h)

    def _catch_up(self, deadline: float) -> None:
        """Draw lines left behind off screen where they now are, until the deadline."""
        while self.behind and time.perf_counter() < deadline:
            item = self.items.get(self.behind.pop())
            if item is not None:
                item.catch_up()

    def painted(self) -> None:
        """A view painted the scene: the lines left for later may be routed now."""
        if self._waiting:
            self._waiting = False
            self._later.start(0)

    def _route_pending(self) -> None:
        """Route pending lines for a few milliseconds, then let the user act again."""
        self._waiting = False
        journey = self.scene.journey
        if journey is None:
            self.pending.clear()
            self.behind.clear()
            return
        deadline = time.perf_counter() + _TURN
        self._catch_up(deadline)
        while self.pending and time.perf_counter() < deadline:
            self.reroute(journey, [self.pending.pop()])
        if self.pending or self.behind:
            self._later.start(0)

    def settle(self) -> None:
        """Route every pending line now, and draw every line where it is (before a
        picture is taken, in tests)."""
        self._catch_up(float("inf"))
        journey = self.scene.journey
        if journey is not None:
            self.reroute(journey, list(self.pending))
        self.pending.clear()

    def _dirty_rects(self, delta: LayoutDelta) -> list[Rect]:
        """Where a restacked cell may now stand in a line's way: the strips its stack of
        cards grew into or gave up, at its top and its bottom.

        The router sees a stack as one box (app.domain.routing), so a line beside it or
        across it is laid out alike while the stack's ends stay where they were.
        """
        live, layout = self.scene.live, self.scene.layout
        rects: list[Rect] = []
        pad = style.CELL_PADDING
        for key in delta.cells:
            stage, lane = layout.stage_rects.get(key[0]), layout.lane_rects.get(key[1])
            cards = live.cell_cards(*key)
            now: tuple[float, float] | None = None
            if cards:
                first, last = layout.cards.get(cards[0].id), layout.cards.get(cards[-1].id)
                if first is not None and last is not None:
                    now = (first.dy, last.dy + last.h)
            old = self._stacks.pop(key, None)
            if now is not None:
                self._stacks[key] = now
            if stage is None or lane is None or old == now:
                continue
            # The cards' own width: a line in the gutter beside them is not in their way.
            x, w = stage.x + pad, stage.w - 2 * pad
            if old is None or now is None:  # the cell filled or emptied: all of it
                top, bottom = (old or now)  # type: ignore[misc]  # one of them is set
                rects.append(Rect(x, lane.y + top - pad, w, bottom - top + 2 * pad))
                continue
            for a, b in ((old[0], now[0]), (old[1], now[1])):
                if a != b:
                    rects.append(Rect(x, lane.y + min(a, b) - pad, w, abs(a - b) + 2 * pad))
        return rects
