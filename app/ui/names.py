"""User-facing names of the model's kinds and states, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.model import Evidence, LaneKind, MapState


def tr(text: str) -> str:
    """Translate in the shared 'Names' context."""
    return QCoreApplication.translate("Names", text)


def lane_kind_name(kind: LaneKind) -> str:
    """The name of a lane kind (Touchpoints, Pains…)."""
    return {
        LaneKind.TOUCHPOINTS: tr("Touchpoints"),
        LaneKind.ACTIONS: tr("Actions"),
        LaneKind.THOUGHTS: tr("Thoughts"),
        LaneKind.EMOTIONS: tr("Emotions"),
        LaneKind.PAINS: tr("Pains"),
        LaneKind.OPPORTUNITIES: tr("Opportunities"),
        LaneKind.BACKSTAGE: tr("Backstage"),
        LaneKind.METRICS: tr("Metrics"),
        LaneKind.TEXT: tr("Notes"),
    }[LaneKind(kind)]


def card_kind_name(kind: LaneKind) -> str:
    """What one card of a lane of this kind is called (a touchpoint, a pain…)."""
    return {
        LaneKind.TOUCHPOINTS: tr("Touchpoint"),
        LaneKind.ACTIONS: tr("Action"),
        LaneKind.THOUGHTS: tr("Thought"),
        LaneKind.EMOTIONS: tr("Emotion"),
        LaneKind.PAINS: tr("Pain point"),
        LaneKind.OPPORTUNITIES: tr("Opportunity"),
        LaneKind.BACKSTAGE: tr("Backstage item"),
        LaneKind.METRICS: tr("Metric"),
        LaneKind.TEXT: tr("Note"),
    }[LaneKind(kind)]


def state_name(state: MapState) -> str:
    """Current state or future state."""
    return tr("Current state") if MapState(state) == MapState.CURRENT else tr("Future state")


def state_badge(state: MapState) -> str:
    """The short badge of a map's state in the maps list."""
    return tr("current") if MapState(state) == MapState.CURRENT else tr("future")


def evidence_name(evidence: Evidence | None) -> str:
    """How sure a card is, or 'Not stated'."""
    if evidence is None:
        return tr("Not stated")
    return {
        Evidence.OBSERVED: tr("Observed"),
        Evidence.ASSUMED: tr("Assumed"),
        Evidence.PROPOSED: tr("Proposed"),
    }[Evidence(evidence)]


def emotion_name(score: int) -> str:
    """The name of an emotion score from −2 to +2."""
    return {
        -2: tr("Very negative"),
        -1: tr("Negative"),
        0: tr("Neutral"),
        1: tr("Positive"),
        2: tr("Very positive"),
    }[max(-2, min(2, int(score)))]


def severity_name(severity: int | None) -> str:
    """A pain's severity: not rated, low, medium or high."""
    return {None: tr("Not rated"), 1: tr("1 — Low"), 2: tr("2 — Medium"),
            3: tr("3 — High")}[severity]


def priority_suggestions() -> list[str]:
    """Priorities offered for opportunities (the insights understand them in both languages)."""
    return [tr("Critical"), tr("High"), tr("Medium"), tr("Low")]


def status_suggestions() -> list[str]:
    """Statuses offered for opportunities."""
    return [tr("Idea"), tr("Planned"), tr("In progress"), tr("Done")]
