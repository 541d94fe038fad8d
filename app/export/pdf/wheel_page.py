"""The experience-wheel page: one map as a circle, drawn as vectors from app.domain.wheel.

The wheel fills the larger part of the page (left on landscape, top on portrait); the key
beside it lists each stage with its phase, face and worst pains, so a manager reads the
page without the map. Unit coordinates (y-down, radius 1) become points here.
"""

from __future__ import annotations

import math

from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from app.domain import style
from app.domain.model import Project
from app.domain.wheel import (
    CENTRE_R,
    FACE_R,
    FACE_SIZE,
    ICON_SIZE,
    PAIN_SIZE,
    PHASE_R,
    STAGE_R,
    TOUCH_R,
    PhaseArc,
    Point,
    Sector,
    Wheel,
    fit_title,
    more_at,
)
from app.export import wheel_text
from app.export.pdf import draw
from app.export.pdf.draw import color, mix
from app.export.pdf.fonts import BOLD
from app.export.pdf.page import Area, Writer

MIN_PT = style.MIN_PRINT_POINTS
KEY_GAP = 18.0  # between the wheel and its key


class _Place:
    """Unit coordinates → page points for one wheel (centre, radius)."""

    def __init__(self, cx: float, cy: float, radius: float) -> None:
        self.cx, self.cy, self.r = cx, cy, radius

    def at(self, p: Point) -> tuple[float, float]:
        return self.cx + p.x * self.r, self.cy - p.y * self.r

    def annulus(self, c: Canvas, start: float, end: float, r0: float, r1: float
                ) -> PDFPathObject:
        """A closed ring sector path from wheel angles (0 = top, clockwise)."""
        p = c.beginPath()
        a0, a1 = 90 - start, 90 - end  # ReportLab: counter-clockwise from 3 o'clock
        big, small = r1 * self.r, r0 * self.r
        p.moveTo(self.cx + big * math.cos(math.radians(a0)),
                 self.cy + big * math.sin(math.radians(a0)))
        k = self.cx, self.cy
        p.arcTo(k[0] - big, k[1] - big, k[0] + big, k[1] + big, a0, a1 - a0)  # type: ignore[arg-type]
        if small > 0:
            p.arcTo(k[0] - small, k[1] - small, k[0] + small, k[1] + small,  # stub: int angles
                    a1, a0 - a1)  # type: ignore[arg-type]
        else:
            p.lineTo(self.cx, self.cy)
        p.close()
        return p


def draw_wheel_page(c: Canvas, w: Writer, area: Area, project: Project, wheel: Wheel
                    ) -> None:
    """The wheel and its key in `area` (below the title block)."""
    landscape = area.w > area.h
    if landscape:
        side = min(area.h, area.w * 0.6)
        place = _Place(area.x + side / 2, area.top - side / 2, side / 2)
        key = Area(area.x + side + KEY_GAP, area.y, area.w - side - KEY_GAP, area.h)
        columns = 1
    else:
        side = min(area.w, area.h * 0.66)
        place = _Place(area.x + area.w / 2, area.top - side / 2, side / 2)
        key = Area(area.x, area.y, area.w, area.h - side - KEY_GAP)
        columns = 2
    draw_wheel(c, w, place, project, wheel)
    _key(c, w, key, wheel, columns)


def draw_wheel(c: Canvas, w: Writer, place: _Place, project: Project, wheel: Wheel) -> None:
    """The rings, sectors, phase bands, faces, icons, pains and the persona."""
    tx = w.tx
    c.saveState()
    c.setLineJoin(1)
    # The touchpoint ring and face ring under the sectors' outlines.
    c.setFillColor(color("#FFFFFF"))
    c.setStrokeColor(color(style.GRID_LINE))
    c.setLineWidth(0.8)
    for s in wheel.sectors:
        c.setFillColor(mix(s.color, "#FFFFFF", 0.86))
        c.drawPath(place.annulus(c, s.start, s.end, TOUCH_R[0], TOUCH_R[1]), stroke=1, fill=1)
        c.setFillColor(mix(s.color, "#FFFFFF", 0.55))
        c.drawPath(place.annulus(c, s.start, s.end, *STAGE_R), stroke=1, fill=1)
        c.setFillColor(mix(s.color, "#FFFFFF", 0.8))
        c.drawPath(place.annulus(c, s.start, s.end, *FACE_R), stroke=1, fill=1)
    for arc in wheel.arcs:
        _phase_band(c, w, place, arc)
    for s in wheel.sectors:
        _title(w, place, s)
        _touchpoints(c, w, place, s)
        _face(c, w, place, s)
        _pains(c, w, place, s)
    _centre(c, w, place, project, wheel)
    if not wheel.sectors:
        w.text(place.cx, place.cy - place.r * 0.5, tx("This map has no stages yet"), 10,
               False, style.MUTED_TEXT, "centre")
    c.restoreState()


def _phase_band(c: Canvas, w: Writer, place: _Place, arc: PhaseArc) -> None:
    fill, ink = wheel_text.PHASE_COLORS[arc.phase]
    c.setFillColor(color(fill))
    c.setStrokeColor(color(ink))
    c.setLineWidth(0.6)
    c.drawPath(place.annulus(c, arc.start, arc.end, *PHASE_R), stroke=0, fill=1)
    label = w.clean(wheel_text.phase_label(w.tx, arc.phase)).upper()
    band = (PHASE_R[1] - PHASE_R[0]) * place.r
    size = max(MIN_PT, min(12.0, band * 0.55))
    radius = sum(PHASE_R) / 2 * place.r
    room = math.radians(arc.end - arc.start) * radius * 0.92
    while size > MIN_PT and c.stringWidth(label, BOLD, size) > room:
        size = max(MIN_PT, size - 0.5)
    if c.stringWidth(label, BOLD, size) > room:
        return  # too narrow an arc for its name: the key names every stage's phase
    curved_text(c, place.cx, place.cy, radius, (arc.start + arc.end) / 2, label, BOLD, size,
                ink)


def curved_text(c: Canvas, cx: float, cy: float, radius: float, mid: float, text: str,
                font: str, size: float, hex_value: str) -> None:
    """`text` centred on the wheel angle `mid` along a circle, upright on the page: read
    clockwise over the top half and counter-clockwise under the bottom half."""
    bottom = 90 < mid % 360 < 270
    widths = [c.stringWidth(ch, font, size) for ch in text]
    total = sum(widths)
    sign = -1 if bottom else 1  # the direction the text runs, in wheel degrees
    base = radius + size * 0.35 if bottom else radius - size * 0.35
    angle = mid - sign * math.degrees(total / 2 / base)
    c.setFont(font, size)
    c.setFillColor(color(hex_value))
    for ch, width in zip(text, widths, strict=True):
        centre = angle + sign * math.degrees(width / 2 / base)
        a = math.radians(centre)
        c.saveState()
        c.translate(cx + base * math.sin(a), cy + base * math.cos(a))
        c.rotate(180 - centre if bottom else -centre)
        c.drawCentredString(0, 0, ch)
        c.restoreState()
        angle += sign * math.degrees(width / base)


def _title(w: Writer, place: _Place, s: Sector) -> None:
    size, lines = fit_title(w.wrapper, w.clean(s.title), s.label, place.r,
                            max(MIN_PT, min(14.0, place.r * 0.044)), MIN_PT)
    x, y = place.at(s.label.centre)
    top = y + len(lines) * size * 1.2 / 2
    for n, line in enumerate(lines):
        w.text(x, top - size * 0.95 - n * size * 1.2, line, size, True, style.TEXT, "centre")


def _touchpoints(c: Canvas, w: Writer, place: _Place, s: Sector) -> None:
    side = ICON_SIZE * place.r
    for t in s.touchpoints:
        x, y = place.at(t.at)
        c.setFillColor(color("#FFFFFF"))
        c.setStrokeColor(color(t.color))
        c.setLineWidth(0.7)
        c.circle(x, y, side * 0.62, stroke=1, fill=1)
        with draw.y_down_box(c, x - side * 0.4, y + side * 0.4):
            draw.channel_icon(c, t.icon, 0, 0, side * 0.8, t.color)
    if s.more_touchpoints:
        x, y = place.at(more_at(s))
        w.text(x, y - 3, "+" + w.tx.integer(s.more_touchpoints), MIN_PT + 0.5, True,
               style.MUTED_TEXT, "centre")


def _face(c: Canvas, w: Writer, place: _Place, s: Sector) -> None:
    x, y = place.at(s.face_at)
    r = FACE_SIZE * place.r
    if s.face_score is None:  # no marker: an empty dashed ring, no face to misread
        c.setStrokeColor(color(style.MUTED_TEXT))
        c.setLineWidth(0.8)
        c.setDash(2, 2)
        c.circle(x, y, r * 0.8, stroke=1, fill=0)
        c.setDash()
        return
    with draw.y_down_box(c, x, y):
        draw.face(c, 0, 0, r, s.face_score)


def pain_marker(c: Canvas, w: Writer, x: float, y: float, r: float, count: int) -> None:
    """A red disc holding the number of pains."""
    c.setFillColor(color(wheel_text.PAIN_COLOR))
    c.setStrokeColor(color("#FFFFFF"))
    c.setLineWidth(0.8)
    c.circle(x, y, r, stroke=1, fill=1)
    text = str(count) if count < 100 else "99+"
    size = max(MIN_PT, r * (1.15 if len(text) == 1 else 0.9))
    w.text(x, y - size * 0.36, text, size, True, "#FFFFFF", "centre")


def _pains(c: Canvas, w: Writer, place: _Place, s: Sector) -> None:
    if s.pains:
        x, y = place.at(s.pain_at)
        pain_marker(c, w, x, y, max(PAIN_SIZE * place.r, MIN_PT * 0.75), s.pains)


def _centre(c: Canvas, w: Writer, place: _Place, project: Project, wheel: Wheel) -> None:
    r = CENTRE_R * place.r
    c.setFillColor(color("#FFFFFF"))
    c.setStrokeColor(color(style.GRID_LINE))
    c.setLineWidth(0.8)
    c.circle(place.cx, place.cy, r, stroke=1, fill=1)
    persona = project.persona(wheel.centre.persona_id)
    size = max(MIN_PT, min(13.0, place.r * 0.04))
    if persona is None:
        lines = w.lines(w.tx("No persona"), size, False, r * 1.6, 3)
        top = place.cy + len(lines) * size * 1.2 / 2
        for n, line in enumerate(lines):
            w.text(place.cx, top - size * 0.95 - n * size * 1.2, line, size, False,
                   style.MUTED_TEXT, "centre")
        return
    from app.export.pdf.front import portrait

    photo_r = r * 0.42
    portrait(c, w, place.cx, place.cy + r * 0.22, photo_r, persona, ring=1.5)
    lines = w.lines(persona.name, size, True, r * 1.55, 2)
    top = place.cy + r * 0.22 - photo_r - 4
    for n, line in enumerate(lines):
        w.text(place.cx, top - size * 0.95 - n * size * 1.2, line, size, True, style.TEXT,
               "centre")


def _key(c: Canvas, w: Writer, area: Area, wheel: Wheel, columns: int) -> None:
    """Each stage: colour, title, phase and face; its pain count and worst pains."""
    tx = w.tx
    if area.h < 40 or not wheel.sectors:
        return
    gap = 14.0
    col_w = (area.w - gap * (columns - 1)) / columns
    top = area.top
    top -= w.heading(area.x, top, tx("Stages at a glance"), width=area.w) + 2
    x, y, column = area.x, top, 0
    for s in wheel.sectors:
        need = 30 + 11 * len(s.top_pains)
        if y - need < area.y:
            column += 1
            if column >= columns:
                w.text(x, max(area.y, y - 10), "…", 9, False, style.MUTED_TEXT)
                return
            x, y = area.x + column * (col_w + gap), top
        y -= _key_entry(c, w, x, y, col_w, s) + 8


def _key_entry(c: Canvas, w: Writer, x: float, top: float, width: float, s: Sector) -> float:
    tx = w.tx
    c.setFillColor(mix(s.color, "#FFFFFF", 0.2))
    c.rect(x, top - 11, 4, 12, stroke=0, fill=1)
    face_r = 6.0
    fx = x + width - face_r
    if s.face_score is not None:
        with draw.y_down_box(c, fx, top - 5):
            draw.face(c, 0, 0, face_r, s.face_score)
    w.text(x + 10, top - 9, s.title, 9.5, True, style.TEXT, width=width - 10 - 2 * face_r - 6)
    phase = wheel_text.phase_label(tx, s.phase)
    feeling = wheel_text.face_label(tx, s.face)
    if s.emotion is not None:
        feeling += " (" + tx.signed(s.emotion, 1) + ")"
    pains = tx.plural("{n} pain", "{n} pains", s.pains)
    w.text(x + 10, top - 21, "  ·  ".join((phase, feeling, pains)), 8, False,
           style.MUTED_TEXT, width=width - 10)
    y = top - 21
    for pain in s.top_pains:
        y -= 11
        draw.severity_dots(c, x + 10 + 20, y + 2.8, pain.severity, wheel_text.PAIN_COLOR)
        w.text(x + 36, y, pain.title or tx("(untitled)"), 8, False, style.TEXT,
               width=width - 36)
    return top - y + 4

