"""What store.write refuses, in exact lines; a refused write leaves the file as it was."""

from __future__ import annotations

import pytest

from app.domain.model import Card, LaneKind, Stage
from app.domain.templates import new_project
from app.storage import ProjectStore, StorageError, guard
from tests.storage.helpers import big_project, digest
from tests.storage.test_write import reopen


def test_a_link_to_a_row_not_in_the_file_rolls_the_whole_write_back(opened):
    store, project = opened
    journey = project.maps[0]
    ghost = Stage(map_id=journey.id, title="ghost")
    journey.stages.append(ghost)
    journey.cards[0].stage_id = ghost.id
    project.title = "not saved"
    with pytest.raises(StorageError) as caught:
        store.write(project, [project, journey.cards[0]])
    assert str(caught.value) == 'could not save "w.cjm" (FOREIGN KEY constraint failed)'


def test_an_entity_the_domain_refuses_is_named(opened):
    store, project = opened
    journey = project.maps[0]
    emotions = next(lane for lane in journey.lanes if lane.kind == LaneKind.EMOTIONS)
    card = Card(map_id=journey.id, stage_id=journey.stages[0].id, lane_id=emotions.id)
    journey.cards.append(card)
    with pytest.raises(StorageError) as caught:
        store.write(project, [card])
    assert str(caught.value).startswith('could not save "w.cjm": ')
    assert "emotions lane holds emotion markers" in str(caught.value)
    journey.cards.remove(card)
    assert reopen(store) == project


def test_programming_errors_say_exactly_what_is_wrong(opened):
    store, project = opened
    stray = Stage(map_id=project.maps[0].id, title="not attached")
    with pytest.raises(ValueError) as caught:
        store.write(project, [stray])
    assert str(caught.value) == (f"Stage {stray.id} is not in the project; list it in "
                                 "`removed` instead")
    for changed, removed in ((["a string"], []), ([], ["a string"])):
        with pytest.raises(TypeError) as caught:
            store.write(project, changed, removed)
        assert str(caught.value) == "not a storable project entity: str"
    with pytest.raises(TypeError) as caught:
        store.write(project, [], [project])
    assert str(caught.value) == "the project itself cannot be removed from its file"
    stranger = new_project()
    with pytest.raises(ValueError) as caught:
        store.write(stranger, [stranger])
    assert str(caught.value) == f"this file holds project {project.id}, not {stranger.id}"
    assert reopen(store) == project


def test_nothing_to_write_writes_nothing(opened, tmp_path):
    store, project = opened
    store.close()
    before = digest(tmp_path / "w.cjm")
    again, loaded = ProjectStore.open(tmp_path / "w.cjm")
    again.write(loaded)
    again.write(loaded, [], [])
    again.close()
    assert digest(tmp_path / "w.cjm") == before


def test_a_write_past_its_time_limit_is_stopped_and_nothing_saved(tmp_path, monkeypatch):
    project = big_project(cards=3000)
    path = tmp_path / "big.cjm"
    ProjectStore.create(path, project).close()
    store, loaded = ProjectStore.open(path)
    try:
        for journey in loaded.maps:
            for card in journey.cards:
                card.title = "renamed"
        cards = [card for journey in loaded.maps for card in journey.cards]
        monkeypatch.setattr(guard, "QUERY_LIMIT_S", -1.0)  # already past when it starts
        with pytest.raises(StorageError) as caught:
            store.write(loaded, cards)
        assert str(caught.value) == ('saving "big.cjm" took too long and was stopped; the '
                                     "file may be damaged or made to hang Journey Studio")
        monkeypatch.undo()
        loaded.title = "after"
        store.write(loaded, [loaded])
    finally:
        store.close()
    reader, reread = ProjectStore.open(path, read_only=True)
    reader.close()
    assert reread.title == "after"
    assert not any(card.title == "renamed" for journey in reread.maps for card in journey.cards)
