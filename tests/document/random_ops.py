"""Random user operations for property and durability tests, reproducible from a seed."""

from __future__ import annotations

import random
import uuid
from contextlib import contextmanager

from app.document import operations as ops
from app.domain.model import LaneKind, Persona
from app.domain.serialize import project_to_dict

TITLES = ["Tìm trên Google", "Phí ship cao 😞", "a<b", "R&D", "<b>x</b>", "Thanh toán COD",
          "Zalo chat", ""]


@contextmanager
def seeded_ids(seed: int):
    """Make uuid4 (and so every new entity id) reproducible inside the block."""
    rng = random.Random(seed)
    original = uuid.uuid4
    uuid.uuid4 = lambda: uuid.UUID(int=rng.getrandbits(128), version=4)
    try:
        yield
    finally:
        uuid.uuid4 = original


def canonical(project) -> dict:
    """The project's dict form without the timestamps that change on every write."""
    data = project_to_dict(project)
    data["project"].pop("modified", None)
    for snapshot in data["snapshots"]:
        snapshot.pop("taken_at", None)
    return data


def _card_lanes(journey):
    return [lane for lane in journey.lanes if lane.kind != LaneKind.EMOTIONS]


def apply_random_op(doc, rng: random.Random) -> str:
    """Apply one random operation — exactly one command, undo or redo — and return its name."""
    project = doc.project
    journey = project.maps[rng.randrange(len(project.maps))]
    choice = rng.choice(["add_card", "add_card", "move", "edit", "marker", "stage", "lane",
                         "remove", "resize", "reorder", "undo", "redo", "future", "persona",
                         "assign", "snapshot", "duplicate"])
    stages, lanes = journey.stages, _card_lanes(journey)
    emotions = [lane for lane in journey.lanes if lane.kind == LaneKind.EMOTIONS]
    if choice == "add_card" and stages and lanes:
        ops.add_card(doc, journey, rng.choice(stages).id, rng.choice(lanes).id,
                     rng.randint(0, 3), title=rng.choice(TITLES), body=rng.choice(TITLES))
    elif choice == "move" and journey.cards and stages and lanes:
        picked = rng.sample(journey.cards, min(len(journey.cards), rng.randint(1, 3)))
        ops.move_cards(doc, journey, picked, rng.choice(stages).id, rng.choice(lanes).id,
                       rng.randint(0, 4))
    elif choice == "edit" and journey.cards:
        ops.edit_text(doc, rng.choice(journey.cards), rng.choice(["title", "body"]),
                      rng.choice(TITLES) + str(rng.randint(0, 9)))
    elif choice == "marker" and stages and emotions:
        ops.add_marker(doc, journey, rng.choice(stages).id, emotions[0].id,
                       rng.randint(-2, 2), rng.random())
    elif choice == "stage":
        ops.add_stage(doc, journey, rng.choice(TITLES) or "Stage", rng.randint(0, len(stages)))
    elif choice == "lane":
        ops.add_lane(doc, journey, rng.choice(list(LaneKind)), index=rng.randint(0, len(lanes)))
    elif choice == "remove":
        pool = journey.cards + journey.markers + journey.stages[:1] + journey.lanes[:1]
        if pool:
            ops.remove(doc, [rng.choice(pool)])
    elif choice == "resize" and stages:
        ops.resize_stage(doc, rng.choice(stages), rng.uniform(100, 400))
    elif choice == "reorder" and len(stages) > 1:
        ops.move_in_list(doc, rng.choice(stages), rng.randrange(len(stages)))
    elif choice == "undo":
        doc.undo()
    elif choice == "redo":
        doc.redo()
    elif choice == "future" and len(project.maps) < 3:
        ops.create_future_state(doc, journey)
    elif choice == "persona":
        ops.add_persona(doc, Persona(name="Chị Lan", age=rng.randint(18, 70),
                                     photo=b"\x89PNG fake", photo_mime="image/png"))
    elif choice == "assign" and project.personas:
        ops.set_fields(doc, journey, persona_id=rng.choice(project.personas).id)
    elif choice == "snapshot":
        ops.take_snapshot(doc, journey, f"Đánh giá Q{rng.randint(1, 4)}")
    elif choice == "duplicate" and journey.cards:
        ops.duplicate(doc, journey, [rng.choice(journey.cards)])
    else:
        return "skip"
    return choice
