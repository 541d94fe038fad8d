"""The filter panel (View ▸ Filter…): checklists built from the map in view.

Each section lists only the values the map's cards use (its channels, tags, owners…);
ticks inside a section widen the filter (OR), ticks in two sections narrow it (AND).
Cards left out are dimmed or, with "Hide", not drawn; lanes can be hidden. All of it is
view-only state (app.ui.focus): not written to the file and not undoable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.search import Filter, options
from app.ui.focus import MapFocus, focus_of
from app.ui.names import evidence_name, lane_kind_name, severity_name

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def tr(text: str) -> str:
    """Translate in the filter's context."""
    return QCoreApplication.translate("Filter", text)


def sections() -> list[tuple[str, str]]:
    """The checklists: the Filter field each fills, and its heading."""
    return [("channels", tr("Channel")), ("lane_kinds", tr("Lane kind")), ("tags", tr("Tag")),
            ("severities", tr("Severity")), ("evidence", tr("Evidence")),
            ("statuses", tr("Status")), ("priorities", tr("Priority")), ("owners", tr("Owner"))]


class FilterPanel(QWidget):
    """The panel's content: a mode toggle, the lanes, the criteria and Clear."""

    def __init__(self, focus: MapFocus) -> None:
        super().__init__()
        self.focus = focus
        self.setObjectName("filterPanel")
        self.boxes: dict[str, list[tuple[QCheckBox, object]]] = {}
        self.lane_boxes: dict[str, QCheckBox] = {}
        self._shape: object = None  # what the checklists were built from
        self._building = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        top = QHBoxLayout()
        self.hide_mode = QCheckBox(tr("Hide left-out cards"))
        self.hide_mode.setObjectName("filterHide")
        self.hide_mode.setToolTip(tr("Unticked: the cards the filter leaves out are dimmed"))
        self.hide_mode.toggled.connect(focus.set_hide)
        self.clear = QPushButton(tr("Clear"))
        self.clear.setObjectName("filterClear")
        self.clear.clicked.connect(self.clear_all)
        top.addWidget(self.hide_mode, 1)
        top.addWidget(self.clear)
        outer.addLayout(top)
        note = QLabel(tr("View only: not saved in the file, not undoable."))
        note.setWordWrap(True)
        note.setStyleSheet("QLabel { color: #6B7280; }")
        outer.addWidget(note)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.body = QWidget()
        self.sections = QVBoxLayout(self.body)
        self.sections.setContentsMargins(0, 0, 0, 0)
        scroll.setWidget(self.body)
        outer.addWidget(scroll, 1)
        self._stale = False
        self._labels: dict[tuple[str, object], str] = {}  # every value's label met so far
        focus.model_changed.connect(self._model_changed)
        self.rebuild()

    def _model_changed(self, reset: bool) -> None:
        if reset:
            self._shape = None  # ticks of another map or project: build afresh
        if self.isVisible():
            self.rebuild()
        else:
            self._stale = True  # built when shown: options() reads every card

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.rebuild()

    # -- building the checklists from the map ---------------------------------------------

    def rebuild(self) -> None:
        """Build the checklists again when the map's values changed (keeping the ticks)."""
        window = self.focus.window
        journey = window.journey
        if self._building:
            return
        if journey is None or window.doc is None:
            shape: object = None
        else:
            found = options(window.doc.project, journey)
            shape = (repr(found), [(ln.id, ln.title) for ln in journey.lanes])
        if shape == self._shape:
            self._sync_ticks()
            return
        self._shape = shape
        self._building = True
        try:
            self._fill(found if journey is not None and window.doc is not None else None)
        finally:
            self._building = False

    def _fill(self, found) -> None:
        while self.sections.count():
            item = self.sections.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.boxes.clear()
        self.lane_boxes.clear()
        journey = self.focus.window.journey
        if found is None or journey is None:
            self.sections.addStretch(1)
            return
        lanes = QGroupBox(tr("Lanes shown"))
        lanes_layout = QVBoxLayout(lanes)
        for lane in journey.lanes:
            box = QCheckBox(lane.title or lane_kind_name(lane.kind))
            box.setObjectName(f"filterLane_{lane.id}")
            box.setChecked(lane.id not in self.focus.hidden_lanes)
            box.toggled.connect(lambda on, i=lane.id: self.focus.set_lane_hidden(i, not on))
            lanes_layout.addWidget(box)
            self.lane_boxes[lane.id] = box
        self.sections.addWidget(lanes)
        values = {
            "channels": found.channels,
            "lane_kinds": [(k, lane_kind_name(k)) for k in found.lane_kinds],
            "tags": sorted(found.tags.items(), key=lambda pair: pair[0]),
            "severities": [(s, severity_name(s)) for s in found.severities],
            "evidence": [(e, evidence_name(e)) for e in found.evidence],
            "statuses": sorted(found.statuses.items(), key=lambda pair: pair[0]),
            "priorities": sorted(found.priorities.items(), key=lambda pair: pair[0]),
            "owners": sorted(found.owners.items(), key=lambda pair: pair[0]),
        }
        project = self.focus.window.doc.project if self.focus.window.doc else None
        for name, heading in sections():
            choices = list(values[name])
            offered = {value for value, _label in choices}
            # A tick kept from another map stays listed, so it can be seen and unticked.
            for value in getattr(self.focus.criteria, name):
                if value not in offered:
                    label = self._labels.get((name, value)) or _label_of(name, value, project)
                    choices.append((value, label))
            if not choices:
                continue
            group = QGroupBox(heading)
            layout = QVBoxLayout(group)
            chosen = getattr(self.focus.criteria, name)
            self.boxes[name] = []
            for value, label in choices:
                self._labels[(name, value)] = label
                box = QCheckBox(label)
                box.setObjectName(f"filter_{name}_{value}")
                box.setChecked(value in chosen)
                box.toggled.connect(self._changed)
                layout.addWidget(box)
                self.boxes[name].append((box, value))
            self.sections.addWidget(group)
        self.favourite = QCheckBox(tr("Favourite touchpoints only"))
        self.favourite.setObjectName("filterFavourite")
        self.favourite.setChecked(self.focus.criteria.favourite)
        self.favourite.toggled.connect(self._changed)
        self.sections.addWidget(self.favourite)
        self.sections.addWidget(self._score_range(journey.emotion_min, journey.emotion_max))
        self.sections.addStretch(1)

    def _score_range(self, low: int, high: int) -> QGroupBox:
        group = QGroupBox(tr("Emotion score"))
        row = QHBoxLayout(group)
        self.score_min, self.score_max = QSpinBox(), QSpinBox()
        criteria = self.focus.criteria
        for spin, name, value in ((self.score_min, "filterScoreMin", criteria.score_min),
                                  (self.score_max, "filterScoreMax", criteria.score_max)):
            spin.setObjectName(name)
            spin.setRange(low - 1, high)  # the lowest value means "any"
            spin.setSpecialValueText(tr("any"))
            spin.setValue(low - 1 if value is None else value)
            spin.valueChanged.connect(self._changed)
        row.addWidget(QLabel(tr("from")))
        row.addWidget(self.score_min)
        row.addWidget(QLabel(tr("to")))
        row.addWidget(self.score_max)
        return group

    def show_focus(self) -> None:
        """Tick what the focus holds now (a saved view was applied from outside)."""
        self._shape = None
        self.rebuild()
        self.hide_mode.blockSignals(True)
        self.hide_mode.setChecked(self.focus.hide)
        self.hide_mode.blockSignals(False)

    def _sync_ticks(self) -> None:
        for lane_id, box in self.lane_boxes.items():
            shown = lane_id not in self.focus.hidden_lanes
            if box.isChecked() != shown:
                box.blockSignals(True)
                box.setChecked(shown)
                box.blockSignals(False)

    # -- the ticks, read back into a Filter -----------------------------------------------

    def criteria(self) -> Filter:
        """The filter the ticks describe."""
        chosen: dict[str, Any] = {name: frozenset(v for box, v in pairs if box.isChecked())
                  for name, pairs in self.boxes.items()}
        score_min = score_max = None
        if hasattr(self, "score_min"):
            low = self.score_min.minimum()
            score_min = self.score_min.value() if self.score_min.value() > low else None
            score_max = self.score_max.value() if self.score_max.value() > low else None
        return Filter(**chosen, favourite=self.favourite.isChecked()
                      if hasattr(self, "favourite") else False,
                      score_min=score_min, score_max=score_max)

    def _changed(self, *_args) -> None:
        if not self._building:
            self.focus.set_filter(self.criteria())

    def clear_all(self) -> None:
        """Untick everything and show every lane: the map as it is."""
        self._building = True
        try:
            for pairs in self.boxes.values():
                for box, _value in pairs:
                    box.setChecked(False)
            for box in self.lane_boxes.values():
                box.setChecked(True)
            if hasattr(self, "favourite"):
                self.favourite.setChecked(False)
                self.score_min.setValue(self.score_min.minimum())
                self.score_max.setValue(self.score_max.minimum())
        finally:
            self._building = False
        self.focus.clear_filter()


def _label_of(name: str, value: Any, project: Any) -> str:
    """The label of a ticked value the map in view does not use."""
    if name == "channels" and project is not None:
        channel = project.channel(value)
        return channel.name if channel is not None else str(value)
    if name == "lane_kinds":
        return lane_kind_name(value)
    if name == "severities":
        return severity_name(value)
    if name == "evidence":
        return evidence_name(value)
    return str(value)


def filter_dock_of(window: MainWindow) -> QDockWidget:
    """The window's filter dock, made on first use (a tab beside the inspector)."""
    dock = getattr(window, "filter_dock", None)
    if isinstance(dock, QDockWidget):
        return dock
    dock = QDockWidget(tr("Filter"), window)
    dock.setObjectName("filterDock")
    panel = FilterPanel(focus_of(window))
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.tabifyDockWidget(window.docks.inspector_dock, dock)
    setattr(window, "filter_dock", dock)  # noqa: B010 - one dock per window, kept on it
    setattr(window, "filter_panel", panel)  # noqa: B010
    return dock


def show_filter(window: MainWindow) -> None:
    """View ▸ Filter…: show the filter dock in front."""
    dock = filter_dock_of(window)
    dock.show()
    dock.raise_()
