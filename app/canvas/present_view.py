"""The presentation view: one map shown to a room, stage by stage, the others dimmed.

A PresentView draws its own MapScene of the document (decorated=False: no selection,
hover or keyboard chrome, whatever the editor has selected), so it follows every change
of the model at once, like the editor's scene, while its sticky headers and its dimming
stay its own: the facilitator's editor on the laptop is neither dimmed nor re-pinned.
The spotlight is one overlay item over the scene (no card is painted differently);
the steps are plain data (`steps_for`), so the window, the audience window and the
command line's screenshot all step the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QLabel, QWidget

from app.canvas.editor import InlineEditor
from app.canvas.scene import MapScene
from app.document import operations as ops
from app.document.document import Document
from app.domain import style
from app.domain.model import JourneyMap, LaneKind

Z_SPOTLIGHT = 103.0  # over cards, markers and headers: dimmed headers read as dimmed
DIM_ALPHA = 170  # the dimmed stages still show their shape, not their words
HIDDEN_ALPHA = 255  # the emotion curve of stages not yet presented is not shown at all
MIN_LEGIBLE_ZOOM = 0.6  # below this a card's words cannot be read from the back of a room
MAX_ZOOM = 2.5


@dataclass(frozen=True)
class Step:
    """One step of a presentation: a stage (index) with `lanes` of its lanes shown,
    or the overview (stage None)."""

    stage: int | None
    lanes: int | None = None  # None: every lane


def steps_for(journey: JourneyMap | None, reveal: bool) -> list[Step]:
    """Every step in order: each stage (lane by lane when `reveal`), then the overview."""
    if journey is None:
        return [Step(None)]
    steps: list[Step] = []
    for index in range(len(journey.stages)):
        if reveal and journey.lanes:
            steps += [Step(index, count) for count in range(1, len(journey.lanes) + 1)]
        else:
            steps.append(Step(index))
    steps.append(Step(None))
    return steps


class SpotlightItem(QGraphicsItem):
    """Dims every stage but the spotlighted one, the lanes not yet revealed in it, and
    hides the emotion curve of the stages still to come; nothing in the overview."""

    def __init__(self, scene: MapScene) -> None:
        super().__init__()
        self.map_scene = scene
        self.step = Step(None)
        self.progressive_emotions = True
        self.setZValue(Z_SPOTLIGHT)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_step(self, step: Step) -> None:
        """Spotlight another step."""
        self.prepareGeometryChange()
        self.step = step
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        layout = self.map_scene.layout
        return QRectF(0, 0, max(layout.width, 1.0), max(layout.height, 1.0))

    def regions(self) -> list[tuple[QRectF, int]]:
        """The rectangles drawn over the map, with their opacity (0–255), in scene units."""
        scene, step = self.map_scene, self.step
        journey = scene.journey
        if journey is None or step.stage is None or step.stage >= len(journey.stages):
            return []
        layout = scene.layout
        height = layout.height
        left, _top = scene.pin
        header_right = left + style.LANE_HEADER_WIDTH  # the lane headers stay readable
        found: list[tuple[QRectF, int]] = []
        for index, stage in enumerate(journey.stages):
            rect = layout.stage_rects.get(stage.id)
            if rect is None:
                continue
            x0, x1 = max(rect.x, header_right), rect.right
            if x1 <= x0:
                continue
            if index != step.stage:
                found.append((QRectF(x0, 0, x1 - x0, height), DIM_ALPHA))
            elif step.lanes is not None and step.lanes < len(journey.lanes):
                hidden = journey.lanes[step.lanes]
                top = layout.lane_rects[hidden.id].y if hidden.id in layout.lane_rects \
                    else height
                found.append((QRectF(x0, top, x1 - x0, height - top), DIM_ALPHA))
            if self.progressive_emotions and index > step.stage:
                for lane in journey.lanes:
                    band = layout.lane_rects.get(lane.id)
                    if lane.kind == LaneKind.EMOTIONS and band is not None:
                        found.append((QRectF(x0, band.y, x1 - x0, band.h), HIDDEN_ALPHA))
        return found

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        for rect, alpha in self.regions():
            color = QColor(style.CANVAS_BACKGROUND)
            color.setAlpha(alpha)
            painter.setBrush(color)
            painter.drawRect(rect)


class PresentView(QGraphicsView):
    """A map as the room sees it: fitted to the screen, one step spotlighted, no chrome.

    `editable` views add a card to the spotlighted stage with Insert (the editor's key)
    and open the in-place editor on it; the keys that step are the window's
    (app.ui.present), except the arrows, which step here.
    """

    step_changed = Signal(object)  # the Step now shown
    leave_requested = Signal()  # Esc

    def __init__(self, doc: Document, map_id: str, parent: QWidget | None = None,
                 editable: bool = True) -> None:
        super().__init__(parent)
        self.doc = doc
        self.editable = editable
        self.editor: InlineEditor | None = None
        self._zoom = 1.0
        self.reveal = False
        self.step = Step(0)
        self.steps: list[Step] = []
        self.setObjectName("presentView")
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setInteractive(False)  # the room's picture: clicks select nothing
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.blank = QLabel(self)  # period: the screen goes dark while the room talks
        self.blank.setStyleSheet("background: #000000;")
        self.blank.hide()
        self.map_scene: MapScene | None = None
        self.spotlight: SpotlightItem | None = None
        self.set_map(map_id)

    # -- the map and its steps --------------------------------------------------------------

    @property
    def journey(self) -> JourneyMap | None:
        """The map presented."""
        return self.map_scene.journey if self.map_scene is not None else None

    def set_map(self, map_id: str) -> None:
        """Present another map of the document, from its first stage."""
        self.close_editor()
        old = self.map_scene
        scene = MapScene(self.doc, map_id, self, decorated=False)
        for item in (scene.preview, scene.guide, scene.cell_cursor):
            item.setVisible(False)
        self.spotlight = SpotlightItem(scene)
        scene.addItem(self.spotlight)
        scene.relaid_out.connect(self._after_relayout)
        self.map_scene = scene
        self.setScene(scene)
        if old is not None:
            old.detach()
            old.deleteLater()
        self.go(0)

    def detach(self) -> None:
        """Stop following the document (before the view is dropped)."""
        self.close_editor()
        if self.map_scene is not None:
            self.map_scene.detach()

    def set_reveal(self, reveal: bool) -> None:
        """Step lane by lane within each stage (True), or a stage at a time."""
        stage = self.step.stage
        self.reveal = reveal
        self._steps()
        wanted = Step(stage, 1 if reveal else None) if stage is not None else Step(None)
        self.go(self.steps.index(wanted) if wanted in self.steps else 0)

    def _steps(self) -> list[Step]:
        self.steps = steps_for(self.journey, self.reveal)
        return self.steps

    def index(self) -> int:
        """The place of the shown step among the steps (0 = the first stage)."""
        steps = self._steps()
        return steps.index(self.step) if self.step in steps else len(steps) - 1

    def go(self, index: int) -> None:
        """Show step `index` (clamped to the steps there are)."""
        steps = self._steps()
        self.step = steps[max(0, min(index, len(steps) - 1))]
        self.fit()
        self.step_changed.emit(self.step)

    def go_stage(self, stage: int | None, all_lanes: bool = False) -> None:
        """Show a stage (0-based; None: the overview) from its first step, or with
        `all_lanes` revealed."""
        steps = self._steps()
        wanted = [i for i, s in enumerate(steps) if s.stage == stage]
        if wanted:
            self.go(wanted[-1] if all_lanes else wanted[0])

    def advance(self, delta: int) -> None:
        """One step forward (1) or back (−1)."""
        self.go(self.index() + delta)

    def toggle_blank(self) -> None:
        """Black the screen out, or bring the map back."""
        self.blank.setGeometry(self.rect())
        self.blank.setVisible(not self.blank.isVisible())
        self.blank.raise_()

    # -- fitting ----------------------------------------------------------------------------

    def zoom_factor(self) -> float:
        """The zoom applied (the in-place editor scales its text by it)."""
        return self._zoom

    def fit(self) -> None:
        """Fit the step to the viewport: the whole map for the overview, else the
        spotlighted stage beside the lane headers, as tall as the map when legible."""
        scene, journey = self.map_scene, self.journey
        if scene is None:
            return
        if self.spotlight is not None:
            self.spotlight.set_step(self.step)
        vp = self.viewport().rect()
        layout = scene.layout
        if vp.isEmpty() or journey is None or layout.width <= 0 or layout.height <= 0:
            return
        stage = self.step.stage
        rect = None
        if stage is not None and stage < len(journey.stages):
            rect = layout.stage_rects.get(journey.stages[stage].id)
        if rect is None:
            zoom = min(vp.width() / layout.width, vp.height() / layout.height)
        else:
            wide = style.LANE_HEADER_WIDTH + rect.w + 2 * style.CELL_PADDING
            zoom = min(vp.width() / wide, vp.height() / layout.height)
            zoom = max(zoom, min(MIN_LEGIBLE_ZOOM, vp.width() / wide))
        self._zoom = min(zoom, MAX_ZOOM)
        self.setTransform(QTransform.fromScale(self._zoom, self._zoom))
        # Room to scroll any stage to the middle of the screen, the first and last too.
        extra = vp.width() / self._zoom
        self.setSceneRect(QRectF(-extra, 0, layout.width + 2 * extra,
                                 max(layout.height, vp.height() / self._zoom)))
        shown = vp.width() / self._zoom  # scene units across the screen
        if layout.width <= shown:
            left = -(shown - layout.width) / 2  # the whole map fits: centre it
        elif rect is None:
            left = 0.0
        else:
            # The stage in the middle of what the lane headers leave free, the map's
            # ends kept at the screen's edges.
            free = shown - style.LANE_HEADER_WIDTH
            left = rect.x - style.LANE_HEADER_WIDTH - (free - rect.w) / 2
            left = max(0.0, min(left, layout.width - shown))
        self._scroll_to(left)
        self.blank.setGeometry(self.rect())

    def _scroll_to(self, left: float) -> None:
        bar = self.horizontalScrollBar()
        origin = self.sceneRect().left()
        bar.setValue(round((left - origin) * self._zoom) + bar.minimum())
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())
        self._pin_headers()

    def _pin_headers(self) -> None:
        scene = self.map_scene
        if scene is not None:
            top_left = self.mapToScene(QPoint(0, 0))
            scene.pin_headers(top_left.x(), top_left.y())
            if self.spotlight is not None:
                self.spotlight.update()

    def _after_relayout(self) -> None:
        # A stage added or removed changes the steps; keep the stage in the spotlight.
        stage = self.step.stage
        steps = self._steps()
        if self.step not in steps:
            self.step = next((s for s in steps if s.stage == stage), steps[-1])
        self.fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt's name
        super().scrollContentsBy(dx, dy)
        self._pin_headers()
        if self.editor is not None:
            self.editor.reposition()

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt's name
        event.accept()  # the presented picture does not scroll away from its stage

    # -- editing while presenting -------------------------------------------------------------

    def spotlight_cell(self) -> tuple[str, str] | None:
        """The cell a new card goes to: the spotlighted stage's last revealed card lane."""
        journey, stage = self.journey, self.step.stage
        if journey is None or stage is None or stage >= len(journey.stages):
            return None
        shown = journey.lanes[:self.step.lanes] if self.step.lanes else journey.lanes
        lanes = [ln for ln in shown if ln.kind != LaneKind.EMOTIONS]
        if not lanes:
            return None
        return journey.stages[stage].id, lanes[-1 if self.step.lanes else 0].id

    def add_card(self) -> Any:
        """Add a card in the spotlighted stage (one undo step) and edit its title here."""
        journey, cell = self.journey, self.spotlight_cell()
        if not self.editable or journey is None or cell is None or self.doc.read_only:
            return None
        ok, card = self.doc.attempt(lambda: ops.add_card(self.doc, journey, *cell))
        if not ok or card is None:
            return None
        self.edit_card(card)
        return card

    def edit_card(self, card: Any) -> InlineEditor | None:
        """Open the in-place editor on a card's title, over this view."""
        item = self.map_scene.cards.get(card.id) if self.map_scene is not None else None
        if item is None:
            return None
        self.close_editor()
        rect = item.mapRectToScene(item.card_rect())
        # The editor asks a view for doc, viewport, zoom_factor and mapFromScene only.
        editor = InlineEditor(self, card, "title", rect, style.CARD_TITLE_SIZE, True)  # type: ignore[arg-type]
        editor.finished.connect(self._editor_finished)
        self.editor = editor
        return editor

    def close_editor(self) -> None:
        """Close an open editor, storing its text."""
        if self.editor is not None:
            editor, self.editor = self.editor, None
            editor.commit()

    def _editor_finished(self, _committed: bool) -> None:
        self.editor = None
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- keys -----------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        forward = (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space)
        back = (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace)
        if key in forward:
            self.advance(1)
        elif key in back:
            self.advance(-1)
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(len(self._steps()) - 1)
        elif key in (Qt.Key.Key_Period, Qt.Key.Key_B):
            self.toggle_blank()
        elif key == Qt.Key.Key_Insert and self.editable:
            self.add_card()
        elif key == Qt.Key.Key_Escape:
            self.leave_requested.emit()
        else:
            event.ignore()  # the window's keys (undo, F5) work here too
            return
        event.accept()
