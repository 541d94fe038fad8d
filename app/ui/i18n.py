"""Installing the translation of the user interface."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app.ui.paths import TRANSLATION_BASENAME, resource
from app.ui.settings import effective_language

_installed: list[QTranslator] = []  # kept alive: Qt does not own installed translators
_language = ["en"]


def current_language() -> str:
    """The language the interface is shown in ('en' or 'vi')."""
    return _language[0]


def translation_file(language: str) -> str:
    """The path of the compiled translation for `language` (none for English)."""
    return str(resource("i18n", f"{TRANSLATION_BASENAME}_{language}.qm"))


def install_translation(language: str | None = None) -> str:
    """Install the UI translation for `language` (default: preference or system locale).

    Returns the language in use; English needs no translator. Any translator installed
    earlier is removed first, so tests can switch languages.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing a translation")
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = language or effective_language()
    _language[0] = "en"
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return "en"
    translator = QTranslator(app)
    if not translator.load(translation_file(language)):
        return "en"
    app.installTranslator(translator)
    _installed.append(translator)
    _language[0] = language
    QLocale.setDefault(QLocale(language))
    return language
