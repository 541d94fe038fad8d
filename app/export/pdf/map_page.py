"""Draws one tile of a laid-out map: stage and lane headers, lanes, cards, emotion curve.

The tile is drawn in model pixels, y downwards, under a transform that scales to points;
`Tile` says which part of the body it shows. Text goes through `beginText`/`textLine`
(no Paragraph markup anywhere, so user text is never parsed) and was cleaned of glyphs
the font lacks before layout.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject
from reportlab.pdfgen.textobject import PDFTextObject

from app.domain import style
from app.domain.insights import lower_is_better
from app.domain.layout import CardBox, MapLayout, MarkerPoint, Rect, TextWrapper, line_height
from app.domain.model import EmotionMarker, JourneyMap, LaneKind, Project
from app.domain.style import CardStyle
from app.domain.voting import card_votes, latest_round
from app.export.i18n import Texts
from app.export.pdf import card_marks, draw
from app.export.pdf.connectors import ConnectorPainter
from app.export.pdf.draw import color
from app.export.pdf.fonts import BOLD, REGULAR
from app.export.pdf.tiling import Tile

T_LH = line_height(style.CARD_TITLE_SIZE)
B_LH = line_height(style.CARD_BODY_SIZE)
S_LH = line_height(style.SMALL_SIZE)
V_LH = line_height(style.METRIC_VALUE_SIZE)
WHITE = "#FFFFFF"
Tick = Callable[[], None]  # called between cards: progress and cancel


def baseline(size: float, lh: float) -> float:
    """Offset from a line box's top to its baseline, centring DejaVu's ink in the box."""
    return (lh - size) / 2 + size * 0.82


def marker_lines(wrapper: TextWrapper, label: str, width: float) -> tuple[list[str], bool]:
    """An emotion label as drawn: at most two lines of `width`; True when it was cut
    (the notes then print it in full)."""
    size = style.SMALL_SIZE
    lines = wrapper.wrap(label, size, False, width, 3) or [label]
    if len(lines) <= 2:
        return lines, False
    return [lines[0], wrapper.elide(lines[1] + " " + lines[2], size, False, width)], True


def description_cut(wrapper: TextWrapper, text: str, width: float) -> bool:
    """True when a stage description does not fit the header's two lines."""
    return len(wrapper.wrap(text, style.SMALL_SIZE, False, width, 3)) > 2


def cut_texts(wrapper: TextWrapper, journey: JourneyMap, layout: MapLayout
              ) -> list[tuple[str, str, str]]:
    """(stage id, kind, full text) of every stage description and emotion label the map
    had to shorten (kind "description" or "label"), for the notes. The widths are those
    of a stage shown whole on its tile."""
    out = []
    for stage in journey.stages:
        width = max(40.0, layout.stage_rects[stage.id].w - 20)
        one_line = len(wrapper.wrap(stage.title, style.STAGE_TITLE_SIZE, True, width, 2)) == 1
        if stage.description and (not one_line
                                  or description_cut(wrapper, stage.description, width)):
            out.append((stage.id, "description", stage.description))
    for marker in journey.markers:
        rect = layout.stage_rects.get(marker.stage_id)
        if marker.label and rect is not None \
                and marker_lines(wrapper, marker.label, rect.w - 12)[1]:
            out.append((marker.stage_id, "label", marker.label))
    return out


class MapPainter:
    """Paints tiles of one map; holds what every tile shares (kinds, channels, wrapper)."""

    def __init__(self, project: Project, journey: JourneyMap, layout: MapLayout,
                 wrapper: TextWrapper, clean: Callable[[str], str], tx: Texts,
                 persona_name: str = "") -> None:
        self.journey, self.layout, self.wrapper, self.clean = journey, layout, wrapper, clean
        self.tx = tx
        self.kinds = {lane.id: lane.kind for lane in journey.lanes}
        self.lane_index = {lane.id: i for i, lane in enumerate(journey.lanes)}
        self.channels = {ch.id: ch for ch in project.channels}
        # Dots of the round the insights report (the newest with dots), on their cards.
        voted = latest_round(journey)
        self.dots = card_votes(journey, voted.id) if voted is not None else {}
        self.persona_name = persona_name
        self.map_name = journey.name
        by_lane: dict[str, list[CardBox]] = {}
        for box in layout.cards.values():
            by_lane.setdefault(box.card.lane_id, []).append(box)
        self.by_lane = by_lane
        self._chip_text: dict[str, list[tuple[float, float, str, float]]] = {}
        self._tag_text: dict[str, list[tuple[float, float, str, str]]] = {}
        self.quiet = False  # shapes only (the overview): no text, so none is illegible
        self.links = ConnectorPainter(journey, layout, wrapper, clean)
        self.dimmed: frozenset[str] = frozenset()  # card ids veiled (a view's dim mode)

    def _emit(self, c: Canvas, text: PDFTextObject) -> None:
        if not self.quiet:
            c.drawText(text)

    def draw_overview(self, c: Canvas, whole: Tile, scale: float, tiles: Iterable[Tile],
                      x: float, top: float) -> None:
        """The whole map without its text at `scale`, each tile outlined and labelled
        ("A1") at a legible size: where the pages that follow go on the wall."""
        self.quiet = True
        try:
            self.draw_tile(c, whole, x, top, scale)
        finally:
            self.quiet = False
        size = max(style.MIN_PRINT_POINTS * 2, min(28.0, 60 * scale))
        c.setLineWidth(1.5)
        c.setDash(6, 3)
        for tile in tiles:
            left, right = x + tile.x0 * scale, x + min(tile.x1, whole.view_x1) * scale
            upper, lower = top - tile.y0 * scale, top - min(tile.y1, whole.view_y1) * scale
            c.setStrokeColor(color(style.ACCENT))
            c.rect(left, lower, right - left, upper - lower, stroke=1, fill=0)
            c.setFillColor(color(WHITE, 0.8))
            label_w = self.wrapper.width(tile.label, size, True) + size
            c.roundRect((left + right - label_w) / 2, (upper + lower - size * 1.5) / 2,
                        label_w, size * 1.5, size * 0.3, stroke=0, fill=1)
            c.setFillColor(color(style.ACCENT))
            c.setFont(BOLD, size)
            c.drawCentredString((left + right) / 2, (upper + lower) / 2 - size * 0.35,
                                tile.label)
        c.setDash()

    # -- the tile as a whole ------------------------------------------------------------
    def draw_tile(self, c: Canvas, tile: Tile, x: float, top: float, scale: float,
                  tick: Tick | None = None) -> None:
        """Draw `tile` with its top-left corner at page point (x, top)."""
        head_w, head_h = style.LANE_HEADER_WIDTH, style.STAGE_HEADER_HEIGHT
        view_w, view_h = tile.view_x1 - tile.x0, tile.view_y1 - tile.y0
        with draw.y_down_box(c, x, top, scale):
            self._clipped(c, head_w - tile.x0, head_h - tile.y0,
                          Rect(head_w, head_h, view_w, view_h),
                          lambda: self._body(c, tile, tick))
            self._clipped(c, head_w - tile.x0, 0, Rect(head_w, 0, view_w, head_h),
                          lambda: self._stage_headers(c, tile))
            self.links.over_headers(c, tile, self._clipped, text=not self.quiet)
            self._clipped(c, 0, head_h - tile.y0, Rect(0, head_h, head_w, view_h),
                          lambda: self._lane_headers(c, tile))
            self._corner(c)
            c.setStrokeColor(color(style.GRID_LINE))
            c.setLineWidth(1)
            c.rect(0, 0, head_w + view_w, head_h + view_h, stroke=1, fill=0)

    @staticmethod
    def _clipped(c: Canvas, dx: float, dy: float, clip: Rect, paint: Callable[[], None]) -> None:
        c.saveState()
        p = c.beginPath()
        p.rect(clip.x, clip.y, clip.w, clip.h)
        c.clipPath(p, stroke=0, fill=0)
        c.translate(dx, dy)
        paint()
        c.restoreState()

    # -- headers ------------------------------------------------------------------------
    def _corner(self, c: Canvas) -> None:
        w, h = style.LANE_HEADER_WIDTH, style.STAGE_HEADER_HEIGHT
        c.setFillColor(color(style.TEXT))
        c.rect(0, 0, w, h, stroke=0, fill=1)
        t = c.beginText()
        caption = self.tx("PERSONA") if self.persona_name else self.tx("MAP")
        small = style.SMALL_SIZE
        if self.wrapper.width(caption, small, False) > w - 24:
            caption = self.wrapper.elide(caption, small, False, w - 24)
        lines = [(caption, REGULAR, small, "#AEB6C0")]
        name = self.persona_name or self.map_name
        for line in self.wrapper.wrap(name, 14, True, w - 24)[:2]:
            lines.append((line, BOLD, 14, WHITE))
        y = 24.0
        for n, (text, font, size, hex_value) in enumerate(lines):
            t.setTextTransform(1, 0, 0, -1, 12, y)
            t.setFont(font, size)
            t.setFillColor(color(hex_value))
            t.textOut(text)
            y += 20 if n == 0 else size * 1.3
        self._emit(c, t)

    def _stage_headers(self, c: Canvas, tile: Tile) -> None:
        h = style.STAGE_HEADER_HEIGHT
        c.setFillColor(color(WHITE))
        c.rect(tile.x0, 0, tile.view_x1 - tile.x0, h, stroke=0, fill=1)
        t = c.beginText()
        for i, stage in enumerate(self.journey.stages):
            r = self.layout.stage_rects[stage.id]
            if r.right <= tile.x0 or r.x >= tile.view_x1:
                continue
            c.setFillColor(color(stage.color))
            c.rect(r.x, 0, r.w, style.STAGE_BAND_HEIGHT, stroke=0, fill=1)
            c.setFillColor(draw.mix(stage.color, WHITE, 0.9))
            c.rect(r.x, style.STAGE_BAND_HEIGHT, r.w, h - style.STAGE_BAND_HEIGHT, stroke=0,
                   fill=1)
            if r.x >= tile.x1 or min(r.right, tile.x1) - max(r.x, tile.x0) < 110:
                continue  # a stage only glimpsed on this tile: its band, no text
            # On a tile that starts mid-stage the title moves in so every tile names it.
            left = max(r.x, tile.x0) + 12
            width = min(r.right, tile.view_x1) - left - 8
            t.setFillColor(color(style.MUTED_TEXT))
            small = style.SMALL_SIZE
            t.setFont(BOLD, small)
            t.setTextTransform(1, 0, 0, -1, left, 26)
            number = self.tx("STAGE {number}", number=f"{i + 1:02d}")
            if self.wrapper.width(number, small, True) > width:
                number = self.wrapper.elide(number, small, True, max(40, width))
            t.textOut(number)
            t.setFillColor(color(style.TEXT))
            t.setFont(BOLD, style.STAGE_TITLE_SIZE)
            title = self.wrapper.wrap(stage.title, style.STAGE_TITLE_SIZE, True, max(40, width))
            if len(title) > 2:
                title = [title[0], self.wrapper.elide(title[1], style.STAGE_TITLE_SIZE, True,
                                                      max(40, width))]
            for j, line in enumerate(title):
                t.setTextTransform(1, 0, 0, -1, left, 46 + j * 19)
                t.textOut(line)
            if stage.description and len(title) == 1:
                # Two lines under a one-line title; a cut description is in the notes.
                desc = self.wrapper.wrap(stage.description, small, False, max(40, width), 3)
                if len(desc) > 2:
                    desc = [desc[0], self.wrapper.elide(desc[1] + " " + desc[2], small,
                                                        False, max(40, width))]
                t.setFillColor(color(style.MUTED_TEXT))
                t.setFont(REGULAR, small)
                for j, line in enumerate(desc):
                    t.setTextTransform(1, 0, 0, -1, left, 66 + j * S_LH)
                    t.textOut(line)
        self._emit(c, t)
        c.setStrokeColor(color(style.GRID_LINE))
        c.setLineWidth(1)
        for stage in self.journey.stages:
            r = self.layout.stage_rects[stage.id]
            c.line(r.right, 0, r.right, h)
        c.line(tile.x0, h, tile.view_x1, h)

    def _lane_headers(self, c: Canvas, tile: Tile) -> None:
        w = style.LANE_HEADER_WIDTH
        t = c.beginText()
        for i, lane in enumerate(self.journey.lanes):
            r = self.layout.lane_rects[lane.id]
            if r.bottom <= tile.y0 or r.y >= tile.view_y1:
                continue
            kind_style = style.card_style(lane.kind)
            c.setFillColor(color(style.HEADER_FILL if i % 2 == 0 else style.PRINT_BAND_TINT))
            c.rect(0, r.y, w, r.h, stroke=0, fill=1)
            c.setFillColor(color(kind_style.border))
            c.rect(0, r.y, 5, r.h, stroke=0, fill=1)
            top = max(r.y, tile.y0)
            if lane.collapsed:
                top = r.y
            # Only what fits in the lane's part on this tile: text the clip would hide
            # still lands in the PDF's text (copied, searched, read aloud).
            bottom = min(r.bottom, tile.view_y1) if not lane.collapsed else r.bottom
            # The kind's icon, as on the canvas's lane header; the words start after it.
            y = top + (8 if lane.collapsed else 18)
            if bottom - top >= 22:
                draw.channel_icon(c, lane.kind.value, 14, y - 2, 18, kind_style.border)
            t.setFillColor(color(style.TEXT))
            t.setFont(BOLD, style.LANE_TITLE_SIZE)
            lines = self.wrapper.wrap(lane.title, style.LANE_TITLE_SIZE, True, w - 50)[:3]
            for line in lines:
                if y + line_height(style.LANE_TITLE_SIZE) > bottom + 4:
                    break
                t.setTextTransform(1, 0, 0, -1, 40, y + style.LANE_TITLE_SIZE * 0.8)
                t.textOut(line)
                y += line_height(style.LANE_TITLE_SIZE)
                if lane.collapsed:
                    break
            if not lane.collapsed and bottom - y > 20:
                count = len(self.by_lane.get(lane.id, ()))
                label = self.tx.lane_kind(lane.kind).upper()
                if lane.kind != LaneKind.EMOTIONS:
                    label += f" · {self.tx.integer(count)}"
                small = style.SMALL_SIZE
                if self.wrapper.width(label, small, False) > w - 48:
                    label = self.wrapper.elide(label, small, False, w - 48)
                t.setFillColor(color(style.MUTED_TEXT))
                t.setFont(REGULAR, small)
                t.setTextTransform(1, 0, 0, -1, 40, y + 12)
                t.textOut(label)
        self._emit(c, t)
        c.setStrokeColor(color(style.GRID_LINE))
        c.setLineWidth(1)
        for lane in self.journey.lanes:
            r = self.layout.lane_rects[lane.id]
            c.line(0, r.bottom, w, r.bottom)
        c.line(w, tile.y0, w, tile.view_y1)

    # -- the body -----------------------------------------------------------------------
    def _body(self, c: Canvas, tile: Tile, tick: Tick | None) -> None:
        x0, x1, y0, y1 = tile.x0, tile.view_x1, tile.y0, tile.view_y1
        c.setFillColor(color(WHITE))
        c.rect(x0, y0, x1 - x0, y1 - y0, stroke=0, fill=1)
        for i, lane in enumerate(self.journey.lanes):
            r = self.layout.lane_rects[lane.id]
            if i % 2 and r.bottom > y0 and r.y < y1:
                c.setFillColor(color(style.PRINT_BAND_TINT))
                c.rect(x0, r.y, x1 - x0, r.h, stroke=0, fill=1)
        c.setStrokeColor(color(style.GRID_LINE))
        c.setLineWidth(1)
        for r in self.layout.stage_rects.values():
            if x0 < r.right < x1 + 1:
                c.line(r.right, y0, r.right, y1)
        for r in self.layout.lane_rects.values():
            if y0 < r.bottom < y1 + 1:
                c.line(x0, r.bottom, x1, r.bottom)
        for lane in self.journey.lanes:
            r = self.layout.lane_rects[lane.id]
            if r.bottom <= y0 or r.y >= y1 or lane.collapsed:
                continue
            if lane.kind == LaneKind.EMOTIONS:
                self._emotions(c, lane.id, tile)
            else:
                self._cards(c, lane.kind, self.by_lane.get(lane.id, ()), tile, tick)
        self.links.draw(c, tile)
        self._overlap_veil(c, tile)

    def _overlap_veil(self, c: Canvas, tile: Tile) -> None:
        """Fade the neighbour's strip and mark the cut, so tiles align when glued."""
        c.setFillColor(color(WHITE, 0.6))
        c.setStrokeColor(color(style.ACCENT))
        c.setLineWidth(1)
        c.setDash(4, 3)
        if tile.view_x1 > tile.x1:
            c.rect(tile.x1, tile.y0, tile.view_x1 - tile.x1, tile.view_y1 - tile.y0, stroke=0,
                   fill=1)
            c.line(tile.x1, tile.y0, tile.x1, tile.view_y1)
        if tile.view_y1 > tile.y1:
            c.rect(tile.x0, tile.y1, min(tile.x1, tile.view_x1) - tile.x0,
                   tile.view_y1 - tile.y1, stroke=0, fill=1)
            c.line(tile.x0, tile.y1, tile.view_x1, tile.y1)
        c.setDash()

    def _cards(self, c: Canvas, kind: LaneKind, boxes: Iterable[CardBox], tile: Tile,
               tick: Tick | None) -> None:
        card_style = style.card_style(kind)
        # One text object per kind of line (titles, bodies, extras), each with its font and
        # colour set once: far fewer operators than switching per card on a 5,000-card page.
        titles, bodies, extras = c.beginText(), c.beginText(), c.beginText()
        titles.setFont(BOLD, style.CARD_TITLE_SIZE, T_LH)
        titles.setFillColor(color(style.TEXT))
        bodies.setFont(REGULAR, style.CARD_BODY_SIZE, B_LH)
        bodies.setFillColor(color("#3A4048"))
        ghosts: list[CardBox] = []
        owned: list[CardBox] = []
        for box in boxes:
            r = box.rect
            if r.right <= tile.x0 or r.x >= tile.view_x1 or r.bottom <= tile.y0 \
                    or r.y >= tile.view_y1:
                continue
            (owned if tile.owns(r.x + r.w / 2, r.y + r.h / 2) else ghosts).append(box)
        self._shapes(c, owned, kind, card_style)
        for n, box in enumerate(owned):
            self._card_marks(c, box, kind, card_style, (tile.x0, tile.view_x1))
            # A card wider than the tile (spanning stages) starts its text on the tile.
            dx = max(0.0, tile.x0 - box.rect.x)
            self._card_text(c, (titles, bodies, extras), box, kind, dx)
            if tick and n % 250 == 249:
                tick()
        for text in (titles, bodies, extras):
            self._emit(c, text)
        faint = [box for box in owned if box.card.id in self.dimmed]
        if faint:
            c.setFillColor(color(WHITE, 0.72))
            for box in faint:
                r = box.rect
                c.roundRect(r.x - 1, r.y - 1, r.w + 2, r.h + 2, style.CARD_RADIUS, stroke=0,
                            fill=1)
        for box in ghosts:  # shown for alignment only; the owning tile prints the text
            r = box.rect
            c.setFillColor(draw.mix(card_style.fill, WHITE, 0.3))
            c.setStrokeColor(draw.mix(card_style.border, WHITE, 0.5))
            c.roundRect(r.x, r.y, r.w, r.h, style.CARD_RADIUS, stroke=1, fill=1)

    def _shapes(self, c: Canvas, boxes: list[CardBox], kind: LaneKind, card_style: CardStyle
                ) -> None:
        """All card outlines of a lane as one path per fill colour: one fill-and-stroke
        operator instead of a colour change and a path per card."""
        by_fill: dict[str, list[CardBox]] = {}
        for box in boxes:
            by_fill.setdefault(box.card.color or card_style.fill, []).append(box)
        c.setStrokeColor(color(card_style.border))
        c.setLineWidth({LaneKind.PAINS: 1.6, LaneKind.TEXT: 0.75}.get(kind, 1.0))
        if card_style.dashed:
            c.setDash(4, 3)
        for fill, group in by_fill.items():
            c.setFillColor(color(fill))
            p = c.beginPath()
            for box in group:
                r = box.rect
                if kind == LaneKind.THOUGHTS:
                    self._bubble(p, r)
                else:
                    p.roundRect(r.x, r.y, r.w, r.h, style.CARD_RADIUS)
            c.drawPath(p, stroke=1, fill=1)
        if card_style.dashed:
            c.setDash()

    def _card_marks(self, c: Canvas, box: CardBox, kind: LaneKind, card_style: CardStyle,
                    shown: tuple[float, float]) -> None:
        """The per-card marks drawn over the outline: icon, dots, chips, star."""
        card, r = box.card, box.rect
        if kind == LaneKind.TOUCHPOINTS:
            channel = self.channels.get(card.channel_id or "")
            key = channel.icon if channel else "other"
            hex_value = channel.color if channel else card_style.border
            draw.channel_icon(c, key, r.x + style.CARD_INNER, r.y + style.CARD_INNER + 1,
                              style.ICON_SIZE, hex_value)
        elif kind == LaneKind.PAINS and card.severity:
            draw.severity_dots(c, r.right - style.CARD_INNER, r.y + style.CARD_INNER + T_LH / 2,
                               card.severity, card_style.border)
        elif kind == LaneKind.OPPORTUNITIES:
            card_marks.chips(self, c, box, card_style.border)
        if card.favourite:
            draw.star(c, r.right - 2, r.y + 2, 6.5, outline=True)
        card_marks.edge_tags(self, c, box, card_style, shown)

    @staticmethod
    def _bubble(p: PDFPathObject, r: Rect) -> None:
        """A rounded card with a square lower-left corner: a speech bubble's tail."""
        rad = style.CARD_RADIUS
        p.moveTo(r.x + rad, r.y)
        p.lineTo(r.right - rad, r.y)
        p.curveTo(r.right, r.y, r.right, r.y, r.right, r.y + rad)
        p.lineTo(r.right, r.bottom - rad)
        p.curveTo(r.right, r.bottom, r.right, r.bottom, r.right - rad, r.bottom)
        p.lineTo(r.x, r.bottom)
        p.lineTo(r.x, r.y + rad)
        p.curveTo(r.x, r.y, r.x, r.y, r.x + rad, r.y)
        p.close()

    def _card_text(self, c: Canvas, texts: tuple[PDFTextObject, PDFTextObject, PDFTextObject],
                   box: CardBox, kind: LaneKind, dx: float = 0.0) -> None:
        titles, bodies, extras = texts
        card, r = box.card, box.rect
        inner = style.CARD_INNER + dx
        tx = r.x + inner + (style.ICON_SIZE + 4 if kind == LaneKind.TOUCHPOINTS else 0)
        y = r.y + style.CARD_INNER
        if kind == LaneKind.TOUCHPOINTS and len(box.title_lines) == 1:
            y += (box.header_height - T_LH) / 2
        if box.title_lines:
            titles.setTextTransform(1, 0, 0, -1, tx, y + baseline(style.CARD_TITLE_SIZE, T_LH))
            for line in box.title_lines:
                titles.textLine(line)
        y = r.y + style.CARD_INNER + box.header_height
        if box.body_lines:
            bodies.setTextTransform(1, 0, 0, -1, r.x + inner,
                                    y + baseline(style.CARD_BODY_SIZE, B_LH))
            for line in box.body_lines:
                bodies.textLine(line)
            y += len(box.body_lines) * B_LH
        if kind == LaneKind.METRICS:
            self._metric_text(c, extras, box, y)
        elif kind == LaneKind.OPPORTUNITIES:
            extras.setFillColor(color("#1E5631"))
            extras.setFont(REGULAR, style.SMALL_SIZE)
            for x, base, label, width in self._chip_text.get(card.id, ()):
                if self.wrapper.width(label, style.SMALL_SIZE, False) > width:
                    label = self.wrapper.elide(label, style.SMALL_SIZE, False, width)
                extras.setTextTransform(1, 0, 0, -1, x, base)
                extras.textOut(label)
        extras.setFont(REGULAR, style.SMALL_SIZE)
        for x, base, label, ink in self._tag_text.get(card.id, ()):
            extras.setFillColor(color(ink))
            extras.setTextTransform(1, 0, 0, -1, x, base)
            extras.textOut(label)

    def _metric_text(self, c: Canvas, t: PDFTextObject, box: CardBox, y: float) -> None:
        card, r = box.card, box.rect
        x = r.x + style.CARD_INNER
        value = self.tx.number(card.value) + (f" {self.clean(card.unit)}" if card.unit else "")
        t.setFillColor(color("#0E5961"))
        t.setFont(BOLD, style.METRIC_VALUE_SIZE)
        t.setTextTransform(1, 0, 0, -1, x, y + baseline(style.METRIC_VALUE_SIZE, V_LH))
        t.textOut(value)
        if card.target is None:
            return
        t.setFillColor(color(style.MUTED_TEXT))
        t.setFont(REGULAR, style.SMALL_SIZE)
        t.setTextTransform(1, 0, 0, -1, x + 12, y + V_LH + baseline(style.SMALL_SIZE, S_LH))
        target = self.tx("target {value}", value=self.tx.number(card.target))
        room = r.w - 2 * style.CARD_INNER - 12
        if self.wrapper.width(target, style.SMALL_SIZE, False) > room:
            target = self.wrapper.elide(target, style.SMALL_SIZE, False, room)
        t.textOut(target)
        if card.value is not None and card.value != card.target:
            up = card.value > card.target
            good = up != lower_is_better(card)
            draw.arrow(c, x + 4, y + V_LH + S_LH / 2, up, 7,
                       style.EMOTION_COLORS[2] if good else style.EMOTION_COLORS[-2])

    # -- emotions -----------------------------------------------------------------------
    def _emotions(self, c: Canvas, lane_id: str, tile: Tile) -> None:
        r = self.layout.lane_rects[lane_id]
        neutral = self.layout.neutral_y.get(lane_id, r.y + r.h / 2)
        first = self.layout.stage_rects[self.journey.stages[0].id].x if self.journey.stages \
            else r.x
        c.setStrokeColor(color("#8E979F"))
        c.setLineWidth(1)
        c.setDash(5, 4)
        c.line(first, neutral, r.right, neutral)
        c.setDash()
        segments = self.layout.curves.get(lane_id, [])
        if segments:
            self._curve_areas(c, segments, neutral, r)
            p = c.beginPath()
            p.moveTo(*segments[0][0])
            for _, c1, c2, end in segments:
                p.curveTo(*c1, *c2, *end)
            c.setStrokeColor(color(style.CURVE_COLOR))
            c.setLineWidth(style.CURVE_WIDTH)
            c.setLineCap(1)
            c.setLineJoin(1)
            c.drawPath(p, stroke=1, fill=0)
        markers = {m.id: m for m in self.journey.markers if m.lane_id == lane_id}
        points = sorted((p for mid, p in self.layout.markers.items() if mid in markers),
                        key=lambda p: p.x)
        for point in points:
            draw.face(c, point.x, point.y, style.MARKER_RADIUS, point.score)
        self._marker_labels(c, points, markers, r, tile)

    def _marker_labels(self, c: Canvas, points: list[MarkerPoint],
                       markers: dict[str, EmotionMarker], r: Rect, tile: Tile) -> None:
        """Labels under their faces (above when they would collide), on a white pill so
        the curve never runs through the words; up to two lines, inside the lane and the
        marker's stage, printed only by the tile holding the face (like a card)."""
        if self.quiet:
            return  # the overview: no pills without their words
        size, rad = style.SMALL_SIZE, style.MARKER_RADIUS
        lh = size * 1.3
        placed: list[tuple[float, float, float, float]] = []
        t = c.beginText()
        t.setFont(REGULAR, size)
        t.setFillColor(color(style.TEXT))
        for point in points:
            marker = markers[point.marker_id]
            if not marker.label or not tile.owns(point.x, point.y):
                continue
            stage = self.layout.stage_rects[marker.stage_id]
            lines, _cut = marker_lines(self.wrapper, marker.label, stage.w - 12)
            w = max(self.wrapper.width(line, size, False) for line in lines)
            h = lh * len(lines)
            left = min(max(point.x - w / 2 - 3, stage.x + 3), stage.right - w - 9)
            options = [point.y + rad + 4, point.y - rad - 4 - h,
                       point.y + rad + 4 + lh, point.y - rad - 4 - h - lh]
            if point.y + rad + 4 + h >= r.bottom - 2:
                options[0:2] = options[1::-1]
            # Inside the lane, whatever the curve's height.
            options = [min(max(top, r.y + 2), r.bottom - h - 2) for top in options]
            box = None
            for top in options:
                cand = (left, top, left + w + 6, top + h)
                if not any(cand[0] < b[2] and b[0] < cand[2] and cand[1] < b[3]
                           and b[1] < cand[3] for b in placed):
                    box = cand
                    break
            box = box or (left, options[0], left + w + 6, options[0] + h)
            placed.append(box)
            c.setFillColor(color(WHITE, 0.85))
            c.roundRect(box[0], box[1], box[2] - box[0], box[3] - box[1], 3, stroke=0, fill=1)
            for n, line in enumerate(lines):
                t.setTextTransform(1, 0, 0, -1, box[0] + 3, box[1] + n * lh + baseline(size, lh))
                t.textOut(line)
        self._emit(c, t)

    @staticmethod
    def _curve_areas(c: Canvas, segments: list[tuple[tuple[float, float], ...]], neutral: float,
                     r: Rect) -> None:
        """Tint the area between the curve and the midline: green above, red below."""
        start, end = segments[0][0], segments[-1][3]
        for top, hex_value in ((True, style.CURVE_POSITIVE_TINT),
                               (False, style.CURVE_NEGATIVE_TINT)):
            c.saveState()
            clip = c.beginPath()
            if top:
                clip.rect(r.x, r.y, r.w, neutral - r.y)
            else:
                clip.rect(r.x, neutral, r.w, r.bottom - neutral)
            c.clipPath(clip, stroke=0, fill=0)
            p = c.beginPath()
            p.moveTo(start[0], neutral)
            p.lineTo(*start)
            for _, c1, c2, pt in segments:
                p.curveTo(*c1, *c2, *pt)
            p.lineTo(end[0], neutral)
            p.close()
            c.setFillColor(color(hex_value, style.CURVE_TINT_ALPHA + 0.06))
            c.drawPath(p, stroke=0, fill=1)
            c.restoreState()
