"""What a user can do to a project, each as exactly one undo step.

The canvas, dialogs and command line call these; each builds its commands, pushes them
through the document and returns what it created.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, cast

from app.document.commands import (
    MERGE_TYPING,
    InsertEntity,
    Macro,
    MoveInList,
    SetFields,
    tr,
)
from app.document.document import Document
from app.document.operations_links import remove_links
from app.domain.copying import clone_map, frozen_copy
from app.domain.model import (
    MIN_STAGE_WIDTH,
    Card,
    Channel,
    EmotionMarker,
    JourneyMap,
    Lane,
    LaneKind,
    MapState,
    Persona,
    Snapshot,
    Stage,
    VotingRound,
    new_id,
)
from app.domain.serialize import FormatError, entity_from_dict, entity_to_dict
from app.domain.templates import STAGE_PALETTE, build_map, lane_title
from app.domain.tree import Entity
from app.domain.validation import DomainError

if TYPE_CHECKING:
    from app.export.sheets.merge import MergePlan

CLIPBOARD_FORMAT = "journey-studio-clip"


def set_fields(doc: Document, entity: Any, text: str | None = None, merge: int = -1,
               **values: Any) -> None:
    """Change fields of one entity (merge=MERGE_TYPING for keystroke-by-keystroke edits)."""
    doc.push(SetFields(doc, [(entity, values)], text or tr("Edit"), merge))


def edit_text(doc: Document, entity: Any, field_name: str, value: str) -> None:
    """A text edit; consecutive edits of the same field merge into one undo step."""
    doc.push(SetFields(doc, [(entity, {field_name: value})], tr("Edit text"), MERGE_TYPING))


# -- stages and lanes ---------------------------------------------------------------------

def add_stage(doc: Document, journey: JourneyMap, title: str, index: int | None = None,
              **fields: Any) -> Stage:
    """Insert a new stage (at the end when index is None)."""
    color = fields.pop("color", STAGE_PALETTE[len(journey.stages) % len(STAGE_PALETTE)])
    stage = Stage(map_id=journey.id, title=title, color=color, **fields)
    doc.push(InsertEntity(doc, stage, index, tr("Add stage")))
    return stage


def add_lane(doc: Document, journey: JourneyMap, kind: LaneKind, title: str | None = None,
             index: int | None = None) -> Lane:
    """Insert a new lane of `kind`, titled in the project's language by default."""
    lane = Lane(map_id=journey.id, title=title or lane_title(kind, doc.project.language),
                kind=kind)
    doc.push(InsertEntity(doc, lane, index, tr("Add lane")))
    return lane


def move_in_list(doc: Document, entity: Entity, index: int, text: str | None = None) -> None:
    """Reorder a stage, lane, map, persona, channel or snapshot."""
    doc.push(MoveInList(doc, entity, index, text or tr("Reorder")))


def resize_stage(doc: Document, stage: Stage, width: float) -> None:
    """Set a stage's width, never below the minimum."""
    set_fields(doc, stage, tr("Resize stage"), width=max(MIN_STAGE_WIDTH, float(width)))


def resize_lane(doc: Document, lane: Lane, height: float) -> None:
    """Set a lane's minimum height."""
    from app.domain.model import MIN_LANE_HEIGHT

    set_fields(doc, lane, tr("Resize lane"), height=max(MIN_LANE_HEIGHT, float(height)))


# -- cards and markers --------------------------------------------------------------------

def _cells(doc: Document, journey: JourneyMap, keys: set[tuple[str, str]],
           leaving: set[str]) -> dict[tuple[str, str], list[Card]]:
    """The cards of several cells in display order, but those `leaving`."""
    return {key: [c for c in doc.cell_cards(journey, *key) if c.id not in leaving]
            for key in keys}


def _ranks(cards: list[Card], movable: set[str]) -> list[int]:
    """Increasing orders for `cards` in this sequence, changing as few cards as it can.

    Cards not in `movable` keep their order unless a card placed before them takes it;
    then they are pushed up by one, and the push stops at the first gap. So adding at
    the top or the end of a cell changes one card, not the whole cell (a cell is a
    sequence: only the orders' ranking is stored, not their values).
    """
    n = len(cards)
    next_fixed: list[int | None] = [None] * n  # order of the next card that keeps its place
    following: int | None = None
    for i in range(n - 1, -1, -1):
        next_fixed[i] = following
        if cards[i].id not in movable:
            following = cards[i].order
    ranks: list[int] = []
    prev: int | None = None
    run = 0  # movable cards met since the last fixed one
    for i, card in enumerate(cards):
        if card.id in movable:
            if prev is None:
                if run == 0:
                    size = 0
                    while i + size < n and cards[i + size].id in movable:
                        size += 1
                    ahead = next_fixed[i + size - 1]
                    start = ahead - size if ahead is not None else 0
                rank = start + run
                run += 1
            else:
                rank = prev + 1
        else:
            rank = card.order if prev is None or card.order > prev else prev + 1
        ranks.append(rank)
        prev = rank
    return ranks


def _renumber(macro: Macro, cards: list[Card], extra: dict[str, dict[str, Any]]) -> int:
    """Rank the cell's cards in this sequence; returns the rank of the new card, if any."""
    movable = {c.id for c in cards if c.id == "\0new" or c.id in extra}
    edits = []
    new_rank = 0
    for card, order in zip(cards, _ranks(cards, movable), strict=True):
        if card.id == "\0new":
            new_rank = order
            continue
        values = dict(extra.get(card.id, {}))
        if card.order != order:
            values["order"] = order
        values = {k: v for k, v in values.items() if getattr(card, k) != v}
        if values:
            edits.append((card, values))
    if edits:
        macro.set(edits)
    return new_rank


def add_card(doc: Document, journey: JourneyMap, stage_id: str, lane_id: str,
             index: int | None = None, **fields: Any) -> Card:
    """Put a new card into a cell at `index` (the end when None)."""
    lane = journey.lane(lane_id)
    if lane is not None and lane.kind == LaneKind.EMOTIONS:
        raise DomainError("the emotions lane holds emotion markers, not cards")
    cell = doc.cell_cards(journey, stage_id, lane_id)
    index = len(cell) if index is None else max(0, min(index, len(cell)))
    card = Card(map_id=journey.id, stage_id=stage_id, lane_id=lane_id, order=index, **fields)
    with doc.macro(tr("Add card")) as macro:
        card.order = _renumber(macro, cell[:index] + [_placeholder(card)] + cell[index:], {})
        macro.insert(card)
    return card


def _placeholder(card: Card) -> Card:
    # Stands for the new card while the cell is renumbered; never attached itself.
    return dataclasses.replace(card, id="\0new")


def place_cards(doc: Document, journey: JourneyMap,
                placements: list[tuple[Card, str, str, int]], text: str | None = None) -> None:
    """Move cards to (stage, lane, index) each, renumbering every cell they touch."""
    moving = {card.id for card, _, _, _ in placements}
    targets: dict[tuple[str, str], list[tuple[int, Card]]] = {}
    for card, stage_id, lane_id, index in placements:
        lane = journey.lane(lane_id)
        if lane is None or journey.stage(stage_id) is None:
            raise DomainError("cards can only move to a cell of their own map")
        if lane.kind == LaneKind.EMOTIONS:
            raise DomainError("the emotions lane holds emotion markers, not cards")
        targets.setdefault((stage_id, lane_id), []).append((index, card))
    cells = {(c.stage_id, c.lane_id) for c, _, _, _ in placements} | set(targets)
    contents = _cells(doc, journey, cells, moving)
    with doc.macro(text or tr("Move card")) as macro:
        for stage_id, lane_id in cells:
            staying = contents[(stage_id, lane_id)]
            arriving = sorted(targets.get((stage_id, lane_id), []), key=lambda p: p[0])
            for index, card in arriving:
                staying.insert(max(0, min(index, len(staying))), card)
            extra = {card.id: {"stage_id": stage_id, "lane_id": lane_id}
                     for _, card in arriving}
            _renumber(macro, staying, extra)


def move_cards(doc: Document, journey: JourneyMap, cards: list[Card], stage_id: str,
               lane_id: str, index: int) -> None:
    """Move cards together into one cell, keeping their order, starting at `index`."""
    place_cards(doc, journey, [(c, stage_id, lane_id, index + i) for i, c in enumerate(cards)],
                tr("Move cards") if len(cards) > 1 else tr("Move card"))


def add_marker(doc: Document, journey: JourneyMap, stage_id: str, lane_id: str, score: int,
               position: float = 0.5, label: str = "") -> EmotionMarker:
    """Put an emotion marker on an emotions lane."""
    marker = EmotionMarker(map_id=journey.id, stage_id=stage_id, lane_id=lane_id, score=score,
                           position=min(1.0, max(0.0, position)), label=label)
    doc.push(InsertEntity(doc, marker, None, tr("Add emotion")))
    return marker


def move_marker(doc: Document, marker: EmotionMarker, stage_id: str, position: float,
                score: int) -> None:
    """Move a marker to another place and score in one step."""
    set_fields(doc, marker, tr("Move emotion"), stage_id=stage_id,
               position=min(1.0, max(0.0, position)), score=score)


# -- removal with its cascades -------------------------------------------------------------

def _cascade(doc: Document, entity: Entity, macro: Macro, gone: set[str]) -> None:
    project = doc.project
    if isinstance(entity, (Stage, Lane)):
        journey = cast(JourneyMap, project.map(entity.map_id))  # validated: its map exists
        key = "stage_id" if isinstance(entity, Stage) else "lane_id"
        for child in journey.cards + journey.markers:
            if getattr(child, key) == entity.id and child.id not in gone:
                gone.add(child.id)
                if isinstance(child, Card):
                    remove_links(journey, child, macro, gone)
                macro.remove(child)
        if isinstance(entity, Stage):
            remove_links(journey, entity, macro, gone)
    elif isinstance(entity, Card):
        remove_links(cast(JourneyMap, project.map(entity.map_id)), entity, macro, gone)
    elif isinstance(entity, VotingRound):
        journey = cast(JourneyMap, project.map(entity.map_id))
        for vote in [v for v in journey.votes if v.round_id == entity.id and v.id not in gone]:
            gone.add(vote.id)
            macro.remove(vote)
    elif isinstance(entity, Persona):
        users = [(m, {"persona_id": None}) for m in project.maps if m.persona_id == entity.id]
        if users:
            macro.set(users)
    elif isinstance(entity, Channel):
        cards = [(c, {"channel_id": None}) for m in project.maps for c in m.cards
                 if c.channel_id == entity.id]
        personas = [(p, {"channel_ids": [i for i in p.channel_ids if i != entity.id]})
                    for p in project.personas if entity.id in p.channel_ids]
        if cards or personas:
            macro.set([*cards, *personas])
    elif isinstance(entity, JourneyMap):
        derived = [(m, {"derived_from_id": None}) for m in project.maps
                   if m.derived_from_id == entity.id and m.id not in gone]
        if derived:
            macro.set(derived)


def remove(doc: Document, entities: list[Entity], text: str | None = None) -> None:
    """Delete entities and everything that depends on them, as one undo step."""
    if not entities:
        return
    gone: set[str] = set()
    with doc.macro(text or tr("Delete")) as macro:
        for entity in entities:
            if entity.id in gone:
                continue
            gone.add(entity.id)
            _cascade(doc, entity, macro, gone)
            macro.remove(entity)


# -- duplicate, copy and paste -------------------------------------------------------------

def copy_payload(entities: list[Entity]) -> dict[str, Any]:
    """The clipboard form of cards and markers (JSON-ready)."""
    cards = [entity_to_dict(e) for e in entities if isinstance(e, Card)]
    markers = [entity_to_dict(e) for e in entities if isinstance(e, EmotionMarker)]
    return {"format": CLIPBOARD_FORMAT, "version": 1, "cards": cards, "markers": markers}


def paste(doc: Document, journey: JourneyMap, payload: Any, stage_id: str,
          lane_id: str) -> list[Entity]:
    """Insert clipboard items into a cell; markers go to the map's emotions lane."""
    if not isinstance(payload, dict) or payload.get("format") != CLIPBOARD_FORMAT:
        raise DomainError("the clipboard holds nothing Journey Studio can paste")
    try:
        cards = [entity_from_dict(Card, c, "card") for c in payload.get("cards", [])]
        markers = [entity_from_dict(EmotionMarker, m, "marker")
                   for m in payload.get("markers", [])]
    except (FormatError, TypeError) as error:
        raise DomainError(f"the clipboard content is damaged: {error}") from None
    target_lane = journey.lane(lane_id)
    emotions = next((ln for ln in journey.lanes if ln.kind == LaneKind.EMOTIONS), None)
    created: list[Entity] = []
    with doc.macro(tr("Paste")) as macro:
        if cards and target_lane is not None and target_lane.kind != LaneKind.EMOTIONS:
            start = max((c.order for c in journey.cell_cards(stage_id, lane_id)),
                        default=-1) + 1
            for i, card in enumerate(sorted(cards, key=lambda c: c.order)):
                channel = card.channel_id if doc.project.channel(card.channel_id) else None
                new = dataclasses.replace(card, id=new_id(), map_id=journey.id,
                                          stage_id=stage_id, lane_id=lane_id, order=start + i,
                                          channel_id=channel, tags=list(card.tags))
                macro.insert(new)
                created.append(new)
        if markers and emotions is not None:
            for marker in markers:
                new = dataclasses.replace(marker, id=new_id(), map_id=journey.id,
                                          stage_id=stage_id, lane_id=emotions.id)
                macro.insert(new)
                created.append(new)
    return created


def duplicate(doc: Document, journey: JourneyMap, entities: list[Entity]) -> list[Entity]:
    """Copies of cards (right after each original), markers (nudged right) and stages."""
    created: list[Entity] = []
    with doc.macro(tr("Duplicate")) as macro:
        for entity in entities:
            if isinstance(entity, Card):
                cell = journey.cell_cards(entity.stage_id, entity.lane_id)
                copy = dataclasses.replace(entity, id=new_id(), tags=list(entity.tags))
                position = cell.index(entity) + 1
                copy.order = _renumber(
                    macro, cell[:position] + [_placeholder(copy)] + cell[position:], {})
                macro.insert(copy)
                created.append(copy)
            elif isinstance(entity, EmotionMarker):
                copy = dataclasses.replace(entity, id=new_id(),
                                           position=min(1.0, entity.position + 0.1))
                macro.insert(copy)
                created.append(copy)
            elif isinstance(entity, Stage):
                created.append(_duplicate_stage(journey, entity, macro))
    return created


def _duplicate_stage(journey: JourneyMap, stage: Stage, macro: Macro) -> Stage:
    copy = dataclasses.replace(stage, id=new_id(), title=stage.title)
    macro.insert(copy, journey.stages.index(stage) + 1)
    for card in [c for c in journey.cards if c.stage_id == stage.id]:
        macro.insert(dataclasses.replace(card, id=new_id(), stage_id=copy.id,
                                         tags=list(card.tags)))
    for marker in [m for m in journey.markers if m.stage_id == stage.id]:
        macro.insert(dataclasses.replace(marker, id=new_id(), stage_id=copy.id))
    return copy


# -- maps, personas, channels, snapshots ---------------------------------------------------

def add_map(doc: Document, journey: JourneyMap, index: int | None = None,
            text: str | None = None) -> JourneyMap:
    """Insert a fully built map (with its stages, lanes, cards and markers)."""
    doc.push(InsertEntity(doc, journey, index, text or tr("Add map")))
    return journey


def new_map_from_template(doc: Document, key: str, name: str | None = None) -> JourneyMap:
    """A new map from a template, in the project's language."""
    return add_map(doc, build_map(key, doc.project.language, name), text=tr("New map"))


def duplicate_map(doc: Document, journey: JourneyMap, name: str | None = None) -> JourneyMap:
    """A copy of a map placed right after it."""
    suffix = " (bản sao)" if doc.project.language == "vi" else " (copy)"
    clone = clone_map(journey, name or journey.name + suffix)
    return add_map(doc, clone, doc.project.maps.index(journey) + 1, tr("Duplicate map"))


def create_future_state(doc: Document, journey: JourneyMap,
                        name: str | None = None) -> JourneyMap:
    """A future-state copy of a map, linked to it and placed right after it."""
    suffix = " (tương lai)" if doc.project.language == "vi" else " (future)"
    clone = clone_map(journey, name or journey.name + suffix)
    clone.state = MapState.FUTURE
    clone.derived_from_id = journey.id
    return add_map(doc, clone, doc.project.maps.index(journey) + 1, tr("Create future state"))


def add_persona(doc: Document, persona: Persona) -> Persona:
    """Add a persona to the project."""
    doc.push(InsertEntity(doc, persona, None, tr("Add persona")))
    return persona


def add_channel(doc: Document, channel: Channel) -> Channel:
    """Add a channel to the project's catalogue."""
    doc.push(InsertEntity(doc, channel, None, tr("Add channel")))
    return channel


def take_snapshot(doc: Document, journey: JourneyMap, name: str) -> Snapshot:
    """A named, dated, read-only copy of the map as it is now."""
    snapshot = Snapshot(map_id=journey.id, name=name, content=frozen_copy(journey))
    doc.push(InsertEntity(doc, snapshot, None, tr("Take snapshot")))
    return snapshot


def restore_snapshot(doc: Document, snapshot: Snapshot, name: str | None = None) -> JourneyMap:
    """A new map made from a snapshot (the snapshot itself stays as it was)."""
    journey = clone_map(snapshot.content, name or f"{snapshot.content.name} — {snapshot.name}")
    if journey.persona_id is not None and doc.project.persona(journey.persona_id) is None:
        journey.persona_id = None
    if journey.derived_from_id is not None and doc.project.map(journey.derived_from_id) is None:
        journey.derived_from_id = None
    for card in journey.cards:
        if card.channel_id is not None and doc.project.channel(card.channel_id) is None:
            card.channel_id = None
    return add_map(doc, journey, None, tr("Restore snapshot"))


# -- spreadsheet import ----------------------------------------------------------------------

def import_sheet(doc: Document, plan: MergePlan, removing: set[str]) -> None:
    """Apply a planned spreadsheet merge as one undo step (app.export.sheets.merge).

    New channels, maps, stages and lanes go in first, then the new cards, the field
    edits and, of the cards the sheet no longer lists, those chosen for removal.
    """
    if plan.empty(removing):
        return
    with doc.macro(tr("Import spreadsheet")) as macro:
        for entity in plan.inserts:
            macro.insert(entity)
        for journey in plan.new_maps:
            macro.insert(journey)
        edits = plan.field_edits()  # cards, and markers and personas of their sheets
        if edits:
            macro.set(edits)
        for entity in plan.removals(removing):
            macro.remove(entity)
