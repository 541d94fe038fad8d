"""Preferences kept in QSettings: the UI language, window state, recent files."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings

ORGANIZATION = "Journey Studio"
APPLICATION = "Journey Studio"

KEY_LANGUAGE = "ui/language"
KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_RAILS = "window/dock_rails"  # the docks folded to rails (app.ui.workspace)
KEY_RECENT = "recent/files"
KEY_LAST_DIR = "files/last_dir"

LANGUAGE_SYSTEM = "system"
UI_LANGUAGES = ("en", "vi")


def settings() -> QSettings:
    """The application's settings store (organisation and name set by run_gui)."""
    return QSettings()


def preferred_language() -> str:
    """The language chosen in Preferences: 'system', 'en' or 'vi'."""
    value = settings().value(KEY_LANGUAGE, LANGUAGE_SYSTEM)
    return value if value in (LANGUAGE_SYSTEM, *UI_LANGUAGES) else LANGUAGE_SYSTEM


def set_preferred_language(language: str) -> None:
    """Remember the UI language for the next start."""
    if language not in (LANGUAGE_SYSTEM, *UI_LANGUAGES):
        raise ValueError(f"unknown UI language {language!r}")
    settings().setValue(KEY_LANGUAGE, language)


def effective_language(preference: str | None = None, locale: QLocale | None = None) -> str:
    """The UI language to use: the preference, or the system locale's when 'system'."""
    preference = preferred_language() if preference is None else preference
    if preference in UI_LANGUAGES:
        return preference
    locale = locale or QLocale.system()
    return "vi" if locale.language() == QLocale.Language.Vietnamese else "en"


def last_directory() -> str:
    """The folder of the last file opened or saved, for file dialogs."""
    return str(settings().value(KEY_LAST_DIR, "") or "")


def remember_directory(path: str) -> None:
    """Remember the folder of `path` for the next file dialog."""
    from pathlib import Path

    settings().setValue(KEY_LAST_DIR, str(Path(path).resolve().parent))
