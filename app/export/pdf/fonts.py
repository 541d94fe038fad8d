"""The bundled DejaVu Sans fonts: registration, coverage and what replaces missing glyphs.

ReportLab prints a filled box for a character its font lacks, without error, and writes
characters outside the Basic Multilingual Plane (emoji) wrongly into the text layer. So
every string is passed through `TextCleaner.clean` before it is measured or drawn:
characters the font lacks, and all non-BMP characters, become the visible replacement
character U+FFFD, and the export reports how many were replaced.
"""

from __future__ import annotations

import re
from typing import cast

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.resources import font_file

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
PLACEHOLDER = "\ufffd"
_FILES = {REGULAR: font_file(bold=False), BOLD: font_file(bold=True)}
# Joiners, variation selectors and skin-tone modifiers only shape the emoji before them:
# dropping them turns a whole emoji sequence into one placeholder.
_SHAPERS = re.compile("[\u200d\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
# No text prints more than this many characters (a card shows six lines, its note 240
# lines of at most ~210 characters), so a longer one is cut before it is cleaned: a
# 50 MB card body costs what 200,000 characters cost, and still ends with an ellipsis.
PRINTABLE_LIMIT = 200_000

_covered: frozenset[str] | None = None


def register() -> None:
    """Register DejaVu Sans regular and bold with ReportLab (once per process)."""
    global _covered
    if _covered is not None:
        return
    for name, path in _FILES.items():
        if not path.is_file():
            from app.export.pdf.options import PdfExportError

            raise PdfExportError(f"the bundled font {path} is missing; reinstall Journey Studio")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR,
                                  boldItalic=BOLD)
    widths = [set(cast(TTFont, pdfmetrics.getFont(n)).face.charWidths) for n in _FILES]
    common = set.intersection(*widths)
    _covered = frozenset(chr(cp) for cp in common if cp <= 0xFFFF)


def font_name(bold: bool) -> str:
    """The registered name of the regular or bold face."""
    return BOLD if bold else REGULAR


class TextCleaner:
    """Replaces what the fonts cannot print with a visible placeholder, and counts it."""

    def __init__(self) -> None:
        register()
        self.covered = _covered or frozenset()
        self.replaced = 0
        self._cache: dict[str, str] = {}

    def clean(self, text: str | None) -> str:
        """`text` with tabs as spaces and unprintable characters as U+FFFD."""
        if not text:
            return ""
        text = text[:PRINTABLE_LIMIT]
        if text.isascii() and text.isprintable():
            return text
        found = self._cache.get(text)
        if found is not None:
            return found
        out = _CONTROL.sub("", text.replace("\t", "    ").replace("\r\n", "\n"))
        missing = set(out) - self.covered - {"\n"}
        if missing:
            out = _SHAPERS.sub("", out)
            missing = set(out) - self.covered - {"\n"}
            # str.translate, not a loop in Python: a card may hold megabytes of text.
            self.replaced += sum(out.count(ch) for ch in missing)
            out = out.translate(dict.fromkeys(map(ord, missing), PLACEHOLDER))
        self._cache[text] = out
        return out


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Advance width of `text` at `size`, in the unit of `size` (layout pixels or points)."""
    return pdfmetrics.stringWidth(text, BOLD if bold else REGULAR, size)
