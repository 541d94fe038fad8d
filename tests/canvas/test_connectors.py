"""Connectors on the canvas, with real mouse and keyboard events: drawn from a card's edge
handle, linked with Ctrl+L, following dragged cards, deleted, undone, exported."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton

from app.canvas.image_export import render_map_png
from app.canvas.items.connector import ConnectorItem
from app.canvas.menus import build_menu
from app.canvas.view import MapView
from app.document import operations as ops
from app.document.operations_links import add_connector
from app.domain import style
from app.domain.model import ConnectorKind, LaneKind
from tests.canvas.conftest import LEFT, NO_MOD, center_of, drag, reopened, vpoint

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def _pointer_parked(view):
    """Leave the pointer off the map after each test: Qt drops a move to the place the
    pointer already is, so the next test's first hover would not arrive."""
    yield
    QTest.mouseMove(view.viewport(), QPoint(3, 3))


def _handle_point(view: MapView, card_id: str) -> QPoint:
    """Hover the card, then the viewport point of the handle it shows."""
    # Two moves: Qt drops a move to where the pointer already is.
    QTest.mouseMove(view.viewport(), center_of(view, card_id) + QPoint(2, 1))
    QTest.mouseMove(view.viewport(), center_of(view, card_id))
    handle = view.map_scene.link_handle
    assert handle.isVisible() and handle.card_id == card_id
    return vpoint(view, handle.pos())


def _draw(view: MapView, card_id: str, end: QPoint, steps: int = 5) -> None:
    start = _handle_point(view, card_id)
    drag(view, start, end, steps)


def _path_point(item: ConnectorItem) -> QPointF:
    """A point on the connector's longest segment, away from its label."""
    points = item.route.points
    a, b = max(zip(points, points[1:], strict=False),
               key=lambda s: abs(s[1][0] - s[0][0]) + abs(s[1][1] - s[0][1]))
    return QPointF(a[0] + (b[0] - a[0]) * 0.25, a[1] + (b[1] - a[1]) * 0.25)


def test_hovering_a_card_shows_the_handle_on_its_right_edge(view, doc):
    card = doc.sample["cards"][3]
    _handle_point(view, card.id)
    item = view.map_scene.cards[card.id]
    rect = item.mapRectToScene(item.card_rect())
    assert view.map_scene.link_handle.pos() == QPointF(rect.right(), rect.center().y())
    QTest.mouseMove(view.viewport(), vpoint(view, QPointF(rect.right() + 60, rect.bottom() + 60)))
    assert not view.map_scene.link_handle.isVisible()


def test_dragging_the_handle_onto_a_card_adds_one_connector_in_one_undo_step(view, doc):
    a, d = doc.sample["cards"][0], doc.sample["cards"][3]
    journey = doc.sample["map"]
    start = _handle_point(view, a.id)
    vp = view.viewport()
    QTest.mousePress(vp, LEFT, NO_MOD, start)
    end = center_of(view, d.id)
    for i in range(1, 6):
        QTest.mouseMove(vp, start + (end - start) * i / 5)
    band = view.map_scene.link_band
    assert band.isVisible()  # the rubber-band arrow follows the pointer
    assert view.map_scene.preview.isVisible()  # the card under it is highlighted
    QTest.mouseRelease(vp, LEFT, NO_MOD, end)
    assert not band.isVisible()
    assert [(c.source_id, c.target_id, c.kind) for c in journey.connectors] == [
        (a.id, d.id, ConnectorKind.FLOW)]
    assert doc.undo_stack.count() == 1
    connector = journey.connectors[0]
    item = view.map_scene.links.items[connector.id]
    assert item.isVisible() and item.isSelected()  # the new connector is selected
    a_rect = view.map_scene.cards[a.id].sceneBoundingRect()
    d_rect = view.map_scene.cards[d.id].sceneBoundingRect()
    assert a_rect.contains(QPointF(*item.route.points[0]))
    assert d_rect.contains(QPointF(*item.route.points[-1]))
    stored = reopened(doc).map(journey.id).connectors
    assert [(c.id, c.source_id, c.target_id) for c in stored] == [(connector.id, a.id, d.id)]
    doc.undo()
    assert journey.connectors == [] and connector.id not in view.map_scene.links.items
    assert reopened(doc).map(journey.id).connectors == []
    doc.redo()
    assert [c.id for c in journey.connectors] == [connector.id]
    assert view.map_scene.links.items[connector.id].isVisible()
    assert a.title == "Quảng cáo"  # drawing from the handle did not move the card
    assert (a.stage_id, a.order) == (doc.sample["stages"][0], 0)


def test_dropping_on_nothing_or_pressing_escape_draws_nothing(view, doc):
    a = doc.sample["cards"][0]
    journey = doc.sample["map"]
    empty = view.map_scene.cell_rect(doc.sample["stages"][3], doc.sample["lanes"][LaneKind.PAINS])
    _draw(view, a.id, vpoint(view, empty.center()))
    assert journey.connectors == [] and doc.undo_stack.count() == 0
    start = _handle_point(view, a.id)
    vp = view.viewport()
    QTest.mousePress(vp, LEFT, NO_MOD, start)
    end = center_of(view, doc.sample["cards"][3].id)
    QTest.mouseMove(vp, start + (end - start) / 2)
    QTest.mouseMove(vp, end)
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert not view.map_scene.link_band.isVisible()
    QTest.mouseRelease(vp, LEFT, NO_MOD, end)
    assert journey.connectors == [] and doc.undo_stack.count() == 0
    # Nor did either gesture move the card.
    assert [c.id for c in journey.cell_cards(a.stage_id, a.lane_id)][0] == a.id


def test_dropping_on_a_stage_header_links_the_card_to_the_stage(view, doc):
    a = doc.sample["cards"][0]
    stage_id = doc.sample["stages"][2]
    header = view.map_scene.stage_headers[stage_id]
    _draw(view, a.id, vpoint(view, header.sceneBoundingRect().center()))
    journey = doc.sample["map"]
    assert [(c.source_id, c.target_id) for c in journey.connectors] == [(a.id, stage_id)]
    item = view.map_scene.links.items[journey.connectors[0].id]
    end = item.route.points[-1]
    assert end[1] == style.STAGE_HEADER_HEIGHT  # it ends under the header


def test_a_dragged_card_takes_its_connectors_along_and_only_those(view, doc):
    a, b, c, d = doc.sample["cards"]
    journey = doc.sample["map"]
    mine = add_connector(doc, journey, a.id, d.id)
    other = add_connector(doc, journey, b.id, c.id, ConnectorKind.BRANCH)
    scene = view.map_scene
    mine_item, other_item = scene.links.items[mine.id], scene.links.items[other.id]
    before, other_route = mine_item.route, other_item.route
    counted = scene.links.rerouted
    target = scene.cell_rect(doc.sample["stages"][3], doc.sample["lanes"][LaneKind.THOUGHTS])
    vp = view.viewport()
    start = center_of(view, a.id)
    end = vpoint(view, target.center())
    QTest.mousePress(vp, LEFT, NO_MOD, start)
    for i in range(1, 5):
        QTest.mouseMove(vp, start + (end - start) * i / 4)
    # Mid-drag the line leaves the card where the pointer has it, not where it was.
    dragged = scene.cards[a.id].sceneBoundingRect()
    assert dragged.contains(QPointF(*mine_item.route.points[0]))
    assert mine_item.route != before
    assert other_item.route is other_route  # the other connector was not routed again
    assert scene.links.rerouted - counted == 4  # one route per frame
    QTest.mouseRelease(vp, LEFT, NO_MOD, end)
    assert (a.stage_id, a.lane_id) == (doc.sample["stages"][3],
                                       doc.sample["lanes"][LaneKind.THOUGHTS])
    dropped = scene.cards[a.id].sceneBoundingRect()
    assert dropped.contains(QPointF(*mine_item.route.points[0]))
    doc.undo()
    home = scene.cards[a.id].sceneBoundingRect()
    assert home.contains(QPointF(*mine_item.route.points[0]))
    assert mine_item.route == before


def test_deleting_a_card_removes_its_connector_and_undo_brings_both_back(view, doc):
    a, d = doc.sample["cards"][0], doc.sample["cards"][3]
    journey = doc.sample["map"]
    connector = add_connector(doc, journey, a.id, d.id, ConnectorKind.HANDOFF, "giao việc")
    QTest.mouseClick(view.viewport(), LEFT, NO_MOD, center_of(view, d.id))
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert journey.card(d.id) is None and journey.connectors == []
    assert connector.id not in view.map_scene.links.items
    doc.undo()
    assert journey.card(d.id) is not None
    assert [c.label for c in journey.connectors] == ["giao việc"]
    item = view.map_scene.links.items[connector.id]
    assert item.isVisible()
    assert view.map_scene.cards[d.id].sceneBoundingRect().contains(
        QPointF(*item.route.points[-1]))


def test_a_click_selects_a_connector_and_delete_removes_it_alone(view, doc):
    a, d = doc.sample["cards"][0], doc.sample["cards"][3]
    journey = doc.sample["map"]
    connector = add_connector(doc, journey, a.id, d.id)
    item = view.map_scene.links.items[connector.id]
    QTest.mouseClick(view.viewport(), LEFT, NO_MOD, vpoint(view, _path_point(item)))
    assert view.selected_entities() == [connector]
    assert "Quảng cáo" in view.map_scene.tooltip_for(item)
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert journey.connectors == [] and len(journey.cards) == 4
    assert doc.undo_stack.count() == 2
    doc.undo()
    assert [c.id for c in journey.connectors] == [connector.id]


@pytest.mark.parametrize("order", ["forward", "backward"])
def test_ctrl_l_links_the_first_selected_card_to_the_second(view, doc, order):
    a, d = doc.sample["cards"][0], doc.sample["cards"][3]
    first, second = (a, d) if order == "forward" else (d, a)
    vp = view.viewport()
    QTest.mouseClick(vp, LEFT, NO_MOD, center_of(view, first.id))
    QTest.mouseClick(vp, LEFT, CTRL, center_of(view, second.id))
    assert view.edit_actions.link.isEnabled()
    QTest.keyClick(view, Qt.Key.Key_L, CTRL)
    journey = doc.sample["map"]
    assert [(c.source_id, c.target_id, c.kind) for c in journey.connectors] == [
        (first.id, second.id, ConnectorKind.FLOW)]
    assert doc.undo_stack.count() == 1
    assert view.selected_entities() == journey.connectors
    assert not view.edit_actions.link.isEnabled()  # one connector selected, no cards


def test_ctrl_l_with_one_card_selected_does_nothing(view, doc):
    QTest.mouseClick(view.viewport(), LEFT, NO_MOD, center_of(view, doc.sample["cards"][0].id))
    assert not view.edit_actions.link.isEnabled()
    QTest.keyClick(view, Qt.Key.Key_L, CTRL)
    assert doc.sample["map"].connectors == [] and doc.undo_stack.count() == 0


def test_a_second_identical_link_is_refused_with_a_message(view, doc):
    a, d = doc.sample["cards"][0], doc.sample["cards"][3]
    add_connector(doc, doc.sample["map"], a.id, d.id)
    failures = []
    doc.failed.connect(lambda failure: failures.append(failure.message))
    _draw(view, a.id, center_of(view, d.id))
    assert len(doc.sample["map"].connectors) == 1
    assert failures and "already linked" in failures[-1]


def test_the_context_menu_changes_kind_and_assumed_and_deletes(view, doc):
    a, d = doc.sample["cards"][0], doc.sample["cards"][3]
    journey = doc.sample["map"]
    connector = add_connector(doc, journey, a.id, d.id)
    item = view.map_scene.links.items[connector.id]

    def menu_action(text: str, menu=None):
        menu = menu or build_menu(view, _path_point(item))
        for action in menu.actions():
            if action.menu() is not None:
                found = menu_action(text, action.menu())
                if found is not None:
                    return found
            elif action.text() == text:
                return action
        return None

    menu_action("Loop back").trigger()
    assert connector.kind == ConnectorKind.LOOP_BACK
    source = view.map_scene.cards[a.id].mapRectToScene(view.map_scene.cards[a.id].card_rect())
    assert item.route.points[0][1] in (source.top(), source.bottom())  # routed as a loop
    menu_action("Assumed (dashed)").trigger()
    assert connector.assumed
    menu_action("Delete connector").trigger()
    assert journey.connectors == []
    assert doc.undo_stack.count() == 4
    doc.undo()
    doc.undo()
    assert journey.connectors == [connector] and not connector.assumed


def test_a_kind_change_reroutes_a_connector_as_a_loop(view, doc):
    a, b = doc.sample["cards"][0], doc.sample["cards"][3]
    journey = doc.sample["map"]
    connector = add_connector(doc, journey, b.id, a.id)  # leftwards
    item = view.map_scene.links.items[connector.id]
    source = view.map_scene.cards[b.id].mapRectToScene(view.map_scene.cards[b.id].card_rect())
    ops.set_fields(doc, connector, "kind", kind=ConnectorKind.LOOP_BACK)
    first = item.route.points[0]
    assert first[1] in (source.top(), source.bottom())  # leaves through the top or bottom


def test_the_png_shows_connectors_without_selection(view, doc, tmp_path):
    a, d = doc.sample["cards"][0], doc.sample["cards"][3]
    journey = doc.sample["map"]
    connector = add_connector(doc, journey, a.id, d.id, ConnectorKind.BRANCH)
    item = view.map_scene.links.items[connector.id]
    plain = QImage(str(render_map_png(doc, view.map_id, tmp_path / "plain.png", scale=1.0)))
    view.select_entities([connector])
    image = QImage(str(render_map_png(doc, view.map_id, tmp_path / "map.png", scale=1.0)))
    assert image == plain  # no selection outline, no handle in the picture
    points = item.route.points
    # The middle of a vertical segment: the line's own colour.
    a_, b_ = next((p, q) for p, q in zip(points, points[1:], strict=False)
                  if p[0] == q[0] and abs(q[1] - p[1]) > 20)
    x, y = a_[0], round((a_[1] + b_[1]) / 2)
    darkest = min((image.pixelColor(round(x) + dx, y) for dx in (-1, 0, 1)),
                  key=lambda c: c.red() + c.green() + c.blue())
    want = QColor(style.CONNECTOR_COLORS[ConnectorKind.BRANCH])
    assert max(abs(darkest.red() - want.red()), abs(darkest.green() - want.green()),
               abs(darkest.blue() - want.blue())) < 70
    journey_without = QImage(str(render_map_png(doc, view.map_id, tmp_path / "none.png",
                                                scale=1.0)))
    ops.remove(doc, [connector])
    without = QImage(str(render_map_png(doc, view.map_id, tmp_path / "gone.png", scale=1.0)))
    assert without != journey_without  # the connector was in the picture


def test_the_inspector_edits_a_clicked_connector_one_step_per_edit(view, doc, qtbot):
    from app.ui.inspector import Inspector
    from tests.canvas.conftest import type_text

    a, d = doc.sample["cards"][0], doc.sample["cards"][3]
    journey = doc.sample["map"]
    connector = add_connector(doc, journey, a.id, d.id)
    inspector = Inspector()
    qtbot.addWidget(inspector)
    inspector.set_document(doc, journey.id)
    view.selection_changed.connect(inspector.set_selection)
    inspector.show()
    item = view.map_scene.links.items[connector.id]
    QTest.mouseClick(view.viewport(), LEFT, NO_MOD, vpoint(view, _path_point(item)))
    assert inspector.current_entity() is connector
    texts = [w.text() for w in inspector.form.findChildren(QLabel)]
    assert "Quảng cáo" in texts and "So sánh giá" in texts  # from and to, by name
    steps = doc.undo_stack.count()
    kind = inspector.field("kind").widget
    kind.setFocus()
    QTest.keyClick(kind, Qt.Key.Key_Down)  # Flow → Loop back
    assert connector.kind == ConnectorKind.LOOP_BACK
    assert kind.currentText() == "Loop back"
    assert doc.undo_stack.count() == steps + 1
    label = inspector.field("label").widget
    label.setFocus()
    type_text(label, "so sánh lại")
    assert connector.label == "so sánh lại"
    assert doc.undo_stack.count() == steps + 2  # the typing is one step
    assert not item._label_rect.isEmpty()  # the label's pill is drawn
    stored = reopened(doc).map(journey.id).connectors[0]
    assert (stored.kind, stored.label) == (ConnectorKind.LOOP_BACK, "so sánh lại")
    assumed = inspector.field("assumed").widget
    QTest.mouseClick(assumed, LEFT, pos=QPoint(6, assumed.height() // 2))
    assert connector.assumed is True
    assert doc.undo_stack.count() == steps + 3
    doc.undo()
    assert connector.assumed is False
    qtbot.waitUntil(lambda: not assumed.isChecked())
    delete = inspector.form.findChild(QPushButton, "deleteConnector")
    QTest.mouseClick(delete, LEFT)
    assert journey.connectors == []
    assert doc.undo_stack.count() == steps + 3
    doc.undo()
    assert journey.connectors == [connector]


def _edge_of(view: MapView, card_id: str, point) -> bool:
    """True when the point lies on the edge of the card's laid-out box (the card item
    sits on it, rounded to whole pixels)."""
    r = view.map_scene.layout.cards[card_id].rect
    x, y = point
    e = 1e-6
    on_x, on_y = r.x - e <= x <= r.right + e, r.y - e <= y <= r.bottom + e
    return on_x and on_y and min(abs(x - r.x), abs(x - r.right), abs(y - r.y),
                                 abs(y - r.bottom)) < e


def test_only_an_edit_that_moves_a_lines_end_routes_it_again(view, doc):
    a, b, c, d = doc.sample["cards"]
    journey = doc.sample["map"]
    link = add_connector(doc, journey, a.id, d.id)
    links = view.map_scene.links
    item = links.items[link.id]
    route, routed = item.route, links.rerouted
    far = ops.add_card(doc, journey, doc.sample["stages"][4],
                       doc.sample["lanes"][LaneKind.OPPORTUNITIES], title="Xa")
    ops.set_fields(doc, far, "t", title="Xa lắm")  # elsewhere
    assert links.rerouted == routed and item.route is route
    ops.set_fields(doc, a, "t", title=a.title + "!")  # same lines: the card keeps its box
    assert links.rerouted == routed and not links.pending and item.route is route
    ops.set_fields(doc, a, "t", title=a.title + " và thêm rất nhiều chữ nữa cho dòng mới")
    assert links.rerouted == routed + 1  # it grew: its line starts lower on its edge
    assert _edge_of(view, a.id, item.route.points[0])
    assert _edge_of(view, d.id, item.route.points[-1])


def test_a_lane_that_grows_stretches_the_lines_below_instead_of_routing_them(view, doc):
    journey = doc.sample["map"]
    s, lanes = doc.sample["stages"], doc.sample["lanes"]
    low1 = ops.add_card(doc, journey, s[1], lanes[LaneKind.PAINS], title="Đau 1")
    low2 = ops.add_card(doc, journey, s[3], lanes[LaneKind.OPPORTUNITIES], title="Cơ hội")
    link = add_connector(doc, journey, low1.id, low2.id, ConnectorKind.HANDOFF)
    links = view.map_scene.links
    item = links.items[link.id]
    before, routed, shifted = item.route, links.rerouted, links.shifted
    # A tall card in an empty lane above them pushes every lane below it down.
    assert journey.lanes.index(journey.lane(lanes[LaneKind.THOUGHTS])) < \
        journey.lanes.index(journey.lane(lanes[LaneKind.PAINS]))
    ops.add_card(doc, journey, s[4], lanes[LaneKind.THOUGHTS], title="Dài",
                 body="\n".join(["dòng"] * 5))
    assert links.rerouted == routed and links.shifted == shifted + 1
    dy = item.route.points[0][1] - before.points[0][1]
    assert dy > 0
    assert item.route.points == tuple((x, y + dy) for x, y in before.points)
    assert _edge_of(view, low1.id, item.route.points[0])
    assert _edge_of(view, low2.id, item.route.points[-1])
    # Once more: the line moves again, and is drawn where its route says.
    ops.add_card(doc, journey, s[4], lanes[LaneKind.THOUGHTS], title="Dài nữa")  # stacked
    assert links.rerouted == routed and links.shifted == shifted + 2
    assert _edge_of(view, low1.id, item.route.points[0])
    assert _edge_of(view, low2.id, item.route.points[-1])
    assert item.route.points[0][1] > before.points[0][1] + dy
    for run, (a, b) in zip(item.runs, pairwise(item.route.points), strict=True):
        drawn = run.sceneBoundingRect()
        assert drawn.contains(QPointF(*a)) and drawn.contains(QPointF(*b))


def test_a_line_in_one_lane_goes_down_with_its_lane_without_being_looked_at(view, doc):
    journey = doc.sample["map"]
    s, lanes = doc.sample["stages"], doc.sample["lanes"]
    low1 = ops.add_card(doc, journey, s[3], lanes[LaneKind.OPPORTUNITIES], title="Số 1")
    low2 = ops.add_card(doc, journey, s[4], lanes[LaneKind.OPPORTUNITIES], title="Số 2")
    link = add_connector(doc, journey, low1.id, low2.id)
    links = view.map_scene.links
    item = links.items[link.id]
    assert item.holder is not None and item.parentItem() is item.holder  # its lane's layer
    before, drawn = item.route, [run.sceneBoundingRect() for run in item.runs]
    routed, shifted = links.rerouted, links.shifted
    ops.add_card(doc, journey, s[4], lanes[LaneKind.THOUGHTS], title="Dài",
                 body="\n".join(["dòng"] * 5))  # the lanes below it move down
    dy = item.route.points[0][1] - before.points[0][1]
    assert dy > 0 and item.route.points == tuple((x, y + dy) for x, y in before.points)
    assert _edge_of(view, low1.id, item.route.points[0])
    assert _edge_of(view, low2.id, item.route.points[-1])
    # Drawn there at once, with no work of its own: its lane's layer moved.
    assert [run.sceneBoundingRect() for run in item.runs] == [
        r.translated(0, dy) for r in drawn]
    assert links.rerouted == routed and links.shifted == shifted
    assert link.id not in links.behind
    # Its label goes along, and the next edit sees it where it is.
    assert item.extent == before.bounds().moved(dy)


def test_a_line_off_screen_takes_its_place_at_once_and_is_drawn_there_after_the_frame(
        view, doc, qtbot):
    journey = doc.sample["map"]
    s, lanes = doc.sample["stages"], doc.sample["lanes"]
    low1 = ops.add_card(doc, journey, s[3], lanes[LaneKind.PAINS], title="Số 1")
    low2 = ops.add_card(doc, journey, s[4], lanes[LaneKind.OPPORTUNITIES], title="Số 2")
    link = add_connector(doc, journey, low1.id, low2.id, ConnectorKind.HANDOFF)
    links = view.map_scene.links
    item = links.items[link.id]
    assert item.holder is None  # across two lanes: looked at when lanes move
    view.resize(320, 240)  # the top-left corner only: these lanes are far below
    view.set_zoom(2.0)
    view.horizontalScrollBar().setValue(0)
    view.verticalScrollBar().setValue(0)
    qtbot.wait(20)
    before = item.route
    drawn = item.runs[0].sceneBoundingRect()
    ops.add_card(doc, journey, s[4], lanes[LaneKind.THOUGHTS], title="Dài",
                 body="\n".join(["dòng"] * 5))  # the lanes below it move down
    dy = item.route.points[0][1] - before.points[0][1]
    assert dy > 0 and _edge_of(view, low1.id, item.route.points[0])  # its place: at once
    assert link.id in links.behind and item.runs[0].sceneBoundingRect() == drawn
    qtbot.waitUntil(lambda: not links.behind)  # drawn there once the frame is out
    assert item.runs[0].sceneBoundingRect() == drawn.translated(0, dy)
    assert item.route.points == tuple((x, y + dy) for x, y in before.points)


def test_a_line_into_view_whose_moved_end_lies_below_it_is_drawn_anew_after_the_frame(
        view, doc, qtbot):
    from tests.canvas.test_cell_layers import assert_screen_is_current

    journey = doc.sample["map"]
    s, lanes = doc.sample["stages"], doc.sample["lanes"]
    low = ops.add_card(doc, journey, s[3], lanes[LaneKind.OPPORTUNITIES], title="Dưới xa")
    link = add_connector(doc, journey, low.id, s[3])  # from far below up to its header
    links = view.map_scene.links
    item = links.items[link.id]
    view.resize(320, 240)
    view.set_zoom(2.0)
    header = view.map_scene.layout.stage_rects[s[3]]
    view.centerOn(header.x + header.w / 2, 0)
    qtbot.wait(20)
    before = item.route
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert item.isVisible() and shown.contains(QPointF(*before.points[-1]))  # in view
    ops.add_card(doc, journey, s[4], lanes[LaneKind.THOUGHTS], title="Dài",
                 body="\n".join(["dòng"] * 5))  # the lanes below move down: it stretches
    after = item.route
    assert after.points[0][1] > before.points[0][1]  # its card's end went down at once
    assert after.points[-1] == before.points[-1]  # the header's end stayed
    assert _edge_of(view, low.id, after.points[0])
    box, bounds = item.extent, after.bounds()  # what the next edit tests it by holds it
    assert box.y <= bounds.y and bounds.bottom <= box.bottom
    # What the view shows of it did not change, so it is drawn anew after the frame...
    assert link.id in links.behind
    qtbot.wait(1)
    assert_screen_is_current(view)
    qtbot.waitUntil(lambda: not links.behind)
    for run, (a, b) in zip(item.runs, pairwise(item.route.points), strict=True):
        drawn = run.sceneBoundingRect()  # ...where its route now is
        assert drawn.contains(QPointF(*a)) and drawn.contains(QPointF(*b))


def test_a_stretched_line_whose_moved_part_is_in_view_is_drawn_anew_at_once(view, doc):
    journey = doc.sample["map"]
    s, lanes = doc.sample["stages"], doc.sample["lanes"]
    low = ops.add_card(doc, journey, s[3], lanes[LaneKind.OPPORTUNITIES], title="Dưới")
    link = add_connector(doc, journey, low.id, s[3])
    links = view.map_scene.links
    item = links.items[link.id]
    view.resize(1600, 2400)  # the whole line in view
    view.set_zoom(0.25)
    before = item.route
    ops.add_card(doc, journey, s[4], lanes[LaneKind.THOUGHTS], title="Dài",
                 body="\n".join(["dòng"] * 5))
    assert item.route.points[0][1] > before.points[0][1]
    assert link.id not in links.behind
    for run, (a, b) in zip(item.runs, pairwise(item.route.points), strict=True):
        drawn = run.sceneBoundingRect()
        assert drawn.contains(QPointF(*a)) and drawn.contains(QPointF(*b))


def test_a_drop_routes_again_only_the_lines_of_the_cards_it_moved(view, doc):
    a, b, c, d = doc.sample["cards"]
    journey = doc.sample["map"]
    s, lanes = doc.sample["stages"], doc.sample["lanes"]
    mine = add_connector(doc, journey, a.id, d.id)
    far1 = ops.add_card(doc, journey, s[3], lanes[LaneKind.THOUGHTS], title="Nghĩ")
    far2 = ops.add_card(doc, journey, s[4], lanes[LaneKind.THOUGHTS], title="Nghĩ tiếp")
    other = add_connector(doc, journey, far1.id, far2.id)
    links = view.map_scene.links
    other_item = links.items[other.id]
    other_route, routed = other_item.route, links.rerouted
    target = view.map_scene.cell_rect(s[2], lanes[LaneKind.ACTIONS])
    drag(view, center_of(view, a.id), vpoint(view, target.center()))
    assert a.stage_id == s[2]
    mine_item = links.items[mine.id]
    assert _edge_of(view, a.id, mine_item.route.points[0])
    assert _edge_of(view, d.id, mine_item.route.points[-1])
    # The drop routed the dragged card's line (and the frames drew it quickly); the line
    # between the far cards kept its route, or moved with its lane.
    assert links.rerouted - routed == 6 + 1  # six drag frames, one drop
    assert other_item.route.points[0][0] == other_route.points[0][0]
    assert _edge_of(view, far1.id, other_item.route.points[0])


def test_lines_of_cards_a_drop_only_shifted_follow_in_the_next_idle_moments(view, doc, qtbot):
    a, b, c, d = doc.sample["cards"]
    journey = doc.sample["map"]
    s, lanes = doc.sample["stages"], doc.sample["lanes"]
    shifted = add_connector(doc, journey, c.id, d.id)  # c sits under a in its cell
    links = view.map_scene.links
    item = links.items[shifted.id]
    target = view.map_scene.cell_rect(s[2], lanes[LaneKind.ACTIONS])
    drag(view, center_of(view, a.id), vpoint(view, target.center()))
    assert a.stage_id == s[2]
    # c moved up in its cell by a's height: its line follows once the drop is painted.
    assert shifted.id in links.pending
    qtbot.waitUntil(lambda: not links.pending)
    assert _edge_of(view, c.id, item.route.points[0])
    assert _edge_of(view, d.id, item.route.points[-1])


def test_a_line_a_growing_cell_runs_into_is_routed_again_clear_of_its_cards(view, doc,
                                                                              qtbot):
    a, b, c, d = doc.sample["cards"]
    journey = doc.sample["map"]
    link = add_connector(doc, journey, a.id, d.id, label="mua tại cửa hàng")
    links, scene = view.map_scene.links, view.map_scene
    item = links.items[link.id]
    pill = item.label_rect
    stage, lane = scene.layout.stage_at(pill.center().x()), scene.layout.lane_at(pill.center().y())
    card = ops.add_card(doc, journey, stage, lane, title="Thẻ mới")
    assert link.id in links.pending  # the new card stands where the line ran
    qtbot.waitUntil(lambda: not links.pending and not links.behind)
    box = scene.layout.cards[card.id].rect
    assert not item.label_rect.intersects(QRectF(box.x, box.y, box.w, box.h))
    assert not any(min(p[0], q[0]) < box.right and box.x < max(p[0], q[0])
                   and min(p[1], q[1]) < box.bottom and box.y < max(p[1], q[1])
                   for p, q in pairwise(item.route.points))  # nor does its line


def test_a_label_off_its_line_that_a_growing_cell_covers_is_placed_again(view, doc):
    a, b, c, d = doc.sample["cards"]
    journey = doc.sample["map"]
    s, lanes = doc.sample["stages"], doc.sample["lanes"]
    link = add_connector(doc, journey, a.id, d.id, label="mua tại cửa hàng")
    links, scene = view.map_scene.links, view.map_scene
    item = links.items[link.id]
    # As if its pill had been set off the line, at the top of a cell far from the line.
    cell = scene.cell_rect(s[3], lanes[LaneKind.PAINS])
    item._label_rect = QRectF(cell.x() + 20, cell.y() + 10, 90, 14)
    ops.add_card(doc, journey, s[3], lanes[LaneKind.PAINS], title="Đau")
    assert link.id in links.pending  # to be placed again in the next idle moment
    ops.add_card(doc, journey, s[4], lanes[LaneKind.PAINS], title="Đau nữa")  # elsewhere
    links.pending.discard(link.id)
    ops.add_card(doc, journey, s[4], lanes[LaneKind.PAINS], title="Đau thêm")
    assert link.id not in links.pending  # a cell nowhere near its pill or line


def test_a_line_in_one_lane_that_a_growing_cell_runs_into_is_routed_again(view, doc, qtbot):
    journey = doc.sample["map"]
    s, lanes = doc.sample["stages"], doc.sample["lanes"]
    d = doc.sample["cards"][3]  # in the actions lane of the second stage
    far = ops.add_card(doc, journey, s[3], lanes[LaneKind.ACTIONS], title="Xa")
    link = add_connector(doc, journey, d.id, far.id, label="mua tại cửa hàng")
    links, scene = view.map_scene.links, view.map_scene
    item = links.items[link.id]
    assert item.holder is not None  # held in its lane's layer, not looked at one by one
    pill = item.label_rect
    stage, lane = scene.layout.stage_at(pill.center().x()), scene.layout.lane_at(pill.center().y())
    assert lane == lanes[LaneKind.ACTIONS]
    card = ops.add_card(doc, journey, stage, lane, title="Thẻ mới")
    assert link.id in links.pending  # the new card stands where the line ran
    qtbot.waitUntil(lambda: not links.pending and not links.behind)
    box = scene.layout.cards[card.id].rect
    assert not item.label_rect.intersects(QRectF(box.x, box.y, box.w, box.h))


def test_a_lanes_layer_of_lines_covers_every_line_it_holds_as_the_lane_grows(view, doc):
    # The layer tells Qt its lines draw only inside it, so a repaint elsewhere skips
    # them all: a line, arrowhead, halo or label pill outside it would never be redrawn.
    journey = doc.sample["map"]
    s, lanes = doc.sample["stages"], doc.sample["lanes"]
    lane = lanes[LaneKind.OPPORTUNITIES]
    a = ops.add_card(doc, journey, s[1], lane, title="Một")
    b = ops.add_card(doc, journey, s[4], lane, title="Hai")
    link = add_connector(doc, journey, a.id, b.id, label="mua tại cửa hàng")
    links = view.map_scene.links
    item = links.items[link.id]
    item.setSelected(True)  # its halo is drawn along the whole line
    holder = item.holder
    assert holder is not None
    assert holder.flags() & holder.GraphicsItemFlag.ItemContainsChildrenInShape

    def covered() -> bool:
        area = holder.sceneBoundingRect()
        parts = [item, item.arrow, *item.runs]
        return all(area.contains(p.sceneBoundingRect()) for p in parts) and area.contains(
            item.label_rect.adjusted(-2, -2, 2, 2))

    assert covered()
    for i in range(4):  # the lane grows under the line: its layer grows with it
        ops.add_card(doc, journey, s[2], lane, title=f"Cao {i}", body="\n".join(["dòng"] * 6))
    assert item.holder is holder and covered()
    lane_rect = view.map_scene.layout.lane_rects[lane]
    assert holder.sceneBoundingRect().height() >= lane_rect.h
    # As far from its line as a pill is ever put, it is still inside.
    far = holder.mapRectToScene(holder.rect())
    assert far.top() <= lane_rect.y - 16 * style.CONNECTOR_LABEL_HEIGHT
    assert far.bottom() >= lane_rect.bottom + 16 * style.CONNECTOR_LABEL_HEIGHT
