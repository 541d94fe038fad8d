"""Connectors in the window: under the filter dock (faint with their cards, hidden with
them; only the lines of cards whose look changed are restyled), in the inspector, and
their labels placed clear of the cards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from app.canvas.highlight import DIMMED, HALF_DIMMED
from app.document import operations as ops
from app.document.document import Document
from app.document.operations_links import add_connector
from app.domain import style
from app.domain.model import ConnectorKind
from tests.export.sample import sample_project, with_links
from tests.ui.test_filter import box, click, panel_of


@pytest.fixture
def linked(window, tmp_path):
    """The sample with its four connectors, opened at projector size."""
    path = tmp_path / "links.cjm"
    Document.create(str(path), with_links(sample_project(photo=False))).close()
    window.resize(1280, 800)
    assert window.open_path(str(path))
    return window


def lines(win):
    return win.view.map_scene.links.items


def shown(item) -> bool:
    return item.isVisibleTo(None)


def test_lines_fade_and_hide_with_their_cards(linked, qtbot):
    journey = linked.journey
    lane_of = {c.id: journey.lane(c.lane_id) for c in journey.cards}
    panel = panel_of(linked, qtbot)
    click(qtbot, box(panel, "lane_kinds", "Touchpoints"))
    kept = {c.id for c in journey.cards if lane_of[c.id].kind == "touchpoints"}
    looks = {}
    for connector in journey.connectors:
        ends = (connector.source_id, connector.target_id)
        out = sum(end not in kept for end in ends)
        looks[connector.id] = (1.0, HALF_DIMMED, DIMMED)[out]
    assert sorted(looks.values()) != [1.0] * len(looks)  # the sample has faint lines
    assert {i: item.opacity() for i, item in lines(linked).items()} == looks

    click(qtbot, panel.hide_mode)  # a line with a hidden end is not drawn to nowhere
    for connector in journey.connectors:
        both = connector.source_id in kept and connector.target_id in kept
        assert shown(lines(linked)[connector.id]) == both, connector.label

    click(qtbot, panel.clear)
    assert all(shown(i) and i.opacity() == 1.0 for i in lines(linked).values())


def test_a_line_drawn_while_filtered_takes_the_look_and_keeps_it_when_rerouted(linked,
                                                                                qtbot):
    journey = linked.journey
    panel = panel_of(linked, qtbot)
    click(qtbot, box(panel, "lane_kinds", "Touchpoints"))
    click(qtbot, panel.hide_mode)
    pains = [c for c in journey.cards if journey.lane(c.lane_id).kind == "pains"]
    touch = next(c for c in journey.cards if journey.lane(c.lane_id).kind == "touchpoints")
    new = add_connector(linked.doc, journey, touch.id, pains[0].id, ConnectorKind.FLOW)
    item = lines(linked)[new.id]
    assert not shown(item)
    before = item.route
    other = next(s for s in journey.stages if s.id != touch.stage_id)
    ops.move_cards(linked.doc, journey, [touch], other.id, touch.lane_id, 0)
    assert item.route is not None and item.route != before  # rerouted, still hidden
    assert not shown(item)
    click(qtbot, panel.hide_mode)  # back to dimming: the line comes back, faint
    assert shown(item) and item.opacity() == HALF_DIMMED


def test_a_hidden_lane_hides_the_lines_into_it(linked, qtbot):
    journey = linked.journey
    panel = panel_of(linked, qtbot)
    handoff = next(c for c in journey.connectors if c.kind == ConnectorKind.HANDOFF)
    back = journey.card(handoff.target_id).lane_id
    assert shown(lines(linked)[handoff.id])
    click(qtbot, panel.lane_boxes[back])
    assert not shown(lines(linked)[handoff.id])
    others = [c for c in journey.connectors if c.id != handoff.id]
    assert all(shown(lines(linked)[c.id]) for c in others)
    click(qtbot, panel.lane_boxes[back])
    assert shown(lines(linked)[handoff.id])


def test_an_edit_under_the_filter_restyles_only_the_lines_of_changed_cards(linked, qtbot,
                                                                          monkeypatch):
    journey = linked.journey
    panel = panel_of(linked, qtbot)
    click(qtbot, box(panel, "lane_kinds", "Touchpoints"))
    links = linked.view.map_scene.links
    restyled: list[str] = []
    real = links.restyle
    monkeypatch.setattr(links, "restyle", lambda item: (restyled.append(item.entity_id),
                                                         real(item)))
    quiet = next(c for c in journey.cards if not links.of([c.id]))
    ops.set_fields(linked.doc, quiet, title="Không liên kết")
    assert restyled == []


def test_the_inspector_renames_a_shown_connectors_ends(linked, qtbot):
    """A connector clicked on the map shows its ends' names; renaming an end card or
    stage (and undoing it) names them again, without rebuilding the form."""
    journey, view, doc = linked.journey, linked.view, linked.doc
    loop = next(c for c in journey.connectors if c.kind == ConnectorKind.HANDOFF)
    item = lines(linked)[loop.id]
    at = _path_point(item)
    view.centerOn(at)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.mapFromScene(at))
    inspector = linked.inspector
    qtbot.waitUntil(lambda: inspector.current_entity() is loop)
    form = inspector.form
    source, target = journey.card(loop.source_id), journey.card(loop.target_id)

    def names() -> tuple[str, str, str]:
        return (inspector.form.subtitle.text(), _text(inspector, "source"),
                _text(inspector, "target"))

    assert names() == (f"{source.title} → {target.title}", source.title, target.title)
    ops.set_fields(doc, source, title="Tổng đài mới")
    qtbot.waitUntil(lambda: names() == (f"Tổng đài mới → {target.title}", "Tổng đài mới",
                                        target.title))  # the inspector follows next turn
    assert inspector.form is form  # retitled in place: a field keeps its focus
    doc.undo()
    qtbot.waitUntil(lambda: names() == (f"Hotline 1800 → {target.title}", "Hotline 1800",
                                        target.title))

    stage = journey.stages[0]
    to_stage = add_connector(doc, journey, source.id, stage.id, ConnectorKind.FLOW)
    inspector.set_selection([to_stage])
    ops.set_fields(doc, stage, title="Biết đến")
    qtbot.waitUntil(lambda: names() == (f"{source.title} → Biết đến", source.title,
                                        "Biết đến"))


def _text(inspector, name: str) -> str:
    return inspector.form.findChild(QLabel, name).text()


def _path_point(item) -> QPointF:
    """A point a quarter along the connector's longest run, away from its label."""
    points = item.route.points
    a, b = max(zip(points, points[1:], strict=False),
               key=lambda s: abs(s[1][0] - s[0][0]) + abs(s[1][1] - s[0][1]))
    return QPointF(a[0] + (b[0] - a[0]) * 0.25, a[1] + (b[1] - a[1]) * 0.25)


def test_labels_sit_clear_of_cards_badges_headers_and_each_other(linked, qtbot):
    """The sample's loop runs in the gutter under the frozen stage headers, too narrow for
    its pill: the pill goes below the headers, off the cards, with a leader to its line."""
    journey, scene = linked.journey, linked.view.map_scene
    flow = next(c for c in journey.connectors if c.kind == ConnectorKind.FLOW)
    ops.set_fields(linked.doc, flow, label="xem quảng cáo")
    scene.links.settle()
    pills = [item.label_rect for item in lines(linked).values() if item.connector.label]
    assert len(pills) == 4 and all(not p.isEmpty() for p in pills)
    badge = style.EVIDENCE_TAG_HEIGHT / 2
    cards = [item.mapRectToScene(item.card_rect()).adjusted(0, 0, 0, badge)
             for item in scene.cards.values()]
    for pill in pills:
        assert pill.top() >= style.STAGE_HEADER_HEIGHT
        assert pill.left() >= style.LANE_HEADER_WIDTH
        assert not any(pill.intersects(card) for card in cards), pill
        assert sum(pill.intersects(other) for other in pills) == 1  # itself only


def test_two_lines_between_stacked_cards_are_drawn_apart(window, tmp_path):
    """Two handoffs from the two stacked cards of a cell to the backstage card share the
    gutters on the way: on the canvas each keeps its own few pixels, so both are seen."""
    from app.domain import routing
    from app.domain.model import Connector
    from tests.domain.test_routing import _shared_runs

    project = with_links(sample_project(photo=False))
    journey = project.maps[0]
    by_title = {c.title: c for c in journey.cards}
    ids = [f"song-song-{i}" for i in range(20)]
    other = next(i for i in ids if routing.parallel_offset(i) != routing.parallel_offset(ids[0]))
    for source, link_id in (("Trang web sản phẩm", ids[0]), ("Chat trực tuyến", other)):
        journey.connectors.append(Connector(journey.id, by_title[source].id,
                                            by_title["Bộ phận thẩm định"].id,
                                            ConnectorKind.HANDOFF, id=link_id))
    path = tmp_path / "song-song.cjm"
    Document.create(str(path), project).close()
    window.resize(1280, 800)
    assert window.open_path(str(path))
    a, b = (window.view.map_scene.links.items[i] for i in (ids[0], other))
    assert a.isVisible() and b.isVisible() and len(a.route.points) >= 4
    assert _shared_runs(a.route, b.route) == []
