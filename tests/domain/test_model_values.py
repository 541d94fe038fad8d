"""Look-ups and equality of the model, as the editor and the command line rely on them."""

from datetime import datetime

from app.domain.copying import clone_map, derived_id
from app.domain.model import (
    Card,
    EmotionMarker,
    JourneyMap,
    Project,
    Snapshot,
    now_iso,
)


def test_timestamps_are_utc_to_the_second():
    stamp = now_iso()
    assert stamp.endswith("+00:00") and "." not in stamp
    assert datetime.fromisoformat(stamp).utcoffset().total_seconds() == 0


def test_maps_are_equal_whatever_order_the_file_returns_cards_and_markers_in():
    a, b = Card("m", "s", "l", id="a"), Card("m", "s", "l", id="b", order=1)
    x = EmotionMarker("m", "s", "e", 1, id="x")
    y = EmotionMarker("m", "s", "e", -1, id="y")
    one = JourneyMap("M", id="m", cards=[a, b], markers=[x, y])
    other = JourneyMap("M", id="m", cards=[b, a], markers=[y, x])
    assert one == other
    assert one != JourneyMap("M", id="m", cards=[a], markers=[x, y])
    assert one != JourneyMap("M", id="m", cards=[a, b], markers=[x])
    assert one != JourneyMap("N", id="m", cards=[a, b], markers=[x, y])


def test_cell_cards_are_the_cards_of_that_cell_in_order():
    journey = JourneyMap("M", id="m", cards=[
        Card("m", "s1", "l1", id="second", order=1), Card("m", "s1", "l1", id="first"),
        Card("m", "s1", "l2", id="other lane"), Card("m", "s2", "l1", id="other stage")])
    assert [c.id for c in journey.cell_cards("s1", "l1")] == ["first", "second"]
    assert journey.cell_cards("s2", "l2") == []


def test_maps_are_found_by_name_ignoring_case_and_snapshots_by_id():
    first, second = JourneyMap("Mua Online", id="m1"), JourneyMap("Đổi trả", id="m2")
    snapshot = Snapshot("m1", "Q3", JourneyMap("Mua Online"), id="s1")
    project = Project("P", maps=[first, second], snapshots=[snapshot])
    assert project.map_named("mua online") is first
    assert project.map_named("ĐỔI TRẢ") is second
    assert project.map_named("Giao hàng") is None
    assert project.snapshot("s1") is snapshot
    assert project.snapshot("s2") is None
    assert project.map("m2") is second and project.map("m3") is None


def test_a_cloned_map_shares_no_list_with_its_original():
    original = JourneyMap("M", id="m", cards=[Card("m", "s", "l", id="c", tags=["vip"])])
    clone = clone_map(original, map_id="f")
    clone.cards[0].tags.append("mới")
    assert original.cards[0].tags == ["vip"]
    assert (clone.id, clone.name, clone.cards[0].id) == ("f", "M", derived_id("f", "c"))
