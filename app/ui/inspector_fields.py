"""Editors bound to one field of one entity; each writes through app.document.operations.

A field shows the model's value (`load`) and turns the user's edit into one operation.
Typing uses `edit_text`, so a burst of keystrokes is one undo step; other edits are one
`set_fields` each. Nothing here sets a domain attribute itself. Text typed into a field
that stores on Enter is kept as a draft until then (typing elsewhere is written at once).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtGui import QColor, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from app.document import operations
from app.document.commands import MERGE_RESIZE
from app.document.document import Document
from app.document.draft_recorder import DraftRecorder
from app.domain.model import Phase, Stage
from app.domain.phases import stage_phase
from app.ui.icons import swatch


def tr(text: str) -> str:
    """Translate in the inspector's context."""
    return QCoreApplication.translate("Inspector", text)


class FormContext:
    """What every field of a form shares: the document and where errors are shown."""

    def __init__(self, doc: Document, report: Callable[[str], None]) -> None:
        self.doc = doc
        self.report = report

    def run(self, action: Callable[[], Any]) -> bool:
        """Run one operation through the document's door; a failure is shown beside the form.

        The window hears of it too (Document.failed), never Qt's event loop.
        """
        ok, _ = self.doc.attempt(action)
        failure = self.doc.last_failure
        self.report("" if ok or failure is None else failure.message)
        return ok

    def keep_draft(self, entity: Any, name: str, text: str) -> None:
        """Keep `text` as a draft while the model holds something else (or forget it)."""
        drafts = DraftRecorder.of(self.doc)
        if drafts is None:
            return
        value = getattr(entity, name)
        if isinstance(value, str) and text != value:
            drafts.record(entity, name, value, text)
        else:
            drafts.clear(entity, name)


class Field:
    """Base of a bound editor: `widget` edits `entity.<name>`."""

    widget: QWidget

    def __init__(self, ctx: FormContext, entity: Any, name: str) -> None:
        self.ctx = ctx
        self.entity = entity
        self.name = name

    @property
    def value(self) -> Any:
        """The model's current value."""
        return getattr(self.entity, self.name)

    def load(self) -> None:
        """Show the model's value (override)."""

    def set(self, value: Any, merge: int = -1) -> None:
        """Write one value through set_fields, unless it is unchanged."""
        if value == self.value:
            return
        if not self.ctx.run(lambda: operations.set_fields(self.ctx.doc, self.entity,
                                                           tr("Edit %s") % self.label(),
                                                           merge, **{self.name: value})):
            self.load()

    def label(self) -> str:
        """The field's name for undo texts."""
        return getattr(self, "caption", self.name)

    def set_read_only(self, read_only: bool) -> None:
        """Let the user look but not change."""
        self.widget.setEnabled(not read_only)


class LineField(Field):
    """A one-line text; every keystroke is an edit_text that merges with the previous."""

    def __init__(self, ctx: FormContext, entity: Any, name: str, placeholder: str = "") -> None:
        super().__init__(ctx, entity, name)
        self.widget = QLineEdit()
        self.widget.setPlaceholderText(placeholder)
        self.widget.setClearButtonEnabled(False)
        self.widget.textEdited.connect(self._edited)
        self.load()

    def _edited(self, text: str) -> None:
        self.ctx.run(lambda: operations.edit_text(self.ctx.doc, self.entity, self.name, text))

    def load(self) -> None:
        if self.widget.text() != self.value:  # keeps the cursor while the user types
            self.widget.setText(self.value)
            if not self.widget.hasFocus():
                self.widget.setCursorPosition(0)  # show the start of a long name

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setReadOnly(read_only)


class TextField(Field):
    """A multi-line text; typing merges like LineField."""

    def __init__(self, ctx: FormContext, entity: Any, name: str, placeholder: str = "") -> None:
        super().__init__(ctx, entity, name)
        self.widget = QPlainTextEdit()
        self.widget.setPlaceholderText(placeholder)
        self.widget.setTabChangesFocus(True)
        self.widget.setFixedHeight(84)
        self._loading = False
        self.widget.textChanged.connect(self._changed)
        self.load()

    def _changed(self) -> None:
        if self._loading:
            return
        text = self.widget.toPlainText()
        if text != self.value:
            self.ctx.run(lambda: operations.edit_text(self.ctx.doc, self.entity, self.name, text))

    def load(self) -> None:
        if self.widget.toPlainText() != self.value:
            self._loading = True
            try:
                self.widget.setPlainText(self.value)
            finally:
                self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setReadOnly(read_only)


class ChoiceField(Field):
    """A fixed list of (label, value) choices, optionally with icons."""

    def __init__(self, ctx: FormContext, entity: Any, name: str,
                 choices: list[tuple[str, Any]], icons: list | None = None) -> None:
        super().__init__(ctx, entity, name)
        self.widget = QComboBox()
        # Values stay in Python: Qt's item data would turn enums into plain strings.
        self.values = [value for _, value in choices]
        for i, (label, _value) in enumerate(choices):
            if icons and icons[i] is not None:
                self.widget.addItem(icons[i], label)
            else:
                self.widget.addItem(label)
        self.widget.activated.connect(self._chosen)
        self.load()

    def _chosen(self, index: int) -> None:
        if 0 <= index < len(self.values):
            self.set(self.values[index])

    def current_value(self) -> Any:
        """The value of the choice shown."""
        index = self.widget.currentIndex()
        return self.values[index] if 0 <= index < len(self.values) else None

    def load(self) -> None:
        index = next((i for i, v in enumerate(self.values) if v == self.value), 0)
        with QSignalBlocker(self.widget):
            self.widget.setCurrentIndex(index)


class EditableChoiceField(Field):
    """Free text with suggestions (priority, status); committed on Enter or focus out."""

    def __init__(self, ctx: FormContext, entity: Any, name: str, suggestions: list[str]) -> None:
        super().__init__(ctx, entity, name)
        self.widget = QComboBox()
        self.widget.setEditable(True)
        self.widget.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.widget.addItems(["", *suggestions])
        self.widget.lineEdit().editingFinished.connect(self._commit)
        self.widget.lineEdit().textEdited.connect(
            lambda text: ctx.keep_draft(self.entity, self.name, text.strip()))
        self.widget.activated.connect(lambda _i: self._commit())
        self.load()

    def _commit(self) -> None:
        self.set(self.widget.currentText().strip())
        self.ctx.keep_draft(self.entity, self.name, self.widget.currentText().strip())

    def load(self) -> None:
        if self.widget.currentText() != self.value:
            with QSignalBlocker(self.widget):
                self.widget.setEditText(self.value)


class CheckField(Field):
    """A yes/no flag."""

    def __init__(self, ctx: FormContext, entity: Any, name: str, text: str) -> None:
        super().__init__(ctx, entity, name)
        self.widget = QCheckBox(text)
        self.widget.clicked.connect(lambda checked: self.set(bool(checked)))
        self.load()

    def load(self) -> None:
        with QSignalBlocker(self.widget):
            self.widget.setChecked(bool(self.value))


class NumberField(Field):
    """A bounded number (width, height, span, scale); arrow steps merge into one step."""

    def __init__(self, ctx: FormContext, entity: Any, name: str, minimum: float,
                 maximum: float, step: float = 1.0, decimals: int = 0, suffix: str = "",
                 scale: float = 1.0) -> None:
        super().__init__(ctx, entity, name)
        self.scale = scale
        self.whole = decimals == 0 and scale == 1.0 and isinstance(self.value, int)
        self.widget = QSpinBox() if decimals == 0 else QDoubleSpinBox()
        if decimals:
            self.widget.setDecimals(decimals)
        self.widget.setRange(minimum, maximum)
        self.widget.setSingleStep(step)
        self.widget.setSuffix(suffix)
        self.widget.setKeyboardTracking(False)  # one edit on Enter, not one per digit
        self.widget.setAccelerated(True)
        self.widget.valueChanged.connect(self._changed)
        self.load()

    def _changed(self, shown: float) -> None:
        value = shown / self.scale
        value = int(round(value)) if self.whole else float(value)
        self.set(value, MERGE_RESIZE)

    def load(self) -> None:
        with QSignalBlocker(self.widget):
            self.widget.setValue(self.value * self.scale)


class OptionalNumberField(Field):
    """A number that may be empty (a metric's value and target)."""

    def __init__(self, ctx: FormContext, entity: Any, name: str, placeholder: str = "") -> None:
        super().__init__(ctx, entity, name)
        self.widget = QLineEdit()
        self.widget.setPlaceholderText(placeholder)
        self.widget.setValidator(QRegularExpressionValidator(r"^\s*-?[0-9]*([.,][0-9]*)?\s*$"))
        self.widget.editingFinished.connect(self._commit)
        self.load()

    def _commit(self) -> None:
        text = self.widget.text().strip().replace(",", ".")
        if text in ("", "-", ".", "-."):
            self.set(None)
            return
        try:
            self.set(float(text))
        except ValueError:
            self.load()

    def load(self) -> None:
        value = self.value
        text = "" if value is None else f"{value:g}"
        if self.widget.text().strip().replace(",", ".") != text:
            self.widget.setText(text)

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setReadOnly(read_only)


class TagsField(Field):
    """Tags typed as a comma-separated list; committed on Enter or focus out."""

    def __init__(self, ctx: FormContext, entity: Any, name: str) -> None:
        super().__init__(ctx, entity, name)
        self.widget = QLineEdit()
        self.widget.setPlaceholderText(tr("tag, another tag"))
        self.widget.editingFinished.connect(self._commit)
        self.load()

    def _commit(self) -> None:
        tags: list[str] = []
        for part in self.widget.text().split(","):
            tag = part.strip()
            if tag and tag not in tags:
                tags.append(tag)
        self.set(tags)

    def load(self) -> None:
        text = ", ".join(self.value)
        if self.widget.text() != text:
            self.widget.setText(text)

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setReadOnly(read_only)


class ColorField(Field):
    """A colour as #RRGGBB: typed, or picked from a colour dialog; cards may clear it."""

    def __init__(self, ctx: FormContext, entity: Any, name: str, allow_empty: bool) -> None:
        super().__init__(ctx, entity, name)
        self.allow_empty = allow_empty
        self.widget = QWidget()
        row = QHBoxLayout(self.widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.button = QToolButton()
        self.button.setToolTip(tr("Pick a colour…"))
        self.button.clicked.connect(self._pick)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(tr("default") if allow_empty else "#RRGGBB")
        self.edit.setValidator(QRegularExpressionValidator(r"^#?[0-9A-Fa-f]{0,6}$"))
        self.edit.editingFinished.connect(self._commit)
        row.addWidget(self.button)
        row.addWidget(self.edit, 1)
        self.clear = None
        if allow_empty:
            self.clear = QToolButton()
            self.clear.setText("×")
            self.clear.setToolTip(tr("Use the lane's colour"))
            self.clear.clicked.connect(lambda: self.set(""))
            row.addWidget(self.clear)
        self.load()

    def _commit(self) -> None:
        text = self.edit.text().strip()
        if not text and self.allow_empty:
            self.set("")
            return
        text = "#" + text.lstrip("#")
        if len(text) == 7:
            self.set(text.upper())
        else:
            self.load()

    def _pick(self) -> None:
        start = QColor(self.value) if self.value else QColor("#FFFFFF")
        chosen = QColorDialog.getColor(start, self.widget, tr("Choose a Colour"))
        if chosen.isValid():
            self.set(chosen.name().upper())

    def load(self) -> None:
        value = self.value
        self.button.setIcon(swatch(value or "#FFFFFF"))
        if self.edit.text().upper() != value.upper():
            self.edit.setText(value)

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.button.setEnabled(not read_only)
        if self.clear is not None:
            self.clear.setEnabled(not read_only)



def phase_name(phase: Phase) -> str:
    """A phase's name, translated."""
    return {Phase.BEFORE: tr("Before"), Phase.DURING: tr("During"),
            Phase.AFTER: tr("After")}[phase]


class PhaseField(ChoiceField):
    """A stage's phase: Automatic (showing the phase it guesses), Before, During, After.

    The guess follows the stage's title and place, so the first item's label is
    refreshed whenever the stage's map changes, not only when the phase does."""

    def __init__(self, ctx: FormContext, stage: Stage) -> None:
        choices: list[tuple[str, Any]] = [("", None)] + [(phase_name(p), p) for p in Phase]
        super().__init__(ctx, stage, "phase", choices)
        self.subscription = ctx.doc.subscribe(self.widget, self._on_changed)

    def _on_changed(self, changes: list) -> None:
        if any(getattr(c.entity, "map_id", None) == self.entity.map_id for c in changes):
            self.load()

    def load(self) -> None:
        journey = self.ctx.doc.project.map(self.entity.map_id)
        if journey is not None:
            guess = stage_phase(journey, dataclasses.replace(self.entity, phase=None))
            combo = cast(QComboBox, self.widget)
            combo.setItemText(0, tr("Automatic (%1)").replace("%1", phase_name(guess)))
        super().load()
