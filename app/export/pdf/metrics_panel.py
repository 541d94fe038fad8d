"""The insights page's metrics panel: the funnel when the metrics form one (see
app.domain.insights.metrics_funnel), else every metric against its target."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from app.domain import style
from app.domain.insights import MapInsights
from app.domain.model import ConnectorKind
from app.export.i18n import msg
from app.export.pdf import draw
from app.export.pdf.connectors import kind_color
from app.export.pdf.page import Area, Writer

TEAL = "#137C86"
BRANCH = kind_color(ConnectorKind.BRANCH)


def draw_metrics(c: Canvas, w: Writer, inner: Area, found: MapInsights) -> None:
    """The funnel, the targets table, or a one-line note when there is neither."""
    if found.funnel:
        _funnel(c, w, inner, found)
    elif found.targets:
        _targets(c, w, inner, found)
    else:
        w.text(inner.x, inner.top - 14, w.tx(msg("No metric cards with values.")), 10, False,
               style.MUTED_TEXT, width=inner.w)


def _row_height(inner: Area, n: int, low: float, high: float) -> float:
    return max(low, min(high, inner.h / max(1, n)))


def _funnel(c: Canvas, w: Writer, inner: Area, found: MapInsights) -> None:
    steps = found.funnel
    row = _row_height(inner, len(steps), 18, 34)
    share = steps[0].unit.strip() == "%"
    full = 100.0 if share else (steps[0].value or 1.0)
    for i, s in enumerate(steps):
        value_of = s.value or 0.0
        y = inner.top - (i + 0.5) * row
        width = max(4.0, inner.w * 0.62 * max(0.0, min(1.0, value_of / full)))
        x = inner.x + (inner.w * 0.62 - width) / 2
        # An alternative step (reached by a branch) in the branch's colour, not the funnel's.
        c.setFillColor(draw.mix(BRANCH if s.branch else TEAL, "#FFFFFF",
                                0.15 + 0.5 * i / max(1, len(steps))))
        c.rect(x, y - row * 0.35, width, row * 0.7, stroke=0, fill=1)
        value = w.tx.number(value_of, 0 if abs(value_of) >= 100 else None)
        value += f" {s.unit.strip()}" if s.unit.strip() else ""
        if w.wrapper.width(w.clean(value), 9, True) + 10 < width:
            w.text(inner.x + inner.w * 0.31, y - 3.5, value, 9, True, "#FFFFFF", "centre")
        else:
            w.text(x + width + 5, y - 3.5, value, 9, True, style.TEXT,
                   width=inner.w * 0.63 - (x + width + 5 - inner.x))
        # An alternative step names its metric: its stage is the one above it.
        w.text(inner.x + inner.w * 0.65, y + 0.5,
               "↳ " + s.metric_title if s.branch else s.stage_title, 9, True, style.TEXT,
               width=inner.w * 0.35)
        drop = "" if s.drop_off is None else w.tx("drop-off {share}",
                                                  share=w.tx.percent(s.drop_off))
        note, ink = drop, style.EMOTION_COLORS[-2]
        if s.branch:
            note, ink = w.tx("another path"), BRANCH
        elif not drop and s.branch_from:
            note, ink = w.tx("branch, not a drop"), BRANCH
        w.text(inner.x + inner.w * 0.65, y - 9.5, note or s.metric_title, 8.5, False,
               ink if note else style.MUTED_TEXT, width=inner.w * 0.35)


def _targets(c: Canvas, w: Writer, inner: Area, found: MapInsights) -> None:
    """One row per metric: name (and stage), value, target, and ▲ better / ▼ worse."""
    rows = found.targets
    row = _row_height(inner, len(rows) + 1, 20, 30)
    fits = max(1, int(inner.h // row) - 1)
    tx = w.tx
    value_x, target_x, mark_x = inner.x + inner.w * 0.52, inner.x + inner.w * 0.74, inner.right
    top = inner.top - 10
    for label, x, align in ((msg("Metric"), inner.x, "left"), (msg("Value"), value_x, "right"),
                            (msg("Target"), target_x, "right")):
        w.text(x, top, tx(label).upper(), 7.5, True, style.MUTED_TEXT, align,
               width=inner.w * 0.2 if align == "right" else inner.w * 0.3)
    for i, r in enumerate(rows[:fits]):
        y = top - (i + 1) * row
        w.text(inner.x, y + 1, r.title, 8.5, True, style.TEXT, width=inner.w * 0.36)
        w.text(inner.x, y - 8.5, r.stage_title, 7.5, False, style.MUTED_TEXT,
               width=inner.w * 0.36)
        unit = f" {r.unit.strip()}" if r.unit.strip() else ""
        w.text(value_x, y - 3, tx.number(r.value) + unit, 9, True, style.TEXT, "right",
               width=inner.w * 0.14)
        target = "–" if r.target is None else tx.number(r.target) + unit
        w.text(target_x, y - 3, target, 9, False, style.MUTED_TEXT, "right",
               width=inner.w * 0.2)
        if r.better is not None:
            good = style.EMOTION_COLORS[2] if r.better else style.EMOTION_COLORS[-2]
            with draw.y_down_box(c, mark_x - inner.w * 0.2, y):
                draw.arrow(c, 5, 0, r.better, 7, good)
            w.text(mark_x - inner.w * 0.2 + 13, y - 3, tx(msg("better") if r.better
                                                             else msg("worse")),
                   8, True, good, width=inner.w * 0.2 - 13)
    if len(rows) > fits:
        w.text(inner.x, top - (fits + 1) * row + 2, tx("+{count} more", count=len(rows) - fits),
               8, False, style.MUTED_TEXT)
