"""Reads a PDF's text boxes back (pdfplumber) and finds what a reader would see as broken:
text running into other text, text past the page edge, glyphs below legible print.

A text box is a word as pdfplumber groups it (characters of one size on one baseline,
split at spaces), in points, y downwards from the page's top. Two boxes overlap when they
share more than a sliver: each is shrunk by a tolerance first, so words that merely touch
(kerning, a tight leading) do not count.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pdfplumber

TOLERANCE = 0.12  # of the smaller glyph size: ink never fills its whole em box


@dataclass(frozen=True)
class Box:
    page: int
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float

    def __str__(self) -> str:
        return (f"p{self.page} {self.text!r} {self.size:.1f}pt "
                f"({self.x0:.0f},{self.top:.0f})–({self.x1:.0f},{self.bottom:.0f})")


@dataclass
class PageReport:
    number: int
    width: float
    height: float
    boxes: list[Box]

    @property
    def smallest(self) -> float | None:
        return min((b.size for b in self.boxes), default=None)


def read_pages(path: Path) -> list[PageReport]:
    """Every page's words as boxes."""
    pages = []
    with pdfplumber.open(path) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            words = page.extract_words(x_tolerance=1.0, y_tolerance=1.0,
                                       keep_blank_chars=False, use_text_flow=True,
                                       extra_attrs=["size"])
            boxes = [Box(n, w["text"], w["x0"], w["top"], w["x1"], w["bottom"], w["size"])
                     for w in words if w["text"].strip()]
            pages.append(PageReport(n, float(page.width), float(page.height), boxes))
            page.close()
    return pages


def _shrunk(b: Box, pad: float) -> tuple[float, float, float, float]:
    return b.x0 + pad, b.top + pad, b.x1 - pad, b.bottom - pad


def overlaps(page: PageReport) -> list[tuple[Box, Box]]:
    """Pairs of words whose boxes intersect (sweep over x; pages hold thousands)."""
    found = []
    boxes = sorted(page.boxes, key=lambda b: b.x0)
    active: list[tuple[Box, tuple[float, float, float, float]]] = []
    for b in boxes:
        rb = _shrunk(b, TOLERANCE * b.size)
        active = [(a, ra) for a, ra in active if ra[2] > rb[0]]
        for a, _ in active:
            pad = TOLERANCE * min(a.size, b.size)
            ra2, rb2 = _shrunk(a, pad), _shrunk(b, pad)
            if ra2[0] < rb2[2] and rb2[0] < ra2[2] and ra2[1] < rb2[3] and rb2[1] < ra2[3]:
                found.append((a, b))
        active.append((b, rb))
    return found


def off_page(page: PageReport, margin: float = 0.5) -> list[Box]:
    """Words reaching past the page's edge."""
    return [b for b in page.boxes if b.x0 < -margin or b.top < -margin
            or b.x1 > page.width + margin or b.bottom > page.height + margin]


def problems(pages: list[PageReport]) -> list[str]:
    """One line per overlap or word off the page."""
    out = []
    for page in pages:
        out += [f"overlap: {a} × {b}" for a, b in overlaps(page)]
        out += [f"off the page: {b}" for b in off_page(page)]
    return out
