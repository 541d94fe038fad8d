"""What the window shows without a project: create, open, the sample and recent files."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.icons import icon
from app.ui.recent import RecentFiles


def tr(text: str) -> str:
    """Translate in the start page's context."""
    return QCoreApplication.translate("StartPage", text)


class StartPage(QWidget):
    """A calm welcome: three big choices and the recent projects."""

    new_requested = Signal()
    open_requested = Signal()
    sample_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, recent: RecentFiles, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recent = recent
        self.setObjectName("startPage")
        self.setStyleSheet("#startPage { background: #F7F8FA; }"
                           "QPushButton { padding: 8px 16px; text-align: left; }")
        title = QLabel("Journey Studio")
        title.setStyleSheet("font-size: 26px; font-weight: bold; color: #1F2328;")
        subtitle = QLabel(tr("Map every step of your customers' experience, across every "
                             "channel."))
        subtitle.setStyleSheet("font-size: 14px; color: #5F6670;")
        subtitle.setWordWrap(True)
        new = QPushButton(icon("new"), tr("New project from a template…"))
        new.clicked.connect(self.new_requested)
        open_ = QPushButton(icon("open"), tr("Open a project…"))
        open_.clicked.connect(self.open_requested)
        sample = QPushButton(icon("map"), tr("Explore the sample project"))
        sample.clicked.connect(self.sample_requested)
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recentList")
        self.recent_list.itemActivated.connect(
            lambda item: self.recent_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.recent_label = QLabel(tr("Recent projects"))
        self.recent_label.setStyleSheet("font-weight: bold; color: #1F2328; margin-top: 12px;")

        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(title)
        column.addWidget(subtitle)
        column.addSpacing(16)
        for button in (new, open_, sample):
            column.addWidget(button)
        column.addWidget(self.recent_label)
        column.addWidget(self.recent_list, 2)
        column.addStretch(1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 2)
        outer.addStretch(1)
        recent.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """List the recent projects (missing files are left out)."""
        self.recent_list.clear()
        from app.storage.backend import is_server

        for path in self.recent.paths():
            server = is_server(path)
            if not server and not os.path.exists(path):
                continue
            item = QListWidgetItem(icon("map"), _server_name(path) if server
                                   else os.path.basename(path))
            item.setToolTip(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent_list.addItem(item)
        has_any = self.recent_list.count() > 0
        self.recent_list.setVisible(has_any)
        self.recent_label.setVisible(has_any)


def _server_name(url: str) -> str:
    """A server project as the recent list names it: "NAME (on the server HOST)"."""
    from app.storage.errors import StorageError
    from app.storage.server import parse_location

    try:
        location = parse_location(url)
    except StorageError:
        return url
    host = location.display.split("://", 1)[-1].split("/", 1)[0].rpartition("@")[2]
    return tr("%1 (on the server %2)").replace("%1", location.project or "?").replace(
        "%2", host or "localhost")
