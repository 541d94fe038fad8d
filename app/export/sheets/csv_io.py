"""Export one table of a project as CSV: UTF-8 with a byte-order mark, RFC 4180 quoting.

The byte-order mark makes Excel read Vietnamese as UTF-8 (without it Excel assumes the
Windows code page). Fields are quoted when they hold a comma, a quote or a line break,
quotes are doubled and rows end in CRLF (RFC 4180). Text that a spreadsheet would run as a
formula is prefixed with a single quote (`cells.csv_text`); numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence

from app.domain.model import JourneyMap, Project
from app.export.atomic import write_bytes_atomically
from app.export.sheets.cells import csv_text
from app.export.sheets.tables import (
    TABLES,
    SheetsExportError,
    Value,
    build_table,
    export_language,
)

BOM = "\ufeff"


def _field(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return csv_text(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 12.0 reads back as 12 in every program
    return repr(value) if isinstance(value, float) else str(value)


def csv_text_of(project: Project, table: str = "cards",
                maps: Sequence[JourneyMap] | None = None, language: str | None = None) -> str:
    """The CSV of one table (without the byte-order mark)."""
    if table not in TABLES:
        raise SheetsExportError(f"unknown table {table!r}; choose one of: {', '.join(TABLES)}")
    lang = export_language(project, language)
    chosen = list(project.maps if maps is None else maps)
    built = build_table(table, project, chosen, lang,
                        every_persona=maps is None or len(chosen) == len(project.maps))
    out = io.StringIO()
    writer = csv.writer(out, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(built.headers(lang))
    for row in built.rows:
        writer.writerow([_field(value) for value in row])
    return out.getvalue()


def export_csv(project: Project, target: str | os.PathLike[str], table: str = "cards",
               maps: Sequence[JourneyMap] | None = None, language: str | None = None) -> None:
    """Write one table as CSV to `target` in one step."""
    text = csv_text_of(project, table, maps, language)
    # A lone surrogate (never typed, but possible in a string) becomes "?", not a failure.
    write_bytes_atomically(target, (BOM + text).encode("utf-8", errors="replace"))
