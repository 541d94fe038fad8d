"""Random edit sequences, each saved as the document layer would: the file follows the model."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.model import Card, EmotionMarker, Lane, LaneKind, Persona, Snapshot, Stage
from app.domain.serialize import map_from_dict, map_to_dict
from app.domain.templates import build_map, new_project
from app.domain.tree import attach, detach
from app.storage import ProjectStore
from tests.storage.helpers import canonical, integrity

OPS = ("add_card", "remove_card", "edit_card", "move_stage", "add_stage", "remove_stage",
       "add_lane", "remove_lane", "add_marker", "add_map", "remove_map", "reorder_maps",
       "add_persona", "remove_persona", "snapshot")


def _cascade(journey, attr: str, owner_id: str) -> list:
    """Detach the cards and markers under a removed stage or lane (as commands would)."""
    gone = [c for c in journey.cards if getattr(c, attr) == owner_id]
    gone += [m for m in journey.markers if getattr(m, attr) == owner_id]
    for item in gone:
        (journey.cards if isinstance(item, Card) else journey.markers).remove(item)
    return gone


def apply(op: str, project, rng: random.Random) -> tuple[list, list]:
    """Perform one edit on the model; return (changed, removed) for the store."""
    if not project.maps:
        fresh = build_map("inbound-4")
        attach(project, fresh)
        return [fresh, *fresh.stages, *fresh.lanes], []
    journey = rng.choice(project.maps)
    card_lanes = [lane for lane in journey.lanes if lane.kind != LaneKind.EMOTIONS]
    if op == "add_card" and journey.stages and card_lanes:
        card = Card(map_id=journey.id, stage_id=rng.choice(journey.stages).id,
                    lane_id=rng.choice(card_lanes).id, title=f"c{rng.random()}",
                    tags=["t"] * rng.randint(0, 2), order=rng.randint(0, 9))
        journey.cards.append(card)
        return [card], []
    if op == "remove_card" and journey.cards:
        card = journey.cards.pop(rng.randrange(len(journey.cards)))
        return [], [card]
    if op == "edit_card" and journey.cards:
        card = rng.choice(journey.cards)
        card.title, card.tags, card.favourite = "edited 😀", ["a<b"], not card.favourite
        return [card], []
    if op == "move_stage" and len(journey.stages) > 1:
        stage = journey.stages.pop(rng.randrange(len(journey.stages)))
        journey.stages.insert(rng.randrange(len(journey.stages) + 1), stage)
        return [stage], []
    if op == "add_stage":
        stage = Stage(map_id=journey.id, title="new", color="#00AA00")
        attach(project, stage, rng.randrange(len(journey.stages) + 1))
        return [stage], []
    if op == "remove_stage" and journey.stages:
        stage = journey.stages.pop(rng.randrange(len(journey.stages)))
        return [], [stage, *_cascade(journey, "stage_id", stage.id)]
    if op == "add_lane":
        kind = rng.choice(list(LaneKind))
        lane = Lane(map_id=journey.id, title=kind.value, kind=kind)
        attach(project, lane, rng.randrange(len(journey.lanes) + 1))
        return [lane], []
    if op == "remove_lane" and journey.lanes:
        lane = journey.lanes.pop(rng.randrange(len(journey.lanes)))
        return [], [lane, *_cascade(journey, "lane_id", lane.id)]
    emotions = [lane for lane in journey.lanes if lane.kind == LaneKind.EMOTIONS]
    if op == "add_marker" and emotions and journey.stages:
        marker = EmotionMarker(map_id=journey.id, stage_id=rng.choice(journey.stages).id,
                               lane_id=emotions[0].id, score=rng.randint(-2, 2),
                               position=rng.random())
        journey.markers.append(marker)
        return [marker], []
    if op == "add_map":
        fresh = build_map(rng.choice(["blank", "inbound-4", "service-blueprint"]))
        attach(project, fresh, rng.randrange(len(project.maps) + 1))
        return [fresh, *fresh.stages, *fresh.lanes], []
    if op == "remove_map":
        detach(project, journey)
        return [], [journey]  # children left to the cascade on purpose
    if op == "reorder_maps" and len(project.maps) > 1:
        rng.shuffle(project.maps)
        return [project.maps[0]], []
    if op == "add_persona":
        persona = Persona(name=f"P{rng.randint(0, 99)}", photo=b"\x00\xff", photo_mime="image/png")
        attach(project, persona, 0)
        return [persona], []
    if op == "remove_persona" and project.personas:
        persona = project.personas[0]
        detach(project, persona)
        linked = [m for m in project.maps if m.persona_id == persona.id]
        for m in linked:
            m.persona_id = None
        return linked, [persona]
    if op == "snapshot":
        shot = Snapshot(map_id=journey.id, name="s", content=map_from_dict(map_to_dict(journey)))
        attach(project, shot)
        return [shot], []
    project.title = f"title {rng.random()}"
    return [project], []


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(st.sampled_from(OPS), min_size=1, max_size=25), seed=st.integers(0, 10**6))
def test_random_edits_reach_the_file(tmp_path_factory, ops, seed):
    rng = random.Random(seed)
    path = tmp_path_factory.mktemp("prop") / "p.cjm"
    project = new_project("awareness-5")
    store = ProjectStore.create(path, project)
    with store:
        for op in ops:
            changed, removed = apply(op, project, rng)
            store.write(project, changed, removed)
    again, loaded = ProjectStore.open(path)
    again.close()
    assert integrity(path) == "ok"
    assert canonical(loaded) == canonical(project)
