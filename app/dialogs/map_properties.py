"""A map's own properties: name, description, state, persona, origin and emotion scale."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.dialog_kit import apply_edit_dialog, round_photo, tr
from app.document.document import Document
from app.domain.model import SCORE_MAX, SCORE_MIN, JourneyMap, MapState, Project


def scale_label(score: int) -> str:
    """The name of an emotion score, shown beside the scale's ends."""
    return {-2: tr("very negative"), -1: tr("negative"), 0: tr("neutral"),
            1: tr("positive"), 2: tr("very positive")}.get(score, str(score))


@dataclass
class MapProperties:
    """The values the dialog collects; `changes_to` keeps only what differs."""

    name: str
    description: str
    state: MapState
    persona_id: str | None
    derived_from_id: str | None
    emotion_min: int
    emotion_max: int

    @classmethod
    def of(cls, journey: JourneyMap) -> MapProperties:
        """The current values of a map."""
        return cls(journey.name, journey.description, journey.state, journey.persona_id,
                   journey.derived_from_id, journey.emotion_min, journey.emotion_max)

    def changes_to(self, journey: JourneyMap) -> dict:
        """Field -> new value for every property that differs from the map."""
        return {k: v for k, v in vars(self).items() if getattr(journey, k) != v}


class MapPropertiesDialog(QDialog):
    """Edits a map's properties; the caller applies `values()` with set_fields."""

    def __init__(self, parent: QWidget | None, project: Project, journey: JourneyMap) -> None:
        super().__init__(parent)
        self.setObjectName("MapPropertiesDialog")
        self._scores = sorted({m.score for m in journey.markers})
        self.setWindowTitle(tr("Map Properties"))
        self.name = QLineEdit(journey.name)
        self.name.setObjectName("name")
        self.description = QPlainTextEdit(journey.description)
        self.description.setObjectName("description")
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(tr("What this map covers, for whom, from which "
                                               "research"))
        self.state = QComboBox()
        self.state.setObjectName("state")
        self.state.addItem(tr("Current state — today’s experience"), MapState.CURRENT)
        self.state.addItem(tr("Future state — the experience we design"), MapState.FUTURE)
        self.state.setCurrentIndex(self.state.findData(journey.state))
        self.persona = QComboBox()
        self.persona.setObjectName("persona")
        self.persona.setIconSize(QSize(20, 20))
        self.persona.addItem(tr("No persona"), None)
        for persona in project.personas:
            self.persona.addItem(round_photo(persona.photo, 20, persona.name), persona.name,
                                 persona.id)
        self.persona.setCurrentIndex(max(0, self.persona.findData(journey.persona_id)))
        self.derived = QComboBox()
        self.derived.setObjectName("derivedFrom")
        self.derived.addItem(tr("Not derived from another map"), None)
        for other in project.maps:
            if other.id != journey.id:
                self.derived.addItem(other.name, other.id)
        self.derived.setCurrentIndex(max(0, self.derived.findData(journey.derived_from_id)))
        self.emotion_min = QSpinBox()
        self.emotion_min.setObjectName("emotionMin")
        self.emotion_max = QSpinBox()
        self.emotion_max.setObjectName("emotionMax")
        for box, value in ((self.emotion_min, journey.emotion_min),
                           (self.emotion_max, journey.emotion_max)):
            box.setRange(SCORE_MIN, SCORE_MAX)
            box.setValue(value)
            box.valueChanged.connect(self._show_scale)
        self.scale_hint = QLabel()
        self.scale_hint.setStyleSheet("color: #5F6670")
        scale = QHBoxLayout()
        scale.addWidget(QLabel(tr("from")))
        scale.addWidget(self.emotion_min)
        scale.addWidget(QLabel(tr("to")))
        scale.addWidget(self.emotion_max)
        scale.addWidget(self.scale_hint, 1)
        self.error = QLabel()
        self.error.setStyleSheet("color: #C0392B")

        form = QFormLayout()
        form.addRow(tr("&Name"), self.name)
        form.addRow(tr("&Description"), self.description)
        form.addRow(tr("&State"), self.state)
        form.addRow(tr("&Persona"), self.persona)
        form.addRow(tr("Derived &from"), self.derived)
        form.addRow(tr("Emotion scale"), scale)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._show_scale()
        self.resize(560, 420)

    def _show_scale(self) -> None:
        low, high = self.emotion_min.value(), self.emotion_max.value()
        self.scale_hint.setText(f"{scale_label(low)} … {scale_label(high)}")

    def values(self) -> MapProperties:
        """What the form holds now."""
        return MapProperties(
            name=self.name.text().strip(),
            description=self.description.toPlainText().strip(),
            state=MapState(self.state.currentData()),  # Qt hands the enum back as str
            persona_id=self.persona.currentData(),
            derived_from_id=self.derived.currentData(),
            emotion_min=self.emotion_min.value(),
            emotion_max=self.emotion_max.value(),
        )

    def accept(self) -> None:
        """Accept only a named map with a scale that goes upwards."""
        values = self.values()
        if not values.name:
            self.error.setText(tr("A map needs a name."))
            return
        if values.emotion_min >= values.emotion_max:
            self.error.setText(tr("The emotion scale must go from a lower to a higher score."))
            return
        if self._scores and (self._scores[0] < values.emotion_min
                             or self._scores[-1] > values.emotion_max):
            self.error.setText(tr("The map's emotion markers go from {0} to {1}; the scale "
                                  "must include them.").format(self._scores[0],
                                                               self._scores[-1]))
            return
        super().accept()


def edit_map_properties(parent: QWidget | None, doc: Document, map_id: str) -> bool:
    """Edit a map's properties; OK applies every change as one undo step."""
    journey = doc.project.map(map_id)
    if journey is None:
        return False
    return apply_edit_dialog(parent, doc, MapPropertiesDialog(parent, doc.project, journey),
                             journey, tr("Map properties"))
