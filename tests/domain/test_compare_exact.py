"""The compare view's edge cases to the value: numbers a millionth apart, an emotion change
too small to report, connectors whose ends are not cards, a connector moved to another
source, and unpaired items next to new ones whatever ids those carry. The compare window
and the PDF page print these rows as they are, so each field and title is checked whole."""

from app.domain.compare import (
    DiffStatus,
    ItemDiff,
    ItemKind,
    MapComparison,
    StageEmotionDelta,
    compare_maps,
    connector_title,
)
from app.domain.copying import frozen_copy
from app.domain.model import Card, Connector, ConnectorKind, EmotionMarker, Lane, LaneKind, Stage
from tests.domain.test_compare_connectors import _link, _map

STAGE, LANE, CARD = ItemKind.STAGE, ItemKind.LANE, ItemKind.CARD
MARKER, CONNECTOR = ItemKind.MARKER, ItemKind.CONNECTOR
ADDED, REMOVED, CHANGED = DiffStatus.ADDED, DiffStatus.REMOVED, DiffStatus.CHANGED


def test_numbers_exactly_a_millionth_apart_are_the_same_and_further_apart_are_not():
    before = _map("b")
    before.cards[0].value, before.cards[1].target = 0.0, 0.0
    after = frozen_copy(before)
    after.cards[0].value = 1e-6      # exactly the tolerance: still the same value
    after.cards[1].target = 1.1e-6   # past it: a change
    assert compare_maps(before, after).differences == [
        ItemDiff(CARD, CHANGED, "b-c1", "b-c1", "So sánh giá", ("target",), False,
                 "b-s1", "b-l0", "b-s1", "b-l0")]


def test_an_emotion_change_of_a_millionth_is_not_reported():
    def summary(before: float, after: float) -> str:
        rows = [StageEmotionDelta("Mua", "sb", "sa", before, after)]
        return MapComparison("b", "a", emotions=rows).summary()

    assert summary(0.0, 1e-6) == "No differences"
    assert summary(0.0, 2e-6) == "Average emotion +0.0 → +0.0"
    assert summary(-1.0, 0.5) == "Average emotion -1.0 → +0.5"


def test_a_connector_title_leaves_an_unknown_end_blank():
    m = _map("b")
    assert connector_title(m, Connector("b", "b-c0", "b-s2")) == "Quảng cáo → Mua hàng"
    assert connector_title(m, Connector("b", "b-c0", "gone")) == "Quảng cáo → "
    assert connector_title(m, Connector("b", "gone", "b-c1")) == " → So sánh giá"
    assert connector_title(m, Connector("b", "gone", "lost")) == " → "


def test_a_connector_whose_source_is_no_card_sits_in_no_cell():
    before, after = _map("b"), _map("a")
    before.connectors.append(Connector("b", "b-gone", "b-c1", id="k1"))
    after.connectors.append(Connector("a", "a-s0", "a-c2", ConnectorKind.BRANCH, id="n1"))
    assert compare_maps(before, after).differences == [
        ItemDiff(CONNECTOR, REMOVED, "k1", None, " → So sánh giá"),
        ItemDiff(CONNECTOR, ADDED, None, "n1", "Nhận thức → Thanh toán"),
    ]


def test_a_kept_connector_with_a_new_source_or_both_ends_reports_from_and_to():
    before = _map("b")
    _link(before, "k1", 0, "c2")
    _link(before, "k2", 0, "c2")
    after = frozen_copy(before)
    after.connectors[0].source_id = "b-c1"                      # only the source moved
    after.connectors[1].source_id, after.connectors[1].target_id = "b-c2", "b-c0"
    after.connectors[1].kind = ConnectorKind.LOOP_BACK
    assert compare_maps(before, after).differences == [
        ItemDiff(CONNECTOR, CHANGED, "k1", "k1", "So sánh giá → Thanh toán", ("from",), False,
                 "b-s1", "b-l0", "b-s0", "b-l0"),
        ItemDiff(CONNECTOR, CHANGED, "k2", "k2", "Thanh toán → Quảng cáo",
                 ("kind", "from", "to"), False, "b-s2", "b-l0", "b-s0", "b-l0"),
    ]


def test_a_removed_connector_listed_first_does_not_hide_the_changed_ones_after_it():
    before, after = _map("b"), _map("a")
    _link(before, "k1", 0, "c2")                     # no counterpart: removed
    _link(before, "k2", 2, "c1", label="cũ")
    _link(after, "n2", 2, "c1", label="mới")
    assert compare_maps(before, after).differences == [
        ItemDiff(CONNECTOR, CHANGED, "k2", "n2", "Thanh toán → So sánh giá",
                 ("label",), False, "a-s2", "a-l0", "b-s2", "b-l0"),
        ItemDiff(CONNECTOR, REMOVED, "k1", None, "Quảng cáo → Thanh toán",
                 stage_id="a-s0", lane_id="a-l0", before_stage_id="b-s0",
                 before_lane_id="b-l0"),
    ]


def test_unpaired_items_are_removed_and_new_ones_added_whatever_ids_the_new_ones_carry():
    # Ids come from map files and can be any string: an item with no pair must never be
    # matched to a new after item by a placeholder id.
    before, after = _map("b"), _map("a")
    before.stages.append(Stage("b", "Chờ", id="b-s9"))
    before.lanes.append(Lane("b", "Ghi chú", LaneKind.TEXT, id="b-l9"))
    before.cards.append(Card("b", "b-s0", "b-l0", "Chờ lâu", id="b-c9"))
    before.markers.append(EmotionMarker("b", "b-s1", "b-l0", -1, 0.5, "buồn", id="m9"))
    before.connectors.append(Connector("b", "b-c9", "b-c0", id="k9"))
    new = "XXXX"
    after.stages.append(Stage("a", "Giao", id=new))
    after.lanes.append(Lane("a", "Cơ hội", LaneKind.OPPORTUNITIES, id=new))
    after.cards.append(Card("a", "a-s1", "a-l0", "Miễn phí", id=new))
    after.markers.append(EmotionMarker("a", "a-s2", "a-l0", 2, 0.5, "vui", id=new))
    after.connectors.append(Connector("a", "a-c2", "a-c0", id=new))
    assert compare_maps(before, after).differences == [
        ItemDiff(STAGE, REMOVED, "b-s9", None, "Chờ", before_stage_id="b-s9"),
        ItemDiff(STAGE, ADDED, None, new, "Giao", stage_id=new),
        ItemDiff(LANE, REMOVED, "b-l9", None, "Ghi chú", before_lane_id="b-l9"),
        ItemDiff(LANE, ADDED, None, new, "Cơ hội", lane_id=new),
        ItemDiff(CARD, REMOVED, "b-c9", None, "Chờ lâu", stage_id="a-s0", lane_id="a-l0",
                 before_stage_id="b-s0", before_lane_id="b-l0"),
        ItemDiff(CARD, ADDED, None, new, "Miễn phí", stage_id="a-s1", lane_id="a-l0"),
        ItemDiff(MARKER, REMOVED, "m9", None, "buồn", stage_id="a-s1", lane_id="a-l0",
                 before_stage_id="b-s1", before_lane_id="b-l0"),
        ItemDiff(MARKER, ADDED, None, new, "vui", stage_id="a-s2", lane_id="a-l0"),
        ItemDiff(CONNECTOR, REMOVED, "k9", None, "Chờ lâu → Quảng cáo", stage_id="a-s0",
                 lane_id="a-l0", before_stage_id="b-s0", before_lane_id="b-l0"),
        ItemDiff(CONNECTOR, ADDED, None, new, "Thanh toán → Quảng cáo", stage_id="a-s2",
                 lane_id="a-l0"),
    ]
