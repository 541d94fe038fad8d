"""The persona editor, and the manager of a project's personas.

`PersonaDialog` edits every field of one persona and returns a `PersonaValues`; it never
touches the model. `edit_personas` lists the project's personas and turns each add, edit,
duplicate, delete or assignment into one operation on the undo stack.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.dialog_kit import (
    FollowingDialog,
    apply_edit_dialog,
    confirm,
    line_icon,
    round_photo,
    run_operation,
    tr,
)
from app.document import operations
from app.document.document import Document
from app.domain.model import Persona, Project, new_id

MAX_PHOTO_SIDE = 512
JPEG_QUALITY = 88
PHOTO_SIZE = 112
TEXT_FIELDS = ("description", "goals", "motivations", "behaviours", "interests", "pains")


class PhotoError(ValueError):
    """A file that is not a readable PNG or JPEG image."""


def load_photo(path: str) -> tuple[bytes, str]:
    """Read a PNG or JPEG, scale it to at most 512 px on its long side, re-encode it."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)  # photos from phones carry their rotation in EXIF
    fmt = bytes(reader.format().data()).decode("ascii", "replace").lower()
    if fmt not in ("png", "jpg", "jpeg"):
        raise PhotoError(tr("Choose a PNG or JPEG image."))
    stored = reader.size()
    if stored.isValid() and max(stored.width(), stored.height()) > MAX_PHOTO_SIDE:
        # Decode straight at the size kept: a 12,000 px photo never exists in memory at
        # full size (and would pass Qt's allocation limit, failing to load at all).
        reader.setScaledSize(_fitted(stored.width(), stored.height()))
    image = reader.read()
    if image.isNull() and stored.isValid() and \
            stored.width() * stored.height() * 4 > QImageReader.allocationLimit() * 2 ** 20:
        # Qt decodes a PNG whole before scaling it, and refuses past its allocation limit.
        raise PhotoError(tr("This image is too large to use as a photo ({0} × {1} pixels). "
                            "Choose a smaller image, or the same photo saved as JPEG.")
                         .format(stored.width(), stored.height()))
    if image.isNull():
        raise PhotoError(tr("The image could not be read: {0}").format(reader.errorString()))
    return encode_photo(image, "image/jpeg" if fmt in ("jpg", "jpeg") else "image/png")


def _fitted(width: int, height: int) -> QSize:
    """The size of a width × height image scaled to MAX_PHOTO_SIDE on its long side."""
    k = MAX_PHOTO_SIDE / max(width, height)  # rounded, not truncated: 300×900 -> 171×512
    return QSize(max(1, round(width * k)), max(1, round(height * k)))


def encode_photo(image: QImage, mime: str) -> tuple[bytes, str]:
    """`image` scaled down to MAX_PHOTO_SIDE (aspect kept) and encoded as PNG or JPEG."""
    if max(image.width(), image.height()) > MAX_PHOTO_SIDE:
        size = _fitted(image.width(), image.height())
        image = image.scaled(size, Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if mime == "image/jpeg":
        image.convertToFormat(QImage.Format.Format_RGB32).save(buffer, "JPEG", JPEG_QUALITY)
    else:
        image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data()), mime


@dataclass
class PersonaValues:
    """Everything the persona editor collects, ready for add_persona or set_fields."""

    name: str
    description: str = ""
    age: int | None = None
    occupation: str = ""
    quote: str = ""
    goals: str = ""
    motivations: str = ""
    behaviours: str = ""
    interests: str = ""
    pains: str = ""
    channel_ids: list[str] = field(default_factory=list)
    photo: bytes | None = None
    photo_mime: str = ""

    @classmethod
    def of(cls, persona: Persona) -> PersonaValues:
        """The values of an existing persona."""
        names = {f.name for f in dataclasses.fields(cls)}
        values = {n: getattr(persona, n) for n in names}
        values["channel_ids"] = list(persona.channel_ids)
        return cls(**values)

    def as_fields(self) -> dict:
        """The values as Persona field names -> values."""
        out = dataclasses.asdict(self)
        out["channel_ids"] = list(self.channel_ids)
        return out

    def changes_to(self, persona: Persona) -> dict:
        """Only the fields that differ from `persona` (what set_fields needs)."""
        return {k: v for k, v in self.as_fields().items() if getattr(persona, k) != v}

    def new_persona(self) -> Persona:
        """A new Persona with these values and a fresh id."""
        return Persona(id=new_id(), **self.as_fields())


def _text_box(name: str, placeholder: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)  # Tab moves on, as in every other field of the form
    box.setMinimumHeight(lines * box.fontMetrics().lineSpacing() + 14)
    return box


class PersonaDialog(QDialog):
    """Edits every field of one persona; `values()` returns them, the caller applies them."""

    def __init__(self, parent: QWidget | None, project: Project,
                 persona: Persona | None = None, map_name: str | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.setObjectName("PersonaDialog")
        self.setWindowTitle(tr("Edit Persona") if persona else tr("New Persona"))
        start = PersonaValues.of(persona) if persona else PersonaValues(name="")
        self._photo, self._photo_mime = start.photo, start.photo_mime

        self.name = QLineEdit(start.name)
        self.name.setObjectName("name")
        self.name.setPlaceholderText(tr("e.g. Lan, young office worker"))
        self.age = QSpinBox()
        self.age.setObjectName("age")
        self.age.setRange(0, 150)
        self.age.setSpecialValueText(tr("Not stated"))  # 0 stands for "no age given"
        self.age.setValue(start.age or 0)
        self.occupation = QLineEdit(start.occupation)
        self.occupation.setObjectName("occupation")
        self.quote = QLineEdit(start.quote)
        self.quote.setObjectName("quote")
        self.quote.setPlaceholderText(tr("Something this customer would say"))
        self.boxes = {
            "description": _text_box("description", tr("Who they are, in a sentence or two"), 2),
            "goals": _text_box("goals", tr("What they are trying to do, why, by when")),
            "motivations": _text_box("motivations", tr("What drives them")),
            "behaviours": _text_box("behaviours", tr("How they usually act")),
            "interests": _text_box("interests", tr("What they care about")),
            "pains": _text_box("pains", tr("What frustrates or stops them")),
        }
        for key, box in self.boxes.items():
            box.setPlainText(getattr(start, key))

        self.photo_label = QLabel()
        self.photo_label.setObjectName("photo")
        self.photo_label.setFixedSize(PHOTO_SIZE, PHOTO_SIZE)
        self.choose_photo = QPushButton(tr("Choose photo…"))
        self.choose_photo.setObjectName("choosePhoto")
        self.remove_photo = QPushButton(tr("Remove photo"))
        self.remove_photo.setObjectName("removePhoto")
        self.choose_photo.clicked.connect(self._choose_photo)
        self.remove_photo.clicked.connect(self._remove_photo)
        self.name.textChanged.connect(self._show_photo)

        self.channels = QListWidget()
        self.channels.setObjectName("channels")
        self.channels.setIconSize(QSize(18, 18))
        self.channels.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for channel in project.channels:
            item = QListWidgetItem(line_icon(channel.icon, channel.color), channel.name)
            item.setData(Qt.ItemDataRole.UserRole, channel.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if channel.id in start.channel_ids
                               else Qt.CheckState.Unchecked)
            self.channels.addItem(item)
        # Channels no longer in the catalogue are kept, not silently dropped.
        self._unknown_channels = [c for c in start.channel_ids if project.channel(c) is None]

        self.assign = QCheckBox(tr("Use this persona for the map “{0}”").format(map_name or ""))
        self.assign.setObjectName("assign")
        self._offers_map = map_name is not None
        self.assign.setVisible(self._offers_map)
        self.assign.setChecked(map_name is not None)

        self._build_layout()
        self._show_photo()
        self.name.setFocus()

    def _build_layout(self) -> None:
        photo_col = QVBoxLayout()
        photo_col.addWidget(self.photo_label, 0, Qt.AlignmentFlag.AlignHCenter)
        photo_col.addWidget(self.choose_photo)
        photo_col.addWidget(self.remove_photo)
        photo_col.addStretch(1)

        who = QFormLayout()
        who.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name, 1)
        name_row.addWidget(QLabel(tr("Age")))
        name_row.addWidget(self.age)
        for text, row, buddy in ((tr("&Name"), name_row, self.name),
                                 (tr("&Occupation"), self.occupation, self.occupation),
                                 (tr("&Quote"), self.quote, self.quote),
                                 (tr("&Description"), self.boxes["description"],
                                  self.boxes["description"])):
            label = QLabel(text)
            label.setBuddy(buddy)
            who.addRow(label, row)
        description = self.boxes["description"]
        description.setMaximumHeight(5 * description.fontMetrics().lineSpacing() + 14)

        top = QHBoxLayout()
        top.addLayout(photo_col)
        top.addSpacing(12)
        top.addLayout(who, 1)

        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        cells = [("goals", tr("Goals")), ("motivations", tr("Motivations")),
                 ("behaviours", tr("Behaviours")), ("interests", tr("Interests")),
                 ("pains", tr("Pain points"))]
        for i, (key, title) in enumerate(cells):
            row, col = divmod(i, 2)
            grid.addWidget(self._titled(title, self.boxes[key]), row, col)
        grid.addWidget(self._titled(tr("Preferred channels"), self.channels), 2, 1)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        self.error = QLabel()
        self.error.setStyleSheet("color: #C0392B")
        bottom = QHBoxLayout()
        bottom.addWidget(self.assign)
        bottom.addWidget(self.error, 1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(top, 0)
        layout.addWidget(line)
        layout.addLayout(grid, 1)
        layout.addLayout(bottom)
        self.resize(860, 660)

    @staticmethod
    def _titled(title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(3)
        label = QLabel(f"<b>{title}</b>")
        label.setBuddy(widget)
        col.addWidget(label)
        col.addWidget(widget, 1)
        return box

    # -- photo ---------------------------------------------------------------------------

    def _show_photo(self) -> None:
        self.photo_label.setPixmap(round_photo(self._photo, PHOTO_SIZE, self.name.text()))
        self.remove_photo.setEnabled(self._photo is not None)

    def _choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Choose a Photo"), str(Path.home()),
            tr("Images (*.png *.jpg *.jpeg)"))
        if not path:
            return
        try:
            self._photo, self._photo_mime = load_photo(path)
        except PhotoError as error:
            self.error.setText(str(error))
            return
        self.error.clear()
        self._show_photo()

    def _remove_photo(self) -> None:
        self._photo, self._photo_mime = None, ""
        self._show_photo()

    # -- result --------------------------------------------------------------------------

    def values(self) -> PersonaValues:
        """What the form holds now."""
        checked = [self.channels.item(i).data(Qt.ItemDataRole.UserRole)
                   for i in range(self.channels.count())
                   if self.channels.item(i).checkState() == Qt.CheckState.Checked]
        return PersonaValues(
            name=self.name.text().strip(),
            age=self.age.value() or None,
            occupation=self.occupation.text().strip(),
            quote=self.quote.text().strip(),
            channel_ids=checked + self._unknown_channels,
            photo=self._photo,
            photo_mime=self._photo_mime if self._photo else "",
            **{k: box.toPlainText().strip() for k, box in self.boxes.items()},
        )

    def assign_to_map(self) -> bool:
        """True when the user asked to use the new persona for the current map."""
        return self._offers_map and self.assign.isChecked()

    def accept(self) -> None:
        """Accept only with a name; say what is missing otherwise."""
        if not self.name.text().strip():
            self.error.setText(tr("A persona needs a name."))
            self.name.setFocus()
            return
        super().accept()


def edit_persona(parent: QWidget | None, doc: Document, persona_id: str) -> bool:
    """Open the editor on one persona; OK applies the changes as one undo step."""
    persona = doc.project.persona(persona_id)
    if persona is None:
        return False
    return apply_edit_dialog(parent, doc, PersonaDialog(parent, doc.project, persona), persona,
                             tr("Edit persona “{0}”").format(persona.name))


def add_persona_to(doc: Document, values: PersonaValues, map_id: str | None) -> Persona:
    """Add a persona, and when `map_id` is given make it that map's persona: one step."""
    persona = values.new_persona()
    journey = doc.project.map(map_id) if map_id else None
    if journey is None:
        return operations.add_persona(doc, persona)
    with doc.macro(tr("Add persona “{0}”").format(persona.name)) as macro:
        macro.insert(persona)
        macro.set([(journey, {"persona_id": persona.id})])
    return persona


def _persona_line(persona: Persona, on_map: bool) -> str:
    details = ", ".join(x for x in (persona.occupation,
                                    tr("{0} years").format(persona.age) if persona.age else "")
                        if x)
    first = persona.name + ("  ✓ " + tr("on this map") if on_map else "")
    return first + ("\n" + details if details else "")


class PersonasDialog(FollowingDialog):
    """The project's personas: add, edit, duplicate, delete, and assign one to the map."""

    def __init__(self, parent: QWidget | None, doc: Document, map_id: str | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.map_id = map_id
        self.setObjectName("PersonasDialog")
        self.setWindowTitle(tr("Personas"))
        self.list = QListWidget()
        self.list.setObjectName("personas")
        self.list.setIconSize(QSize(40, 40))
        self.list.setSpacing(2)
        self.list.itemDoubleClicked.connect(lambda _item: self.edit_selected())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())

        self.add_button = QPushButton(tr("&Add…"))
        self.edit_button = QPushButton(tr("&Edit…"))
        self.duplicate_button = QPushButton(tr("D&uplicate"))
        self.delete_button = QPushButton(tr("&Delete…"))
        self.assign_button = QPushButton(tr("&Use for This Map"))
        self.unassign_button = QPushButton(tr("&Remove from This Map"))
        for button, name, slot in (
                (self.add_button, "add", self.add), (self.edit_button, "edit", self.edit_selected),
                (self.duplicate_button, "duplicate", self.duplicate_selected),
                (self.delete_button, "delete", self.delete_selected),
                (self.assign_button, "assign", self.assign_selected),
                (self.unassign_button, "unassign", self.unassign)):
            button.setObjectName(name)
            button.clicked.connect(slot)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        side = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.duplicate_button,
                       self.delete_button):
            side.addWidget(button)
        side.addSpacing(16)
        side.addWidget(self.assign_button)
        side.addWidget(self.unassign_button)
        side.addStretch(1)
        self.map_label = QLabel()
        self.map_label.setWordWrap(True)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(self.map_label)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self.resize(540, 420)
        self.follow(doc)
        self.refresh()

    @property
    def journey(self):
        """The map personas are assigned to, if any."""
        return self.doc.project.map(self.map_id) if self.map_id else None

    def refresh(self) -> None:
        """Rebuild the list from the model, keeping the selection."""
        keep = self.selected()
        journey = self.journey
        self.list.clear()
        for persona in self.doc.project.personas:
            on_map = journey is not None and journey.persona_id == persona.id
            item = QListWidgetItem(round_photo(persona.photo, 40, persona.name),
                                   _persona_line(persona, on_map))
            item.setData(Qt.ItemDataRole.UserRole, persona.id)
            if on_map:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
            if keep is not None and persona.id == keep.id:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        if journey is None:
            self.map_label.setText(tr("Personas of this project."))
        else:
            self.map_label.setText(tr("Personas of this project. The map “{0}” is about the "
                                      "one in bold.").format(journey.name))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected()
        writable = not self.doc.read_only
        journey = self.journey
        self.add_button.setEnabled(writable)
        for button in (self.edit_button, self.duplicate_button, self.delete_button):
            button.setEnabled(writable and chosen is not None)
        self.assign_button.setVisible(journey is not None)
        self.unassign_button.setVisible(journey is not None)
        if journey is not None:
            self.assign_button.setEnabled(writable and chosen is not None
                                          and journey.persona_id != chosen.id)
            self.unassign_button.setEnabled(writable and journey.persona_id is not None)

    def selected(self) -> Persona | None:
        """The persona selected in the list."""
        item = self.list.currentItem()
        return self.doc.project.persona(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def select(self, persona_id: str) -> None:
        """Select a persona by id."""
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == persona_id:
                self.list.setCurrentRow(i)

    # -- actions, each one undo step -------------------------------------------------------

    def add(self) -> Persona | None:
        """Ask for a new persona and add it (assigned to the map when asked)."""
        journey = self.journey
        dialog = PersonaDialog(self, self.doc.project,
                               map_name=journey.name if journey is not None else None)
        if journey is not None and journey.persona_id is not None:
            dialog.assign.setChecked(False)  # do not replace a chosen persona unasked
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        created: list[Persona] = []
        ok = run_operation(self.doc, lambda: created.append(add_persona_to(
            self.doc, dialog.values(), self.map_id if dialog.assign_to_map() else None)))
        if ok:
            self.select(created[0].id)
            return created[0]
        return None

    def edit_selected(self) -> bool:
        """Open the editor on the selected persona."""
        persona = self.selected()
        if persona is None or self.doc.read_only:
            return False
        return edit_persona(self, self.doc, persona.id)

    def duplicate_selected(self) -> Persona | None:
        """Add a copy of the selected persona."""
        persona = self.selected()
        if persona is None:
            return None
        suffix = " (bản sao)" if self.doc.project.language == "vi" else " (copy)"
        copy = dataclasses.replace(persona, id=new_id(), name=persona.name + suffix,
                                   channel_ids=list(persona.channel_ids))
        if run_operation(self.doc, lambda: operations.add_persona(self.doc, copy)):
            self.select(copy.id)
            return copy
        return None

    def delete_selected(self) -> bool:
        """Delete the selected persona after confirmation; maps using it lose it."""
        persona = self.selected()
        if persona is None:
            return False
        users = [m.name for m in self.doc.project.maps if m.persona_id == persona.id]
        text = tr("Delete the persona “{0}”?").format(persona.name)
        if users:
            text += "\n\n" + tr("These maps will have no persona: {0}").format(", ".join(users))
        if not confirm(self, tr("Delete Persona"), text):
            return False
        return run_operation(self.doc, lambda: operations.remove(
            self.doc, [persona], tr("Delete persona “{0}”").format(persona.name)))

    def assign_selected(self) -> bool:
        """Make the selected persona the one the map is about."""
        persona, journey = self.selected(), self.journey
        if persona is None or journey is None:
            return False
        return run_operation(self.doc, lambda: operations.set_fields(
            self.doc, journey, tr("Assign persona"), persona_id=persona.id))

    def unassign(self) -> bool:
        """Leave the map without a persona."""
        journey = self.journey
        if journey is None or journey.persona_id is None:
            return False
        return run_operation(self.doc, lambda: operations.set_fields(
            self.doc, journey, tr("Remove persona from map"), persona_id=None))


def edit_personas(parent: QWidget | None, doc: Document, map_id: str | None = None) -> None:
    """The personas manager; every change it makes is one step on the undo stack."""
    PersonasDialog(parent, doc, map_id).exec()
