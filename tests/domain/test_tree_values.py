"""Where each entity lives in a project: found, put in and taken out, with clear refusals."""

import pytest

from app.domain.model import (
    Card,
    Channel,
    JourneyMap,
    Lane,
    LaneKind,
    Persona,
    Project,
    Stage,
    Vote,
)
from app.domain.tree import attach, container_of, detach, find, index_of, is_attached
from app.domain.validation import DomainError


def _project() -> Project:
    journey = JourneyMap("M", id="m")
    journey.stages = [Stage("m", "A", id="s")]
    journey.lanes = [Lane("m", "T", LaneKind.TOUCHPOINTS, id="l")]
    journey.cards = [Card("m", "s", "l", "x", id="c")]
    return Project("P", maps=[journey], personas=[Persona("Lan", id="lan")],
                   channels=[Channel("web", "Web", id="web")])


def test_find_reaches_project_lists_and_map_children():
    project = _project()
    assert find(project, "lan") is project.personas[0]
    assert find(project, "web") is project.channels[0]
    assert find(project, "m") is project.maps[0]
    assert find(project, "c") is project.maps[0].cards[0]
    assert find(project, "s") is project.maps[0].stages[0]
    assert find(project, "nothing") is None


def test_attach_puts_an_entity_at_its_place_and_refuses_a_second_with_its_id():
    project = _project()
    first = Stage("m", "Đầu", id="s0")
    attach(project, first, 0)
    last = Stage("m", "Cuối", id="s9")
    attach(project, last)
    assert [s.id for s in project.maps[0].stages] == ["s0", "s", "s9"]
    with pytest.raises(DomainError) as caught:
        attach(project, Stage("m", "Lại", id="s"))
    assert str(caught.value) == "an item with id s already exists"


def test_detach_returns_the_place_and_refuses_what_is_not_there():
    project = _project()
    card = project.maps[0].cards[0]
    assert index_of(project, card) == 0 and is_attached(project, card)
    assert detach(project, card) == 0
    assert index_of(project, card) == -1 and not is_attached(project, card)
    with pytest.raises(DomainError) as caught:
        detach(project, card)
    assert str(caught.value) == "Card c is not in the project"
    twin = Persona("Lan", id="lan")  # equal but not the same object
    assert index_of(project, twin) == -1


def test_an_entity_of_a_missing_map_or_no_entity_at_all_is_refused():
    project = _project()
    with pytest.raises(DomainError) as caught:
        container_of(project, Card("gone", "s", "l"))
    assert str(caught.value) == "card refers to a map that does not exist"
    assert not is_attached(project, Card("gone", "s", "l"))
    with pytest.raises(TypeError) as caught:
        container_of(project, "card")
    assert str(caught.value) == "not a project entity: str"


def test_a_vote_whose_round_does_not_exist_is_refused_with_its_reason():
    with pytest.raises(DomainError) as refused:
        container_of(_project(), Vote(round_id="no-such-round", card_id="c"))
    assert str(refused.value) == "vote refers to a voting round that does not exist"
