"""The experience wheel drawn with QPainter (the window's view, PNG and SVG).

The geometry is app.domain.wheel's, the same the PDF page draws; only the strokes are
Qt's. Labels drawn on the wheel speak the project's language (or the export's) through
the export catalogue, like the map's own labels (app.canvas.i18n).
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPainterPath

from app.canvas import icons as canvas_icons
from app.canvas import text
from app.canvas.image_export import ImageExportError, write_png, write_svg
from app.canvas.items import paint
from app.domain import style
from app.domain.model import JourneyMap, Project
from app.domain.wheel import (
    CENTRE_R,
    FACE_R,
    FACE_SIZE,
    ICON_SIZE,
    PAIN_SIZE,
    PHASE_R,
    STAGE_R,
    TOUCH_R,
    Point,
    Sector,
    Wheel,
    build_wheel,
    fit_title,
    more_at,
)
from app.export import wheel_text
from app.export.i18n import CatalogueError, Texts, texts_for

MIN_PX = 9.0  # the smallest label on screen
IMAGE_SIDE = 1200  # PNG/SVG: the wheel's diameter in pixels, before the title line
TITLE_H = 64.0


class Place:
    """Unit coordinates → pixels for one wheel (centre and radius)."""

    def __init__(self, rect: QRectF, margin: float = 6.0) -> None:
        self.r = max(1.0, min(rect.width(), rect.height()) / 2 - margin)
        self.cx, self.cy = rect.center().x(), rect.center().y()

    def at(self, p: Point) -> QPointF:
        return QPointF(self.cx + p.x * self.r, self.cy + p.y * self.r)

    def unit(self, point: QPointF) -> tuple[float, float]:
        """The unit coordinates of a pixel (for hit tests)."""
        return (point.x() - self.cx) / self.r, (point.y() - self.cy) / self.r

    def annulus(self, start: float, end: float, r0: float, r1: float) -> QPainterPath:
        """A ring sector from wheel angles (0 = top, clockwise); Qt turns counter-clockwise
        from 3 o'clock."""
        big, small = r1 * self.r, r0 * self.r
        path = QPainterPath()
        a = math.radians(start)
        path.moveTo(self.cx + big * math.sin(a), self.cy - big * math.cos(a))
        path.arcTo(QRectF(self.cx - big, self.cy - big, 2 * big, 2 * big), 90 - start,
                   -(end - start))
        path.arcTo(QRectF(self.cx - small, self.cy - small, 2 * small, 2 * small), 90 - end,
                   end - start)
        path.closeSubpath()
        return path


def paint_wheel(painter: QPainter, place: Place, wheel: Wheel, project: Project, tx: Texts,
                hover: str | None = None, selected: str | None = None) -> None:
    """The whole wheel; `hover` and `selected` (stage ids) are outlined."""
    painter.save()
    painter.setRenderHints(QPainter.RenderHint.Antialiasing
                           | QPainter.RenderHint.TextAntialiasing
                           | QPainter.RenderHint.SmoothPixmapTransform)
    grid = paint.pen(style.GRID_LINE, 1.0)
    for s in wheel.sectors:
        painter.setPen(grid)
        for (r0, r1), amount in ((TOUCH_R, 0.86), (STAGE_R, 0.55), (FACE_R, 0.8)):
            painter.setBrush(paint.brush(_mix(s.color, amount)))
            painter.drawPath(place.annulus(s.start, s.end, r0, r1))
    for arc in wheel.arcs:
        fill, ink = wheel_text.PHASE_COLORS[arc.phase]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(paint.brush(fill))
        painter.drawPath(place.annulus(arc.start, arc.end, *PHASE_R))
        _curved_label(painter, place, arc.start, arc.end,
                      wheel_text.phase_label(tx, arc.phase).upper(), ink)
    for s in wheel.sectors:
        _title(painter, place, s)
        _touchpoints(painter, place, s)
        _face(painter, place, s)
        if s.pains:
            pain_marker(painter, place.at(s.pain_at), max(PAIN_SIZE * place.r, 7.0), s.pains)
    for stage_id, colour, width in ((hover, style.MUTED_TEXT, 2.0),
                                    (selected, style.ACCENT, 3.0)):
        sector = wheel.sector(stage_id) if stage_id else None
        if sector is not None:
            painter.setPen(paint.pen(colour, width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(place.annulus(sector.start, sector.end, CENTRE_R, FACE_R[1]))
    _centre(painter, place, wheel, project, tx)
    if not wheel.sectors:
        _text(painter, QPointF(place.cx, place.cy + place.r * 0.5),
              tx("This map has no stages yet"), max(MIN_PX, place.r * 0.045), False,
              style.MUTED_TEXT)
    painter.restore()


def _mix(hex_value: str, amount: float) -> str:
    """`hex_value` blended `amount` of the way to white (as the PDF's tints)."""
    c = paint.qcolor(hex_value)
    return "#{:02X}{:02X}{:02X}".format(*(round(v + (255 - v) * amount)
                                          for v in (c.red(), c.green(), c.blue())))


def _text(painter: QPainter, centre: QPointF, line: str, size: float, bold: bool,
          hex_value: str) -> None:
    """One line centred on a point."""
    f = text.font(size, bold)
    m = text.metrics(size, bold)
    painter.setFont(f)
    painter.setPen(paint.pen(hex_value))
    painter.drawText(QPointF(centre.x() - m.horizontalAdvance(line) / 2,
                             centre.y() + (m.ascent() - m.descent()) / 2), line)


def _curved_label(painter: QPainter, place: Place, start: float, end: float, label: str,
                  ink: str) -> None:
    band = (PHASE_R[1] - PHASE_R[0]) * place.r
    size = max(MIN_PX, min(16.0, band * 0.55))
    m = text.metrics(size, True)
    radius = sum(PHASE_R) / 2 * place.r
    total = m.horizontalAdvance(label)
    if total > math.radians(end - start) * radius * 0.92:
        return  # too narrow an arc for its name
    mid = (start + end) / 2
    bottom = 90 < mid % 360 < 270
    sign = -1 if bottom else 1
    angle = mid - sign * math.degrees(total / 2 / radius)
    painter.setFont(text.font(size, True))
    painter.setPen(paint.pen(ink))
    for ch in label:
        w = m.horizontalAdvance(ch)
        centre = angle + sign * math.degrees(w / 2 / radius)
        a = math.radians(centre)
        painter.save()
        painter.translate(place.cx + radius * math.sin(a), place.cy - radius * math.cos(a))
        painter.rotate(centre - 180 if bottom else centre)
        painter.drawText(QPointF(-w / 2, (m.ascent() - m.descent()) / 2), ch)
        painter.restore()
        angle += sign * math.degrees(w / radius)


def _title(painter: QPainter, place: Place, s: Sector) -> None:
    size, lines = fit_title(text.shared_wrapper(), s.title, s.label, place.r,
                            max(MIN_PX, min(24.0, place.r * 0.044)), MIN_PX, 1.25)
    centre = place.at(s.label.centre)
    top = centre.y() - len(lines) * size * 1.25 / 2
    for n, line in enumerate(lines):
        _text(painter, QPointF(centre.x(), top + (n + 0.5) * size * 1.25), line, size, True,
              style.TEXT)


def _touchpoints(painter: QPainter, place: Place, s: Sector) -> None:
    side = ICON_SIZE * place.r
    for t in s.touchpoints:
        at = place.at(t.at)
        painter.setPen(paint.pen(t.color, 1.0))
        painter.setBrush(paint.brush("#FFFFFF"))
        painter.drawEllipse(at, side * 0.62, side * 0.62)
        canvas_icons.draw_icon(painter, t.icon, QRectF(at.x() - side * 0.4, at.y() - side * 0.4,
                                                       side * 0.8, side * 0.8), t.color)
    if s.more_touchpoints:
        _text(painter, place.at(more_at(s)), "+" + str(s.more_touchpoints),
              max(MIN_PX, side * 0.5), True, style.MUTED_TEXT)


def _face(painter: QPainter, place: Place, s: Sector) -> None:
    at, r = place.at(s.face_at), FACE_SIZE * place.r
    if s.face_score is None:  # no marker: an empty dashed ring
        painter.setPen(paint.pen(style.MUTED_TEXT, 1.0, dashed=True))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(at, r * 0.8, r * 0.8)
        return
    paint.face(painter, at, r, s.face_score)


def pain_marker(painter: QPainter, at: QPointF, r: float, count: int) -> None:
    """A red disc holding the number of pains."""
    painter.setPen(paint.pen("#FFFFFF", 1.2))
    painter.setBrush(paint.brush(wheel_text.PAIN_COLOR))
    painter.drawEllipse(at, r, r)
    label = str(count) if count < 100 else "99+"
    _text(painter, at, label, max(MIN_PX * 0.8, r * (1.15 if len(label) == 1 else 0.9)),
          True, "#FFFFFF")


def _centre(painter: QPainter, place: Place, wheel: Wheel, project: Project, tx: Texts
            ) -> None:
    r = CENTRE_R * place.r
    centre = QPointF(place.cx, place.cy)
    painter.setPen(paint.pen(style.GRID_LINE, 1.0))
    painter.setBrush(paint.brush("#FFFFFF"))
    painter.drawEllipse(centre, r, r)
    size = max(MIN_PX, min(18.0, place.r * 0.045))
    persona = project.persona(wheel.centre.persona_id)
    wrapper = text.shared_wrapper()
    if persona is None:
        lines = wrapper.wrap(tx("No persona"), size, False, r * 1.6, 3)[:3]
        top = place.cy - len(lines) * size * 1.25 / 2
        for n, line in enumerate(lines):
            _text(painter, QPointF(place.cx, top + (n + 0.5) * size * 1.25), line, size,
                  False, style.MUTED_TEXT)
        return
    photo_r = r * 0.42
    at = QPointF(place.cx, place.cy - r * 0.22)
    image = QImage.fromData(persona.photo) if persona.photo else QImage()
    if not image.isNull():
        clip = QPainterPath()
        clip.addEllipse(at, photo_r, photo_r)
        painter.save()
        painter.setClipPath(clip)
        k = 2 * photo_r / min(image.width(), image.height())
        w, h = image.width() * k, image.height() * k
        painter.drawImage(QRectF(at.x() - w / 2, at.y() - h / 2, w, h), image)
        painter.restore()
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(paint.brush(style.ACCENT))
        painter.drawEllipse(at, photo_r, photo_r)
        initials = "".join(p[0] for p in persona.name.split()[:2]).upper() or "?"
        _text(painter, at, initials, photo_r * 0.8, True, "#FFFFFF")
    lines = wrapper.wrap(persona.name, size, True, r * 1.55, 3)[:2]
    top = at.y() + photo_r + 4
    for n, line in enumerate(lines):
        _text(painter, QPointF(place.cx, top + (n + 0.5) * size * 1.25), line, size, True,
              style.TEXT)


# -- PNG and SVG ------------------------------------------------------------------------


def _texts(project: Project, language: str | None) -> Texts:
    try:
        return texts_for(language or project.language)
    except CatalogueError as exc:
        raise ImageExportError(str(exc)) from exc


def _paint_image(painter: QPainter, project: Project, journey: JourneyMap, tx: Texts,
                 side: float) -> None:
    painter.fillRect(QRectF(0, 0, side, side + TITLE_H), paint.qcolor("#FFFFFF"))
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    wrapper = text.shared_wrapper()
    heading = journey.name
    if wrapper.width(heading, 26, True) > side - 48:
        heading = wrapper.elide(heading, 26, True, side - 48)
    painter.setFont(text.font(26, True))
    painter.setPen(paint.pen(style.TEXT))
    painter.drawText(QPointF(24, 38), heading)
    painter.setFont(text.font(16))
    painter.setPen(paint.pen(style.MUTED_TEXT))
    painter.drawText(QPointF(24, 58), wheel_text.title(tx))
    place = Place(QRectF(0, TITLE_H, side, side), 16)
    paint_wheel(painter, place, build_wheel(journey, project), project, tx)


def _image_size() -> QSize:
    return QSize(IMAGE_SIDE, IMAGE_SIDE + round(TITLE_H))


def render_wheel_png(project: Project, journey: JourneyMap, path: str | Path,
                     language: str | None = None) -> Path:
    """Write the map's experience wheel as a PNG (1200 px wide); return the path."""
    path = Path(path)
    tx = _texts(project, language)
    image = QImage(_image_size(), QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    _paint_image(painter, project, journey, tx, IMAGE_SIDE)
    painter.end()
    write_png(path, image)
    return path


def render_wheel_svg(project: Project, journey: JourneyMap, path: str | Path,
                     language: str | None = None) -> Path:
    """Write the map's experience wheel as an SVG (text stays text); return the path."""
    path = Path(path)
    tx = _texts(project, language)
    write_svg(path, _image_size(), f"{journey.name} · {wheel_text.title(tx)}",
              lambda painter: _paint_image(painter, project, journey, tx, IMAGE_SIDE))
    return path
