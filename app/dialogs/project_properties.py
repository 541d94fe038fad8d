"""The project's own properties: title, client, author, language, logo and accent colour.

The language is the one every export speaks (cover, headings, legend); the logo and the
accent colour dress the exports' title blocks and page rules, as a consultancy's or a
client's house style asks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.dialog_kit import apply_edit_dialog, tr
from app.dialogs.persona_dialog import PhotoError, load_photo
from app.document.document import Document
from app.domain.model import Project

LOGO_PREVIEW = (160, 56)  # the logo's preview box, in pixels
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


@dataclass
class ProjectProperties:
    """The values the dialog collects; `changes_to` keeps only what differs."""

    title: str
    client: str
    author: str
    language: str
    logo: bytes | None
    logo_mime: str
    accent: str

    def changes_to(self, project: Project) -> dict[str, object]:
        """Field -> new value for every property that differs from the project."""
        return {k: v for k, v in vars(self).items() if getattr(project, k) != v}


class ProjectPropertiesDialog(QDialog):
    """Edits the project's properties; the caller applies `values()` with set_fields."""

    def __init__(self, parent: QWidget | None, project: Project) -> None:
        super().__init__(parent)
        self.setObjectName("ProjectPropertiesDialog")
        self.setWindowTitle(tr("Project Properties"))
        self.title = QLineEdit(project.title)
        self.title.setObjectName("title")
        self.client = QLineEdit(project.client)
        self.client.setObjectName("client")
        self.client.setPlaceholderText(tr("Who the maps are made for"))
        self.author = QLineEdit(project.author)
        self.author.setObjectName("author")
        self.author.setPlaceholderText(tr("Your name or your team's"))
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(project.language)))
        self.language.setToolTip(tr("The language of everything the exports write "
                                    "themselves: headings, legend, page numbers"))

        self._logo, self._logo_mime = project.logo, project.logo_mime
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setFixedSize(*LOGO_PREVIEW)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px solid #C8CDD3; background: white; "
                                        "color: #5F6670")
        self.choose_logo = QPushButton(tr("Choose &Logo…"))
        self.choose_logo.setObjectName("chooseLogo")
        self.choose_logo.clicked.connect(self._choose_logo)
        self.remove_logo = QPushButton(tr("Remove Logo"))
        self.remove_logo.setObjectName("removeLogo")
        self.remove_logo.clicked.connect(self._remove_logo)
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.choose_logo)
        logo_buttons.addWidget(self.remove_logo)
        logo_buttons.addStretch(1)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addLayout(logo_buttons)
        logo_row.addStretch(1)

        self._accent = project.accent if _COLOUR.fullmatch(project.accent or "") else ""
        self.accent_button = QPushButton()
        self.accent_button.setObjectName("accent")
        self.accent_button.clicked.connect(self._choose_accent)
        self.default_accent = QPushButton(tr("Use the Default"))
        self.default_accent.setObjectName("defaultAccent")
        self.default_accent.clicked.connect(self._reset_accent)
        accent_row = QHBoxLayout()
        accent_row.addWidget(self.accent_button)
        accent_row.addWidget(self.default_accent)
        accent_row.addStretch(1)

        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #C0392B")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("&Title"), self.title)
        form.addRow(tr("&Client"), self.client)
        form.addRow(tr("&Author"), self.author)
        form.addRow(tr("Export &language"), self.language)
        form.addRow(tr("Logo"), logo_row)
        form.addRow(tr("Accent colour"), accent_row)
        hint = QLabel(tr("The logo and the accent colour appear in the title block and the "
                         "page rules of PDF exports."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5F6670")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._show_logo()
        self._show_accent()
        self.resize(560, 0)

    # -- logo ------------------------------------------------------------------------------

    def _show_logo(self) -> None:
        pixmap = QPixmap()
        if self._logo is not None and pixmap.loadFromData(self._logo):
            self.logo_preview.setPixmap(pixmap.scaled(
                LOGO_PREVIEW[0] - 8, LOGO_PREVIEW[1] - 8, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(tr("No logo"))
        self.remove_logo.setEnabled(self._logo is not None)

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose a Logo"), str(Path.home()),
                                              tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.use_logo_file(path)

    def use_logo_file(self, path: str) -> bool:
        """Take the image at `path` as the logo; False (and a one-line reason) if unreadable."""
        try:
            self._logo, self._logo_mime = load_photo(path)
        except PhotoError as error:
            self.error.setText(str(error))
            return False
        self.error.clear()
        self._show_logo()
        return True

    def _remove_logo(self) -> None:
        self._logo, self._logo_mime = None, ""
        self._show_logo()

    # -- accent ----------------------------------------------------------------------------

    def _show_accent(self) -> None:
        if self._accent:
            self.accent_button.setText(self._accent.upper())
            light = QColor(self._accent).lightness() > 150
            self.accent_button.setStyleSheet(
                f"background: {self._accent}; color: {'#1F2328' if light else 'white'}; "
                "padding: 4px 14px")
        else:
            self.accent_button.setText(tr("Default"))
            self.accent_button.setStyleSheet("")
        self.default_accent.setEnabled(bool(self._accent))

    def _choose_accent(self) -> None:
        colour = QColorDialog.getColor(QColor(self._accent or "#2F6FB3"), self,
                                       tr("Accent Colour"))
        if colour.isValid():
            self.use_accent(colour.name())

    def use_accent(self, colour: str) -> None:
        """Take `colour` ("#RRGGBB") as the accent."""
        self._accent = colour.upper() if _COLOUR.fullmatch(colour) else ""
        self._show_accent()

    def _reset_accent(self) -> None:
        self._accent = ""
        self._show_accent()

    # -- result ----------------------------------------------------------------------------

    def values(self) -> ProjectProperties:
        """What the form holds now."""
        return ProjectProperties(
            title=self.title.text().strip(), client=self.client.text().strip(),
            author=self.author.text().strip(), language=str(self.language.currentData()),
            logo=self._logo, logo_mime=self._logo_mime if self._logo else "",
            accent=self._accent)

    def accept(self) -> None:
        """Accept only a titled project."""
        if not self.values().title:
            self.error.setText(tr("A project needs a title."))
            self.title.setFocus()
            return
        super().accept()


def edit_project_properties(parent: QWidget | None, doc: Document) -> bool:
    """Edit the project's properties; OK applies every change as one undo step."""
    return apply_edit_dialog(parent, doc, ProjectPropertiesDialog(parent, doc.project),
                             doc.project, tr("Project properties"))
