"""What changed between two maps: current vs future state, or a snapshot vs today.

Pure Python over the domain model. Items are paired in three passes, strongest first:
the same id (a snapshot keeps ids), a derived id (a future state or a restored snapshot
made by `clone_map`, in either direction), then by meaning — stages and lanes by title,
cards by (paired stage, paired lane, title), markers by (paired stage, label) and finally
by their order inside the stage, connectors by their paired ends (and kind first). Whatever
stays unpaired was added or removed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.domain.copying import derived_id
from app.domain.model import Card, Connector, EmotionMarker, JourneyMap, Stage

STAGE_FIELDS = ("title", "description", "color", "width")
LANE_FIELDS = ("title", "kind", "height", "collapsed")
CARD_FIELDS = ("title", "body", "channel_id", "color", "tags", "severity", "owner",
               "priority", "status", "value", "unit", "target", "evidence", "favourite", "span")
MARKER_FIELDS = ("score", "label", "position")
# "from"/"to" are reported when a connector kept its id but now joins other items.
CONNECTOR_FIELDS = ("kind", "label", "assumed")
MAP_FIELDS = ("name", "description", "state", "persona_id", "emotion_min", "emotion_max")
_EPSILON = 1e-6


class ItemKind(StrEnum):
    """Which kind of map item a difference is about."""

    STAGE = "stage"
    LANE = "lane"
    CARD = "card"
    MARKER = "marker"
    CONNECTOR = "connector"


class DiffStatus(StrEnum):
    """Added (only after), removed (only before), changed or moved (paired but different)."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    MOVED = "moved"


@dataclass(frozen=True)
class ItemDiff:
    """One item that differs; ids are None on the side where it does not exist.

    `stage_id`/`lane_id` name where the item sits in the after map (for a removed item: the
    after map's stage/lane paired with its old one, None when that went too), and
    `before_stage_id`/`before_lane_id` where it sat in the before map; `moved` is set for
    cards and markers whose cell changed. A connector's title is "source → target" and
    it sits where its source card sits.
    """

    kind: ItemKind
    status: DiffStatus
    before_id: str | None
    after_id: str | None
    title: str
    fields: tuple[str, ...] = ()
    moved: bool = False
    stage_id: str | None = None
    lane_id: str | None = None
    before_stage_id: str | None = None
    before_lane_id: str | None = None

    @property
    def item_id(self) -> str:
        """The id to find this item by: the after side's when it has one."""
        return self.after_id or self.before_id or ""


@dataclass(frozen=True)
class StageEmotionDelta:
    """The average emotion of one (paired) stage before and after, and the change."""

    title: str
    before_stage_id: str | None
    after_stage_id: str | None
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        """after − before, or None when either side has no marker."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass
class MapComparison:
    """Every difference between `before` and `after`, and how their items pair up."""

    before_id: str
    after_id: str
    pairs: dict[str, str] = field(default_factory=dict)  # before id -> after id
    map_fields: tuple[str, ...] = ()
    differences: list[ItemDiff] = field(default_factory=list)
    emotions: list[StageEmotionDelta] = field(default_factory=list)

    def _with(self, status: DiffStatus, kind: ItemKind | None) -> list[ItemDiff]:
        return [d for d in self.differences
                if d.status == status and (kind is None or d.kind == kind)]

    def added(self, kind: ItemKind | None = ItemKind.CARD) -> list[ItemDiff]:
        """Items only in the after map (cards unless `kind` says otherwise; None = all)."""
        return self._with(DiffStatus.ADDED, kind)

    def removed(self, kind: ItemKind | None = ItemKind.CARD) -> list[ItemDiff]:
        """Items only in the before map."""
        return self._with(DiffStatus.REMOVED, kind)

    def changed(self, kind: ItemKind | None = ItemKind.CARD) -> list[ItemDiff]:
        """Paired items whose fields differ (they may have moved as well)."""
        return [d for d in self.differences if d.fields and d.status in
                (DiffStatus.CHANGED, DiffStatus.MOVED) and (kind is None or d.kind == kind)]

    def moved(self, kind: ItemKind | None = ItemKind.CARD) -> list[ItemDiff]:
        """Paired cards or markers now in another cell."""
        return [d for d in self.differences if d.moved and (kind is None or d.kind == kind)]

    def status_of(self, item_id: str) -> DiffStatus | None:
        """How the item with this id (either side) differs, or None when it is the same."""
        for d in self.differences:
            if item_id in (d.before_id, d.after_id):
                return d.status
        return None

    def after_of(self, before_id: str) -> str | None:
        """The after map's item paired with this before item, or None."""
        return self.pairs.get(before_id)

    def before_of(self, after_id: str) -> str | None:
        """The before map's item paired with this after item, or None."""
        return next((b for b, a in self.pairs.items() if a == after_id), None)

    @property
    def identical(self) -> bool:
        """True when nothing but ids differs."""
        return not self.differences and not self.map_fields

    @property
    def emotion_before(self) -> float | None:
        """The mean of the before map's stage averages."""
        return _mean(e.before for e in self.emotions)

    @property
    def emotion_after(self) -> float | None:
        """The mean of the after map's stage averages."""
        return _mean(e.after for e in self.emotions)

    def counts(self) -> dict[str, int]:
        """Numbers for a summary line: cards and stages added/removed/changed/moved."""
        return {
            "cards_added": len(self.added()),
            "cards_removed": len(self.removed()),
            "cards_changed": len(self.changed()),
            "cards_moved": len(self.moved()),
            "stages_added": len(self.added(ItemKind.STAGE)),
            "stages_removed": len(self.removed(ItemKind.STAGE)),
            "stages_changed": len(self.changed(ItemKind.STAGE)),
            "lanes_added": len(self.added(ItemKind.LANE)),
            "lanes_removed": len(self.removed(ItemKind.LANE)),
            "markers_changed": len([d for d in self.differences if d.kind == ItemKind.MARKER]),
            "connectors_added": len(self.added(ItemKind.CONNECTOR)),
            "connectors_removed": len(self.removed(ItemKind.CONNECTOR)),
            "connectors_changed": len(self.changed(ItemKind.CONNECTOR)),
        }

    def summary(self, lang: str = "en") -> str:
        """A short sentence of the main differences, in English or Vietnamese."""
        return summary_text(self, lang)


def _mean(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None:
            return a is b
        return abs(float(a) - float(b)) <= _EPSILON
    return bool(a == b)


def _changed_fields(before: Any, after: Any, names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(n for n in names if not _same(getattr(before, n), getattr(after, n)))


class _Pairing:
    """Pairs items of two lists (ids first, then by derived ids, then by a meaning key)."""

    def __init__(self, before_map: JourneyMap, after_map: JourneyMap) -> None:
        self.before_map_id = before_map.id
        self.after_map_id = after_map.id
        self.pairs: dict[str, str] = {}

    def pair(self, before: list[Any], after: list[Any],
             keys: list[Callable[[Any, str], Any]]) -> None:
        """Pair `before` with `after` items; `keys(item, side)` are fallback meaning keys."""
        free_after = {a.id: a for a in after}
        for b in before:
            for candidate in (b.id, derived_id(self.after_map_id, b.id)):
                if candidate in free_after:
                    self.pairs[b.id] = candidate
                    del free_after[candidate]
                    break
        reverse = {derived_id(self.before_map_id, a.id): a.id for a in free_after.values()}
        for b in before:
            if b.id not in self.pairs and b.id in reverse and reverse[b.id] in free_after:
                self.pairs[b.id] = reverse[b.id]
                del free_after[reverse[b.id]]
        for key in keys:
            buckets: dict[Any, list[str]] = {}
            for a in after:
                if a.id in free_after:
                    k = key(a, "after")
                    if k is not None:
                        buckets.setdefault(k, []).append(a.id)
            for b in before:
                if b.id in self.pairs:
                    continue
                k = key(b, "before")
                if k is not None and buckets.get(k):
                    chosen = buckets[k].pop(0)
                    self.pairs[b.id] = chosen
                    del free_after[chosen]

    def after_of(self, before_id: str | None) -> str | None:
        """The paired after id of a before id."""
        return self.pairs.get(before_id) if before_id is not None else None


def _stage_emotions(journey: JourneyMap) -> dict[str, float]:
    scores: dict[str, list[int]] = {}
    for m in journey.markers:
        scores.setdefault(m.stage_id, []).append(m.score)
    return {sid: sum(v) / len(v) for sid, v in scores.items()}


def _marker_rank(journey: JourneyMap) -> dict[str, int]:
    """Each marker's place among the markers of its stage, left to right."""
    rank: dict[str, int] = {}
    for stage in journey.stages:
        for i, m in enumerate(journey.stage_markers(stage.id)):
            rank[m.id] = i
    return rank


def compare_maps(before: JourneyMap, after: JourneyMap) -> MapComparison:
    """Pair the two maps' stages, lanes, cards and markers and list what differs."""
    p = _Pairing(before, after)
    p.pair(before.stages, after.stages, [lambda s, _side: _key(s.title) or None])
    p.pair(before.lanes, after.lanes, [lambda ln, _side: (_key(ln.title), ln.kind),
                                       lambda ln, _side: _key(ln.title) or None])

    def cell_key(item: Card | EmotionMarker, side: str) -> tuple[str | None, str | None]:
        if side == "before":
            return p.after_of(item.stage_id), p.after_of(item.lane_id)
        return item.stage_id, item.lane_id

    p.pair(before.cards, after.cards,
           [lambda c, side: (*cell_key(c, side), _key(c.title)),
            # A card that moved to another cell keeps its title; pair it if unambiguous.
            lambda c, _side: _key(c.title) or None])
    ranks = {**_marker_rank(before), **_marker_rank(after)}
    p.pair(before.markers, after.markers,
           [lambda m, side: (cell_key(m, side)[0], _key(m.label)) if m.label.strip() else None,
            lambda m, side: (cell_key(m, side)[0], ranks.get(m.id))])

    def ends(c: Connector, side: str) -> tuple[str, str] | None:
        if side == "after":
            return c.source_id, c.target_id
        source, target = p.after_of(c.source_id), p.after_of(c.target_id)
        return (source, target) if source and target else None

    # Between the same paired ends: the same kind first, so a retyped one pairs after.
    p.pair(before.connectors, after.connectors,
           [lambda c, side: (e, c.kind) if (e := ends(c, side)) else None, ends])

    result = MapComparison(before.id, after.id, dict(p.pairs),
                           _changed_fields(before, after, MAP_FIELDS))
    result.differences.extend(_stage_diffs(before, after, p))
    result.differences.extend(_lane_diffs(before, after, p))
    result.differences.extend(_card_diffs(before, after, p))
    result.differences.extend(_marker_diffs(before, after, p))
    result.differences.extend(_connector_diffs(before, after, p))
    result.emotions = _emotion_deltas(before, after, p)
    return result


def _added_removed(kind: ItemKind, before: list[Any], after: list[Any], p: _Pairing,
                   title: Callable[[Any], str],
                   where: Callable[[Any], tuple[Any, ...]]) -> list[ItemDiff]:
    paired_after = set(p.pairs.values())
    out = []
    for b in before:
        if b.id not in p.pairs:
            stage, lane = where(b)
            out.append(ItemDiff(kind, DiffStatus.REMOVED, b.id, None, title(b),
                                stage_id=p.after_of(stage), lane_id=p.after_of(lane),
                                before_stage_id=stage, before_lane_id=lane))
    for a in after:
        if a.id not in paired_after:
            stage, lane = where(a)
            out.append(ItemDiff(kind, DiffStatus.ADDED, None, a.id, title(a),
                                stage_id=stage, lane_id=lane))
    return out


def _stage_diffs(before: JourneyMap, after: JourneyMap, p: _Pairing) -> list[ItemDiff]:
    out = []
    after_by_id = {s.id: s for s in after.stages}
    for b in before.stages:
        a = after_by_id.get(p.after_of(b.id) or "")
        if a is not None:
            fields = _changed_fields(b, a, STAGE_FIELDS)
            if fields:
                out.append(ItemDiff(ItemKind.STAGE, DiffStatus.CHANGED, b.id, a.id, a.title,
                                    fields, stage_id=a.id, before_stage_id=b.id))
    return out + _added_removed(ItemKind.STAGE, before.stages, after.stages, p,
                                lambda s: s.title, lambda s: (s.id, None))


def _lane_diffs(before: JourneyMap, after: JourneyMap, p: _Pairing) -> list[ItemDiff]:
    out = []
    after_by_id = {ln.id: ln for ln in after.lanes}
    for b in before.lanes:
        a = after_by_id.get(p.after_of(b.id) or "")
        if a is not None:
            fields = _changed_fields(b, a, LANE_FIELDS)
            if fields:
                out.append(ItemDiff(ItemKind.LANE, DiffStatus.CHANGED, b.id, a.id, a.title,
                                    fields, lane_id=a.id, before_lane_id=b.id))
    return out + _added_removed(ItemKind.LANE, before.lanes, after.lanes, p,
                                lambda ln: ln.title, lambda ln: (None, ln.id))


def _moved_or_changed(kind: ItemKind, b: Card | EmotionMarker, a: Card | EmotionMarker,
                      names: tuple[str, ...], title: str, p: _Pairing) -> ItemDiff | None:
    fields = _changed_fields(b, a, names)
    moved = (p.after_of(b.stage_id) != a.stage_id or p.after_of(b.lane_id) != a.lane_id)
    if not fields and not moved:
        return None
    status = DiffStatus.CHANGED if fields or not moved else DiffStatus.MOVED
    return ItemDiff(kind, status, b.id, a.id, title, fields, moved, a.stage_id, a.lane_id,
                    b.stage_id, b.lane_id)


def _placed_diffs(kind: ItemKind, before: list[Any], after: list[Any], fields: tuple[str, ...],
                  title_of: Callable[[Any], str], p: _Pairing) -> list[ItemDiff]:
    """Changed, moved, added and removed items that sit in a cell (cards, markers)."""
    out = []
    after_by_id = {item.id: item for item in after}
    for b in before:
        a = after_by_id.get(p.after_of(b.id) or "")
        if a is not None:
            diff = _moved_or_changed(kind, b, a, fields, title_of(a) or title_of(b), p)
            if diff is not None:
                out.append(diff)
    return out + _added_removed(kind, before, after, p, title_of,
                                lambda item: (item.stage_id, item.lane_id))


def _card_diffs(before: JourneyMap, after: JourneyMap, p: _Pairing) -> list[ItemDiff]:
    return _placed_diffs(ItemKind.CARD, before.cards, after.cards, CARD_FIELDS,
                         lambda c: c.title, p)


def _marker_diffs(before: JourneyMap, after: JourneyMap, p: _Pairing) -> list[ItemDiff]:
    return _placed_diffs(ItemKind.MARKER, before.markers, after.markers, MARKER_FIELDS,
                         lambda m: m.label, p)


class _Ends:
    """Titles and cells of one map's cards and stages, to name and place its connectors."""

    def __init__(self, journey: JourneyMap) -> None:
        self.titles = {s.id: s.title for s in journey.stages}
        self.titles.update((c.id, c.title) for c in journey.cards)
        self.cells = {c.id: (c.stage_id, c.lane_id) for c in journey.cards}

    def title(self, c: Connector) -> str:
        """"Source → target" by the titles of the card (or stage) at each end."""
        return f"{self.titles.get(c.source_id, '')} → {self.titles.get(c.target_id, '')}"

    def cell(self, c: Connector) -> tuple[str | None, str | None]:
        """The stage and lane of the connector's source card."""
        return self.cells.get(c.source_id, (None, None))


def connector_title(journey: JourneyMap, connector: Connector) -> str:
    """"Source → target" by the titles of the card (or stage) at each end."""
    return _Ends(journey).title(connector)


def _connector_diffs(before: JourneyMap, after: JourneyMap, p: _Pairing) -> list[ItemDiff]:
    """Changed, removed and added connectors; each sits in its source card's cell."""
    old, new = _Ends(before), _Ends(after)
    out = []
    after_by_id = {c.id: c for c in after.connectors}
    for b in before.connectors:
        a = after_by_id.get(p.after_of(b.id) or "")
        if a is None:
            continue
        fields = _changed_fields(b, a, CONNECTOR_FIELDS)
        fields += tuple(end for end, was, now in (("from", b.source_id, a.source_id),
                                                  ("to", b.target_id, a.target_id))
                        if p.after_of(was) != now)
        if fields:
            out.append(ItemDiff(ItemKind.CONNECTOR, DiffStatus.CHANGED, b.id, a.id,
                                new.title(a), fields, False, *new.cell(a), *old.cell(b)))
    return (out + _added_removed(ItemKind.CONNECTOR, before.connectors, [], p, old.title,
                                 old.cell)
            + _added_removed(ItemKind.CONNECTOR, [], after.connectors, p, new.title,
                             new.cell))


def _emotion_deltas(before: JourneyMap, after: JourneyMap, p: _Pairing) -> list[StageEmotionDelta]:
    """One row per after stage in order, with removed before stages where they stood."""
    b_avg, a_avg = _stage_emotions(before), _stage_emotions(after)
    before_of = {a: b for b, a in p.pairs.items()}
    rows: list[StageEmotionDelta] = []

    def removed_before(stage: Stage) -> None:
        rows.append(StageEmotionDelta(stage.title, stage.id, None, b_avg.get(stage.id), None))

    # Removed stages that came before the first paired one go first, the rest follow
    # the paired stage they came after, so the rows read in journey order.
    follows: dict[str | None, list[Stage]] = {}
    last_paired: str | None = None
    for s in before.stages:
        if s.id in p.pairs:
            last_paired = p.pairs[s.id]
        else:
            follows.setdefault(last_paired, []).append(s)
    for s in follows.get(None, []):
        removed_before(s)
    for s in after.stages:
        b_id = before_of.get(s.id)
        rows.append(StageEmotionDelta(s.title, b_id, s.id,
                                      b_avg.get(b_id) if b_id else None, a_avg.get(s.id)))
        for removed in follows.get(s.id, []):
            removed_before(removed)
    return rows


# (English singular, English plural, Vietnamese): the first card phrase names the cards,
# the following ones are short ("3 cards added, 1 removed, 2 changed").
_CARD_PHRASES = {
    "cards_added": (("{} card added", "{} cards added", "{} thẻ được thêm"),
                    ("{} added", "{} added", "{} thêm")),
    "cards_removed": (("{} card removed", "{} cards removed", "{} thẻ bị xoá"),
                      ("{} removed", "{} removed", "{} xoá")),
    "cards_changed": (("{} card changed", "{} cards changed", "{} thẻ thay đổi"),
                      ("{} changed", "{} changed", "{} thay đổi")),
    "cards_moved": (("{} card moved", "{} cards moved", "{} thẻ di chuyển"),
                    ("{} moved", "{} moved", "{} di chuyển")),
}
_OTHER_PHRASES = {
    "none": ("No differences", "No differences", "Không có khác biệt"),
    "stages_added": ("{} stage added", "{} stages added", "{} giai đoạn được thêm"),
    "stages_removed": ("{} stage removed", "{} stages removed", "{} giai đoạn bị xoá"),
    "connectors_added": ("{} connector added", "{} connectors added", "{} liên kết được thêm"),
    "connectors_removed": ("{} connector removed", "{} connectors removed",
                           "{} liên kết bị xoá"),
    "connectors_changed": ("{} connector changed", "{} connectors changed",
                           "{} liên kết thay đổi"),
    "emotion": ("average emotion {:+.1f} → {:+.1f}", "average emotion {:+.1f} → {:+.1f}",
                "cảm xúc trung bình {:+.1f} → {:+.1f}"),
}


def _phrase(forms: tuple[str, str, str], lang: str, n: int) -> str:
    return forms[2] if lang == "vi" else forms[0 if n == 1 else 1]


def summary_text(comparison: MapComparison, lang: str = "en") -> str:
    """A short sentence of the main differences ("3 cards added, 1 removed; …")."""
    counts = comparison.counts()
    cards: list[str] = []
    for key, (full, short) in _CARD_PHRASES.items():
        if counts[key]:
            cards.append(_phrase(short if cards else full, lang, counts[key]).format(counts[key]))
    parts = [", ".join(cards)] if cards else []
    parts += [_phrase(_OTHER_PHRASES[k], lang, counts[k]).format(counts[k])
              for k in ("stages_added", "stages_removed", "connectors_added",
                        "connectors_removed", "connectors_changed") if counts[k]]
    b, a = comparison.emotion_before, comparison.emotion_after
    if b is not None and a is not None and abs(a - b) > _EPSILON:
        parts.append(_phrase(_OTHER_PHRASES["emotion"], lang, 2).format(b, a))
    if not parts:
        return _phrase(_OTHER_PHRASES["none"], lang, 2)
    text = "; ".join(parts)
    return text[0].upper() + text[1:]
