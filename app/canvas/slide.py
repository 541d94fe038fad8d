"""Framing a map picture for slides: a title strip above, a legend strip below, a 16:9
frame, and a white or transparent background (PNG and SVG export, app.canvas.image_export).

Everything is drawn with QPainter in model pixels, like the map itself, so the SVG keeps
every word as text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from app.canvas import text
from app.canvas.icons import draw_icon
from app.canvas.items import paint
from app.domain import style
from app.domain.model import JourneyMap, LaneKind, MapState, Project
from app.export.i18n import Texts
from app.export.image_options import ImageOptions

__all__ = ["ImageOptions", "Frame", "plan", "fill_background", "draw_title", "draw_legend"]

TITLE_H = 64.0
LEGEND_H = 44.0
PAD = 24.0


@dataclass(frozen=True)
class Frame:
    """Where things go on the picture, in model pixels."""

    width: float
    height: float
    map_rect: QRectF
    title_rect: QRectF | None
    legend_rect: QRectF | None


def plan(map_w: float, map_h: float, options: ImageOptions) -> Frame:
    """The picture's size and its parts for a map of map_w × map_h."""
    if not options.framed:
        return Frame(map_w, map_h, QRectF(0, 0, map_w, map_h), None, None)
    title_h = TITLE_H if options.title else 0.0
    legend_h = LEGEND_H if options.legend else 0.0
    w, h = map_w + 2 * PAD, map_h + title_h + legend_h + 2 * PAD
    if options.frame == "16:9":
        if w / h < 16 / 9:
            w = h * 16 / 9
        else:
            h = w * 9 / 16
    block_h = title_h + map_h + legend_h
    x, top = (w - map_w) / 2, (h - block_h) / 2
    # The strips line up with the map (at least 720 px wide, for their words).
    strip_w = min(w - 2 * PAD, max(map_w, 720.0))
    sx = (w - strip_w) / 2
    title = QRectF(sx, top, strip_w, title_h - 12) if title_h else None
    legend = QRectF(sx, top + title_h + map_h + 12, strip_w, legend_h - 12) \
        if legend_h else None
    return Frame(w, h, QRectF(x, top + title_h, map_w, map_h), title, legend)


def fill_background(painter: QPainter, frame: Frame, options: ImageOptions) -> None:
    if options.background == "white":
        painter.fillRect(QRectF(0, 0, frame.width, frame.height), QColor("#FFFFFF"))


def draw_title(painter: QPainter, r: QRectF, project: Project, journey: JourneyMap,
               tx: Texts) -> None:
    """Name and state badge on the left; persona and date on the right."""
    painter.fillRect(QRectF(r.x(), r.y(), 5, r.height()), paint.qcolor(style.ACCENT))
    painter.setPen(paint.pen(style.ACCENT, 1.0))
    painter.drawLine(QPointF(r.x(), r.bottom() + 4), QPointF(r.right(), r.bottom() + 4))
    mid = r.center().y()
    right = r.right()
    date = tx.date(project.modified) if project.modified else ""
    if date:
        painter.setFont(text.font(12))
        painter.setPen(paint.qcolor(style.MUTED_TEXT))
        dw = text.text_width(date, 12, False)
        painter.drawText(QRectF(right - dw, r.y(), dw + 1, r.height()),
                         Qt.AlignmentFlag.AlignVCenter, date)
        right -= dw + 20
    persona = project.persona(journey.persona_id)
    if persona is not None and persona.name:
        name = text.metrics(13, True).elidedText(persona.name, Qt.TextElideMode.ElideRight,
                                                 r.width() * 0.3)
        nw = text.text_width(name, 13, True)
        painter.setFont(text.font(13, True))
        painter.setPen(paint.qcolor(style.TEXT))
        painter.drawText(QRectF(right - nw, r.y(), nw + 1, r.height()),
                         Qt.AlignmentFlag.AlignVCenter, name)
        right -= nw + 8
        draw_icon(painter, "persona", QRectF(right - 20, mid - 10, 20, 20), style.MUTED_TEXT)
        right -= 40
    label = tx.state(journey.state)
    bw = text.text_width(label, 11, True) + 20
    room = right - r.x() - 20 - bw - 16
    name = text.metrics(24, True).elidedText(journey.name, Qt.TextElideMode.ElideRight,
                                             max(40.0, room))
    painter.setFont(text.font(24, True))
    painter.setPen(paint.qcolor(style.TEXT))
    nw = text.text_width(name, 24, True)
    painter.drawText(QRectF(r.x() + 18, r.y(), nw + 2, r.height()),
                     Qt.AlignmentFlag.AlignVCenter, name)
    bx = r.x() + 18 + nw + 16
    if bx + bw <= right:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(paint.brush("#E69F00" if journey.state == MapState.FUTURE
                                     else "#56B4E9"))
        badge = QRectF(bx, mid - 11, bw, 22)
        painter.drawRoundedRect(badge, 11, 11)
        painter.setFont(text.font(11, True))
        painter.setPen(paint.qcolor("#1B2633"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)


def draw_legend(painter: QPainter, r: QRectF, journey: JourneyMap, tx: Texts) -> None:
    """The key to the marks (faces, evidence pills in use) at the right, always whole; the
    map's lane kinds with their icons in the room left of it, as many as fit (as the PDF's
    legend strip, app.export.pdf.furniture)."""
    painter.setPen(paint.pen(style.GRID_LINE, 1.0))
    painter.drawLine(QPointF(r.x(), r.y() - 4), QPointF(r.right(), r.y() - 4))
    mid, size = r.center().y(), 12.0
    kinds: list[LaneKind] = []
    for lane in journey.lanes:
        if lane.kind not in kinds:
            kinds.append(lane.kind)
    marks: list[tuple[float, Callable[[float], None]]] = []

    def face(score: int) -> None:
        label = tx.signed(score, 0)

        def draw(x: float) -> None:
            paint.face(painter, QPointF(x + 10, mid), 10, score)
            painter.setFont(text.font(size, True))
            painter.setPen(paint.qcolor(style.emotion_color(score)))
            painter.drawText(QRectF(x + 24, r.y(), 40, r.height()),
                             Qt.AlignmentFlag.AlignVCenter, label)
        marks.append((24 + text.text_width(label, size, True), draw))

    def pill(value: str) -> None:
        label = tx.evidence(value)
        w = text.text_width(label, style.SMALL_SIZE, False) + 2 * style.EVIDENCE_PAD

        def draw(x: float) -> None:
            fill, line, ink = style.EVIDENCE_COLORS[value]
            rect = QRectF(x, mid - style.EVIDENCE_TAG_HEIGHT / 2, w, style.EVIDENCE_TAG_HEIGHT)
            painter.setPen(paint.pen(line, 1.0, dashed=value in style.EVIDENCE_DASHED))
            painter.setBrush(paint.brush(fill))
            painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
            painter.setFont(text.font(style.SMALL_SIZE))
            painter.setPen(paint.qcolor(ink))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        marks.append((w, draw))

    if LaneKind.EMOTIONS in kinds:
        for score in (2, 1, 0, -1, -2):
            face(score)
    used = {c.evidence.value for c in journey.cards if c.evidence is not None}
    for value in ("observed", "assumed", "proposed"):
        if value in used:
            pill(value)
    gap = 10.0
    x = r.right() - sum(w + gap for w, _ in marks) + gap
    limit = x - 20
    for w, draw in marks:
        draw(x)
        x += w + gap
    x = r.x()
    for kind in kinds:
        label = tx.lane_kind(kind)
        w = 26 + text.text_width(label, size, False)
        if x + w > limit:
            break
        draw_icon(painter, kind.value, QRectF(x, mid - 10, 20, 20), style.card_style(kind).border)
        painter.setFont(text.font(size))
        painter.setPen(paint.qcolor(style.TEXT))
        painter.drawText(QRectF(x + 26, r.y(), w, r.height()), Qt.AlignmentFlag.AlignVCenter,
                         label)
        x += w + 16
