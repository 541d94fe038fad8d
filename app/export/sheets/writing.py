"""Putting values into openpyxl cells so text always stays text."""

from __future__ import annotations

import math

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.cell.rich_text import CellRichText, TextBlock

from app.export.sheets.cells import xlsx_text
from app.export.sheets.tables import Value


class CellWriter:
    """Writes values into cells: text as string cells (never a formula), numbers as numbers.

    openpyxl reads a str starting with "=" as a formula; setting the cell's type to "s"
    afterwards makes it a plain string again, which Excel and LibreOffice show as typed.
    Text cut to Excel's limit is remembered in `shortened` (sheet!cell names).
    """

    def __init__(self) -> None:
        self.shortened: list[str] = []

    def __call__(self, cell: Cell | MergedCell, value: Value | CellRichText) -> None:
        assert isinstance(cell, Cell), "the sheets merge no cells"
        if isinstance(value, CellRichText):
            cell.value = CellRichText(*(
                TextBlock(part.font, self._text(cell, part.text))
                if isinstance(part, TextBlock) else self._text(cell, part) for part in value))
            cell.data_type = "s"
            return
        if isinstance(value, str):
            cell.value = self._text(cell, value)
            cell.data_type = "s"
            return
        # An infinite or NaN number (never saved by the app) would make an unreadable file.
        if isinstance(value, float) and not math.isfinite(value):
            value = None
        cell.value = value

    def _text(self, cell: Cell, text: str) -> str:
        cleaned, cut = xlsx_text(text)
        if cut:
            self.shortened.append(f"{cell.parent.title}!{cell.coordinate}")
        return cleaned
