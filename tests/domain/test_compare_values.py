"""The compare view's rows, read value by value on two maps that share no ids.

Every item pairs by meaning (titles, cells, labels, order); each difference is compared
whole, with where it sits on both sides, as the compare window and PDF page show it.
"""

import pytest

from app.domain.compare import (
    DiffStatus,
    ItemDiff,
    ItemKind,
    StageEmotionDelta,
    compare_maps,
)
from app.domain.copying import frozen_copy
from app.domain.model import Card, EmotionMarker, JourneyMap, Lane, LaneKind, MapState, Stage

CARD, STAGE, LANE, MARKER = ItemKind.CARD, ItemKind.STAGE, ItemKind.LANE, ItemKind.MARKER
ADDED, REMOVED = DiffStatus.ADDED, DiffStatus.REMOVED
CHANGED, MOVED = DiffStatus.CHANGED, DiffStatus.MOVED


def _before() -> JourneyMap:
    m = JourneyMap("Hiện tại", id="before")
    m.stages = [Stage("before", "Đầu", id="sb0"), Stage("before", "Tìm hiểu", id="sb1"),
                Stage("before", "Mua", id="sb2"), Stage("before", "Chờ", id="sb3")]
    m.lanes = [Lane("before", "Điểm chạm", LaneKind.TOUCHPOINTS, id="lb1"),
               Lane("before", "Điểm đau", LaneKind.PAINS, id="lb2"),
               Lane("before", "Ghi chú", LaneKind.TEXT, id="lb3"),
               Lane("before", "Cảm xúc", LaneKind.EMOTIONS, id="lbE")]
    m.cards = [Card("before", "sb1", "lb1", "Zalo", id="cb1", target=5.0),
               Card("before", "sb2", "lb2", "Phí ship", id="cb2", severity=2, value=3.0),
               Card("before", "sb3", "lb1", "Chờ lâu", id="cb3"),
               Card("before", "sb1", "lb2", "Khó tìm", id="cb4")]
    m.markers = [EmotionMarker("before", "sb1", "lbE", 1, 0.3, "vui", id="mb1"),
                 EmotionMarker("before", "sb2", "lbE", -2, 0.5, id="mb2"),
                 EmotionMarker("before", "sb3", "lbE", -1, 0.5, id="mb3")]
    return m


def _after() -> JourneyMap:
    m = JourneyMap("Tương lai", id="after", state=MapState.FUTURE)
    m.stages = [Stage("after", "tìm  HIỂU", id="sa1", description="mới"),
                Stage("after", "Mua", id="sa2", width=300.0),
                Stage("after", "Giao", id="sa4")]
    m.lanes = [Lane("after", "Điểm chạm", LaneKind.TOUCHPOINTS, id="la1"),
               Lane("after", "Điểm đau", LaneKind.PAINS, id="la2", height=150.0),
               Lane("after", "Cơ hội", LaneKind.OPPORTUNITIES, id="la4"),
               Lane("after", "Cảm xúc", LaneKind.EMOTIONS, id="laE")]
    m.cards = [Card("after", "sa1", "la1", "Zalo", id="ca1", target=5.0000001),
               Card("after", "sa2", "la2", "Phí ship", id="ca2", severity=3),
               Card("after", "sa2", "la2", "Khó tìm", id="ca4"),
               Card("after", "sa4", "la4", "Miễn phí ship", id="ca5")]
    m.markers = [EmotionMarker("after", "sa1", "laE", 1, 0.3, "vui", id="ma1"),
                 EmotionMarker("after", "sa2", "laE", 0, 0.5, id="ma2")]
    return m


@pytest.fixture
def result():
    return compare_maps(_before(), _after())


def test_every_difference_with_where_it_sits(result):
    assert (result.before_id, result.after_id) == ("before", "after")
    assert result.map_fields == ("name", "state")
    assert result.differences == [
        ItemDiff(STAGE, CHANGED, "sb1", "sa1", "tìm  HIỂU", ("title", "description"),
                 stage_id="sa1", before_stage_id="sb1"),
        ItemDiff(STAGE, CHANGED, "sb2", "sa2", "Mua", ("width",), stage_id="sa2",
                 before_stage_id="sb2"),
        ItemDiff(STAGE, REMOVED, "sb0", None, "Đầu", before_stage_id="sb0"),
        ItemDiff(STAGE, REMOVED, "sb3", None, "Chờ", before_stage_id="sb3"),
        ItemDiff(STAGE, ADDED, None, "sa4", "Giao", stage_id="sa4"),
        ItemDiff(LANE, CHANGED, "lb2", "la2", "Điểm đau", ("height",), lane_id="la2",
                 before_lane_id="lb2"),
        ItemDiff(LANE, REMOVED, "lb3", None, "Ghi chú", before_lane_id="lb3"),
        ItemDiff(LANE, ADDED, None, "la4", "Cơ hội", lane_id="la4"),
        ItemDiff(CARD, CHANGED, "cb2", "ca2", "Phí ship", ("severity", "value"), False,
                 "sa2", "la2", "sb2", "lb2"),
        ItemDiff(CARD, MOVED, "cb4", "ca4", "Khó tìm", (), True, "sa2", "la2", "sb1", "lb2"),
        # Its stage went: no after stage; its lane is still there under its after id.
        ItemDiff(CARD, REMOVED, "cb3", None, "Chờ lâu", stage_id=None, lane_id="la1",
                 before_stage_id="sb3", before_lane_id="lb1"),
        ItemDiff(CARD, ADDED, None, "ca5", "Miễn phí ship", stage_id="sa4", lane_id="la4"),
        ItemDiff(MARKER, CHANGED, "mb2", "ma2", "", ("score",), False, "sa2", "laE", "sb2",
                 "lbE"),
        ItemDiff(MARKER, REMOVED, "mb3", None, "", lane_id="laE", before_stage_id="sb3",
                 before_lane_id="lbE"),
    ]


def test_pairs_and_lookups_both_ways(result):
    assert result.pairs == {"sb1": "sa1", "sb2": "sa2", "lb1": "la1", "lb2": "la2",
                            "lbE": "laE", "cb1": "ca1", "cb2": "ca2", "cb4": "ca4",
                            "mb1": "ma1", "mb2": "ma2"}
    assert (result.after_of("cb1"), result.before_of("ca1")) == ("ca1", "cb1")
    assert (result.after_of("cb3"), result.before_of("ca5")) == (None, None)
    assert [result.status_of(i) for i in ("cb4", "ca4", "ca5", "cb3", "cb1", "ca1")] == [
        MOVED, MOVED, ADDED, REMOVED, None, None]
    assert [d.item_id for d in result.removed()] == ["cb3"]
    assert [d.item_id for d in result.added()] == ["ca5"]
    assert [d.item_id for d in result.added(None)] == ["sa4", "la4", "ca5"]
    assert [d.item_id for d in result.removed(STAGE)] == ["sb0", "sb3"]
    assert [d.item_id for d in result.changed()] == ["ca2"]
    assert [d.item_id for d in result.changed(None)] == ["sa1", "sa2", "la2", "ca2", "ma2"]
    assert [d.item_id for d in result.moved(None)] == ["ca4"]
    assert result.moved(MARKER) == []
    assert not result.identical


def test_counts_for_the_summary_line(result):
    assert result.counts() == {
        "cards_added": 1, "cards_removed": 1, "cards_changed": 1, "cards_moved": 1,
        "stages_added": 1, "stages_removed": 2, "stages_changed": 2,
        "lanes_added": 1, "lanes_removed": 1, "markers_changed": 2,
        "connectors_added": 0, "connectors_removed": 0, "connectors_changed": 0}


def test_emotions_per_stage_in_journey_order_with_removed_stages_where_they_stood(result):
    assert result.emotions == [
        StageEmotionDelta("Đầu", "sb0", None, None, None),
        StageEmotionDelta("tìm  HIỂU", "sb1", "sa1", 1.0, 1.0),
        StageEmotionDelta("Mua", "sb2", "sa2", -2.0, 0.0),
        StageEmotionDelta("Chờ", "sb3", None, -1.0, None),
        StageEmotionDelta("Giao", None, "sa4", None, None),
    ]
    assert [row.delta for row in result.emotions] == [None, 0.0, 2.0, None, None]
    assert result.emotion_before == pytest.approx(-2 / 3)
    assert result.emotion_after == 0.5


def test_the_summary_in_english_and_vietnamese(result):
    assert result.summary() == ("1 card added, 1 removed, 1 changed, 1 moved; 1 stage added; "
                                "2 stages removed; average emotion -0.7 → +0.5")
    assert result.summary("vi") == (
        "1 thẻ được thêm, 1 xoá, 1 thay đổi, 1 di chuyển; 1 giai đoạn được thêm; "
        "2 giai đoạn bị xoá; cảm xúc trung bình -0.7 → +0.5")


def test_plural_card_phrases_and_a_sentence_that_starts_with_a_word():
    before, after = _before(), _before()
    after.id = "copy"
    for item in (*after.stages, *after.lanes, *after.cards, *after.markers):
        item.map_id = "copy"
    after.cards += [Card("copy", "sb1", "lb1", f"Mới {i}", id=f"new{i}") for i in range(2)]
    assert compare_maps(before, after).summary() == "2 cards added"
    only_feelings = frozen_copy(before)
    only_feelings.markers[0].score = -1
    assert compare_maps(before, only_feelings).summary() == "Average emotion -0.7 → -1.3"
    assert compare_maps(before, only_feelings).summary("vi") == (
        "Cảm xúc trung bình -0.7 → -1.3")


def test_a_copy_is_identical(result):
    before = _before()
    same = compare_maps(before, frozen_copy(before))
    assert same.identical and same.differences == [] and same.map_fields == ()
    assert (same.summary(), same.summary("vi")) == ("No differences", "Không có khác biệt")
    empty = compare_maps(JourneyMap("A"), JourneyMap("A"))
    assert empty.emotion_before is None and empty.emotion_after is None


def test_unlabelled_markers_pair_by_their_place_in_the_stage():
    before, after = _before(), _after()
    before.markers.append(EmotionMarker("before", "sb2", "lbE", 2, 0.9, id="mb4"))
    # Listed first: pairing goes by place in the stage, not by place in the list.
    after.markers.insert(0, EmotionMarker("after", "sa2", "laE", 2, 0.8, id="ma4"))
    result = compare_maps(before, after)
    assert result.after_of("mb2") == "ma2" and result.after_of("mb4") == "ma4"
    assert result.status_of("ma4") == CHANGED
    assert [d.fields for d in result.differences if d.after_id == "ma4"] == [("position",)]


def test_a_relabelled_lane_pairs_by_title_and_a_retyped_one_by_title_alone():
    before, after = _before(), _after()
    after.lanes[2] = Lane("after", "Ghi chú", LaneKind.OPPORTUNITIES, id="la4")
    result = compare_maps(before, after)
    assert result.after_of("lb3") == "la4"
    assert [d for d in result.differences if d.kind == LANE][-1] == ItemDiff(
        LANE, CHANGED, "lb3", "la4", "Ghi chú", ("kind",), lane_id="la4", before_lane_id="lb3")


def test_numbers_equal_within_a_millionth_and_a_value_set_or_cleared_is_a_change():
    before, after = _before(), _before()
    after.cards[0].target = 5.0 + 1e-7
    after.cards[1].value = None
    after.cards[2].value = 4.0
    result = compare_maps(before, after)
    assert [(d.before_id, d.fields) for d in result.differences] == [
        ("cb2", ("value",)), ("cb3", ("value",))]


def _pairs_of(before_items, after_items, attr):
    before, after = _before(), _after()
    setattr(before, attr, before_items)
    setattr(after, attr, after_items)
    return compare_maps(before, after)


def test_cards_with_one_title_pair_by_their_cell_first():
    result = _pairs_of([Card("before", "sb1", "lb1", "Zalo", id="x1"),
                        Card("before", "sb2", "lb1", "Zalo", id="x2")],
                       [Card("after", "sa2", "la1", "Zalo", id="y2"),
                        Card("after", "sa1", "la1", "Zalo", id="y1")], "cards")
    assert (result.after_of("x1"), result.after_of("x2")) == ("y1", "y2")
    assert result.moved() == []


def test_lanes_with_one_title_pair_by_kind_first():
    before, after = _before(), _after()
    before.lanes = [Lane("before", "Ghi chú", LaneKind.TEXT, id="t"),
                    Lane("before", "Ghi chú", LaneKind.PAINS, id="p")]
    after.lanes = [Lane("after", "Ghi chú", LaneKind.PAINS, id="p2"),
                   Lane("after", "Ghi chú", LaneKind.TEXT, id="t2")]
    before.cards, after.cards, before.markers, after.markers = [], [], [], []
    result = compare_maps(before, after)
    assert (result.after_of("t"), result.after_of("p")) == ("t2", "p2")


def test_labelled_markers_pair_by_label_inside_their_stage_only():
    result = _pairs_of([EmotionMarker("before", "sb1", "lbE", 1, 0.2, "vui", id="a"),
                        EmotionMarker("before", "sb1", "lbE", -1, 0.8, id="b")],
                       [EmotionMarker("after", "sa1", "laE", -1, 0.2, id="b2"),
                        EmotionMarker("after", "sa1", "laE", 1, 0.8, "vui", id="a2")],
                       "markers")
    assert result.after_of("a") == "a2"
    assert result.after_of("b") is None  # unlabelled: first in its stage before, second now
    moved = _pairs_of([EmotionMarker("before", "sb1", "lbE", 1, 0.2, "vui", id="a")],
                      [EmotionMarker("after", "sa2", "laE", 1, 0.2, "vui", id="a2")],
                      "markers")
    assert moved.after_of("a") is None  # the same label in another stage is another marker


def test_a_card_changed_and_moved_counts_as_changed_and_moved():
    before, after = _before(), _after()
    after.cards[1].stage_id = "sa1"  # Phí ship: severity changed, and now in stage 1
    (diff,) = [d for d in compare_maps(before, after).differences if d.before_id == "cb2"]
    assert (diff.status, diff.moved, diff.fields) == (CHANGED, True, ("severity", "value"))


def test_stage_emotion_is_the_mean_of_its_markers_and_whole_numbers_compare_as_numbers():
    before, after = _before(), _before()
    before.markers.append(EmotionMarker("before", "sb1", "lbE", -2, 0.9, id="extra"))
    before.cards[0].value = 5
    after.cards[0].value = 5.0000001
    result = compare_maps(before, after)
    assert result.emotions[1] == StageEmotionDelta("Tìm hiểu", "sb1", "sb1", -0.5, 1.0)
    assert [d.item_id for d in result.differences] == ["extra"]
