"""The page frame (header, footer, margins) and text helpers for y-up page drawing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.domain import style
from app.domain.layout import TextWrapper
from app.export.i18n import Texts
from app.export.pdf.draw import color
from app.export.pdf.fonts import BOLD, REGULAR

HEADER_H = 30.0
FOOTER_H = 26.0
A3_SHORT_SIDE = 842.0


@dataclass(frozen=True)
class Area:
    """A rectangle on the page in points, y-up: (x, bottom) and size."""

    x: float
    y: float
    w: float
    h: float

    @property
    def top(self) -> float:
        """The y of the top edge."""
        return self.y + self.h

    @property
    def right(self) -> float:
        """The x of the right edge."""
        return self.x + self.w


def margin_for(width: float, height: float) -> float:
    """Page margin in points: about 4 % of the short side, 24–72 pt."""
    return max(24.0, min(72.0, min(width, height) * 0.04))


def furniture_scale(width: float, height: float) -> float:
    """How much header, footer and title block grow: 1 up to A3, then with the sheet's
    short side (A2 ×1.4, A1 ×2, A0 ×2.8), so a wall print is readable from a metre."""
    return max(1.0, min(width, height) / A3_SHORT_SIDE)


def content_area(width: float, height: float, k: float | None = None) -> Area:
    """Where a page's content goes, between the header and the footer (scaled by `k`,
    by default the page's furniture scale)."""
    m = margin_for(width, height)
    k = furniture_scale(width, height) if k is None else k
    return Area(m, m + FOOTER_H * k, width - 2 * m, height - 2 * m - (HEADER_H + FOOTER_H) * k)


def middle_elide(text: str, font: str, size: float, width: float) -> str:
    """`text` with its middle replaced by "…" so that it fits `width` (as is if it fits)."""
    if stringWidth(text, font, size) <= width:
        return text
    keep = len(text)
    while keep > 2:
        keep = int(keep * 0.9)
        head, tail = text[:(keep + 1) // 2].rstrip(), text[len(text) - keep // 2:].lstrip()
        short = f"{head}…{tail}"
        if stringWidth(short, font, size) <= width:
            return short
    return "…"


@dataclass
class Frame:
    """Header and footer text shared by every page of one document."""

    project: str
    client: str
    author: str
    tx: Texts
    total: int = 0
    accent: str = style.GRID_LINE  # the header and footer rules (a project's accent)

    def draw(self, c: Canvas, width: float, height: float, number: int, title: str,
             right: str = "", k: float | None = None) -> None:
        """Header (project · page title, right label) and footer ("Page X of Y"), at the
        furniture scale `k` (by default the page's)."""
        k = furniture_scale(width, height) if k is None else k
        m = margin_for(width, height)
        top = height - m
        big, small = 9 * k, 8 * k
        c.setStrokeColor(color(self.accent))
        c.setLineWidth(0.75 * k)
        c.line(m, top - (HEADER_H - 8) * k, width - m, top - (HEADER_H - 8) * k)
        c.line(m, m + (FOOTER_H - 8) * k, width - m, m + (FOOTER_H - 8) * k)
        c.setFillColor(color(style.TEXT))
        # Project and page title share the line with the tile label: whatever is too long
        # is shortened from the middle, so both its start and its end still show.
        base = top - 12 * k
        room = width - 2 * m - (c.stringWidth(right, BOLD, big) + 18 * k if right else 0)
        head = middle_elide(self.project, BOLD, big, room * (0.6 if title else 1.0))
        c.setFont(BOLD, big)
        c.drawString(m, base, head)
        x = m + c.stringWidth(head, BOLD, big)
        c.setFont(REGULAR, big)
        c.setFillColor(color(style.MUTED_TEXT))
        if title:
            c.drawString(x, base, middle_elide(f"  ·  {title}", REGULAR, big, m + room - x))
        if right:
            c.setFont(BOLD, big)
            c.setFillColor(color(style.ACCENT))
            c.drawRightString(width - m, base, right)
        c.setFont(REGULAR, small)
        c.setFillColor(color(style.MUTED_TEXT))
        who = "  ·  ".join(p for p in (self.client, self.author) if p)
        # Elided short of the centred name, which a long client · author line would overrun.
        room = width / 2 - m - c.stringWidth("Journey Studio", REGULAR, small) / 2 - 12 * k
        if c.stringWidth(who, REGULAR, small) > room:
            while who and c.stringWidth(who + "…", REGULAR, small) > room:
                who = who[:-1]
            who = who.rstrip() + "…"
        c.drawString(m, m + 4 * k, who)
        c.drawCentredString(width / 2, m + 4 * k, "Journey Studio")
        self.draw_number(c, width, height, number, k)

    def draw_number(self, c: Canvas, width: float, height: float, number: int,
                    k: float | None = None) -> None:
        """Only "Page X of Y", bottom right: the cover has no header or footer, but its
        number still tells a reader how long the document is."""
        k = furniture_scale(width, height) if k is None else k
        m = margin_for(width, height)
        c.setFont(REGULAR, 8 * k)
        c.setFillColor(color(style.MUTED_TEXT))
        c.drawRightString(width - m, m + 4 * k, self.tx("Page {page} of {total}", page=number,
                                                        total=self.total))


class Writer:
    """Wrapped text on y-up pages, measured with the same wrapper as the map."""

    def __init__(self, c: Canvas, wrapper: TextWrapper, clean: Callable[[str], str],
                 tx: Texts) -> None:
        self.c, self.wrapper, self.clean, self.tx = c, wrapper, clean, tx

    def lines(self, text: str, size: float, bold: bool, width: float,
              max_lines: int | None = None) -> list[str]:
        """`text` cleaned and wrapped; cut to `max_lines` with an ellipsis."""
        more = None if max_lines is None else max_lines + 1  # the +1 tells the text goes on
        lines = self.wrapper.wrap(self.clean(text), size, bold, width, more)
        if max_lines is not None and len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = self.wrapper.elide(lines[-1], size, bold, width)
        return lines

    def para(self, x: float, top: float, width: float, text: str, size: float = 10,
             bold: bool = False, hex_value: str = style.TEXT, max_lines: int | None = None,
             leading: float = 1.35) -> float:
        """Draw wrapped text whose first line box starts at `top`; return the height used."""
        lines = self.lines(text, size, bold, width, max_lines)
        if not lines:
            return 0.0
        lh = size * leading
        t = self.c.beginText()
        t.setTextOrigin(x, top - size * 0.95)
        t.setFont(BOLD if bold else REGULAR, size, lh)
        t.setFillColor(color(hex_value))
        for line in lines:
            t.textLine(line)
        self.c.drawText(t)
        return len(lines) * lh

    def text(self, x: float, y: float, text: str, size: float = 10, bold: bool = False,
             hex_value: str = style.TEXT, align: str = "left", width: float | None = None
             ) -> float:
        """One line at baseline y, elided to `width`; return its width."""
        text = self.clean(text).replace("\n", " ")
        if width is not None and self.wrapper.width(text, size, bold) > width:
            text = self.wrapper.elide(text, size, bold, width)
        font = BOLD if bold else REGULAR
        self.c.setFont(font, size)
        self.c.setFillColor(color(hex_value))
        w = self.wrapper.width(text, size, bold)
        if align == "right":
            self.c.drawRightString(x, y, text)
        elif align == "centre":
            self.c.drawCentredString(x, y, text)
        else:
            self.c.drawString(x, y, text)
        return w

    def fitted(self, x: float, y: float, text: str, size: float, bold: bool, hex_value: str,
               width: float, smallest: float | None = None, align: str = "left") -> float:
        """One line shrunk to fit `width` (down to `smallest`, then elided); return its
        width. For labels whose translation may be longer than the English."""
        if smallest is None:  # at most a quarter smaller, and never below legible print
            smallest = max(size * 0.75, min(size, style.MIN_PRINT_POINTS))
        low = smallest
        natural = self.wrapper.width(self.clean(text).replace("\n", " "), size, bold)
        if natural > width > 0:
            size = max(low, size * width / natural * 0.995)  # 0.995: rounding
        return self.text(x, y, text, size, bold, hex_value, align, width)

    def heading(self, x: float, top: float, label: str, hex_value: str = style.ACCENT,
                size: float = 11, width: float | None = None) -> float:
        """A small section heading with a coloured bar; return the height used.

        Given a `width`, a heading too long for it (a translation is often longer than
        the English) shrinks a little, and if that is not enough wraps onto two lines."""
        self.c.setFillColor(color(hex_value))
        self.c.rect(x, top - size - 2, 3, size + 2, stroke=0, fill=1)
        if width is None:
            self.text(x + 9, top - size + 1, label, size, True, style.TEXT)
            return size + 10
        room = width - 9
        natural = self.wrapper.width(self.clean(label), size, True)
        if natural * 0.85 <= room:
            self.fitted(x + 9, top - size + 1, label, size, True, style.TEXT, room, size * 0.85)
            return size + 10
        small = max(size * 0.85, style.MIN_PRINT_POINTS)
        lines = self.lines(label, small, True, room, 2)
        for n, line in enumerate(lines):
            self.text(x + 9, top - size + 1 - n * small * 1.2, line, small, True, style.TEXT)
        return size + 10 + (len(lines) - 1) * small * 1.2
