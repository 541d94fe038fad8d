"""A spreadsheet file read into what an import works from: a Cards table or grid maps.

A sheet named Cards (in either language), or else the first sheet whose header row
names the card columns, is read as the Cards table; without one, every sheet drawn like
a map (stages across, lanes down) becomes a new map. The readers below never change a
file; `plan_into` and `new_project` say what the import would make of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.domain.model import JourneyMap, Project
from app.domain.templates import builtin_channels, check_language
from app.domain.validation import validate_project
from app.export.sheets.columns import CARD_COLUMNS, SHEETS, fold, match_columns
from app.export.sheets.connectors import place_connectors
from app.export.sheets.extras import Extras
from app.export.sheets.merge import MergePlan, plan_cards, plan_new_map
from app.export.sheets.merge_sides import plan_sides, side_tables
from app.export.sheets.photos import read_photos
from app.export.sheets.read_cards import CardsTable, find_header, read_cards
from app.export.sheets.read_grid import corner_name, looks_like_grid, read_grid
from app.export.sheets.read_ours import (
    layouts,
    markers_sheet,
    personas_sheet,
    place_markers,
    read_markers,
    read_personas,
)
from app.export.sheets.read_table import Limits, Progress, SheetError, Table, cell_text
from app.export.sheets.snapshots import apply_hidden, read_hidden

SUFFIXES = (".xlsx", ".xlsm", ".csv", ".tsv", ".txt")


@dataclass
class SheetSource:
    """What a spreadsheet file holds for an import."""

    name: str
    cards: CardsTable | None = None
    grids: list[JourneyMap] = field(default_factory=list)
    project_id: str | None = None
    map_ids: list[str] = field(default_factory=list)
    encoding: str = ""
    language: str = "en"
    # The title of the project our workbook was exported from ("" for any other file).
    title: str = ""
    # Our own workbook's maps laid out from their grid sheets, with their markers.
    layouts: list[JourneyMap] = field(default_factory=list)
    # What else our workbook carries for a new project (personas, channels, colours…).
    extras: Extras = field(default_factory=Extras)
    personas: Table | None = None
    # The pictures of our Personas sheet by sheet row (the persona photos).
    photos: dict[int, bytes] = field(default_factory=dict)
    # The Metrics, Opportunities, Markers and Personas sheets, merged after the cards.
    sides: dict[str, Table] = field(default_factory=dict)


def read_tables(path: Path, limits: Limits | None = None, encoding: str | None = None,
                progress: Progress | None = None
                ) -> tuple[list[Table], dict[str, list[str]], Extras, str]:
    """The sheets of a workbook or CSV file, our hidden metadata (its known keys, and the
    rows `extras` reads), and the CSV's encoding."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise SheetError(f"{path.name}: is not a spreadsheet (.xlsx or .csv)")
    if suffix in (".xlsx", ".xlsm"):
        from app.export.sheets.read_xlsx import read_workbook

        book = read_workbook(path, limits, progress)
        extras = Extras.read(book.meta_rows)
        extras.snapshot_rows = book.snapshot_rows
        return book.tables, book.meta, extras, ""
    from app.export.sheets.read_csv import read_csv

    table, used = read_csv(path, limits, encoding, progress)
    return [table], {}, Extras(), used


def cards_sheet(tables: list[Table]) -> Table | None:
    """The sheet to read as the Cards table, if any."""
    names = {fold(SHEETS["cards"].en), fold(SHEETS["cards"].vi)}
    named = next((t for t in tables if fold(t.name) in names), None)
    if named is not None:
        return named
    for table in tables:
        if not table.rows:
            continue
        header = [cell_text(v) for v in table.rows[find_header(table)]]
        found = match_columns(header, CARD_COLUMNS)
        # A map drawn in a grid may say "Stage" in A1, but its stage names from B1 on
        # are not card columns; a table of one's own names at least one of them.
        if len(found) >= 2 or any(position > 0 for position in found):
            return table
    return None


def read_source(path: Path, overrides: dict[str, str] | None = None,
                limits: Limits | None = None, encoding: str | None = None,
                progress: Progress | None = None) -> SheetSource:
    """Read a spreadsheet for import; SheetError (or MappingNeeded) says why it cannot.

    Touches no project and no Qt object, so the editor runs it in a worker thread;
    `progress` counts the rows read and stops the read (Cancelled) when asked.
    """
    tables, meta, extras, used = read_tables(path, limits, encoding, progress)
    project_ids = meta.get("project", [])
    source = SheetSource(path.name, encoding=used,
                         project_id=project_ids[0] if project_ids else None,
                         map_ids=meta.get("maps", []), extras=extras,
                         title=(meta.get("title") or [""])[0])
    table = cards_sheet(tables)
    if table is None and overrides and tables:
        table = tables[0]  # the user says which column is which: read the first sheet
    if table is not None:
        source.cards = read_cards(table, overrides)
        source.language = (meta.get("language") or [_language(source.cards.headers)])[0]
        if source.language not in ("en", "vi"):
            source.language = _language(source.cards.headers)
        source.layouts = layouts(tables, meta, extras)
        source.personas = personas_sheet(tables) if source.layouts else None
        source.sides = side_tables(tables)
        if "personas" in source.sides and path.suffix.lower() in (".xlsx", ".xlsm"):
            source.photos = read_photos(path, source.sides["personas"].name)
        markers = markers_sheet(tables)
        if source.layouts and markers is not None:
            place_markers(source.layouts, read_markers(markers), markers.name)
        return source
    grids = [t for t in tables if looks_like_grid(t)]
    if not grids:
        raise SheetError(f"{path.name}: holds neither a Cards table (with Stage and Title "
                         f"columns) nor a sheet drawn like a map (stages in row 1, lanes "
                         f"in column A)")
    # One sheet: the name in A1, else the file's; several: each sheet's own name.
    source.grids = [read_grid(t, (corner_name(t) or path.stem) if len(grids) == 1
                              else t.name) for t in grids]
    return source


def _language(headers: list[str]) -> str:
    folded = {fold(h) for h in headers}
    vi = sum(1 for c in CARD_COLUMNS if fold(c.vi) != fold(c.en) and fold(c.vi) in folded)
    en = sum(1 for c in CARD_COLUMNS if fold(c.vi) != fold(c.en) and fold(c.en) in folded)
    return "vi" if vi > en else "en"


def plan_into(project: Project, source: SheetSource) -> MergePlan:
    """The merge of `source` into an open project (nothing is changed)."""
    if source.cards is not None:
        covered = [i for i in source.map_ids if project.map(i) is not None]
        plan = plan_cards(project, source.cards, covered_maps=covered,
                          source_project=source.project_id)
        plan_sides(plan, project, source.sides, source.photos, covered)
        return plan
    plan = plan_new_map(project, source.grids[0])
    for journey in source.grids[1:]:
        plan.new_maps.append(journey)
        plan.map_names[journey.id] = journey.name
    return plan


def new_project(source: SheetSource, title: str, language: str | None = None) -> Project:
    """A new project made from `source` (its cards' maps, stages and lanes created)."""
    from app.export.sheets.merge import apply_plan

    lang = language or source.language
    check_language(lang)
    project = Project(title=title, language=lang, channels=builtin_channels(lang))
    hidden = None
    if source.cards is not None:
        source.extras.apply_to_project(project)  # before the cards name their channels
        if source.personas is not None:
            project.personas = read_personas(source.personas, project.channels,
                                             source.photos)
        hidden = read_hidden(source.extras.snapshot_rows, source.name)
        project.maps.extend(source.layouts)  # stages and lanes in order, markers placed
        plan = plan_cards(project, source.cards, create_maps=True, default_map=title)
    else:
        plan = plan_into(project, source)
    apply_plan(project, plan, set())
    connectors = source.sides.get("connectors")
    if source.cards is not None and connectors is not None:
        place_connectors(project, connectors)  # once the cards are in
    apply_hidden(project, hidden)  # snapshots, votes…, once the maps and cards are in
    colours = source.extras.card_colours()
    for card in (c for m in project.maps for c in m.cards if c.id in colours):
        card.color = colours[card.id]
    validate_project(project)
    return project
