"""Palette → map drops: what a payload dropped at a scene point would do, and doing it.

`plan_drop` is pure geometry over the scene's layout, so the live preview and the drop
itself always agree; `perform_drop` pushes exactly one command.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QLineF, QMimeData, QPointF, QRectF

from app.canvas.i18n import tr
from app.canvas.scene import MapScene
from app.document import operations as ops
from app.document.document import Document
from app.domain.layout import emotion_y, score_at
from app.domain.model import LaneKind

PALETTE_MIME = "application/x-journey-studio-palette"


@dataclass
class DropPlan:
    """Where a palette item will land, how to preview it, and how to make it so."""

    valid: bool
    message: str = ""
    area: QRectF | None = None
    bar: QLineF | None = None
    face: tuple[QPointF, int] | None = None
    run: Callable[[Document], Any] | None = None


def payload_mime(payload: dict[str, Any]) -> QMimeData:
    """MIME data for a palette entry (what the palette's drag carries)."""
    mime = QMimeData()
    mime.setData(PALETTE_MIME, json.dumps(payload).encode("utf-8"))
    return mime


def payload_from(mime: QMimeData | None) -> dict[str, Any] | None:
    """The palette payload in MIME data, or None."""
    if mime is None or not mime.hasFormat(PALETTE_MIME):
        return None
    try:
        payload = json.loads(bytes(mime.data(PALETTE_MIME).data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(payload, dict) or payload.get("item") not in ("stage", "lane", "card",
                                                                     "marker"):
        return None
    return payload


def _kind(value: Any, default: LaneKind = LaneKind.TEXT) -> LaneKind:
    try:
        return LaneKind(value)
    except ValueError:
        return default


def new_stage_title(doc: Document) -> str:
    """The title a new stage gets, in the project's language."""
    return "Giai đoạn mới" if doc.project.language == "vi" else "New stage"


def plan_drop(scene: MapScene, payload: dict[str, Any], pos: QPointF) -> DropPlan:
    """What dropping `payload` at scene point `pos` would do."""
    journey = scene.journey
    if journey is None:
        return DropPlan(False)
    item = payload.get("item")
    x, y = pos.x(), pos.y()
    if item == "stage":
        gap = scene.layout.stage_gap_at(x) if journey.stages else 0
        return DropPlan(True, tr("Add a stage here"), scene.stage_gap_rect(gap),
                        run=lambda doc: ops.add_stage(doc, journey, new_stage_title(doc), gap))
    if item == "lane":
        kind = _kind(payload.get("kind"))
        gap = scene.layout.lane_gap_at(y) if journey.lanes else 0
        return DropPlan(True, tr("Add a lane here"), scene.lane_gap_rect(gap),
                        run=lambda doc: ops.add_lane(doc, journey, kind, index=gap))
    if not journey.stages:
        return DropPlan(False, tr("Add a stage first: drag “Stage” from the palette."))
    if not journey.lanes:
        return DropPlan(False, tr("Add a lane first: drag a lane from the palette."))
    if item == "marker":
        return _plan_marker(scene, payload, pos)
    cell = scene.cell_at(x, y)
    if cell is None:
        return DropPlan(False)
    stage_id, lane_id = cell
    lane = journey.lane(lane_id)
    if lane.kind == LaneKind.EMOTIONS:
        return DropPlan(False, tr("The emotions lane holds emotion markers: drop a face here."))
    index = scene.insert_index(stage_id, lane_id, y)
    wanted = _kind(payload.get("kind"), lane.kind)
    fields: dict[str, Any] = {}
    channel_id = payload.get("channel_id")
    if lane.kind == LaneKind.TOUCHPOINTS and doc_has_channel(scene, channel_id):
        fields["channel_id"] = channel_id
    message = tr("Add a card to “{0}”").format(lane.title)
    if wanted != lane.kind:
        message = tr("This card becomes a “{0}” card: the lane decides the kind.").format(
            lane.title)
    return DropPlan(True, message, scene.cell_rect(stage_id, lane_id),
                    scene.insertion_bar(stage_id, lane_id, index),
                    run=lambda doc: ops.add_card(doc, journey, stage_id, lane_id, index,
                                                 **fields))


def doc_has_channel(scene: MapScene, channel_id: Any) -> bool:
    """True when the channel is in the project's catalogue."""
    return isinstance(channel_id, str) and scene.doc.project.channel(channel_id) is not None


def _plan_marker(scene: MapScene, payload: dict[str, Any], pos: QPointF) -> DropPlan:
    journey = scene.journey
    cell = scene.cell_at(pos.x(), pos.y())
    if cell is None:
        return DropPlan(False)
    stage_id, lane_id = cell
    lane = journey.lane(lane_id)
    lane_rect = scene.layout.lane_rects[lane_id]
    raw = payload.get("score", 0)
    score = raw if isinstance(raw, int) and not isinstance(raw, bool) else 0
    score = max(journey.emotion_min, min(journey.emotion_max, score))
    if lane.kind == LaneKind.EMOTIONS and not lane.collapsed:
        score = score_at(lane_rect, pos.y(), journey.emotion_min, journey.emotion_max)
    else:
        lane = next((ln for ln in journey.lanes
                     if ln.kind == LaneKind.EMOTIONS and not ln.collapsed), None)
        if lane is None:
            return DropPlan(False, tr("Add an Emotions lane first: markers live there."))
        lane_rect = scene.layout.lane_rects[lane.id]
    stage_rect = scene.layout.stage_rects[stage_id]
    position = round(min(1.0, max(0.0, (pos.x() - stage_rect.x) / stage_rect.w)), 3)
    cx = stage_rect.x + position * stage_rect.w
    cy = emotion_y(lane_rect, score, journey.emotion_min, journey.emotion_max)
    lane_id = lane.id
    return DropPlan(True, tr("Add an emotion of {0:+d} here").format(score),
                    scene.cell_rect(stage_id, lane_id), face=(QPointF(cx, cy), score),
                    run=lambda doc: ops.add_marker(doc, journey, stage_id, lane_id, score,
                                                   position))
