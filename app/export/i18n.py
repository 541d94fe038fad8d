"""The words and numbers the exports draw themselves, in the language asked for (Qt-free).

The PDF, PNG and SVG exports speak the project's language (`Project.language`) unless
the user asks for another; the language is a parameter of each export (`Texts`), never a
process-wide setting, so a window in English can export a Vietnamese PDF.

English is the source language: every message is written in English in the code and
looked up in `resources/i18n/export_vi.json`, one object {English: Vietnamese}. Qt's
`.ts` files keep the interface's own strings; the canvas draws its map labels through
this catalogue too, so each label has one translation (tests/export/test_language*.py
check that every message the code names has a Vietnamese entry).

Messages are `str.format` templates with named fields: `tx("Page {page} of {total}",
page=3, total=5)`. Strings picked at run time from a table are marked where they are
written with `msg("...")` so the check finds them. Numbers, dates and signs go through
the same object: decimal comma and thousands dot in Vietnamese, point and comma in
English, and the true minus sign U+2212 for every negative number in both.
"""

from __future__ import annotations

import datetime
import json
import string
from functools import cache
from pathlib import Path

from app.domain import style
from app.domain.model import LaneKind, MapState
from app.domain.templates import LANE_TITLES
from app.resources import resource

LANGUAGES = ("en", "vi")
SOURCE_LANGUAGE = "en"
MINUS = "\u2212"
CATALOGUE_DIR = resource("i18n")
_SWAP_SEPARATORS = str.maketrans(",.", ".,")  # 1,234.5 → 1.234,5
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


class CatalogueError(RuntimeError):
    """The catalogue of a language cannot be read; the message says which file."""


def msg(source: str) -> str:
    """Mark `source` as a message translated later (returns it unchanged)."""
    return source


def catalogue_path(language: str) -> Path:
    """The catalogue file of `language` (English has none: it is the source)."""
    return CATALOGUE_DIR / f"export_{language}.json"


@cache
def load_catalogue(language: str) -> dict[str, str]:
    """{English: translation} for `language`; empty for English."""
    if language == SOURCE_LANGUAGE:
        return {}
    path = catalogue_path(language)
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError) as exc:  # missing, unreadable, not JSON, not UTF-8
        raise CatalogueError(f"the export's {language} translations ({path}) cannot be "
                             f"read; reinstall Journey Studio") from exc
    if not isinstance(data, dict):
        raise CatalogueError(f"the export's {language} translations ({path}) do not hold "
                             f"one JSON object; reinstall Journey Studio")
    return {str(k): str(v) for k, v in data.items()}


def fields_of(template: str) -> set[str]:
    """The named fields of a format template ("Page {page}" → {"page"})."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def check_language(language: str) -> str:
    """`language` when it is one the exports speak; ValueError naming them otherwise."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of: "
                         f"{', '.join(LANGUAGES)}")
    return language


class Texts:
    """One language's messages and number and date conventions, for one export."""

    def __init__(self, language: str, catalogue: dict[str, str] | None = None) -> None:
        self.language = check_language(language)
        self.catalogue = load_catalogue(language) if catalogue is None else catalogue
        # Messages asked for that the catalogue lacks (printed in English meanwhile);
        # the tests export every page and require this to stay empty.
        self.missing: set[str] = set()

    @property
    def vietnamese(self) -> bool:
        """True when this is Vietnamese."""
        return self.language == "vi"

    # -- messages -----------------------------------------------------------------------
    def __call__(self, source: str, /, **fields: object) -> str:
        """`source` translated, its {fields} filled in."""
        text = source
        if self.language != SOURCE_LANGUAGE:
            found = self.catalogue.get(source)
            if found:
                text = found
            else:
                self.missing.add(source)
        if not fields:
            return text
        try:
            return text.format(**fields)
        except (KeyError, IndexError, ValueError):  # a translation naming other fields
            self.missing.add(source)
            return source.format(**fields)

    def plural(self, one: str, many: str, n: int, /, **fields: object) -> str:
        """English picks `one` or `many` by n; Vietnamese has one form (`many`'s entry).

        The field {n} is the count, formatted for the language."""
        source = one if n == 1 and self.language == SOURCE_LANGUAGE else many
        return self(source, n=self.integer(n), **fields)

    # -- numbers ------------------------------------------------------------------------
    def _digits(self, text: str) -> str:
        """English-formatted digits ("1,234.5") in this language's convention."""
        if self.vietnamese:
            return text.translate(_SWAP_SEPARATORS)
        return text

    def number(self, value: float | None, decimals: int | None = None, *,
               sign: bool = False) -> str:
        """A number: thousands grouped, `decimals` places (None: up to two, no trailing
        zeros), a true minus when negative and "+" when `sign` and positive."""
        if value is None:
            return "–"
        places = 2 if decimals is None else decimals
        body = f"{abs(value):,.{places}f}"
        if decimals is None and "." in body:
            body = body.rstrip("0").rstrip(".")
        if body.strip("0.,") == "":
            return self._digits(body)  # rounds to zero: no sign
        prefix = MINUS if value < 0 else ("+" if sign else "")
        return prefix + self._digits(body)

    def integer(self, value: int) -> str:
        """A whole number with thousands grouped."""
        return self.number(value, 0)

    def signed(self, value: float, decimals: int = 1) -> str:
        """A score or change with its sign ("+1.5", "−0.5"; "0" stays bare)."""
        return self.number(value, decimals, sign=True)

    def percent(self, fraction: float, decimals: int = 0) -> str:
        """A fraction as a percentage ("40%", "12.5%"; Vietnamese "12,5%")."""
        return self.number(fraction * 100, decimals) + "%"

    def date(self, iso: str) -> str:
        """An ISO date or timestamp as a reader writes it: Vietnamese 05/10/2026,
        English 5 October 2026; text that is not a date is returned as it is."""
        try:
            day = datetime.date.fromisoformat(iso[:10])
        except (TypeError, ValueError):
            return iso
        if self.vietnamese:
            return f"{day.day:02d}/{day.month:02d}/{day.year}"
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"

    # -- names the domain already holds in both languages --------------------------------
    def _pick(self, pair: tuple[str, str]) -> str:
        return pair[1] if self.vietnamese else pair[0]

    def lane_kind(self, kind: LaneKind) -> str:
        """The name of a lane kind ("Touchpoints", "Điểm chạm")."""
        return self._pick(LANE_TITLES[kind])

    def emotion(self, score: int) -> str:
        """The name of an emotion score ("Very negative" … "Very positive")."""
        return self._pick(style.EMOTION_NAMES[max(-2, min(2, score))])

    def state(self, state: MapState) -> str:
        """"Current state" or "Future state"."""
        if state == MapState.FUTURE:
            return self(msg("Future state"))
        return self(msg("Current state"))

    def evidence(self, value: str) -> str:
        """The name of an evidence level (observed, assumed, proposed)."""
        names = {"observed": msg("Observed"), "assumed": msg("Assumed"),
                 "proposed": msg("Proposed")}
        return self(names[value]) if value in names else value


@cache
def texts_for(language: str) -> Texts:
    """The shared `Texts` of a language (one per process: the catalogue is read once)."""
    return Texts(language)
