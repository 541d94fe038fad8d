"""The merge of the sheets beside Cards: Metrics, Opportunities, Markers and Personas.

A manager fills the Metrics sheet (value, unit, target) or works the Opportunities list
(owner, status, priority…); a researcher moves an emotion marker or rewrites a persona.
Each of these sheets is merged after the Cards sheet, into the same plan (one undo step):

- **Metrics and Opportunities** rows are cards by their ID: a field whose cell differs
  from the card changes it. The Cards sheet carries the same fields, so a field both
  sheets change to different values is refused, naming both rows; a field one of them
  still shows as it was is left to the other. A row whose ID is no card is passed over
  with a warning (new cards are added in the Cards sheet).
- **Markers**: a row with a marker's ID updates its stage, score, position and label; a
  row without one adds a marker on its map's emotions lane; a marker of a covered map no
  row carries is offered for removal, like a card.
- **Personas**: a row with a persona's ID updates the fields whose columns the sheet has
  (and the photo, when its row holds a new picture: a merge never drops a photo, as some
  programs lose pictures on saving); a row without one adds a persona. A persona is
  never removed by a merge (maps point to it).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from app.domain.model import EmotionMarker, JourneyMap, LaneKind, Persona, Project, new_id
from app.domain.validation import DomainError, validate_entity
from app.export.sheets.columns import (
    MARKER_COLUMNS,
    METRIC_COLUMNS,
    OPPORTUNITY_COLUMNS,
    SHEETS,
    Column,
    fold,
    match_columns,
)
from app.export.sheets.merge import CardChange, FieldEdit, MergePlan, shown
from app.export.sheets.read_cards import CardRow
from app.export.sheets.read_cards import _read_value as read_value
from app.export.sheets.read_ours import MarkerRow, persona_columns, persona_rows, read_markers
from app.export.sheets.read_table import SheetError, Table, cell_text, is_id

# The card fields each list sheet may change (its other columns are read-only views).
CARD_SHEET_FIELDS: dict[str, tuple[tuple[Column, ...], tuple[str, ...]]] = {
    "metrics": (METRIC_COLUMNS, ("title", "value", "unit", "target")),
    "opportunities": (OPPORTUNITY_COLUMNS, ("title", "body", "owner", "priority", "status",
                                            "severity", "tags")),
}
_PERSONA_FIELDS = ("name", "description", "age", "occupation", "quote", "goals",
                   "motivations", "behaviours", "interests", "pains")


def side_tables(tables: list[Table]) -> dict[str, Table]:
    """The workbook's Metrics, Opportunities, Markers, Personas and Connectors sheets, by
    key (a merge reads all but Connectors; a new project reads Connectors)."""
    found: dict[str, Table] = {}
    for key in ("metrics", "opportunities", "markers", "personas", "connectors"):
        names = {fold(SHEETS[key].en), fold(SHEETS[key].vi)}
        table = next((t for t in tables if fold(t.name) in names and t.rows), None)
        if table is not None:
            found[key] = table
    return found


def plan_sides(plan: MergePlan, project: Project, tables: dict[str, Table],
               photos: dict[int, bytes], covered: list[str]) -> None:
    """Add the side sheets' steps to a plan made from the Cards sheet."""
    used = _used_ids(project, plan)
    for key in ("metrics", "opportunities"):
        if key in tables:
            _merge_card_sheet(plan, project, tables[key], *CARD_SHEET_FIELDS[key])
    if "markers" in tables:
        _merge_markers(plan, project, tables["markers"], covered, used)
    if "personas" in tables:
        _merge_personas(plan, project, tables["personas"], photos, used)


def _used_ids(project: Project, plan: MergePlan) -> set[str]:
    ids = {e.id for e in plan.inserts} | {p.id for p in project.personas}
    ids |= {c.id for c in project.channels} | {s.id for s in project.snapshots}
    for m in project.maps:
        ids.add(m.id)
        ids |= {s.id for s in m.stages} | {ln.id for ln in m.lanes}
        ids |= {c.id for c in m.cards} | {k.id for k in m.markers}
    return ids


def _headers(table: Table) -> list[str]:
    return [cell_text(v).strip() for v in table.rows[0]]


def _merge_card_sheet(plan: MergePlan, project: Project, table: Table,
                      columns: tuple[Column, ...], fields: tuple[str, ...]) -> None:
    headers = _headers(table)
    mapping = {p: k for p, k in match_columns(headers, columns).items()
               if k == "id" or k in fields}
    if "id" not in mapping.values():
        return
    cards = {c.id: c for m in project.maps for c in m.cards}
    changes = {change.card.id: change for change in plan.changed}
    for index in range(1, len(table.rows)):
        raw = table.rows[index]
        if all(v is None for v in raw):
            continue
        row = CardRow(row=index + 1)
        for position, key in mapping.items():
            value = raw[position] if position < len(raw) else None
            read_value(row, key, value, f"{table.name}, row {index + 1}, {headers[position]}")
        card = cards.get(row.id)
        if card is None:
            plan.warnings.append(f"{table.name}, row {index + 1}: "
                                 + (f"no card has the ID {row.id!r}" if row.id else "no ID")
                                 + "; add new cards in the Cards sheet (row passed over)")
            continue
        for key, value in row.values.items():
            if getattr(card, key) == value:
                continue  # shown as it is: the Cards sheet may change it
            change = changes.get(card.id)
            if change is not None and key in change.new and change.new[key] != value:
                header = next(headers[p] for p, k in mapping.items() if k == key)
                raise SheetError(f"{table.name}, row {index + 1}, {header}: "
                                 f"{shown(plan, key, value)} but the Cards sheet's row "
                                 f"{change.row} says {shown(plan, key, change.new[key])}; "
                                 f"change it in one sheet")
            if change is None:
                change = CardChange(card, index + 1, {}, {})
                changes[card.id] = change
                plan.changed.append(change)
            change.new[key], change.old[key] = value, getattr(card, key)


def _journey_of(project: Project, row: MarkerRow, where: str) -> JourneyMap:
    found = next((m for m in project.maps if fold(m.name) == fold(row.map) or m.id == row.map),
                 project.maps[0] if len(project.maps) == 1 and not row.map else None)
    if found is None:
        raise SheetError(f"{where}: the map {row.map!r} is not in the project")
    return found


def _stage_of(journey: JourneyMap, title: str, where: str) -> str:
    stage = next((s for s in journey.stages if fold(s.title) == fold(title)), None)
    if stage is None:
        raise SheetError(f"{where}: the stage {title!r} is not on the map {journey.name!r}")
    return stage.id


def _merge_markers(plan: MergePlan, project: Project, table: Table, covered: list[str],
                   used: set[str]) -> None:
    present = set(match_columns(_headers(table), MARKER_COLUMNS).values())
    if not {"stage", "score"} <= present:
        return
    markers = {m.id: (j, m) for j in project.maps for m in j.markers}
    seen: dict[str, int] = {}
    touched: set[str] = set()
    for row in read_markers(table):
        where = f"{table.name}, row {row.row}"
        if row.id and row.id in seen:
            raise SheetError(f"{where}: the ID {row.id} is also on row {seen[row.id]}; clear "
                             f"the ID of a copied row to add a new marker")
        if row.id:
            seen[row.id] = row.row
        known = markers.get(row.id) if row.id else None
        if known is not None:
            journey, marker = known
            wanted: dict[str, Any] = {"score": row.score}
            if row.stage:
                wanted["stage_id"] = _stage_of(journey, row.stage, where)
            if row.placed:
                wanted["position"] = row.position
            if "label" in present:
                wanted["label"] = row.label
            new = {k: v for k, v in wanted.items() if getattr(marker, k) != v}
            if new:
                plan.edits.append(FieldEdit(marker, table.name, row.row, new,
                                            {k: getattr(marker, k) for k in new}))
        else:
            journey = _journey_of(project, row, where)
            lane = next((ln for ln in journey.lanes if ln.kind == LaneKind.EMOTIONS
                         and (not row.lane or fold(ln.title) == fold(row.lane))), None)
            if lane is None:
                raise SheetError(f"{where}: the map {journey.name!r} has no emotions lane "
                                 f"{row.lane!r}".rstrip(" '\""))
            marker = EmotionMarker(map_id=journey.id,
                                   stage_id=_stage_of(journey, row.stage, where),
                                   lane_id=lane.id, score=row.score, position=row.position,
                                   label=row.label)
            if is_id(row.id) and row.id not in used:
                marker.id = row.id
            used.add(marker.id)
            plan.inserts.append(marker)
            plan.added_markers.append(marker)
        touched.add(journey.id)
    wanted_maps = set(covered) if covered else touched
    plan.removable_markers = [m for j in project.maps if j.id in wanted_maps
                              for m in j.ordered_markers() if m.id not in seen]


def _merge_personas(plan: MergePlan, project: Project, table: Table,
                    photos: dict[int, bytes], used: set[str]) -> None:
    present = persona_columns(table)
    fields = [f for f in _PERSONA_FIELDS if f in present]
    if "channels" in present:
        fields.append("channel_ids")
    known = {p.id: p for p in project.personas}
    for row, persona in persona_rows(table, project.channels, photos):
        where = f"{table.name}, row {row}"
        current = known.get(persona.id)
        if current is None:
            if persona.id in used:
                persona.id = new_id()
            used.add(persona.id)
            _check(project, persona, where)
            plan.inserts.append(persona)
            plan.added_personas.append(persona)
            continue
        new = {f: getattr(persona, f) for f in fields if getattr(persona, f) != getattr(current, f)}
        if persona.photo is not None and persona.photo != current.photo:
            new["photo"], new["photo_mime"] = persona.photo, persona.photo_mime
        if new:
            _check(project, dataclasses.replace(current, **new), where)
            plan.edits.append(FieldEdit(current, table.name, row, new,
                                        {k: getattr(current, k) for k in new}))


def _check(project: Project, persona: Persona, where: str) -> None:
    try:
        validate_entity(project, persona)
    except DomainError as error:
        raise SheetError(f"{where}: {error}") from None
