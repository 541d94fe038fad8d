"""Which part of the timeline (before, during, after) a stage belongs to.

A stage's explicit phase wins; else its title is matched against Vietnamese and English
keywords (folded, so "Nhận biết" and "nhan biet" agree); else its place decides: the
first third of the map is before, the last third after, the rest during.
"""

from __future__ import annotations

from app.domain.model import JourneyMap, Phase, Stage
from app.domain.search import fold

# Checked in this order: "after-sales support" must not be read as "sales" → during.
_KEYWORDS: tuple[tuple[Phase, tuple[str, ...]], ...] = (
    (Phase.AFTER, ("after", "use", "using", "usage", "su dung", "retention", "loyalty",
                   "trung thanh", "ho tro", "support", "sau mua", "cham soc", "duy tri",
                   "advocacy", "advocate", "delight", "hai long")),
    (Phase.BEFORE, ("awareness", "aware", "nhan biet", "consideration", "consider",
                    "can nhac", "tim hieu", "research", "discover", "before", "nhan thuc",
                    "attract", "thu hut")),
    (Phase.DURING, ("purchase", "buy", "mua", "thanh toan", "payment", "checkout",
                    "dat hang", "order", "delivery", "giao", "during")),
)


def phase_from_title(title: str) -> Phase | None:
    """The phase a stage title names, or None when no keyword is in it."""
    words = f" {fold(title)} "
    for phase, keys in _KEYWORDS:
        if any(f" {key} " in words for key in keys):
            return phase
    return None


def stage_phase(journey: JourneyMap, stage: Stage) -> Phase:
    """The stage's phase: explicit, else guessed from its title, else from its place."""
    if stage.phase is not None:
        return stage.phase
    guessed = phase_from_title(stage.title)
    if guessed is not None:
        return guessed
    ids = [s.id for s in journey.stages]
    if stage.id not in ids or len(ids) < 2:
        return Phase.DURING  # a map of one stage (or a stage of none): the moment itself
    if len(ids) == 2:
        return Phase.BEFORE if ids[0] == stage.id else Phase.AFTER
    place = ids.index(stage.id) / len(ids)
    if place < 1 / 3:
        return Phase.BEFORE
    if place >= 2 / 3:
        return Phase.AFTER
    return Phase.DURING
