"""Small projects built by hand for the issue-5 tests, and a way to reopen them."""

from __future__ import annotations

import io
import json
from pathlib import Path

from app.document.document import Document
from app.domain.model import (
    Card,
    EmotionMarker,
    JourneyMap,
    Lane,
    LaneKind,
    Project,
    Stage,
)
from app.domain.serialize import project_from_dict, project_to_dict
from app.domain.templates import builtin_channels


def small_map(name: str = "Hiện tại") -> JourneyMap:
    """Two stages (Tìm hiểu, Mua) × touchpoints, emotions, pains; 3 cards, 3 markers."""
    m = JourneyMap(name=name)
    a = Stage(map_id=m.id, title="Tìm hiểu")
    b = Stage(map_id=m.id, title="Mua")
    tp = Lane(map_id=m.id, title="Điểm chạm", kind=LaneKind.TOUCHPOINTS)
    em = Lane(map_id=m.id, title="Cảm xúc", kind=LaneKind.EMOTIONS)
    pn = Lane(map_id=m.id, title="Điểm đau", kind=LaneKind.PAINS)
    m.stages = [a, b]
    m.lanes = [tp, em, pn]
    m.cards = [
        Card(map_id=m.id, stage_id=a.id, lane_id=tp.id, title="Quảng cáo", order=0),
        Card(map_id=m.id, stage_id=b.id, lane_id=tp.id, title="Trang web", order=0),
        Card(map_id=m.id, stage_id=a.id, lane_id=pn.id, title="Chậm", order=0, severity=2),
    ]
    m.markers = [
        EmotionMarker(map_id=m.id, stage_id=a.id, lane_id=em.id, score=-1, position=0.2),
        EmotionMarker(map_id=m.id, stage_id=a.id, lane_id=em.id, score=1, position=0.8),
        EmotionMarker(map_id=m.id, stage_id=b.id, lane_id=em.id, score=-2, position=0.5,
                      label="Phí ẩn"),
    ]
    return m


def small_project(language: str = "vi") -> Project:
    """A project holding small_map() and the built-in channels."""
    project = Project(title="Dự án thử", language=language)
    project.channels = builtin_channels(language)
    project.maps.append(small_map())
    return project


def card_titled(journey: JourneyMap, title: str) -> Card:
    """The card of `journey` with this title."""
    return next(c for c in journey.cards if c.title == title)


def json_roundtrip(project: Project) -> Project:
    """The project after a trip through the JSON interchange format."""
    text = json.dumps(project_to_dict(project), ensure_ascii=False)
    return project_from_dict(json.load(io.StringIO(text)))


def storage_ready() -> bool:
    """True once app.storage can open and create .cjm files."""
    try:
        from app.storage import ProjectStore  # noqa: F401
    except ImportError:
        return False
    return True


def file_document(tmp_path: Path, project: Project) -> Document:
    """The project in a .cjm file when storage exists, else in memory."""
    if storage_ready():
        return Document.create(str(tmp_path / "p.cjm"), project)
    return Document(project)


def reopened(doc: Document) -> Project:
    """What a reader finds later: the file reopened, or the JSON round trip without storage."""
    if doc.store is None:
        return json_roundtrip(doc.project)
    path = doc.path
    doc.close()
    again = Document.open(path)
    project = again.project
    again.close()
    return project
