"""What a map says at a glance: the numbers behind the insights page and panel.

Pure Python over the domain model (no Qt, no ReportLab), so the PDF insights page and the
on-screen insights panel compute the same figures. Entry point: `compute_insights(map)`;
each part is also available on its own. Every result is a frozen dataclass in journey
order (stages left to right) unless the name says "ranked".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from app.domain.model import Card, ConnectorKind, JourneyMap, LaneKind, Project
from app.domain.voting import RoundResult, latest_result

# Priority words (English and Vietnamese, as users type them) -> rank; lower is more urgent.
_PRIORITY_RANK = {
    "critical": 0, "urgent": 0, "khẩn cấp": 0, "p0": 0,
    "high": 1, "cao": 1, "p1": 1, "1": 1,
    "medium": 2, "med": 2, "trung bình": 2, "p2": 2, "2": 2,
    "low": 3, "thấp": 3, "p3": 3, "3": 3,
}
# Statuses that mean the work is finished sink to the bottom of "top opportunities".
_DONE_STATUSES = {"done", "closed", "shipped", "implemented", "hoàn thành", "xong", "đã xong"}
_DROP_WORDS = ("drop", "bounce", "churn", "abandon", "rời", "thoát", "bỏ")
# Durations are better short (delivery time, waiting): lower is better for these too.
_LOWER_WORDS = _DROP_WORDS + ("time", "wait", "thời gian", "chờ")
# Scores and durations are not head counts: they stand in the funnel only when tagged.
_NOT_FUNNEL_WORDS = ("nps", "csat", "satisfaction", "score", "rating", "time", "hài lòng",
                     "điểm", "thời gian")
UNSPECIFIED = "unspecified"


@dataclass(frozen=True)
class StageEmotion:
    """The mean emotion score of one stage's markers (None when it has none)."""

    stage_id: str
    stage_title: str
    average: float | None
    count: int


@dataclass(frozen=True)
class MomentOfTruth:
    """A fall in emotion between two consecutive markers; `drop` is positive."""

    from_marker_id: str
    to_marker_id: str
    from_stage_id: str
    to_stage_id: str
    from_score: int
    to_score: int
    drop: int
    label: str


@dataclass(frozen=True)
class StagePains:
    """Pain cards of one stage: how many, total and worst severity."""

    stage_id: str
    stage_title: str
    count: int
    severity_total: int
    max_severity: int
    card_ids: tuple[str, ...]


@dataclass(frozen=True)
class TouchpointRank:
    """A touchpoint card marked favourite."""

    card_id: str
    title: str
    stage_id: str
    channel_id: str | None


@dataclass(frozen=True)
class ChannelRank:
    """How much a channel is used across the map's touchpoints, and how often loved."""

    channel_id: str | None
    name: str
    touchpoints: int
    favourites: int


@dataclass(frozen=True)
class StepBack:
    """A loop-back connector: where customers return from and to, and the pains there.

    `pain_ids` are the pain cards of the stages the loop spans (from the stage it returns
    to through the stage it leaves), worst first; a pain card at either end counts too.
    """

    connector_id: str
    from_id: str
    from_title: str
    from_stage_id: str | None
    to_id: str
    to_title: str
    to_stage_id: str | None
    label: str
    assumed: bool
    pain_ids: tuple[str, ...] = ()
    pain_titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class FunnelStep:
    """One stage of the metrics funnel; `drop_off` is a fraction 0..1 (None if unknown).

    A step with `branch` set is an alternative path (a metric a branch connector leads
    to), listed after the main step of its stage: it has no drop-off of its own, and who
    took it is not counted as lost by the main step it stands beside. `branch_from` names
    the stage the branch leaves; on a main step it names the stage a branch left before it
    when that branch's head count is unknown (its drop-off is then None, not a guess).
    """

    stage_id: str
    stage_title: str
    card_id: str | None
    metric_title: str
    value: float | None
    unit: str
    drop_off: float | None
    branch: bool = False
    branch_from: str | None = None


@dataclass(frozen=True)
class MetricTarget:
    """One metric against its target (the insights page shows these when the metrics
    form no funnel)."""

    card_id: str
    stage_title: str
    title: str
    value: float
    unit: str
    target: float | None
    better: bool | None


@dataclass(frozen=True)
class OpportunitySummary:
    """Opportunities counted by status and by priority, and the most urgent open ones."""

    total: int
    by_status: dict[str, int] = field(default_factory=dict)
    by_priority: dict[str, int] = field(default_factory=dict)
    ranked: tuple[Card, ...] = ()


@dataclass(frozen=True)
class MapInsights:
    """Every insight of one map."""

    map_id: str
    stage_emotions: tuple[StageEmotion, ...]
    moments_of_truth: tuple[MomentOfTruth, ...]
    pains: tuple[StagePains, ...]
    favourite_touchpoints: tuple[TouchpointRank, ...]
    channels: tuple[ChannelRank, ...]
    funnel: tuple[FunnelStep, ...]
    opportunities: OpportunitySummary
    card_count: int
    targets: tuple[MetricTarget, ...] = ()
    step_backs: tuple[StepBack, ...] = ()
    votes: RoundResult | None = None  # the newest voting round with dots

    @property
    def overall_emotion(self) -> float | None:
        """The mean of the stage averages that exist, or None."""
        values = [s.average for s in self.stage_emotions if s.average is not None]
        return sum(values) / len(values) if values else None


def _lane_kinds(journey: JourneyMap) -> dict[str, LaneKind]:
    return {lane.id: lane.kind for lane in journey.lanes}


def _cards_of(journey: JourneyMap, kind: LaneKind) -> list[Card]:
    kinds = _lane_kinds(journey)
    rank = {s.id: i for i, s in enumerate(journey.stages)}
    cards = [c for c in journey.cards if kinds.get(c.lane_id) == kind and c.stage_id in rank]
    cards.sort(key=lambda c: (rank[c.stage_id], c.order))
    return cards


def stage_emotions(journey: JourneyMap) -> list[StageEmotion]:
    """The average emotion score per stage, in stage order."""
    out = []
    for stage in journey.stages:
        scores = [m.score for m in journey.markers if m.stage_id == stage.id]
        avg = sum(scores) / len(scores) if scores else None
        out.append(StageEmotion(stage.id, stage.title, avg, len(scores)))
    return out


def moments_of_truth(journey: JourneyMap, limit: int = 3) -> list[MomentOfTruth]:
    """The largest drops between consecutive markers (journey order), deepest first."""
    markers = journey.ordered_markers()
    drops = []
    for i, (a, b) in enumerate(zip(markers, markers[1:], strict=False)):
        if b.score < a.score:
            drops.append((a.score - b.score, i, a, b))
    # Deepest first; among equal drops the earlier one (customers meet it first).
    drops.sort(key=lambda d: (-d[0], d[1]))
    return [
        MomentOfTruth(a.id, b.id, a.stage_id, b.stage_id, a.score, b.score, drop,
                      b.label or a.label)
        for drop, _, a, b in drops[:limit]
    ]


def pains_per_stage(journey: JourneyMap) -> list[StagePains]:
    """Pain cards counted per stage, with their severities (missing severity counts 1)."""
    pains = _cards_of(journey, LaneKind.PAINS)
    out = []
    for stage in journey.stages:
        mine = [c for c in pains if c.stage_id == stage.id]
        severities = [max(1, c.severity or 1) for c in mine]
        out.append(StagePains(stage.id, stage.title, len(mine), sum(severities),
                              max(severities, default=0), tuple(c.id for c in mine)))
    return out


def favourite_touchpoints(journey: JourneyMap) -> list[TouchpointRank]:
    """Touchpoint cards marked favourite, in journey order."""
    return [TouchpointRank(c.id, c.title, c.stage_id, c.channel_id)
            for c in _cards_of(journey, LaneKind.TOUCHPOINTS) if c.favourite]


def channels_ranked(journey: JourneyMap, project: Project | None = None) -> list[ChannelRank]:
    """Channels ranked by favourite marks, then by number of touchpoints."""
    used: Counter[str | None] = Counter()
    loved: Counter[str | None] = Counter()
    for card in _cards_of(journey, LaneKind.TOUCHPOINTS):
        used[card.channel_id] += 1
        loved[card.channel_id] += card.favourite
    out = []
    for channel_id, count in used.items():
        channel = project.channel(channel_id) if project else None
        name = channel.name if channel else (UNSPECIFIED if channel_id is None else channel_id)
        out.append(ChannelRank(channel_id, name, count, loved[channel_id]))
    out.sort(key=lambda r: (-r.favourites, -r.touchpoints, r.name.casefold()))
    return out


def lower_is_better(card: Card) -> bool:
    """True for a metric where less is good (drop-off, bounce, churn…), by its title/tags."""
    text = (card.title + " " + " ".join(card.tags)).casefold()
    return any(word in text for word in _LOWER_WORDS)


def _funnel_card(cards: list[Card]) -> Card | None:
    """The metric that stands for a stage in the funnel: tagged "funnel", else the first."""
    valued = [c for c in cards if c.value is not None]
    tagged = [c for c in valued if _tagged_funnel(c)]
    plain = [c for c in valued
             if not any(w in c.title.casefold() for w in _NOT_FUNNEL_WORDS)]
    return next(iter(tagged or plain), None)


def _tagged_funnel(card: Card) -> bool:
    return any(t.strip().casefold() == "funnel" for t in card.tags)


def _unit(card: Card) -> str:
    return card.unit.strip().casefold()


def metrics_funnel(journey: JourneyMap) -> list[FunnelStep]:
    """The funnel the map's metrics form, in stage order; [] when they form none.

    Each stage offers one metric: its first metric card tagged "funnel", else its first
    valued metric that is not a score or a duration (NPS, satisfaction, time…). When any
    card is tagged "funnel", only the tagged ones are steps. The steps form a funnel when
    there are at least two, all in one unit (a count of people, or "%" shares of the
    entrants, never a drop-off rate), every value is positive and none is larger than the
    step before: a funnel never widens and never chains unrelated units. Drop-off is
    1 − value / previous value; a first step in "%" drops 1 − value / 100 of the entrants.

    Branches are not drop-offs. A metric card a branch connector ends at is an
    alternative step, never its stage's main step. Customers who left a step by a branch
    (a branch from any card of a stage from the previous step's on, forward in the
    journey) are not lost: the next main step's drop-off is 1 − (value + the values of
    the alternative steps they reached) / previous value. When a branch leads to a card
    without a value in the funnel's unit, how many took it is unknown and that drop-off
    is None rather than a figure that counts them as lost.
    """
    metrics = _cards_of(journey, LaneKind.METRICS)
    rank = {stage.id: i for i, stage in enumerate(journey.stages)}
    branches = _forward_branches(journey, rank)
    reached = {target for _, target, _ in branches}
    chosen: list[tuple[str, str, Card]] = []
    for stage in journey.stages:
        card = _funnel_card([c for c in metrics if c.stage_id == stage.id
                             and c.id not in reached])
        if card is not None:
            chosen.append((stage.id, stage.title, card))
    if any(_tagged_funnel(card) for _, _, card in chosen):
        chosen = [step for step in chosen if _tagged_funnel(step[2])]
    if len(chosen) < 2 or len({_unit(card) for _, _, card in chosen}) != 1:
        return []
    values = [float(card.value) for _, _, card in chosen]  # type: ignore[arg-type]
    unit = _unit(chosen[0][2])
    share = unit == "%"
    if any(v <= 0 for v in values) or any(b > a for a, b in zip(values, values[1:],
                                                               strict=False)):
        return []
    if share and (values[0] > 100 or any(lower_is_better(card) for _, _, card in chosen)):
        return []
    by_id = {c.id: c for c in metrics}
    # Alternative steps: what a branch leads to, when it is counted in the funnel's unit.
    counted = {cid: by_id[cid] for cid in reached if cid in by_id
               and by_id[cid].value is not None and _unit(by_id[cid]) == unit}
    titles = {stage.id: stage.title for stage in journey.stages}
    steps = []
    previous: float | None = 100.0 if share else None
    after_rank = -1  # branches leaving from this stage on end before the next main step
    for (stage_id, title, card), value in zip(chosen, values, strict=True):
        leaving = [(src, target) for src, target, _ in branches
                   if after_rank <= rank[src] < rank[stage_id]]
        unknown = next((src for src, target in leaving if target not in counted), None)
        kept = sum(float(counted[t].value or 0) for t in {t for _, t in leaving} & counted.keys())
        drop = None
        if previous is not None and unknown is None:
            drop = max(0.0, 1 - (value + kept) / previous)
        steps.append(FunnelStep(stage_id, title, card.id, card.title, value, card.unit, drop,
                                branch_from=unknown))
        for alt in sorted((c for c in counted.values() if c.stage_id == stage_id),
                          key=lambda c: c.order):
            steps.append(_branch_step(alt, titles, branches))
        previous, after_rank = value, rank[stage_id]
    # Alternative steps in stages with no main step of their own stand where they fall.
    mains = {step.stage_id for step in steps}
    for alt in sorted((c for c in counted.values() if c.stage_id not in mains),
                      key=lambda c: (rank[c.stage_id], c.order)):
        at = next((i for i, st in enumerate(steps) if rank[st.stage_id] > rank[alt.stage_id]),
                  len(steps))
        steps.insert(at, _branch_step(alt, titles, branches))
    return steps


def _forward_branches(journey: JourneyMap,
                      rank: dict[str, int]) -> list[tuple[str, str, str]]:
    """(source stage, target id, target stage) of each branch that leads forward."""
    cells = {c.id: c.stage_id for c in journey.cards}
    out = []
    for con in journey.connectors:
        if con.kind != ConnectorKind.BRANCH or cells.get(con.source_id) not in rank:
            continue
        source = cells[con.source_id]
        target_stage = cells.get(con.target_id, con.target_id)
        if target_stage in rank and rank[target_stage] > rank[source]:
            out.append((source, con.target_id, target_stage))
    return out


def _branch_step(card: Card, titles: dict[str, str],
                 branches: list[tuple[str, str, str]]) -> FunnelStep:
    source = next(src for src, target, _ in branches if target == card.id)
    return FunnelStep(card.stage_id, titles.get(card.stage_id, ""), card.id, card.title,
                      float(card.value or 0), card.unit, None, True, source)


def step_backs(journey: JourneyMap) -> list[StepBack]:
    """Where customers step back: every loop-back connector, in journey order of the
    stage it leaves, with the pains of the stages it spans (worst first)."""
    rank = {stage.id: i for i, stage in enumerate(journey.stages)}
    titles = {stage.id: stage.title for stage in journey.stages}
    cards = {c.id: c for c in journey.cards}
    pains = _cards_of(journey, LaneKind.PAINS)
    found = []
    for con in journey.connectors:
        source, target = cards.get(con.source_id), cards.get(con.target_id)
        if con.kind != ConnectorKind.LOOP_BACK or source is None:
            continue
        to_stage = target.stage_id if target is not None else con.target_id
        if target is None and to_stage not in titles:
            continue
        ends = [rank[s] for s in (source.stage_id, to_stage) if s in rank]
        involved = [c for c in pains
                    if ends and min(ends) <= rank[c.stage_id] <= max(ends)]
        involved.sort(key=lambda c: -max(1, c.severity or 1))  # stable: journey order next
        found.append(((rank.get(source.stage_id, len(rank)), rank.get(to_stage, len(rank)),
                       source.order), StepBack(
            con.id, source.id, source.title, source.stage_id, con.target_id,
            target.title if target is not None else titles[to_stage], to_stage, con.label,
            con.assumed, tuple(c.id for c in involved), tuple(c.title for c in involved))))
    found.sort(key=lambda pair: pair[0])
    return [step for _, step in found]


def metrics_against_target(journey: JourneyMap) -> list[MetricTarget]:
    """Every metric card with a value, in stage order, against its target: `better` is
    True when it beats the target (lower is better for drop-offs, bounce, churn…), False
    when it falls short, None without a target or when it is right on it."""
    order = {stage.id: i for i, stage in enumerate(journey.stages)}
    titles = {stage.id: stage.title for stage in journey.stages}
    rows = []
    for card in sorted(_cards_of(journey, LaneKind.METRICS),
                       key=lambda c: (order.get(c.stage_id, len(order)), c.order)):
        if card.value is None:
            continue
        better: bool | None = None
        if card.target is not None and card.value != card.target:
            better = (card.value < card.target) == lower_is_better(card)
        rows.append(MetricTarget(card.id, titles.get(card.stage_id, ""), card.title,
                                 float(card.value), card.unit,
                                 None if card.target is None else float(card.target), better))
    return rows


def priority_rank(priority: str) -> int:
    """0 (critical) .. 3 (low); 4 for an empty or unknown priority."""
    return _PRIORITY_RANK.get(priority.strip().casefold(), 4)


def _norm(word: str) -> str:
    return word.strip().casefold() or UNSPECIFIED


def opportunities(journey: JourneyMap) -> OpportunitySummary:
    """Opportunities by status and priority; `ranked` puts open, urgent ones first."""
    cards = _cards_of(journey, LaneKind.OPPORTUNITIES)
    by_status = Counter(_norm(c.status) for c in cards)
    by_priority = Counter(_norm(c.priority) for c in cards)
    order = {c.id: i for i, c in enumerate(cards)}
    ranked = sorted(cards, key=lambda c: (_norm(c.status) in _DONE_STATUSES,
                                          priority_rank(c.priority), order[c.id]))
    return OpportunitySummary(len(cards), dict(by_status.most_common()),
                              dict(sorted(by_priority.items(),
                                          key=lambda kv: (priority_rank(kv[0]), kv[0]))),
                              tuple(ranked))


def compute_insights(journey: JourneyMap, project: Project | None = None) -> MapInsights:
    """Every insight of `journey`; `project` supplies channel names when given."""
    return MapInsights(
        map_id=journey.id,
        stage_emotions=tuple(stage_emotions(journey)),
        moments_of_truth=tuple(moments_of_truth(journey)),
        pains=tuple(pains_per_stage(journey)),
        favourite_touchpoints=tuple(favourite_touchpoints(journey)),
        channels=tuple(channels_ranked(journey, project)),
        funnel=tuple(metrics_funnel(journey)),
        opportunities=opportunities(journey),
        card_count=len(journey.cards),
        targets=tuple(metrics_against_target(journey)),
        step_backs=tuple(step_backs(journey)),
        votes=latest_result(journey),
    )
