"""The palette: stages, lanes, cards and emotions to drag onto the map.

Each entry is a drag source carrying `application/x-journey-studio-palette` JSON; a
click (or Enter) on an entry emits `activated(payload)` so the window can add the item
at the map's current cell without a mouse drag.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QDrag, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.canvas.drops import payload_mime
from app.canvas.i18n import emotion_name, tr
from app.canvas.icons import qicon
from app.canvas.items import paint
from app.canvas.menus import kind_label
from app.domain import style
from app.domain.model import LaneKind, Project

CARD_KINDS = [k for k in LaneKind if k != LaneKind.EMOTIONS]


def face_icon(score: int) -> QIcon:
    """An emotion face as an icon (the same vector face as on the map)."""
    icon = QIcon()
    for size in (16, 24, 32):
        pixmap = QPixmap(size * 2, size * 2)
        pixmap.setDevicePixelRatio(2.0)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        paint.face(painter, QPointF(size / 2, size / 2), size / 2 - 1, score)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


class PaletteButton(QToolButton):
    """One palette entry: an icon and a label; drag it to the map, or click it."""

    activated = Signal(dict)

    def __init__(self, text: str, icon: QIcon, payload: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.payload = payload
        self.setText(text)
        self.setIcon(icon)
        self.setIconSize(QSize(20, 20))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setAutoRaise(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(tr("Drag onto the map, or click to add at the current cell"))
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self._press: QPoint | None = None
        self.clicked.connect(lambda: self.activated.emit(dict(self.payload)))

    def mime_data(self):
        """The MIME data this entry's drag carries."""
        return payload_mime(self.payload)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._press is not None and (event.buttons() & Qt.MouseButton.LeftButton) and (
                (event.position().toPoint() - self._press).manhattanLength()
                >= QApplication.startDragDistance()):
            self._press = None
            self.setDown(False)
            drag = QDrag(self)
            drag.setMimeData(self.mime_data())
            drag.setPixmap(self.icon().pixmap(QSize(28, 28)))
            drag.setHotSpot(QPoint(14, 14))
            drag.exec(Qt.DropAction.CopyAction)
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._press = None
        super().mouseReleaseEvent(event)


class PaletteWidget(QWidget):
    """Sections of draggable entries; call `set_project` when the project changes."""

    activated = Signal(dict)  # a payload to add at the current cell

    def __init__(self, project: Project | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: list[PaletteButton] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self._scroll)
        self.set_project(project)

    def set_project(self, project: Project | None) -> None:
        """Rebuild the entries (touchpoints follow the project's channel catalogue)."""
        self.buttons = []
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(8, 6, 8, 8)
        column.setSpacing(1)
        self._section(column, tr("Stages"))
        self._entry(column, tr("Stage"), qicon("stage", "#5F6670"), {"item": "stage"})
        self._section(column, tr("Lanes"))
        for kind in LaneKind:
            border = style.card_style(kind).border
            self._entry(column, kind_label(kind), qicon(kind.value, border),
                        {"item": "lane", "kind": kind.value})
        if project is not None and project.channels:
            self._section(column, tr("Touchpoints"))
            kind = LaneKind.TOUCHPOINTS.value
            for channel in project.channels:
                self._entry(column, channel.name, qicon(channel.icon, channel.color),
                            {"item": "card", "kind": kind, "channel_id": channel.id})
        self._section(column, tr("Cards"))
        for kind in CARD_KINDS:
            if kind == LaneKind.TOUCHPOINTS and project is not None and project.channels:
                continue
            self._entry(column, kind_label(kind), qicon(kind.value, style.card_style(kind).border),
                        {"item": "card", "kind": kind.value})
        self._section(column, tr("Emotions"))
        for score in range(2, -3, -1):
            self._entry(column, f"{score:+d}  {emotion_name(score)}", face_icon(score),
                        {"item": "marker", "score": score})
        column.addStretch(1)
        old = self._scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self._scroll.setWidget(body)

    def _section(self, column: QVBoxLayout, title: str) -> None:
        label = QLabel(title.upper())
        label.setStyleSheet(f"color: {style.MUTED_TEXT}; font-size: 10px; font-weight: bold;"
                            " letter-spacing: 1px; padding: 10px 4px 4px 4px;")
        column.addWidget(label)

    def _entry(self, column: QVBoxLayout, text: str, icon: QIcon,
               payload: dict[str, Any]) -> None:
        button = PaletteButton(text, icon, payload)
        button.activated.connect(self.activated)
        column.addWidget(button)
        self.buttons.append(button)

    def button_for(self, **payload: Any) -> PaletteButton | None:
        """The entry whose payload contains these keys and values (for tests and tours)."""
        for button in self.buttons:
            if all(button.payload.get(k) == v for k, v in payload.items()):
                return button
        return None
