"""The dict form read back: what survives, what takes its default, and where an error is.

An import error is one line a user reads: it must name the exact place of the bad value.
"""

import copy

import pytest

from app.domain.model import Card, JourneyMap, Lane, LaneKind, Snapshot, Stage
from app.domain.serialize import (
    FormatError,
    entity_from_dict,
    map_from_dict,
    map_to_dict,
    project_from_dict,
    project_to_dict,
)
from app.domain.templates import new_project


@pytest.fixture
def document() -> dict:
    project = new_project("awareness-5", "vi")
    journey = project.maps[0]
    journey.cards.append(Card(journey.id, journey.stages[0].id, journey.lanes[0].id, "Zalo",
                              id="c1", tags=["chat", "vip"], favourite=True))
    project.snapshots.append(Snapshot(journey.id, "Q3", copy.deepcopy(journey), id="snap",
                                      taken_at="2026-11-01T08:00:00+00:00"))
    return project_to_dict(project)


def _error(data) -> str:
    with pytest.raises(FormatError) as caught:
        project_from_dict(data)
    return str(caught.value)


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(version="1"), 'the document has no valid "version"'),
    (lambda d: d.update(version=True), 'the document has no valid "version"'),
    (lambda d: d.update(personas="Chị Lan"), "personas: expected a list"),
    (lambda d: d.update(channels={}), "channels: expected a list"),
    (lambda d: d["channels"][1].update(name=7), "channels[1].name: expected text"),
    (lambda d: d["maps"][0].update(stages="s"), "maps[0].stages: expected a list"),
    (lambda d: d["maps"][0]["cards"][0].update(tags="vip"),
     "maps[0].cards[0].tags: expected a list"),
    (lambda d: d["maps"][0]["cards"][0].update(tags=["vip", 3]),
     "maps[0].cards[0].tags: expected text"),
    (lambda d: d["maps"][0]["cards"][0].update(favourite=1),
     "maps[0].cards[0].favourite: expected true or false"),
    (lambda d: d["maps"][0]["cards"].__setitem__(0, "card"),
     "maps[0].cards[0]: expected an object"),
    (lambda d: d["snapshots"].__setitem__(0, []), "snapshots[0]: expected an object"),
    (lambda d: d["snapshots"][0].update(content=None), "snapshots[0].content: expected an object"),
    (lambda d: d["snapshots"][0]["content"]["stages"][0].update(width="wide"),
     "snapshots[0].content.stages[0].width: expected a number"),
    (lambda d: d["snapshots"][0].update(map_id=1), "snapshots[0].map_id: expected text"),
    (lambda d: d["snapshots"][0].update(name=None), "snapshots[0].name: expected text"),
    (lambda d: d["snapshots"][0].update(id=5), "snapshots[0].id: expected text"),
    (lambda d: d["snapshots"][0].update(taken_at=2026), "snapshots[0].taken_at: expected text"),
])
def test_a_bad_value_is_refused_naming_its_place(document, change, message):
    change(document)
    assert _error(document) == message


def test_the_project_reads_back_equal_with_its_snapshot(document):
    project = project_from_dict(document)
    snapshot = project.snapshots[0]
    assert (snapshot.id, snapshot.name, snapshot.taken_at) == ("snap", "Q3",
                                                               "2026-11-01T08:00:00+00:00")
    assert snapshot.content == project.maps[0]
    card = next(c for c in project.maps[0].cards if c.id == "c1")
    assert (card.title, card.tags, card.favourite) == ("Zalo", ["chat", "vip"], True)
    assert project_to_dict(project) == document


def test_a_snapshot_without_id_or_date_gets_fresh_ones(document):
    del document["snapshots"][0]["id"]
    del document["snapshots"][0]["taken_at"]
    snapshot = project_from_dict(document).snapshots[0]
    assert isinstance(snapshot.id, str) and len(snapshot.id) == 36 and snapshot.id != "snap"
    assert isinstance(snapshot.taken_at, str) and snapshot.taken_at.endswith("+00:00")


def test_a_missing_field_takes_its_default_and_the_fields_after_it_still_count():
    card = entity_from_dict(Card, {"map_id": "m", "stage_id": "s", "lane_id": "l",
                                   "title": "Zalo", "tags": ["chat"], "span": 2}, "card")
    assert (card.title, card.body, card.order, card.tags, card.span) == ("Zalo", "", 0,
                                                                         ["chat"], 2)


def test_a_map_read_alone_names_the_map_in_its_errors():
    with pytest.raises(FormatError, match=r"^map\.name: expected text$"):
        map_from_dict({"name": 5})
    with pytest.raises(FormatError, match=r"^map: expected an object$"):
        map_from_dict("map")


def test_cards_and_markers_are_written_along_the_journey():
    journey = JourneyMap("M", id="m")
    journey.stages = [Stage("m", "A", id="sa"), Stage("m", "B", id="sb")]
    journey.lanes = [Lane("m", "T", LaneKind.TOUCHPOINTS, id="lt"),
                     Lane("m", "P", LaneKind.PAINS, id="lp")]
    journey.cards = [Card("m", "sb", "lt", id="b-t-0"), Card("m", "sa", "lp", id="a-p-0"),
                     Card("m", "sa", "lt", id="a-t-1", order=1),
                     Card("m", "sa", "lt", id="a-t-0")]
    written = map_to_dict(journey)
    assert [c["id"] for c in written["cards"]] == ["a-t-0", "a-t-1", "a-p-0", "b-t-0"]
    assert map_from_dict(written) == journey
