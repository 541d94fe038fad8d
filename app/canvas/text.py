"""Fonts and text measurement for the canvas: DejaVu Sans at pixel sizes, cached.

The PDF engineer bundles the fonts in resources/fonts; when they are missing the system
DejaVu Sans is used. Hinting is off so advances are fractional and line breaks match
the PDF's, which measures the same font without hinting.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF

from app.domain import style
from app.domain.layout import TextWrapper
from app.resources import font_files

_loaded = False


def load_fonts() -> str:
    """Register the bundled DejaVu fonts once; return the family name to use."""
    global _loaded
    if not _loaded:
        _loaded = True
        for path in font_files():
            if path.exists():
                QFontDatabase.addApplicationFont(str(path))
    return style.FONT_FAMILY


@lru_cache(maxsize=64)
def font(size: float, bold: bool = False) -> QFont:
    """DejaVu Sans at a pixel size (cached: fonts are compared and copied cheaply)."""
    load_fonts()
    f = QFont(style.FONT_FAMILY)
    f.setPixelSize(max(1, round(size)))
    f.setBold(bold)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    f.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return f


@lru_cache(maxsize=64)
def metrics(size: float, bold: bool = False) -> QFontMetricsF:
    """Font metrics for `font(size, bold)`."""
    return QFontMetricsF(font(size, bold))


def text_width(text: str, size: float, bold: bool) -> float:
    """The advance of `text` in DejaVu Sans at this pixel size: the layout's measurer."""
    return metrics(size, bold).horizontalAdvance(text)


class CachingWrapper(TextWrapper):
    """A TextWrapper that also remembers whole wrapped texts.

    Re-laying out a map after a small edit wraps the same texts again; keeping the
    result makes the relayout of 5,000 cards cost a lookup per card.
    """

    def __init__(self) -> None:
        super().__init__(text_width)
        self._lines: dict[tuple[str, float, bool, float, int | None], list[str]] = {}

    def wrap(self, text: str, size: float, bold: bool, width: float,
             max_lines: int | None = None) -> list[str]:
        """Lines of `text` no wider than `width` (a copy: callers may edit it)."""
        key = (text, size, bold, width, max_lines)
        found = self._lines.get(key)
        if found is None:
            if len(self._lines) > 50_000:
                self._lines.clear()
            found = self._lines[key] = super().wrap(text, size, bold, width, max_lines)
        return list(found)


_wrapper: CachingWrapper | None = None


def shared_wrapper() -> CachingWrapper:
    """One wrapper for every scene of the process (texts repeat across maps)."""
    global _wrapper
    if _wrapper is None:
        _wrapper = CachingWrapper()
    return _wrapper
