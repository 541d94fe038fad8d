"""The inspector edits every field through operations; typing merges into one undo step."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from app.document import operations
from app.domain.model import LaneKind
from tests.ui.conftest import type_text


def click_card(window, qtbot, card) -> None:
    """Select a card with a real click on the map."""
    view = window.view
    item = view.map_scene.item_for(card.id)
    view.ensureVisible(item, 20, 20)
    centre = view.mapFromScene(item.sceneBoundingRect().center())
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     centre)
    qtbot.waitUntil(lambda: window.inspector.current_entity() is card)


def lane_of(journey, kind):
    return next(lane for lane in journey.lanes if lane.kind == kind)


def test_typing_a_title_is_one_undo_step(opened, qtbot):
    window = opened
    doc, journey = window.doc, window.journey
    card = operations.add_card(doc, journey, journey.stages[0].id,
                               lane_of(journey, LaneKind.TOUCHPOINTS).id, title="Ads")
    click_card(window, qtbot, card)
    field = window.inspector.field("title").widget
    QTest.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    field.selectAll()
    before = doc.undo_stack.count()
    type_text(field, "Quảng cáo Facebook")
    assert card.title == "Quảng cáo Facebook"
    assert doc.undo_stack.count() == before + 1
    assert window.actions.undo.text() == "Undo Edit text"
    doc.undo()
    assert card.title == "Ads"
    qtbot.waitUntil(lambda: field.text() == "Ads")  # the inspector follows next turn


def test_body_tags_and_channel_by_keyboard(opened, qtbot):
    window = opened
    doc, journey = window.doc, window.journey
    card = operations.add_card(doc, journey, journey.stages[1].id,
                               lane_of(journey, LaneKind.TOUCHPOINTS).id, title="Shop")
    click_card(window, qtbot, card)
    inspector = window.inspector
    body = inspector.field("body").widget
    body.setFocus()
    type_text(body, "Hai dòng\nchữ")
    assert card.body == "Hai dòng\nchữ"
    tags = inspector.field("tags").widget
    tags.setFocus()
    qtbot.keyClicks(tags, "vip, mobile, vip")
    QTest.keyClick(tags, Qt.Key.Key_Return)
    assert card.tags == ["vip", "mobile"]
    channel = inspector.field("channel_id").widget
    channel.setFocus()
    QTest.keyClick(channel, Qt.Key.Key_Down)
    assert card.channel_id == doc.project.channels[0].id
    favourite = inspector.field("favourite").widget
    QTest.mouseClick(favourite, Qt.MouseButton.LeftButton, pos=QPoint(6, favourite.height() // 2))
    assert card.favourite is True
    color = inspector.field("color")
    color.edit.setFocus()
    qtbot.keyClicks(color.edit, "#2f80ed")
    QTest.keyClick(color.edit, Qt.Key.Key_Return)
    assert card.color == "#2F80ED"


def test_kind_specific_fields(opened, qtbot):
    window = opened
    doc, journey = window.doc, window.journey
    pain = operations.add_card(doc, journey, journey.stages[2].id,
                               lane_of(journey, LaneKind.PAINS).id, title="Ship fee")
    click_card(window, qtbot, pain)
    inspector = window.inspector
    assert inspector.field("channel_id") is None
    severity = inspector.field("severity").widget
    severity.setFocus()
    QTest.keyClick(severity, Qt.Key.Key_End)
    assert pain.severity == 3
    opportunity = operations.add_card(doc, journey, journey.stages[2].id,
                                      lane_of(journey, LaneKind.OPPORTUNITIES).id, title="Free")
    click_card(window, qtbot, opportunity)
    owner = inspector.field("owner").widget
    owner.setFocus()
    qtbot.keyClicks(owner, "Minh")
    priority = inspector.field("priority").widget
    priority.setFocus()
    qtbot.keyClicks(priority.lineEdit(), "High")
    QTest.keyClick(priority.lineEdit(), Qt.Key.Key_Tab)
    assert (opportunity.owner, opportunity.priority) == ("Minh", "High")


def test_metric_value_unit_and_target(opened, qtbot):
    window = opened
    doc, journey = window.doc, window.journey
    metrics = operations.add_lane(doc, journey, LaneKind.METRICS)
    metric = operations.add_card(doc, journey, journey.stages[0].id, metrics.id, title="Bounce")
    window.inspector.set_selection([metric])
    value = window.inspector.field("value").widget
    value.setFocus()
    qtbot.keyClicks(value, "42,5")
    QTest.keyClick(value, Qt.Key.Key_Return)
    target = window.inspector.field("target").widget
    target.setFocus()
    qtbot.keyClicks(target, "30")
    QTest.keyClick(target, Qt.Key.Key_Return)
    unit = window.inspector.field("unit").widget
    unit.setFocus()
    qtbot.keyClicks(unit, "%")
    assert (metric.value, metric.target, metric.unit) == (42.5, 30.0, "%")
    target.selectAll()
    QTest.keyClick(target, Qt.Key.Key_Delete)
    QTest.keyClick(target, Qt.Key.Key_Return)
    assert metric.target is None


def test_stage_lane_and_marker_fields(opened, qtbot):
    window = opened
    doc, journey = window.doc, window.journey
    stage = journey.stages[0]
    window.inspector.set_selection([stage])
    width = window.inspector.field("width").widget
    width.setFocus()
    width.selectAll()
    qtbot.keyClicks(width, "300")
    QTest.keyClick(width, Qt.Key.Key_Return)
    assert stage.width == 300
    lane = lane_of(journey, LaneKind.ACTIONS)
    window.inspector.set_selection([lane])
    collapsed = window.inspector.field("collapsed").widget
    QTest.mouseClick(collapsed, Qt.MouseButton.LeftButton, pos=QPoint(6, collapsed.height() // 2))
    assert lane.collapsed is True
    marker = operations.add_marker(doc, journey, stage.id,
                                   lane_of(journey, LaneKind.EMOTIONS).id, 0)
    window.inspector.set_selection([marker])
    score = window.inspector.field("score").widget
    score.setFocus()
    QTest.keyClick(score, Qt.Key.Key_Home)
    assert marker.score == -2
    label = window.inspector.field("label").widget
    label.setFocus()
    type_text(label, "Sốc")
    assert marker.label == "Sốc"


def test_map_fields_when_nothing_is_selected(opened, qtbot):
    window = opened
    journey = window.journey
    window.inspector.set_selection([])
    assert window.inspector.current_entity() is journey
    state = window.inspector.field("state").widget
    state.setFocus()
    QTest.keyClick(state, Qt.Key.Key_Down)
    assert journey.state.value == "future"
    name = window.inspector.field("name").widget
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Online")
    assert journey.name == "Online"
    assert window.windowTitle().startswith("Online — Shop")


def test_refused_edit_is_shown_not_raised(opened, qtbot):
    window = opened
    doc, journey = window.doc, window.journey
    lane = lane_of(journey, LaneKind.TOUCHPOINTS)
    operations.add_card(doc, journey, journey.stages[0].id, lane.id, title="x")
    window.inspector.set_selection([lane])
    kind = window.inspector.field("kind")
    kind.widget.setFocus()
    QTest.keyClick(kind.widget, Qt.Key.Key_E)  # keyboard search: "Emotions"
    assert lane.kind == LaneKind.TOUCHPOINTS
    assert "holds cards" in window.inspector.error.text()
    assert window.inspector.field("kind").current_value() == LaneKind.TOUCHPOINTS


def test_undo_from_the_menu_refreshes_the_inspector(opened, qtbot):
    window = opened
    stage = window.journey.stages[0]
    window.inspector.set_selection([stage])
    title = window.inspector.field("title").widget
    title.setFocus()
    QTest.keyClick(title, Qt.Key.Key_End)
    qtbot.keyClicks(title, "!")
    assert stage.title.endswith("!")
    window.actions.undo.trigger()
    assert not stage.title.endswith("!")
    qtbot.waitUntil(lambda: window.inspector.field("title").widget.text() == stage.title)
