"""The project's channel catalogue: name, icon and colour of every channel.

Each change is one operation on the undo stack, applied as it is made (like the
inspector); deleting a channel takes it off every card and persona in the same step.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.dialog_kit import (
    ColorButton,
    FollowingDialog,
    confirm,
    line_icon,
    run_operation,
    tr,
)
from app.document import operations
from app.document.document import Document
from app.domain.icons import CHANNEL_ICONS
from app.domain.model import Channel, new_id
from app.domain.templates import STAGE_PALETTE


def icon_label(key: str) -> str:
    """The name of a bundled channel icon, for the icon chooser."""
    return {
        "website": tr("Website"), "mobile-app": tr("Mobile app"), "store": tr("Store"),
        "social": tr("Social media"), "email": tr("Email"), "phone": tr("Phone"),
        "ads": tr("Online ads"), "search": tr("Search"), "referral": tr("Referral"),
        "chat": tr("Live chat"), "office": tr("Office"), "event": tr("Event"),
        "other": tr("Other"),
    }.get(key, key)


def channel_usage(doc: Document, channel_id: str) -> tuple[int, int]:
    """How many touchpoint cards and personas use a channel."""
    cards = sum(1 for m in doc.project.maps for c in m.cards if c.channel_id == channel_id)
    personas = sum(1 for p in doc.project.personas if channel_id in p.channel_ids)
    return cards, personas


class ChannelsDialog(FollowingDialog):
    """Edits the channel catalogue; every change is undoable on its own."""

    def __init__(self, parent: QWidget | None, doc: Document) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("ChannelsDialog")
        self.setWindowTitle(tr("Channels"))
        self.list = QListWidget()
        self.list.setObjectName("channels")
        self.list.setIconSize(QSize(20, 20))
        self.list.currentRowChanged.connect(lambda _row: self._show_selected())

        self.add_button = QPushButton(tr("&Add"))
        self.delete_button = QPushButton(tr("&Delete…"))
        self.up_button = QPushButton(tr("Move &Up"))
        self.down_button = QPushButton(tr("Move Do&wn"))
        for button, name, slot in ((self.add_button, "add", self.add),
                                   (self.delete_button, "delete", self.delete_selected),
                                   (self.up_button, "up", lambda: self.move_selected(-1)),
                                   (self.down_button, "down", lambda: self.move_selected(1))):
            button.setObjectName(name)
            button.clicked.connect(slot)

        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.editingFinished.connect(self._commit_name)
        self.icon = QComboBox()
        self.icon.setObjectName("icon")
        self.icon.setIconSize(QSize(18, 18))
        for key in CHANNEL_ICONS:
            self.icon.addItem(line_icon(key), icon_label(key), key)
        self.icon.currentIndexChanged.connect(self._commit_icon)
        self.color = ColorButton()
        self.color.setObjectName("color")
        self.color.color_chosen.connect(self._commit_color)
        self.usage = QLabel()
        self.usage.setObjectName("usage")
        self.usage.setWordWrap(True)
        self.usage.setStyleSheet("color: #5F6670")
        self.error = QLabel()
        self.error.setStyleSheet("color: #C0392B")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow(tr("&Name"), self.name)
        form.addRow(tr("&Icon"), self.icon)
        form.addRow(tr("&Colour"), self.color)
        form.addRow("", self.usage)
        form.addRow("", self.error)

        list_buttons = QHBoxLayout()
        for button in (self.add_button, self.delete_button, self.up_button, self.down_button):
            list_buttons.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(list_buttons)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addSpacing(12)
        body.addLayout(form, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        # Return confirms the name being typed; it must not press a button or close.
        for button in [*close.buttons(), self.add_button, self.delete_button, self.up_button,
                       self.down_button]:
            button.setAutoDefault(False)
            button.setDefault(False)
        layout = QVBoxLayout(self)
        hint = QLabel(tr("Touchpoint cards name one of these channels. Changes apply at "
                         "once and can be undone."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self.resize(720, 460)
        self.follow(doc)
        self.refresh()
        if self.list.count():
            self.list.setCurrentRow(0)

    def refresh(self) -> None:
        """Rebuild the list from the catalogue, keeping the selected channel."""
        keep = self.selected()
        with QSignalBlocker(self.list):
            self.list.clear()
            for channel in self.doc.project.channels:
                item = QListWidgetItem(line_icon(channel.icon, channel.color), channel.name)
                item.setData(Qt.ItemDataRole.UserRole, channel.id)
                self.list.addItem(item)
                if keep is not None and channel.id == keep.id:
                    self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            with QSignalBlocker(self.list):
                self.list.setCurrentRow(0)
        self._show_selected()

    def selected(self) -> Channel | None:
        """The channel selected in the list."""
        item = self.list.currentItem()
        return self.doc.project.channel(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def select(self, channel_id: str) -> None:
        """Select a channel by id."""
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == channel_id:
                self.list.setCurrentRow(i)

    def _show_selected(self) -> None:
        channel = self.selected()
        writable = not self.doc.read_only
        row = self.list.currentRow()
        for widget in (self.name, self.icon, self.color, self.delete_button):
            widget.setEnabled(channel is not None and writable)
        self.add_button.setEnabled(writable)
        self.up_button.setEnabled(writable and row > 0)
        self.down_button.setEnabled(writable and 0 <= row < self.list.count() - 1)
        if channel is None:
            self.name.clear()
            self.usage.clear()
            return
        with QSignalBlocker(self.name):
            if self.name.text() != channel.name:
                self.name.setText(channel.name)
        with QSignalBlocker(self.icon):
            index = self.icon.findData(channel.icon)
            self.icon.setCurrentIndex(index if index >= 0 else self.icon.findData("other"))
        self.color.set_color(channel.color)
        cards, personas = channel_usage(self.doc, channel.id)
        self.usage.setText(tr("Used by {0} touchpoint cards and {1} personas.")
                           .format(cards, personas))

    # -- changes, each one undo step ---------------------------------------------------------

    def _set(self, text: str, **values) -> bool:
        channel = self.selected()
        if channel is None or all(getattr(channel, k) == v for k, v in values.items()):
            return False
        self.error.clear()
        return run_operation(self.doc, lambda: operations.set_fields(self.doc, channel, text,
                                                                 **values))

    def _commit_name(self) -> None:
        name = self.name.text().strip()
        channel = self.selected()
        if channel is None:
            return
        if not name:
            self.error.setText(tr("A channel needs a name."))
            with QSignalBlocker(self.name):
                self.name.setText(channel.name)
            return
        self._set(tr("Rename channel"), name=name)

    def _commit_icon(self, _index: int) -> None:
        self._set(tr("Change channel icon"), icon=self.icon.currentData())

    def _commit_color(self, color: str) -> None:
        self._set(tr("Change channel colour"), color=color)

    def add(self) -> Channel | None:
        """Add a channel at the end of the catalogue and select its name for typing."""
        used = {c.color.upper() for c in self.doc.project.channels}
        color = next((c for c in STAGE_PALETTE if c.upper() not in used), STAGE_PALETTE[0])
        channel = Channel(key="custom-" + new_id()[:8], name=tr("New channel"), icon="other",
                          color=color)
        if not run_operation(self.doc, lambda: operations.add_channel(self.doc, channel)):
            return None
        self.select(channel.id)
        self.name.setFocus()
        self.name.selectAll()
        return channel

    def delete_selected(self) -> bool:
        """Delete the selected channel; cards and personas using it lose it (one step)."""
        channel = self.selected()
        if channel is None:
            return False
        cards, personas = channel_usage(self.doc, channel.id)
        if cards or personas:
            text = tr("Delete the channel “{0}”? {1} touchpoint cards and {2} personas use "
                      "it and will lose it.").format(channel.name, cards, personas)
            if not confirm(self, tr("Delete Channel"), text):
                return False
        row = self.list.currentRow()
        ok = run_operation(self.doc, lambda: operations.remove(
            self.doc, [channel], tr("Delete channel “{0}”").format(channel.name)))
        if ok and self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        return ok

    def move_selected(self, step: int) -> bool:
        """Move the selected channel up (−1) or down (+1) in the catalogue."""
        channel = self.selected()
        if channel is None:
            return False
        index = self.doc.project.channels.index(channel) + step
        if not 0 <= index < len(self.doc.project.channels):
            return False
        return run_operation(self.doc, lambda: operations.move_in_list(
            self.doc, channel, index, tr("Reorder channels")))


def edit_channels(parent: QWidget | None, doc: Document) -> None:
    """The editable channel catalogue; every change is one step on the undo stack."""
    ChannelsDialog(parent, doc).exec()
