"""What every spreadsheet reader shares: a sheet as rows of plain values, and the limits."""

from __future__ import annotations

import math
import threading
import uuid
from dataclasses import dataclass

# A cell as the readers hand it on: text, a number, a truth value or nothing.
Cell = str | int | float | bool | None


class SheetError(ValueError):
    """A spreadsheet that cannot be imported; the message is one line for the user."""


class Cancelled(SheetError):
    """The user stopped the read (the editor reads in a worker thread)."""


class Progress:
    """How far a read has come, and whether to stop: shared by the reading thread, which
    ticks once per row, and the editor, which shows the count and may cancel."""

    def __init__(self) -> None:
        self.rows = 0
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        """Ask the read to stop at its next row."""
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def tick(self) -> None:
        """One more row read; raises Cancelled once cancel() was called."""
        self.rows += 1
        if self._cancelled.is_set():
            raise Cancelled("the import was cancelled")


@dataclass(frozen=True)
class Limits:
    """Bounds on what an import reads, so a hostile file costs bounded time and memory."""

    max_file_bytes: int = 64_000_000
    max_unpacked_bytes: int = 256_000_000
    max_parts: int = 2_000
    max_rows: int = 100_000
    max_cells: int = 1_000_000


@dataclass
class Table:
    """One sheet: its name and its rows (row 1 of the sheet is rows[0])."""

    name: str
    rows: list[list[Cell]]

    def cell(self, row: int, column: int) -> Cell:
        """The value at a 0-based row and column, None outside the sheet."""
        if row >= len(self.rows) or column >= len(self.rows[row]):
            return None
        return self.rows[row][column]


def column_letter(index: int) -> str:
    """Excel's name of a 0-based column (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_text(value: Cell) -> str:
    """A cell as text: whole numbers without ".0", truth values as TRUE/FALSE."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def cell_number(value: Cell, where: str) -> float | None:
    """A number cell, or a text one written as a number ("12,5", "40 %", "−2"); None when
    empty. SheetError (naming `where`) for anything else, infinities included."""
    text = cell_text(value).strip()
    if text == "":
        return None
    if isinstance(value, bool):
        raise SheetError(f"{where}: {text!r} is not a number")
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        cleaned = text.replace("\u00a0", "").replace(" ", "").replace("−", "-").rstrip("%")
        if "," in cleaned and "." not in cleaned:
            cleaned = cleaned.replace(",", ".")  # a Vietnamese or European decimal comma
        try:
            number = float(cleaned)
        except ValueError:
            raise SheetError(f"{where}: {text!r} is not a number") from None
    if not math.isfinite(number):
        raise SheetError(f"{where}: {text!r} is not a finite number")
    return number


def is_id(value: Cell) -> bool:
    """Whether a cell holds an id as the domain writes them (a canonical UUID)."""
    text = cell_text(value)
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False
