"""Choosing a template: for a new project (language, title) or a new map (name)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.templates import TEMPLATES, Template
from app.ui.i18n import current_language


@dataclass(frozen=True)
class TemplateChoice:
    """What the user picked: a template key, the content language and a title or name."""

    template: str
    language: str
    title: str


def template_name(template: Template, language: str | None = None) -> str:
    """A template's name in `language` (default: the UI language)."""
    language = language or current_language()
    return template.name[1] if language == "vi" else template.name[0]


def template_summary(template: Template, language: str | None = None) -> str:
    """The stages of a template, joined by arrows, for a preview line."""
    language = language or current_language()
    titles = [pair[1] if language == "vi" else pair[0] for pair in template.stages]
    return " → ".join(titles)


class TemplateDialog(QDialog):
    """Lists the map templates; asks a project title and language, or a map name."""

    def __init__(self, parent: QWidget | None = None, *, for_project: bool = True,
                 language: str | None = None) -> None:
        super().__init__(parent)
        self.for_project = for_project
        self._given_language = language or current_language()
        self.setWindowTitle(self.tr("New Project from Template") if for_project
                            else self.tr("New Map from Template"))
        self.setMinimumWidth(520)
        self.templates = QListWidget()
        self.templates.setObjectName("templates")
        for template in TEMPLATES.values():
            item = QListWidgetItem(template_name(template))
            item.setData(Qt.ItemDataRole.UserRole, template.key)
            item.setToolTip(template_summary(template) or self.tr("No stages: start from scratch"))
            self.templates.addItem(item)
        self.templates.setCurrentRow(0)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setObjectName("preview")
        self.preview.setStyleSheet("color: #5F6670;")
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("English", "en")
        self.language.addItem("Tiếng Việt", "vi")
        self.language.setCurrentIndex(1 if self._given_language == "vi" else 0)
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self._title_touched = False
        self.title.textEdited.connect(self._on_title_edited)

        form = QFormLayout()
        if for_project:
            form.addRow(self.tr("Content &language:"), self.language)
            form.addRow(self.tr("Project &title:"), self.title)
        else:
            self.language.hide()
            form.addRow(self.tr("Map &name:"), self.title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create"))
        self.templates.itemDoubleClicked.connect(lambda _item: self.accept())

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("&Template:"), buddy=self.templates))
        layout.addWidget(self.templates, 1)
        layout.addWidget(self.preview)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self.templates.currentRowChanged.connect(self._refresh)
        self.language.currentIndexChanged.connect(self._refresh)
        self._refresh()

    def _on_title_edited(self, _text: str) -> None:
        self._title_touched = True
        self.ok_button.setEnabled(bool(self.title.text().strip()))

    def _content_language(self) -> str:
        return self.language.currentData() if self.for_project else self._given_language

    def _refresh(self) -> None:
        template = TEMPLATES[self.selected_key()]
        lang = self._content_language()
        summary = template_summary(template, lang)
        self.preview.setText(summary or self.tr("No stages: start from scratch."))
        if not self._title_touched:
            if self.for_project:
                self.title.setText("Dự án mới" if lang == "vi" else "New project")
            else:
                self.title.setText(template_name(template, lang))
        self.ok_button.setEnabled(bool(self.title.text().strip()))

    def selected_key(self) -> str:
        """The key of the highlighted template."""
        item = self.templates.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else "awareness-5"

    def choice(self) -> TemplateChoice:
        """The user's choice (meaningful after exec() returned Accepted)."""
        return TemplateChoice(self.selected_key(), self._content_language(),
                              self.title.text().strip())
