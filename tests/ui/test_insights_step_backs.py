"""The insights dock with connectors: "where customers step back" follows loop-back
connectors as they are drawn and undone, and the funnel shows a branch as another path."""

from __future__ import annotations

from app.document import operations, operations_links
from app.document.document import Document
from app.domain.model import ConnectorKind, LaneKind
from app.ui.insights_panel import InsightsPanel
from tests.issue5.helpers import card_titled, small_project


def _panel(qtbot, project):
    panel = InsightsPanel(Document(project), project.maps[0].id)
    qtbot.addWidget(panel)
    panel.resize(320, 900)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_a_loop_back_is_listed_with_its_pains_and_goes_with_undo(qtbot):
    project = small_project()
    journey = project.maps[0]
    panel = _panel(qtbot, project)
    assert panel.step_backs_section.empty.isVisible()
    operations_links.add_connector(panel.doc, journey, card_titled(journey, "Trang web").id,
                             card_titled(journey, "Quảng cáo").id, ConnectorKind.LOOP_BACK,
                             "so sánh lại")
    qtbot.waitUntil(lambda: panel.step_backs.texts() != [])
    assert panel.step_backs.texts() == [
        "↩  Mua → Tìm hiểu\nTrang web → Quảng cáo · so sánh lại\nPains: Chậm"]
    assert not panel.step_backs_section.empty.isVisible()
    panel.doc.undo()
    qtbot.waitUntil(lambda: panel.step_backs.texts() == [])
    assert panel.step_backs_section.empty.isVisible()


def test_a_flow_is_not_a_step_back_and_a_branch_is_another_path(qtbot):
    project = small_project()
    journey = project.maps[0]
    panel = _panel(qtbot, project)
    doc = panel.doc
    metrics = operations.add_lane(doc, journey, LaneKind.METRICS)
    operations.add_card(doc, journey, journey.stages[0].id, metrics.id, title="Khách truy cập",
                        value=1000.0)
    operations.add_card(doc, journey, journey.stages[1].id, metrics.id, title="Mua online",
                        value=200.0)
    store = operations.add_card(doc, journey, journey.stages[1].id, metrics.id,
                                title="Mua tại cửa hàng", value=300.0)
    operations_links.add_connector(doc, journey, card_titled(journey, "Quảng cáo").id,
                             card_titled(journey, "Trang web").id, ConnectorKind.FLOW)
    operations_links.add_connector(doc, journey, card_titled(journey, "Quảng cáo").id, store.id,
                             ConnectorKind.BRANCH)
    # 1,000 → 200 online + 300 in store: half went on, not 80 % lost.
    qtbot.waitUntil(lambda: [(r.label, r.value_text, r.drop_off)
                             for r in panel.funnel_chart.rows] == [
        ("Tìm hiểu", "1,000", None), ("Mua", "200", 0.5),
        ("↳ Mua tại cửa hàng", "300 · another path", None)])
    # Its bar: the share of the step the branch left (300 of 1,000), in the branch colour.
    assert [r.branch_share for r in panel.funnel_chart.rows] == [None, None, 0.3]
    assert panel.step_backs.texts() == []
