"""store.write: upserts, removals and reorders, each one committed transaction."""

from __future__ import annotations

import sqlite3

import pytest

from app.domain.model import Card, Channel, EmotionMarker, LaneKind, Persona, Snapshot, Stage
from app.domain.serialize import map_from_dict, map_to_dict
from app.domain.templates import build_map, new_project
from app.domain.tree import attach, detach
from app.storage import ProjectStore, StorageError
from tests.storage.helpers import canonical, links_of, reopen, rich_project


def test_field_edits_of_every_kind(opened):
    store, project = opened
    journey = project.maps[0]
    project.title = "Đổi tên & <b>"
    project.channels[0].name = "Web 🌐"
    project.personas[0].photo = b"\x89PNG\r\n\x1a\n\x00\xff"
    project.personas[0].channel_ids = []
    journey.name = "Renamed"
    journey.stages[0].width = 333.5
    journey.lanes[1].collapsed = True
    journey.cards[0].tags = ["x", "y<z"]
    journey.cards[0].evidence = None
    journey.markers[0].score = -2
    project.snapshots[0].name = "Q2"
    store.write(project, [project, project.channels[0], project.personas[0], journey,
                          journey.stages[0], journey.lanes[1], journey.cards[0],
                          journey.markers[0], project.snapshots[0]], [])
    assert reopen(store) == project


def test_adds_of_every_kind(opened):
    store, project = opened
    channel = Channel(key="zalo", name="Zalo", color="#0068FF")
    persona = Persona(name="Bà Tư", age=70)
    attach(project, channel)
    attach(project, persona, 0)
    journey = build_map("inbound-4", "vi")
    journey.persona_id = persona.id
    attach(project, journey, 0)
    lane = next(lane for lane in journey.lanes if lane.kind == LaneKind.ACTIONS)
    emotions = next(lane for lane in journey.lanes if lane.kind == LaneKind.EMOTIONS)
    card = Card(map_id=journey.id, stage_id=journey.stages[1].id, lane_id=lane.id,
                title="Tìm Google", channel_id=channel.id)
    marker = EmotionMarker(map_id=journey.id, stage_id=journey.stages[0].id,
                           lane_id=emotions.id, score=2, position=1.0)
    journey.cards.append(card)
    journey.markers.append(marker)
    snapshot = Snapshot(map_id=journey.id, name="v0", content=map_from_dict(map_to_dict(journey)))
    attach(project, snapshot, 0)
    store.write(project, [channel, persona, journey, *journey.stages, *journey.lanes, card,
                          marker, snapshot])
    assert reopen(store) == project


def test_reorders_rewrite_sibling_positions(opened):
    store, project = opened
    journey = project.maps[0]
    moved = journey.stages.pop(0)
    journey.stages.append(moved)  # first stage to the end
    journey.lanes.reverse()
    project.maps.reverse()
    project.personas.reverse()
    project.channels.insert(0, project.channels.pop())
    # Only one member of each list is named: the others' places follow from the project.
    store.write(project, [moved, journey.lanes[0], project.maps[0], project.personas[0],
                          project.channels[0]])
    loaded = reopen(store)
    assert [s.id for s in loaded.maps[1].stages] == [s.id for s in journey.stages]
    assert loaded == project


def test_new_stage_in_the_middle(opened):
    store, project = opened
    journey = project.maps[1]
    stage = Stage(map_id=journey.id, title="Giữa", color="#123456")
    attach(project, stage, 2)
    store.write(project, [stage])
    assert reopen(store) == project


def test_removals_and_cascades(opened):
    store, project = opened
    journey = project.maps[0]
    stage = journey.stages[1]
    doomed_cards = [c for c in journey.cards if c.stage_id == stage.id]
    doomed_markers = [m for m in journey.markers if m.stage_id == stage.id]
    assert doomed_cards and doomed_markers
    doomed_links = links_of(journey, {stage.id, *(c.id for c in doomed_cards)})
    assert doomed_links
    detach(project, stage)
    for item in doomed_cards + doomed_markers + doomed_links:
        detach(project, item)
    # The children and links are removed by the stage's cascade even when not listed
    # (a connector's target has no foreign key: the save removes those itself).
    store.write(project, [], [stage])
    assert reopen(store) == project


def test_removing_a_map_leaves_no_orphans(tmp_path):
    project = rich_project()
    path = tmp_path / "m.cjm"
    store = ProjectStore.create(path, project)
    doomed = project.maps[1]
    detach(project, doomed)
    store.write(project, [], [doomed])  # children not listed on purpose
    store.close()
    conn = sqlite3.connect(path)
    try:
        for table in ("stage", "lane", "card", "emotion_marker"):
            count = conn.execute(f"SELECT count(*) FROM {table} WHERE map_id = ?",
                                 (doomed.id,)).fetchone()[0]
            assert count == 0, table
    finally:
        conn.close()
    again, loaded = ProjectStore.open(path)
    again.close()
    assert loaded == project


def test_remove_then_reinsert_like_undo(opened):
    store, project = opened
    journey = project.maps[0]
    card = journey.cards[3]
    where = detach(project, card)
    store.write(project, [], [card])
    attach(project, card, where)  # undo puts it back at its old place in the list
    store.write(project, [card], [])
    loaded = reopen(store)
    # Card list order is not meaningful (display order is `order` within a cell).
    assert canonical(loaded) == canonical(project)
    assert loaded.maps[0].cells() == journey.cells()


def test_entity_in_both_lists_is_kept(opened):
    store, project = opened
    stage = project.maps[0].stages[0]
    stage.title = "kept"
    store.write(project, [stage], [stage])
    assert reopen(store) == project


def test_persona_removal_clears_the_maps_link_in_the_file(opened):
    store, project = opened
    persona = project.personas[0]
    detach(project, persona)
    project.maps[0].persona_id = None
    store.write(project, [project.maps[0]], [persona])
    assert reopen(store) == project


def test_each_write_commits_at_once(opened):
    store, project = opened
    project.title = "committed"
    store.write(project, [project])
    # Another connection sees it before the store is closed.
    conn = sqlite3.connect(store.path)
    try:
        assert conn.execute("SELECT title FROM project").fetchone()[0] == "committed"
    finally:
        conn.close()


def test_a_failed_write_rolls_back_and_the_store_stays_usable(opened):
    store, project = opened
    journey = project.maps[0]
    project.title = "not saved"
    ghost = Stage(map_id=journey.id, title="ghost")  # never saved to the file
    card = journey.cards[0]
    card.stage_id = ghost.id
    journey.stages.append(ghost)
    # Validation passes in memory, but the stage row is missing: the deferred foreign key
    # fails at COMMIT, and the whole write (title included) must roll back.
    with pytest.raises(StorageError, match="FOREIGN KEY"):
        store.write(project, [project, card])
    journey.stages.remove(ghost)
    card.stage_id = journey.stages[0].id
    project.title = "saved"
    store.write(project, [project, card])
    loaded = reopen(store)
    assert loaded.title == "saved"
    assert loaded == project


def test_invalid_entities_are_refused_before_writing(opened):
    store, project = opened
    journey = project.maps[0]
    emotions = next(lane for lane in journey.lanes if lane.kind == LaneKind.EMOTIONS)
    card = Card(map_id=journey.id, stage_id=journey.stages[0].id, lane_id=emotions.id)
    journey.cards.append(card)
    with pytest.raises(StorageError, match="emotions lane holds emotion markers"):
        store.write(project, [card])
    journey.cards.remove(card)
    assert reopen(store) == project


def test_programming_errors(opened):
    store, project = opened
    stray = Stage(map_id=project.maps[0].id, title="not attached")
    with pytest.raises(ValueError, match="not in the project"):
        store.write(project, [stray])
    with pytest.raises(TypeError):
        store.write(project, ["a string"])
    with pytest.raises(TypeError):
        store.write(project, [], [project])
    stranger = new_project()
    with pytest.raises(ValueError, match="this file holds project"):
        store.write(stranger, [stranger])
    assert reopen(store) == project


def test_read_only_store_refuses_writes(tmp_path):
    project = new_project()
    ProjectStore.create(tmp_path / "r.cjm", project).close()
    store, loaded = ProjectStore.open(tmp_path / "r.cjm", read_only=True)
    with store, pytest.raises(StorageError, match="read-only"):
        store.write(loaded, [loaded])


def test_overwriting_a_file_drops_the_wal_a_crash_left_beside_it(tmp_path):
    from app.domain.templates import new_project as make_project

    path = tmp_path / "p.cjm"
    first = make_project("awareness-5")
    ProjectStore.create(path, first).close()
    stale = tmp_path / "p.cjm-wal"
    stale.write_bytes(b"\x37\x7f\x06\x82" + b"\0" * 60)  # a WAL header from an old crash
    replacement = make_project("inbound-4")
    store = ProjectStore.create(path, replacement, overwrite=True)
    # The new file's own WAL (if any) is not the stale one.
    assert not stale.exists() or not stale.read_bytes().startswith(b"\x37\x7f\x06\x82")
    store.close()
    store, loaded = ProjectStore.open(path, read_only=True)
    store.close()
    assert loaded == replacement
