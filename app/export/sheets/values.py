"""Cell values that are not plain text: each one's writer and reader side by side.

The export writes a value in the workbook's language; the import reads it back in
either language, folded like headers (case, spacing and diacritics ignored), and also
accepts what people type in their own sheets ("TRUE", "x", "Notes", "quan sát"…). A
reader returns None for a text it does not know; the importer turns that into an error
naming the sheet, row and column.
"""

from __future__ import annotations

import re

from app.domain.model import Evidence, LaneKind
from app.domain.templates import LANE_TITLES
from app.export.sheets.columns import fold

# -- favourite: yes / no ---------------------------------------------------------------
_YES = {"en": "yes", "vi": "có"}
_NO = {"en": "no", "vi": "không"}
_TRUE_WORDS = {"yes", "y", "true", "1", "x", "co", "dung", "✓", "✔", "★", "*"}
_FALSE_WORDS = {"no", "n", "false", "0", "khong", "sai", ""}


def yes_no(value: bool, language: str) -> str:
    """A flag as a word of the language ("yes"/"no", "có"/"không")."""
    return (_YES if value else _NO).get(language, _YES["en"] if value else _NO["en"])


def parse_flag(text: str) -> bool | None:
    """A flag cell read back (yes/no, có/không, true/1/x…); None when it is neither."""
    folded = fold(text)
    if folded in _TRUE_WORDS:
        return True
    if folded in _FALSE_WORDS:
        return False
    return None


# -- evidence ------------------------------------------------------------------------------
EVIDENCE_LABELS: dict[str, tuple[str, str]] = {
    Evidence.OBSERVED: ("observed", "quan sát được"),
    Evidence.ASSUMED: ("assumed", "giả định"),
    Evidence.PROPOSED: ("proposed", "đề xuất"),
}
# Shorter words people write for a value (folded).
_EVIDENCE_ALIASES = {"quan sat": Evidence.OBSERVED}


def evidence_label(value: str, language: str) -> str:
    """An Evidence value ("observed"…) as the word written in a sheet."""
    pair = EVIDENCE_LABELS.get(value)
    if pair is None:
        return value
    return pair[1] if language == "vi" else pair[0]


def parse_evidence(text: str) -> Evidence | None:
    """An evidence cell read back as an Evidence value, or None when unknown."""
    folded = fold(text)
    for value, (en, vi) in EVIDENCE_LABELS.items():
        if folded in (fold(value), fold(en), fold(vi)):
            return Evidence(value)
    return _EVIDENCE_ALIASES.get(folded)


# -- tags ------------------------------------------------------------------------------------
TAG_SEPARATOR = ", "
_TAG_SPLIT = re.compile(r"[,;\n]")


def join_tags(tags: list[str]) -> str:
    """Tags in one cell, comma-separated."""
    return TAG_SEPARATOR.join(tags)


def split_tags(text: str) -> list[str]:
    """A tags cell read back: split at commas, semicolons and line breaks, blanks
    dropped (so a tag that holds a comma comes back as two)."""
    return [tag.strip() for tag in _TAG_SPLIT.split(text) if tag.strip()]


# -- lane kind -------------------------------------------------------------------------------
# Singular words a user's own sheet may use for a kind (folded).
_KIND_ALIASES = {"notes": LaneKind.TEXT, "note": LaneKind.TEXT,
                 "touchpoint": LaneKind.TOUCHPOINTS, "pain": LaneKind.PAINS,
                 "metric": LaneKind.METRICS}


def kind_label(kind: LaneKind, language: str) -> str:
    """A lane kind as written in a sheet: its default lane title in the language."""
    en, vi = LANE_TITLES[kind]
    return vi if language == "vi" else en


def parse_kind(text: str) -> LaneKind | None:
    """A lane-kind cell read back: the kind's key or its title in either language."""
    folded = fold(text)
    for kind, (en, vi) in LANE_TITLES.items():
        if folded in (fold(kind.value), fold(en), fold(vi)):
            return kind
    return _KIND_ALIASES.get(folded)


def lane_header(title: str, kind: LaneKind, language: str) -> str:
    """A grid sheet's lane cell: the lane's title, then its kind in brackets on a new line
    (left out when the title already is the kind's name in the language)."""
    label = kind_label(kind, language)
    return title if fold(title) == fold(label) else f"{title}\n({label})"


def split_lane_header(text: str) -> tuple[str, LaneKind | None]:
    """A grid lane cell read back: (title, kind). The kind is the last line's bracketed
    kind name ("Khách nói\\n(Suy nghĩ)"), else the kind the title names ("Touchpoints",
    "Điểm chạm"), else None."""
    head, _, last = text.strip().rpartition("\n")
    last = last.strip()
    if head.strip() and last.startswith("(") and last.endswith(")"):
        kind = parse_kind(last[1:-1])
        if kind is not None:
            return head.strip(), kind
    return text.strip(), parse_kind(text)
