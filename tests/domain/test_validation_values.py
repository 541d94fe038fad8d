"""Each rule refuses exactly what it should, with the message the user reads, and no more."""

import dataclasses

import pytest

from app.domain.model import (
    Card,
    Channel,
    EmotionMarker,
    Evidence,
    JourneyMap,
    Lane,
    LaneKind,
    Persona,
    Project,
    Snapshot,
    Stage,
)
from app.domain.validation import DomainError, validate_entity, validate_project, validate_score


def _project() -> Project:
    journey = JourneyMap("Mua online", id="m")
    journey.stages = [Stage("m", "Tìm", id="s")]
    journey.lanes = [Lane("m", "Chạm", LaneKind.TOUCHPOINTS, id="t"),
                     Lane("m", "Cảm xúc", LaneKind.EMOTIONS, id="e")]
    return Project("Cửa hàng", maps=[journey], channels=[Channel("web", "Website", id="web")],
                   personas=[Persona("Chị Lan", id="lan")])


CARD = Card("m", "s", "t", "Zalo")
MARKER = EmotionMarker("m", "s", "e", 0)


@pytest.mark.parametrize("entity, message", [
    (dataclasses.replace(CARD, map_id="x"), "card refers to a map that does not exist"),
    (dataclasses.replace(CARD, stage_id="x"), "card's stage is not in the card's map"),
    (dataclasses.replace(CARD, lane_id="x"), "card's lane is not in the card's map"),
    (dataclasses.replace(CARD, lane_id="e"), "the emotions lane holds emotion markers, not cards"),
    (dataclasses.replace(CARD, severity=0), "severity must be 1, 2 or 3"),
    (dataclasses.replace(CARD, severity=4), "severity must be 1, 2 or 3"),
    (dataclasses.replace(CARD, span=0), "a card spans at least one stage"),
    (dataclasses.replace(CARD, evidence="seen"), "unknown evidence level"),
    (dataclasses.replace(CARD, channel_id="zalo"),
     "card's channel is not in the project's channel catalogue"),
    (dataclasses.replace(CARD, color="red"), "card colour must look like #RRGGBB, not 'red'"),
    (dataclasses.replace(CARD, color="#12345"), "card colour must look like #RRGGBB, not '#12345'"),
    (dataclasses.replace(CARD, color="#1234567"),
     "card colour must look like #RRGGBB, not '#1234567'"),
    (dataclasses.replace(MARKER, map_id="x"), "emotion marker refers to a map that does not exist"),
    (dataclasses.replace(MARKER, stage_id="x"), "marker's stage is not in the marker's map"),
    (dataclasses.replace(MARKER, lane_id="x"), "marker's lane is not in the marker's map"),
    (dataclasses.replace(MARKER, lane_id="t"), "emotion markers belong in an emotions lane"),
    (dataclasses.replace(MARKER, score=3),
     "emotion score must be a whole number from -2 to +2, not 3"),
    (dataclasses.replace(MARKER, score=-3),
     "emotion score must be a whole number from -2 to +2, not -3"),
    (dataclasses.replace(MARKER, score=True),
     "emotion score must be a whole number from -2 to +2, not True"),
    (dataclasses.replace(MARKER, score=1.0),
     "emotion score must be a whole number from -2 to +2, not 1.0"),
    (dataclasses.replace(MARKER, position=-0.01), "marker position inside its stage must be 0..1"),
    (dataclasses.replace(MARKER, position=1.01), "marker position inside its stage must be 0..1"),
    (Stage("x", "A"), "stage refers to a map that does not exist"),
    (Stage("m", "A", width=0), "a stage's width must be above 0 and at most 20000, not 0"),
    (Stage("m", "A", color="#GGGGGG"), "stage colour must look like #RRGGBB, not '#GGGGGG'"),
    (Stage("m", "A", color=""), "stage colour must look like #RRGGBB, not ''"),
    (Lane("x", "A"), "lane refers to a map that does not exist"),
    (Lane("m", "A", kind="feelings"), "unknown lane kind"),
    (Lane("m", "A", height=0), "a lane's height must be above 0 and at most 20000, not 0"),
    (JourneyMap("  "), "a map needs a name"),
    (JourneyMap("M", state="past"), "a map's state is current or future"),
    (JourneyMap("M", persona_id="minh"), "map's persona is not in the project"),
    (JourneyMap("M", id="self", derived_from_id="self"), "a map cannot derive from itself"),
    (JourneyMap("M", emotion_min=-3), "bad emotion scale"),
    (JourneyMap("M", emotion_max=3), "bad emotion scale"),
    (JourneyMap("M", emotion_min=1, emotion_max=1), "bad emotion scale"),
    (Persona(" "), "a persona needs a name"),
    (Persona("Lan", age=-1), "age must be from 0 to 150"),
    (Persona("Lan", age=151), "age must be from 0 to 150"),
    (Persona("Lan", photo=b"GIF89a", photo_mime="image/gif"),
     "a persona photo must be PNG or JPEG"),
    (Channel("k", " "), "a channel needs a name"),
    (Channel("k", "Zalo", color="blue"), "channel colour must look like #RRGGBB, not 'blue'"),
    (Project(" "), "a project needs a title"),
    (Project("P", language="fr"), "the project language is en or vi"),
    (Snapshot("m", " ", JourneyMap("M")), "a snapshot needs a name"),
])
def test_an_invalid_entity_is_refused_with_its_reason(entity, message):
    with pytest.raises(DomainError) as caught:
        validate_entity(_project(), entity)
    assert str(caught.value) == message


@pytest.mark.parametrize("entity", [
    CARD,
    dataclasses.replace(CARD, severity=1, span=1, evidence=Evidence.OBSERVED, channel_id="web",
                        color="#a1B2c3"),
    dataclasses.replace(CARD, severity=3, color=""),
    dataclasses.replace(MARKER, score=-2, position=0.0),
    dataclasses.replace(MARKER, score=2, position=1.0),
    Stage("m", "A", width=0.5, color="#FFFFFF"),
    Lane("m", "A", LaneKind.METRICS, height=0.5),
    JourneyMap("M", persona_id="lan", derived_from_id="m", emotion_min=-2, emotion_max=2),
    JourneyMap("M", emotion_min=1, emotion_max=2),
    Persona("Lan", age=0, photo=b"\x89PNG", photo_mime="image/png"),
    Persona("Lan", age=150, photo=b"\xff\xd8", photo_mime="image/jpeg"),
    Channel("k", "Zalo", color="#000000"),
    Project("P", language="vi"),
    Project("P", language="en"),
    Snapshot("m", "Q3", JourneyMap("M")),
])
def test_a_valid_entity_at_the_edge_of_each_rule_is_accepted(entity):
    validate_entity(_project(), entity)


def test_validate_score_accepts_the_whole_scale_only():
    for score in (-2, -1, 0, 1, 2):
        validate_score(score)
    with pytest.raises(DomainError, match=r"not 2\.5"):
        validate_score(2.5)


def test_something_else_is_not_an_entity():
    with pytest.raises(TypeError, match="not a project entity: str"):
        validate_entity(_project(), "card")


def test_a_whole_project_is_checked_entity_by_entity():
    project = _project()
    journey = project.maps[0]
    journey.cards.append(dataclasses.replace(CARD, id="c"))
    journey.markers.append(dataclasses.replace(MARKER, id="k"))
    project.snapshots.append(Snapshot("m", "Q3", JourneyMap("M"), id="snap"))
    validate_project(project)

    twice = _project()
    twice.maps[0].cards.append(dataclasses.replace(CARD, id="lan"))  # the persona's id
    with pytest.raises(DomainError, match="^the id lan is used twice$"):
        validate_project(twice)

    for group, bad in (("channels", Channel("k", "")), ("personas", Persona("")),
                       ("maps", JourneyMap("")), ("snapshots", Snapshot("m", "", JourneyMap("M")))):
        broken = _project()
        getattr(broken, group).append(bad)
        with pytest.raises(DomainError, match="needs a"):
            validate_project(broken)

    misfiled = _project()
    other = JourneyMap("Khác", id="m2")
    other.stages = [Stage("m", "A", id="s2")]
    misfiled.maps.append(other)
    with pytest.raises(DomainError, match="^s2 is filed under another map$"):
        validate_project(misfiled)

    for group, bad in (("stages", Stage("m", "A", width=-1)), ("lanes", Lane("m", "A", height=-1)),
                       ("cards", dataclasses.replace(CARD, severity=9)),
                       ("markers", dataclasses.replace(MARKER, score=9))):
        broken = _project()
        getattr(broken.maps[0], group).append(bad)
        with pytest.raises(DomainError):
            validate_project(broken)
