"""Command-line flags of `journey-studio export` for .xlsx and .csv, and the export they run."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from app.domain.model import JourneyMap, Project
from app.export.sheets.tables import TABLES, SheetsExportError


def add_sheet_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the spreadsheet flag --table (--map is shared with PDF)."""
    group = parser.add_argument_group("spreadsheet options (.xlsx, .csv)")
    group.add_argument("--table", metavar="|".join(TABLES),
                       help="the table a .csv holds (default cards); an .xlsx holds them all")


def prepare_sheet_export(args: argparse.Namespace, target: Path, suffix: str,
                         pick_maps: Callable[[Project], list[JourneyMap] | None]
                         ) -> Callable[[Project], list[str]]:
    """Check the flags for a .xlsx/.csv export; return the step that writes the file.

    `pick_maps` turns the project into the maps asked for (None: every map). The flags
    are checked before the project is read, so a typo fails at once.
    """
    table = getattr(args, "table", None)
    if table is not None:
        table = table.strip().casefold()
        if suffix != ".csv":
            raise SheetsExportError("--table chooses the table of a .csv file; "
                                    "an .xlsx holds every table")
        if table not in TABLES:
            raise SheetsExportError(f"--table {table!r}: choose one of {', '.join(TABLES)}")
    if getattr(args, "all_maps", False) and getattr(args, "map_names", None):
        raise SheetsExportError("use either --map NAME or --all-maps, not both")
    language = getattr(args, "lang", None)  # --lang, where the command line has it

    def run(project: Project) -> list[str]:
        maps = pick_maps(project)
        if suffix == ".csv":
            from app.export.sheets.csv_io import export_csv

            export_csv(project, target, table or "cards", maps, language)
            return []
        from app.export.sheets.xlsx import export_xlsx

        return export_xlsx(project, target, maps, language)

    return run
