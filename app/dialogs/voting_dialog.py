"""Map ▸ Dot Voting ▸ Start a Voting Round…: title, dots per participant, participants.

The dialog returns a RoundChoice; the caller opens the round through
app.document.operations_links.open_round (one undo step).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

MAX_DOTS = 20


def tr(text: str) -> str:
    """Translate in the voting's context."""
    return QCoreApplication.translate("Voting", text)


@dataclass
class RoundChoice:
    """What the dialog asked for."""

    title: str
    dots: int
    participants: list[str] = field(default_factory=list)  # empty: anonymous dots


def participant_names(text: str) -> list[str]:
    """One name a line, blank lines and repeats left out (the first spelling kept)."""
    names: list[str] = []
    seen: set[str] = set()
    for line in text.splitlines():
        name = line.strip()
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


class StartRoundDialog(QDialog):
    """Asks for a new round's title, dots per participant and participants."""

    def __init__(self, suggested_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startRoundDialog")
        self.setWindowTitle(tr("Start a Voting Round"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title = QLineEdit(suggested_title)
        self.title.setObjectName("roundTitle")
        self.title.selectAll()
        self.dots = QSpinBox()
        self.dots.setObjectName("roundDots")
        self.dots.setRange(1, MAX_DOTS)
        self.dots.setValue(3)
        self.participants = QPlainTextEdit()
        self.participants.setObjectName("roundParticipants")
        self.participants.setPlaceholderText(tr("One name a line; leave empty for anonymous "
                                                "dots"))
        form.addRow(tr("&Title:"), self.title)
        form.addRow(tr("&Dots per participant:"), self.dots)
        form.addRow(tr("&Participants:"), self.participants)
        layout.addLayout(form)
        note = QLabel(tr("Anonymous dots: the room votes in turn at this screen, each "
                         "voter with the same number of dots."))
        note.setWordWrap(True)
        note.setStyleSheet("QLabel { color: #6B7280; }")
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("&Start Round"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.title.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        layout.addWidget(self.buttons)
        self.resize(440, 360)

    def choice(self) -> RoundChoice:
        """The round asked for."""
        return RoundChoice(self.title.text().strip(), self.dots.value(),
                           participant_names(self.participants.toPlainText()))
