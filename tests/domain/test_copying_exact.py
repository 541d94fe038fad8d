"""A derived copy to the id: every child of the map, saved views included, gets the id
derived from the new map's id and its original id, so a comparison pairs each item of a
future state with the one it came from. Votes stay with the original."""

import uuid

from app.domain.copying import clone_map, derived_id, frozen_copy
from app.domain.model import (
    Card,
    Connector,
    EmotionMarker,
    Filter,
    JourneyMap,
    Lane,
    LaneKind,
    SavedView,
    Stage,
    Vote,
    VotingRound,
)

NEW_ID = "00000000-0000-4000-8000-000000000001"


def _journey() -> JourneyMap:
    return JourneyMap(
        "Today", id="m",
        stages=[Stage("m", "Find", id="s1"), Stage("m", "Buy", id="s2")],
        lanes=[Lane("m", "Steps", LaneKind.ACTIONS, id="l1"),
               Lane("m", "Feelings", LaneKind.EMOTIONS, id="l2")],
        cards=[Card("m", "s1", "l1", "Search", id="c1", tags=["web"]),
               Card("m", "s2", "l1", "Pay", id="c2")],
        markers=[EmotionMarker("m", "s2", "l2", -1, id="e1")],
        connectors=[Connector("m", "c1", "c2", id="k1"), Connector("m", "c2", "s1", id="k2")],
        views=[SavedView("m", "No feelings", Filter(), hidden_lane_ids=["l2"], id="v1"),
               SavedView("m", "Zoomed", zoom=2.0, id="v2")],
        rounds=[VotingRound("m", "Pains", created="2026-12-04T08:00:00+00:00", id="r1")],
        votes=[Vote("r1", "c1", id="d1")],
    )


def test_saved_views_get_derived_ids_in_the_copy():
    journey = _journey()
    clone = clone_map(journey, "Tomorrow", map_id=NEW_ID)
    assert [v.id for v in clone.views] == [derived_id(NEW_ID, "v1"), derived_id(NEW_ID, "v2")]
    assert [v.map_id for v in clone.views] == [NEW_ID, NEW_ID]
    assert clone.views[0].hidden_lane_ids == [derived_id(NEW_ID, "l2")]
    assert (clone.views[1].name, clone.views[1].zoom) == ("Zoomed", 2.0)


def test_every_child_of_a_copy_is_re_keyed_and_the_votes_stay_behind():
    journey = _journey()
    clone = clone_map(journey, "Tomorrow", map_id=NEW_ID)

    def d(old: str) -> str:
        return derived_id(NEW_ID, old)

    assert (clone.id, clone.name) == (NEW_ID, "Tomorrow")
    assert [(s.id, s.map_id, s.title) for s in clone.stages] == [
        (d("s1"), NEW_ID, "Find"), (d("s2"), NEW_ID, "Buy")]
    assert [(lane.id, lane.kind) for lane in clone.lanes] == [
        (d("l1"), LaneKind.ACTIONS), (d("l2"), LaneKind.EMOTIONS)]
    assert [(c.id, c.stage_id, c.lane_id, c.tags) for c in clone.cards] == [
        (d("c1"), d("s1"), d("l1"), ["web"]), (d("c2"), d("s2"), d("l1"), [])]
    assert [(m.id, m.stage_id, m.lane_id, m.score) for m in clone.markers] == [
        (d("e1"), d("s2"), d("l2"), -1)]
    assert [(k.id, k.source_id, k.target_id) for k in clone.connectors] == [
        (d("k1"), d("c1"), d("c2")), (d("k2"), d("c2"), d("s1"))]
    assert clone.rounds == [] and clone.votes == []
    # The original is untouched, down to the card's tag list.
    clone.cards[0].tags.append("app")
    assert journey == _journey()


def test_the_derived_id_of_a_uuid_map_uses_the_map_id_as_namespace():
    assert derived_id(NEW_ID, "c1") == str(uuid.uuid5(uuid.UUID(NEW_ID), "c1"))
    # A map id that is no UUID is hashed into one first.
    namespace = uuid.uuid5(uuid.NAMESPACE_OID, "m")
    assert derived_id("m", "c1") == str(uuid.uuid5(namespace, "c1"))


def test_a_frozen_copy_keeps_every_id_and_shares_nothing():
    journey = _journey()
    frozen = frozen_copy(journey)
    assert frozen == journey
    frozen.cards[0].tags.append("app")
    frozen.views[0].hidden_lane_ids.clear()
    assert journey == _journey()
