"""The spreadsheet tables as rows of plain values, shared by the XLSX and CSV writers.

A value is text (`str`), a number (`int`/`float`) or empty (`None`). Text stays exactly
what the user typed; the writers decide how to keep it from being read as a formula
(`cells.py`). Rows follow the map: maps in project order, then stages left to right,
lanes top to bottom and cards in their cell's order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.insights import lower_is_better, opportunities
from app.domain.model import Card, JourneyMap, LaneKind, Project
from app.domain.voting import card_votes
from app.export.sheets.columns import (
    CARD_COLUMNS,
    CONNECTOR_COLUMNS,
    LANGUAGES,
    MARKER_COLUMNS,
    METRIC_COLUMNS,
    OPPORTUNITY_COLUMNS,
    PERSONA_COLUMNS,
    Column,
)
from app.export.sheets.values import evidence_label, join_tags, kind_label, yes_no

Value = str | int | float | None
TABLES = ("cards", "markers", "personas", "metrics", "opportunities", "connectors")

_WORDS: dict[str, tuple[str, str]] = {
    "higher": ("higher", "cao hơn"),
    "lower": ("lower", "thấp hơn"),
    "better": ("better", "tốt hơn"),
    "worse": ("worse", "kém hơn"),
    "on_target": ("on target", "đạt mục tiêu"),
}


class SheetsExportError(ValueError):
    """A spreadsheet export that cannot be made; the message says why in one line."""


def export_language(project: Project, language: str | None = None) -> str:
    """The language the sheets speak: the one asked for, else the project's, else English."""
    if language is not None:
        if language not in LANGUAGES:
            raise SheetsExportError(f"unknown language {language!r}; choose one of: "
                                    f"{', '.join(LANGUAGES)}")
        return language
    return project.language if project.language in LANGUAGES else "en"


def _word(key: str, language: str) -> str:
    en, vi = _WORDS[key]
    return vi if language == "vi" else en


@dataclass(frozen=True)
class Table:
    """One table: its key (a SHEETS key), its columns and its rows of values."""

    key: str
    columns: tuple[Column, ...]
    rows: list[list[Value]]

    def headers(self, language: str) -> list[str]:
        """The header row in the language."""
        return [column.header(language) for column in self.columns]


def ordered_cards(journey: JourneyMap) -> list[Card]:
    """A map's cards in reading order: stage by stage, lane by lane, then cell order.

    Cards whose stage or lane is missing (never written by the app) come last.
    """
    stage_rank = {s.id: i for i, s in enumerate(journey.stages)}
    lane_rank = {lane.id: i for i, lane in enumerate(journey.lanes)}
    last = len(journey.stages) + len(journey.lanes)
    return sorted(journey.cards, key=lambda c: (stage_rank.get(c.stage_id, last),
                                                lane_rank.get(c.lane_id, last), c.order))


def _place(journey: JourneyMap, card_stage: str, card_lane: str) -> tuple[str, str]:
    stage = journey.stage(card_stage)
    lane = journey.lane(card_lane)
    return (stage.title if stage else "", lane.title if lane else "")


def _kind_of(journey: JourneyMap, lane_id: str) -> LaneKind | None:
    lane = journey.lane(lane_id)
    return lane.kind if lane else None


def card_rows(project: Project, maps: Sequence[JourneyMap], language: str) -> list[list[Value]]:
    """One row per card, in CARD_COLUMNS order."""
    rows: list[list[Value]] = []
    for journey in maps:
        votes = card_votes(journey)  # every round's dots
        for card in ordered_cards(journey):
            stage, lane = _place(journey, card.stage_id, card.lane_id)
            kind = _kind_of(journey, card.lane_id)
            channel = project.channel(card.channel_id)
            fields: dict[str, Value] = {
                "id": card.id, "map": journey.name, "stage": stage, "lane": lane,
                "kind": kind_label(kind, language) if kind else "",
                "order": card.order, "title": card.title, "body": card.body,
                "channel": channel.name if channel else (card.channel_id or ""),
                "tags": join_tags(card.tags), "severity": card.severity,
                "owner": card.owner, "priority": card.priority, "status": card.status,
                "value": card.value, "unit": card.unit, "target": card.target,
                "evidence": evidence_label(card.evidence.value, language)
                if card.evidence else "",
                "favourite": yes_no(card.favourite, language), "span": card.span,
                "votes": votes.get(card.id),
            }
            rows.append([fields[column.key] for column in CARD_COLUMNS])
    return rows


def marker_rows(maps: Sequence[JourneyMap]) -> list[list[Value]]:
    """One row per emotion marker, in journey order, in MARKER_COLUMNS order."""
    rows: list[list[Value]] = []
    for journey in maps:
        for marker in journey.ordered_markers():
            stage, lane = _place(journey, marker.stage_id, marker.lane_id)
            fields: dict[str, Value] = {
                "id": marker.id, "map": journey.name, "stage": stage, "lane": lane,
                "score": marker.score, "position": marker.position, "label": marker.label,
            }
            rows.append([fields[column.key] for column in MARKER_COLUMNS])
    return rows


def persona_rows(project: Project, maps: Sequence[JourneyMap] | None = None
                 ) -> list[list[Value]]:
    """One row per persona (only those of `maps` when given), in PERSONA_COLUMNS order."""
    wanted = None if maps is None else {m.persona_id for m in maps}
    rows: list[list[Value]] = []
    for persona in project.personas:
        if wanted is not None and persona.id not in wanted:
            continue
        channels = [c.name for c in (project.channel(i) for i in persona.channel_ids) if c]
        fields: dict[str, Value] = {
            "id": persona.id, "name": persona.name, "description": persona.description,
            "age": persona.age, "occupation": persona.occupation, "quote": persona.quote,
            "goals": persona.goals, "motivations": persona.motivations,
            "behaviours": persona.behaviours, "interests": persona.interests,
            "pains": persona.pains, "channels": join_tags(channels),
        }
        rows.append([fields[column.key] for column in PERSONA_COLUMNS])
    return rows


def _versus_target(card: Card, language: str) -> str:
    if card.value is None or card.target is None:
        return ""
    if card.value == card.target:
        return _word("on_target", language)
    ahead = card.value < card.target if lower_is_better(card) else card.value > card.target
    return _word("better" if ahead else "worse", language)


def metric_rows(maps: Sequence[JourneyMap], language: str) -> list[list[Value]]:
    """One row per card of a metrics lane, with which way is better and how it stands."""
    rows: list[list[Value]] = []
    for journey in maps:
        for card in ordered_cards(journey):
            if _kind_of(journey, card.lane_id) is not LaneKind.METRICS:
                continue
            stage, lane = _place(journey, card.stage_id, card.lane_id)
            fields: dict[str, Value] = {
                "id": card.id, "map": journey.name, "stage": stage, "lane": lane,
                "title": card.title, "value": card.value, "unit": card.unit,
                "target": card.target,
                "direction": _word("lower" if lower_is_better(card) else "higher", language),
                "versus_target": _versus_target(card, language),
            }
            rows.append([fields[column.key] for column in METRIC_COLUMNS])
    return rows


def opportunity_rows(maps: Sequence[JourneyMap]) -> list[list[Value]]:
    """The action list: opportunities of each map, open and urgent ones first."""
    rows: list[list[Value]] = []
    for journey in maps:
        for card in opportunities(journey).ranked:
            stage, lane = _place(journey, card.stage_id, card.lane_id)
            fields: dict[str, Value] = {
                "id": card.id, "map": journey.name, "stage": stage, "lane": lane,
                "title": card.title, "body": card.body, "owner": card.owner,
                "priority": card.priority, "status": card.status, "severity": card.severity,
                "tags": join_tags(card.tags),
            }
            rows.append([fields[column.key] for column in OPPORTUNITY_COLUMNS])
    return rows


def build_table(key: str, project: Project, maps: Sequence[JourneyMap], language: str,
                *, every_persona: bool = True) -> Table:
    """The table `key` (one of TABLES) of `maps`."""
    if key == "cards":
        return Table(key, CARD_COLUMNS, card_rows(project, maps, language))
    if key == "markers":
        return Table(key, MARKER_COLUMNS, marker_rows(maps))
    if key == "personas":
        return Table(key, PERSONA_COLUMNS,
                     persona_rows(project, None if every_persona else maps))
    if key == "metrics":
        return Table(key, METRIC_COLUMNS, metric_rows(maps, language))
    if key == "opportunities":
        return Table(key, OPPORTUNITY_COLUMNS, opportunity_rows(maps))
    if key == "connectors":
        from app.export.sheets.connectors import connector_rows

        return Table(key, CONNECTOR_COLUMNS, connector_rows(maps, language))
    raise ValueError(f"unknown table {key!r}; choose one of: {', '.join(TABLES)}")
