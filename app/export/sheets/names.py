"""Sheet names Excel accepts, made from user text (map names) and unique in one workbook.

Excel allows at most 31 characters, none of `[ ] : * ? / \\`, no apostrophe at either end,
not the reserved name "History", and compares names without regard to case. It counts
UTF-16 units, so an emoji takes two of the 31.
"""

from __future__ import annotations

import re

MAX_SHEET_NAME = 31
_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f\ud800-\udfff]")
_RESERVED = {"history"}


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _cut(text: str, units: int) -> str:
    """The longest start of `text` that fits in `units` UTF-16 units."""
    while _units(text) > units:
        text = text[:-1]
    return text


class SheetNames:
    """Hands out unique, valid sheet names in the order asked for."""

    def __init__(self, reserved: tuple[str, ...] = ()) -> None:
        self._taken: set[str] = {name.casefold() for name in reserved}

    def take(self, wanted: str, fallback: str = "Sheet") -> str:
        """A valid name as close to `wanted` as can be; " (2)", " (3)"… make it unique."""
        base = " ".join(_FORBIDDEN.sub(" ", wanted).split()).strip("'").strip()
        if not base or base.casefold() in _RESERVED:
            base = fallback if not base else f"{base} 1"
        base = _cut(base, MAX_SHEET_NAME).rstrip("' ") or fallback
        name, number = base, 1
        while name.casefold() in self._taken:
            number += 1
            suffix = f" ({number})"
            name = _cut(base, MAX_SHEET_NAME - len(suffix)).rstrip("' ") + suffix
        self._taken.add(name.casefold())
        return name
