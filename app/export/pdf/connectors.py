"""Connectors on a map tile: the routed line, its arrowhead and its label, as vector paths.

Routes come from app.domain.routing (the canvas draws the same lines) and are computed
once per map, in model pixels, and written once as a form XObject that every tile places
under its own clip: a connector that crosses a tile edge is on both tiles and the halves
meet when the sheets are put side by side. Labels are placed once per map clear of cards,
faces, headers, other lines and labels (app.domain.labels, as the canvas does; off their
line with a dotted leader when they must be), and each is printed by one tile only, so
the PDF's text holds it once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from app.domain import style
from app.domain.labels import LabelSpace, nearest_on, place_label
from app.domain.layout import MapLayout, Rect, TextWrapper
from app.domain.model import Connector, ConnectorKind, JourneyMap
from app.domain.routing import CellIndex, Point, Route, arrow_head, route_connector
from app.export.i18n import msg
from app.export.pdf.draw import color
from app.export.pdf.fonts import REGULAR
from app.export.pdf.tiling import Tile

# Colours, widths and the label pill are the canvas's (app.domain.style), so the print and
# the screen draw one line.
KIND_COLORS = style.CONNECTOR_COLORS
# MapPainter._clipped: paint under a clip rectangle, translated by (dx, dy).
Clipper = Callable[[Canvas, float, float, Rect, Callable[[], None]], None]
KIND_NAMES: dict[ConnectorKind, str] = {
    ConnectorKind.FLOW: msg("Flow"),
    ConnectorKind.LOOP_BACK: msg("Loop back"),
    ConnectorKind.BRANCH: msg("Branch"),
    ConnectorKind.HANDOFF: msg("Handoff"),
    ConnectorKind.DEPENDENCY: msg("Dependency"),
}
KIND_HINTS: dict[ConnectorKind, str] = {
    ConnectorKind.FLOW: msg("the next step"),
    ConnectorKind.LOOP_BACK: msg("the customer returns to an earlier step"),
    ConnectorKind.BRANCH: msg("an alternative path"),
    ConnectorKind.HANDOFF: msg("work passes frontstage → backstage"),
    ConnectorKind.DEPENDENCY: msg("needs the other to happen first"),
}
LINE_WIDTH = style.CONNECTOR_WIDTH  # model pixels, as every other size on the map
ARROW_SIZE = style.CONNECTOR_ARROW
CORNER = 8.0  # the radius that softens each bend
DASH = style.CONNECTOR_DASH
LABEL_SIZE = style.CONNECTOR_LABEL_SIZE
LABEL_MAX_W = style.CONNECTOR_LABEL_MAX
LABEL_PAD = style.CONNECTOR_LABEL_PAD
LABEL_H = style.CONNECTOR_LABEL_HEIGHT


def kind_color(kind: ConnectorKind) -> str:
    """The colour a connector of this kind is drawn in."""
    return style.connector_color(kind)


@dataclass(frozen=True)
class Routed:
    """One connector and where its line runs on the map."""

    connector: Connector
    route: Route
    to_stage: bool  # ends at a stage header, above the body


def route_all(journey: JourneyMap, layout: MapLayout) -> list[Routed]:
    """The route of every connector of `journey` whose two ends are laid out."""
    if not journey.connectors:
        return []
    cells = CellIndex(layout)
    out = []
    for con in journey.connectors:
        found = route_connector(layout, journey, con, cells)
        if found is not None and len(found.points) >= 2:
            out.append(Routed(con, found, con.target_id in layout.stage_rects))
    return out


def _rounded(p: PDFPathObject, points: tuple[Point, ...], end: Point) -> None:
    """The orthogonal polyline with each bend rounded, ending at `end`."""
    pts = (*points[:-1], end)
    p.moveTo(*pts[0])
    for prev, at, nxt in zip(pts, pts[1:], pts[2:], strict=False):
        in_len = abs(at[0] - prev[0]) + abs(at[1] - prev[1])
        out_len = abs(nxt[0] - at[0]) + abs(nxt[1] - at[1])
        r = min(CORNER, in_len / 2, out_len / 2)
        if r <= 0.5:
            p.lineTo(*at)
            continue
        a = (at[0] - (at[0] - prev[0]) / in_len * r, at[1] - (at[1] - prev[1]) / in_len * r)
        b = (at[0] + (nxt[0] - at[0]) / out_len * r, at[1] + (nxt[1] - at[1]) / out_len * r)
        p.lineTo(*a)
        p.curveTo(*at, *at, *b)
    p.lineTo(*pts[-1])


def _head(c: Canvas, wings_and_tip: tuple[Point, Point, Point]) -> None:
    """The filled arrowhead (in the fill colour set)."""
    left, tip, right = wings_and_tip
    head = c.beginPath()
    head.moveTo(*left)
    head.lineTo(*tip)
    head.lineTo(*right)
    head.close()
    c.drawPath(head, stroke=0, fill=1)


def _short_of_tip(points: tuple[Point, ...]) -> Point:
    """Where the line stops so its end hides under the arrowhead, not past the tip."""
    (x0, y0), (x1, y1) = points[-2], points[-1]
    length = abs(x1 - x0) + abs(y1 - y0)
    if length <= 0:
        return points[-1]
    cut = min(ARROW_SIZE * 0.6, length)
    return (x1 - (x1 - x0) / length * cut, y1 - (y1 - y0) / length * cut)


@dataclass(frozen=True)
class Pill:
    """A label as placed on the map: its text and its box (model pixels)."""

    routed: Routed
    text: str
    x: float
    y: float
    w: float
    h: float
    anchor: Point | None = None  # off its line: where a dotted leader joins the line

    @property
    def centre(self) -> Point:
        """The middle of the pill."""
        return self.x + self.w / 2, self.y + self.h / 2


class ConnectorPainter:
    """Draws the connectors of one map on its tiles (in the tile's model-pixel space)."""

    def __init__(self, journey: JourneyMap, layout: MapLayout, wrapper: TextWrapper,
                 clean: Callable[[str], str]) -> None:
        self.routed = route_all(journey, layout)
        self.wrapper, self.clean = wrapper, clean
        self.width, self.height = layout.width, layout.height
        self.pills = self._place(layout) if any(r.connector.label.strip()
                                                for r in self.routed) else []
        self.owners: list[str] = []  # per pill, the label of the tile that prints it

    def share(self, tiles: Sequence[Tile]) -> None:
        """Give each label to one of `tiles`: the first that shows the whole pill. A pill
        on a cut that no tile shows whole moves the least way into the tile holding its
        centre (a dotted leader keeps it joined to its line), so it is never halved."""
        def shows(tile: Tile, pill: Pill) -> bool:
            return (tile.x0 <= pill.x and pill.x + pill.w <= tile.view_x1
                    and tile.y0 <= pill.y and pill.y + pill.h <= tile.view_y1)

        def into(tile: Tile, pill: Pill) -> Pill:
            x = min(max(pill.x, tile.x0 + 2), tile.view_x1 - pill.w - 2)
            y = min(max(pill.y, tile.y0 + 2), tile.view_y1 - pill.h - 2)
            anchor = pill.anchor or nearest_on(pill.routed.route.points, pill.centre)
            return dataclasses.replace(pill, x=x, y=y, anchor=anchor)

        self.owners = []
        for n, pill in enumerate(self.pills):
            whole = next((t for t in tiles if shows(t, pill)), None)
            if whole is None:
                home = next((t for t in tiles if t.owns(*pill.centre)), None)
                if home is None:
                    self.owners.append("")
                    continue
                self.pills[n] = into(home, pill)
                whole = home
            self.owners.append(whole.label)

    def _place(self, layout: MapLayout) -> list[Pill]:
        """Each label on its line where it covers no card, header or other label (the
        route's own label point when nowhere is free)."""
        size, pad, h = LABEL_SIZE, LABEL_PAD, LABEL_H
        space = LabelSpace(layout.cards.values(), layout.markers.values())
        for n, r in enumerate(self.routed):
            space.add_route(n, r.route.points)
        out = []
        for n, r in enumerate(self.routed):
            text = self.clean(" ".join(r.connector.label.split()))
            if not text:
                continue
            if self.wrapper.width(text, size, False) > LABEL_MAX_W:
                text = self.wrapper.elide(text, size, False, LABEL_MAX_W)
            w = self.wrapper.width(text, size, False) + 2 * pad
            spot, anchor = place_label(r.route.points, r.route.label_at, w, h, space, n)
            x = min(max(spot[0] - w / 2, style.LANE_HEADER_WIDTH + 2), self.width - w - 2)
            y = min(max(spot[1] - h / 2, style.STAGE_HEADER_HEIGHT - 4), self.height - h - 2)
            space.add((x, y, x + w, y + h))
            out.append(Pill(r, text, x, y, w, h, anchor))
        return out

    def draw(self, c: Canvas, tile: Tile, *, headers: bool = False) -> None:
        """The connectors on `tile`'s body (or, with `headers`, those that end at a stage
        header, over the header row), under the caller's clip. The lines are one form
        XObject per map, written once and placed on every tile: a poster of 99 tiles does
        not repeat 1,000 paths 99 times. Labels come after the headers (`labels`)."""
        shown = [r for r in self.routed if r.to_stage] if headers else self.routed
        if not shown:
            return
        forms = c.__dict__.setdefault("_journey_link_forms", {})
        key = (id(self), headers)
        if key not in forms:
            forms[key] = name = f"links-{len(forms)}"
            pad = 40  # routes around everything run a gutter outside the map
            c.beginForm(name, -pad, -pad, int(self.width) + pad, int(self.height) + pad)
            c.setLineCap(1)
            c.setLineJoin(1)
            c.setLineWidth(LINE_WIDTH)
            for r in shown:
                self._line(c, r)
            c.endForm()
        c.doForm(forms[key])

    @staticmethod
    def _line(c: Canvas, r: Routed) -> None:
        hex_value = kind_color(r.connector.kind)
        points = r.route.points
        c.setStrokeColor(color(hex_value))
        c.setFillColor(color(hex_value))
        c.setDash(*(DASH if r.connector.assumed else ()))
        p = c.beginPath()
        _rounded(p, points, _short_of_tip(points))
        c.drawPath(p, stroke=1, fill=0)
        c.setDash()
        _head(c, arrow_head(points, ARROW_SIZE))

    def over_headers(self, c: Canvas, tile: Tile, clipped: Clipper, *, text: bool) -> None:
        """After the headers are painted: on the first row of tiles the last stretch of
        lines that end at a stage header, then the labels (unless `text` is False),
        clipped to the body and the headers' bottom edge, where a label on a line
        through the gutter under them may rest."""
        head_w, head_h = style.LANE_HEADER_WIDTH, style.STAGE_HEADER_HEIGHT
        view_w, view_h = tile.view_x1 - tile.x0, tile.view_y1 - tile.y0
        first_row = tile.y0 <= head_h + 0.5
        if first_row:
            clipped(c, head_w - tile.x0, 0, Rect(head_w, 0, view_w, head_h),
                    lambda: self.draw(c, tile, headers=True))
        if self.pills and text:
            lift = 6.0 if first_row else 0.0
            clipped(c, head_w - tile.x0, head_h - tile.y0,
                    Rect(head_w, head_h - lift, view_w, view_h + lift),
                    lambda: self.labels(c, tile))

    def labels(self, c: Canvas, tile: Tile) -> None:
        """The labels whose centre this tile owns (as a card's text: once in the PDF), in
        white pills edged in their kind's colour."""
        size = LABEL_SIZE
        t = c.beginText()
        t.setFont(REGULAR, size)
        t.setFillColor(color(style.TEXT))
        for n, pill in enumerate(self.pills):
            if (self.owners[n] != tile.label) if self.owners else not tile.owns(*pill.centre):
                continue
            c.setStrokeColor(color(kind_color(pill.routed.connector.kind)))
            c.setLineWidth(1)
            if pill.anchor is not None:  # a dotted leader from the line to the pill's edge
                edge = (min(max(pill.anchor[0], pill.x), pill.x + pill.w),
                        min(max(pill.anchor[1], pill.y), pill.y + pill.h))
                c.setDash(1.5, 2)
                c.line(*pill.anchor, *edge)
                c.setDash()
            c.setFillColor(color(style.CONNECTOR_LABEL_FILL))
            c.roundRect(pill.x, pill.y, pill.w, pill.h, pill.h / 2, stroke=1, fill=1)
            t.setTextTransform(1, 0, 0, -1, pill.x + (pill.w - self.wrapper.width(
                pill.text, size, False)) / 2, pill.y + pill.h / 2 + size * 0.35)
            t.textOut(pill.text)
        c.drawText(t)


def draw_sample(c: Canvas, x: float, y: float, length: float, kind: ConnectorKind,
                dashed: bool = False, k: float = 1.0) -> None:
    """A short connector of `kind` from (x, y) to the right, for the legends (y-up page
    points; `k` scales it with the page furniture)."""
    hex_value = kind_color(kind)
    size = 7.0 * k
    c.saveState()
    c.setStrokeColor(color(hex_value))
    c.setFillColor(color(hex_value))
    c.setLineWidth(1.6 * k)
    c.setLineCap(1)
    if dashed:
        c.setDash(5 * k, 3 * k)
    c.line(x, y, x + length - size * 0.6, y)
    c.setDash()
    _head(c, arrow_head(((x, y), (x + length, y)), size))
    c.restoreState()


def kinds_of(journeys: Iterable[JourneyMap]) -> list[ConnectorKind]:
    """The connector kinds these maps use, in the legend's order."""
    used = {con.kind for journey in journeys for con in journey.connectors}
    return [kind for kind in ConnectorKind if kind in used]
