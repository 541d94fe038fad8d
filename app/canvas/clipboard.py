"""The clipboard form of cards and markers: operations.copy_payload JSON plus plain text.

The JSON travels under its own MIME type, so copy and paste work between maps, between
projects and between two running Journey Studios; the plain text lets a user paste
cards into a mail or a spreadsheet, and paste lines of text back as new cards.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QMimeData

from app.document import operations as ops
from app.domain.model import Card, EmotionMarker

ITEMS_MIME = "application/x-journey-studio-items"
MAX_TEXT_CARDS = 200  # pasting a whole document as cards is never what a user meant


def plain_text(entities: list[Any]) -> str:
    """The items as text: one card per paragraph (title, then body)."""
    parts = []
    for entity in entities:
        if isinstance(entity, Card):
            parts.append("\n".join(x for x in (entity.title, entity.body) if x))
        elif isinstance(entity, EmotionMarker):
            parts.append(f"{entity.score:+d} {entity.label}".strip())
    return "\n\n".join(p for p in parts if p)


def mime_for(entities: list[Any]) -> QMimeData:
    """MIME data carrying the items' JSON and a plain-text rendering."""
    mime = QMimeData()
    payload = ops.copy_payload(entities)
    mime.setData(ITEMS_MIME, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    mime.setText(plain_text(entities))
    return mime


def payload_from(mime: QMimeData | None) -> dict[str, Any] | None:
    """The items' JSON from MIME data, or None when it holds none (or is damaged)."""
    if mime is None or not mime.hasFormat(ITEMS_MIME):
        return None
    try:
        payload = json.loads(bytes(mime.data(ITEMS_MIME).data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    return payload if isinstance(payload, dict) else None


def text_cards(mime: QMimeData | None) -> list[str]:
    """Non-empty lines of plain text, each to become a card's title."""
    if mime is None or not mime.hasText():
        return []
    lines = [line.strip() for line in mime.text().splitlines()]
    return [line for line in lines if line][:MAX_TEXT_CARDS]
