"""The canvas lays out only what changed, and the result equals a full layout."""

from __future__ import annotations

import random

import pytest

from app.canvas.items.card import CardItem
from app.document import operations as ops
from app.domain.layout import MapLayout, compute_layout
from app.domain.live_layout import LiveLayout
from tests.canvas.conftest import assert_scene_matches_model
from tests.document.random_ops import apply_random_op


def _flat(layout: MapLayout) -> tuple:
    cards = {i: (b.rect, b.title_lines, b.body_lines, b.truncated, b.header_height)
             for i, b in layout.cards.items()}
    return (layout.width, layout.height, layout.stage_rects, layout.lane_rects, cards,
            {i: (m.x, m.y, m.score) for i, m in layout.markers.items()}, layout.curves,
            layout.neutral_y)


@pytest.mark.parametrize("seed", range(6))
def test_incremental_layout_equals_a_full_layout_after_random_edits(view, doc, seed):
    rng = random.Random(100 + seed)
    scene = view.map_scene
    for _ in range(40):
        apply_random_op(doc, rng)
        journey = scene.journey
        if journey is None:
            break
        assert _flat(scene.layout) == _flat(compute_layout(journey, scene.wrapper))
        assert_scene_matches_model(view)


def test_card_edits_fed_to_a_live_layout_match_compute_layout(doc):
    journey = doc.sample["map"]
    live = LiveLayout(__import__("app.canvas.text", fromlist=["x"]).shared_wrapper())
    live.rebuild(journey)
    rng = random.Random(7)
    cards = list(journey.cards)
    for step in range(30):
        card = rng.choice(cards)
        card.title = card.title + " lời dài hơn" * rng.randint(0, 3)
        if step % 5 == 0:
            card.span = rng.choice([1, 2])
        before = {i: (b.x, b.dy, b.w, b.h) for i, b in live.layout.cards.items()}
        delta = live.update_cards(journey, [card], [])
        assert _flat(live.layout) == _flat(compute_layout(journey, live.wrapper))
        assert (card.stage_id, card.lane_id) in delta.cells
        for card_id, box in live.layout.cards.items():  # a card moved in its lane: its cell
            if (box.x, box.dy, box.w, box.h) != before.get(card_id):
                assert (box.card.stage_id, box.card.lane_id) in delta.cells


def test_a_one_card_edit_rewraps_and_touches_only_that_card(view, doc, monkeypatch):
    scene = view.map_scene
    card = doc.sample["cards"][0]
    wrapped, applied = [], []
    real_wrap = scene.wrapper.wrap
    monkeypatch.setattr(scene.wrapper, "wrap",
                        lambda text, *a: wrapped.append(text) or real_wrap(text, *a))
    real_apply = CardItem.apply
    monkeypatch.setattr(CardItem, "apply",
                        lambda self, *a: applied.append(self.entity_id) or real_apply(self, *a))
    ops.edit_text(doc, card, "title", card.title + "!")
    assert wrapped == [card.title]
    assert applied == [card.id]
    assert scene.cards[card.id].box.card.title.endswith("!")
