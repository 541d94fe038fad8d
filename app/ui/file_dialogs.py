"""The file choosers the window uses; tests replace these functions, not the dialogs' logic."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from app.dialogs.dialog_kit import safe_file_name  # noqa: F401 - the window's name for it
from app.ui.paths import PROJECT_SUFFIX
from app.ui.settings import last_directory, remember_directory


def tr(text: str) -> str:
    """Translate in this module's context."""
    return QCoreApplication.translate("FileDialogs", text)


def project_filter() -> str:
    """The name filter for project files."""
    return tr("Journey Studio projects (*.cjm)")


def ask_open_project(parent: QWidget | None) -> str | None:
    """Ask for an existing project file; None when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, tr("Open Project"), last_directory(),
                                          project_filter() + ";;" + tr("All files (*)"))
    if path:
        remember_directory(path)
    return path or None


def ask_save_path(parent: QWidget | None, title: str, suggested: str, name_filter: str,
                  suffix: str) -> str | None:
    """Ask where to write a new file, adding `suffix` when the user left it out."""
    start = os.path.join(last_directory(), suggested) if last_directory() else suggested
    path, _ = QFileDialog.getSaveFileName(parent, title, start, name_filter)
    if not path:
        return None
    if not path.lower().endswith(suffix.lower()):
        path += suffix
    remember_directory(path)
    return path


def ask_new_project_path(parent: QWidget | None, suggested: str) -> str | None:
    """Ask where to create a new project file."""
    return ask_save_path(parent, tr("New Project"), suggested + PROJECT_SUFFIX,
                         project_filter(), PROJECT_SUFFIX)


