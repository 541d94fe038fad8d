"""Projects and readers for the spreadsheet export tests (XLSX read back with openpyxl)."""

from __future__ import annotations

import csv
import io
import itertools
from pathlib import Path

import openpyxl
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from app.domain.model import (
    Card,
    EmotionMarker,
    Evidence,
    JourneyMap,
    Lane,
    LaneKind,
    Project,
    Stage,
)
from app.domain.templates import TEMPLATES, new_project
from app.export.sheets.columns import (
    CARD_COLUMNS,
    META_SHEET,
)
from app.export.sheets.values import parse_evidence, parse_flag, parse_kind, split_tags

HOSTILE_TEXTS = ('=HYPERLINK("http://x","click")', "+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR",
                 "=1+1")
TRICKY_TEXTS = ("Tiếng Việt: ậ ứ ắ ỗ đ Đ", "Emoji 😀🎉👍🏽", "<b>bold</b> & R&D <img src='x'/>",
                'He said "hi", then left', "two\nlines", "  spaced  ")


def full_project(template: str, language: str = "en") -> Project:
    """A project from `template` with a card in every cell, every field set, and markers."""
    project = new_project(template, language, f"Project {template}")
    journey = project.maps[0]
    if not journey.stages:  # the blank template: give it somewhere to put cards
        journey.stages.append(Stage(map_id=journey.id, title="Only stage"))
        journey.lanes.append(Lane(map_id=journey.id, title="Only lane", kind=LaneKind.TEXT))
    channels = itertools.cycle(project.channels)
    evidence = itertools.cycle([*Evidence, None])
    numbers = itertools.count(1)
    for stage in journey.stages:
        for lane in journey.lanes:
            n = next(numbers)
            if lane.kind is LaneKind.EMOTIONS:
                journey.markers += [
                    EmotionMarker(map_id=journey.id, stage_id=stage.id, lane_id=lane.id,
                                  score=(n % 5) - 2, position=0.25, label=f"Feeling {n}"),
                    EmotionMarker(map_id=journey.id, stage_id=stage.id, lane_id=lane.id,
                                  score=((n + 1) % 5) - 2, position=0.75, label="")]
                continue
            for order in range(1 + n % 2):
                journey.cards.append(Card(
                    map_id=journey.id, stage_id=stage.id, lane_id=lane.id, order=order,
                    title=f"{lane.title} {stage.title} #{order}", body=f"Body {n}\nline two",
                    channel_id=next(channels).id if lane.kind is LaneKind.TOUCHPOINTS else None,
                    tags=["tag a", f"tag {n}"] if n % 3 else [],
                    severity=1 + n % 3 if lane.kind is LaneKind.PAINS else None,
                    owner=f"Owner {n}", priority=("High", "Low", "")[n % 3],
                    status=("Open", "Done", "")[n % 3],
                    value=-2.5 * n if lane.kind is LaneKind.METRICS else None,
                    unit="%" if n % 2 else "", target=10.0 * n if n % 2 else None,
                    evidence=next(evidence), favourite=n % 2 == 0, span=1 + n % 2))
    return project


def template_projects() -> list[tuple[str, Project]]:
    """Every template as a full project (English and Vietnamese alternately)."""
    return [(key, full_project(key, "vi" if i % 2 else "en"))
            for i, key in enumerate(TEMPLATES)]


def load(path: Path) -> Workbook:
    """The workbook as a user's spreadsheet program would see its values (no formulas run)."""
    return openpyxl.load_workbook(path, rich_text=False)


def sheet_rows(ws: Worksheet) -> list[list[object]]:
    """The sheet's values, row by row."""
    return [list(row) for row in ws.iter_rows(values_only=True)]


def table_dicts(ws: Worksheet, keys: list[str]) -> list[dict[str, object]]:
    """Data rows of a table sheet as {column key: value} (headers in the sheet's order)."""
    rows = sheet_rows(ws)
    return [dict(zip(keys, row, strict=True)) for row in rows[1:]]


def meta(workbook: Workbook) -> list[list[object]]:
    """The rows of the hidden metadata sheet."""
    return sheet_rows(workbook[META_SHEET])


def card_fields_from_row(row: dict[str, object]) -> dict[str, object]:
    """What a Cards row says about a card, decoded with the codecs the importer uses."""
    def text(key: str) -> str:
        value = row[key]
        return "" if value is None else str(value)

    return {
        "id": text("id"), "map": text("map"), "stage": text("stage"), "lane": text("lane"),
        "kind": parse_kind(text("kind")), "order": row["order"], "title": text("title"),
        "body": text("body"), "channel": text("channel"), "tags": split_tags(text("tags")),
        "severity": row["severity"], "owner": text("owner"), "priority": text("priority"),
        "status": text("status"), "value": row["value"], "unit": text("unit"),
        "target": row["target"], "evidence": parse_evidence(text("evidence")),
        "favourite": parse_flag(text("favourite")), "span": row["span"],
    }


def card_fields(project: Project, journey: JourneyMap, card: Card) -> dict[str, object]:
    """The same fields straight from the model."""
    stage, lane = journey.stage(card.stage_id), journey.lane(card.lane_id)
    assert stage is not None and lane is not None
    channel = project.channel(card.channel_id)
    return {
        "id": card.id, "map": journey.name, "stage": stage.title, "lane": lane.title,
        "kind": lane.kind, "order": card.order, "title": card.title, "body": card.body,
        "channel": channel.name if channel else "", "tags": card.tags,
        "severity": card.severity, "owner": card.owner, "priority": card.priority,
        "status": card.status, "value": card.value, "unit": card.unit, "target": card.target,
        "evidence": card.evidence.value if card.evidence else None,
        "favourite": card.favourite, "span": card.span,
    }


CARD_KEYS = [column.key for column in CARD_COLUMNS]


def read_csv(path: Path) -> list[list[str]]:
    """A CSV written by the exporter, parsed as RFC 4180 (after its byte-order mark)."""
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))
