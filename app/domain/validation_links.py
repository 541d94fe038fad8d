"""Rules for connectors, saved views, voting rounds and votes (see validation.py)."""

from __future__ import annotations

import math

from app.domain.model import (
    Connector,
    ConnectorKind,
    Filter,
    JourneyMap,
    Project,
    SavedView,
    Vote,
    VotingRound,
)

MAX_DOTS = 100
MIN_ZOOM, MAX_ZOOM = 0.05, 20.0


def _check(condition: bool, message: str) -> None:
    if not condition:
        from app.domain.validation import DomainError  # validation imports this module

        raise DomainError(message)


def map_of_round(project: Project, round_id: str) -> tuple[JourneyMap, VotingRound] | None:
    """The map holding this voting round, and the round; None when there is none."""
    for journey in project.maps:
        found = journey.round(round_id)
        if found is not None:
            return journey, found
    return None


def validate_connector(project: Project, connector: Connector) -> None:
    journey = project.map(connector.map_id)
    _check(journey is not None, "connector refers to a map that does not exist")
    assert journey is not None
    _check(isinstance(connector.kind, ConnectorKind), "unknown connector kind")
    _check(connector.source_id != connector.target_id, "a connector cannot link a card to itself")
    _check(journey.card(connector.source_id) is not None,
           "a connector must start at a card of its map")
    _check(journey.card(connector.target_id) is not None
           or journey.stage(connector.target_id) is not None,
           "a connector must end at a card or a stage of its map")


def validate_view(project: Project, view: SavedView) -> None:
    journey = project.map(view.map_id)
    _check(journey is not None, "view refers to a map that does not exist")
    assert journey is not None
    _check(view.name.strip() != "", "a saved view needs a name")
    _check(isinstance(view.filter, Filter), "a saved view's filter is not a filter")
    _check(view.zoom is None or (math.isfinite(view.zoom) and MIN_ZOOM <= view.zoom <= MAX_ZOOM),
           f"a view's zoom must be from {MIN_ZOOM:g} to {MAX_ZOOM:g}")
    folded = view.name.strip().casefold()
    _check(all(v.id == view.id or v.name.strip().casefold() != folded for v in journey.views),
           f"this map already has a view named {view.name.strip()!r}")


def validate_round(project: Project, round_: VotingRound) -> None:
    _check(project.map(round_.map_id) is not None,
           "voting round refers to a map that does not exist")
    _check(round_.title.strip() != "", "a voting round needs a title")
    _check(isinstance(round_.dots_per_participant, int)
           and 1 <= round_.dots_per_participant <= MAX_DOTS,
           f"dots per participant must be from 1 to {MAX_DOTS}")
    names = [p.strip().casefold() for p in round_.participants]
    _check(all(names), "a participant needs a name")
    _check(len(set(names)) == len(names), "a participant is listed twice")


def validate_vote(project: Project, vote: Vote) -> None:
    found = map_of_round(project, vote.round_id)
    _check(found is not None, "vote refers to a voting round that does not exist")
    assert found is not None
    journey, _round = found
    _check(journey.card(vote.card_id) is not None, "a vote must be on a card of the round's map")
