"""Each map's cards by cell, kept from the change events, so that a command finds the
cards of a cell without a pass over the whole map (a drop's cost must not grow with it)."""

from __future__ import annotations

from app.domain.events import Change, ChangeKind
from app.domain.model import Card, JourneyMap

CellKey = tuple[str, str]  # (stage id, lane id)


class _MapCells:
    def __init__(self, journey: JourneyMap) -> None:
        self.journey = journey
        self.where: dict[str, CellKey] = {}
        self.cells: dict[CellKey, dict[str, Card]] = {}
        for card in journey.cards:
            self.put(card)

    def put(self, card: Card) -> None:
        key = (card.stage_id, card.lane_id)
        old = self.where.get(card.id)
        if old is not None and old != key:
            self.take(card.id)
        self.where[card.id] = key
        self.cells.setdefault(key, {})[card.id] = card

    def take(self, card_id: str) -> None:
        key = self.where.pop(card_id, None)
        if key is not None:
            cell = self.cells[key]
            del cell[card_id]
            if not cell:
                del self.cells[key]


class CardsByCell:
    """The cards of every cell, followed from each batch of changes (`follow`).

    What it answers is checked against the map as cheaply as it can be (the map holds as
    many cards, each card named is in that cell), and it is built anew from the map when
    that fails, so a change it did not hear of costs a pass, never a wrong answer there.
    """

    def __init__(self) -> None:
        self._maps: dict[str, _MapCells] = {}

    def follow(self, changes: list[Change]) -> None:
        """Take in one batch of changes (the model already holds them)."""
        for change in changes:
            entity = change.entity
            if isinstance(entity, Card):
                # (A card moved to another map is still in the old map's cells: that map
                # holds one card fewer than they do, so they are built anew when asked.)
                cells = self._maps.get(entity.map_id)
                if cells is None:
                    continue  # built when first asked
                if change.kind == ChangeKind.REMOVED:
                    cells.take(entity.id)
                else:
                    cells.put(entity)
            elif isinstance(entity, JourneyMap) and change.kind == ChangeKind.REMOVED:
                self._maps.pop(entity.id, None)  # not kept for a map that is gone

    def cards(self, journey: JourneyMap, stage_id: str, lane_id: str) -> list[Card]:
        """The cell's cards in display order, as JourneyMap.cell_cards gives them."""
        key = (stage_id, lane_id)
        cells = self._maps.get(journey.id)
        if cells is None or cells.journey is not journey or len(cells.where) != len(
                journey.cards):
            cells = self._maps[journey.id] = _MapCells(journey)
        cell = list(cells.cells.get(key, {}).values())
        if any(c.stage_id != stage_id or c.lane_id != lane_id for c in cell):
            cells = self._maps[journey.id] = _MapCells(journey)
            cell = list(cells.cells.get(key, {}).values())
        cell.sort(key=lambda c: c.order)
        if any(a.order == b.order for a, b in zip(cell, cell[1:], strict=False)):
            return journey.cell_cards(stage_id, lane_id)  # ties keep the map's list order
        return cell
