"""The legend and the insights page."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfgen.canvas import Canvas

from app.domain import style
from app.domain.insights import UNSPECIFIED, MapInsights
from app.domain.model import ConnectorKind, JourneyMap, LaneKind, Project
from app.domain.voting import RoundResult
from app.export.i18n import Texts, msg
from app.export.pdf import connectors, draw, metrics_panel
from app.export.pdf.draw import color
from app.export.pdf.page import Area, Writer

KIND_HINTS = {
    LaneKind.TOUCHPOINTS: msg("Where the customer meets the business; icon = channel"),
    LaneKind.ACTIONS: msg("What the customer does"),
    LaneKind.THOUGHTS: msg("What they think or ask themselves"),
    LaneKind.EMOTIONS: msg("How they feel: faces joined by a curve"),
    LaneKind.PAINS: msg("Barriers; dots = severity 1–3"),
    LaneKind.OPPORTUNITIES: msg("Ideas to improve; chips = priority, owner, status"),
    LaneKind.BACKSTAGE: msg("People, policy and systems behind the scenes (dashed)"),
    LaneKind.METRICS: msg("Measured values; arrow = against target"),
    LaneKind.TEXT: msg("Free notes"),
}


def draw_legend(c: Canvas, w: Writer, area: Area, project: Project,
                kinds: Sequence[ConnectorKind] = (), votes: bool = False) -> None:
    """Channels, emotion faces, marks and lane kinds, each as the map draws them, the
    connector `kinds` the maps use (none: no connector section), and the dots' pill when
    a map's cards show `votes`."""
    col_w = (area.w - 48) / 3
    tx = w.tx
    # Rows spread over the page height (within limits) so the legend does not huddle.
    ch_step = max(24.0, min(40.0, (area.h - 40) / max(1, len(project.channels))))
    kind_step = max(44.0, min(64.0, (area.h - 40) / len(LaneKind)))
    # Channels
    x, top = area.x, area.top
    top -= w.heading(x, top, tx("Channels"), "#2F6FB3", 14, col_w) + 6
    for ch in project.channels:
        with draw.y_down_box(c, x, top):
            draw.channel_icon(c, ch.icon, 0, 0, 18, ch.color)
        w.text(x + 28, top - 13, ch.name, 11, False, style.TEXT, width=col_w - 30)
        top -= ch_step
    # Emotions
    x, top = area.x + col_w + 24, area.top
    top -= w.heading(x, top, tx("Emotion scale"), "#1E8449", 14, col_w) + 6
    # Connectors (and the dots' pill) take the room under the marks: the faces close up
    # on a short page.
    face_step = 48.0
    if kinds and area.h < 600:
        face_step = 32.0 if votes else 36.0
    for score in (2, 1, 0, -1, -2):
        with draw.y_down_box(c, x + 14, top - 14):
            draw.face(c, 0, 0, 14, score)
        w.text(x + 38, top - 11, tx.signed(score, 0), 11, True, style.emotion_color(score))
        w.text(x + 66, top - 11, tx.emotion(score), 11, False, style.TEXT, width=col_w - 70)
        top -= face_step
    top -= 10
    c.setStrokeColor(color(style.CURVE_COLOR))
    c.setLineWidth(2.5)
    c.line(x, top - 8, x + 40, top - 8)
    w.fitted(x + 52, top - 12, tx("Emotion curve through the faces"), 10, False, style.TEXT,
             col_w - 52)
    top -= 26
    c.setStrokeColor(color("#8E979F"))
    c.setLineWidth(1)
    c.setDash(5, 4)
    c.line(x, top - 8, x + 40, top - 8)
    c.setDash()
    w.fitted(x + 52, top - 12, tx("Neutral line"), 10, False, style.TEXT, col_w - 52)
    top -= 26
    with draw.y_down_box(c, x + 20, top - 8):
        draw.star(c, 0, 0, 8)
    w.fitted(x + 52, top - 12, tx("Favourite touchpoint"), 10, False, style.TEXT, col_w - 52)
    top -= 26
    # The pills on a card's bottom edge: how sure the card is, and its tags.
    hints = {"observed": msg("seen in research"), "assumed": msg("believed, not yet checked"),
             "proposed": msg("an idea for the future state")}
    for value, hint in hints.items():
        label = tx.evidence(value)
        width = min(w.wrapper.width(w.clean(label), 9, False) + 2 * style.EVIDENCE_PAD,
                    col_w * 0.45)
        draw.evidence_tag(c, x, top - 8, width, 13, value)
        w.text(x + style.EVIDENCE_PAD, top - 11.2, label, 9, False,
               style.EVIDENCE_COLORS[value][2], width=width - 2 * style.EVIDENCE_PAD)
        w.fitted(x + width + 8, top - 11.2, tx(hint), 9, False, style.MUTED_TEXT,
                 col_w - width - 8)
        top -= 20
    c.setFillColor(color("#FFFFFF"))
    c.setStrokeColor(color(style.GRID_LINE))
    c.setLineWidth(0.75)
    c.roundRect(x, top - 14.5, 18, 13, 6.5, stroke=1, fill=1)
    w.text(x + 9, top - 11.2, "#", 9, False, style.MUTED_TEXT, "centre")
    w.fitted(x + 26, top - 11.2, tx("the card's tags"), 9, False, style.MUTED_TEXT, col_w - 26)
    if votes:  # the pill on the bottom edge of a card that has dots
        top -= 20
        label = "● 3"
        width = w.wrapper.width(label, 9, True) + 2 * style.EVIDENCE_PAD
        draw.vote_tag(c, x, top - 8, width, 13)
        w.text(x + style.EVIDENCE_PAD, top - 11.2, label, 9, True, "#FFFFFF")
        w.fitted(x + width + 8, top - 11.2, tx("dots in the latest vote"), 9, False,
                 style.MUTED_TEXT, col_w - width - 8)
    if kinds:
        _connector_legend(c, w, x, top - 30, col_w, kinds)
    # Lane kinds
    x, top = area.x + 2 * (col_w + 24), area.top
    top -= w.heading(x, top, tx("Lanes"), "#6C4FA3", 14, col_w) + 6
    for kind in LaneKind:
        s = style.card_style(kind)
        c.setFillColor(color(s.fill))
        c.setStrokeColor(color(s.border))
        c.setLineWidth(1)
        if s.dashed:
            c.setDash(4, 3)
        c.roundRect(x, top - 34, 44, 30, 5, stroke=1, fill=1)
        c.setDash()
        w.text(x + 56, top - 15, tx.lane_kind(kind), 11, True, style.TEXT, width=col_w - 58)
        w.para(x + 56, top - 20, col_w - 58, tx(KIND_HINTS[kind]), 9, False, style.MUTED_TEXT,
               2)
        top -= kind_step


def _connector_legend(c: Canvas, w: Writer, x: float, top: float, col_w: float,
                      kinds: Sequence[ConnectorKind]) -> None:
    """Each connector kind as a short arrow with its name and meaning, then the dash."""
    tx = w.tx
    top -= w.heading(x, top, tx("Connectors"), connectors.kind_color(ConnectorKind.LOOP_BACK),
                     12, col_w) + 4
    rows = [(kind, False, tx(connectors.KIND_NAMES[kind]), tx(connectors.KIND_HINTS[kind]))
            for kind in kinds]
    rows.append((ConnectorKind.FLOW, True, tx("Dashed"), tx("an assumed path")))
    for kind, dashed, name, hint in rows:
        connectors.draw_sample(c, x, top - 8, 36, kind, dashed)
        name_w = w.fitted(x + 46, top - 11.5, name, 9.5, True, style.TEXT, col_w * 0.4)
        w.fitted(x + 52 + name_w, top - 11.5, hint, 8.5, False, style.MUTED_TEXT,
                 col_w - 52 - name_w)
        top -= 17


def _panel(c: Canvas, w: Writer, area: Area, title: str, hex_value: str) -> Area:
    c.setStrokeColor(color(style.GRID_LINE))
    c.setLineWidth(0.75)
    c.roundRect(area.x, area.y, area.w, area.h, 8, stroke=1, fill=0)
    head = w.heading(area.x + 14, area.top - 14, w.tx(title), hex_value, 13, area.w - 28)
    return Area(area.x + 16, area.y + 12, area.w - 32, area.h - 14 - head - 14)


def draw_insights(c: Canvas, w: Writer, area: Area, project: Project, journey: JourneyMap,
                  found: MapInsights) -> None:
    """Six panels: emotion per stage, moments of truth, pains, opportunities, funnel,
    favourite touchpoints and channels; under them, where customers step back (the
    map's loop-back connectors), when it has any."""
    gap = 18.0
    # Three across on a landscape page; two across and three down on a portrait one,
    # where three columns would leave each panel too narrow for its labels.
    cols, rows = (3, 2) if area.w >= area.h else (2, 3)
    # Where customers step back and what the room voted for: a band across the foot of
    # the page (side by side when there are both), the panels above.
    votes = found.votes
    vote_rows = (1 + max(len(votes.opportunities), len(votes.pains) + len(votes.others))
                 if votes else 0)  # a line of totals above the rows
    if found.step_backs or votes:
        band = min(area.h * 0.3, 64 + 30 * max(min(len(found.step_backs), 4),
                                                min(vote_rows, 5)))
        feet = [part for part in ("backs" if found.step_backs else "",
                                  "votes" if votes else "") if part]
        fw = (area.w - gap * (len(feet) - 1)) / len(feet)
        for i, part in enumerate(feet):
            foot = Area(area.x + i * (fw + gap), area.y, fw, band)
            if part == "backs":
                _step_backs(c, w, _panel(c, w, foot, msg("Where customers step back"),
                                         connectors.kind_color(ConnectorKind.LOOP_BACK)),
                            journey, found)
            elif votes is not None:
                heading = w.tx("Top voted · {round}", round=votes.title)
                _top_voted(c, w, _panel(c, w, foot, heading, style.VOTE_DOT_COLOR), votes)
        area = Area(area.x, area.y + band + gap, area.w, area.h - band - gap)
    cw, rh = (area.w - (cols - 1) * gap) / cols, (area.h - (rows - 1) * gap) / rows
    cells = [Area(area.x + i * (cw + gap), area.y + (rows - 1 - j) * (rh + gap), cw, rh)
             for j in range(rows) for i in range(cols)]
    _emotions(c, w, _panel(c, w, cells[0], msg("Average emotion per stage"), "#1E8449"), found)
    _moments(w, _panel(c, w, cells[1], msg("Moments of truth (deepest drops)"), "#C0392B"),
             journey, found)
    _pains(c, w, _panel(c, w, cells[2], msg("Pains per stage"), "#C0392B"), found)
    _opportunities(c, w, _panel(c, w, cells[3], msg("Top opportunities"), "#1E8449"), found)
    # A funnel only when the metrics form one; otherwise each metric against its target.
    title = msg("Metrics funnel") if found.funnel else msg("Metrics against target")
    metrics_panel.draw_metrics(c, w, _panel(c, w, cells[4], title, "#137C86"), found)
    _favourites(c, w, _panel(c, w, cells[5], msg("Favourite touchpoints & channels"),
                             "#2F6FB3"), project, journey, found)


def _step_backs(c: Canvas, w: Writer, inner: Area, journey: JourneyMap,
                found: MapInsights) -> None:
    """One row per loop-back: the stages (and cards) it returns from and to, its label,
    and the pains of the stages it spans, worst first."""
    titles = {s.id: s.title for s in journey.stages}
    tx = w.tx
    row = 30.0
    fits = max(1, int(inner.h // row))
    shown = found.step_backs if len(found.step_backs) <= fits else found.step_backs[:fits - 1]
    left_w = inner.w * 0.46
    for i, back in enumerate(shown):
        top = inner.top - i * row
        connectors.draw_sample(c, inner.x, top - 8, 22, ConnectorKind.LOOP_BACK, back.assumed)
        where = titles.get(back.from_stage_id or "", "")
        if back.to_stage_id != back.from_stage_id:
            where += " → " + titles.get(back.to_stage_id or "", "")
        w.text(inner.x + 30, top - 11, where, 10, True, style.TEXT, width=left_w - 30)
        cards = f"{back.from_title} → {back.to_title}"
        if back.label.strip():
            cards += f" · “{back.label.strip()}”"
        w.text(inner.x + 30, top - 23, cards, 8.5, False, style.MUTED_TEXT, width=left_w - 30)
        pains = ", ".join(back.pain_titles[:4]) + ("…" if len(back.pain_titles) > 4 else "")
        w.text(inner.x + left_w + 10, top - 11, tx("Pains there") if pains else
               tx("No pains recorded there."), 8.5, True,
               style.EMOTION_COLORS[-2] if pains else style.MUTED_TEXT,
               width=inner.w - left_w - 10)
        if pains:
            w.text(inner.x + left_w + 10, top - 23, pains, 8.5, False, style.TEXT,
                   width=inner.w - left_w - 10)
    if len(shown) < len(found.step_backs):
        w.text(inner.x, inner.top - len(shown) * row - 10,
               tx("+{count} more step-backs", count=len(found.step_backs) - len(shown)), 8, False,
               style.MUTED_TEXT)


def _top_voted(c: Canvas, w: Writer, inner: Area, votes: RoundResult) -> None:
    """The round's most voted opportunities in one column, its pains (then other cards)
    in the other: a dot with the count, the title, the stage."""
    tx = w.tx
    state = tx("closed") if votes.closed else tx("open")
    w.text(inner.x, inner.top - 9, tx("{count} dots in all", count=tx.integer(votes.dots))
           + f"  ·  {state}", 8.5, False, style.MUTED_TEXT, width=inner.w)
    half = (inner.w - 12) / 2
    row = 24.0
    fits = max(1, int((inner.h - 30) // row))  # under the totals and column titles
    columns = ((tx("Opportunities"), votes.opportunities),
               (tx("Pains and other cards"), votes.pains + votes.others))
    for n, (title, cards) in enumerate(columns):
        x = inner.x + n * (half + 12)
        top = inner.top - 16
        w.text(x, top - 9, title, 8.5, True, style.TEXT, width=half)
        if not cards:
            w.text(x, top - 21, tx("No dots here."), 8.5, False, style.MUTED_TEXT, width=half)
        for i, card in enumerate(cards[:fits]):
            y = top - 14 - i * row
            c.setFillColor(color(style.VOTE_DOT_COLOR))
            c.circle(x + 8, y - 8, 8, stroke=0, fill=1)
            w.text(x + 8, y - 11, tx.integer(card.dots), 8, True, "#FFFFFF", "centre", 15)
            w.text(x + 22, y - 7, card.title, 9.5, True, style.TEXT, width=half - 22)
            w.text(x + 22, y - 18, card.stage_title, 8, False, style.MUTED_TEXT,
                   width=half - 22)


def _empty(w: Writer, inner: Area, text: str) -> None:
    w.text(inner.x, inner.top - 14, w.tx(text), 10, False, style.MUTED_TEXT, width=inner.w)


def _rows(inner: Area, n: int, min_h: float = 16.0, max_h: float = 30.0) -> float:
    return max(min_h, min(max_h, inner.h / max(1, n)))


def _emotions(c: Canvas, w: Writer, inner: Area, found: MapInsights) -> None:
    stages = found.stage_emotions
    if not any(s.average is not None for s in stages):
        _empty(w, inner, msg("No emotion markers on this map yet."))
        return
    label_w = inner.w * 0.38
    mid = inner.x + label_w + (inner.w - label_w) / 2
    half = (inner.w - label_w) / 2 - 40
    row = _rows(inner, len(stages))
    c.setStrokeColor(color("#8E979F"))
    c.setDash(3, 3)
    c.line(mid, inner.y, mid, inner.top)
    c.setDash()
    for i, s in enumerate(stages):
        y = inner.top - (i + 0.5) * row
        w.text(inner.x, y - 3.5, s.stage_title, 9.5, False, style.TEXT, width=label_w - 6)
        if s.average is None:
            w.text(mid, y - 3.5, "–", 9, False, style.MUTED_TEXT, "centre")
            continue
        length = s.average / 2 * half
        hex_value = style.emotion_color(round(s.average))
        c.setFillColor(color(hex_value))
        bar_h = min(10.0, row * 0.5)
        c.rect(min(mid, mid + length), y - bar_h / 2, abs(length), bar_h, stroke=0, fill=1)
        with draw.y_down_box(c, mid + length + (7 if length >= 0 else -7), y):
            draw.face(c, 0, 0, min(7.0, row * 0.35), round(s.average))
        w.text(inner.right, y - 3.5, w.tx.signed(s.average), 9, True, hex_value, "right")


def _moments(w: Writer, inner: Area, journey: JourneyMap, found: MapInsights) -> None:
    if not found.moments_of_truth:
        _empty(w, inner, msg("No drop in emotion between markers."))
        return
    titles = {s.id: s.title for s in journey.stages}
    top = inner.top
    for n, m in enumerate(found.moments_of_truth, 1):
        if top - inner.y < 40:
            break
        w.text(inner.x, top - 14, f"{n}.  {w.tx.signed(-m.drop, 0)}", 14, True,
               style.EMOTION_COLORS[-2])
        where = titles.get(m.from_stage_id, "")
        if m.to_stage_id != m.from_stage_id:
            where += " → " + titles.get(m.to_stage_id, "")
        w.text(inner.x + 60, top - 13, where, 10, True, style.TEXT, width=inner.w - 60)
        detail = w.tx("from {before} to {after}", before=w.tx.signed(m.from_score, 0),
                      after=w.tx.signed(m.to_score, 0))
        if m.label:
            detail += f": {m.label}"
        used = w.para(inner.x + 60, top - 18, inner.w - 60, detail, 9.5, False,
                      style.MUTED_TEXT, 2)
        top -= 24 + used


def _pains(c: Canvas, w: Writer, inner: Area, found: MapInsights) -> None:
    total = sum(p.count for p in found.pains)
    if not total:
        _empty(w, inner, msg("No pains recorded."))
        return
    most = max(p.count for p in found.pains)
    label_w = inner.w * 0.38
    bar_w = inner.w - label_w - 40
    row = _rows(inner, len(found.pains))
    for i, p in enumerate(found.pains):
        y = inner.top - (i + 0.5) * row
        w.text(inner.x, y - 3.5, p.stage_title, 9.5, False, style.TEXT, width=label_w - 6)
        length = bar_w * p.count / most if most else 0
        c.setFillColor(draw.mix("#C0392B", "#FFFFFF", 0.6 - 0.2 * min(3, p.max_severity)))
        c.rect(inner.x + label_w, y - 5, max(length, 0.5), 10, stroke=0, fill=1)
        w.text(inner.x + label_w + length + 6, y - 3.5, w.tx.integer(p.count), 9, True,
               style.TEXT)


def _opportunities(c: Canvas, w: Writer, inner: Area, found: MapInsights) -> None:
    opp = found.opportunities
    if not opp.total:
        _empty(w, inner, msg("No opportunities recorded."))
        return
    tx = w.tx
    summary = "  ·  ".join(f"{_word(tx, k)} {tx.integer(v)}"
                           for k, v in list(opp.by_status.items())[:4])
    w.text(inner.x, inner.top - 10, tx("{count} in all", count=tx.integer(opp.total))
           + f"  ·  {summary}", 9, False, style.MUTED_TEXT, width=inner.w)
    top = inner.top - 22
    for card in opp.ranked:
        if top - inner.y < 30:
            break
        chip = card.priority or "–"
        cw = min(70.0, w.wrapper.width(w.clean(chip), 8.5, True) + 12)
        c.setFillColor(color("#E6F6EC"))
        c.roundRect(inner.x, top - 14, cw, 14, 7, stroke=0, fill=1)
        w.text(inner.x + cw / 2, top - 10, chip, 8.5, True, "#1E5631", "centre", cw - 8)
        w.text(inner.x + cw + 8, top - 10.5, card.title, 10, True, style.TEXT,
               width=inner.w - cw - 8)
        meta = "  ·  ".join(p for p in (card.owner, card.status) if p)
        if meta:
            w.text(inner.x + cw + 8, top - 23, meta, 8.5, False, style.MUTED_TEXT,
                   width=inner.w - cw - 8)
        top -= 32


def _favourites(c: Canvas, w: Writer, inner: Area, project: Project, journey: JourneyMap,
                found: MapInsights) -> None:
    top = inner.top
    titles = {s.id: s.title for s in journey.stages}
    if not found.channels and not found.favourite_touchpoints:
        _empty(w, inner, msg("No touchpoints recorded."))
        return
    for fav in found.favourite_touchpoints[:5]:
        with draw.y_down_box(c, inner.x + 6, top - 7):
            draw.star(c, 0, 0, 6)
        # The stage name keeps its own width (up to 40 %); the title takes what is left.
        where = w.clean(titles.get(fav.stage_id, ""))
        where_w = min(w.wrapper.width(where, 9, False), inner.w * 0.4)
        w.text(inner.right, top - 10, where, 9, False, style.MUTED_TEXT, "right", where_w)
        w.text(inner.x + 18, top - 10, fav.title, 10, True, style.TEXT,
               width=inner.w - 18 - where_w - 8)
        top -= 18
    if found.favourite_touchpoints:
        top -= 8
    most = max((ch.touchpoints for ch in found.channels), default=1) or 1
    for ch in found.channels:
        if top - inner.y < 18:
            break
        channel = project.channel(ch.channel_id)
        with draw.y_down_box(c, inner.x, top - 1):
            draw.channel_icon(c, channel.icon if channel else "other", 0, 0, 14,
                              channel.color if channel else "#757575")
        name = ch.name if ch.channel_id is not None else w.tx("no channel")
        w.text(inner.x + 20, top - 11, name, 9.5, False, style.TEXT, width=inner.w * 0.4)
        bar = (inner.w * 0.4) * ch.touchpoints / most
        c.setFillColor(color("#2F6FB3", 0.75))
        c.rect(inner.x + inner.w * 0.45, top - 11, bar, 8, stroke=0, fill=1)
        label = w.tx.integer(ch.touchpoints) + (
            f" · ★{w.tx.integer(ch.favourites)}" if ch.favourites else "")
        w.text(inner.right, top - 11, label, 9, True, style.TEXT, "right")
        top -= 18



def _word(tx: Texts, word: str) -> str:
    """A status or priority as counted by the insights: the user's own word, but the
    insights' "unspecified" (no word given) in the export's language."""
    return tx("unspecified") if word == UNSPECIFIED else word
