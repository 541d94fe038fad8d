"""Rules an entity must meet before it joins a project, with messages a user can act on."""

from __future__ import annotations

import math
import re

from app.domain.model import (
    SCORE_MAX,
    SCORE_MIN,
    Card,
    Channel,
    Connector,
    EmotionMarker,
    Evidence,
    JourneyMap,
    Lane,
    LaneKind,
    MapState,
    Persona,
    Phase,
    Project,
    SavedView,
    Snapshot,
    Stage,
    Vote,
    VotingRound,
)

_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
# Stage widths and lane heights in model units: far beyond any real map, far below overflow.
MAX_EXTENT = 20_000.0


class DomainError(ValueError):
    """A change that would make the project invalid; the message is for the user."""


from app.domain.validation_links import (  # noqa: E402  # it raises DomainError, defined above
    validate_connector,
    validate_round,
    validate_view,
    validate_vote,
)


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise DomainError(message)


def _check_color(value: str, what: str, allow_empty: bool = False) -> None:
    if allow_empty and value == "":
        return
    _check(bool(_COLOR.match(value)), f"{what} colour must look like #RRGGBB, not {value!r}")


def _map_of(project: Project, map_id: str, what: str) -> JourneyMap:
    journey = project.map(map_id)
    _check(journey is not None, f"{what} refers to a map that does not exist")
    return journey  # type: ignore[return-value]


def validate_score(score: object) -> None:
    """An emotion score is a whole number from −2 to +2."""
    _check(
        isinstance(score, int) and not isinstance(score, bool) and SCORE_MIN <= score <= SCORE_MAX,
        f"emotion score must be a whole number from {SCORE_MIN} to +{SCORE_MAX}, not {score!r}",
    )


def _validate_card(project: Project, card: Card) -> None:
    journey = _map_of(project, card.map_id, "card")
    stage = journey.stage(card.stage_id)
    lane = journey.lane(card.lane_id)
    _check(stage is not None, "card's stage is not in the card's map")
    _check(lane is not None, "card's lane is not in the card's map")
    _check(lane is not None and lane.kind != LaneKind.EMOTIONS,
           "the emotions lane holds emotion markers, not cards")
    _check(card.severity is None or card.severity in (1, 2, 3), "severity must be 1, 2 or 3")
    _check(card.span >= 1, "a card spans at least one stage")
    _check(all(v is None or math.isfinite(v) for v in (card.value, card.target)),
           "a metric's value and target must be finite numbers")
    _check(card.evidence is None or isinstance(card.evidence, Evidence), "unknown evidence level")
    _check(
        card.channel_id is None or project.channel(card.channel_id) is not None,
        "card's channel is not in the project's channel catalogue",
    )
    _check_color(card.color, "card", allow_empty=True)


def _validate_marker(project: Project, marker: EmotionMarker) -> None:
    journey = _map_of(project, marker.map_id, "emotion marker")
    _check(journey.stage(marker.stage_id) is not None, "marker's stage is not in the marker's map")
    lane = journey.lane(marker.lane_id)
    _check(lane is not None, "marker's lane is not in the marker's map")
    _check(lane is not None and lane.kind == LaneKind.EMOTIONS,
           "emotion markers belong in an emotions lane")
    validate_score(marker.score)
    _check(0.0 <= marker.position <= 1.0, "marker position inside its stage must be 0..1")


def _validate_map(project: Project, journey: JourneyMap) -> None:
    _check(journey.name.strip() != "", "a map needs a name")
    _check(isinstance(journey.state, MapState), "a map's state is current or future")
    _check(
        journey.persona_id is None or project.persona(journey.persona_id) is not None,
        "map's persona is not in the project",
    )
    _check(journey.derived_from_id != journey.id, "a map cannot derive from itself")
    _check(SCORE_MIN <= journey.emotion_min < journey.emotion_max <= SCORE_MAX, "bad emotion scale")


def validate_entity(project: Project, entity: object) -> None:
    """Raise DomainError when the entity cannot be part of this project as it is."""
    if isinstance(entity, Card):
        _validate_card(project, entity)
    elif isinstance(entity, EmotionMarker):
        _validate_marker(project, entity)
    elif isinstance(entity, Stage):
        _map_of(project, entity.map_id, "stage")
        _check(0 < entity.width <= MAX_EXTENT,
               f"a stage's width must be above 0 and at most {MAX_EXTENT:g}, not {entity.width!r}")
        _check_color(entity.color, "stage")
        _check(entity.phase is None or isinstance(entity.phase, Phase), "unknown stage phase")
    elif isinstance(entity, Lane):
        _map_of(project, entity.map_id, "lane")
        _check(isinstance(entity.kind, LaneKind), "unknown lane kind")
        _check(0 < entity.height <= MAX_EXTENT,
               f"a lane's height must be above 0 and at most {MAX_EXTENT:g}, not {entity.height!r}")
    elif isinstance(entity, JourneyMap):
        _validate_map(project, entity)
    elif isinstance(entity, Persona):
        _check(entity.name.strip() != "", "a persona needs a name")
        _check(entity.age is None or 0 <= entity.age <= 150, "age must be from 0 to 150")
        _check(entity.photo is None or entity.photo_mime in ("image/png", "image/jpeg"),
               "a persona photo must be PNG or JPEG")
    elif isinstance(entity, Channel):
        _check(entity.name.strip() != "", "a channel needs a name")
        _check_color(entity.color, "channel")
    elif isinstance(entity, Project):
        _check(entity.title.strip() != "", "a project needs a title")
        _check(entity.language in ("en", "vi"), "the project language is en or vi")
        _check(entity.logo is None or entity.logo_mime in ("image/png", "image/jpeg"),
               "a project logo must be PNG or JPEG")
        _check_color(entity.accent, "accent", allow_empty=True)
    elif isinstance(entity, Snapshot):
        _check(entity.name.strip() != "", "a snapshot needs a name")
    elif isinstance(entity, Connector):
        validate_connector(project, entity)
    elif isinstance(entity, SavedView):
        validate_view(project, entity)
    elif isinstance(entity, VotingRound):
        validate_round(project, entity)
    elif isinstance(entity, Vote):
        validate_vote(project, entity)
    else:
        raise TypeError(f"not a project entity: {type(entity).__name__}")


def validate_project(project: Project) -> None:
    """Check every entity of a whole project (after loading or importing it)."""
    seen: set[str] = set()

    def _unique(entity_id: str) -> None:
        _check(entity_id not in seen, f"the id {entity_id} is used twice")
        seen.add(entity_id)

    validate_entity(project, project)  # title and language, as on every write
    for group in (project.channels, project.personas, project.maps, project.snapshots):
        for entity in group:
            _unique(entity.id)
            validate_entity(project, entity)
    for journey in project.maps:
        for group in (journey.stages, journey.lanes, journey.cards, journey.markers,
                      journey.connectors, journey.views, journey.rounds):
            for entity in group:
                _unique(entity.id)
                _check(entity.map_id == journey.id, f"{entity.id} is filed under another map")
                validate_entity(project, entity)
        for vote in journey.votes:
            _unique(vote.id)
            _check(journey.round(vote.round_id) is not None,
                   f"the vote {vote.id} is filed under another map than its round")
            validate_entity(project, vote)
