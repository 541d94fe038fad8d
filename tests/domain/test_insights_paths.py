"""Journeys that are not a straight line, in the insights: where customers step back
(loop-back connectors with the pains they span) and a funnel whose branches are not
drop-offs. Every figure is worked out in the comments."""

import pytest

from app.domain.insights import FunnelStep, StepBack, compute_insights, metrics_funnel, step_backs
from app.domain.model import Card, Connector, ConnectorKind, JourneyMap, Lane, LaneKind, Stage

LOOP, BRANCH, FLOW = ConnectorKind.LOOP_BACK, ConnectorKind.BRANCH, ConnectorKind.FLOW


def _journey() -> JourneyMap:
    m = JourneyMap("Mua online", id="m")
    m.stages = [Stage("m", t, id=f"s{i}") for i, t in
                enumerate(("Nhận thức", "Cân nhắc", "Mua hàng", "Duy trì"))]
    m.lanes = [Lane("m", "Điểm chạm", LaneKind.TOUCHPOINTS, id="touch"),
               Lane("m", "Điểm đau", LaneKind.PAINS, id="pains"),
               Lane("m", "Chỉ số", LaneKind.METRICS, id="metrics")]
    return m


def _card(m, cid, stage, lane, title, order=0, **kw) -> Card:
    card = Card("m", stage, lane, title, id=cid, order=order, **kw)
    m.cards.append(card)
    return card


def _link(m, cid, source, target, kind, **kw) -> None:
    m.connectors.append(Connector("m", source, target, kind, id=cid, **kw))


@pytest.fixture
def journey() -> JourneyMap:
    m = _journey()
    _card(m, "t1", "s1", "touch", "So sánh giá")
    _card(m, "t2", "s2", "touch", "Giỏ hàng")
    _card(m, "t3", "s3", "touch", "Thanh toán")
    _card(m, "p1", "s1", "pains", "Giá khó so", severity=1)
    _card(m, "p2", "s2", "pains", "Phí ship cao", severity=3)
    _card(m, "p3", "s0", "pains", "Ít quảng cáo", severity=3)   # outside every loop
    _card(m, "p4", "s2", "pains", "Form dài", order=1)        # severity unset: counts 1
    return m


def test_where_customers_step_back_with_the_pains_of_the_stages_they_span(journey):
    _link(journey, "back2", "t3", "s0", LOOP)                 # to a stage: spans s0..s2
    _link(journey, "back1", "t3", "t2", LOOP, label="so sánh lại", assumed=True)
    _link(journey, "flow", "t1", "t2", FLOW)                  # not a step back
    _link(journey, "early", "t2", "t1", LOOP)
    assert step_backs(journey) == [
        StepBack("early", "t2", "Giỏ hàng", "s2", "t1", "So sánh giá", "s1", "", False,
                 ("p2", "p1", "p4"), ("Phí ship cao", "Giá khó so", "Form dài")),
        StepBack("back2", "t3", "Thanh toán", "s3", "s0", "Nhận thức", "s0", "", False,
                 ("p3", "p2", "p1", "p4"),
                 ("Ít quảng cáo", "Phí ship cao", "Giá khó so", "Form dài")),
        StepBack("back1", "t3", "Thanh toán", "s3", "t2", "Giỏ hàng", "s2", "so sánh lại",
                 True, ("p2", "p4"), ("Phí ship cao", "Form dài")),
    ]
    # From the same card: the one that returns further back first.
    assert [s.connector_id for s in compute_insights(journey).step_backs] == [
        "early", "back2", "back1"]


def test_a_loop_to_a_card_or_stage_that_is_gone_is_left_out(journey):
    _link(journey, "dangling", "t3", "nowhere", LOOP)
    _link(journey, "orphan", "gone", "t1", LOOP)
    assert step_backs(journey) == []


def _funnel(m) -> None:
    _card(m, "v0", "s0", "metrics", "Khách truy cập", value=1000, unit="người")
    _card(m, "v1", "s1", "metrics", "Xem sản phẩm", value=400, unit="người")
    _card(m, "v2", "s2", "metrics", "Đơn online", value=100, unit="người")
    _card(m, "v3", "s3", "metrics", "Mua lại", value=40, unit="người")


def test_without_branches_every_fall_is_a_drop_off(journey):
    _funnel(journey)
    assert [s.drop_off for s in metrics_funnel(journey)] == [None, 0.6, 0.75, 0.6]


def test_a_branch_to_a_counted_metric_is_an_alternative_step_not_a_drop(journey):
    _funnel(journey)
    _card(journey, "store", "s2", "metrics", "Mua tại cửa hàng", order=1, value=60,
          unit="người")
    _link(journey, "b", "t1", "store", BRANCH, label="mua tại cửa hàng")
    # Into Mua hàng: 400 → 100 online + 60 in store, so 1 − 160/400 = 0.6 (not 0.75).
    assert metrics_funnel(journey) == [
        FunnelStep("s0", "Nhận thức", "v0", "Khách truy cập", 1000, "người", None),
        FunnelStep("s1", "Cân nhắc", "v1", "Xem sản phẩm", 400, "người", 0.6),
        FunnelStep("s2", "Mua hàng", "v2", "Đơn online", 100, "người", pytest.approx(0.6)),
        FunnelStep("s2", "Mua hàng", "store", "Mua tại cửa hàng", 60, "người", None,
                   branch=True, branch_from="s1"),
        FunnelStep("s3", "Duy trì", "v3", "Mua lại", 40, "người", 0.6),
    ]


def test_a_branch_to_an_uncounted_card_leaves_that_drop_off_unknown(journey):
    _funnel(journey)
    _card(journey, "shop", "s2", "touch", "Cửa hàng", order=1)
    _link(journey, "b", "t1", "shop", BRANCH)
    steps = metrics_funnel(journey)
    assert [(s.card_id, s.drop_off, s.branch_from) for s in steps] == [
        ("v0", None, None), ("v1", 0.6, None), ("v2", None, "s1"), ("v3", 0.6, None)]


def test_an_alternative_step_alone_in_its_stage_stands_where_its_stage_falls(journey):
    _funnel(journey)
    journey.cards = [c for c in journey.cards if c.id != "v2"]
    _card(journey, "store", "s2", "metrics", "Mua tại cửa hàng", value=60, unit="người")
    _link(journey, "b", "t1", "store", BRANCH)
    steps = metrics_funnel(journey)
    # Into Duy trì from Cân nhắc: 1 − (40 + 60) / 400 = 0.75.
    assert [(s.card_id, s.branch, s.drop_off) for s in steps] == [
        ("v0", False, None), ("v1", False, 0.6), ("store", True, None),
        ("v3", False, pytest.approx(0.75))]


def test_backward_and_other_connectors_do_not_touch_the_funnel(journey):
    _funnel(journey)
    _link(journey, "back", "t3", "v1", BRANCH)       # a branch backwards
    _link(journey, "flow", "t2", "v3", FLOW)
    _link(journey, "loop", "t3", "t2", LOOP)
    assert [s.drop_off for s in metrics_funnel(journey)] == [None, 0.6, 0.75, 0.6]
