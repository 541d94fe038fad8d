"""The compare window with connectors: each added, removed or changed one is listed with
its kind and label, the summary names them, and a connector edit in the main window
updates the open comparison."""

from __future__ import annotations

from app.document import operations_links
from app.document.document import Document
from app.domain.copying import clone_map
from app.domain.model import Connector, ConnectorKind, MapState
from app.ui.compare_window import CompareWindow
from tests.issue5.helpers import card_titled, small_project


def test_connectors_added_changed_and_removed_in_the_compare_window(qtbot):
    project = small_project()
    current = project.maps[0]
    web, ad = card_titled(current, "Trang web"), card_titled(current, "Quảng cáo")
    current.connectors.append(Connector(current.id, web.id, ad.id, ConnectorKind.LOOP_BACK,
                                        "so sánh"))
    current.connectors.append(Connector(current.id, ad.id, web.id, ConnectorKind.FLOW))
    future = clone_map(current, "Tương lai")
    future.state = MapState.FUTURE
    project.maps.append(future)
    loop = next(c for c in future.connectors if c.kind == ConnectorKind.LOOP_BACK)
    loop.label = "so sánh lại"
    future.connectors = [loop]
    doc = Document(project)
    window = CompareWindow(doc, current.id, future.id)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    texts = [window.differences.item(i).text() for i in range(window.differences.count())]
    # In journey order of the card each leaves.
    assert texts == ["Connector removed: Quảng cáo → Trang web (Flow)\nTìm hiểu",
                     "Connector changed: Trang web → Quảng cáo — label (Loop back · “so sánh "
                     "lại”)\nMua"]
    assert window.summary.text() == "1 liên kết bị xoá; 1 liên kết thay đổi"

    # Drawing a branch on the future map in the main window shows up at once.
    operations_links.add_connector(doc, future, card_titled(future, "Quảng cáo").id,
                                   card_titled(future, "Chậm").id, ConnectorKind.BRANCH,
                                   "mua tại cửa hàng")
    qtbot.waitUntil(lambda: any("Connector added" in window.differences.item(i).text()
                                for i in range(window.differences.count())))
    added = [window.differences.item(i).text() for i in range(window.differences.count())
             if "added" in window.differences.item(i).text()]
    assert added == ["Connector added: Quảng cáo → Chậm (Branch · “mua tại cửa hàng”)"
                     "\nTìm hiểu"]
    assert window.summary.text() == ("1 liên kết được thêm; 1 liên kết bị xoá; "
                                     "1 liên kết thay đổi")
