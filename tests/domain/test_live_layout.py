"""A live layout fed card changes stays equal to the map laid out by hand, and says what moved.

The expected layout is worked out here from the rules (cards stacked in their cell from the
padding down with a gap between them, a wide card pushing down every column it covers, a
lane as tall as its tallest column or its own height), not by the code under test, so a
bug shared by the full and the incremental layout still shows. A measurer of 10 px per
character makes every wrap predictable.
"""

from __future__ import annotations

import copy
import random

import pytest

from app.domain import style
from app.domain.layout import Rect, TextWrapper, card_shape, compute_layout
from app.domain.live_layout import LiveLayout
from app.domain.model import Card, EmotionMarker, JourneyMap, Lane, LaneKind, Stage

PAD, GAP = style.CELL_PADDING, style.CARD_GAP
WORDS = ["ok", "khách", "hàng", "mua", "thẻ", "giao", "diện", "chậm", "x" * 30]


def spy_on_placing(monkeypatch) -> list[str]:
    """The ids of the cards the layout places from now on, in the order it places them."""
    placed: list[str] = []
    real = LiveLayout._put

    def put(self, card, *args):
        placed.append(card.id)
        return real(self, card, *args)

    monkeypatch.setattr(LiveLayout, "_put", put)
    return placed


def _wrapper() -> TextWrapper:
    return TextWrapper(lambda text, size, bold: 10.0 * len(text))


def _map() -> JourneyMap:
    m = JourneyMap("M", id="m")
    m.stages = [Stage("m", "A", id="s0"), Stage("m", "B", id="s1", width=300.0),
                Stage("m", "C", id="s2", width=250.0)]
    m.lanes = [Lane("m", "Do", LaneKind.ACTIONS, id="do"),
               Lane("m", "Feel", LaneKind.EMOTIONS, id="feel"),
               Lane("m", "Pain", LaneKind.PAINS, id="pain", height=300.0),
               Lane("m", "Folded", LaneKind.TEXT, id="folded", collapsed=True),
               Lane("m", "Touch", LaneKind.TOUCHPOINTS, id="touch")]
    m.markers = [EmotionMarker("m", "s1", "feel", -1, 0.5, id="mk1"),
                 EmotionMarker("m", "s0", "feel", 2, 0.25, id="mk0")]
    return m


def expected(journey: JourneyMap) -> dict:
    """Card rectangles and lines, lane rectangles and the map's size, from the rules."""
    wrapper = _wrapper()
    xs, x = {}, style.LANE_HEADER_WIDTH
    for stage in journey.stages:
        xs[stage.id] = x
        x += stage.width
    width = max(x, style.LANE_HEADER_WIDTH + 200.0)
    cards, lanes, y = {}, {}, style.STAGE_HEADER_HEIGHT
    n = len(journey.stages)
    for lane in journey.lanes:
        if lane.collapsed:
            height = style.COLLAPSED_LANE_HEIGHT
        elif lane.kind == LaneKind.EMOTIONS:
            height = max(lane.height, style.EMOTION_LANE_HEIGHT)
        else:
            tops = [PAD] * n
            placed = []
            for i, stage in enumerate(journey.stages):
                for card in journey.cell_cards(stage.id, lane.id):
                    cover = range(i, min(n, i + max(1, card.span)))
                    w = sum(journey.stages[j].width for j in cover) - 2 * PAD
                    title, body, truncated, header, h = card_shape(
                        card.title, card.body, lane.kind, w, wrapper)
                    dy = max(tops[j] for j in cover)
                    for j in cover:
                        tops[j] = dy + h + GAP
                    placed.append((card, xs[stage.id] + PAD, dy, w, h, title, body))
            height = max(lane.height, max(tops) - GAP + PAD)
            for card, cx, dy, w, h, title, body in placed:
                cards[card.id] = (Rect(cx, y + dy, w, h), title, body)
        lanes[lane.id] = Rect(0.0, y, width, height)
        y += height
    return {"cards": cards, "lanes": lanes, "width": width,
            "height": max(y, style.STAGE_HEADER_HEIGHT + 120.0)}


def shown(live: LiveLayout) -> dict:
    layout = live.layout
    return {"cards": {i: (b.rect, b.title_lines, b.body_lines) for i, b in layout.cards.items()},
            "lanes": dict(layout.lane_rects), "width": layout.width, "height": layout.height}


def _state(live: LiveLayout) -> dict:
    """Each box's place in its lane and the objects it shows (kept, compared by identity)."""
    return {i: ((b.x, b.dy, b.w, b.h), (b.band, b.title_lines, b.body_lines, b.card))
            for i, b in live.layout.cards.items()}


def _same(a, b) -> bool:
    return a is not None and a[0] == b[0] and all(x is y for x, y in zip(a[1], b[1], strict=True))


def assert_current(live: LiveLayout, journey: JourneyMap) -> None:
    assert shown(live) == expected(journey)
    shown_lanes = {ln.id for ln in journey.lanes
                   if not ln.collapsed and ln.kind != LaneKind.EMOTIONS}
    stage_counts, lane_counts = live.counts(journey)
    for stage in journey.stages:
        assert stage_counts.get(stage.id, 0) == sum(
            1 for c in journey.cards if c.stage_id == stage.id and c.lane_id in shown_lanes)
        for lane in journey.lanes:
            assert [c.id for c in live.cell_cards(stage.id, lane.id)] == [
                c.id for c in journey.cell_cards(stage.id, lane.id)]
    for lane in journey.lanes:
        assert lane_counts.get(lane.id, 0) == (sum(
            1 for c in journey.cards if c.lane_id == lane.id) if lane.id in shown_lanes else 0)
    # The markers follow their lane (placed again whenever a lane moved).
    fresh = compute_layout(journey, _wrapper())
    assert live.layout.markers == fresh.markers
    assert live.layout.curves == fresh.curves
    assert live.layout.neutral_y == fresh.neutral_y


def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 14)))


def _edit(journey: JourneyMap, rng: random.Random) -> tuple[list[Card], list[Card]]:
    """One random change of cards, made on the map; (changed, removed) as a command says."""
    stages = [s.id for s in journey.stages]
    lanes = [ln.id for ln in journey.lanes]
    what = rng.choice(["add", "add", "move", "text", "span", "remove", "tie", "restore",
                       "swap", "swap"])
    if what == "add" or not journey.cards:
        card = Card("m", rng.choice(stages), rng.choice(lanes), _text(rng),
                    order=rng.randint(0, 9), body=_text(rng))
        journey.cards.append(card)
        return [card], []
    card = rng.choice(journey.cards)
    if what == "swap":  # two cards of one cell trade places (often of the same height)
        cell = journey.cell_cards(card.stage_id, card.lane_id)
        other = rng.choice(cell)
        card.order, other.order = other.order, card.order
        if card.order == other.order:
            card.order += 1
        return [card, other], []
    if what == "move":
        card.stage_id, card.lane_id = rng.choice(stages), rng.choice(lanes)
        card.order = rng.randint(-1, 10)
    elif what == "text":
        setattr(card, rng.choice(["title", "body"]), _text(rng))
    elif what == "span":
        card.span = rng.choice([1, 2, 3])
    elif what == "remove":
        journey.cards.remove(card)
        return [], [card]
    elif what == "tie":  # two cards of one cell on the same order: the map's list order
        other = Card("m", card.stage_id, card.lane_id, _text(rng), order=card.order)
        journey.cards.insert(rng.randint(0, len(journey.cards)), other)
        return [other, card], []
    else:  # undo of a removal gives back another object with the same id
        twin = copy.deepcopy(card)
        twin.title = _text(rng)
        journey.cards[journey.cards.index(card)] = twin
        return [twin], []
    return [card], []


@pytest.mark.parametrize("seed", range(8))
def test_card_changes_keep_the_live_layout_equal_to_the_rules(seed):
    rng = random.Random(seed)
    journey = _map()
    live = LiveLayout(_wrapper())
    live.rebuild(journey)
    assert_current(live, journey)
    for _ in range(60):
        before, lanes_before = _state(live), dict(live.layout.lane_rects)
        height_before = live.layout.height
        changed, removed = _edit(journey, rng)
        delta = live.update_cards(journey, changed, removed)
        assert live.last_delta is delta
        assert_current(live, journey)
        after = _state(live)
        # The delta names exactly the boxes that came or changed, and those that went.
        assert delta.cards == {i for i, s in after.items() if not _same(before.get(i), s)}
        assert delta.removed == set(before) - set(after)
        assert delta.lanes == {i for i, r in live.layout.lane_rects.items()
                               if lanes_before.get(i) != r}
        assert delta.size == (live.layout.height != height_before)
        assert delta.counts
        assert not delta.full
        drawn = {c.id for c in changed} & set(after)
        for card_id in drawn:  # a card the change named sits in a cell the delta names
            card = live.layout.cards[card_id].card
            assert (card.stage_id, card.lane_id) in delta.cells


def test_a_text_edit_wraps_only_that_card_again():
    journey = _map()
    a = Card("m", "s0", "do", "một hai ba", id="a")
    b = Card("m", "s0", "do", "bốn năm", order=1, id="b")
    journey.cards = [a, b]
    live = LiveLayout(_wrapper())
    live.rebuild(journey)
    assert live.last_delta.full and live.last_delta.cards == {"a", "b"}
    a.title = "một hai ba bốn năm sáu bảy tám chín mười mười một"
    delta = live.update_cards(journey, [a], [])
    assert delta.rewrapped == {"a"}
    assert delta.cells == {("s0", "do")}  # one cell stacked again, not the lane
    assert delta.cards == {"a", "b"}  # b was pushed down by a's new lines
    delta = live.update_cards(journey, [a], [])  # nothing new: nothing wrapped or moved
    assert delta.rewrapped == set() and delta.cards == set() and delta.lanes == set()
    delta = live.update_cards(journey, [], [])
    assert not delta.counts and delta.cells == set()


def test_a_card_wider_than_its_stage_pushes_down_the_columns_it_covers():
    journey = _map()
    wide = Card("m", "s0", "do", "rộng", span=2, id="wide")
    beside = Card("m", "s1", "do", "bên cạnh", id="beside")
    journey.cards = [wide, beside]
    live = LiveLayout(_wrapper())
    live.rebuild(journey)
    box = live.layout.cards["wide"]
    assert box.w == journey.stages[0].width + journey.stages[1].width - 2 * PAD
    assert live.layout.cards["beside"].dy == PAD + box.h + GAP
    wide.span = 1  # narrowed: the column beside it is free again
    delta = live.update_cards(journey, [wide], [])
    assert live.layout.cards["beside"].dy == PAD
    assert ("s1", "do") in delta.cells  # the whole lane was stacked once more
    assert_current(live, journey)


def test_folded_and_emotion_lanes_lay_out_no_cards_and_count_none():
    journey = _map()
    hidden = Card("m", "s0", "folded", "ẩn", id="hidden")
    feeling = Card("m", "s1", "feel", "cảm xúc", id="feeling")
    journey.cards = [hidden]
    live = LiveLayout(_wrapper())
    live.rebuild(journey)
    assert "hidden" not in live.layout.cards
    journey.cards.append(feeling)
    delta = live.update_cards(journey, [feeling, hidden], [])
    assert "feeling" not in live.layout.cards and "hidden" not in live.layout.cards
    assert live.counts(journey) == ({}, {})
    assert live.cell_cards("s0", "folded")[0] is hidden  # still held, for when it unfolds
    assert not delta.cards
    assert_current(live, journey)


def test_markers_placed_again_follow_their_new_score():
    journey = _map()
    live = LiveLayout(_wrapper())
    live.rebuild(journey)
    y = live.layout.markers["mk1"].y
    journey.markers[0].score = 2
    delta = live.update_markers(journey)
    assert delta.markers and delta.counts and not delta.full
    assert live.layout.markers["mk1"].y < y  # a happier score sits higher
    assert live.layout.markers["mk1"].score == 2
    journey.markers.pop()
    live.update_markers(journey)
    assert set(live.layout.markers) == {"mk1"}


def test_an_edit_that_keeps_a_cards_height_lays_out_that_card_only(monkeypatch):
    journey = _map()
    journey.cards = [Card("m", "s0", "do", f"thẻ {i}", order=i, id=f"c{i}") for i in range(200)]
    live = LiveLayout(_wrapper())
    live.rebuild(journey)
    placed = spy_on_placing(monkeypatch)
    card = journey.cards[3]
    card.title = "thẻ ba"  # still one line
    delta = live.update_cards(journey, [card], [])
    assert placed == ["c3"]  # not the 196 cards below it, which stay where they were
    assert delta.cards == {"c3"} and delta.rewrapped == {"c3"}
    assert_current(live, journey)
    placed.clear()
    card.title = "thẻ ba " + "dài " * 12  # now three lines: every card below moves down
    live.update_cards(journey, [card], [])
    assert placed == [f"c{i}" for i in range(3, 200)]
    assert_current(live, journey)
    placed.clear()
    gone = journey.cards.pop(150)  # a gap: the cards below it close up
    live.update_cards(journey, [], [gone])
    assert_current(live, journey)
