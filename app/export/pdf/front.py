"""The cover and the persona page."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from app.domain import style
from app.domain.insights import MapInsights
from app.domain.layout import smooth_curve
from app.domain.model import JourneyMap, LaneKind, MapState, Persona, Project
from app.export.i18n import msg
from app.export.pdf import draw
from app.export.pdf.draw import color
from app.export.pdf.page import Area, Writer

DARK = "#1B2633"

def draw_cover(c: Canvas, w: Writer, width: float, height: float, project: Project,
               maps: list[JourneyMap], insights: dict[str, MapInsights]) -> None:
    """A full-bleed cover: title panel on the left, the journey at a glance on the right."""
    panel_w = width * 0.42
    c.setFillColor(color(DARK))
    c.rect(0, 0, panel_w, height, stroke=0, fill=1)
    journey = maps[0]
    stripe_w = panel_w / max(1, len(journey.stages) or 1)
    for i, stage in enumerate(journey.stages or []):
        c.setFillColor(color(stage.color))
        c.rect(i * stripe_w, height - 14, stripe_w + 0.5, 14, stroke=0, fill=1)
    pad = max(36.0, panel_w * 0.1)
    inner = panel_w - 2 * pad
    top = height * 0.78
    w.fitted(pad, top, w.tx("CUSTOMER JOURNEY MAP"), 11, True, "#8FA3B8", inner)
    top -= 28
    title_size = max(26.0, min(46.0, width / 26))
    top -= w.para(pad, top, inner, project.title, title_size, True, "#FFFFFF", 4, 1.15)
    top -= 14
    if len(maps) == 1:
        top -= w.para(pad, top, inner, journey.name, title_size * 0.45, False, "#9CCBFF", None,
                      1.3)
        top -= 18
        _badge(c, w, pad, top - 20, journey.state, 10)
    else:  # each map by its name, wrapped whole; states and figures on the right
        for m in maps:
            top -= w.para(pad, top, inner, m.name, title_size * 0.4, False, "#9CCBFF", None,
                          1.25) + 6
    y = pad + 10
    date = w.tx.date(project.modified) if project.modified else ""
    for caption, value in ((msg("Date"), date), (msg("Author"), project.author),
                           (msg("Client"), project.client)):
        if not value:
            continue
        w.text(pad, y + 14, w.tx(caption).upper(), 8, True, "#8FA3B8", width=inner)
        w.text(pad, y, value, 12, False, "#FFFFFF", width=inner)
        y += 40
    right = Area(panel_w + pad, pad, width - panel_w - 2 * pad, height - 2 * pad)
    if len(maps) == 1:
        _glance(c, w, right, project, journey, insights.get(journey.id))
    else:
        _maps_at_a_glance(c, w, right, maps, insights)


def _badge(c: Canvas, w: Writer, x: float, y: float, state: MapState, size: float) -> float:
    """The state as a coloured pill with its bottom-left at (x, y); return its width."""
    label = w.tx.state(state)
    lw = w.wrapper.width(w.clean(label), size, True) + size * 2.2
    h = size * 2
    c.setFillColor(color("#E69F00" if state == MapState.FUTURE else "#56B4E9"))
    c.roundRect(x, y, lw, h, h / 2, stroke=0, fill=1)
    w.text(x + size * 1.1, y + h / 2 - size * 0.35, label, size, True, DARK)
    return lw


def _maps_at_a_glance(c: Canvas, w: Writer, area: Area, maps: list[JourneyMap],
                      insights: dict[str, MapInsights]) -> None:
    """One block per map: its name, state, figures and average emotion — each map's own."""
    top = area.top - 40
    w.fitted(area.x, top, w.tx("The journey at a glance"), 20, True, style.TEXT, area.w)
    top -= 30
    block = min(150.0, (top - area.y) / max(1, len(maps)))
    name_size = 13.0 if block >= 110 else 11.0
    for m in maps:
        if top - 110 < area.y - 1:
            break  # no room for another block: the maps' own pages follow
        c.setStrokeColor(color(style.GRID_LINE))
        c.setLineWidth(0.75)
        c.line(area.x, top, area.right, top)
        y = top - 10
        badge_w = w.wrapper.width(w.clean(w.tx.state(m.state)), 8, True) + 18
        lines = w.lines(m.name, name_size, True, area.w - badge_w - 12, 2)
        for n, line in enumerate(lines):
            w.text(area.x, y - name_size - n * name_size * 1.25, line, name_size, True,
                   style.TEXT)
        _badge(c, w, area.right - badge_w, y - 16, m.state, 8)
        y -= len(lines) * name_size * 1.25 + 14
        kinds = {lane.id: lane.kind for lane in m.lanes}
        counts = {k: 0 for k in LaneKind}
        for card in m.cards:
            kind = kinds.get(card.lane_id)
            if kind is not None:
                counts[kind] += 1
        figures = [(len(m.stages), msg("stages")), (len(m.cards), msg("cards")),
                   (counts[LaneKind.PAINS], msg("pains")),
                   (counts[LaneKind.OPPORTUNITIES], msg("opportunities"))]
        found = insights.get(m.id)
        feeling = found.overall_emotion if found is not None else None
        value_size = 20.0 if block >= 110 else 15.0
        # The emotion takes a fifth column when there is room, else a row of its own.
        narrow = area.w / (len(figures) + 1) < value_size * 4.2
        fw = area.w / (len(figures) + (0 if narrow else 1))
        for i, (value, caption) in enumerate(figures):
            x = area.x + i * fw
            w.text(x, y - value_size, w.tx.integer(value), value_size, True, style.ACCENT)
            w.fitted(x, y - value_size - 13, w.tx(caption).upper(), 8, True, style.MUTED_TEXT,
                     fw - 8)
        x = area.x + len(figures) * fw
        if narrow:
            x, y, fw = area.x, y - value_size - 30, area.w
        if feeling is not None:
            with draw.y_down_box(c, x + value_size * 0.5, y - value_size * 0.6):
                draw.face(c, 0, 0, value_size * 0.5, round(feeling))
            w.text(x + value_size * 1.2, y - value_size, w.tx.signed(feeling), value_size,
                   True, style.emotion_color(round(feeling)), width=fw - value_size * 1.2)
            w.fitted(x, y - value_size - 13, w.tx("Emotion").upper(), 8, True,
                     style.MUTED_TEXT, fw - 8)
        top = y - value_size - 13 - 22  # under the block's last row


def _glance(c: Canvas, w: Writer, area: Area, project: Project, journey: JourneyMap,
            found: MapInsights | None) -> None:
    """The right half of the cover: stage sequence, figures, the emotion line."""
    top = area.top - 40
    w.fitted(area.x, top, w.tx("The journey at a glance"), 20, True, style.TEXT, area.w)
    top -= 34
    stages = journey.stages
    n = max(1, len(stages))
    gap = 6.0
    sw = (area.w - gap * (n - 1)) / n
    for i, stage in enumerate(stages):
        x = area.x + i * (sw + gap)
        c.setFillColor(color(stage.color))
        c.rect(x, top - 6, sw, 6, stroke=0, fill=1)
        w.text(x, top - 22, f"{i + 1:02d}", 9, True, style.MUTED_TEXT)
        w.para(x, top - 28, sw - 4, stage.title, 10 if n > 6 else 11, True, style.TEXT, 3, 1.2)
    top -= 100
    kinds = {lane.id: lane.kind for lane in journey.lanes}
    counts = {k: 0 for k in LaneKind}
    for card in journey.cards:
        kind = kinds.get(card.lane_id)
        if kind is not None:
            counts[kind] += 1
    figures = [(len(stages), msg("stages")), (len(journey.lanes), msg("lanes")),
               (len(journey.cards), msg("cards")),
               (counts[LaneKind.TOUCHPOINTS], msg("touchpoints")),
               (counts[LaneKind.PAINS], msg("pains")),
               (counts[LaneKind.OPPORTUNITIES], msg("opportunities"))]
    fw = area.w / 3
    for i, (value, caption) in enumerate(figures):
        x = area.x + (i % 3) * fw
        y = top - (i // 3) * 64
        w.text(x, y - 30, w.tx.integer(value), 30, True, style.ACCENT)
        w.fitted(x, y - 46, w.tx(caption).upper(), 9, True, style.MUTED_TEXT, fw - 8)
    top -= 150
    if found is None or not any(s.average is not None for s in found.stage_emotions):
        return
    w.fitted(area.x, top, w.tx("Emotion along the journey"), 13, True, style.TEXT, area.w)
    chart_h = min(150.0, top - area.y - 40)
    if chart_h < 60:
        return
    _emotion_line(c, w, Area(area.x, top - 24 - chart_h, area.w, chart_h), found)


def _emotion_line(c: Canvas, w: Writer, area: Area, found: MapInsights) -> None:
    """Average emotion per stage as a line with faces, the neutral line dashed."""
    stages = found.stage_emotions
    n = len(stages)
    step = area.w / n

    def y_of(v: float) -> float:
        return area.y + (v + 2) / 4 * area.h

    c.setStrokeColor(color("#8E979F"))
    c.setDash(4, 3)
    c.setLineWidth(0.8)
    c.line(area.x, y_of(0), area.right, y_of(0))
    c.setDash()
    points = [(area.x + (i + 0.5) * step, y_of(s.average)) for i, s in enumerate(stages)
              if s.average is not None]
    if len(points) > 1:
        p = c.beginPath()
        p.moveTo(*points[0])
        for _, c1, c2, end in smooth_curve(points):  # the canvas's monotone curve
            p.curveTo(*c1, *c2, *end)
        c.setStrokeColor(color(style.CURVE_COLOR))
        c.setLineWidth(2)
        c.setLineJoin(1)
        c.drawPath(p, stroke=1, fill=0)
    for s, (x, y) in zip([s for s in stages if s.average is not None], points, strict=True):
        with draw.y_down_box(c, x, y):
            draw.face(c, 0, 0, 11, round(s.average or 0.0))  # never None here
        w.text(x, y - 24, w.tx.signed(s.average or 0.0), 8, True, style.MUTED_TEXT, "centre")


def draw_persona(c: Canvas, w: Writer, area: Area, project: Project, persona: Persona,
                 journey: JourneyMap) -> None:
    """Photo (round), name, quote on the left; goals, pains, channels… in panels."""
    left_w = min(300.0, area.w * 0.3)
    grid_h = _persona_grid(c, w, area, left_w, project, persona, dry_run=True)
    bottom = area.top - max(grid_h, min(area.h, 440.0))
    c.setFillColor(color("#F4F6F9"))
    c.roundRect(area.x, bottom, left_w, area.top - bottom, 10, stroke=0, fill=1)
    cx, r = area.x + left_w / 2, min(80.0, left_w * 0.3)
    cy = area.top - 30 - r
    portrait(c, w, cx, cy, r, persona)
    top = cy - r - 24
    inner = left_w - 40
    top -= w.para(area.x + 20, top, inner, persona.name, 22, True, style.TEXT, 2, 1.2)
    age = w.tx("{age} years old", age=persona.age) if persona.age else ""
    facts = " · ".join(p for p in (age, persona.occupation) if p)
    if facts:
        top -= 4 + w.para(area.x + 20, top, inner, facts, 11, False, style.MUTED_TEXT, 2)
    if persona.description:
        top -= 12 + w.para(area.x + 20, top - 12, inner, persona.description, 10, False,
                           style.TEXT, 8)
    if persona.quote and top - bottom > 80:
        top -= 24
        c.setFillColor(color(style.ACCENT))
        c.setFont("DejaVuSans-Bold", 40)
        c.drawString(area.x + 16, top - 34, "“")
        room = int((top - bottom - 40) / 16)
        w.para(area.x + 44, top - 8, inner - 24, persona.quote, 12, False, "#2C3440",
               max(1, min(8, room)), 1.35)
    _persona_grid(c, w, area, left_w, project, persona)


def _persona_grid(c: Canvas, w: Writer, area: Area, left_w: float, project: Project,
                  persona: Persona, dry_run: bool = False) -> float:
    """Goals, motivations… as panels in two columns; return the height they take."""
    panels = [(msg("Goals"), persona.goals, "#0072B2"),
              (msg("Motivations"), persona.motivations, "#009E73"),
              (msg("Behaviours"), persona.behaviours, "#E69F00"),
              (msg("Pain points"), persona.pains, "#C0392B"),
              (msg("Interests"), persona.interests, "#CC79A7")]
    gx = area.x + left_w + 24
    gw = area.right - gx
    col_w = (gw - 20) / 2
    size, lead = 11.0, 1.45
    entries = panels + [(msg("Preferred channels"), None, "#56B4E9")]
    texts = [None if text is None else _bullets(text) for _, text, _ in entries]
    n_chan = max(1, len([c for c in persona.channel_ids if project.channel(c)]))
    need = [(24 * min(8, n_chan) if text is None else
             len(w.lines(text or "—", size, False, col_w - 32)) * size * lead) + 52
            for text in texts]
    rows = [max(need[i], need[i + 1], 110.0) + 16 for i in range(0, len(need), 2)]
    # Rows as tall as their text (short personas leave calm white space, not empty
    # boxes); when the text is too long for the page each row gets a third.
    if sum(rows) + 40 > area.h:
        rows = [(area.h - 40) / 3] * 3
    if dry_run:
        return sum(rows) + 40
    top = area.top
    for i, ((title, _, hex_value), text) in enumerate(zip(entries, texts, strict=True)):
        row_h = rows[i // 2]
        x = gx + (i % 2) * (col_w + 20)
        c.setStrokeColor(color(style.GRID_LINE))
        c.setLineWidth(0.75)
        c.roundRect(x, top - row_h, col_w, row_h, 8, stroke=1, fill=0)
        head = w.heading(x + 14, top - 14, w.tx(title), hex_value, 12, col_w - 28)
        if text is None:
            _channels(c, w, x + 16, top - 14 - head - 4, col_w - 32, project, persona)
        else:
            room = int((row_h - head - 28) / (size * lead))
            w.para(x + 16, top - 14 - head - 4, col_w - 32, text or "—", size, False,
                   style.TEXT if text else style.MUTED_TEXT, max(1, room), lead)
        if i % 2:
            top -= row_h + 20
    return sum(rows) + 40


def _bullets(text: str) -> str:
    """Several lines become a bulleted list; a single line stays prose."""
    lines = [ln.strip().lstrip("-•*").strip() for ln in text.splitlines() if ln.strip()]
    return "\n".join("• " + ln for ln in lines) if len(lines) > 1 else " ".join(lines)


def portrait(c: Canvas, w: Writer, cx: float, cy: float, r: float, persona: Persona,
             ring: float = 4.0) -> None:
    """The persona photo clipped to a circle, or initials on a disc when there is none."""
    drawn = False
    if persona.photo:
        try:
            from reportlab.lib.utils import ImageReader

            from app.export.pdf.images import print_image

            image = ImageReader(print_image(persona.photo))
            iw, ih = image.getSize()
            k = 2 * r / min(iw, ih)
            c.saveState()
            p = c.beginPath()
            p.circle(cx, cy, r)
            c.clipPath(p, stroke=0, fill=0)
            c.drawImage(image, cx - iw * k / 2, cy - ih * k / 2, iw * k, ih * k)
            c.restoreState()
            drawn = True
        except Exception:  # noqa: BLE001 — a broken photo must not stop the export
            drawn = False
    if not drawn:
        c.setFillColor(color(style.ACCENT))
        c.circle(cx, cy, r, stroke=0, fill=1)
        initials = "".join(part[0] for part in w.clean(persona.name).split()[:2]).upper()
        w.text(cx, cy - r * 0.25, initials or "?", r * 0.7, True, "#FFFFFF", "centre")
    c.setStrokeColor(color("#FFFFFF"))
    c.setLineWidth(ring)
    c.circle(cx, cy, r, stroke=1, fill=0)


def _channels(c: Canvas, w: Writer, x: float, top: float, width: float, project: Project,
              persona: Persona) -> None:
    chans = [ch for ch in (project.channel(cid) for cid in persona.channel_ids) if ch]
    if not chans:
        w.text(x, top - 10, "—", 10.5, False, style.MUTED_TEXT)
        return
    y = top - 4
    for ch in chans[:8]:
        with draw.y_down_box(c, x, y):
            draw.channel_icon(c, ch.icon, 0, 0, 16, ch.color)
        w.text(x + 24, y - 12, ch.name, 10.5, False, style.TEXT, width=width - 24)
        y -= 24
