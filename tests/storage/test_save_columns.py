"""A save updates only the columns that changed since this store last wrote the row.

What a user would see if it went wrong: an edit missing after reopening. Each test ends by
reopening the file and comparing it with the model.
"""

from __future__ import annotations

import os

import pytest

from app.domain.model import Card, Lane, LaneKind, Stage
from app.domain.tree import attach
from app.storage import ProjectStore, StorageError, writer
from app.storage.files import connect, writer_pragmas
from tests.storage.helpers import links_of, reopen, rich_project

FRAME = 24 + 4096  # one WAL frame: its header and one page


def wal_size(store: ProjectStore) -> int:
    return os.path.getsize(f"{store.path}-wal")


def test_typing_into_a_card_rewrites_its_row_not_its_indexes(opened):
    store, project = opened
    card = project.maps[0].cards[0]
    card.title = "first"
    store.write(project, [card])  # the first save of a row writes it whole
    for letter in "abcdef":
        card.title += letter
        before = wal_size(store)
        store.write(project, [card])
        # The card's page only; the whole row would also rewrite its four index pages.
        assert wal_size(store) - before <= FRAME
    assert reopen(store) == project


def test_a_save_that_failed_is_not_taken_for_what_the_file_holds(opened):
    store, project = opened
    journey = project.maps[0]
    card = journey.cards[0]
    home = card.lane_id
    card.title = "saved"
    store.write(project, [card])
    # A lane in the model but not in the file: the commit's foreign-key check refuses.
    stray = Lane(map_id=journey.id, title="never saved", kind=LaneKind.ACTIONS)
    journey.lanes.append(stray)
    card.lane_id, card.title = stray.id, "typed"
    with pytest.raises(StorageError):
        store.write(project, [card])
    journey.lanes.remove(stray)
    card.lane_id = home  # what the document's rollback does; the title is typed again
    store.write(project, [card])
    assert reopen(store).maps[0].cards[0].title == "typed"


def test_a_row_a_cascade_deleted_is_written_whole_again(opened):
    store, project = opened
    journey = project.maps[0]
    stage = journey.stages[0]
    cards = [c for c in journey.cards if c.stage_id == stage.id]
    markers = [m for m in journey.markers if m.stage_id == stage.id]
    links = links_of(journey, {stage.id, *(c.id for c in cards)})
    assert cards and links
    for card in cards:
        card.title = "remembered"
    store.write(project, cards)
    journey.stages.remove(stage)
    store.write(project, [], [stage])  # deletes the stage's cards in the file too
    attach(project, stage, 0)  # and undo: the stage and its cards come back
    cards[0].title = "back"
    store.write(project, [stage, *cards, *markers, *links])
    assert reopen(store) == project


def test_places_renumbered_by_a_save_are_not_remembered_stale(opened):
    store, project = opened
    journey = project.maps[0]
    last = journey.stages[-1]
    last.title = "remembered at its place"
    store.write(project, [last])
    added = [Stage(map_id=journey.id, title=f"new {i}") for i in range(2)]
    for stage in added:
        attach(project, stage, 0)  # the others' places move up: renumbered by the save
        store.write(project, [stage])
    for stage in added:
        journey.stages.remove(stage)
        journey.stages.append(stage)
    last.title = "renamed"
    store.write(project, [*added, last])  # `last` is back at its first place
    assert [s.id for s in reopen(store).maps[0].stages] == [s.id for s in journey.stages]


def test_a_remembered_row_missing_from_the_file_is_inserted(tmp_path):
    path = tmp_path / "m.cjm"
    project = rich_project()
    ProjectStore.create(path, project).close()
    journey = project.maps[0]
    card = Card(map_id=journey.id, stage_id=journey.stages[0].id,
                lane_id=journey.cards[0].lane_id, title="never written")
    journey.cards.append(card)
    todo = writer.plan(project, [card], [], path, project.id)
    row = todo.upserts[Card][card.id]
    # Claimed written with an older title: only the title would be updated, in no row.
    written = {(Card, card.id): tuple({**row, "title": "old"}.values())}
    raw = connect(path, "rw")
    try:
        writer_pragmas(raw)
        writer.save(raw, todo, path, written=written)
    finally:
        raw.close()
    store, loaded = ProjectStore.open(path)
    store.close()
    assert loaded == project
