"""Right-click menus on cards, connectors, markers, stages, lanes and empty cells.

`build_menu` returns the menu without showing it, so tests can trigger its actions.
Every action calls app.document.operations: one undo step each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QPixmap
from PySide6.QtWidgets import QMenu

from app.canvas.i18n import connector_kind_name, emotion_name, evidence_name, tr
from app.canvas.icons import qicon
from app.canvas.items.card import CardItem
from app.canvas.items.connector import ConnectorItem, connector_item
from app.canvas.items.emotions import MarkerItem
from app.canvas.items.headers import LaneHeaderItem, StageHeaderItem
from app.document import operations as ops
from app.domain.model import ConnectorKind, Evidence, LaneKind
from app.domain.templates import LANE_TITLES, STAGE_PALETTE

if TYPE_CHECKING:
    from app.canvas.view import MapView


def _kind_label(kind: LaneKind) -> str:
    labels = {
        LaneKind.TOUCHPOINTS: tr("Touchpoints"), LaneKind.ACTIONS: tr("Actions"),
        LaneKind.THOUGHTS: tr("Thoughts"), LaneKind.EMOTIONS: tr("Emotions"),
        LaneKind.PAINS: tr("Pains"), LaneKind.OPPORTUNITIES: tr("Opportunities"),
        LaneKind.BACKSTAGE: tr("Backstage"), LaneKind.METRICS: tr("Metrics"),
        LaneKind.TEXT: tr("Notes"),
    }
    return labels.get(kind, LANE_TITLES[kind][0])


def kind_label(kind: LaneKind) -> str:
    """The translated name of a lane kind (for menus and the palette)."""
    return _kind_label(kind)


def _add(menu: QMenu, text: str, slot, checked: bool | None = None, icon=None) -> QAction:
    action = menu.addAction(text)
    if icon is not None:
        action.setIcon(icon)
    if checked is not None:
        action.setCheckable(True)
        action.setChecked(checked)
    action.triggered.connect(lambda _=False: slot())
    return action


def build_menu(view: MapView, scene_pos: QPointF) -> QMenu | None:
    """The context menu for whatever lies at a scene point (None over nothing)."""
    scene = view.map_scene
    journey = scene.journey
    if journey is None:
        return None
    item = next((i for i in (connector_item(i) or i for i in scene.items(scene_pos))
                 if isinstance(i, (ConnectorItem, CardItem, MarkerItem, StageHeaderItem,
                                   LaneHeaderItem))), None)
    menu = QMenu(view)
    if isinstance(item, ConnectorItem):
        _connector_menu(view, menu, item)
    elif isinstance(item, CardItem):
        _card_menu(view, menu, item)
    elif isinstance(item, MarkerItem):
        _marker_menu(view, menu, item)
    elif isinstance(item, StageHeaderItem):
        _stage_menu(view, menu, item)
    elif isinstance(item, LaneHeaderItem):
        _lane_menu(view, menu, item)
    else:
        cell = scene.cell_at(scene_pos.x(), scene_pos.y())
        if cell is None:
            return None
        lane = journey.lane(cell[1])
        label = tr("Add emotion here") if lane.kind == LaneKind.EMOTIONS else tr("Add card here")
        _add(menu, label, lambda: view.add_card_here(cell))
        _add(menu, tr("Paste"), lambda: (setattr(view, "spot", _spot(cell)), view.paste()))
    return menu


def _spot(cell):
    from app.canvas.navigation import Spot

    return Spot(*cell)


def _common(view: MapView, menu: QMenu) -> None:
    _add(menu, tr("Duplicate"), view.duplicate_selection)
    _add(menu, tr("Copy"), view.copy_selection)
    _add(menu, tr("Cut"), view.cut_selection)
    menu.addSeparator()
    _add(menu, tr("Delete"), view.delete_selection)


def _connector_menu(view: MapView, menu: QMenu, item: ConnectorItem) -> None:
    connector, doc = item.connector, view.doc
    kinds = menu.addMenu(tr("Kind"))
    group = QActionGroup(kinds)
    for kind in ConnectorKind:
        group.addAction(_add(kinds, connector_kind_name(kind),
                             lambda k=kind: view._run(lambda: ops.set_fields(
                                 doc, connector, tr("Change connector kind"), kind=k)),
                             checked=connector.kind == kind))
    _add(menu, tr("Assumed (dashed)"),
         lambda: view._run(lambda: ops.set_fields(doc, connector, tr("Change assumed"),
                                                  assumed=not connector.assumed)),
         checked=connector.assumed)
    menu.addSeparator()
    _add(menu, tr("Delete connector"),
         lambda: view._run(lambda: ops.remove(doc, [connector], tr("Delete connector"))))


def _card_menu(view: MapView, menu: QMenu, item: CardItem) -> None:
    card, doc = item.card, view.doc
    _add(menu, tr("Edit title"), lambda: view.edit_entity(card, "title"))
    _add(menu, tr("Edit details"), lambda: view.edit_entity(card, "body"))
    if item.kind == LaneKind.TOUCHPOINTS:
        channels = menu.addMenu(tr("Channel"))
        group = QActionGroup(channels)
        for channel in doc.project.channels:
            action = _add(channels, channel.name,
                          lambda c=channel: view._run(lambda: ops.set_fields(
                              doc, card, tr("Change channel"), channel_id=c.id)),
                          checked=card.channel_id == channel.id,
                          icon=qicon(channel.icon, channel.color))
            group.addAction(action)
        _add(menu, tr("Favourite touchpoint"),
             lambda: view._run(lambda: ops.set_fields(doc, card, tr("Favourite"),
                                                      favourite=not card.favourite)),
             checked=card.favourite)
    if item.kind == LaneKind.PAINS:
        severity = menu.addMenu(tr("Severity"))
        for level, label in ((1, tr("1 — minor")), (2, tr("2 — serious")),
                             (3, tr("3 — blocks the journey"))):
            _add(severity, label,
                 lambda v=level: view._run(lambda: ops.set_fields(
                     doc, card, tr("Change severity"), severity=v)),
                 checked=card.severity == level)
    evidence = menu.addMenu(tr("Evidence"))
    _add(evidence, tr("Not set"),
         lambda: view._run(lambda: ops.set_fields(doc, card, tr("Change evidence"),
                                                  evidence=None)),
         checked=card.evidence is None)
    for level in Evidence:
        _add(evidence, evidence_name(level.value),
             lambda v=level: view._run(lambda: ops.set_fields(
                 doc, card, tr("Change evidence"), evidence=v)),
             checked=card.evidence == level)
    menu.addSeparator()
    _add(menu, tr("Add card below"), lambda: _add_card_after(view, card))
    menu.addSeparator()
    _common(view, menu)


def _add_card_after(view: MapView, card) -> None:
    journey = view.map_scene.journey
    index = journey.cell_cards(card.stage_id, card.lane_id).index(card) + 1
    created = view._run(lambda: ops.add_card(view.doc, journey, card.stage_id, card.lane_id,
                                             index))
    if created is not None:
        view.select_entities([created])
        view.edit_entity(created)


def _marker_menu(view: MapView, menu: QMenu, item: MarkerItem) -> None:
    marker, doc = item.marker, view.doc
    _add(menu, tr("Edit label"), lambda: view.edit_entity(marker))
    scores = menu.addMenu(tr("Score"))
    for score in range(2, -3, -1):
        _add(scores, f"{score:+d}  {emotion_name(score)}",
             lambda s=score: view._run(lambda: ops.set_fields(
                 doc, marker, tr("Change emotion"), score=s)),
             checked=marker.score == score)
    menu.addSeparator()
    _add(menu, tr("Duplicate"), view.duplicate_selection)
    _add(menu, tr("Copy"), view.copy_selection)
    menu.addSeparator()
    _add(menu, tr("Delete"), view.delete_selection)


def _stage_menu(view: MapView, menu: QMenu, item: StageHeaderItem) -> None:
    stage, doc = item.stage, view.doc
    journey = view.map_scene.journey
    from app.canvas.drops import new_stage_title

    def add_at(offset: int) -> None:
        index = journey.stages.index(stage) + offset
        created = view._run(lambda: ops.add_stage(doc, journey, new_stage_title(doc), index))
        if created is not None:
            view.edit_entity(created)

    _add(menu, tr("Rename"), lambda: view.edit_entity(stage))
    _add(menu, tr("Add stage before"), lambda: add_at(0))
    _add(menu, tr("Add stage after"), lambda: add_at(1))
    colours = menu.addMenu(tr("Colour"))
    for colour in STAGE_PALETTE:
        action = _add(colours, colour, lambda c=colour: view._run(lambda: ops.set_fields(
            doc, stage, tr("Change colour"), color=c)), checked=stage.color == colour)
        swatch = QPixmap(16, 16)
        swatch.fill(QColor(colour))
        action.setIcon(QIcon(swatch))
    menu.addSeparator()
    _add(menu, tr("Duplicate stage"), lambda: view._run(
        lambda: ops.duplicate(doc, journey, [stage])))
    menu.addSeparator()
    _add(menu, tr("Delete stage"), lambda: view._run(
        lambda: ops.remove(doc, [stage], tr("Delete stage"))))


def _lane_menu(view: MapView, menu: QMenu, item: LaneHeaderItem) -> None:
    lane, doc = item.lane, view.doc
    journey = view.map_scene.journey

    def add_at(offset: int, kind: LaneKind) -> None:
        index = journey.lanes.index(lane) + offset
        created = view._run(lambda: ops.add_lane(doc, journey, kind, index=index))
        if created is not None:
            view.edit_entity(created)

    _add(menu, tr("Rename"), lambda: view.edit_entity(lane))
    kinds = menu.addMenu(tr("Lane kind"))
    for kind in LaneKind:
        _add(kinds, _kind_label(kind),
             lambda k=kind: view._run(lambda: ops.set_fields(doc, lane, tr("Change lane kind"),
                                                             kind=k)),
             checked=lane.kind == kind, icon=qicon(kind.value))
    above = menu.addMenu(tr("Add lane above"))
    below = menu.addMenu(tr("Add lane below"))
    for kind in LaneKind:
        _add(above, _kind_label(kind), lambda k=kind: add_at(0, k), icon=qicon(kind.value))
        _add(below, _kind_label(kind), lambda k=kind: add_at(1, k), icon=qicon(kind.value))
    _add(menu, tr("Collapse") if not lane.collapsed else tr("Expand"),
         lambda: view._run(lambda: ops.set_fields(doc, lane, tr("Collapse lane"),
                                                  collapsed=not lane.collapsed)))
    menu.addSeparator()
    _add(menu, tr("Delete lane"), lambda: view._run(
        lambda: ops.remove(doc, [lane], tr("Delete lane"))))
