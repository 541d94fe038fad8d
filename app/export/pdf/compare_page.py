"""The compare page: two maps or snapshots, before and after (from app.domain.compare).

Page one holds the title, the counts, both emotion curves on one chart with the change
per stage, and the start of three lists (added, removed, changed and moved cards, each
grouped by stage); the lists continue on as many pages as they need. All user text is
drawn with canvas text calls through `Writer`, never Paragraph markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas

from app.domain import style
from app.domain.compare import DiffStatus, ItemDiff, ItemKind, MapComparison, compare_maps
from app.domain.layout import smooth_curve
from app.domain.model import JourneyMap, MapState
from app.export.i18n import Texts, msg
from app.export.pdf import connectors, draw
from app.export.pdf.draw import color
from app.export.pdf.page import Area, Writer
from app.export.pdf.references import MAP, Side

GREEN, RED, AMBER, BLUE = "#1E8449", "#C0392B", "#B8862E", "#2F6FB3"
BEFORE_GREY = "#9AA3AD"
FIELD_LABELS = {"title": msg("title"), "body": msg("text"), "channel_id": msg("channel"),
                "color": msg("colour"), "tags": msg("tags"), "severity": msg("severity"),
                "owner": msg("owner"), "priority": msg("priority"), "status": msg("status"),
                "value": msg("value"), "unit": msg("unit"), "target": msg("target"),
                "evidence": msg("evidence"), "favourite": msg("favourite"),
                "span": msg("span"), "kind": msg("kind"), "label": msg("label"),
                "assumed": msg("assumed"), "from": msg("start"), "to": msg("end")}
TITLE_SIZE, META_SIZE = 9.5, 8.5
STAGE_ROW = 22.0
COLUMN_HEAD = 26.0
GAP = 18.0
CONTINUED = msg("(cont.)")
WIDE = 760.0  # below this width (portrait A4/Letter) the counts and chart stack


@dataclass
class Row:
    """One line of a list: a list heading, a stage heading, a note or a card."""

    kind: str  # "section", "stage", "note" or "item"
    text: str
    hex_value: str  # the list's colour, the stage's colour or the card's bar
    title: list[str] = field(default_factory=list)
    meta: list[str] = field(default_factory=list)
    more: str = ""  # "  (cont.)" in the export's language, on a repeated heading

    @property
    def height(self) -> float:
        """Points the row takes."""
        if self.kind == "section":
            return COLUMN_HEAD
        if self.kind in ("stage", "note"):
            return STAGE_ROW
        return len(self.title) * TITLE_SIZE * 1.3 + len(self.meta) * META_SIZE * 1.3 + 7

    def continued(self, tx: Texts) -> Row:
        """The heading repeated at the top of the next column."""
        return Row(self.kind, self.text, self.hex_value, more="  " + tx(CONTINUED))

    @property
    def label(self) -> str:
        """The text as drawn: a repeated heading says it continues."""
        return self.text + self.more


def title_for(tx: Texts, left: Side, right: Side) -> str:
    """"Current vs future" for a current map against a future one, else the two names."""
    if (left.kind == right.kind == MAP and left.journey.state == MapState.CURRENT
            and right.journey.state == MapState.FUTURE):
        return tx("Current vs future")
    return tx("{before} vs {after}", before=left.name, after=right.name)


def _describe(tx: Texts, side: Side) -> str:
    if side.kind == MAP:
        state = tx("future state") if side.journey.state == MapState.FUTURE else tx(
            "current state")
        return tx("map “{name}” · {state}", name=side.name, state=state)
    return tx("snapshot “{name}” · taken {date}", name=side.name, date=tx.date(side.taken_at))


class ComparePages:
    """Plans and draws the compare page(s) for one pair."""

    def __init__(self, writer: Writer, left: Side, right: Side, area: Area) -> None:
        self.left, self.right, self.area = left, right, area
        self.tx = tx = writer.tx
        self.result: MapComparison = compare_maps(left.journey, right.journey)
        self.wide = area.w >= WIDE
        self.col_w = (area.w - 2 * GAP) / 3
        first = self.area.h - self.band_height()
        # Page one: one column per list. What does not fit flows on, newspaper style,
        # through three columns a page, with its list and stage named again.
        self.first: list[list[Row]] = []
        rest: list[Row] = []
        for rows in self._lists(writer):
            taken, more = _cut(tx, rows, first)
            self.first.append(taken)
            rest += more
        self.later: list[list[Row]] = []
        while rest:
            column, rest = _cut(tx, rest, self.area.h)
            self.later.append(column)

    @property
    def page_count(self) -> int:
        """Page one and the pages the lists continue on."""
        return 1 + (len(self.later) + 2) // 3

    def band_height(self) -> float:
        """The height of page one's title, counts and chart band."""
        return min(300.0, self.area.h * 0.45) if self.wide else min(400.0, self.area.h * 0.55)

    # -- the lists ----------------------------------------------------------------------
    def _lists(self, w: Writer) -> list[list[Row]]:
        r = self.result
        link = ItemKind.CONNECTOR
        # Connectors join the cards' lists, under the stage of the card they leave.
        changed = {d.item_id: d for d in (*r.changed(), *r.moved(), *r.changed(link))}
        before, after = self.left.journey, self.right.journey
        out = []
        tx = self.tx
        for label, diffs, journey, removed, hex_value, empty in (
                (msg("Added"), r.added() + r.added(link), after, False, GREEN,
                 msg("No cards added.")),
                (msg("Removed"), r.removed() + r.removed(link), before, True, RED,
                 msg("No cards removed.")),
                (msg("Changed & moved"), list(changed.values()), after, False, AMBER,
                 msg("No cards changed or moved."))):
            rows = [Row("section", f"{tx(label)} · {tx.integer(len(diffs))}", hex_value)]
            rows += self._grouped(w, diffs, journey, removed, hex_value) or [
                Row("note", tx(empty), style.MUTED_TEXT)]
            out.append(rows)
        return out

    def _grouped(self, w: Writer, diffs: list[ItemDiff], journey: JourneyMap, removed: bool,
                 hex_value: str) -> list[Row]:
        """Rows for `diffs`, grouped under the stages of `journey` in journey order."""
        stages = {s.id: (i, s) for i, s in enumerate(journey.stages)}
        lanes = {ln.id: (i, ln) for i, ln in enumerate(journey.lanes)}
        cards = {c.id: (c.order, i) for i, c in enumerate(journey.cards)}

        def where(d: ItemDiff) -> tuple[str | None, str | None]:
            if removed:
                return d.before_stage_id, d.before_lane_id
            return d.stage_id, d.lane_id

        def key(d: ItemDiff) -> tuple[int, int, tuple[int, int]]:
            sid, lid = where(d)
            return (stages.get(sid or "", (len(stages), None))[0],
                    lanes.get(lid or "", (len(lanes), None))[0],
                    cards.get((d.before_id if removed else d.after_id) or "", (0, 0)))

        rows: list[Row] = []
        current: object = ()
        inner = self.col_w - 14
        for d in sorted(diffs, key=key):
            sid, lid = where(d)
            stage = stages.get(sid or "", (0, None))[1]
            if sid != current:
                rows.append(Row("stage", stage.title if stage else self.tx("(no stage)"),
                                stage.color if stage else "#999999"))
                current = sid
            lane = lanes.get(lid or "", (0, None))[1]
            meta = w.lines(lane.title, META_SIZE, False, inner, 1) if lane else []
            if d.kind == ItemKind.CONNECTOR:
                meta = w.lines(self._link_words(d, removed), META_SIZE, False, inner, 2)
            meta += self._details(w, d, inner)
            title = w.lines(d.title or self.tx("(untitled)"), TITLE_SIZE, True, inner, 2)
            rows.append(Row("item", d.title, hex_value, title, meta))
        return rows

    def _link_words(self, d: ItemDiff, removed: bool) -> str:
        """A connector's kind, label and "assumed", as its side of the pair has them."""
        journey = self.left.journey if removed else self.right.journey
        con = journey.connector((d.before_id if removed else d.after_id) or "")
        if con is None:
            return ""
        words = [self.tx(connectors.KIND_NAMES[con.kind])]
        if con.label.strip():
            words.append(f"“{con.label.strip()}”")
        if con.assumed:
            words.append(self.tx("assumed"))
        return " · ".join(words)

    def _details(self, w: Writer, d: ItemDiff, width: float) -> list[str]:
        """For a changed or moved card: which fields, the old title, where it was."""
        if d.status in (DiffStatus.ADDED, DiffStatus.REMOVED):
            return []
        out = []
        tx = self.tx
        if d.fields:
            names = ", ".join(tx(FIELD_LABELS[f]) if f in FIELD_LABELS else f for f in d.fields)
            out += w.lines(tx("changed: {fields}", fields=names), META_SIZE, False, width, 2)
        if "title" in d.fields and d.before_id:
            old = next((c.title for c in self.left.journey.cards if c.id == d.before_id), "")
            if old:
                out += w.lines(tx("was: {title}", title=old), META_SIZE, False, width, 1)
        if d.moved:
            before = self.left.journey
            stage = before.stage(d.before_stage_id or "")
            lane = before.lane(d.before_lane_id or "")
            where = " · ".join(x.title for x in (stage, lane) if x is not None)
            out += w.lines(tx("moved from {place}", place=where), META_SIZE, False, width, 2)
        return out

    # -- drawing ------------------------------------------------------------------------
    def painters(self) -> list[Callable[..., None]]:
        """One painter per page: `paint(canvas, writer)`."""
        return [lambda c, w, n=n: self.draw(c, w, n) for n in range(self.page_count)]

    def draw(self, c: Canvas, w: Writer, page: int) -> None:
        """Draw page `page` (0 = the one with the summary and the chart)."""
        a = self.area
        if page == 0:
            self._band(c, w, Area(a.x, a.top - self.band_height(), a.w, self.band_height()))
            columns, top = self.first, a.top - self.band_height()
        else:
            columns, top = self.later[(page - 1) * 3:page * 3], a.top
        for i, rows in enumerate(columns):
            x, y = a.x + i * (self.col_w + GAP), top
            for row in rows:
                self._row(c, w, x, y, row)
                y -= row.height

    def _row(self, c: Canvas, w: Writer, x: float, top: float, row: Row) -> None:
        if row.kind == "section":
            c.setFillColor(color(row.hex_value))
            c.rect(x, top - 14, 3, 14, stroke=0, fill=1)
            # Shrunk rather than cut: the count at its end must show in every language.
            w.fitted(x + 9, top - 11, row.label, 12, True, style.TEXT, self.col_w - 9)
            c.setStrokeColor(color(style.GRID_LINE))
            c.setLineWidth(0.75)
            c.line(x, top - 20, x + self.col_w, top - 20)
            return
        if row.kind == "note":
            w.text(x, top - 12, row.label, 9.5, False, style.MUTED_TEXT, width=self.col_w)
            return
        if row.kind == "stage":
            c.setFillColor(color(row.hex_value))
            c.roundRect(x, top - 15, 10, 10, 2, stroke=0, fill=1)
            w.text(x + 16, top - 14, row.label, 10, True, style.TEXT, width=self.col_w - 16)
            return
        c.setFillColor(color(row.hex_value))
        c.rect(x + 2, top - row.height + 5, 2.5, row.height - 7, stroke=0, fill=1)
        y = top - 2
        for line in row.title:
            w.text(x + 12, y - TITLE_SIZE, line, TITLE_SIZE, True, style.TEXT)
            y -= TITLE_SIZE * 1.3
        for line in row.meta:
            w.text(x + 12, y - META_SIZE, line, META_SIZE, False, style.MUTED_TEXT)
            y -= META_SIZE * 1.3

    def _band(self, c: Canvas, w: Writer, band: Area) -> None:
        """Title, the two sides, the counts and the emotion chart."""
        top = band.top
        size = 22.0 if self.wide else 18.0
        top -= w.para(band.x, top, band.w, title_for(self.tx, self.left, self.right), size, True,
                      style.TEXT, 2, 1.2) + 4
        # Side by side on a wide page; one under the other where that would cut them.
        half = band.w / 2 if self.wide else band.w
        tx = self.tx
        for i, (label, side, hex_value) in enumerate(((msg("BEFORE"), self.left, BEFORE_GREY),
                                                      (msg("AFTER"), self.right,
                                                       style.CURVE_COLOR))):
            x = band.x + (i * half if self.wide else 0)
            y = top - 10 - (0 if self.wide else i * 15)
            w.fitted(x, y, tx(label), 8, True, hex_value, 42)
            w.text(x + 46, y, _describe(tx, side), 10, False, style.TEXT, width=half - 58)
        top -= 24 if self.wide else 39
        body = Area(band.x, band.y + 14, band.w, top - band.y - 14)
        if self.wide:
            left_w = min(360.0, body.w * 0.36)
            self._counts(c, w, Area(body.x, body.y, left_w, body.h), 2)
            self._chart(c, w, Area(body.x + left_w + 24, body.y, body.w - left_w - 24, body.h))
        else:
            tiles_h = 64.0
            self._counts(c, w, Area(body.x, body.top - tiles_h, body.w, tiles_h), 4)
            self._chart(c, w, Area(body.x, body.y, body.w, body.h - tiles_h - 12))

    def _counts(self, c: Canvas, w: Writer, area: Area, per_row: int) -> None:
        counts = self.result.counts()
        tiles = [((msg("card added"), msg("cards added")), counts["cards_added"], GREEN,
                  "#E6F6EC"),
                 ((msg("card removed"), msg("cards removed")), counts["cards_removed"], RED,
                  "#FDE8E8"),
                 ((msg("card changed"), msg("cards changed")), counts["cards_changed"], AMBER,
                  "#FFF8DC"),
                 ((msg("card moved"), msg("cards moved")), counts["cards_moved"], BLUE,
                  "#E8F1FB")]
        with_summary = per_row == 2  # the narrow column beside the chart has room for it
        links = sum(counts[k] for k in ("connectors_added", "connectors_removed",
                                        "connectors_changed"))
        if links:  # a tile only when links differ: most comparisons have none
            tiles.append(((msg("connector differs"), msg("connectors differ")), links,
                          style.MUTED_TEXT, "#F1F1F4"))
            per_row = 3 if per_row == 2 else 5
        tx = self.tx
        gap = 10.0
        rows = (len(tiles) + per_row - 1) // per_row
        summary_h = 34.0 if with_summary else 0.0
        tw = (area.w - gap * (per_row - 1)) / per_row
        th = min(74.0, (area.h - summary_h - gap * (rows - 1)) / rows)
        for n, ((one, many), value, hex_value, fill) in enumerate(tiles):
            x = area.x + (n % per_row) * (tw + gap)
            y = area.top - (n // per_row + 1) * th - (n // per_row) * gap
            c.setFillColor(color(fill))
            c.setStrokeColor(draw.mix(hex_value, "#FFFFFF", 0.45))
            c.setLineWidth(0.9)
            c.roundRect(x, y, tw, th, 7, stroke=1, fill=1)
            size = min(30.0, th * 0.45)
            w.text(x + 14, y + th - 12 - size * 0.8, tx.integer(value), size, True, hex_value)
            w.fitted(x + 14, y + 11, tx.plural(one, many, value), 9.5, False, style.TEXT,
                     tw - 20)
        if summary_h:
            w.para(area.x, area.y + summary_h - 4, area.w, summary(tx, self.result), 9, False,
                   style.MUTED_TEXT, 2)

    def _chart(self, c: Canvas, w: Writer, area: Area) -> None:
        """Average emotion per stage, before (dashed grey) and after (solid), and Δ."""
        rows = self.result.emotions
        c.setStrokeColor(color(style.GRID_LINE))
        c.setLineWidth(0.75)
        c.roundRect(area.x, area.y, area.w, area.h, 8, stroke=1, fill=0)
        w.heading(area.x + 12, area.top - 10, self.tx("Emotion per stage"), GREEN, 11,
                  area.w * 0.55)
        self._legend(c, w, area)
        if not rows:
            w.text(area.x + 12, area.top - 44, self.tx("The maps have no stages."), 9.5, False,
                   style.MUTED_TEXT, width=area.w - 24)
            return
        lo = min(self.left.journey.emotion_min, self.right.journey.emotion_min)
        hi = max(self.left.journey.emotion_max, self.right.journey.emotion_max)
        px0, px1 = area.x + 34, area.right - 12
        py0, py1 = area.y + 40, area.top - 40
        if py1 - py0 < 30:
            return
        step = (px1 - px0) / len(rows)
        xs = [px0 + (i + 0.5) * step for i in range(len(rows))]

        def y_of(score: float) -> float:
            return py0 + (score - lo) / max(1, hi - lo) * (py1 - py0)

        for score in range(lo, hi + 1):
            y = y_of(score)
            c.setStrokeColor(color("#8E979F" if score == 0 else "#ECEFF2"))
            c.setLineWidth(0.8)
            c.setDash(*((4, 3) if score == 0 else ()))
            c.line(px0, y, px1, y)
            c.setDash()
            w.text(px0 - 8, y - 3, self.tx.signed(score, 0), 7.5, False, style.MUTED_TEXT,
                   "right")
        self._curve(c, [(x, y_of(r.before)) if r.before is not None else None
                        for x, r in zip(xs, rows, strict=True)], BEFORE_GREY, 1.6, True)
        self._curve(c, [(x, y_of(r.after)) if r.after is not None else None
                        for x, r in zip(xs, rows, strict=True)], style.CURVE_COLOR,
                    style.CURVE_WIDTH, False)
        for x, r in zip(xs, rows, strict=True):
            if r.before is not None:
                c.setFillColor(color("#FFFFFF"))
                c.setStrokeColor(color(BEFORE_GREY))
                c.setLineWidth(1.2)
                c.circle(x, y_of(r.before), 3, stroke=1, fill=1)
            if r.after is not None:
                with draw.y_down_box(c, x, y_of(r.after)):
                    draw.face(c, 0, 0, 6.5, round(r.after))
            w.text(x, py0 - 16, r.title, 8, False, style.TEXT, "centre", step - 6)
            delta_text, hex_value = _delta(self.tx, r.before, r.after)
            w.text(x, py0 - 30, delta_text, 9, True, hex_value, "centre", step - 4)

    def _legend(self, c: Canvas, w: Writer, area: Area) -> None:
        x = area.right - 12
        for source, hex_value, dashed in ((msg("after"), style.CURVE_COLOR, False),
                                          (msg("before"), BEFORE_GREY, True)):
            label = self.tx(source)
            x -= w.wrapper.width(label, 8.5, False)
            w.text(x, area.top - 20, label, 8.5, False, style.MUTED_TEXT)
            c.setStrokeColor(color(hex_value))
            c.setLineWidth(2.2 if not dashed else 1.6)
            c.setDash(*((4, 3) if dashed else ()))
            c.line(x - 28, area.top - 17, x - 6, area.top - 17)
            c.setDash()
            x -= 44

    @staticmethod
    def _curve(c: Canvas, points: list[tuple[float, float] | None], hex_value: str, width: float,
               dashed: bool) -> None:
        runs: list[list[tuple[float, float]]] = [[]]
        for p in points:  # a stage with no marker breaks the curve
            if p is None:
                runs.append([])
            else:
                runs[-1].append(p)
        c.setStrokeColor(color(hex_value))
        c.setLineWidth(width)
        c.setLineCap(1)
        c.setLineJoin(1)
        c.setDash(*((5, 4) if dashed else ()))
        for run in runs:
            if len(run) < 2:
                continue
            path = c.beginPath()
            path.moveTo(*run[0])
            for _, c1, c2, end in smooth_curve(run):
                path.curveTo(*c1, *c2, *end)
            c.drawPath(path, stroke=1, fill=0)
        c.setDash()
        c.setLineCap(0)


def _delta(tx: Texts, before: float | None, after: float | None) -> tuple[str, str]:
    """The change as text ("▲ +1.0", "▼ −0.5") and its colour: green up, red down."""
    if before is None and after is None:
        return "–", style.MUTED_TEXT
    if before is None:
        return tx("new"), style.MUTED_TEXT
    if after is None:
        return tx("gone"), style.MUTED_TEXT
    d = after - before
    if abs(d) < 0.05:
        return "±0", style.MUTED_TEXT
    return (f"▲ {tx.signed(d)}", GREEN) if d > 0 else (f"▼ {tx.signed(d)}", RED)


# The summary's card phrases: the first names the cards, the rest are short
# ("3 cards added, 1 removed, 2 changed").
_CARD_PHRASES = (
    ("cards_added", (msg("{n} card added"), msg("{n} cards added")),
     (msg("{n} added"), msg("{n} added"))),
    ("cards_removed", (msg("{n} card removed"), msg("{n} cards removed")),
     (msg("{n} removed"), msg("{n} removed"))),
    ("cards_changed", (msg("{n} card changed"), msg("{n} cards changed")),
     (msg("{n} changed"), msg("{n} changed"))),
    ("cards_moved", (msg("{n} card moved"), msg("{n} cards moved")),
     (msg("{n} moved"), msg("{n} moved"))),
)
_STAGE_PHRASES = (
    ("stages_added", (msg("{n} stage added"), msg("{n} stages added"))),
    ("stages_removed", (msg("{n} stage removed"), msg("{n} stages removed"))),
    ("connectors_added", (msg("{n} connector added"), msg("{n} connectors added"))),
    ("connectors_removed", (msg("{n} connector removed"), msg("{n} connectors removed"))),
    ("connectors_changed", (msg("{n} connector changed"), msg("{n} connectors changed"))),
)


def summary(tx: Texts, result: MapComparison) -> str:
    """The one-line summary of the differences in the export's language (the domain's
    `MapComparison.summary` has no number conventions: "−0,5" needs them)."""
    counts = result.counts()
    present = [(key, full, short) for key, full, short in _CARD_PHRASES if counts[key]]
    cards = [tx.plural(*(short if i else full), counts[key])
             for i, (key, full, short) in enumerate(present)]
    parts = [", ".join(cards)] if cards else []
    parts += [tx.plural(*forms, counts[key]) for key, forms in _STAGE_PHRASES if counts[key]]
    b, a = result.emotion_before, result.emotion_after
    if b is not None and a is not None and abs(a - b) > 1e-6:  # as the domain summary
        parts.append(tx("average emotion {before} → {after}", before=tx.signed(b),
                        after=tx.signed(a)))
    if not parts:
        return tx("No differences")
    text = "; ".join(parts)
    return text[0].upper() + text[1:]


def _cut(tx: Texts, rows: list[Row], room: float) -> tuple[list[Row], list[Row]]:
    """The rows that fit in `room` points and the rest. A heading never ends a column;
    the rest starts by naming again the list and stage it continues."""
    section: Row | None = None
    stage: Row | None = None
    for i, row in enumerate(rows):
        if row.kind == "section":
            section, stage = row, None
        elif row.kind == "stage":
            stage = row
        need, j = row.height, i
        while rows[j].kind in ("section", "stage") and j + 1 < len(rows):
            j += 1
            need += rows[j].height
        if need > room and i > 0:
            rest = rows[i:]
            again = []
            if rest[0].kind != "section" and section is not None:
                again.append(section.continued(tx))
            if rest[0].kind in ("item", "note") and stage is not None:
                again.append(stage.continued(tx))
            return rows[:i], again + rest
        room -= row.height
    return rows, []
