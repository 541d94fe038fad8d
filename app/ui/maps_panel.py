"""The maps dock: the project's maps with their state, reordered by drag, opened by double-click."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.document import operations
from app.document.document import Document
from app.domain.model import JourneyMap, MapState
from app.ui import prompts
from app.ui.icons import icon
from app.ui.names import state_badge, state_name
from app.ui.template_dialog import TemplateDialog

MAP_ID = Qt.ItemDataRole.UserRole
STATE = Qt.ItemDataRole.UserRole + 1
_BADGE_COLORS = {MapState.CURRENT: ("#E8F1FB", "#2F6FB3"), MapState.FUTURE: ("#EEE9F7", "#6C4FA3")}


def tr(text: str) -> str:
    """Translate in the maps panel's context."""
    return QCoreApplication.translate("MapsPanel", text)


class _BadgeDelegate(QStyledItemDelegate):
    """Draws a map's name with its state as a small coloured pill at the right."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width() + 70, max(size.height(), 26))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        state = index.data(STATE)
        text = state_badge(state) if state else ""
        font = QFont(option.font)
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.8))
        metrics_width = painter.fontMetrics().horizontalAdvance(text) if text else 0
        badge_w = metrics_width + 12 if text else 0
        inner = QStyleOptionViewItem(option)
        self.initStyleOption(inner, index)
        inner.rect = option.rect.adjusted(0, 0, -(badge_w + 8), 0)
        style = option.widget.style() if option.widget else None
        if style is not None:
            # The row's full-width selection background, then the text in the narrower rect.
            background = QStyleOptionViewItem(option)
            self.initStyleOption(background, index)
            background.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter,
                              option.widget)
            inner.backgroundBrush = Qt.GlobalColor.transparent
            inner.state &= ~QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus
            if option.state & QStyle.StateFlag.State_Selected:
                inner.palette.setColor(QPalette.ColorRole.Text,
                                       option.palette.color(QPalette.ColorRole.HighlightedText))
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, inner, painter, option.widget)
        if not text:
            return
        fill, ink = _BADGE_COLORS[MapState(state)]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font)
        width = painter.fontMetrics().horizontalAdvance(text) + 12
        height = painter.fontMetrics().height() + 4
        rect = QRectF(option.rect.right() - width - 6,
                      option.rect.center().y() - height / 2 + 0.5, width, height)
        painter.setPen(QColor(ink))
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class MapList(QListWidget):
    """The list itself: a drop reorders through the model, never the widget alone."""

    move_requested = Signal(int, int)  # from row, to row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setItemDelegate(_BadgeDelegate(self))
        self.setUniformItemSizes(True)

    def drop_row(self, pos) -> int:
        """The row a drop at `pos` (viewport coordinates) puts the dragged map in front of."""
        index = self.indexAt(pos)
        if not index.isValid():
            return self.count()
        rect = self.visualRect(index)
        return index.row() + (1 if pos.y() > rect.center().y() else 0)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.source() is not self or self.currentRow() < 0:
            event.ignore()
            return
        source = self.currentRow()
        target = self.drop_row(event.position().toPoint())
        # The model moves; the list is rebuilt from Document.changed.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        destination = target - 1 if target > source else target
        if destination != source:
            self.move_requested.emit(source, destination)


class MapsPanel(QWidget):
    """The maps of the project: switch, add, rename, duplicate, delete, derive a future state."""

    map_activated = Signal(str)  # the id of the map to show
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: Document | None = None
        self._subscription = None
        self.current_id: str | None = None
        self._filling = False
        self.list = MapList()
        self.list.setObjectName("mapsList")
        # Activation is a double-click (or Enter, or a single click where the desktop
        # asks for it); itemDoubleClicked as well would fire on an already rebuilt list.
        self.list.itemActivated.connect(self._activated)
        self.list.itemChanged.connect(self._renamed)
        self.list.move_requested.connect(self._move)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.currentRowChanged.connect(lambda _row: self._update_actions())

        self.new_action = self._action("new", tr("New Map from Template…"), self.new_map)
        self.rename_action = self._action("rename", tr("Rename"), self.rename_current,
                                          QKeySequence(Qt.Key.Key_F2))
        self.duplicate_action = self._action("duplicate", tr("Duplicate Map"),
                                             self.duplicate_current)
        self.future_action = self._action("future", tr("Create Future State"),
                                          self.future_state_of_current)
        self.delete_action = self._action("delete", tr("Delete Map…"), self.delete_current,
                                          QKeySequence(QKeySequence.StandardKey.Delete))
        self.up_action = self._action("", tr("Move Up"), lambda: self._step(-1),
                                      QKeySequence("Ctrl+Shift+Up"))
        self.down_action = self._action("", tr("Move Down"), lambda: self._step(1),
                                        QKeySequence("Ctrl+Shift+Down"))

        buttons = QHBoxLayout()
        buttons.setContentsMargins(4, 2, 4, 2)
        buttons.setSpacing(2)
        for action in (self.new_action, self.duplicate_action, self.future_action,
                       self.rename_action, self.delete_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._update_actions()

    def _action(self, icon_name: str, text: str, slot, shortcut: QKeySequence | None = None
                ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        action.setToolTip(text.rstrip("…"))
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.list.addAction(action)
        return action

    # -- following the document -----------------------------------------------------------

    def set_document(self, doc: Document | None, current_id: str | None = None) -> None:
        """Show another project's maps."""
        if self._subscription is not None:
            self._subscription.cancel()
            self._subscription = None
        self.doc = doc
        self.current_id = current_id
        if doc is not None:
            # Not coalesced: the rows are what the next click or key acts on, and only
            # map changes (rare, a few rows) refresh them.
            self._subscription = doc.subscribe(self, self._on_changed, coalesce=False)
        self.refresh()

    def set_current(self, map_id: str | None) -> None:
        """Mark the map shown in the window."""
        self.current_id = map_id
        self.refresh()

    def _on_changed(self, changes: list) -> None:
        if any(isinstance(c.entity, JourneyMap) for c in changes):
            self.refresh()

    def refresh(self) -> None:
        """Rebuild the list from the project, keeping the highlighted map."""
        keep = self.selected_map()
        keep_id = keep.id if keep is not None else self.current_id
        self._filling = True
        try:
            self.list.clear()
            maps = self.doc.project.maps if self.doc is not None else []
            for journey in maps:
                item = QListWidgetItem(journey.name)
                item.setData(MAP_ID, journey.id)
                item.setData(STATE, journey.state.value)
                item.setToolTip(f"{journey.name}\n{state_name(journey.state)}")
                flags = item.flags() | Qt.ItemFlag.ItemIsDragEnabled
                if self.doc is not None and not self.doc.read_only:
                    flags |= Qt.ItemFlag.ItemIsEditable
                item.setFlags(flags)
                if journey.id == self.current_id:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.list.addItem(item)
                if journey.id == keep_id:
                    self.list.setCurrentItem(item)
        finally:
            self._filling = False
        self._update_actions()

    def selected_map(self) -> JourneyMap | None:
        """The highlighted map, or None."""
        item = self.list.currentItem()
        if item is None or self.doc is None:
            return None
        return self.doc.project.map(item.data(MAP_ID))

    def _update_actions(self) -> None:
        has_doc = self.doc is not None
        writable = has_doc and not self.doc.read_only
        selected = self.selected_map() is not None
        count = len(self.doc.project.maps) if has_doc else 0
        self.new_action.setEnabled(writable)
        for action in (self.rename_action, self.duplicate_action, self.future_action):
            action.setEnabled(writable and selected)
        self.delete_action.setEnabled(writable and selected and count > 1)
        row = self.list.currentRow()
        self.up_action.setEnabled(writable and selected and row > 0)
        self.down_action.setEnabled(writable and selected and 0 <= row < count - 1)

    # -- gestures -------------------------------------------------------------------------

    def _run(self, action) -> object:
        # The document's door: the window reports a refusal or a failed write.
        return self.doc.attempt(action)[1]

    def _activated(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.map_activated.emit(item.data(MAP_ID))

    def _renamed(self, item: QListWidgetItem) -> None:
        if self._filling or self.doc is None:
            return
        journey = self.doc.project.map(item.data(MAP_ID))
        name = item.text().strip()
        if journey is None or name == journey.name:
            return
        if not name:
            self.message.emit(tr("A map needs a name."))
            self.refresh()
            return
        self._run(lambda: operations.set_fields(self.doc, journey, tr("Rename map"), name=name))
        if journey.name != name:
            self.refresh()

    def _move(self, source: int, destination: int) -> None:
        maps = self.doc.project.maps
        if 0 <= source < len(maps):
            journey = maps[source]
            self._run(lambda: operations.move_in_list(self.doc, journey, destination,
                                                      tr("Reorder maps")))
            self._select(journey.id)

    def _step(self, delta: int) -> None:
        row = self.list.currentRow()
        if row >= 0 and 0 <= row + delta < self.list.count():
            self._move(row, row + delta)

    def _select(self, map_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(MAP_ID) == map_id:
                self.list.setCurrentRow(row)

    def new_map(self) -> JourneyMap | None:
        """Ask for a template and a name, then add the map and show it."""
        if self.doc is None:
            return None
        dialog = TemplateDialog(self.window(), for_project=False,
                                language=self.doc.project.language)
        if dialog.exec() != TemplateDialog.DialogCode.Accepted:
            return None
        choice = dialog.choice()
        journey = self._run(lambda: operations.new_map_from_template(
            self.doc, choice.template, choice.title or None))
        if journey is not None:
            self.map_activated.emit(journey.id)
        return journey

    def rename_current(self) -> None:
        """Edit the highlighted map's name in place."""
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    def duplicate_current(self) -> JourneyMap | None:
        """Copy the highlighted map and show the copy."""
        journey = self.selected_map()
        if journey is None:
            return None
        copy = self._run(lambda: operations.duplicate_map(self.doc, journey))
        if copy is not None:
            self.map_activated.emit(copy.id)
        return copy

    def future_state_of_current(self) -> JourneyMap | None:
        """Derive a future-state map from the highlighted one and show it."""
        journey = self.selected_map()
        if journey is None:
            return None
        future = self._run(lambda: operations.create_future_state(self.doc, journey))
        if future is not None:
            self.map_activated.emit(future.id)
        return future

    def delete_current(self) -> bool:
        """Delete the highlighted map after asking; undo brings it back."""
        journey = self.selected_map()
        if journey is None or len(self.doc.project.maps) < 2:
            return False
        question = tr("Delete the map “%1”?").replace("%1", journey.name)
        if journey.cards:
            question += " " + tr("Cards on it: %1.").replace("%1", str(len(journey.cards)))
        if not prompts.confirm(self.window(), tr("Delete Map"),
                               question + "\n" + tr("You can undo this with Edit ▸ Undo."),
                               tr("Delete")):
            return False
        self._run(lambda: operations.remove(self.doc, [journey], tr("Delete map")))
        return self.doc.project.map(journey.id) is None

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        item = self.list.itemAt(pos)
        if item is not None:
            self.list.setCurrentItem(item)
            menu.addAction(tr("Open"), lambda: self._activated(item))
            menu.addSeparator()
        menu.addAction(self.new_action)
        if item is not None:
            menu.addAction(self.rename_action)
            menu.addAction(self.duplicate_action)
            menu.addAction(self.future_action)
            menu.addSeparator()
            menu.addAction(self.up_action)
            menu.addAction(self.down_action)
            menu.addSeparator()
            menu.addAction(self.delete_action)
        menu.exec(self.list.viewport().mapToGlobal(pos))
