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
    QGridLayout,
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
TILES = 5  # icon tiles per row (channels, emotion markers)


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
    """Compact sections of draggable entries, so a 1280 × 800 screen shows them all:
    structure (stage, lanes), cards by lane kind, channels (touchpoint cards) and emotion
    markers. The emotions lane is called the emotion curve, apart from the markers.
    Call `set_project` when the project changes."""

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
        """Rebuild the entries (channels follow the project's catalogue)."""
        self.buttons = []
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(6, 2, 6, 6)
        column.setSpacing(0)
        self._section(column, tr("Structure"))
        grid = self._grid(column)
        self._entry(grid, 0, 0, tr("Stage"), qicon("stage", "#5F6670"), {"item": "stage"},
                    span=2)
        for i, kind in enumerate(LaneKind):
            border = style.card_style(kind).border
            text = tr("Emotion curve") if kind == LaneKind.EMOTIONS else kind_label(kind)
            button = self._entry(grid, 1 + i // 2, i % 2, text, qicon(kind.value, border),
                                 {"item": "lane", "kind": kind.value})
            button.setToolTip(tr("A lane of %1: drag onto the map, or click to add one")
                              .replace("%1", kind_label(kind)))
        channels = project.channels if project is not None else []
        self._section(column, tr("Cards"))
        grid = self._grid(column)
        kinds = [k for k in CARD_KINDS if not (k == LaneKind.TOUCHPOINTS and channels)]
        for i, kind in enumerate(kinds):
            self._entry(grid, i // 2, i % 2, kind_label(kind),
                        qicon(kind.value, style.card_style(kind).border),
                        {"item": "card", "kind": kind.value})
        if channels:
            self._section(column, tr("Channels (touchpoints)"))
            grid = self._grid(column)
            kind = LaneKind.TOUCHPOINTS.value
            for i, channel in enumerate(channels):
                button = self._entry(grid, i // TILES, i % TILES, channel.name,
                                     qicon(channel.icon, channel.color),
                                     {"item": "card", "kind": kind, "channel_id": channel.id},
                                     tile=True)
                button.setToolTip(tr("A touchpoint card on %1").replace("%1", channel.name))
        self._section(column, tr("Emotion markers"))
        grid = self._grid(column)
        for i, score in enumerate(range(2, -3, -1)):
            button = self._entry(grid, 0, i, f"{score:+d}  {emotion_name(score)}",
                                 face_icon(score), {"item": "marker", "score": score},
                                 tile=True)
            button.setToolTip(tr("An emotion marker, %1: drop it on the emotion curve")
                              .replace("%1", f"{score:+d} {emotion_name(score)}"))
        column.addStretch(1)
        old = self._scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self._scroll.setWidget(body)
        # Never narrower than two columns of names (a dock would clip them).
        bar = self._scroll.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(body.minimumSizeHint().width() + bar)

    def _section(self, column: QVBoxLayout, title: str) -> None:
        label = QLabel(title.upper())
        label.setStyleSheet(f"color: {style.MUTED_TEXT}; font-size: 10px; font-weight: bold;"
                            " letter-spacing: 1px; padding: 8px 2px 2px 2px;")
        column.addWidget(label)

    @staticmethod
    def _grid(column: QVBoxLayout) -> QGridLayout:
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(2)
        grid.setVerticalSpacing(0)
        column.addLayout(grid)
        return grid

    def _entry(self, grid: QGridLayout, row: int, col: int, text: str, icon: QIcon,
               payload: dict[str, Any], span: int = 1, tile: bool = False) -> PaletteButton:
        button = PaletteButton(text, icon, payload)
        if tile:  # a square icon tile; its name is the tooltip's and the accessible one
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            button.setIconSize(QSize(22, 22))
            button.setFixedSize(QSize(34, 32))
            button.setAccessibleName(text)
        else:
            button.setIconSize(QSize(16, 16))
            button.setMinimumWidth(0)
            button.setStyleSheet("QToolButton { text-align: left; padding: 2px 2px; }")
        button.activated.connect(self.activated)
        grid.addWidget(button, row, col, 1, span)
        self.buttons.append(button)
        return button

    def button_for(self, **payload: Any) -> PaletteButton | None:
        """The entry whose payload contains these keys and values (for tests and tours)."""
        for button in self.buttons:
            if all(button.payload.get(k) == v for k, v in payload.items()):
                return button
        return None
