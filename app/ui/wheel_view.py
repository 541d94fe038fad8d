"""View ▸ Experience Wheel: the map as a circle in a dock beside the grid.

The widget draws app.domain.wheel's geometry with app.canvas.wheel (the same wheel the
PDF page prints), follows the model from the document's change events, and a click on a
sector selects that stage in the grid and scrolls the canvas to it. The dock and its
menu toggle are app.ui.wheel_dock's (imported at start; this module on first show).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QMouseEvent, QPainter
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.canvas.wheel import Place, paint_wheel
from app.document.document import Document
from app.domain.model import (
    Channel,
    JourneyMap,
    Persona,
    Project,
)
from app.domain.wheel import Wheel, build_wheel
from app.export.i18n import CatalogueError, Texts, texts_for


def tr(text: str) -> str:
    """Translate in the wheel's context."""
    return QCoreApplication.translate("WheelView", text)


class WheelView(QWidget):
    """One map's experience wheel; `stage_clicked(stage_id)` when a sector is clicked."""

    stage_clicked = Signal(str)
    # Rebuilding the geometry walks every card (≈ 15 ms at 5,000): while shown, edits mark
    # the wheel stale at most this often, so a drag or typing burst pays for one rebuild.
    REFRESH_MS = 150

    def __init__(self, doc: Document, map_id: str | None, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("experienceWheel")
        self.doc, self.map_id = doc, map_id
        self.wheel: Wheel | None = None
        self.hover: str | None = None
        self.selected: str | None = None
        self._dirty = True
        self._refresh = QTimer(self, singleShot=True, interval=self.REFRESH_MS)
        self._refresh.timeout.connect(self._stale)
        self.setMouseTracking(True)
        self.setMinimumSize(340, 340)  # room for two-line stage titles
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.subscription = doc.subscribe(self, self._on_changed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(460, 460)

    @property
    def journey(self) -> JourneyMap | None:
        return self.doc.project.map(self.map_id) if self.map_id else None

    def set_map(self, map_id: str | None) -> None:
        """Show another map's wheel."""
        self.map_id, self.hover, self.selected = map_id, None, None
        self._dirty = True
        self.update()

    def current(self) -> Wheel | None:
        """The wheel as drawn now (rebuilt from the model when a change touched it)."""
        if self._dirty:
            journey = self.journey
            self.wheel = build_wheel(journey, self.doc.project) if journey else None
            self._dirty = False
        return self.wheel

    def _on_changed(self, changes: list) -> None:
        if not any(self._concerns(c.entity) for c in changes):
            return
        if not self.isVisible():
            self._dirty = True  # rebuilt when shown again
        elif not self._refresh.isActive():  # throttled, not postponed by each new edit
            self._refresh.start()

    def _stale(self) -> None:
        self._dirty = True
        self.update()

    def _concerns(self, entity: object) -> bool:
        if isinstance(entity, (Persona, Channel, Project)):
            return True
        if isinstance(entity, JourneyMap):
            return entity.id == self.map_id
        return getattr(entity, "map_id", None) == self.map_id

    def place(self) -> Place:
        return Place(QRectF(self.rect()), 10)

    def texts(self) -> Texts:
        """The wheel's labels speak the project's language, like the map's own labels."""
        try:
            return texts_for(self.doc.project.language)
        except CatalogueError:
            return texts_for("en")

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        wheel = self.current()
        if wheel is None:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             tr("Open a map to see its experience wheel."))
        else:
            paint_wheel(painter, self.place(), wheel, self.doc.project, self.texts(),
                        self.hover, self.selected)
        painter.end()

    def stage_at(self, pos: QPointF) -> str | None:
        """The stage whose sector is under a widget point, or None."""
        wheel = self.current()
        if wheel is None:
            return None
        sector = wheel.sector_at(*self.place().unit(pos))
        return sector.stage_id if sector else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        stage_id = self.stage_at(event.position())
        if stage_id != self.hover:
            self.hover = stage_id
            self.update()
        wheel = self.current()
        sector = wheel.sector(stage_id) if wheel and stage_id else None
        if sector is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), sector.title, self)

    def leaveEvent(self, _event: QEvent) -> None:  # noqa: N802 - Qt's name
        if self.hover is not None:
            self.hover = None
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() != Qt.MouseButton.LeftButton:
            return
        stage_id = self.stage_at(event.position())
        if stage_id is not None:
            self.selected = stage_id
            self.update()
            self.stage_clicked.emit(stage_id)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.update()  # changes while hidden only marked the wheel stale
