"""Builders and checks shared by the storage tests."""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
from pathlib import Path

from app.domain.model import (
    Card,
    Connector,
    ConnectorKind,
    EmotionMarker,
    Evidence,
    Filter,
    JourneyMap,
    LaneKind,
    MapState,
    Persona,
    Phase,
    Project,
    SavedView,
    Snapshot,
    Vote,
    VotingRound,
)
from app.domain.serialize import map_from_dict, map_to_dict, project_to_dict
from app.domain.templates import build_map, new_project
from app.storage import ProjectStore

ROOT = Path(__file__).resolve().parents[2]


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a second interpreter running this tree's `app`.

    Under mutmut the child inherits the mutant under test (and so tests it too), except in
    mutmut's first pass ("stats"), which records the functions each test reaches in its own
    process: a child, run in another folder, could not find mutmut's configuration.
    """
    env = dict(os.environ, PYTHONPATH=str(ROOT), **extra)
    if env.get("MUTANT_UNDER_TEST") == "stats":
        del env["MUTANT_UNDER_TEST"]
    return env


# A 1x1 transparent PNG: real image bytes with NULs and high bytes in them.
PNG_BYTES = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082"
)
TRICKY_TEXT = ["a<b", "R&D", "<b>x</b>", "Nỗi đau: phí giao hàng 😀", "tab\tnew\nline", "'\"", ""]


def digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rich_project(cards_per_cell: int = 1, seed: int = 7) -> Project:
    """A project using every field: Vietnamese, emoji, markup-like text, photo, snapshots."""
    rng = random.Random(seed)
    project = new_project("service-blueprint", "vi", title="Dự án <R&D> 😀")
    project.client, project.author = "Công ty A&B", "Nguyễn Văn Ánh"
    persona = Persona(
        name="Chị Lan 👩", description="a<b", age=34, occupation="Kế toán", quote="<b>x</b>",
        goals="Mua nhanh", motivations="R&D", behaviours="Tìm trên Google", interests="🍜",
        pains="Phí giao hàng cao", channel_ids=[project.channels[0].id, project.channels[4].id],
        photo=PNG_BYTES, photo_mime="image/png",
    )
    project.personas = [persona, Persona(name="Anh Minh")]
    journey = project.maps[0]
    journey.persona_id = persona.id
    journey.description = "Bản đồ <hiện tại>"
    future = build_map("awareness-5", "vi", name="Tương lai")
    future.state = MapState.FUTURE
    future.derived_from_id = journey.id
    project.maps.append(future)
    for target in (journey, future):
        emotions = next(lane for lane in target.lanes if lane.kind == LaneKind.EMOTIONS)
        for stage in target.stages:
            for lane in target.lanes:
                if lane.kind == LaneKind.EMOTIONS:
                    continue
                for order in range(cards_per_cell):
                    target.cards.append(_card(rng, project, target.id, stage.id, lane.id, order))
            target.markers.append(EmotionMarker(
                map_id=target.id, stage_id=stage.id, lane_id=emotions.id,
                score=rng.randint(-2, 2), position=rng.random(), label=rng.choice(TRICKY_TEXT)))
    add_links(project, journey)
    project.snapshots.append(Snapshot(map_id=journey.id, name="Q1 review <draft>",
                                      content=map_from_dict(map_to_dict(journey))))
    return project


def links_of(journey: JourneyMap, ids: set[str]) -> list[Connector | Vote]:
    """The connectors and votes that go when the cards or stages `ids` go."""
    return [*(c for c in journey.connectors if {c.source_id, c.target_id} & ids),
            *(v for v in journey.votes if v.card_id in ids)]


def add_links(project: Project, journey: JourneyMap) -> None:
    """Schema revision 3's content: connectors, a saved view, voting, phases, logo, accent."""
    project.logo, project.logo_mime, project.accent = PNG_BYTES, "image/png", "#C0392B"
    journey.stages[0].phase = Phase.DURING  # set against the title's guess
    journey.stages[1].phase = None  # automatic (the templates give every stage a phase)
    journey.stages[-1].phase = Phase.AFTER
    first, last = journey.cards[0], journey.cards[-1]
    journey.connectors += [
        Connector(map_id=journey.id, source_id=last.id, target_id=first.id,
                  kind=ConnectorKind.LOOP_BACK, label="quay lại <so sánh> & R&D"),
        Connector(map_id=journey.id, source_id=first.id, target_id=journey.stages[1].id,
                  kind=ConnectorKind.HANDOFF, assumed=True),
    ]
    pains = next(lane for lane in journey.lanes if lane.kind == LaneKind.PAINS)
    journey.views.append(SavedView(
        map_id=journey.id, name="Nỗi đau <cao>", hide=True, hidden_lane_ids=[pains.id],
        zoom=0.75, filter=Filter(tags=frozenset({"vip"}), severities=frozenset({3}),
                                 evidence=frozenset({list(Evidence)[0]}), score_min=-2)))
    journey.views.append(SavedView(map_id=journey.id, name="Tất cả"))
    voting = VotingRound(map_id=journey.id, title="Ưu tiên 😀", dots_per_participant=2,
                         participants=["Lan", "Minh"])
    journey.rounds += [voting, VotingRound(map_id=journey.id, title="Closed", closed=True)]
    journey.votes += [Vote(round_id=voting.id, card_id=first.id, participant="Lan"),
                      Vote(round_id=voting.id, card_id=first.id, participant="Minh"),
                      Vote(round_id=voting.id, card_id=last.id, participant="Lan")]


def _card(rng: random.Random, project: Project, map_id: str, stage_id: str, lane_id: str,
          order: int) -> Card:
    return Card(
        map_id=map_id, stage_id=stage_id, lane_id=lane_id, order=order,
        title=rng.choice(TRICKY_TEXT), body=rng.choice(TRICKY_TEXT) * 3,
        channel_id=rng.choice([None, project.channels[rng.randrange(13)].id]),
        color=rng.choice(["", "#A1B2C3"]), tags=rng.sample(["vip", "Nhận thức", "R&D", "😀"], 2),
        severity=rng.choice([None, 1, 2, 3]), owner="Hà", priority=rng.choice(["", "high"]),
        status="open", value=rng.choice([None, 12.5, -3.0, 1e-9]), unit="%",
        target=rng.choice([None, 80.0]), evidence=rng.choice([None, *Evidence]),
        favourite=rng.random() < 0.3, span=rng.randint(1, 2),
    )


def big_project(cards: int = 5000, seed: int = 3) -> Project:
    """A project with `cards` cards spread over two maps."""
    rng = random.Random(seed)
    project = new_project("service-blueprint")
    project.maps.append(build_map("value-journey-8"))
    for n in range(cards):
        journey = project.maps[n % 2]
        lanes = [lane for lane in journey.lanes if lane.kind != LaneKind.EMOTIONS]
        card = _card(rng, project, journey.id, rng.choice(journey.stages).id,
                     rng.choice(lanes).id, n)
        journey.cards.append(card)
    return project


def canonical(project: Project) -> dict:
    """The project as a dict, with cards and markers in id order (their list order is free)."""
    data = project_to_dict(project)
    for journey in data["maps"]:
        journey["cards"].sort(key=lambda c: c["id"])
        journey["markers"].sort(key=lambda m: m["id"])
    return data


def integrity(path: Path) -> str:
    """PRAGMA integrity_check of a closed database file."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def reopen(store: ProjectStore) -> Project:
    """Close `store`, read its file again (checked sound) and return what it holds."""
    path = store.path
    store.close()
    again, loaded = ProjectStore.open(path)
    again.close()
    assert integrity(path) == "ok"
    return loaded
