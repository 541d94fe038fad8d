"""compare_maps on small maps with differences counted by hand."""

from __future__ import annotations

import dataclasses

import pytest

from app.domain.compare import DiffStatus, ItemKind, compare_maps
from app.domain.copying import clone_map, frozen_copy
from app.domain.model import Card, Stage
from tests.issue5.helpers import card_titled, small_map


def _edit(after):
    """The same edits on any copy: rename, move, delete, add a card, change a marker."""
    tp = after.lanes[0]
    a, b = after.stages
    card_titled(after, "Quảng cáo").title = "Quảng cáo Facebook"
    card_titled(after, "Trang web").stage_id = a.id
    after.cards.remove(card_titled(after, "Chậm"))
    after.cards.append(Card(map_id=after.id, stage_id=b.id, lane_id=tp.id, title="Ứng dụng"))
    next(m for m in after.markers if m.label == "Phí ẩn").score = 1
    return after


def _check_edits(result, before, after):
    assert [d.title for d in result.added()] == ["Ứng dụng"]
    assert [d.title for d in result.removed()] == ["Chậm"]
    changed = result.changed()
    assert [(d.title, d.fields) for d in changed] == [("Quảng cáo Facebook", ("title",))]
    moved = result.moved()
    assert [d.title for d in moved] == ["Trang web"]
    assert moved[0].stage_id == after.stages[0].id
    assert moved[0].before_stage_id == before.stages[1].id
    assert moved[0].fields == ()
    assert moved[0].status == DiffStatus.MOVED
    markers = [d for d in result.differences if d.kind == ItemKind.MARKER]
    assert [(d.title, d.fields) for d in markers] == [("Phí ẩn", ("score",))]
    # Stage Tìm hiểu: (−1 + 1) / 2 = 0 both times; stage Mua: −2 → +1, delta +3.
    rows = [(e.title, e.before, e.after, e.delta) for e in result.emotions]
    assert rows == [("Tìm hiểu", 0.0, 0.0, 0.0), ("Mua", -2.0, 1.0, 3.0)]
    assert result.emotion_before == pytest.approx(-1.0)
    assert result.emotion_after == pytest.approx(0.5)
    removed = result.removed()[0]
    assert removed.stage_id == after.stages[0].id  # where the ghost goes in the after map
    assert result.status_of(removed.before_id) == DiffStatus.REMOVED


def test_snapshot_against_the_map_it_was_taken_from():
    before = small_map()
    after = _edit(frozen_copy(before))
    result = compare_maps(before, after)
    _check_edits(result, before, after)
    assert result.summary("en") == (
        "1 card added, 1 removed, 1 changed, 1 moved; average emotion -1.0 → +0.5")
    assert result.summary("vi") == (
        "1 thẻ được thêm, 1 xoá, 1 thay đổi, 1 di chuyển; cảm xúc trung bình -1.0 → +0.5")


def test_future_state_against_its_current_state_pairs_by_derived_ids():
    before = small_map()
    # Titles changed in the future state would defeat title matching: ids must pair them.
    after = _edit(clone_map(before, "Tương lai"))
    for stage in after.stages:
        stage.title += " (mới)"
    result = compare_maps(before, after)
    assert len(result.pairs) == 2 + 3 + 2 + 3  # stages, lanes, surviving cards, markers
    stage_diffs = result.changed(ItemKind.STAGE)
    assert [d.fields for d in stage_diffs] == [("title",), ("title",)]
    assert result.map_fields == ("name",)
    # Read in the other direction (future on the left) the same items pair up.
    back = compare_maps(after, before)
    assert len(back.pairs) == len(result.pairs)
    assert [d.title for d in back.added()] == ["Chậm"]
    assert [d.title for d in back.removed()] == ["Ứng dụng"]


def test_maps_drawn_separately_pair_by_titles():
    before, after = small_map(), _edit(small_map())
    assert {s.id for s in before.stages}.isdisjoint(s.id for s in after.stages)
    result = compare_maps(before, after)
    # "Quảng cáo" was renamed in a map with unrelated ids: nothing says it is the same card.
    assert sorted(d.title for d in result.added()) == ["Quảng cáo Facebook", "Ứng dụng"]
    assert sorted(d.title for d in result.removed()) == ["Chậm", "Quảng cáo"]
    assert [d.title for d in result.moved()] == ["Trang web"]
    assert result.changed() == []


def test_added_and_removed_stage_take_their_places_in_the_emotion_rows():
    before = small_map()
    after = clone_map(before)
    after.stages.insert(1, Stage(map_id=after.id, title="Thanh toán"))
    after.markers = [m for m in after.markers if m.stage_id != after.stages[0].id]
    result = compare_maps(before, after)
    assert [d.title for d in result.added(ItemKind.STAGE)] == ["Thanh toán"]
    assert [d.title for d in result.removed(ItemKind.MARKER)] == ["", ""]
    rows = [(e.title, e.before, e.after) for e in result.emotions]
    assert rows == [("Tìm hiểu", 0.0, None), ("Thanh toán", None, None), ("Mua", -2.0, -2.0)]
    assert result.emotions[0].delta is None

    gone = clone_map(before)
    del gone.stages[0]
    gone.cards = [c for c in gone.cards if c.stage_id == gone.stages[0].id]
    gone.markers = [m for m in gone.markers if m.stage_id == gone.stages[0].id]
    result = compare_maps(before, gone)
    assert [e.title for e in result.emotions] == ["Tìm hiểu", "Mua"]
    assert result.emotions[0].after_stage_id is None
    assert result.summary() == "2 cards removed; 1 stage removed; average emotion -1.0 → -2.0"


def test_identical_copy_has_no_differences():
    before = small_map()
    assert compare_maps(before, frozen_copy(before)).identical
    clone = clone_map(before, before.name)
    result = compare_maps(before, clone)
    assert result.identical
    assert result.summary() == "No differences"
    assert result.summary("vi") == "Không có khác biệt"


def test_field_changes_are_listed_by_name():
    before = small_map()
    after = frozen_copy(before)
    card = card_titled(after, "Chậm")
    idx = after.cards.index(card)
    after.cards[idx] = dataclasses.replace(card, severity=3, tags=["giao hàng"], body="Lâu")
    result = compare_maps(before, after)
    assert [d.fields for d in result.changed()] == [("body", "tags", "severity")]
    assert result.counts()["cards_changed"] == 1
