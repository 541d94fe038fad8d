"""What may go into a spreadsheet cell: formula injection neutralised, illegal characters out.

Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` as a formula (tab
and carriage return also start one after a paste), so a card titled
`=HYPERLINK("http://x","click")` would become a live link. XLSX cells carry their type:
such text is written as a string cell and shows exactly as typed. CSV has no types, so
such text is prefixed with a single quote, as OWASP advises. Numbers are numbers in both
(a negative value stays a number).
"""

from __future__ import annotations

import re

# The first characters that make Excel, LibreOffice or Google Sheets read a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_PREFIX = "'"
# Excel refuses longer cell texts (it "repairs" the file and drops them).
MAX_CELL_TEXT = 32_767

# XML 1.0 forbids these control characters; openpyxl raises on them. Lone surrogates
# (possible in Python strings) cannot be encoded as UTF-8 at all.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet program would read this text as a formula."""
    return text.startswith(FORMULA_STARTS)


def csv_text(text: str) -> str:
    """Text for a CSV field: a formula-like start is prefixed with a single quote."""
    return CSV_PREFIX + text if looks_like_formula(text) else text


def xlsx_text(text: str) -> tuple[str, bool]:
    """Text an XLSX cell can hold, and whether it had to be shortened.

    Control characters XML cannot carry are dropped (they show as nothing anyway), a lone
    surrogate becomes U+FFFD, a carriage return a line break (XML reads a raw one as
    that anyway), and text past Excel's limit is cut.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = _SURROGATE.sub("\ufffd", _ILLEGAL.sub("", text))
    if len(cleaned) > MAX_CELL_TEXT:
        return cleaned[: MAX_CELL_TEXT - 1] + "…", True
    return cleaned, False
