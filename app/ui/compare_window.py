"""Compare two maps or snapshots: side by side with linked scrolling, or overlaid.

Each side is shown by the canvas MapView over a read-only Document holding a copy of the
map (or of the snapshot's content), so nothing here can change the project. The overlay
view shows the right-hand map with removed cards added back as ghosts, every difference
outlined (green added, amber changed or moved, red removed) and the left map's emotion
curve drawn dashed over the right one's.
"""

from __future__ import annotations

import copy
import dataclasses

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.canvas import units
from app.canvas.view import MapView
from app.dialogs.dialog_kit import swatch_icon
from app.dialogs.snapshot_dialogs import SnapshotViewers, set_default_viewers, taken_at_text
from app.document.document import Document
from app.domain.compare import DiffStatus, ItemDiff, ItemKind, MapComparison, compare_maps
from app.domain.copying import frozen_copy
from app.domain.layout import emotion_y, smooth_curve
from app.domain.model import ConnectorKind, JourneyMap, LaneKind, Project, Snapshot
from app.ui.charts import DeltaRow, EmotionDeltaChart

ADDED_COLOR = "#1E8449"
CHANGED_COLOR = "#E6A100"
REMOVED_COLOR = "#C0392B"
BEFORE_CURVE = "#5F6670"
GHOST_ORDER = 10_000  # ghosts go below a cell's own cards


def tr(text: str) -> str:
    """Translate in the compare window's context."""
    return QCoreApplication.translate("Compare", text)


def status_color(status: DiffStatus) -> str:
    """The highlight colour of a difference."""
    return {DiffStatus.ADDED: ADDED_COLOR, DiffStatus.REMOVED: REMOVED_COLOR}.get(
        status, CHANGED_COLOR)


def field_name(name: str) -> str:
    """A changed field as the user knows it."""
    return {
        "title": tr("title"), "body": tr("text"), "channel_id": tr("channel"),
        "color": tr("colour"), "tags": tr("tags"), "severity": tr("severity"),
        "owner": tr("owner"), "priority": tr("priority"), "status": tr("status"),
        "value": tr("value"), "unit": tr("unit"), "target": tr("target"),
        "evidence": tr("evidence"), "favourite": tr("favourite"), "span": tr("span"),
        "description": tr("description"), "width": tr("width"), "kind": tr("kind"),
        "height": tr("height"), "collapsed": tr("collapsed"), "score": tr("score"),
        "label": tr("label"), "position": tr("position"), "assumed": tr("assumed"),
        "from": tr("start"), "to": tr("end"),
    }.get(name, name)


def connector_kind_name(kind: ConnectorKind) -> str:
    """A connector kind as the compare window names it."""
    return {ConnectorKind.FLOW: tr("Flow"), ConnectorKind.LOOP_BACK: tr("Loop back"),
            ConnectorKind.BRANCH: tr("Branch"), ConnectorKind.HANDOFF: tr("Handoff"),
            ConnectorKind.DEPENDENCY: tr("Dependency")}[kind]


def source_map(project: Project, source_id: str) -> JourneyMap | None:
    """The map a source id stands for: a map, or a snapshot's frozen content."""
    journey = project.map(source_id)
    if journey is not None:
        return journey
    snapshot = project.snapshot(source_id)
    return snapshot.content if snapshot is not None else None


def _concerns(entity: object, shown: set[str | None]) -> bool:
    """True when a changed entity may alter the comparison of the `shown` sources."""
    if isinstance(entity, (JourneyMap, Snapshot)):
        return True  # the source lists name every map and snapshot
    map_id = getattr(entity, "map_id", None)
    return map_id is None or map_id in shown  # personas, channels: shown on both sides


def source_title(project: Project, source_id: str) -> str:
    """How a source is named in the combos and the window title."""
    journey = project.map(source_id)
    if journey is not None:
        return journey.name
    snapshot = project.snapshot(source_id)
    if snapshot is not None:
        return tr("{0} — snapshot “{1}”, {2}").format(snapshot.content.name, snapshot.name,
                                                    taken_at_text(snapshot))
    return tr("(missing)")


def read_only_document(project: Project, journey: JourneyMap) -> Document:
    """A read-only Document holding a copy of `journey` with the project's catalogues."""
    shown = frozen_copy(journey)
    holder = Project(title=project.title, id=project.id, language=project.language,
                     personas=copy.deepcopy(project.personas),
                     channels=copy.deepcopy(project.channels), maps=[shown])
    if holder.persona(shown.persona_id) is None:
        shown.persona_id = None
    shown.derived_from_id = None
    return Document(holder, read_only=True)


def overlay_map(before: JourneyMap, after: JourneyMap, result: MapComparison) -> JourneyMap:
    """A copy of `after` with each removed card put back (as a ghost) where it was."""
    merged = frozen_copy(after)
    kinds = {lane.id: lane.kind for lane in merged.lanes}
    by_id = {c.id: c for c in before.cards}
    for i, diff in enumerate(result.removed(ItemKind.CARD)):
        card = by_id.get(diff.before_id or "")
        if (card is None or diff.stage_id is None or diff.lane_id is None
                or kinds.get(diff.lane_id) in (None, LaneKind.EMOTIONS)):
            continue
        merged.cards.append(dataclasses.replace(
            card, map_id=merged.id, stage_id=diff.stage_id, lane_id=diff.lane_id,
            order=GHOST_ORDER + i, tags=list(card.tags), span=1))
    return merged


class DiffOutline(QGraphicsRectItem):
    """The coloured frame around a card that differs; removed cards are veiled as ghosts."""

    def __init__(self, rect: QRectF, status: DiffStatus) -> None:
        super().__init__(rect.adjusted(-3, -3, 3, 3))
        color = QColor(status_color(status))
        pen = QPen(color, 3)
        if status == DiffStatus.REMOVED:
            pen.setStyle(Qt.PenStyle.DashLine)
            veil = QColor("#FFFFFF")
            veil.setAlpha(150)
            self.setBrush(veil)
        else:
            self.setBrush(Qt.BrushStyle.NoBrush)
        self.setPen(pen)
        self.setZValue(50)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        self.status = status


class CompareWindow(QWidget):
    """Two maps or snapshots compared: side by side or overlaid, with a list of changes."""

    def __init__(self, doc: Document, left: str, right: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.doc = doc
        self.left_id, self.right_id = left, right
        self.result: MapComparison | None = None
        self.left_view: MapView | None = None
        self.right_view: MapView | None = None
        self.overlay_view: MapView | None = None
        self.outlines: list[QGraphicsItem] = []
        self._syncing = False
        self.setObjectName("CompareWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._build()
        self.subscription = doc.subscribe(self, self._on_changed)
        self.refresh()
        self.set_mode(0)
        self.resize(1400, 860)

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.left_combo = QComboBox()
        self.left_combo.setObjectName("left")
        self.right_combo = QComboBox()
        self.right_combo.setObjectName("right")
        for combo in (self.left_combo, self.right_combo):
            combo.setMinimumContentsLength(28)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.activated.connect(self._choose_sources)
        swap = QToolButton()
        swap.setObjectName("swap")
        swap.setText("⇄")
        swap.setToolTip(tr("Swap left and right"))
        swap.clicked.connect(self.swap)
        self.side_button = QPushButton(tr("Side by Side"))
        self.side_button.setObjectName("sideBySide")
        self.overlay_button = QPushButton(tr("Overlay"))
        self.overlay_button.setObjectName("overlay")
        self.modes = QButtonGroup(self)
        for i, button in enumerate((self.side_button, self.overlay_button)):
            button.setCheckable(True)
            self.modes.addButton(button, i)
        self.side_button.setChecked(True)
        self.modes.idClicked.connect(self.set_mode)

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Before:")))
        top.addWidget(self.left_combo, 1)
        top.addWidget(swap)
        top.addWidget(QLabel(tr("After:")))
        top.addWidget(self.right_combo, 1)
        top.addSpacing(16)
        top.addWidget(self.side_button)
        top.addWidget(self.overlay_button)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold")
        # tr() outside the f-strings: lupdate does not look inside them.
        added, changed = tr("added"), tr("changed or moved")
        removed, before = tr("removed (ghost)"), tr("emotion before")
        self.legend = QLabel(
            f"<span style='color:{ADDED_COLOR}'>■</span> {added} &nbsp; "
            f"<span style='color:{CHANGED_COLOR}'>■</span> {changed} &nbsp; "
            f"<span style='color:{REMOVED_COLOR}'>▭</span> {removed} &nbsp; "
            f"<span style='color:{BEFORE_CURVE}'>╌</span> {before}")
        self.legend.setStyleSheet("color: #5F6670")

        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.stack = QStackedWidget()
        self.overlay_holder = QWidget()
        QVBoxLayout(self.overlay_holder).setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(self.split)
        self.stack.addWidget(self.overlay_holder)

        self.differences = QListWidget()
        self.differences.setObjectName("differences")
        self.differences.setWordWrap(True)
        self.differences.currentItemChanged.connect(lambda item, _old: self.show_difference(
            item.data(Qt.ItemDataRole.UserRole) if item else None))
        self.delta_chart = EmotionDeltaChart()
        self.delta_chart.setObjectName("emotionDelta")
        side = QWidget()
        side_col = QVBoxLayout(side)
        side_col.setContentsMargins(6, 0, 0, 0)
        caption = QLabel(tr("Emotion change per stage"))
        caption.setStyleSheet("font-weight: bold")
        hint = QLabel(tr("○ before · face after"))
        hint.setStyleSheet("color: #5F6670")
        diff_caption = QLabel(tr("Differences"))
        diff_caption.setStyleSheet("font-weight: bold")
        side_col.addWidget(caption)
        side_col.addWidget(hint)
        side_col.addWidget(self.delta_chart)
        side_col.addSpacing(8)
        side_col.addWidget(diff_caption)
        side_col.addWidget(self.differences, 1)
        side.setMinimumWidth(300)

        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.stack)
        body.addWidget(side)
        body.setStretchFactor(0, 1)
        body.setSizes([1080, 320])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.legend)
        layout.addWidget(body, 1)

    def _fill_combos(self) -> None:
        project = self.doc.project
        for combo, chosen in ((self.left_combo, self.left_id), (self.right_combo, self.right_id)):
            combo.blockSignals(True)
            combo.clear()
            for journey in project.maps:
                combo.addItem(tr("Map: {0}").format(journey.name), journey.id)
            for snapshot in sorted(project.snapshots, key=lambda s: s.taken_at, reverse=True):
                combo.addItem(tr("Snapshot: {0}").format(source_title(project, snapshot.id)),
                              snapshot.id)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    # -- what is compared ---------------------------------------------------------------------

    def set_sources(self, left: str, right: str) -> None:
        """Compare another pair (map or snapshot ids)."""
        self.left_id, self.right_id = left, right
        self.refresh()

    def _choose_sources(self, _index: int) -> None:
        self.set_sources(self.left_combo.currentData(), self.right_combo.currentData())

    def swap(self) -> None:
        """Exchange the before and after sides."""
        self.set_sources(self.right_id, self.left_id)

    def _on_changed(self, changes: list) -> None:
        # The compared maps may be edited in the main window meanwhile: follow them
        # (an edit of another map leaves the comparison as it is).
        shown = {self.left_id, self.right_id}
        if any(_concerns(c.entity, shown) for c in changes):
            self.refresh()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Stop following the document."""
        self.subscription.cancel()
        super().closeEvent(event)

    def refresh(self) -> None:
        """Recompute the comparison and rebuild the views from the current project."""
        project = self.doc.project
        self._fill_combos()
        before = source_map(project, self.left_id)
        after = source_map(project, self.right_id)
        self.setWindowTitle(tr("Compare — {0} ↔ {1}").format(
            source_title(project, self.left_id), source_title(project, self.right_id)))
        if before is None or after is None:
            self.result = None
            self.summary.setText(tr("One of the compared maps no longer exists."))
            self.differences.clear()
            self.delta_chart.set_rows([])
            return
        self.result = compare_maps(before, after)
        self.summary.setText(self.result.summary(project.language))
        self._build_views(project, before, after)
        self._fill_differences(before, after)
        self.delta_chart.low = min(before.emotion_min, after.emotion_min)
        self.delta_chart.high = max(before.emotion_max, after.emotion_max)
        self.delta_chart.set_rows([DeltaRow(e.title, e.before, e.after)
                                   for e in self.result.emotions])

    # -- the views ----------------------------------------------------------------------------

    def _replace_view(self, old: MapView | None, doc: Document, map_id: str) -> MapView:
        view = MapView(doc, map_id)
        doc.setParent(view)  # the read-only copy lives as long as its view
        if old is not None:
            view.set_zoom(old.zoom_factor())
            h, v = old.horizontalScrollBar().value(), old.verticalScrollBar().value()
            view.horizontalScrollBar().setValue(h)
            view.verticalScrollBar().setValue(v)
        return view

    def _build_views(self, project: Project, before: JourneyMap, after: JourneyMap) -> None:
        old_left, old_right, old_overlay = self.left_view, self.right_view, self.overlay_view
        self.left_view = self._replace_view(old_left, read_only_document(project, before),
                                            before.id)
        self.right_view = self._replace_view(old_right, read_only_document(project, after),
                                             after.id)
        self.left_view.setObjectName("leftView")
        self.right_view.setObjectName("rightView")
        for old in (old_left, old_right):
            if old is not None:
                old.setParent(None)
                old.deleteLater()
        self.split.addWidget(self.left_view)
        self.split.addWidget(self.right_view)
        self.split.setSizes([1, 1])
        self._link(self.left_view, self.right_view)

        merged = overlay_map(before, after, self.result)
        self.overlay_view = self._replace_view(old_overlay, read_only_document(project, merged),
                                               merged.id)
        self.overlay_view.setObjectName("overlayView")
        if old_overlay is not None:
            old_overlay.setParent(None)
            old_overlay.deleteLater()
        self.overlay_holder.layout().addWidget(self.overlay_view)
        self.overlay_view.map_scene.relaid_out.connect(self._draw_overlay)
        self._draw_overlay()

    def _link(self, a: MapView, b: MapView) -> None:
        """Scrolling or zooming one side moves the other the same way."""
        for src, dst in ((a, b), (b, a)):
            for bar in ("horizontalScrollBar", "verticalScrollBar"):
                getattr(src, bar)().valueChanged.connect(
                    lambda value, d=dst, n=bar: self._mirror(getattr(d, n)(), value))
            src.zoom_changed.connect(lambda f, d=dst: self._mirror_zoom(d, f))

    def _mirror(self, bar, value: int) -> None:
        if not self._syncing:
            self._syncing = True
            try:
                bar.setValue(value)
            finally:
                self._syncing = False

    def _mirror_zoom(self, view: MapView, factor: float) -> None:
        if not self._syncing and abs(view.zoom_factor() - factor) > 1e-6:
            self._syncing = True
            try:
                view.set_zoom(factor)
            finally:
                self._syncing = False

    def _draw_overlay(self) -> None:
        view, result = self.overlay_view, self.result
        if view is None or result is None:
            return
        scene = view.map_scene
        for item in self.outlines:
            if item.scene() is scene:
                scene.removeItem(item)
        self.outlines = []
        layout = scene.layout
        for diff in result.differences:
            if diff.kind != ItemKind.CARD:
                continue
            box = layout.cards.get(diff.after_id or diff.before_id or "")
            if box is None:
                continue
            outline = DiffOutline(units.rect_to_scene(box.rect), diff.status)
            outline.setToolTip(self._describe(diff))
            scene.addItem(outline)
            self.outlines.append(outline)
        for diff in result.differences:
            if diff.kind == ItemKind.MARKER and diff.after_id in layout.markers:
                point = layout.markers[diff.after_id]
                ring = QGraphicsRectItem(QRectF(point.x - 18, point.y - 18, 36, 36))
                ring.setPen(QPen(QColor(status_color(diff.status)), 2.5))
                ring.setZValue(50)
                ring.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
                scene.addItem(ring)
                self.outlines.append(ring)
        curve = self._before_curve(scene.journey, layout)
        if curve is not None:
            scene.addItem(curve)
            self.outlines.append(curve)

    def _before_curve(self, shown: JourneyMap | None, layout) -> QGraphicsPathItem | None:
        """The before map's emotion curve, placed in the after map's stages."""
        before = source_map(self.doc.project, self.left_id)
        if before is None or shown is None or self.result is None:
            return None
        lane = next((ln for ln in shown.lanes
                     if ln.kind == LaneKind.EMOTIONS and ln.id in layout.lane_rects
                     and not ln.collapsed), None)
        if lane is None:
            return None
        lane_rect = layout.lane_rects[lane.id]
        points = []
        for marker in before.ordered_markers():
            stage_id = self.result.after_of(marker.stage_id)
            rect = layout.stage_rects.get(stage_id or "")
            if rect is None:
                continue
            points.append((rect.x + marker.position * rect.w,
                           emotion_y(lane_rect, marker.score, shown.emotion_min,
                                     shown.emotion_max)))
        if not points:
            return None
        path = QPainterPath(QPointF(*points[0]))
        for _p0, c1, c2, p1 in smooth_curve(points):
            path.cubicTo(QPointF(*c1), QPointF(*c2), QPointF(*p1))
        for x, y in points:
            path.addEllipse(QPointF(x, y), 4, 4)
        item = QGraphicsPathItem(path)
        pen = QPen(QColor(BEFORE_CURVE), 2.2, Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        item.setPen(pen)
        item.setZValue(40)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        item.setToolTip(tr("Emotion before: {0}").format(source_title(self.doc.project,
                                                                      self.left_id)))
        return item

    # -- modes and the list of differences -----------------------------------------------------

    def set_mode(self, mode: int) -> None:
        """0: side by side, 1: overlay."""
        self.stack.setCurrentIndex(mode)
        self.modes.button(mode).setChecked(True)
        self.legend.setVisible(mode == 1)

    @property
    def overlay_mode(self) -> bool:
        """True when the overlay is shown."""
        return self.stack.currentIndex() == 1

    def _describe(self, diff: ItemDiff) -> str:
        kind = {ItemKind.STAGE: tr("Stage"), ItemKind.LANE: tr("Lane"),
                ItemKind.CARD: tr("Card"), ItemKind.MARKER: tr("Emotion"),
                ItemKind.CONNECTOR: tr("Connector")}[diff.kind]
        status = {DiffStatus.ADDED: tr("added"), DiffStatus.REMOVED: tr("removed"),
                  DiffStatus.CHANGED: tr("changed"), DiffStatus.MOVED: tr("moved")}[diff.status]
        title = diff.title or tr("(untitled)")
        text = f"{kind} {status}: {title}"
        if diff.fields:
            text += " — " + ", ".join(field_name(f) for f in diff.fields)
        if diff.moved and diff.status == DiffStatus.CHANGED:
            text += " " + tr("(and moved)")
        return text

    @staticmethod
    def _connector_words(diff: ItemDiff, before: JourneyMap, after: JourneyMap) -> str:
        """" (Loop back · “label”)": the connector's kind and label as its side has them."""
        con = after.connector(diff.after_id or "") or before.connector(diff.before_id or "")
        if con is None:
            return ""
        words = [connector_kind_name(con.kind)]
        if con.label.strip():
            words.append(f"“{con.label.strip()}”")
        return f" ({' · '.join(words)})"

    def _fill_differences(self, before: JourneyMap, after: JourneyMap) -> None:
        keep = self.differences.currentItem()
        keep_id = keep.data(Qt.ItemDataRole.UserRole).item_id if keep else None
        self.differences.blockSignals(True)
        self.differences.clear()
        order = {ItemKind.STAGE: 0, ItemKind.LANE: 1, ItemKind.CARD: 2, ItemKind.MARKER: 3,
                 ItemKind.CONNECTOR: 4}
        stage_rank = {s.id: i for i, s in enumerate(after.stages)}
        diffs = sorted(self.result.differences,
                       key=lambda d: (order[d.kind], stage_rank.get(d.stage_id or "", 99)))
        titles = {s.id: s.title for s in after.stages} | {
            s.id: s.title for s in before.stages}
        for diff in diffs:
            where = titles.get(diff.stage_id or diff.before_stage_id or "", "")
            text = self._describe(diff)
            if diff.kind == ItemKind.CONNECTOR:
                text += self._connector_words(diff, before, after)
            text += f"\n{where}" if where else ""
            item = QListWidgetItem(swatch_icon(status_color(diff.status), 12), text)
            item.setData(Qt.ItemDataRole.UserRole, diff)
            self.differences.addItem(item)
            if diff.item_id == keep_id:
                self.differences.setCurrentItem(item)
        if not diffs:
            self.differences.addItem(tr("No differences."))
        self.differences.blockSignals(False)

    def show_difference(self, diff: ItemDiff | None) -> None:
        """Select and centre the item of a difference in the view(s) showing it."""
        if not isinstance(diff, ItemDiff):
            return
        if self.overlay_mode:
            targets = [(self.overlay_view, diff.after_id or diff.before_id)]
        else:
            targets = [(self.left_view, diff.before_id), (self.right_view, diff.after_id)]
        for view, item_id in targets:
            if view is None:
                continue
            if item_id is None:
                view.select_entities([])
                continue
            view.select_entities([item_id])
            item = view.map_scene.item_for(item_id)
            if item is not None:
                view.centerOn(item)


_open_windows: set[QWidget] = set()


def keep_open(window: QWidget) -> QWidget:
    """Hold a window opened without a parent until it closes (Python would collect it)."""
    _open_windows.add(window)
    window.destroyed.connect(lambda *_: _open_windows.discard(window))
    return window


def open_compare(parent: QWidget | None, doc: Document, left: str, right: str) -> CompareWindow:
    """Open a compare window (before = left, after = right) and show it."""
    window = keep_open(CompareWindow(doc, left, right, parent))
    window.show()
    window.raise_()
    return window


def _open_snapshot(parent: QWidget | None, doc: Document, snapshot_id: str):
    from app.ui.snapshot_window import SnapshotWindow

    window = keep_open(SnapshotWindow(doc, snapshot_id, parent))
    window.show()
    window.raise_()
    return window


# The snapshots dialog sits below this layer; hand it the windows it opens.
set_default_viewers(SnapshotViewers(open_snapshot=_open_snapshot, compare=open_compare))
