"""`journey-studio import` of spreadsheets: a new project, or a merge into one (--into).

Kept beside app/cli.py, which loads it only for a spreadsheet: the readers and the merge
plan live in app.export.sheets; this module turns flags into their calls and their
outcome into the lines the command prints.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli import CliError, load_project


def parse_map_columns(text: str | None) -> dict[str, str] | None:
    """--map-columns "Header=key,Other=" as {header: key} ("" leaves a column out)."""
    if not text:
        return None
    found: dict[str, str] = {}
    for part in text.split(","):
        header, sep, key = part.partition("=")
        if not sep or not header.strip():
            raise CliError(f"--map-columns {part.strip()!r}: write it as Header=key "
                           f"(or Header= to leave a column out)")
        found[header.strip()] = key.strip().lower()
    return found


def read_sheet(args: argparse.Namespace, source: Path) -> Any:
    """The spreadsheet read for import; headers that need mapping name --map-columns."""
    from app.export.sheets.read_cards import MappingNeeded
    from app.export.sheets.read_source import read_source

    try:
        return read_source(source, parse_map_columns(args.map_columns),
                           encoding=args.encoding)
    except MappingNeeded as error:
        headers = ", ".join(repr(h) for h in error.headers if h) or "none"
        raise CliError(f"{error} (headers: {headers}); say which column is which with "
                       f"--map-columns \"HEADER=stage,HEADER=title\"") from None


def project_from_sheet(args: argparse.Namespace, source: Path) -> Any:
    """A new project made from the spreadsheet (`-o`)."""
    from app.export.sheets.read_source import new_project

    sheet = read_sheet(args, source)
    return new_project(sheet, args.title or sheet.title or source.stem, args.lang)


def import_into(args: argparse.Namespace, source: Path, target: Path) -> int:
    """Merge a spreadsheet into a project file: planned on a read-only copy, then written.

    The spreadsheet is read and the plan made before the project is opened for writing,
    so bad input or --dry-run leaves the project file byte for byte as it was.
    """
    from app.export.sheets.merge import apply_plan
    from app.export.sheets.read_source import plan_into
    from app.storage import ProjectStore

    sheet = read_sheet(args, source)
    project, _ = load_project(target)
    plan = plan_into(project, sheet)
    offered = [c.id for c in plan.removable] + [m.id for m in plan.removable_markers]
    removing = set(offered) if args.remove_missing else set()
    summary = plan.summary(removing, detail=args.dry_run)
    if args.dry_run or plan.empty(removing):
        print(f"{source.name} → {target.name}"
              + (" (dry run, nothing written)" if args.dry_run else " (nothing to change)"))
        print("\n".join(summary))
        return 0
    store, project = ProjectStore.open(target)
    try:
        plan = plan_into(project, sheet)  # the same file, opened for writing
        upserts, removed = apply_plan(project, plan, removing)
        store.write(project, upserts, removed)
    finally:
        store.close()
    print(f"Imported {source.name} into {target.name}")
    print("\n".join(summary))
    return 0
