"""The insight figures a user reads on the insights page and panel, value by value.

One hand-built map whose every number is worked out below; each test compares the whole
result (ids, titles, counts, order), so a wrong figure, a lost field or a wrong order fails.
"""

import pytest

from app.domain.insights import (
    UNSPECIFIED,
    ChannelRank,
    FunnelStep,
    MomentOfTruth,
    StageEmotion,
    StagePains,
    TouchpointRank,
    channels_ranked,
    compute_insights,
    favourite_touchpoints,
    lower_is_better,
    metrics_against_target,
    metrics_funnel,
    moments_of_truth,
    opportunities,
    pains_per_stage,
    priority_rank,
    stage_emotions,
)
from app.domain.model import (
    Card,
    Channel,
    EmotionMarker,
    JourneyMap,
    Lane,
    LaneKind,
    Project,
    Stage,
)

LANES = {"touch": LaneKind.TOUCHPOINTS, "pains": LaneKind.PAINS, "metrics": LaneKind.METRICS,
         "opps": LaneKind.OPPORTUNITIES, "emo": LaneKind.EMOTIONS, "text": LaneKind.TEXT}


def _journey(stage_titles=("Tìm hiểu", "Mua", "Chờ hàng", "Nhận hàng")) -> JourneyMap:
    journey = JourneyMap("Mua online", id="m1")
    journey.stages = [Stage("m1", title, id=f"s{i}") for i, title in enumerate(stage_titles, 1)]
    journey.lanes = [Lane("m1", name, kind, id=name) for name, kind in LANES.items()]
    return journey


def _card(journey, card_id, stage, lane, order=0, **fields) -> Card:
    card = Card("m1", stage, lane, id=card_id, order=order, **fields)
    journey.cards.append(card)
    return card


def _marker(journey, marker_id, stage, score, position, label=""):
    journey.markers.append(EmotionMarker("m1", stage, "emo", score, position, label,
                                         id=marker_id))


@pytest.fixture
def journey() -> JourneyMap:
    journey = _journey()
    # Emotions: 2 → -1 in s1 (drop 3), -2, -2 in s3 (drop 1, then level), 1 → -2 (drop 3),
    # 0 → -1 (drop 1) in s4. Added out of order: journey order comes from stage + position.
    _marker(journey, "e2", "s1", -1, 0.8)
    _marker(journey, "e1", "s1", 2, 0.2, "vui")
    _marker(journey, "e3", "s3", -2, 0.5, "phí ship")
    _marker(journey, "e4", "s3", -2, 0.9, "vẫn chờ")
    _marker(journey, "e5", "s4", 1, 0.1)
    _marker(journey, "e6", "s4", -2, 0.3, "hết hàng")
    _marker(journey, "e7", "s4", 0, 0.6)
    _marker(journey, "e8", "s4", -1, 0.9, "chờ hoàn tiền")
    _marker(journey, "e-lost", "gone", -2, 0.5)  # a stage that no longer exists
    # Pains: s1 holds severities 3 and unset (counts 1); s2 a 0 (counts 1); s3 and s4 none.
    _card(journey, "p1", "s1", "pains", order=1, title="Phí ship", severity=3)
    _card(journey, "p2", "s1", "pains", order=0, title="Khó tìm")
    _card(journey, "p3", "s2", "pains", title="Form dài", severity=0)
    _card(journey, "p-lost", "gone", "pains", severity=5)
    _card(journey, "note", "s1", "text", title="Ghi chú", severity=5, favourite=True)
    # Touchpoints: zalo 3 (2 loved), web 2 (1 loved), no channel 1 (loved), hotline 1,
    # and a channel id the project does not know 1.
    _card(journey, "t2", "s1", "touch", order=0, title="Google", favourite=True)
    _card(journey, "z1", "s1", "touch", order=1, title="Zalo OA", channel_id="zalo",
          favourite=True)
    _card(journey, "t3", "s1", "touch", order=2, title="Trang chủ", channel_id="web")
    _card(journey, "h1", "s1", "touch", order=3, title="Gọi", channel_id="hotline")
    _card(journey, "t1", "s2", "touch", order=0, title="Giỏ hàng", channel_id="web",
          favourite=True)
    _card(journey, "z2", "s2", "touch", order=1, title="Chat", channel_id="zalo",
          favourite=True)
    _card(journey, "z3", "s3", "touch", order=0, title="Tin nhắn", channel_id="zalo")
    _card(journey, "x1", "s3", "touch", order=1, title="Hội nhóm", channel_id="c-missing")
    return journey


@pytest.fixture
def project(journey) -> Project:
    project = Project("Cửa hàng", maps=[journey])
    project.channels = [Channel("web", "Website", id="web"), Channel("zalo", "Zalo OA", id="zalo"),
                        Channel("hotline", "Hotline", id="hotline")]
    return project


def test_stage_emotions_are_the_mean_score_of_each_stage(journey):
    assert stage_emotions(journey) == [
        StageEmotion("s1", "Tìm hiểu", 0.5, 2),
        StageEmotion("s2", "Mua", None, 0),
        StageEmotion("s3", "Chờ hàng", -2.0, 2),
        StageEmotion("s4", "Nhận hàng", -0.5, 4),
    ]


def test_overall_emotion_averages_the_stages_that_have_markers(journey):
    assert compute_insights(journey).overall_emotion == pytest.approx((0.5 - 2 - 0.5) / 3)
    assert compute_insights(_journey()).overall_emotion is None


def test_moments_of_truth_are_the_deepest_drops_earliest_first(journey):
    deepest = [
        MomentOfTruth("e1", "e2", "s1", "s1", 2, -1, 3, "vui"),  # no label of its own
        MomentOfTruth("e5", "e6", "s4", "s4", 1, -2, 3, "hết hàng"),
        MomentOfTruth("e2", "e3", "s1", "s3", -1, -2, 1, "phí ship"),
    ]
    assert moments_of_truth(journey) == deepest
    assert moments_of_truth(journey, limit=10) == deepest + [
        MomentOfTruth("e7", "e8", "s4", "s4", 0, -1, 1, "chờ hoàn tiền")]
    assert moments_of_truth(journey, limit=1) == deepest[:1]


def test_pains_count_per_stage_with_unset_and_zero_severity_as_one(journey):
    assert pains_per_stage(journey) == [
        StagePains("s1", "Tìm hiểu", 2, 4, 3, ("p2", "p1")),
        StagePains("s2", "Mua", 1, 1, 1, ("p3",)),
        StagePains("s3", "Chờ hàng", 0, 0, 0, ()),
        StagePains("s4", "Nhận hàng", 0, 0, 0, ()),
    ]


def test_favourite_touchpoints_in_journey_order(journey):
    assert favourite_touchpoints(journey) == [
        TouchpointRank("t2", "Google", "s1", None),
        TouchpointRank("z1", "Zalo OA", "s1", "zalo"),
        TouchpointRank("t1", "Giỏ hàng", "s2", "web"),
        TouchpointRank("z2", "Chat", "s2", "zalo"),
    ]


def test_channels_rank_by_favourites_then_use_then_name(journey, project):
    assert channels_ranked(journey, project) == [
        ChannelRank("zalo", "Zalo OA", 3, 2),
        ChannelRank("web", "Website", 2, 1),
        ChannelRank(None, UNSPECIFIED, 1, 1),
        ChannelRank("c-missing", "c-missing", 1, 0),  # unknown channel: its id
        ChannelRank("hotline", "Hotline", 1, 0),
    ]


def test_channels_without_a_project_are_named_by_their_id(journey):
    assert [(r.channel_id, r.name) for r in channels_ranked(journey)] == [
        ("zalo", "zalo"), ("web", "web"), (None, UNSPECIFIED), ("c-missing", "c-missing"),
        ("hotline", "hotline")]


def _metric(journey, card_id, stage, title, value, unit="người", order=0, tags=()):
    return _card(journey, card_id, stage, "metrics", order=order, title=title, value=value,
                 unit=unit, tags=list(tags))


def test_counts_in_one_unit_that_narrow_form_a_funnel():
    journey = _journey(("Truy cập", "Giỏ", "Trống", "Thanh toán"))
    _metric(journey, "nps", "s1", "NPS", 30, unit="")  # a score, never a head count
    _metric(journey, "visits", "s1", "Khách truy cập", 1000, order=1)
    _metric(journey, "cart", "s2", "Thêm vào giỏ", 400, unit=" Người ")
    _metric(journey, "empty", "s3", "Chưa đo", None)
    _metric(journey, "paid", "s4", "Thanh toán", 100)
    assert metrics_funnel(journey) == [
        FunnelStep("s1", "Truy cập", "visits", "Khách truy cập", 1000.0, "người", None),
        FunnelStep("s2", "Giỏ", "cart", "Thêm vào giỏ", 400.0, " Người ", pytest.approx(0.6)),
        FunnelStep("s4", "Thanh toán", "paid", "Thanh toán", 100.0, "người",
                   pytest.approx(0.75)),
    ]


def test_tagged_steps_alone_make_the_funnel():
    journey = _journey(("A", "B", "C"))
    _metric(journey, "visits", "s1", "Khách", 1000, tags=["Funnel"])
    _metric(journey, "other", "s2", "Khách khác", 5000)  # not tagged: not a step
    _metric(journey, "buy", "s3", "Mua", 50, tags=[" funnel "])
    assert [(s.card_id, s.drop_off) for s in metrics_funnel(journey)] == [
        ("visits", None), ("buy", pytest.approx(0.95))]


@pytest.mark.parametrize("metrics", [
    [("Khách", 100, "người"), ("Khách", 250, "người")],  # widens
    [("Khách", 1000, "người"), ("Đơn", 50, "đơn")],  # unrelated units chained
    [("Khách", 1000, "người"), ("Chuyển đổi", 3, "%")],  # a count then a share
    [("Xem", 60, "%"), ("Tỷ lệ rời trang", 40, "%")],  # a drop-off rate is no share
    [("Khách", 0, "người"), ("Khách", 0, "người")],  # nothing to divide by
    [("Khách", 1000, "người")],  # one step is no funnel
])
def test_metrics_that_form_no_funnel_give_none(metrics):
    journey = _journey(("A", "B", "C", "D"))
    for i, (title, value, unit) in enumerate(metrics):
        _metric(journey, f"m{i}", f"s{i + 1}", title, value, unit=unit)
    assert metrics_funnel(journey) == []


def test_shares_of_entrants_narrowing_form_a_funnel():
    journey = _journey(("A", "B", "C"))
    _metric(journey, "view", "s1", "Xem sản phẩm", 60, unit="%")
    _metric(journey, "cart", "s2", "Thêm vào giỏ", 30, unit="%")
    _metric(journey, "buy", "s3", "Mua", 6, unit=" % ")
    assert [(s.card_id, s.drop_off) for s in metrics_funnel(journey)] == [
        ("view", pytest.approx(0.4)), ("cart", pytest.approx(0.5)), ("buy", pytest.approx(0.8))]


def test_metrics_against_target_mark_better_and_worse():
    journey = _journey(("A", "B"))
    _metric(journey, "conv", "s2", "Chuyển đổi", 3, unit="%")
    journey.cards[-1].target = 2
    _metric(journey, "bounce", "s1", "Tỷ lệ rời trang", 40, unit="%")
    journey.cards[-1].target = 30
    _metric(journey, "csat", "s1", "CSAT", 8, unit="/10", order=1)
    journey.cards[-1].target = 8
    _metric(journey, "nps", "s2", "NPS", 20, unit="", order=1)
    _metric(journey, "none", "s2", "Chưa đo", None, order=2)
    rows = metrics_against_target(journey)
    assert [(r.card_id, r.value, r.target, r.better) for r in rows] == [
        ("bounce", 40, 30, False), ("csat", 8, 8, None), ("conv", 3, 2, True),
        ("nps", 20, None, None)]
    assert rows[0].stage_title == "A" and rows[0].unit == "%"


def test_lower_is_better_reads_title_and_tags():
    assert lower_is_better(Card("m", "s", "l", title="Churn rate"))
    assert lower_is_better(Card("m", "s", "l", title="Khách", tags=["khác", "Bounce"]))
    assert not lower_is_better(Card("m", "s", "l", title="Chuyển đổi", tags=["web"]))


def test_opportunities_count_by_status_and_rank_open_urgent_first():
    journey = _journey()
    _card(journey, "o1", "s1", "opps", title="Miễn phí ship", priority="Cao", status="Done")
    _card(journey, "o2", "s1", "opps", order=1, title="Chat 24/7", priority="thấp")
    _card(journey, "o3", "s2", "opps", title="Một bước", priority=" khẩn cấp ",
          status="đang làm")
    _card(journey, "o4", "s3", "opps", title="Theo dõi đơn", priority="cao", status="")
    _card(journey, "o5", "s4", "opps", title="Đổi trả", priority="sớm", status="Đang làm")
    summary = opportunities(journey)
    assert summary.total == 5
    # Most common first; a tie keeps the order the statuses first appear in.
    assert list(summary.by_status.items()) == [(UNSPECIFIED, 2), ("đang làm", 2), ("done", 1)]
    assert list(summary.by_priority.items()) == [("khẩn cấp", 1), ("cao", 2), ("thấp", 1),
                                                 ("sớm", 1)]
    assert [c.id for c in summary.ranked] == ["o3", "o4", "o2", "o5", "o1"]


def test_priority_words_rank_from_critical_to_unknown():
    assert [priority_rank(p) for p in ("P0", "high", " Trung bình ", "thấp", "", "sớm")] == [
        0, 1, 2, 3, 4, 4]


def test_compute_insights_gathers_every_part_of_the_map(journey, project):
    insights = compute_insights(journey, project)
    assert insights.map_id == "m1"
    assert insights.card_count == len(journey.cards) == 13
    assert insights.stage_emotions == tuple(stage_emotions(journey))
    assert insights.moments_of_truth == tuple(moments_of_truth(journey))
    assert insights.pains == tuple(pains_per_stage(journey))
    assert insights.favourite_touchpoints == tuple(favourite_touchpoints(journey))
    assert insights.channels[0] == ChannelRank("zalo", "Zalo OA", 3, 2)  # named by project
    assert insights.channels == tuple(channels_ranked(journey, project))
    assert insights.funnel == tuple(metrics_funnel(journey))
    assert insights.opportunities == opportunities(journey)
