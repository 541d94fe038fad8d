"""Undoable operations on connectors, saved views and dot voting (one undo step each).

Refusals raise LinkRefused (a DomainError) with a message the UI shows as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.document.commands import InsertEntity, Macro, MoveInList, SetFields, tr
from app.document.document import Document
from app.domain.model import (
    Card,
    Connector,
    ConnectorKind,
    Filter,
    JourneyMap,
    SavedView,
    Stage,
    Vote,
    VotingRound,
)
from app.domain.validation import DomainError
from app.domain.voting import VoteRefusal, can_vote


class LinkRefused(DomainError):
    """A connector, view or vote the user asked for that cannot be made; say why."""


def remove_links(journey: JourneyMap, entity: Card | Stage, macro: Macro, gone: set[str]) -> None:
    """Inside a removal macro: drop the connectors touching `entity` (and a card's votes)."""
    for connector in journey.connectors_of(entity.id):
        if connector.id not in gone:
            gone.add(connector.id)
            macro.remove(connector)
    if isinstance(entity, Card):
        for vote in [v for v in journey.votes if v.card_id == entity.id and v.id not in gone]:
            gone.add(vote.id)
            macro.remove(vote)


# -- connectors ---------------------------------------------------------------------------

def add_connector(doc: Document, journey: JourneyMap, source_id: str, target_id: str,
                  kind: ConnectorKind = ConnectorKind.FLOW, label: str = "",
                  assumed: bool = False) -> Connector:
    """Link a card to a card or a stage of the same map."""
    if source_id == target_id:
        raise LinkRefused(tr("A card cannot be linked to itself."))
    if journey.card(source_id) is None:
        raise LinkRefused(tr("A connector must start at a card of this map."))
    if journey.card(target_id) is None and journey.stage(target_id) is None:
        raise LinkRefused(tr("A connector must end at a card or a stage of this map."))
    if any(c.source_id == source_id and c.target_id == target_id and c.kind == kind
           for c in journey.connectors):
        raise LinkRefused(tr("These two are already linked this way."))
    connector = Connector(map_id=journey.id, source_id=source_id, target_id=target_id,
                          kind=kind, label=label, assumed=assumed)
    doc.push(InsertEntity(doc, connector, None, tr("Add connector")))
    return connector


# -- saved views --------------------------------------------------------------------------

def _check_view_name(journey: JourneyMap, name: str, own_id: str | None = None) -> str:
    name = name.strip()
    if not name:
        raise LinkRefused(tr("A saved view needs a name."))
    folded = name.casefold()
    if any(v.id != own_id and v.name.strip().casefold() == folded for v in journey.views):
        raise LinkRefused(tr("This map already has a view with that name."))
    return name


def add_view(doc: Document, journey: JourneyMap, name: str, filter: Filter,  # noqa: A002
             hide: bool = False, hidden_lane_ids: Iterable[str] = (),
             zoom: float | None = None) -> SavedView:
    """Save the current filter, lane visibility and zoom under a name (end of the menu)."""
    view = SavedView(map_id=journey.id, name=_check_view_name(journey, name), filter=filter,
                     hide=hide, hidden_lane_ids=list(hidden_lane_ids), zoom=zoom)
    doc.push(InsertEntity(doc, view, None, tr("Save view")))
    return view


def rename_view(doc: Document, journey: JourneyMap, view: SavedView, name: str) -> None:
    """Give a saved view another (unique) name."""
    doc.push(SetFields(doc, [(view, {"name": _check_view_name(journey, name, view.id)})],
                       tr("Rename view")))


def update_view(doc: Document, view: SavedView, **values: Any) -> None:
    """Replace a view's filter, hide flag, hidden lanes or zoom (one undo step)."""
    if "name" in values:
        raise LinkRefused("use rename_view to rename a view")
    doc.push(SetFields(doc, [(view, values)], tr("Update view")))


def move_view(doc: Document, view: SavedView, index: int) -> None:
    """Put a view at another place in the menu."""
    doc.push(MoveInList(doc, view, index, tr("Reorder views")))


def remove_view(doc: Document, view: SavedView) -> None:
    """Delete a saved view (the map itself is untouched)."""
    with doc.macro(tr("Delete view")) as macro:
        macro.remove(view)


# -- dot voting ---------------------------------------------------------------------------

def open_round(doc: Document, journey: JourneyMap, title: str, dots: int = 3,
               participants: Iterable[str] = ()) -> VotingRound:
    """Start a voting round on the map."""
    names = [p.strip() for p in participants]
    round_ = VotingRound(map_id=journey.id, title=title.strip(), dots_per_participant=dots,
                         participants=names)
    doc.push(InsertEntity(doc, round_, None, tr("Start voting round")))
    return round_


def close_round(doc: Document, round_: VotingRound) -> None:
    """No more dots in this round (its votes stay)."""
    doc.push(SetFields(doc, [(round_, {"closed": True})], tr("Close voting round")))


def reopen_round(doc: Document, round_: VotingRound) -> None:
    """Take dots again in a closed round."""
    doc.push(SetFields(doc, [(round_, {"closed": False})], tr("Reopen voting round")))


def add_vote(doc: Document, round_: VotingRound, card: Card, participant: str = "") -> Vote:
    """Put one dot on a card; refused when the round is closed or the voter has none left."""
    journey = doc.project.map(round_.map_id)
    if journey is None or card.map_id != journey.id:
        raise LinkRefused(refusal_text(VoteRefusal.NOT_ON_MAP, round_, participant))
    refusal = can_vote(journey, round_, card.id, participant)
    if refusal is not None:
        raise LinkRefused(refusal_text(refusal, round_, participant))
    vote = Vote(round_id=round_.id, card_id=card.id, participant=participant)
    doc.push(InsertEntity(doc, vote, None, tr("Vote")))
    return vote


def refusal_text(refusal: VoteRefusal, round_: VotingRound, participant: str = "") -> str:
    """Why a dot was refused, in one line in the user's language."""
    title = f"“{round_.title}”"
    if refusal is VoteRefusal.CLOSED:
        return tr("The round %1 is closed: reopen it to take dots.").replace("%1", title)
    if refusal is VoteRefusal.NOT_ON_MAP:
        return tr("That card is not on this round's map.")
    if refusal is VoteRefusal.NOT_PARTICIPANT:
        return tr("%1 is not a participant of %2.").replace("%1", f"“{participant}”") \
            .replace("%2", title)
    if refusal is VoteRefusal.ANONYMOUS_ONLY:
        return tr("The round %1 takes anonymous dots only.").replace("%1", title)
    if not participant:
        return tr("No dots left in %1.").replace("%1", title)
    return tr("%1 has no dots left in %2.").replace("%1", participant).replace("%2", title)


def remove_vote(doc: Document, vote: Vote) -> None:
    """Take one dot back."""
    with doc.macro(tr("Remove vote")) as macro:
        macro.remove(vote)


def clear_votes(doc: Document, round_: VotingRound, card: Card) -> None:
    """Take back every dot of the round on this card, as one undo step."""
    journey = doc.project.map(round_.map_id)
    votes = [] if journey is None else [v for v in journey.votes
                                        if v.round_id == round_.id and v.card_id == card.id]
    if not votes:
        return
    with doc.macro(tr("Clear votes")) as macro:
        for vote in votes:
            macro.remove(vote)
