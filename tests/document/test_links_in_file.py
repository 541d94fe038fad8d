"""Connectors, views and voting edited in a file-backed document are in the file at each step."""

from __future__ import annotations

import pytest

from app.document import Document, operations
from app.document.operations_links import add_connector, add_view, add_vote, open_round
from app.domain.model import ConnectorKind, Filter, LaneKind, Phase
from app.domain.templates import new_project
from app.storage import ProjectStore


def _in_file(path):
    store, project = ProjectStore.open(path, read_only=True)
    store.close()
    return project


@pytest.fixture
def filed(qapp, tmp_path):
    path = tmp_path / "shop.cjm"
    doc = Document.create(str(path), new_project("service-blueprint", "vi"))
    yield doc, path
    doc.close()


def test_each_link_edit_is_written_and_undo_redo_are_too(filed):
    doc, path = filed
    journey = doc.project.maps[0]
    lane = next(lane for lane in journey.lanes if lane.kind == LaneKind.TOUCHPOINTS)
    buy = operations.add_card(doc, journey, journey.stages[2].id, lane.id, title="Mua hàng")
    compare = operations.add_card(doc, journey, journey.stages[1].id, lane.id, title="Cân nhắc")
    loop = add_connector(doc, journey, buy.id, compare.id, ConnectorKind.LOOP_BACK, "so sánh lại")
    operations.set_fields(doc, journey.stages[0], phase=Phase.DURING)
    add_view(doc, journey, "Chỉ điểm chạm", Filter(lane_kinds=frozenset({LaneKind.TOUCHPOINTS})))
    voting = open_round(doc, journey, "Ưu tiên", 2, ["Lan"])
    add_vote(doc, voting, buy, "Lan")
    assert _in_file(path) == doc.project
    saved = _in_file(path).maps[0]
    assert saved.connectors[0].label == "so sánh lại" and saved.stages[0].phase is Phase.DURING
    assert [v.name for v in saved.views] == ["Chỉ điểm chạm"] and len(saved.votes) == 1
    for _ in range(5):
        doc.undo()
    assert _in_file(path).maps[0].connectors == [] == journey.connectors
    for _ in range(5):
        doc.redo()
    assert _in_file(path) == doc.project and journey.connector(loop.id) is not None


def test_removing_a_card_removes_its_connectors_and_votes_in_the_file_and_undo_restores(filed):
    doc, path = filed
    journey = doc.project.maps[0]
    lane = next(lane for lane in journey.lanes if lane.kind == LaneKind.TOUCHPOINTS)
    backstage = next(lane for lane in journey.lanes if lane.kind == LaneKind.BACKSTAGE)
    touch = operations.add_card(doc, journey, journey.stages[0].id, lane.id, title="Hotline")
    support = operations.add_card(doc, journey, journey.stages[0].id, backstage.id, title="CSKH")
    add_connector(doc, journey, touch.id, support.id, ConnectorKind.HANDOFF)
    add_connector(doc, journey, touch.id, journey.stages[1].id)
    voting = open_round(doc, journey, "Ưu tiên", 3)
    add_vote(doc, voting, support)
    operations.remove(doc, [support])
    saved = _in_file(path).maps[0]
    assert [c.target_id for c in saved.connectors] == [journey.stages[1].id]
    assert saved.votes == [] and saved == journey
    doc.undo()
    assert _in_file(path) == doc.project and len(journey.connectors) == 2 and journey.votes
