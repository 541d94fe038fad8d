"""The recently opened projects, most recent first, kept in QSettings."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Signal

from app.ui.settings import KEY_RECENT, settings

MAX_RECENT = 10


class RecentFiles(QObject):
    """The list behind File ▸ Open Recent; emits `changed` whenever it changes."""

    changed = Signal()

    def paths(self) -> list[str]:
        """The remembered paths, most recent first."""
        value = settings().value(KEY_RECENT, [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        return [str(p) for p in (value or []) if p]

    def _store(self, paths: list[str]) -> None:
        settings().setValue(KEY_RECENT, paths[:MAX_RECENT])
        settings().sync()
        self.changed.emit()

    def add(self, path: str) -> None:
        """Put `path` first (once); a server project's URL as it is (never a password)."""
        from app.storage.backend import is_server

        if not is_server(path):
            path = os.path.abspath(path)
        self._store([path] + [p for p in self.paths() if p != path])

    def remove(self, path: str) -> None:
        """Forget `path` (a file that has gone)."""
        self._store([p for p in self.paths() if p != path])

    def clear(self) -> None:
        """Forget every path."""
        self._store([])
