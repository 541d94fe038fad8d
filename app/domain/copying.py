"""Copies of maps and cards: duplicates, future states, snapshots and restores.

A derived copy gets ids computed from the new map's id and the original ids (uuid5), so
a comparison can pair every item of a future state with the item it came from.
"""

from __future__ import annotations

import copy
import dataclasses
import uuid

from app.domain.model import JourneyMap, new_id


def derived_id(map_id: str, original_id: str) -> str:
    """The id that the copy of `original_id` has inside the derived map `map_id`."""
    try:
        namespace = uuid.UUID(map_id)
    except ValueError:
        namespace = uuid.uuid5(uuid.NAMESPACE_OID, map_id)
    return str(uuid.uuid5(namespace, original_id))


def clone_map(journey: JourneyMap, name: str | None = None,
              map_id: str | None = None) -> JourneyMap:
    """A deep copy of `journey` under a new id, every child re-keyed with derived_id.

    Connectors and saved views come along (views' hidden lanes re-keyed). Voting rounds
    and votes do not: they record a workshop's opinion of the original map.
    """
    new_map_id = map_id or new_id()

    def rekey(old: str) -> str:
        return derived_id(new_map_id, old)

    clone = dataclasses.replace(journey, id=new_map_id, name=name or journey.name,
                                stages=[], lanes=[], cards=[], markers=[], connectors=[],
                                views=[], rounds=[], votes=[])
    clone.stages = [dataclasses.replace(s, id=rekey(s.id), map_id=new_map_id)
                    for s in journey.stages]
    clone.lanes = [dataclasses.replace(lane, id=rekey(lane.id), map_id=new_map_id)
                   for lane in journey.lanes]
    clone.cards = [
        dataclasses.replace(c, id=rekey(c.id), map_id=new_map_id, stage_id=rekey(c.stage_id),
                            lane_id=rekey(c.lane_id), tags=list(c.tags))
        for c in journey.cards
    ]
    clone.markers = [
        dataclasses.replace(m, id=rekey(m.id), map_id=new_map_id, stage_id=rekey(m.stage_id),
                            lane_id=rekey(m.lane_id))
        for m in journey.markers
    ]
    clone.connectors = [
        dataclasses.replace(c, id=rekey(c.id), map_id=new_map_id, source_id=rekey(c.source_id),
                            target_id=rekey(c.target_id))
        for c in journey.connectors
    ]
    clone.views = [
        dataclasses.replace(v, id=rekey(v.id), map_id=new_map_id,
                            hidden_lane_ids=[rekey(i) for i in v.hidden_lane_ids])
        for v in journey.views
    ]
    return clone


def frozen_copy(journey: JourneyMap) -> JourneyMap:
    """An independent deep copy keeping every id (what a snapshot stores)."""
    return copy.deepcopy(journey)
