"""The merge of a Cards table into a project, planned before anything changes.

Rules (docs/spreadsheets.md, "Merge rules"): a row whose ID is a card of the project
updates that card, field by field, for the columns the sheet has; a row without a known
ID adds a card; a card of a map the workbook covers whose ID no row carries is offered
for removal, and removed only when chosen. Stages, lanes and channels a row names that
do not exist yet are created. The plan lists these steps as inserts, field edits and
removal candidates, so the editor applies it as one undo step (app.document.operations.
import_sheet) and the command line applies the very same steps (`apply_plan`).
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from app.domain.model import (
    Card,
    Channel,
    EmotionMarker,
    JourneyMap,
    Lane,
    LaneKind,
    Persona,
    Project,
    Stage,
    new_id,
)
from app.domain.templates import STAGE_PALETTE, lane_title
from app.domain.tree import Entity, attach, detach
from app.domain.validation import validate_entity
from app.export.sheets.columns import CARD_COLUMNS, fold
from app.export.sheets.read_cards import CardRow, CardsTable
from app.export.sheets.read_table import SheetError
from app.export.sheets.values import parse_kind

_HEADERS = {c.key: c for c in CARD_COLUMNS}
# Sheet column → card field, where they differ.
_FIELD = {"channel": "channel_id"}


@dataclass
class CardChange:
    """The fields a row changes on a known card: new and old values by field name."""

    card: Card
    row: int
    new: dict[str, Any]
    old: dict[str, Any]


@dataclass
class FieldEdit:
    """The fields a row of the Markers or Personas sheet changes on a marker or persona."""

    entity: EmotionMarker | Persona
    sheet: str
    row: int
    new: dict[str, Any]
    old: dict[str, Any]


@dataclass
class StageGroup:
    """What the plan does in one stage of one map, for the preview."""

    map_name: str
    stage_title: str
    new_stage: bool
    added: list[Card] = field(default_factory=list)
    changed: list[CardChange] = field(default_factory=list)
    removable: list[Card] = field(default_factory=list)
    markers_added: list[EmotionMarker] = field(default_factory=list)
    markers_changed: list[FieldEdit] = field(default_factory=list)
    markers_removable: list[EmotionMarker] = field(default_factory=list)


@dataclass
class MergePlan:
    """Every step an import would take; nothing is applied until asked."""

    inserts: list[Entity] = field(default_factory=list)
    added: list[Card] = field(default_factory=list)
    changed: list[CardChange] = field(default_factory=list)
    removable: list[Card] = field(default_factory=list)
    new_maps: list[JourneyMap] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stages: dict[str, Stage] = field(default_factory=dict)  # every stage a step names
    map_names: dict[str, str] = field(default_factory=dict)
    # Names of the lanes and channels a step names, to show a change in words.
    names: dict[str, str] = field(default_factory=dict)
    # The Markers and Personas sheets' steps (merge_sides.py); new ones are in `inserts`.
    added_markers: list[EmotionMarker] = field(default_factory=list)
    added_personas: list[Persona] = field(default_factory=list)
    edits: list[FieldEdit] = field(default_factory=list)
    removable_markers: list[EmotionMarker] = field(default_factory=list)

    def empty(self, removing: set[str] | None = None) -> bool:
        """True when applying would change nothing."""
        return not (self.inserts or self.changed or self.new_maps or self.edits
                    or self.removals(removing or set()))

    def field_edits(self) -> list[tuple[Entity, dict[str, Any]]]:
        """Every field edit of the plan: cards, markers and personas."""
        return ([(change.card, change.new) for change in self.changed]
                + [(edit.entity, edit.new) for edit in self.edits])

    def removals(self, removing: set[str]) -> list[Entity]:
        """The cards and markers chosen for removal."""
        chosen: list[Entity] = [c for c in self.removable if c.id in removing]
        return chosen + [m for m in self.removable_markers if m.id in removing]

    def marker_edits(self) -> list[FieldEdit]:
        """The edits of markers (the rest are of personas)."""
        return [e for e in self.edits if isinstance(e.entity, EmotionMarker)]

    def persona_edits(self) -> list[FieldEdit]:
        """The edits of personas."""
        return [e for e in self.edits if isinstance(e.entity, Persona)]

    def groups(self) -> list[StageGroup]:
        """The steps by map and stage, in the maps' and stages' order."""
        found: dict[str, StageGroup] = {}
        known = set(self.stages) - {s.id for s in self.inserts if isinstance(s, Stage)}

        def group(card: Card | EmotionMarker) -> StageGroup:
            stage = self.stages.get(card.stage_id)
            if card.stage_id not in found:
                found[card.stage_id] = StageGroup(
                    self.map_names.get(card.map_id, ""), stage.title if stage else "?",
                    card.stage_id not in known)
            return found[card.stage_id]

        for card in self.added:
            group(card).added.append(card)
        for change in self.changed:  # a moved card shows in the stage it goes to
            moved = change.new.get("stage_id", change.card.stage_id)
            group(dataclasses.replace(change.card, stage_id=moved)).changed.append(change)
        for card in self.removable:
            group(card).removable.append(card)
        for marker in self.added_markers:
            group(marker).markers_added.append(marker)
        for edit in self.marker_edits():
            assert isinstance(edit.entity, EmotionMarker)
            moved = edit.new.get("stage_id", edit.entity.stage_id)
            group(dataclasses.replace(edit.entity, stage_id=moved)).markers_changed.append(edit)
        for marker in self.removable_markers:
            group(marker).markers_removable.append(marker)
        rank = {stage_id: i for i, stage_id in enumerate(self.stages)}
        ordered = sorted(found.items(), key=lambda item: rank.get(item[0], len(rank)))
        return [grp for _, grp in ordered]

    def summary(self, removing: set[str], detail: bool = False) -> list[str]:
        """The plan in a few lines: totals, then one line per stage (and, with `detail`,
        one per card under it)."""
        removed = sum(1 for c in self.removable if c.id in removing)
        kept = len(self.removable) - removed
        head = (f"{len(self.added)} added, {len(self.changed)} changed, {removed} removed"
                + (f", {kept} not in the sheet kept" if kept else ""))
        lines = [head]
        gone = sum(1 for m in self.removable_markers if m.id in removing)
        marker_parts = [f"{len(self.added_markers)} added" if self.added_markers else "",
                        f"{len(self.marker_edits())} changed" if self.marker_edits() else "",
                        f"{gone} removed" if gone else "",
                        f"{len(self.removable_markers) - gone} not in the sheet kept"
                        if len(self.removable_markers) > gone else ""]
        if any(marker_parts):
            lines.append("emotion markers: " + ", ".join(p for p in marker_parts if p))
        if self.added_personas or self.persona_edits():
            lines.append(f"personas: {len(self.added_personas)} added, "
                         f"{len(self.persona_edits())} changed")
            if detail:
                lines += [f"    + {shown(self, 'name', p.name)}" for p in self.added_personas]
                lines += [f"    ~ {shown(self, 'name', e.entity.name)}: "
                          f"{describe_edit(self, e)}" for e in self.persona_edits()
                          if isinstance(e.entity, Persona)]
        for journey in self.new_maps:
            lines.append(f"  new map {journey.name!r}: {len(journey.stages)} stages, "
                         f"{len(journey.lanes)} lanes, {len(journey.cards)} cards, "
                         f"{len(journey.markers)} emotion markers")
        for g in self.groups():
            gone = sum(1 for c in g.removable if c.id in removing)
            parts = [f"+{len(g.added)}" if g.added else "", f"~{len(g.changed)}" if g.changed
                     else "", f"-{gone}" if gone else "",
                     f"({len(g.removable) - gone} kept)" if len(g.removable) > gone else ""]
            marker_gone = sum(1 for m in g.markers_removable if m.id in removing)
            marks = [f"+{len(g.markers_added)}" if g.markers_added else "",
                     f"~{len(g.markers_changed)}" if g.markers_changed else "",
                     f"-{marker_gone}" if marker_gone else "",
                     f"({len(g.markers_removable) - marker_gone} kept)"
                     if len(g.markers_removable) > marker_gone else ""]
            if any(marks):
                parts.append("markers " + " ".join(p for p in marks if p))
            where = f"{g.map_name} / {g.stage_title}" + (" (new stage)" if g.new_stage else "")
            lines.append(f"  {where}: {' '.join(p for p in parts if p)}")
            if detail:
                lines += [f"    + {shown(self, 'title', c.title)}" for c in g.added]
                lines += [f"    ~ {shown(self, 'title', c.card.title)}: "
                          f"{describe_change(self, c)}" for c in g.changed]
                lines += [f"    {'-' if c.id in removing else '='} "
                          f"{shown(self, 'title', c.title)}"
                          + ("" if c.id in removing else " (not in the sheet, kept)")
                          for c in g.removable]
                lines += [f"    + marker {m.score:+d} {shown(self, 'label', m.label)}"
                          for m in g.markers_added]
                lines += [f"    ~ marker {shown(self, 'label', e.entity.label)}: "
                          f"{describe_edit(self, e)}" for e in g.markers_changed
                          if isinstance(e.entity, EmotionMarker)]
                lines += [f"    {'-' if m.id in removing else '='} marker "
                          f"{shown(self, 'label', m.label)}"
                          + ("" if m.id in removing else " (not in the sheet, kept)")
                          for m in g.markers_removable]
        lines.extend(f"warning: {w}" for w in self.warnings)
        return lines


def changed_fields(plan: MergePlan, change: CardChange) -> list[tuple[str, str, str]]:
    """Each changed field as (column key, old value, new value) in words.

    A move is one ("stage" or "lane") entry naming the titles; a new order alone is
    ("order", "", "") — the position in a cell has no words of its own.
    """
    found: list[tuple[str, str, str]] = []
    for name, new in change.new.items():
        if name == "order":
            continue
        key = "channel" if name == "channel_id" else name.removesuffix("_id")
        found.append((key, shown(plan, name, change.old[name]), shown(plan, name, new)))
    if not found and "order" in change.new:
        found.append(("order", "", ""))
    return found


def edit_fields(plan: MergePlan, edit: FieldEdit) -> list[tuple[str, str, str]]:
    """Each field a marker or persona edit changes, as (key, old, new) in words."""
    return [("channels" if name == "channel_ids" else name.removesuffix("_id"),
             _shown_edit(plan, name, edit.old[name]), _shown_edit(plan, name, new))
            for name, new in edit.new.items()]


def _shown_edit(plan: MergePlan, name: str, value: Any) -> str:
    if name == "channel_ids":
        return shown(plan, name, [plan.names.get(v, v) for v in value])
    if name == "photo":
        return "∅" if value is None else f"{len(value):,} bytes"
    return shown(plan, name, value)


def describe_edit(plan: MergePlan, edit: FieldEdit) -> str:
    """One line naming each field a marker or persona edit changes (for the CLI)."""
    return "; ".join(f"{key}: {old} → {new}" for key, old, new in edit_fields(plan, edit))


def describe_change(plan: MergePlan, change: CardChange) -> str:
    """One line naming each changed field with its old and new value (for the CLI)."""
    return "; ".join(f"{key}: {old} → {new}" if old or new else key
                     for key, old, new in changed_fields(plan, change))


def shown(plan: MergePlan, name: str, value: Any) -> str:
    """A field's value in a few words: ids as the names they stand for."""
    if name == "stage_id":
        stage = plan.stages.get(value)
        value = stage.title if stage else value
    elif name in ("lane_id", "channel_id") and value is not None:
        value = plan.names.get(value, value)
    if value is None or value == "" or value == []:
        return "∅"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    return repr(text if len(text) <= 60 else text[:59] + "…")


class _Planner:
    """Resolves each row's map, stage, lane and channel, creating what is missing."""

    def __init__(self, project: Project, create_maps: bool, default_map: str) -> None:
        self.project = project
        self.create_maps = create_maps
        self.default_map = default_map
        self.plan = MergePlan()
        self.maps: list[JourneyMap] = list(project.maps)
        self.stages: dict[str, list[Stage]] = {m.id: list(m.stages) for m in project.maps}
        self.lanes: dict[str, list[Lane]] = {m.id: list(m.lanes) for m in project.maps}
        self.channels: list[Channel] = list(project.channels)
        self.cards = {c.id: (m, c) for m in project.maps for c in m.cards}
        entities: list[Entity] = [*project.personas, *project.channels, *project.snapshots]
        for m in project.maps:
            entities.extend([m, *m.stages, *m.lanes, *m.cards, *m.markers])
        self.used_ids = {e.id for e in entities}
        # The next free order of each cell, from one pass over the cards.
        self.next_order: dict[tuple[str, str], int] = {}
        for m in project.maps:
            for c in m.cards:
                key = (c.stage_id, c.lane_id)
                self.next_order[key] = max(self.next_order.get(key, 0), c.order + 1)
        for m in project.maps:
            self.plan.map_names[m.id] = m.name
            for s in m.stages:
                self.plan.stages[s.id] = s
            self.plan.names.update({lane.id: lane.title for lane in m.lanes})
        self.plan.names.update({c.id: c.name for c in project.channels})

    def journey(self, row: CardRow, where: str) -> JourneyMap:
        wanted = fold(row.map)
        if wanted:
            found = next((m for m in self.maps if fold(m.name) == wanted or m.id == row.map),
                         None)
            if found is not None:
                return found
        elif len(self.maps) == 1:
            return self.maps[0]
        if not self.create_maps:
            known = ", ".join(repr(m.name) for m in self.project.maps) or "none"
            said = f"{row.map!r} is not a map of this project" if wanted else "is empty"
            raise SheetError(f"{where}, {_HEADERS['map'].en}: {said} (maps: {known})")
        journey = JourneyMap(name=row.map or self.default_map)
        self.maps.append(journey)
        self.stages[journey.id], self.lanes[journey.id] = [], []
        self.plan.map_names[journey.id] = journey.name
        self.plan.inserts.append(journey)
        return journey

    def stage(self, journey: JourneyMap, title: str) -> Stage:
        stages = self.stages[journey.id]
        found = next((s for s in stages if fold(s.title) == fold(title)), None)
        if found is None:
            found = Stage(map_id=journey.id, title=title,
                          color=STAGE_PALETTE[len(stages) % len(STAGE_PALETTE)])
            stages.append(found)
            self.plan.stages[found.id] = found
            self.plan.inserts.append(found)
        return found

    def lane(self, journey: JourneyMap, title: str, kind: LaneKind | None) -> Lane:
        lanes = self.lanes[journey.id]
        if not title:
            kind = LaneKind.TEXT
            title = lane_title(kind, self.project.language)
        found = next((lane for lane in lanes if fold(lane.title) == fold(title)), None)
        if found is None:
            # No kind column: a title such as "Pains" or "Điểm đau" says the kind; an
            # "Emotions" title for cards makes a text lane (markers are not cards).
            guessed = parse_kind(title)
            kind = kind or (guessed if guessed != LaneKind.EMOTIONS else None)
            found = Lane(map_id=journey.id, title=title, kind=kind or LaneKind.TEXT)
            self.plan.names[found.id] = found.title
            lanes.append(found)
            self.plan.inserts.append(found)
        return found

    def channel(self, name: str) -> str | None:
        if not name:
            return None
        wanted = fold(name)
        found = next((c for c in self.channels
                      if wanted in (fold(c.name), fold(c.key)) or c.id == name), None)
        if found is None:
            key = re.sub(r"[^a-z0-9]+", "-", wanted).strip("-") or "channel"
            found = Channel(key=key, name=name, icon="other", color="#757575")
            self.plan.names[found.id] = found.name
            self.channels.append(found)
            self.plan.inserts.append(found)
        return found.id

    def order_after(self, stage_id: str, lane_id: str) -> int:
        key = (stage_id, lane_id)
        order = self.next_order.get(key, 0)
        self.next_order[key] = order + 1
        return order

    def fresh_id(self, wanted: str) -> str:
        try:
            ok = str(uuid.UUID(wanted)) == wanted and wanted not in self.used_ids
        except ValueError:
            ok = False
        chosen = wanted if ok else new_id()
        self.used_ids.add(chosen)
        return chosen


def plan_cards(project: Project, table: CardsTable, *, covered_maps: list[str] | None = None,
               source_project: str | None = None, create_maps: bool = False,
               default_map: str = "Imported") -> MergePlan:
    """The steps that bring `project` in line with a Cards table (nothing is changed)."""
    planner = _Planner(project, create_maps, default_map)
    plan = planner.plan
    seen: dict[str, int] = {}
    matched = False  # a row's id is a card of the project
    touched_maps: set[str] = set()
    for row in table.rows:
        where = f"{table.sheet}, row {row.row}"
        if row.id and row.id in seen:
            raise SheetError(f"{where}, {_HEADERS['id'].en}: {row.id} is also on row "
                             f"{seen[row.id]}; clear the ID of a copied row to add a new card")
        if row.id:
            seen[row.id] = row.row
        known = planner.cards.get(row.id) if row.id else None
        if known is not None:
            matched = True
            journey, card = known
            if row.map and fold(row.map) != fold(journey.name) and row.map != journey.id:
                raise SheetError(f"{where}, {_HEADERS['map'].en}: the card is on the map "
                                 f"{journey.name!r}; moving cards between maps is not supported")
        else:
            journey, card = planner.journey(row, where), None
        touched_maps.add(journey.id)
        values = _values(planner, journey, row, card, table.keys, where)
        if card is None:
            _add(planner, journey, row, values)
        else:
            _change(planner, journey, row, card, values)
    # A project made from this workbook has another id but the same cards: no warning.
    if source_project and source_project != project.id and project.maps and not matched:
        plan.warnings.append("the workbook was exported from another project: "
                             "its cards are added as new cards")
    covered = [m for m in project.maps
               if m.id in (covered_maps if covered_maps else touched_maps)]
    plan.removable = [c for m in covered for c in m.cards if c.id not in seen]
    return plan


def _values(planner: _Planner, journey: JourneyMap, row: CardRow, card: Card | None,
            keys: set[str], where: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in row.values.items():
        values[_FIELD.get(key, key)] = planner.channel(value) if key == "channel" else value
    if row.stage or card is None:
        if not row.stage:
            raise SheetError(f"{where}, {_HEADERS['stage'].en}: is empty")
        values["stage_id"] = planner.stage(journey, row.stage).id
    if row.lane or card is None:
        lane = planner.lane(journey, row.lane, row.kind)
        if lane.kind == LaneKind.EMOTIONS:
            raise SheetError(f"{where}, {_HEADERS['lane'].en}: {lane.title!r} holds "
                             f"emotion markers, not cards")
        values["lane_id"] = lane.id
    if (card is None and not str(values.get("title", "")).strip()
            and not str(row.values.get("body", "")).strip()):
        raise SheetError(f"{where}, {_HEADERS['title'].en}: is empty")
    return values


def _add(planner: _Planner, journey: JourneyMap, row: CardRow, values: dict[str, Any]) -> None:
    if "order" not in values:
        values["order"] = planner.order_after(values["stage_id"], values["lane_id"])
    card = Card(map_id=journey.id, id=planner.fresh_id(row.id), **values)
    planner.plan.inserts.append(card)
    planner.plan.added.append(card)


def _change(planner: _Planner, journey: JourneyMap, row: CardRow, card: Card,
            values: dict[str, Any]) -> None:
    moved = (values.get("stage_id", card.stage_id), values.get("lane_id", card.lane_id))
    if moved != (card.stage_id, card.lane_id) and "order" not in values:
        values["order"] = planner.order_after(*moved)
    new = {k: v for k, v in values.items() if getattr(card, k) != v}
    if new:
        old = {k: getattr(card, k) for k in new}
        planner.plan.changed.append(CardChange(card, row.row, new, old))


def plan_new_map(project: Project, journey: JourneyMap) -> MergePlan:
    """The plan that adds a whole map read from a grid sheet."""
    plan = MergePlan(new_maps=[journey])
    plan.map_names = {m.id: m.name for m in project.maps} | {journey.id: journey.name}
    return plan


def apply_plan(project: Project, plan: MergePlan,
               removing: set[str]) -> tuple[list[Any], list[Any]]:
    """Apply the plan to a project in memory (the command line's path, without Qt).

    Returns what to write: the entities added or changed, and those removed. Each step
    is validated as the editor's commands validate it.
    """
    upserts: list[Any] = []
    for entity in plan.inserts:
        attach(project, entity)
        upserts.append(entity)
    for journey in plan.new_maps:
        attach(project, journey)
        upserts.extend([journey, *journey.stages, *journey.lanes, *journey.cards,
                        *journey.markers])
    for entity, new in plan.field_edits():
        validate_entity(project, dataclasses.replace(entity, **new))
        for name, value in new.items():
            setattr(entity, name, value)
        upserts.append(entity)
    removed = plan.removals(removing)
    for entity in removed:
        detach(project, entity)
    return upserts, removed
