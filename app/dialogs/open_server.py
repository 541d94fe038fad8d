"""File ▸ Open from Server…: a server URL, its projects, one to open.

The servers used before are offered again, remembered without their passwords (and
without a project): a password comes from ~/.pgpass, a service file or PGPASSWORD, or is
typed into the URL for this once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.storage.errors import StorageError

KEY_SERVERS = "servers/recent"
MAX_SERVERS = 8
_NAME = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    """Translate in the dialog's context."""
    return QCoreApplication.translate("OpenServerDialog", text)


def recent_servers() -> list[str]:
    """The servers used before, most recent first (never with a password)."""
    value = QSettings().value(KEY_SERVERS, [])
    if isinstance(value, str):  # QSettings gives a lone string for a one-item list
        value = [value]
    return [str(v) for v in value if v] if isinstance(value, list) else []


def remember_server(url: str) -> None:
    """Put the server of `url` first in the list: without its password and its project."""
    from app.storage.server import parse_location

    location = parse_location(url)
    shown = location.display
    if location.project is not None:  # the project parameter comes last in a display
        shown = shown.rsplit("project=", 1)[0].rstrip("?&")
    servers = [shown] + [s for s in recent_servers() if s != shown]
    QSettings().setValue(KEY_SERVERS, servers[:MAX_SERVERS])


class OpenServerDialog(QDialog):
    """Choose a project on a PostgreSQL server; `url()` is what to open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Open from Server"))
        self.setMinimumWidth(560)
        self.server = QComboBox()
        self.server.setEditable(True)
        self.server.addItems(recent_servers())
        self.server.setObjectName("serverUrl")
        line = self.server.lineEdit()
        if line is not None:
            line.setPlaceholderText("postgresql://USER@HOST/DATABASE")
        self.list_button = QPushButton(tr("&List Projects"))
        self.list_button.setObjectName("listProjects")
        self.list_button.clicked.connect(self.list_projects)
        self.projects = QListWidget()
        self.projects.setObjectName("projects")
        self.projects.itemSelectionChanged.connect(self._update)
        self.projects.itemDoubleClicked.connect(lambda _item: self.accept())
        self.message = QLabel(tr("A password comes from ~/.pgpass or PGPASSWORD; it is "
                                 "never saved."))
        self.message.setWordWrap(True)
        self.message.setObjectName("message")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        label = QLabel(tr("&Server:"))
        label.setBuddy(self.server)
        row.addWidget(label)
        row.addWidget(self.server, 1)
        row.addWidget(self.list_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.projects, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._url = ""  # the server URL the list was read from (as typed: it may hold a password)
        self._update()

    def list_projects(self) -> bool:
        """Read the server's projects into the list; a failure is said in one line."""
        from app.storage.server import ServerStore

        url = self.server.currentText().strip()
        self.projects.clear()
        self._url = ""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            listing = ServerStore.list_projects(url)
        except StorageError as error:
            self._say(str(error), failed=True)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
            self._update()
        self._url = url
        for project in listing:
            item = QListWidgetItem(tr("%1 — %2 (%3 maps, %4 cards)")
                                   .replace("%1", project.name).replace("%2", project.title)
                                   .replace("%3", str(project.maps))
                                   .replace("%4", str(project.cards)))
            item.setData(_NAME, project.name)
            self.projects.addItem(item)
        if listing:
            self.projects.setCurrentRow(0)
            self._say(tr("Choose a project to open."))
        else:
            self._say(tr("This server holds no projects yet: publish one with "
                         "'journey-studio publish FILE.cjm URL'."))
        remember_server(url)
        return True

    def url(self) -> str:
        """The chosen project's URL (as typed, with ?project=NAME), or ''."""
        from app.storage.server import parse_location

        item = self.projects.currentItem()
        if item is None or not self._url:
            return ""
        name = str(item.data(_NAME))
        location = parse_location(self._url).with_project(name)
        return location.conninfo_with_project()

    def _say(self, text: str, failed: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #C0392B;" if failed else "")

    def _update(self) -> None:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        if button is not None:
            button.setEnabled(self.projects.currentItem() is not None)
