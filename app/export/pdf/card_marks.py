"""Marks on a card's edges: opportunity chips and the bottom-edge pills (evidence, tags).

Kept apart from the tile painter (map_page) so each module stays one job; the functions
take the painter, which holds the shared wrapper, translations and the text positions the
card's text pass prints afterwards.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.pdfgen.canvas import Canvas

from app.domain import style
from app.domain.layout import CardBox, Rect
from app.domain.style import CardStyle
from app.export.pdf import draw
from app.export.pdf.draw import color

if TYPE_CHECKING:
    from app.export.pdf.map_page import MapPainter

WHITE = "#FFFFFF"


def chips(self: MapPainter, c: Canvas, box: CardBox, hex_value: str) -> None:
    card, r = box.card, box.rect
    y = r.bottom - style.CARD_INNER - style.CHIP_ROW_HEIGHT + 3
    x = r.x + style.CARD_INNER
    chips = self._chip_text[card.id] = []  # afresh: a card may be drawn twice
    for label in (card.priority, card.owner, card.status):
        label = self.clean(label)
        if not label:
            continue
        w = self.wrapper.width(label, style.SMALL_SIZE, False) + 12
        w = min(w, r.right - style.CARD_INNER - x)
        if w < 24:
            break
        c.setFillColor(color(style.CHIP_FILL))
        c.setStrokeColor(draw.mix(hex_value, WHITE, 0.4))
        c.setLineWidth(0.75)
        c.roundRect(x, y, w, 15, 7.5, stroke=1, fill=1)
        chips.append((x + 6, y + 11.2, label, w - 12))
        x += w + 4


def edge_tags(self: MapPainter, c: Canvas, box: CardBox, card_style: CardStyle,
              shown: tuple[float, float]) -> None:
    """Pills on the card's bottom edge: the evidence level on the right (as in the
    editor), the card's tags on the left where the card has room for them; within the
    part of the card the tile `shown` (x from, x to) shows (a card may span tiles)."""
    card, full = box.card, box.rect
    x0, x1 = max(full.x, shown[0]), min(full.right, shown[1])
    r = Rect(x0, full.y, x1 - x0, full.h)
    labels = self._tag_text[card.id] = []  # afresh: a card may be drawn twice
    small, h = style.SMALL_SIZE, style.EVIDENCE_TAG_HEIGHT
    right = r.right
    if card.evidence is not None:
        label = self.tx.evidence(card.evidence.value)
        room = r.w - 2 * style.EVIDENCE_TAG_RIGHT - 2 * style.EVIDENCE_PAD
        if self.wrapper.width(label, small, False) > room:
            label = self.wrapper.elide(label, small, False, max(10.0, room))
        x, y, w, _h = style.evidence_tag_rect(r.right, r.bottom,
                                              self.wrapper.width(label, small, False))
        draw.evidence_tag(c, x, y + h / 2, w, h, card.evidence.value)
        labels.append((x + style.EVIDENCE_PAD, y + h / 2 + small * 0.36, label,
                       style.EVIDENCE_COLORS[card.evidence.value][2]))
        right = x
    left = r.x + style.CARD_INNER
    cy = r.bottom - style.EVIDENCE_TAG_LIFT
    dots = self.dots.get(card.id, 0)
    if dots:  # the voting dots' pill, bottom left as in the editor
        label = f"● {self.tx.integer(dots)}"
        w = self.wrapper.width(label, small, True) + 2 * style.EVIDENCE_PAD
        if left + w <= right - 4:
            draw.vote_tag(c, left, cy, w, h)
            labels.append((left + style.EVIDENCE_PAD, cy + small * 0.36, label, WHITE))
            left += w + 4
    tags = [self.clean(t) for t in card.tags if t.strip()]
    if not tags:
        return
    room = right - 6 - left - 2 * style.EVIDENCE_PAD
    text = "  ".join("#" + t for t in tags)
    if self.wrapper.width(text, small, False) > room:
        if room < 40:
            return  # no room: the tags are in the notes and the sheet export
        text = self.wrapper.elide(text, small, False, room)
    w = self.wrapper.width(text, small, False) + 2 * style.EVIDENCE_PAD
    c.setFillColor(color(WHITE))
    c.setStrokeColor(draw.mix(card_style.border, WHITE, 0.45))
    c.setLineWidth(0.75)
    c.roundRect(left, cy - h / 2, w, h, h / 2, stroke=1, fill=1)
    labels.append((left + style.EVIDENCE_PAD, cy + small * 0.36, text, style.MUTED_TEXT))
