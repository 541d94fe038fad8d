"""The full text behind a map item, shown as its tooltip (the canvas shows six lines)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGraphicsItem

from app.canvas.i18n import connector_kind_name, emotion_name, evidence_name, tr
from app.canvas.items.card import format_number
from app.canvas.items.headers import CornerItem
from app.domain.model import Card, Connector, EmotionMarker, JourneyMap, Lane, Stage

if TYPE_CHECKING:
    from app.canvas.scene import MapScene


def end_name(journey: JourneyMap | None, entity_id: str) -> str:
    """The name of a connector's end: a card's title or a stage's."""
    end = (journey.card(entity_id) or journey.stage(entity_id)) if journey else None
    return (end.title or tr("(untitled)")) if end is not None else "?"


def connector_text(journey: JourneyMap | None, connector: Connector) -> str:
    """“Flow: Search → Compare prices”, and its label."""
    line = tr("{0}: {1} → {2}").format(connector_kind_name(connector.kind),
                                       end_name(journey, connector.source_id),
                                       end_name(journey, connector.target_id))
    if connector.assumed:
        line += " " + tr("(assumed)")
    return line + (f"\n{connector.label}" if connector.label else "")


def _card_text(scene: MapScene, card: Card) -> str:
    parts = [card.title or tr("(untitled)")]
    if card.body:
        parts.append(card.body)
    channel = scene.doc.project.channel(card.channel_id)
    details = []
    if channel is not None:
        details.append(tr("Channel: {0}").format(channel.name))
    if card.severity:
        details.append(tr("Severity: {0} of 3").format(card.severity))
    if card.value is not None:
        details.append(tr("Value: {0} {1}").format(format_number(card.value),
                                                   card.unit).strip())
    if card.target is not None:
        details.append(tr("Target: {0}").format(format_number(card.target)))
    for label, value in ((tr("Owner"), card.owner), (tr("Priority"), card.priority),
                         (tr("Status"), card.status)):
        if value:
            details.append(f"{label}: {value}")
    if card.evidence is not None:
        details.append(tr("Evidence: {0}").format(evidence_name(card.evidence.value)))
    if card.favourite:
        details.append(tr("★ Favourite touchpoint"))
    return "\n\n".join(parts + (["\n".join(details)] if details else []))


def tooltip_for(scene: MapScene, item: QGraphicsItem | None) -> str:
    """The full text behind an item of `scene`; empty for an item without one."""
    entity = scene.entity_of(item)
    if isinstance(item, CornerItem) and item.persona is not None:
        p = item.persona
        return "\n".join(x for x in (p.name, p.occupation, p.quote and f"“{p.quote}”") if x)
    if isinstance(entity, Card):
        return _card_text(scene, entity)
    if isinstance(entity, EmotionMarker):
        name = emotion_name(entity.score)
        return f"{entity.score:+d} · {name}" + (f"\n{entity.label}" if entity.label else "")
    if isinstance(entity, (Stage, Lane)):
        extra = entity.description if isinstance(entity, Stage) else ""
        return entity.title + (f"\n\n{extra}" if extra else "")
    if isinstance(entity, Connector):
        return connector_text(scene.journey, entity)
    return ""
