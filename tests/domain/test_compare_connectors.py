"""Connectors in the compare view: added, removed and changed, paired by id, by derived id
(a future state cloned from the current one) and by the paired cards at their ends."""

from app.domain.compare import DiffStatus, ItemDiff, ItemKind, compare_maps
from app.domain.copying import clone_map
from app.domain.model import Card, Connector, ConnectorKind, JourneyMap, Lane, LaneKind, Stage

CONNECTOR = ItemKind.CONNECTOR
LOOP, BRANCH, FLOW = ConnectorKind.LOOP_BACK, ConnectorKind.BRANCH, ConnectorKind.FLOW


def _map(mid: str) -> JourneyMap:
    """Three stages, a touchpoint lane; card and stage ids carry the map id."""
    m = JourneyMap("Bản đồ", id=mid)
    m.stages = [Stage(mid, t, id=f"{mid}-s{i}") for i, t in
                enumerate(("Nhận thức", "Cân nhắc", "Mua hàng"))]
    m.lanes = [Lane(mid, "Điểm chạm", LaneKind.TOUCHPOINTS, id=f"{mid}-l0")]
    m.cards = [Card(mid, f"{mid}-s{i}", f"{mid}-l0", t, id=f"{mid}-c{i}")
               for i, t in enumerate(("Quảng cáo", "So sánh giá", "Thanh toán"))]
    return m


def _link(m: JourneyMap, cid: str, source: int, target: str, kind=FLOW, **kw) -> Connector:
    c = Connector(m.id, f"{m.id}-c{source}", f"{m.id}-{target}", kind, id=cid, **kw)
    m.connectors.append(c)
    return c


def test_maps_without_shared_ids_pair_connectors_by_their_paired_ends():
    before, after = _map("b"), _map("a")
    _link(before, "k1", 2, "c1", LOOP)            # kept, only the label changes
    _link(before, "k2", 0, "c1")                  # retyped: flow -> branch
    _link(before, "k3", 1, "c2")                  # removed
    _link(after, "n1", 2, "c1", LOOP, label="so sánh lại")
    _link(after, "n2", 0, "c1", BRANCH)
    _link(after, "n4", 1, "s0", assumed=True)      # added, to a stage
    result = compare_maps(before, after)
    assert (result.after_of("k1"), result.after_of("k2"), result.after_of("k3")) == (
        "n1", "n2", None)
    assert [d for d in result.differences if d.kind == CONNECTOR] == [
        ItemDiff(CONNECTOR, DiffStatus.CHANGED, "k1", "n1", "Thanh toán → So sánh giá",
                 ("label",), False, "a-s2", "a-l0", "b-s2", "b-l0"),
        ItemDiff(CONNECTOR, DiffStatus.CHANGED, "k2", "n2", "Quảng cáo → So sánh giá",
                 ("kind",), False, "a-s0", "a-l0", "b-s0", "b-l0"),
        ItemDiff(CONNECTOR, DiffStatus.REMOVED, "k3", None, "So sánh giá → Thanh toán",
                 stage_id="a-s1", lane_id="a-l0", before_stage_id="b-s1",
                 before_lane_id="b-l0"),
        ItemDiff(CONNECTOR, DiffStatus.ADDED, None, "n4", "So sánh giá → Nhận thức",
                 stage_id="a-s1", lane_id="a-l0"),
    ]
    counts = result.counts()
    assert (counts["connectors_added"], counts["connectors_removed"],
            counts["connectors_changed"]) == (1, 1, 2)
    assert counts["cards_added"] == counts["cards_changed"] == 0


def test_the_same_kind_pairs_first_between_the_same_ends():
    before, after = _map("b"), _map("a")
    _link(before, "k1", 2, "c0", FLOW)
    _link(before, "k2", 2, "c0", LOOP)
    _link(after, "n2", 2, "c0", LOOP)
    result = compare_maps(before, after)
    assert result.after_of("k2") == "n2"
    assert [(d.status, d.before_id) for d in result.differences] == [
        (DiffStatus.REMOVED, "k1")]


def test_a_future_state_pairs_by_derived_ids_and_sees_a_reconnected_end():
    current = _map("b")
    _link(current, "k1", 2, "c1", LOOP)
    _link(current, "k2", 0, "c1")
    future = clone_map(current, "Tương lai")
    assert compare_maps(current, future).differences == []  # only the name differs
    loop = next(c for c in future.connectors if c.kind == LOOP)
    loop.target_id = future.cards[0].id         # now steps back to the first card
    loop.assumed = True
    future.connectors = [c for c in future.connectors if c.kind == LOOP]
    result = compare_maps(current, future)
    assert [(d.status, d.before_id, d.after_id, d.fields) for d in result.differences] == [
        (DiffStatus.CHANGED, "k1", loop.id, ("assumed", "to")),
        (DiffStatus.REMOVED, "k2", None, ())]
    assert result.differences[0].title == "Thanh toán → Quảng cáo"


def test_a_connector_whose_card_went_is_removed_with_it():
    before, after = _map("b"), _map("a")
    _link(before, "k1", 2, "c1", LOOP)
    _link(after, "n1", 2, "c1", LOOP)
    after.cards = [c for c in after.cards if c.title != "So sánh giá"]
    after.connectors = []
    result = compare_maps(before, after)
    assert [(d.kind, d.status, d.before_id) for d in result.differences] == [
        (ItemKind.CARD, DiffStatus.REMOVED, "b-c1"), (CONNECTOR, DiffStatus.REMOVED, "k1")]


def test_the_summary_names_connectors_in_english_and_vietnamese():
    before, after = _map("b"), _map("a")
    _link(before, "k1", 2, "c1", LOOP)
    _link(before, "k3", 1, "c2")
    _link(after, "n1", 2, "c1", BRANCH)
    _link(after, "n2", 0, "c1")
    _link(after, "n3", 0, "c2")
    result = compare_maps(before, after)
    assert result.summary() == ("2 connectors added; 1 connector removed; "
                                "1 connector changed")
    assert result.summary("vi") == ("2 liên kết được thêm; 1 liên kết bị xoá; "
                                    "1 liên kết thay đổi")
