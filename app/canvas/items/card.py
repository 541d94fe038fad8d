"""A card painted by itself: fill and border per lane kind, wrapped text, badges."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from app.canvas import text
from app.canvas.i18n import drawn, texts_of
from app.canvas.icons import draw_icon
from app.canvas.items import paint
from app.canvas.items.hover import HoverMixin
from app.domain import style
from app.domain.layout import CardBox, line_height
from app.domain.model import Channel, Evidence, LaneKind

Z_CARD = 10.0
# Room outside the card for what it draws there (the halo reaches 4.5 px, the star 5.6 and
# the thought tail 5.5, antialiasing included). Less than the cell padding (8), so a card
# repainted does not reach the headers and grid lines around its cell.
MARGIN = 6.0
DOT_HEIGHT = 13.0  # the dot pill straddles the bottom edge, as the evidence pill does


def format_number(value: float | None) -> str:
    """A metric value without a useless ".0" ("42", "3.5")."""
    if value is None:
        return "–"
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"


class CardItem(HoverMixin, QGraphicsRectItem):
    """One card of the map; geometry and text come from the layout's CardBox.

    A QGraphicsRectItem (no pen, no brush) whose rectangle is the card plus its margin,
    so Qt answers boundingRect() in C++: the scene asks it of every card on each paint.
    """

    kind_name = "card"

    def __init__(self, box: CardBox, kind: LaneKind, channel: Channel | None,
                 snap: bool = False) -> None:
        super().__init__()
        # On screen a card sits on whole scene pixels: its cached picture (the view's
        # DeviceCoordinateCache) is reused when the card shifts by whole pixels and drawn
        # again when it shifts by a fraction, and line heights are fractions (15.6 px).
        self.snap = snap
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.hovered = False
        self.setAcceptHoverEvents(True)
        self.card = box.card
        self.entity_id = box.card.id
        self.box = box
        self.kind = kind
        self.channel = channel
        self.decorated = True
        # Dots of the voting round shown (app.ui.voting): (count, round open), or None.
        self.dots: tuple[int, bool] | None = None
        self._w = box.w
        self._h = box.h
        self.setRect(-MARGIN, -MARGIN, self._w + 2 * MARGIN, self._h + 2 * MARGIN)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(Z_CARD)
        self.place(box)  # inside its lane's layer (app.canvas.items.layer)

    # -- geometry ------------------------------------------------------------------------

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(0, 0, self._w, self._h))
        return path

    def place(self, box: CardBox) -> None:
        """Move to the box's place in its cell (rounded to whole pixels when snapping)."""
        x, y = (float(round(box.x)), float(round(box.dy))) if self.snap else (box.x, box.dy)
        pos = self.pos()
        if pos.x() != x or pos.y() != y:
            self.setPos(x, y)

    def card_rect(self) -> QRectF:
        """The card's own rectangle in item coordinates."""
        return QRectF(0, 0, self._w, self._h)

    def apply(self, box: CardBox, kind: LaneKind, channel: Channel | None,
              content_changed: bool) -> None:
        """Follow a laid-out box (placed in the lane's layer); repaint when it may differ."""
        resized = box.w != self._w or box.h != self._h
        if resized:
            self._w, self._h = box.w, box.h
            self.setRect(-MARGIN, -MARGIN, self._w + 2 * MARGIN, self._h + 2 * MARGIN)
        self.box, self.card, self.kind, self.channel = box, box.card, kind, channel
        self.place(box)
        if content_changed and not resized:
            self.update()

    # -- hover ---------------------------------------------------------------------------

    # -- painting ------------------------------------------------------------------------

    def paint(self, painter: QPainter, option, widget=None) -> None:
        card, kind = self.card, self.kind
        st = style.card_style(kind)
        rect = QRectF(0.5, 0.5, self._w - 1, self._h - 1)
        r = style.CARD_RADIUS
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        fill = card.color or (st.fill if kind != LaneKind.TEXT else style.CANVAS_BACKGROUND)
        painter.setBrush(paint.brush(fill))
        painter.setPen(paint.pen(st.border, 1.0, 255 if kind != LaneKind.TEXT else 200,
                                 dashed=st.dashed))
        painter.drawRoundedRect(rect, r, r)
        if kind == LaneKind.THOUGHTS:
            self._paint_tail(painter, fill, st.border)

        inner = style.CARD_INNER
        title_x = inner
        if kind == LaneKind.TOUCHPOINTS:
            icon = self.channel.icon if self.channel else "other"
            color = self.channel.color if self.channel else st.border
            draw_icon(painter, icon, QRectF(inner, inner, style.ICON_SIZE, style.ICON_SIZE), color)
            title_x += style.ICON_SIZE + 4
        if kind == LaneKind.PAINS and card.severity:
            self._paint_severity(painter, card.severity, st.border)

        box = self.box
        title_color = style.TEXT if card.title else style.MUTED_TEXT
        title_lines = box.title_lines or ([] if card.title else [""])
        paint.draw_lines(painter, title_lines, title_x, inner, style.CARD_TITLE_SIZE, True,
                         title_color)
        y = inner + box.header_height
        y = paint.draw_lines(painter, box.body_lines, inner, y, style.CARD_BODY_SIZE, False,
                             paint.BODY_TEXT)
        if kind == LaneKind.METRICS:
            self._paint_metric(painter, y, st.border)
        elif kind == LaneKind.OPPORTUNITIES:
            self._paint_chips(painter, y, st.border)

        if card.favourite:
            paint.star(painter, QPointF(self._w - 3, 3), 7.5)
        if card.evidence is not None:
            self._paint_evidence(painter, card.evidence, st.border)
        if self.dots is not None:
            self._paint_dots(painter, *self.dots)
        if self.decorated:
            if self.isSelected():
                paint.selection_outline(painter, rect, r)
            elif self.hovered:
                paint.hover_outline(painter, rect, r)

    def _paint_tail(self, painter: QPainter, fill: str, border: str) -> None:
        # The speech-bubble corner: a small tail under the bottom-left, inside the card gap.
        h = self._h
        tail = QPolygonF([QPointF(12, h - 1.5), QPointF(22, h - 1.5), QPointF(11, h + 5)])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(paint.brush(fill))
        painter.drawPolygon(tail)
        painter.setPen(paint.pen(border, 1.0))
        painter.drawPolyline(QPolygonF([QPointF(12, h - 0.5), QPointF(11, h + 5),
                                        QPointF(22, h - 0.5)]))

    def _paint_severity(self, painter: QPainter, severity: int, color: str) -> None:
        filled = max(1, min(3, severity))
        cy = style.CARD_INNER + line_height(style.CARD_TITLE_SIZE) / 2
        painter.setPen(paint.pen(color, 1.0))
        for i in range(3):
            x = self._w - style.CARD_INNER - 3.5 - (2 - i) * 8
            painter.setBrush(paint.brush(color) if i < filled else paint.brush("#FFFFFF"))
            painter.drawEllipse(QPointF(x, cy), 3.0, 3.0)

    def _paint_metric(self, painter: QPainter, top: float, color: str) -> None:
        card = self.card
        inner = style.CARD_INNER
        value_h = line_height(style.METRIC_VALUE_SIZE)
        value = texts_of(self).number(card.value)
        painter.setFont(text.font(style.METRIC_VALUE_SIZE, True))
        painter.setPen(paint.qcolor(color))
        ascent = text.metrics(style.METRIC_VALUE_SIZE, True).ascent()
        baseline = top + (value_h - style.METRIC_VALUE_SIZE) / 2 + ascent
        painter.drawText(QPointF(inner, baseline), value)
        x = inner + text.text_width(value, style.METRIC_VALUE_SIZE, True) + 3
        if card.unit:
            painter.setFont(text.font(style.CARD_TITLE_SIZE))
            painter.drawText(QPointF(x, baseline), card.unit)
            x += text.text_width(card.unit, style.CARD_TITLE_SIZE, False) + 6
        if card.value is not None and card.target is not None and card.value != card.target:
            paint.arrow(painter, QPointF(x + 5, baseline - 6), card.value > card.target, 9,
                        color)
        if card.target is not None:
            target = drawn(self, "Target {value}", value=texts_of(self).number(card.target)
                           + (" " + card.unit if card.unit else ""))
            paint.draw_lines(painter, [target], inner, top + value_h, style.SMALL_SIZE, False,
                             style.MUTED_TEXT)

    def _paint_chips(self, painter: QPainter, top: float, color: str) -> None:
        card = self.card
        x, right = style.CARD_INNER, self._w - style.CARD_INNER
        for label in (card.owner, card.priority, card.status):
            if label:
                w = paint.chip(painter, x, top + 2, label, color, right - x)
                if not w:
                    break
                x += w + 4

    def _paint_evidence(self, painter: QPainter, evidence: Evidence, _color: str) -> None:
        # A labelled pill on the bottom edge ("observed", "assumed", "proposed" in the map's
        # language), as the PDF, PNG and SVG draw it; the legend explains the three looks.
        label = texts_of(self).evidence(evidence.value)
        m = text.metrics(style.SMALL_SIZE)
        room = self._w - 2 * style.EVIDENCE_TAG_RIGHT - 2 * style.EVIDENCE_PAD
        shown = m.elidedText(label, Qt.TextElideMode.ElideRight, max(0.0, room))
        x, y, w, h = style.evidence_tag_rect(self._w, self._h, m.horizontalAdvance(shown))
        fill, line, ink = style.EVIDENCE_COLORS.get(evidence.value,
                                                    style.EVIDENCE_COLORS["assumed"])
        painter.setPen(paint.pen(line, 1.0, dashed=evidence.value in style.EVIDENCE_DASHED))
        painter.setBrush(paint.brush(fill))
        rect = QRectF(x, y, w, h)
        painter.drawRoundedRect(rect, h / 2, h / 2)
        painter.setFont(text.font(style.SMALL_SIZE))
        painter.setPen(paint.qcolor(ink))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, shown)

    # -- voting dots ---------------------------------------------------------------------

    def set_dots(self, dots: tuple[int, bool] | None) -> None:
        """Show a round's dots on the card: (count, round open), None for no round."""
        if dots is not None and not dots[0] and not dots[1]:
            dots = None  # a closed round draws nothing on a card without dots
        if dots != self.dots:
            self.dots = dots
            self.update()

    def dot_target(self) -> QRectF | None:
        """Where the dots are drawn (and clicked), in item coordinates; None without a round."""
        if self.dots is None:
            return None
        count = self.dots[0]
        label = str(count) if count else "+"
        w = DOT_HEIGHT + text.text_width(label, style.SMALL_SIZE, True) + 4
        x = 28.0 if self.kind == LaneKind.THOUGHTS else 6.0  # clear of the thought's tail
        return QRectF(x, self._h - 1 - DOT_HEIGHT / 2, w, DOT_HEIGHT)

    def _paint_dots(self, painter: QPainter, count: int, _taking: bool) -> None:
        # A white pill: a filled dot and the count, or an empty dashed target "+" while the
        # round takes dots and the card has none.
        rect = self.dot_target()
        if rect is None:
            return
        radius = DOT_HEIGHT / 2
        painter.setPen(paint.pen(style.VOTE_DOT_COLOR, 1.0, dashed=not count))
        painter.setBrush(paint.brush("#FFFFFF"))
        painter.drawRoundedRect(rect, radius, radius)
        centre = QPointF(rect.x() + radius, rect.center().y())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(paint.brush(style.VOTE_DOT_COLOR, 255 if count else 90))
        painter.drawEllipse(centre, 3.5, 3.5)
        painter.setFont(text.font(style.SMALL_SIZE, True))
        painter.setPen(paint.qcolor(style.VOTE_DOT_COLOR if count else style.MUTED_TEXT))
        label = QRectF(rect.x() + DOT_HEIGHT - 1, rect.y(), rect.width() - DOT_HEIGHT,
                       rect.height())
        painter.drawText(label, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         str(count) if count else "+")
