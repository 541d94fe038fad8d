"""Reading a CSV from outside: its encoding detected, its delimiter sniffed, within limits.

Excel on a Vietnamese Windows saves "CSV" in the Windows Vietnamese code page (cp1258),
where a letter such as "ế" is often stored as a base letter and a combining tone mark;
Python's cp1258 codec decodes them as two code points, so the text is NFC-normalised to
compare equal to what the user typed elsewhere. "Unicode text" saves are UTF-16.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

from app.export.sheets.read_table import Cell, Limits, Progress, SheetError, Table

# Tried in this order when the file does not say (a byte-order mark says).
ENCODINGS = ("utf-8", "cp1258")
_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "cp1258": "Windows-1258",
          "utf-16": "UTF-16"}
DELIMITERS = (",", ";", "\t")
# Our CSV export prefixes text a spreadsheet would run as a formula with a quote (OWASP).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _unprefixed(value: str) -> str:
    """A field without the quote that kept formula-like text from running."""
    if value.startswith("'") and value[1:].startswith(_FORMULA_STARTS):
        return value[1:]
    return value


def decode(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read in (NFC-normalised)."""
    if encoding is not None:
        try:
            return unicodedata.normalize("NFC", data.decode(encoding)), encoding
        except LookupError:
            raise SheetError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as error:
            raise SheetError(f"{name}: is not valid {encoding} text "
                             f"(byte {error.start + 1})") from None
    if data.startswith(b"\xef\xbb\xbf"):
        candidates: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ("utf-16",)
    else:
        candidates = ENCODINGS
    for candidate in candidates:
        try:
            text = data.decode(candidate)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            continue  # a binary file that happens to decode
        return unicodedata.normalize("NFC", text), candidate
    tried = ", ".join(_NAMES[c] for c in candidates)
    raise SheetError(f"{name}: is not text in a known encoding (tried {tried}); "
                     f"save it as CSV UTF-8")


def sniff_delimiter(text: str) -> str:
    """The delimiter of comma, semicolon and tab that splits the first lines most evenly."""
    sample = text[:64_000].splitlines()[:20]
    best, best_score = ",", (-1, -1)
    for delimiter in DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(sample, delimiter=delimiter) if r]
        except csv.Error:
            continue
        if not widths:
            continue
        # Prefer the delimiter whose rows agree on a width above one, then the widest.
        agreeing = sum(1 for w in widths if w == widths[0]) if widths[0] > 1 else 0
        score = (agreeing, widths[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(path: Path, limits: Limits | None = None, encoding: str | None = None,
             progress: Progress | None = None) -> tuple[Table, str]:
    """The rows of a CSV file as one table named by the file name, and its encoding;
    `progress` counts the rows and stops the read when cancelled."""
    limits = limits or Limits()
    name = path.name
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise SheetError(f"{name}: is {size / 1e6:.0f} MB; the limit is "
                             f"{limits.max_file_bytes / 1e6:.0f} MB")
        data = path.read_bytes()
    except OSError as error:
        raise SheetError(f"{name}: cannot be read ({error.strerror or error})") from None
    text, used = decode(data, name, encoding)
    delimiter = sniff_delimiter(text)
    rows: list[list[Cell]] = []
    cells = 0
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter,
                                 strict=False):
            cells += len(record)
            if len(rows) >= limits.max_rows or cells > limits.max_cells:
                raise SheetError(f"{name}: has more than {limits.max_rows:,} rows or "
                                 f"{limits.max_cells:,} cells; that is the limit")
            if progress is not None:
                progress.tick()
            rows.append([_unprefixed(value) if value.strip() != "" else None
                         for value in record])
    except csv.Error as error:
        raise SheetError(f"{name}, row {len(rows) + 1}: {error}") from None
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    return Table(name, rows), used
