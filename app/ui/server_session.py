"""The server-project parts of the main window (docs/team-store.md).

A project opened from a PostgreSQL server differs from a file in four ways the window
shows: it is opened through File ▸ Open from Server…, it turns read-only while the server
is out of reach, the status bar names who else has it open, and a role that may only
read says why on opening. MainWindow keeps one ServerSession and calls `attach`/`detach`
as documents come and go; a local project passes through untouched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from app.document.document import Document

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def tr(text: str) -> str:
    """Translate in the main window's context (these strings were its own)."""
    return QCoreApplication.translate("MainWindow", text)


class ServerSession:
    """Follows the server side of the window's document: offline state and presence."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def ask_url(self) -> str:
        """File ▸ Open from Server…: the chosen project's URL, or "" when cancelled."""
        from app.dialogs.open_server import OpenServerDialog

        dialog = OpenServerDialog(self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return ""
        return dialog.url() or ""

    def attach(self, doc: Document) -> None:
        """Follow a newly shown document (offline only ever changes for a server one)."""
        doc.offline_changed.connect(self._on_offline)
        if doc.live is not None:  # a server project: who else has it open
            doc.live.presence_changed.connect(self.window.status.show_presence)

    def detach(self, doc: Document) -> None:
        """Stop following a document the window no longer shows."""
        doc.offline_changed.disconnect(self._on_offline)
        if doc.live is not None:
            doc.live.presence_changed.disconnect(self.window.status.show_presence)

    def show_presence(self, doc: Document | None) -> None:
        """Name who else has the project open (nobody for a file or no project)."""
        self.window.status.show_presence(doc.live.present if doc is not None and doc.live
                                         else [])

    def opened(self, doc: Document) -> None:
        """Just opened: a server role that may only read says why it is read-only."""
        self.window.show_message(getattr(doc.store, "read_only_reason", ""))

    def _on_offline(self, offline: bool) -> None:
        # Read-only while the server is out of reach; writable again when it is back.
        self.window.refresh()
        self.window.statusBar().showMessage(
            tr("The server cannot be reached: the project is read-only until it is back.")
            if offline else tr("The server is back: the project can be edited again."),
            0 if offline else 5000)
