"""A saved view applied to a map for export (`journey-studio export … --view NAME`).

The exporters draw what a project holds, so a view becomes a copy of the project whose
map holds what the view shows: its hidden lanes left out and, when the view hides what
its filter leaves out, those cards and emotion markers too. When the view dims them
instead, they stay, and their ids come back for the exporter to draw faint.
"""

from __future__ import annotations

import copy
import dataclasses

from app.domain.model import JourneyMap, Project, SavedView
from app.domain.search import apply_filter


@dataclasses.dataclass
class ViewedMap:
    """A project copy showing one map as a view shows it."""

    project: Project
    journey: JourneyMap  # the map in the copy
    dimmed: frozenset[str]  # card and marker ids to draw faint


def find_view(journeys: list[JourneyMap], name: str) -> tuple[JourneyMap, SavedView] | None:
    """The first of `journeys` with a view called `name` (case and spaces aside)."""
    wanted = name.strip().casefold()
    for journey in journeys:
        for view in journey.views:
            if view.name.strip().casefold() == wanted:
                return journey, view
    return None


def apply_view(project: Project, journey: JourneyMap, view: SavedView) -> ViewedMap:
    """A copy of `project` holding only `journey`, as `view` shows it."""
    copied = copy.deepcopy(dataclasses.replace(
        project, maps=[journey],
        snapshots=[s for s in project.snapshots if s.map_id == journey.id]))
    shown = copied.maps[0]
    hidden = set(view.hidden_lane_ids)
    shown.lanes = [ln for ln in shown.lanes if ln.id not in hidden]
    shown.cards = [c for c in shown.cards if c.lane_id not in hidden]
    shown.markers = [m for m in shown.markers if m.lane_id not in hidden]
    dimmed: frozenset[str] = frozenset()
    if not view.filter.empty:
        passing = apply_filter(shown, view.filter)
        left_out = frozenset({c.id for c in shown.cards if c.id not in passing.cards}
                             | {m.id for m in shown.markers if m.id not in passing.markers})
        if view.hide:
            shown.cards = [c for c in shown.cards if c.id not in left_out]
            shown.markers = [m for m in shown.markers if m.id not in left_out]
        else:
            dimmed = left_out
    cards = {c.id for c in shown.cards}
    stages = {s.id for s in shown.stages}
    shown.connectors = [k for k in shown.connectors if k.source_id in cards
                        and (k.target_id in cards or k.target_id in stages)]
    shown.votes = [v for v in shown.votes if v.card_id in cards]
    return ViewedMap(copied, shown, dimmed)


def view_names(journeys: list[JourneyMap]) -> list[str]:
    """Every view name of these maps, in menu order, for an error message."""
    return [view.name for journey in journeys for view in journey.views]
