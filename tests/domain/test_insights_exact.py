"""The insights to the edge: funnel values right on a limit (a first share of exactly
100 %, a step of one person, two equal steps), branches that leave from the first stage,
from a stage, or stay inside one, alternative steps in their card order, the order of
step backs in every tie, and metrics read in journey order. Every figure is worked out in
the comments; the insights page and panel print these exact values."""

import pytest

from app.domain.insights import (
    FunnelStep,
    MetricTarget,
    StepBack,
    lower_is_better,
    metrics_against_target,
    metrics_funnel,
    step_backs,
)
from app.domain.model import Card, JourneyMap
from tests.domain.test_insights_paths import BRANCH, FLOW, LOOP, _card, _journey, _link


def _metric(m, cid, stage, title, value, unit="người", order=0, **kw) -> Card:
    return _card(m, cid, stage, "metrics", title, order=order, value=value, unit=unit, **kw)


def _drops(m) -> list:
    return [(s.card_id, s.drop_off) for s in metrics_funnel(m)]


def _steps(values, unit="người", start=0) -> JourneyMap:
    """One metric a stage from stage `start` on: v<i> titled "Bước <i>" in stage s<i>."""
    m = _journey()
    for i, value in enumerate(values, start):
        _metric(m, f"v{i}", f"s{i}", f"Bước {i}", value, unit=unit)
    return m


# --- lower is better -----------------------------------------------------------------

@pytest.mark.parametrize("title, tags", [
    ("Thời", ["gian giao"]),  # the title and the first tag read as one text, a space apart
    ("Giao hàng", ["thời", "gian"]),  # and the tags among themselves
], ids=["title-then-tag", "tag-then-tag"])
def test_title_and_tags_are_read_as_one_text_with_spaces_between(title, tags):
    assert lower_is_better(Card("m", "s", "l", title=title, tags=tags))


# --- which metric stands for a stage -----------------------------------------------------

def test_a_tagged_metric_stands_for_its_stage_even_after_an_untagged_one():
    m = _journey()
    _metric(m, "all", "s0", "Khách", 1000)  # first in the cell, but not tagged
    _metric(m, "ads", "s0", "Khách từ quảng cáo", 800, order=1, tags=["funnel"])
    _metric(m, "buy", "s1", "Mua", 200, tags=["funnel"])
    # 1 − 200 / 800 = 0.75 (not the 0.8 the untagged 1000 would give).
    assert _drops(m) == [("ads", None), ("buy", 0.75)]


# --- the limits of a funnel ----------------------------------------------------------------

def test_a_step_of_one_person_is_still_a_step():
    # 1 − 20/200 = 0.9, 1 − 1/20 = 0.95: only zero or less breaks the funnel.
    assert _drops(_steps([200, 20, 1])) == [("v0", None), ("v1", 0.9), ("v2", 0.95)]


def test_a_share_below_one_percent_is_still_a_step():
    assert _drops(_steps([50, 0.5], unit="%")) == [("v0", 0.5), ("v1", 0.99)]


def test_two_equal_steps_lose_no_one():
    # A funnel never widens, but it may stay level: a drop-off of exactly 0.
    assert _drops(_steps([100, 100, 50])) == [("v0", None), ("v1", 0.0), ("v2", 0.5)]


def test_a_first_share_of_exactly_all_entrants_drops_none():
    assert _drops(_steps([100, 50], unit="%")) == [("v0", 0.0), ("v1", 0.5)]


@pytest.mark.parametrize("values", [
    [120, 50],  # more than all the entrants, then a plausible share
    [100.5, 50],  # just over all of them
])
def test_a_first_share_over_all_entrants_forms_no_funnel(values):
    assert metrics_funnel(_steps(values, unit="%")) == []


# --- branches --------------------------------------------------------------------------------

def test_a_branch_from_before_the_first_step_counts_at_the_first_step():
    m = _steps([60, 30], unit="%", start=1)  # none in Nhận thức: the funnel starts after
    _card(m, "t0", "s0", "touch", "Quảng cáo")
    _metric(m, "store", "s1", "Ghé cửa hàng", 10, unit="%", order=1)
    _link(m, "b", "t0", "store", BRANCH)
    # Of all entrants 60 % go on and 10 % take the branch: 1 − (60 + 10) / 100 = 0.3.
    assert metrics_funnel(m) == [
        FunnelStep("s1", "Cân nhắc", "v1", "Bước 1", 60.0, "%", pytest.approx(0.3)),
        FunnelStep("s1", "Cân nhắc", "store", "Ghé cửa hàng", 10.0, "%", None, True, "s0"),
        FunnelStep("s2", "Mua hàng", "v2", "Bước 2", 30.0, "%", 0.5),
    ]


def test_a_branch_from_before_the_first_step_to_an_unknown_card_is_named_there():
    m = _steps([400, 100], start=1)
    _card(m, "t0", "s0", "touch", "Quảng cáo")
    _card(m, "shop", "s1", "touch", "Cửa hàng")
    _link(m, "b", "t0", "shop", BRANCH)
    assert [(s.card_id, s.drop_off, s.branch_from) for s in metrics_funnel(m)] == [
        ("v1", None, "s0"), ("v2", 0.75, None)]


def test_a_branch_to_a_metric_counted_as_zero_keeps_no_one():
    m = _steps([1000, 400, 100])
    _card(m, "t0", "s0", "touch", "Quảng cáo")
    _metric(m, "store", "s1", "Ghé cửa hàng", 0, order=1)
    _link(m, "b", "t0", "store", BRANCH)
    # 1 − (400 + 0) / 1000 = 0.6 exactly; the alternative step shows 0.
    steps = metrics_funnel(m)
    assert [(s.card_id, s.value, s.drop_off) for s in steps] == [
        ("v0", 1000.0, None), ("v1", 400.0, 0.6), ("store", 0.0, None), ("v2", 100.0, 0.75)]


SHOPS = [("zalo", "Mua qua Zalo"), ("store", "Mua tại cửa hàng"), ("tiki", "Mua qua Tiki"),
         ("phone", "Mua qua điện thoại"), ("app", "Mua qua ứng dụng"),
         ("lazada", "Mua qua Lazada")]


def _shops(m, stage) -> None:
    """Six alternative steps in `stage`, branched to from Cân nhắc, in card order."""
    _card(m, "t1", "s1", "touch", "Giỏ hàng")
    for order, (cid, title) in enumerate(SHOPS, 1):
        _metric(m, cid, stage, title, 5, order=order)
        _link(m, f"b-{cid}", "t1", cid, BRANCH)


def test_alternative_steps_beside_a_main_step_follow_their_card_order():
    m = _steps([1000, 400, 100, 40])
    _shops(m, "s2")
    # Into Mua hàng: 1 − (100 + 6 × 5) / 400 = 0.675.
    assert [(s.card_id, s.branch) for s in metrics_funnel(m)] == [
        ("v0", False), ("v1", False), ("v2", False),
        *((cid, True) for cid, _ in SHOPS), ("v3", False)]
    assert metrics_funnel(m)[2].drop_off == pytest.approx(0.675)


def test_alternative_steps_alone_in_their_stage_follow_their_card_order():
    m = _steps([1000, 400, 100, 40])
    m.cards = [c for c in m.cards if c.id != "v2"]
    _shops(m, "s2")
    assert metrics_funnel(m) == [
        FunnelStep("s0", "Nhận thức", "v0", "Bước 0", 1000.0, "người", None),
        FunnelStep("s1", "Cân nhắc", "v1", "Bước 1", 400.0, "người", 0.6),
        *(FunnelStep("s2", "Mua hàng", cid, title, 5.0, "người", None, True, "s1")
          for cid, title in SHOPS),
        # Into Duy trì: 1 − (40 + 30) / 400 = 0.825.
        FunnelStep("s3", "Duy trì", "v3", "Bước 3", 40.0, "người", pytest.approx(0.825)),
    ]


def test_an_alternative_step_after_the_last_main_step_ends_the_funnel():
    m = _steps([1000, 400])
    _card(m, "t1", "s1", "touch", "Giỏ hàng")
    _metric(m, "late", "s3", "Quay lại sau", 50)
    _metric(m, "later", "s3", "Quay lại lần hai", 20, order=1)
    _link(m, "b1", "t1", "late", BRANCH)
    _link(m, "b2", "t1", "later", BRANCH)
    assert [(s.stage_id, s.card_id, s.branch) for s in metrics_funnel(m)] == [
        ("s0", "v0", False), ("s1", "v1", False), ("s3", "late", True),
        ("s3", "later", True)]


def test_a_branch_after_another_connector_still_counts():
    m = _steps([1000, 400, 100])
    _card(m, "t0", "s0", "touch", "Quảng cáo")
    _card(m, "shop", "s1", "touch", "Cửa hàng")
    _link(m, "flow", "t0", "shop", FLOW)  # listed first: not a branch, passed over
    _link(m, "b", "t0", "shop", BRANCH)
    assert [(s.card_id, s.drop_off, s.branch_from) for s in metrics_funnel(m)] == [
        ("v0", None, None), ("v1", None, "s0"), ("v2", 0.75, None)]


def test_a_branch_to_a_stage_leaves_the_next_drop_off_unknown():
    m = _steps([1000, 400, 100, 40])
    _card(m, "t1", "s1", "touch", "Giỏ hàng")
    _link(m, "b", "t1", "s3", BRANCH)  # to the stage Duy trì itself: no head count
    assert [(s.card_id, s.drop_off, s.branch_from) for s in metrics_funnel(m)] == [
        ("v0", None, None), ("v1", 0.6, None), ("v2", None, "s1"), ("v3", 0.6, None)]


def test_a_branch_inside_one_stage_is_no_fork_in_the_funnel():
    m = _steps([1000, 400, 100, 40])
    _card(m, "t2", "s2", "touch", "Thanh toán")
    _card(m, "cod", "s2", "touch", "Trả khi nhận", order=1)
    _link(m, "b", "t2", "cod", BRANCH)
    assert [(s.card_id, s.drop_off, s.branch_from) for s in metrics_funnel(m)] == [
        ("v0", None, None), ("v1", 0.6, None), ("v2", 0.75, None), ("v3", 0.6, None)]


# --- step backs ------------------------------------------------------------------------------

@pytest.fixture
def loops() -> JourneyMap:
    m = _journey()
    _card(m, "t1", "s1", "touch", "So sánh giá")
    _card(m, "t2", "s2", "touch", "Giỏ hàng")
    _card(m, "t3", "s3", "touch", "Thanh toán")
    _card(m, "lost", "gone", "touch", "Trang cũ")  # its stage was deleted
    _card(m, "p1", "s1", "pains", "Giá khó so", severity=1)
    _card(m, "p2", "s2", "pains", "Phí ship cao", severity=2)
    return m


def test_a_dangling_loop_listed_first_does_not_hide_the_next(loops):
    _link(loops, "dangling", "t3", "nowhere", LOOP)
    _link(loops, "back", "t3", "t2", LOOP)
    assert [s.connector_id for s in step_backs(loops)] == ["back"]


def test_a_pain_of_severity_two_comes_before_one_of_severity_one(loops):
    _link(loops, "back", "t2", "t1", LOOP)
    assert step_backs(loops) == [
        StepBack("back", "t2", "Giỏ hàng", "s2", "t1", "So sánh giá", "s1", "", False,
                 ("p2", "p1"), ("Phí ship cao", "Giá khó so"))]


def test_a_loop_from_a_card_whose_stage_is_gone_comes_last(loops):
    _link(loops, "old", "lost", "t1", LOOP)
    _link(loops, "back", "t2", "t1", LOOP)
    assert step_backs(loops) == [
        StepBack("back", "t2", "Giỏ hàng", "s2", "t1", "So sánh giá", "s1", "", False,
                 ("p2", "p1"), ("Phí ship cao", "Giá khó so")),
        # Only the end that still exists spans stages: the pains of Cân nhắc.
        StepBack("old", "lost", "Trang cũ", "gone", "t1", "So sánh giá", "s1", "", False,
                 ("p1",), ("Giá khó so",)),
    ]


def test_a_loop_to_a_card_whose_stage_is_gone_comes_after_the_others_from_its_stage(loops):
    _link(loops, "old", "t3", "lost", LOOP)
    _link(loops, "back", "t3", "t2", LOOP)
    assert step_backs(loops) == [
        StepBack("back", "t3", "Thanh toán", "s3", "t2", "Giỏ hàng", "s2", "", False,
                 ("p2",), ("Phí ship cao",)),
        StepBack("old", "t3", "Thanh toán", "s3", "lost", "Trang cũ", "gone", "", False,
                 (), ()),
    ]


def test_from_one_card_the_loop_that_returns_further_comes_first_whatever_the_listing(loops):
    _link(loops, "near", "t3", "t2", LOOP)
    _link(loops, "far", "t3", "t1", LOOP)
    assert [s.connector_id for s in step_backs(loops)] == ["far", "near"]


def test_loops_from_one_card_to_one_stage_keep_their_listing_order(loops):
    _link(loops, "to-card", "t3", "t2", LOOP)
    _link(loops, "to-stage", "t3", "s2", LOOP, label="xem lại giỏ")
    assert [(s.connector_id, s.to_title, s.label) for s in step_backs(loops)] == [
        ("to-card", "Giỏ hàng", ""), ("to-stage", "Mua hàng", "xem lại giỏ")]


# --- metrics against target --------------------------------------------------------------

def test_a_metric_without_a_value_is_skipped_not_the_end_of_the_list():
    m = _journey()
    _metric(m, "none", "s0", "Chưa đo", None)
    _metric(m, "conv", "s1", "Chuyển đổi", 3, unit="%", target=2)
    _metric(m, "wait", "s2", "Thời gian chờ", 5, unit="ngày", target=3)
    assert metrics_against_target(m) == [
        MetricTarget("conv", "Cân nhắc", "Chuyển đổi", 3.0, "%", 2.0, True),
        MetricTarget("wait", "Mua hàng", "Thời gian chờ", 5.0, "ngày", 3.0, False),
    ]
