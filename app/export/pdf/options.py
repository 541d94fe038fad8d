"""Export options and errors: light (no ReportLab import), shared by the CLI and the dialog."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.export.i18n import LANGUAGES

_MM = 72 / 25.4

# Portrait (width, height) in points.
PAGE_SIZES: dict[str, tuple[float, float]] = {
    "A4": (210 * _MM, 297 * _MM),
    "A3": (297 * _MM, 420 * _MM),
    "A2": (420 * _MM, 594 * _MM),
    "A1": (594 * _MM, 841 * _MM),
    "A0": (841 * _MM, 1189 * _MM),
    "Letter": (612.0, 792.0),
    "Legal": (612.0, 1008.0),
    "Tabloid": (792.0, 1224.0),
}
FIT_CONTENT = "fit-content"
PAGE_CHOICES = (*PAGE_SIZES, FIT_CONTENT)
ORIENTATIONS = ("landscape", "portrait")
WHEEL_CHOICES = ("off", "on", "only")  # the experience wheel page: none, added, alone
MAX_TILES_WIDE = 20
_FIT = re.compile(r"^(auto|page|actual|width:(\d+))$")

Progress = Callable[[int, int], "bool | None"]


class ExportWarning(str):
    """A warning worded for the command line (the string itself, naming flags), with its
    `kind` and `values` so a window can word it in its own terms and language."""

    kind: str
    values: dict[str, Any]

    def __new__(cls, text: str, kind: str = "", **values: Any) -> ExportWarning:
        warning = super().__new__(cls, text)
        warning.kind, warning.values = kind, values
        return warning


@dataclass(frozen=True)
class PlanSummary:
    """What an export would print, from its plan (nothing drawn): for a live summary."""

    pages: int
    tiles: int  # map pages, all maps together
    smallest: float  # the smallest text a map page prints, in points
    card_text: float  # card body text, in points
    preview: Any = None  # app.export.pdf.preview.PagePreview: the first map page as shapes


class PdfExportError(Exception):
    """An export that cannot be done; the message is one line a user can act on."""


class ExportCancelled(PdfExportError):
    """The progress callback asked to stop; nothing was written."""


@dataclass
class PdfOptions:
    """What to put in the PDF and how to lay it on paper."""

    page: str = "A3"
    orientation: str = "landscape"
    # "auto": as few tiles as print every map text at ≥ 7 pt (one page when that does).
    fit: str = "auto"
    map_names: list[str] | None = None
    all_maps: bool = False
    cover: bool = True
    persona: bool = True
    legend: bool = True
    # The legend strip under the map: "on", "off" or "auto" (on for one sheet or a poster
    # size, see app.export.pdf.furniture.legend_strip_default).
    legend_strip: str = "auto"
    insights: bool = True
    # The experience wheel (app.export.pdf.wheel_page): "off", "on" (a page after each
    # map's pages) or "only" (just the wheel of each map, one page each).
    wheel: str = "off"
    reproducible: bool = False
    # Two references (see app.export.pdf.references): "map:NAME", "snapshot:NAME" or NAME.
    compare: tuple[str, str] | None = None
    # The language of every word the PDF adds ("en" or "vi"); None: the project's.
    language: str | None = None
    # Card ids drawn faint under a white veil: a saved view that dims what its filter
    # leaves out (app.export.view_apply).
    dimmed: frozenset[str] = frozenset()
    progress: Progress | None = field(default=None, compare=False, repr=False)

    def validate(self) -> None:
        """Raise PdfExportError naming the choices when a value is not allowed."""
        page = canonical_page(self.page)
        if page is None:
            raise PdfExportError(
                f"unknown page size {self.page!r}; choose one of: {', '.join(PAGE_CHOICES)}")
        self.page = page
        if self.orientation not in ORIENTATIONS:
            raise PdfExportError(f"unknown orientation {self.orientation!r}; "
                                 f"choose landscape or portrait")
        fit_kind(self.fit)
        strip = str(self.legend_strip).strip().casefold()
        if strip not in ("auto", "on", "off"):
            raise PdfExportError(f"unknown legend strip {self.legend_strip!r}; "
                                 f"choose auto, on or off")
        self.legend_strip = strip
        wheel = str(self.wheel).strip().casefold()
        if wheel not in WHEEL_CHOICES:
            raise PdfExportError(f"unknown wheel choice {self.wheel!r}; choose on, only or off")
        self.wheel = wheel
        if wheel == "only" and self.compare is not None:
            raise PdfExportError("a wheel-only PDF holds just the wheels; leave out the compare "
                                 "page")
        if self.compare is not None:
            if (len(self.compare) != 2
                    or not all(isinstance(r, str) and r.strip() for r in self.compare)):
                raise PdfExportError("compare needs two names: a map or snapshot each")
            self.compare = (self.compare[0], self.compare[1])
        if self.language is not None:
            language = self.language.strip().casefold()
            if language not in LANGUAGES:
                raise PdfExportError(f"unknown language {self.language!r}; choose one of: "
                                     f"{', '.join(LANGUAGES)}")
            self.language = language


def canonical_page(name: str) -> str | None:
    """The page name as spelled in PAGE_CHOICES (case-insensitive), or None."""
    wanted = name.strip().casefold()
    return next((p for p in PAGE_CHOICES if p.casefold() == wanted), None)


def fit_kind(fit: str) -> tuple[str, int]:
    """("auto", 0), ("page", 1), ("width", N) or ("actual", 0); PdfExportError otherwise."""
    match = _FIT.match(fit.strip().casefold())
    if not match:
        raise PdfExportError(f"unknown scaling {fit!r}; use auto, page, width:N (N pages "
                             f"wide) or actual")
    if match.group(2) is not None:
        n = int(match.group(2))
        if not 1 <= n <= MAX_TILES_WIDE:
            raise PdfExportError(f"width:{n} is out of range; use 1 to {MAX_TILES_WIDE} pages")
        return "width", n
    return match.group(1), 1 if match.group(1) == "page" else 0


def page_size(page: str, orientation: str) -> tuple[float, float]:
    """The (width, height) in points of a named page in an orientation."""
    w, h = PAGE_SIZES[page]
    return (max(w, h), min(w, h)) if orientation == "landscape" else (min(w, h), max(w, h))
