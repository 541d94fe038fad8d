"""The sticky headers: stage titles on top, lane titles on the left, the persona corner.

Each header keeps its place along one axis and is pinned along the other (the scene
moves them as the view scrolls), so titles stay visible over a large map.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem

from app.canvas import text
from app.canvas.i18n import drawn, texts_of, tr
from app.canvas.icons import draw_icon
from app.canvas.items import paint
from app.canvas.items.hover import HoverableItem
from app.domain import style
from app.domain.layout import Rect
from app.domain.model import JourneyMap, Lane, LaneKind, MapState, Persona, Stage

Z_LANE_HEADER = 100.0
Z_STAGE_HEADER = 101.0
Z_CORNER = 102.0


def _wrap(value: str, size: float, bold: bool, width: float, max_lines: int) -> list[str]:
    from app.canvas.text import shared_wrapper

    wrapper = shared_wrapper()
    lines = wrapper.wrap(value, size, bold, width) if value else []
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = wrapper.elide(lines[-1], size, bold, width)
    return lines


class _Header(HoverableItem):
    """Shared behaviour: a rectangle, hover state and a selection outline."""

    def __init__(self, w: float, h: float) -> None:
        super().__init__()
        self._w, self._h = w, h
        self.decorated = True
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return QRectF(0, 0, self._w, self._h)

    def resize(self, w: float, h: float) -> None:
        """Take a new size from the layout."""
        if (w, h) != (self._w, self._h):
            self.prepareGeometryChange()
            self._w, self._h = w, h

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.hovered = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.unsetCursor()  # a resize cursor set over the border must not linger
        super().hoverLeaveEvent(event)

    def _outline(self, painter: QPainter) -> None:
        if not self.decorated:
            return
        rect = QRectF(1.5, 1.5, self._w - 3, self._h - 3)
        if self.isSelected():
            paint.selection_outline(painter, rect, 3)
        elif self.hovered:
            paint.hover_outline(painter, rect, 3)


class StageHeaderItem(_Header):
    """A stage's title cell: a colour band, the title, the description and a count."""

    kind_name = "stage"

    def __init__(self, stage: Stage, w: float) -> None:
        super().__init__(w, style.STAGE_HEADER_HEIGHT)
        self.stage = stage
        self.entity_id = stage.id
        self.card_count = 0
        self.setZValue(Z_STAGE_HEADER)

    def hoverMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        near_border = event.pos().x() >= self._w - 6
        if near_border:
            self.setCursor(Qt.CursorShape.SizeHorCursor)
        else:
            self.setCursor(Qt.CursorShape.OpenHandCursor)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        w, h = self._w, self._h
        painter.fillRect(QRectF(0, 0, w, h), paint.qcolor(style.HEADER_FILL))
        painter.fillRect(QRectF(0, 0, w, style.STAGE_BAND_HEIGHT),
                         paint.qcolor(self.stage.color))
        painter.setPen(paint.pen(style.GRID_LINE))
        painter.drawLine(QPointF(w - 0.5, 0), QPointF(w - 0.5, h))
        painter.drawLine(QPointF(0, h - 0.5), QPointF(w, h - 0.5))
        pad = 12.0
        inner = w - 2 * pad
        title = _wrap(self.stage.title, style.STAGE_TITLE_SIZE, True, inner, 2)
        y = paint.draw_lines(painter, title or [drawn(self, "Untitled stage")], pad,
                             style.STAGE_BAND_HEIGHT + 8, style.STAGE_TITLE_SIZE, True,
                             style.TEXT if title else style.MUTED_TEXT)
        lines_left = 2 if len(title) <= 1 else 1
        desc = _wrap(self.stage.description, style.SMALL_SIZE, False, inner, lines_left)
        if not desc and self.card_count:
            desc = [texts_of(self).plural("{n} card", "{n} cards", self.card_count)]
        paint.draw_lines(painter, desc, pad, y + 2, style.SMALL_SIZE, False, style.MUTED_TEXT)
        self._outline(painter)


class LaneHeaderItem(_Header):
    """A lane's title cell: the kind icon, the title and a count, on a tinted band."""

    kind_name = "lane"

    def __init__(self, lane: Lane, h: float, index: int) -> None:
        super().__init__(style.LANE_HEADER_WIDTH, h)
        self.lane = lane
        self.entity_id = lane.id
        self.index = index
        self.card_count = 0
        self.scale = (-2, 2)
        self.setZValue(Z_LANE_HEADER)

    def hoverMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.pos().y() >= self._h - 6:
            self.setCursor(Qt.CursorShape.SizeVerCursor)
        else:
            self.setCursor(Qt.CursorShape.OpenHandCursor)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        w, h = self._w, self._h
        fill = style.HEADER_FILL if self.index % 2 == 0 else paint.HEADER_ALT_FILL
        painter.fillRect(QRectF(0, 0, w, h), paint.qcolor(fill))
        st = style.card_style(self.lane.kind)
        painter.fillRect(QRectF(0, 0, 4, h), paint.qcolor(st.border))
        painter.setPen(paint.pen(style.GRID_LINE))
        painter.drawLine(QPointF(0, h - 0.5), QPointF(w, h - 0.5))
        painter.drawLine(QPointF(w - 0.5, 0), QPointF(w - 0.5, h))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        draw_icon(painter, self.lane.kind.value, QRectF(14, 12, 18, 18), st.border)
        x = 40.0
        max_lines = 1 if self.lane.collapsed else 3
        title = _wrap(self.lane.title, style.LANE_TITLE_SIZE, True, w - x - 10, max_lines)
        y = paint.draw_lines(painter, title or [drawn(self, "Untitled lane")], x, 12,
                             style.LANE_TITLE_SIZE, True,
                             style.TEXT if title else style.MUTED_TEXT)
        if self.lane.kind == LaneKind.EMOTIONS and not self.lane.collapsed:
            from app.canvas.items.emotions import paint_scale

            paint_scale(painter, w, Rect(0, 0, w, h), *self.scale)
        if not self.lane.collapsed and self.card_count and h - y > 20:
            paint.draw_lines(painter, [texts_of(self).plural("{n} item", "{n} items",
                                                             self.card_count)], x, y + 2,
                             style.SMALL_SIZE, False, style.MUTED_TEXT)
        self._outline(painter)


class CornerItem(HoverableItem):
    """The persona's card where the two headers meet; double-click opens the persona."""

    kind_name = "persona"

    def __init__(self) -> None:
        super().__init__()
        self.persona: Persona | None = None
        self.journey: JourneyMap | None = None
        self.entity_id = ""
        self._photo: QImage | None = None
        self._photo_key: bytes | None = None
        self.decorated = True
        self.setZValue(Z_CORNER)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return QRectF(0, 0, style.LANE_HEADER_WIDTH, style.STAGE_HEADER_HEIGHT)

    def set_content(self, journey: JourneyMap, persona: Persona | None) -> None:
        """Show this map's persona (or an invitation to choose one)."""
        self.journey, self.persona = journey, persona
        self.entity_id = persona.id if persona else ""
        photo = persona.photo if persona else None
        if photo != self._photo_key:
            self._photo_key = photo
            image = QImage.fromData(photo) if photo else None
            self._photo = image if image is not None and not image.isNull() else None
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        w, h = style.LANE_HEADER_WIDTH, style.STAGE_HEADER_HEIGHT
        painter.fillRect(QRectF(0, 0, w, h), paint.qcolor("#FFFFFF"))
        painter.setPen(paint.pen(style.GRID_LINE))
        painter.drawLine(QPointF(w - 0.5, 0), QPointF(w - 0.5, h))
        painter.drawLine(QPointF(0, h - 0.5), QPointF(w, h - 0.5))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        avatar = QRectF(12, 14, 44, 44)
        persona = self.persona
        self._paint_avatar(painter, avatar, persona)
        x = avatar.right() + 10
        width = w - x - 8
        if persona is not None:
            name = _wrap(persona.name, style.LANE_TITLE_SIZE, True, width, 2)
            y = paint.draw_lines(painter, name, x, 12, style.LANE_TITLE_SIZE, True, style.TEXT)
            detail = persona.occupation or persona.description
            if persona.age:
                detail = f"{persona.age} · {detail}" if detail else str(persona.age)
            paint.draw_lines(painter, _wrap(detail, style.SMALL_SIZE, False, width, 3 - len(name)),
                             x, y + 1, style.SMALL_SIZE, False, style.MUTED_TEXT)
        elif self.decorated:  # an editor hint: never in a picture of the map
            paint.draw_lines(painter, _wrap(tr("No persona yet — double-click to choose"),
                                            style.SMALL_SIZE, False, width, 3),
                             x, 16, style.SMALL_SIZE, False, style.MUTED_TEXT)
        if self.journey is not None:
            future = self.journey.state == MapState.FUTURE
            label = texts_of(self).state(self.journey.state)
            color = "#6C4FA3" if future else "#2F6FB3"
            paint.chip(painter, 12, h - 22, label, color, w - 24)
        if self.decorated and self.hovered:
            paint.hover_outline(painter, QRectF(1.5, 1.5, w - 3, h - 3), 3)

    def _paint_avatar(self, painter: QPainter, rect: QRectF, persona: Persona | None) -> None:
        if self._photo is not None:
            clip = QPainterPath()
            clip.addEllipse(rect)
            painter.save()
            painter.setClipPath(clip)
            image = self._photo
            side = min(image.width(), image.height())
            source = QRectF((image.width() - side) / 2, (image.height() - side) / 2, side, side)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(rect, image, source)
            painter.restore()
            painter.setPen(paint.pen(style.GRID_LINE, 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(rect)
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(paint.brush("#DCE6F5" if persona else "#EEF0F3"))
        painter.drawEllipse(rect)
        if persona is not None and persona.name.strip():
            initials = "".join(part[0] for part in persona.name.split()[:2]).upper()
            if len(persona.name.split()) > 2:  # Vietnamese names: family name + given name
                parts = persona.name.split()
                initials = (parts[0][0] + parts[-1][0]).upper()
            painter.setFont(text.font(16, True))
            painter.setPen(paint.qcolor("#2F6FB3"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, initials)
        else:
            draw_icon(painter, "persona", rect.adjusted(10, 10, -10, -10), style.MUTED_TEXT)
