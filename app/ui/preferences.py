"""Edit ▸ Preferences: the interface language, applied at the next start."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.ui.settings import LANGUAGE_SYSTEM, preferred_language, set_preferred_language


def tr(text: str) -> str:
    """Translate in the preferences' context."""
    return QCoreApplication.translate("Preferences", text)


class PreferencesDialog(QDialog):
    """The language choice: System, English or Tiếng Việt."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Preferences"))
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem(tr("System language"), LANGUAGE_SYSTEM)
        self.language.addItem("English", "en")
        self.language.addItem("Tiếng Việt", "vi")
        self.language.setCurrentIndex(max(0, self.language.findData(preferred_language())))
        note = QLabel(tr("The new language is used the next time Journey Studio starts."))
        note.setObjectName("restartNote")
        note.setWordWrap(True)
        note.setStyleSheet("color: #5F6670;")
        form = QFormLayout()
        form.addRow(tr("Interface &language:"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Save the choice, then close."""
        set_preferred_language(self.language.currentData())
        super().accept()
