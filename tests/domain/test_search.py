"""app.domain.search: Vietnamese-aware find in reading order, and combinable filters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.domain.model import (
    Card,
    EmotionMarker,
    Evidence,
    JourneyMap,
    Lane,
    LaneKind,
    Project,
    Stage,
)
from app.domain.search import Filter, apply_filter, find, fold, options
from app.samples import build_sample


def small_map() -> JourneyMap:
    m = JourneyMap(name="Map")
    m.stages = [Stage(m.id, "Nhận thức", id="s1"), Stage(m.id, "Mua hàng", id="s2")]
    m.lanes = [Lane(m.id, "Điểm chạm", LaneKind.TOUCHPOINTS, id="tp"),
               Lane(m.id, "Nỗi đau", LaneKind.PAINS, id="pain"),
               Lane(m.id, "Cảm xúc", LaneKind.EMOTIONS, id="emo")]
    m.cards = [
        Card(m.id, "s2", "tp", "Website", id="c-web", order=0, channel_id="web",
             tags=["Meta Ads"], owner="Lan", status="Đang làm", evidence=Evidence.OBSERVED),
        Card(m.id, "s1", "pain", "Khách hàng chờ lâu", id="c-wait", order=0, severity=3,
             channel_id="hotline", evidence=Evidence.ASSUMED),
        Card(m.id, "s1", "tp", "Gọi tổng đài", id="c-call2", order=1, channel_id="hotline",
             body="khách hàng hỏi phí", favourite=True),
        Card(m.id, "s1", "tp", "Đặt hàng", id="c-call1", order=0, channel_id="web",
             severity=3, priority="Cao"),
    ]
    m.markers = [EmotionMarker(m.id, "s1", "emo", score=-2, label="Bực vì đợi", id="m1"),
                 EmotionMarker(m.id, "s2", "emo", score=1, position=0.2, id="m2")]
    return m


def ids(hits) -> list[str]:
    return [h.entity_id for h in hits]


def test_fold_ignores_case_diacritics_and_spacing():
    assert fold("  Khách   HÀNG ") == "khach hang"
    assert fold("Đường đi") == "duong di"
    assert fold("Nỗi đau") == "noi dau"


def test_find_is_diacritic_and_case_insensitive():
    m = small_map()
    assert ids(find(m, "khach hang")) == ["c-call2", "c-wait"]
    assert ids(find(m, "KHÁCH HÀNG")) == ["c-call2", "c-wait"]
    # đ matches d, and the query may carry its own diacritics
    assert ids(find(m, "dat hang")) == ["c-call1"]
    assert ids(find(m, "Đặt")) == ["c-call1"]


def test_find_looks_at_every_field_a_map_shows_in_words():
    m = small_map()
    assert ids(find(m, "meta ads")) == ["c-web"]  # tag
    assert ids(find(m, "lan")) == ["c-web"]  # owner
    assert ids(find(m, "buc vi")) == ["m1"]  # marker label
    assert ids(find(m, "mua")) == ["s2"]  # stage title
    assert [(h.entity_id, h.kind) for h in find(m, "noi dau")] == [("pain", "lane")]
    assert find(m, "   ") == []


def test_hits_come_in_stage_lane_card_order():
    m = small_map()
    # "hang": stage s2 "Mua hàng", cards in s1 (tp: order 0 then 1; pain), card in s2
    assert ids(find(m, "hang")) == ["c-call1", "c-call2", "c-wait", "s2"]


def test_find_in_the_vietnamese_sample():
    sample = build_sample()
    journey = sample.maps[0]
    hits = find(journey, "khach hang")
    assert hits
    for hit in hits:
        card = next(c for c in journey.cards if c.id == hit.entity_id)
        assert "khách hàng" in (card.title + card.body).lower()


def test_filter_is_and_across_kinds_or_within_one():
    m = small_map()
    assert apply_filter(m, Filter(channels=frozenset({"hotline"}))).cards == {"c-wait", "c-call2"}
    both = Filter(channels=frozenset({"hotline", "web"}))
    assert apply_filter(m, both).cards == {"c-web", "c-wait", "c-call2", "c-call1"}
    narrowed = Filter(channels=frozenset({"hotline", "web"}), severities=frozenset({3}))
    assert apply_filter(m, narrowed).cards == {"c-wait", "c-call1"}
    pains = Filter(severities=frozenset({3}), lane_kinds=frozenset({LaneKind.PAINS}))
    assert apply_filter(m, pains).cards == {"c-wait"}


def test_each_kind_of_criterion():
    m = small_map()
    cases = {
        Filter(tags=frozenset({fold("meta ADS")})): {"c-web"},
        Filter(evidence=frozenset({Evidence.ASSUMED})): {"c-wait"},
        Filter(statuses=frozenset({fold("dang lam")})): {"c-web"},
        Filter(priorities=frozenset({"cao"})): {"c-call1"},
        Filter(owners=frozenset({"lan"})): {"c-web"},
        Filter(favourite=True): {"c-call2"},
    }
    for criteria, expected in cases.items():
        assert apply_filter(m, criteria).cards == expected, criteria


def test_markers_follow_lane_kinds_and_the_score_range():
    m = small_map()
    assert apply_filter(m, Filter()).markers == {"m1", "m2"}
    assert apply_filter(m, Filter(score_min=0)).markers == {"m2"}
    assert apply_filter(m, Filter(score_max=-2)).markers == {"m1"}
    assert apply_filter(m, Filter(score_min=-2, score_max=-2)).cards == {c.id for c in m.cards}
    assert apply_filter(m, Filter(lane_kinds=frozenset({LaneKind.PAINS}))).markers == set()
    # a filter on cards' fields shows those cards only, not the curve
    assert apply_filter(m, Filter(favourite=True)).markers == set()


def test_options_list_what_the_cards_use():
    m = small_map()
    project = Project("P")
    from app.domain.model import Channel

    project.channels = [Channel("web", "Website", id="web"), Channel("x", "Unused", id="x"),
                        Channel("hotline", "Tổng đài", id="hotline")]
    found = options(project, m)
    assert found.channels == [("web", "Website"), ("hotline", "Tổng đài")]
    assert found.lane_kinds == [LaneKind.TOUCHPOINTS, LaneKind.PAINS, LaneKind.EMOTIONS]
    assert found.severities == [3]
    assert found.evidence == [Evidence.OBSERVED, Evidence.ASSUMED]
    assert found.tags == {"meta ads": "Meta Ads"}
    assert found.owners == {"lan": "Lan"}


# -- properties ---------------------------------------------------------------------

VIETNAMESE = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậếềểễệíìóòỏõọốồổỗộớờởỡợ"
                              "úùủũụứừửữựýỳĐÁÀÂẾ ", max_size=12)


@given(VIETNAMESE)
def test_fold_is_idempotent_and_ascii_for_vietnamese(text):
    once = fold(text)
    assert fold(once) == once
    assert once.isascii()


@given(VIETNAMESE, VIETNAMESE, VIETNAMESE)
def test_a_card_is_found_by_a_bare_upper_case_piece_of_its_title(before, middle, after):
    m = JourneyMap(name="M")
    m.stages = [Stage(m.id, "S", id="s")]
    m.lanes = [Lane(m.id, "L", id="l")]
    m.cards = [Card(m.id, "s", "l", before + middle + after, id="c")]
    typed = fold(m.cards[0].title).upper()  # typed without diacritics, caps lock on
    assert ("c" in ids(find(m, typed))) == bool(typed)
    piece = fold(middle)
    if piece and piece in fold(m.cards[0].title):
        assert "c" in ids(find(m, middle))


@given(st.sets(st.sampled_from(["web", "hotline", "none"])),
       st.sets(st.sampled_from([1, 2, 3])))
def test_adding_a_criterion_never_keeps_more(channels, severities):
    m = small_map()
    wide = apply_filter(m, Filter(channels=frozenset(channels))).cards
    narrow = apply_filter(m, Filter(channels=frozenset(channels),
                                    severities=frozenset(severities))).cards
    assert narrow <= wide
    # OR within a kind: one more value never keeps fewer
    more = apply_filter(m, Filter(channels=frozenset(channels | {"web"}))).cards
    assert wide <= more or not channels


def test_a_finder_remembers_folds_but_sees_every_edit():
    from app.domain.search import Finder

    m = small_map()
    finder = Finder()
    assert ids(finder.find(m, "khach hang")) == ["c-call2", "c-wait"]
    m.cards[0].title = "Khách hàng mới"  # c-web, in stage 2
    m.cards[1].title = "Chờ lâu"  # c-wait no longer matches
    assert ids(finder.find(m, "khach hang")) == ["c-call2", "c-web"]
    m.cards.pop(0)
    assert ids(finder.find(m, "khach hang")) == ["c-call2"]
    assert "c-web" not in finder._folded
