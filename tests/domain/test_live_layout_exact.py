"""The live layout to the pixel and to the card (app.domain.live_layout): a new layout's
empty state, what a rebuild and an update report, cells emptied and spans undone, hidden,
unfolded and newly added lanes, boxes that must follow a change only one of their fields
shows, and which cards an update lays out again.

A measurer of 10 px per character keeps every wrap on one line here, so with the
stages below an actions card of one title line is 2 * 8 + 12 * 1.3 = 31.6 px tall.
"""

from __future__ import annotations

import copy

from app.domain import style
from app.domain.layout import MapLayout, Rect, TextWrapper
from app.domain.live_layout import LayoutDelta, LiveLayout
from app.domain.model import Card, JourneyMap, Lane, LaneKind, Stage
from tests.domain.test_live_layout import spy_on_placing

PAD, GAP = style.CELL_PADDING, style.CARD_GAP  # 8.0 and 6.0
TOP = style.STAGE_HEADER_HEIGHT  # 84.0: the first lane's y
X0, X1, X2 = 190.0, 390.0, 690.0  # the stages' left edges
WIDTH = 940.0  # the map's width: 190 + 200 + 300 + 250
H1 = 31.6  # an actions card of one title line
H2 = 45.9  # one with a line of body too: round(16 + 15.6 + 14.3, 2)
LANE1 = PAD + H1 + PAD  # 47.6: a lane holding one such card in a column


def _wrapper() -> TextWrapper:
    return TextWrapper(lambda text, size, bold: 10.0 * len(text))


class _SameLines(TextWrapper):
    """Never breaks a line and hands back the very same list for the same text, whatever
    the width: a box must still follow a change its lines' identity does not show."""

    def __init__(self) -> None:
        super().__init__(lambda text, size, bold: 10.0 * len(text))
        self.made: dict[tuple[str, float, bool], list[str]] = {}

    def wrap(self, text: str, size: float, bold: bool, width: float,
             max_lines: int | None = None) -> list[str]:
        return self.made.setdefault((text, size, bold), [text])


def _map(*cards: Card) -> JourneyMap:
    m = JourneyMap("M", id="m")
    m.stages = [Stage("m", "A", id="s0", width=200.0), Stage("m", "B", id="s1", width=300.0),
                Stage("m", "C", id="s2", width=250.0)]
    m.lanes = [Lane("m", "Do", LaneKind.ACTIONS, id="do", height=40.0),
               Lane("m", "Also", LaneKind.ACTIONS, id="also", height=40.0)]
    m.cards = list(cards)
    return m


def _card(card_id: str, stage: str = "s0", lane: str = "do", order: int = 0, **kw) -> Card:
    return Card("m", stage, lane, kw.pop("title", "thẻ " + card_id), id=card_id, order=order,
                **kw)


# -- a new layout ----------------------------------------------------------------------


def test_a_new_live_layout_holds_an_empty_map_with_no_bands_cells_or_changes():
    live = LiveLayout(_wrapper())
    assert live.layout == MapLayout(width=0.0, height=0.0)
    assert live.bands == {}
    assert live.last_delta == LayoutDelta()
    assert live.cell_cards("s0", "do") == ()
    assert live.spanning("s0", "do") is False
    assert live.counts(_map()) == ({}, {})


def test_removing_a_card_the_layout_never_held_changes_nothing_before_or_after_a_rebuild():
    journey = _map(_card("a"))
    stranger = _card("x")
    live = LiveLayout(_wrapper())
    assert live.update_cards(journey, [], [stranger]) == LayoutDelta()
    live.rebuild(journey)
    assert live.update_cards(journey, [], [stranger]) == LayoutDelta()
    assert set(live.layout.cards) == {"a"}


def test_a_folded_lanes_card_named_before_any_rebuild_still_stacks_every_lane():
    journey = _map(_card("f", lane="folded"))
    journey.lanes.insert(1, Lane("m", "Folded", id="folded", collapsed=True))
    journey.lanes.append(Lane("m", "Flat", LaneKind.ACTIONS, id="flat", height=0.0))
    live = LiveLayout(_wrapper())
    delta = live.update_cards(journey, [journey.cards[0]], [])
    assert delta.counts and delta.size and delta.markers
    assert delta.lanes == {"do", "folded", "also", "flat"}
    assert delta.cards == set() and delta.removed == set()
    assert live.layout.lane_rects == {"do": Rect(0.0, TOP, 0.0, 40.0),
                                      "folded": Rect(0.0, TOP + 40.0, 0.0, 30.0),
                                      "also": Rect(0.0, TOP + 70.0, 0.0, 40.0),
                                      "flat": Rect(0.0, TOP + 110.0, 0.0, 0.0)}
    assert {k: b.y for k, b in live.bands.items()} == {
        "do": TOP, "folded": TOP + 40.0, "also": TOP + 70.0, "flat": TOP + 110.0}
    assert live.layout.height == TOP + 120.0
    assert live.cell_cards("s0", "folded") == (journey.cards[0],)


# -- a rebuild -------------------------------------------------------------------------


def test_a_rebuild_reports_everything_and_a_second_one_wraps_no_card_again():
    journey = _map(_card("a"), _card("b", "s1"))
    live = LiveLayout(_wrapper())
    live.rebuild(journey)
    cells = {(s, ln) for s in ("s0", "s1", "s2") for ln in ("do", "also")}
    assert live.last_delta == LayoutDelta(
        cards={"a", "b"}, rewrapped={"a", "b"}, lanes={"do", "also"}, cells=cells,
        counts=True, size=True, markers=True, full=True)
    live.rebuild(journey)
    assert live.last_delta == LayoutDelta(
        cards={"a", "b"}, lanes={"do", "also"}, cells=cells,
        counts=True, size=True, markers=True, full=True)
    assert live.layout.cards["b"].rect == Rect(X1 + PAD, TOP + PAD, 284.0, H1)
    assert live.layout.lane_rects["also"] == Rect(0.0, TOP + LANE1, WIDTH, 40.0)
    assert live.layout.height == TOP + 120.0  # the least a map is tall


def test_hidden_lanes_take_no_height_and_the_lanes_below_close_up():
    journey = _map(_card("a"), _card("b", lane="also"))
    live = LiveLayout(_wrapper())
    live.hidden_lanes = frozenset({"do"})
    live.rebuild(journey)
    assert live.layout.lane_rects == {"do": Rect(0.0, TOP, WIDTH, 0.0),
                                      "also": Rect(0.0, TOP, WIDTH, LANE1)}
    assert live.layout.cards["b"].rect == Rect(X0 + PAD, TOP + PAD, 184.0, H1)
    assert live.layout.height == TOP + 120.0


# -- cells emptied and spans undone ----------------------------------------------------


def test_a_cell_whose_last_card_left_is_dropped_from_the_counts():
    a, b = _card("a"), _card("b", "s1")
    journey = _map(a, b)
    live = LiveLayout(_wrapper())
    live.rebuild(journey)
    journey.cards.remove(a)
    live.update_cards(journey, [], [a])
    assert live.counts(journey) == ({"s1": 1}, {"do": 1})
    b.stage_id = "s2"
    delta = live.update_cards(journey, [b], [])
    assert live.counts(journey) == ({"s2": 1}, {"do": 1})
    assert delta.cells == {("s1", "do"), ("s2", "do")}
    assert live.layout.cards["b"].rect == Rect(X2 + PAD, TOP + PAD, 234.0, H1)


def test_a_card_removed_and_added_back_is_wrapped_afresh():
    a = _card("a")
    journey = _map(a)
    live = LiveLayout(_wrapper())
    live.rebuild(journey)
    journey.cards.remove(a)
    delta = live.update_cards(journey, [], [a])
    assert delta.removed == {"a"} and delta.rewrapped == set()
    journey.cards.append(a)
    delta = live.update_cards(journey, [a], [])
    assert delta.rewrapped == {"a"} and delta.cards == {"a"}
    assert live.layout.cards["a"].rect == Rect(X0 + PAD, TOP + PAD, 184.0, H1)


def test_a_wide_card_narrowed_or_removed_leaves_its_lane_to_cell_by_cell_updates():
    wide, beside = _card("wide", span=2), _card("beside", "s1")
    journey = _map(wide, beside)
    live = LiveLayout(_wrapper())
    live.rebuild(journey)
    assert live.spanning("s0", "do") is True
    assert live.layout.cards["beside"].dy == PAD + H1 + GAP
    wide.span = 1
    delta = live.update_cards(journey, [wide], [])
    assert live.spanning("s0", "do") is False
    assert delta.cells == {("s0", "do"), ("s1", "do"), ("s2", "do")}  # once more whole
    assert live.layout.cards["beside"].dy == PAD
    beside.title = "bên cạnh"
    delta = live.update_cards(journey, [beside], [])
    assert delta.cells == {("s1", "do")}  # the lane no longer spans: one cell only
    wide.span = 2
    live.update_cards(journey, [wide], [])
    assert live.spanning("s0", "do") is True
    journey.cards.remove(wide)
    delta = live.update_cards(journey, [], [wide])
    assert live.spanning("s0", "do") is False
    assert delta.removed == {"wide"}
    assert live.layout.cards["beside"].rect == Rect(X1 + PAD, TOP + PAD, 284.0, H1)
    beside.title = "lại bên cạnh"
    assert live.update_cards(journey, [beside], []).cells == {("s1", "do")}


# -- lanes the rebuild did not see as they are ----------------------------------------


def test_a_lane_added_since_the_rebuild_gets_a_band_and_its_own_height_at_the_next_update():
    a = _card("a")
    journey = _map(a)
    live = LiveLayout(_wrapper())
    live.rebuild(journey)
    journey.lanes.insert(1, Lane("m", "New", LaneKind.ACTIONS, id="new", height=0.0))
    a.title = "mới"
    delta = live.update_cards(journey, [a], [])
    assert delta.lanes == {"new"}  # "also" stays where it was: the new lane is flat
    assert live.layout.lane_rects["new"] == Rect(0.0, TOP + LANE1, WIDTH, 0.0)
    assert live.bands["new"].y == TOP + LANE1
    assert live.layout.lane_rects["also"] == Rect(0.0, TOP + LANE1, WIDTH, 40.0)


def test_a_lane_unfolded_since_the_rebuild_lays_its_cards_out_from_the_top():
    f0, f1 = _card("f0", lane="folded"), _card("f1", lane="folded", order=1)
    journey = _map(f0, f1)
    journey.lanes.insert(1, Lane("m", "Folded", id="folded", collapsed=True, height=0.0))
    live = LiveLayout(_wrapper())
    live.rebuild(journey)
    assert live.layout.cards == {}
    journey.lanes[1].collapsed = False
    f1.title = "mở ra"
    delta = live.update_cards(journey, [f1], [])
    assert delta.cards == {"f0", "f1"} and delta.cells == {("s0", "folded")}
    y = TOP + 40.0
    assert live.layout.cards["f0"].rect == Rect(X0 + PAD, y + PAD, 184.0, H1)
    assert live.layout.cards["f1"].rect == Rect(X0 + PAD, y + PAD + H1 + GAP, 184.0, H1)
    tall = PAD + H1 + GAP + H1 + GAP - GAP + PAD  # the column's bottom, less a gap, padded
    assert live.layout.lane_rects["folded"] == Rect(0.0, y, WIDTH, tall)


def test_an_update_naming_a_card_of_a_lane_gone_from_the_map_still_lays_out_the_rest():
    journey = _map()
    live = LiveLayout(_wrapper())
    live.rebuild(journey)
    known = _card("known", "s1")
    # The lanes are visited in the order of a set of cells: pick a lane id the set puts
    # first, so a lane that is not there must be stepped over, not end the visit.
    for n in range(100):
        orphan = _card("orphan", lane=f"gone-{n}")
        probe: set[tuple[str, str]] = set()
        probe.add(("s0", orphan.lane_id))
        probe.add(("s1", "do"))
        if next(iter(probe)) == ("s0", orphan.lane_id):
            break
    assert next(iter(probe)) == ("s0", orphan.lane_id)
    journey.cards = [orphan, known]
    delta = live.update_cards(journey, [orphan, known], [])
    assert delta.cards == {"known"}
    assert live.layout.cards["known"].rect == Rect(X1 + PAD, TOP + PAD, 284.0, H1)
    assert live.layout.lane_rects["do"] == Rect(0.0, TOP, WIDTH, LANE1)


# -- boxes that follow a change only one of their fields shows ------------------------


def test_a_card_moved_to_a_lane_of_the_same_kind_follows_that_lanes_band():
    c = _card("c")
    journey = _map(c)
    live = LiveLayout(_wrapper())
    live.rebuild(journey)
    old_band = live.layout.cards["c"].band
    c.lane_id = "also"  # same stage, kind, text and place in the cell: only the band differs
    delta = live.update_cards(journey, [c], [])
    box = live.layout.cards["c"]
    assert box.band is live.bands["also"] and box.band is not old_band
    assert box.rect == Rect(X0 + PAD, TOP + 40.0 + PAD, 184.0, H1)
    assert delta.cards == {"c"} and delta.rewrapped == set()


def test_a_restored_card_object_takes_the_place_of_the_one_its_box_showed():
    c = _card("c", body="thân")
    journey = _map(c)
    live = LiveLayout(_wrapper())
    live.rebuild(journey)
    twin = copy.deepcopy(c)  # an undone removal: the same card, another object
    journey.cards = [twin]
    delta = live.update_cards(journey, [twin], [])
    assert live.layout.cards["c"].card is twin
    assert live.cell_cards("s0", "do") == (twin,)
    assert delta.cards == {"c"} and delta.rewrapped == set()


def test_a_new_body_of_as_many_lines_reaches_the_box_though_the_title_lines_are_kept():
    c = _card("c", title="tiêu đề", body="thân")
    journey = _map(c)
    wrapper = _SameLines()
    live = LiveLayout(wrapper)
    live.rebuild(journey)
    title = live.layout.cards["c"].title_lines
    c.body = "khác"
    delta = live.update_cards(journey, [c], [])
    box = live.layout.cards["c"]
    assert box.body_lines == ["khác"] and box.title_lines is title
    assert box.rect == Rect(X0 + PAD, TOP + PAD, 184.0, H2)
    assert delta.cards == {"c"} and delta.rewrapped == {"c"}


def test_a_card_widened_over_two_stages_gets_its_new_width_though_its_lines_are_kept():
    c = _card("c", title="rộng", body="thân")
    journey = _map(c)
    live = LiveLayout(_SameLines())
    live.rebuild(journey)
    c.span = 2
    delta = live.update_cards(journey, [c], [])
    assert live.layout.cards["c"].rect == Rect(X0 + PAD, TOP + PAD, 484.0, H2)
    assert delta.cards == {"c"}


# -- which cards an update lays out again ---------------------------------------------


def test_an_update_lays_out_from_the_first_card_it_names_to_the_first_unmoved_one(
        monkeypatch):
    a, b, c = _card("a"), _card("b", order=10), _card("c", order=20)
    journey = _map(a, b, c)
    live = LiveLayout(_wrapper())
    live.rebuild(journey)
    placed = spy_on_placing(monkeypatch)
    b.title = "thẻ hai"  # still one line
    delta = live.update_cards(journey, [b], [])
    assert placed == ["b"]  # not a above it nor c below it
    assert delta.cards == {"b"} and delta.rewrapped == {"b"}
    placed.clear()
    b.order = 15  # another order, the same place: the cell's run may have changed
    live.update_cards(journey, [b], [])
    assert placed == ["a", "b", "c"]
    placed.clear()
    b.title = "thẻ số hai"  # the order it was last laid out with: from b again
    live.update_cards(journey, [b], [])
    assert placed == ["b"]
    assert [bx.dy for bx in (live.layout.cards[i] for i in "abc")] == [
        PAD, PAD + H1 + GAP, PAD + 2 * (H1 + GAP)]
