"""Find's exact answers: what folds to what, the reading order and kind of every hit,
what counts as one entity's text, and that a warm Finder folds only what changed."""

from __future__ import annotations

import pytest

from app.domain import search
from app.domain.model import Card, EmotionMarker, JourneyMap, Lane, LaneKind, Stage
from app.domain.search import Filter, Finder, Hit, apply_filter, card_text, find, fold


def _map() -> JourneyMap:
    m = JourneyMap(name="Map", id="m")
    m.stages = [Stage("m", "Giao hàng", id="s0"), Stage("m", "Giao tiếp", id="s1")]
    m.lanes = [Lane("m", "Giao diện", LaneKind.TOUCHPOINTS, id="l0"),
               Lane("m", "Việc làm", LaneKind.ACTIONS, id="l1"),
               Lane("m", "Cảm xúc", LaneKind.EMOTIONS, id="emo")]
    m.cards = [Card("m", "s1", "l0", "Giao nhanh", id="c-s1-l0"),
               Card("m", "s0", "l1", "Giao tận nhà", id="c-s0-l1"),
               Card("m", "s0", "l0", "Giao đúng giờ", id="c-s0-l0", order=2),
               Card("m", "s0", "l0", "Giao sớm", id="c-s0-l0-first", order=1)]
    m.markers = [EmotionMarker("m", "s0", "emo", score=1, position=0.7, label="Vui khi giao",
                               id="mk-late"),
                 EmotionMarker("m", "s0", "emo", score=-1, position=0.2, label="Lo giao trễ",
                               id="mk-early")]
    return m


def test_fold_turns_underscores_into_spaces_and_d_bar_into_d():
    assert fold("khach_hang") == "khach hang"
    assert fold("__Đặt__hàng_") == "dat hang"
    assert fold("ĐÀ NẴNG  đà nẵng") == "da nang da nang"


def test_card_text_is_title_body_tags_and_owner_folded_with_single_spaces():
    card = Card("m", "s", "l", "Khách hàng", body="Gọi\ntổng đài", tags=["Ưu đãi", "Tết"],
                owner="Lan")
    assert card_text(card) == "khach hang goi tong dai uu dai tet lan"


def test_a_query_may_run_from_a_cards_title_into_its_body():
    card = Card("m", "s0", "l0", "Gọi", body="tổng đài", id="call")
    journey = _map()
    journey.cards = [card]
    assert find(journey, "goi tong") == [Hit("call", "card")]
    assert find(journey, "goitong") == []


def test_hits_come_lanes_first_then_stage_by_stage_with_their_kind():
    hits = find(_map(), "giao")
    assert hits == [
        Hit("l0", "lane"),  # the header column is at the left
        Hit("s0", "stage"),  # a stage's own title before its cells
        Hit("c-s0-l0-first", "card"), Hit("c-s0-l0", "card"),  # by order in the cell
        Hit("c-s0-l1", "card"),  # the next lane down
        Hit("mk-early", "marker"), Hit("mk-late", "marker"),  # left to right
        Hit("s1", "stage"), Hit("c-s1-l0", "card"),
    ]


def test_cards_on_the_same_order_keep_the_maps_order():
    journey = _map()
    journey.cards = [Card("m", "s0", "l0", "Giao B", id="b"),
                     Card("m", "s0", "l0", "Giao A", id="a")]
    assert [h.entity_id for h in find(journey, "giao a")] == ["a"]
    assert [h.entity_id for h in find(journey, "giao") if h.kind == "card"] == ["b", "a"]


@pytest.mark.parametrize("stage_id, lane_id", [("gone", "l0"), ("s0", "gone")])
def test_cards_and_markers_outside_the_maps_grid_are_not_found(stage_id, lane_id):
    journey = _map()
    journey.cards.append(Card("m", stage_id, lane_id, "Giao lạc", id="stray"))
    journey.markers.append(EmotionMarker("m", stage_id, lane_id, label="Giao lạc",
                                         id="stray-marker"))
    found = {h.entity_id for h in find(journey, "giao lac")}
    assert found == set()
    assert len(find(journey, "giao")) == 9


def test_a_warm_finder_folds_only_the_query_and_what_changed(monkeypatch):
    journey = _map()
    folded: list[str] = []
    real = search.fold

    def counting(text: str) -> str:
        folded.append(text)
        return real(text)

    monkeypatch.setattr(search, "fold", counting)
    finder = Finder()
    first = finder.find(journey, "giao")
    assert len(folded) == 1 + 2 + 3 + 4 + 2  # query, lanes, stages, cards, markers
    folded.clear()
    assert finder.find(journey, "giao") == first
    assert folded == ["giao"]
    folded.clear()
    journey.cards[0].title = "Nhận nhanh"
    journey.lanes[1].title = "Giao việc"
    hits = finder.find(journey, "giao")
    assert sorted(folded) == sorted(["giao", "Giao việc", " \n ".join(
        search.card_words(journey.cards[0]))])
    assert Hit("l1", "lane") in hits and Hit("c-s1-l0", "card") not in hits
    folded.clear()
    journey.cards.pop()  # forgotten: a card that comes back is folded again
    finder.find(journey, "giao")
    journey.cards.append(Card("m", "s0", "l0", "Giao sớm", id="c-s0-l0-first", order=1))
    folded.clear()
    finder.find(journey, "giao")
    assert folded == ["giao", " \n ".join(search.card_words(journey.cards[-1]))]


def test_a_filter_counts_every_card_and_marker_of_the_map():
    journey = _map()
    passing = apply_filter(journey, Filter(lane_kinds=frozenset({LaneKind.ACTIONS})))
    assert passing.cards == {"c-s0-l1"} and passing.markers == set()
    assert (passing.total_cards, passing.total_markers) == (4, 2)
