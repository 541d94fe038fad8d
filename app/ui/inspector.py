"""The inspector dock: every field of the selected item, or of the map when none is."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.canvas.i18n import connector_kind_name
from app.canvas.tooltips import end_name
from app.document import operations
from app.document.document import Document
from app.domain.events import Change, ChangeKind
from app.domain.model import (
    MIN_LANE_HEIGHT,
    MIN_STAGE_WIDTH,
    SCORE_MAX,
    SCORE_MIN,
    Card,
    Connector,
    ConnectorKind,
    EmotionMarker,
    Evidence,
    JourneyMap,
    Lane,
    LaneKind,
    MapState,
    Stage,
)
from app.domain.style import emotion_color
from app.domain.tree import is_attached
from app.ui.icons import swatch
from app.ui.inspector_fields import (
    CheckField,
    ChoiceField,
    ColorField,
    EditableChoiceField,
    Field,
    FormContext,
    LineField,
    NumberField,
    OptionalNumberField,
    PhaseField,
    TagsField,
    TextField,
)
from app.ui.names import (
    card_kind_name,
    emotion_name,
    evidence_name,
    lane_kind_name,
    priority_suggestions,
    severity_name,
    state_name,
    status_suggestions,
)


def tr(text: str) -> str:
    """Translate in the inspector's context."""
    return QCoreApplication.translate("Inspector", text)


class Form(QWidget):
    """The fields of one entity, laid out as labelled rows."""

    def __init__(self, ctx: FormContext, entity: Any, heading: str, subtitle: str = "") -> None:
        super().__init__()
        self.ctx = ctx
        self.entity = entity
        self.fields: dict[str, Field] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        self.heading = QLabel(heading)
        self.heading.setObjectName("inspectorHeading")
        self.heading.setStyleSheet("font-weight: bold; font-size: 14px;")
        layout.addWidget(self.heading)
        self.retitle: Callable[[], None] | None = None  # names what the entity links again
        self.subtitle: QLabel | None = None
        if subtitle:
            self.subtitle = QLabel(subtitle)
            self.subtitle.setObjectName("inspectorSubtitle")
            self.subtitle.setStyleSheet("color: #5F6670;")
            self.subtitle.setWordWrap(True)
            layout.addWidget(self.subtitle)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #D9DDE3;")
        layout.addWidget(line)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setHorizontalSpacing(10)
        self.form.setVerticalSpacing(6)
        layout.addLayout(self.form)
        layout.addStretch(1)

    def add(self, label: str, field: Field, caption: str | None = None) -> Field:
        """Add a labelled row; the field's object name is its model field's name."""
        field.caption = caption or label.replace("&", "").rstrip(":").lower()
        field.widget.setObjectName(field.name)
        if isinstance(field, CheckField):
            self.form.addRow("", field.widget)
        else:
            self.form.addRow(label, field.widget)
            self.form.labelForField(field.widget).setBuddy(field.widget)
        self.fields[field.name] = field
        field.set_read_only(self.ctx.doc.read_only)
        return field

    def refresh(self) -> None:
        """Show the model's current values."""
        for field in self.fields.values():
            field.load()


def _map_form(ctx: FormContext, journey: JourneyMap) -> Form:
    doc = ctx.doc
    form = Form(ctx, journey, tr("Map"), tr("Select a stage, lane, card or emotion on the map "
                                            "to edit it here."))
    form.add(tr("&Name:"), LineField(ctx, journey, "name"))
    form.add(tr("&Description:"), TextField(ctx, journey, "description",
                                            tr("What this journey covers")))
    states = [(state_name(s), s) for s in MapState]
    form.add(tr("&State:"), ChoiceField(ctx, journey, "state", states))
    personas = [(tr("(no persona)"), None)] + [(p.name, p.id) for p in doc.project.personas]
    form.add(tr("&Persona:"), ChoiceField(ctx, journey, "persona_id", personas))
    scale = [(f"{s:+d}" if s else "0", s) for s in range(SCORE_MIN, SCORE_MAX + 1)]
    form.add(tr("Emotion scale &from:"), ChoiceField(ctx, journey, "emotion_min", scale[:-1]),
             tr("emotion scale"))
    form.add(tr("Emotion scale &to:"), ChoiceField(ctx, journey, "emotion_max", scale[1:]),
             tr("emotion scale"))
    if journey.derived_from_id:
        origin = doc.project.map(journey.derived_from_id)
        if origin is not None:
            form.form.addRow(tr("Derived from:"), QLabel(origin.name))
    return form


def _stage_form(ctx: FormContext, stage: Stage) -> Form:
    form = Form(ctx, stage, tr("Stage"))
    form.add(tr("&Title:"), LineField(ctx, stage, "title"))
    form.add(tr("&Description:"), TextField(ctx, stage, "description"))
    form.add(tr("&Colour:"), ColorField(ctx, stage, "color", allow_empty=False))
    form.add(tr("&Width:"), NumberField(ctx, stage, "width", MIN_STAGE_WIDTH, 2000, 20,
                                        suffix=" px"))
    form.add(tr("P&hase:"), PhaseField(ctx, stage))
    return form


def _lane_form(ctx: FormContext, lane: Lane) -> Form:
    form = Form(ctx, lane, tr("Lane"), lane_kind_name(lane.kind))
    form.add(tr("&Title:"), LineField(ctx, lane, "title"))
    kinds = [(lane_kind_name(k), k) for k in LaneKind]
    form.add(tr("&Kind:"), ChoiceField(ctx, lane, "kind", kinds))
    form.add(tr("&Height:"), NumberField(ctx, lane, "height", MIN_LANE_HEIGHT, 2000, 10,
                                         suffix=" px"))
    form.add("", CheckField(ctx, lane, "collapsed", tr("C&ollapsed")), tr("collapsed"))
    return form


def _card_form(ctx: FormContext, card: Card) -> Form:
    doc = ctx.doc
    journey = doc.project.map(card.map_id)
    lane = journey.lane(card.lane_id) if journey else None
    stage = journey.stage(card.stage_id) if journey else None
    kind = lane.kind if lane else LaneKind.TEXT
    where = " · ".join(x.title for x in (stage, lane) if x is not None)
    form = Form(ctx, card, card_kind_name(kind), where)
    form.add(tr("&Title:"), LineField(ctx, card, "title"))
    form.add(tr("&Body:"), TextField(ctx, card, "body", tr("Details, quotes, evidence…")))
    if kind == LaneKind.TOUCHPOINTS:
        channels = [(tr("(no channel)"), None)] + [(c.name, c.id) for c in doc.project.channels]
        icons = [None] + [swatch(c.color) for c in doc.project.channels]
        form.add(tr("C&hannel:"), ChoiceField(ctx, card, "channel_id", channels, icons))
        form.add("", CheckField(ctx, card, "favourite", tr("&Favourite touchpoint")),
                 tr("favourite"))
    if kind == LaneKind.PAINS:
        levels = [(severity_name(s), s) for s in (None, 1, 2, 3)]
        form.add(tr("Se&verity:"), ChoiceField(ctx, card, "severity", levels))
    if kind == LaneKind.OPPORTUNITIES:
        form.add(tr("&Owner:"), LineField(ctx, card, "owner", tr("Who takes it on")))
        form.add(tr("&Priority:"), EditableChoiceField(ctx, card, "priority",
                                                       priority_suggestions()))
        form.add(tr("St&atus:"), EditableChoiceField(ctx, card, "status", status_suggestions()))
    if kind == LaneKind.METRICS:
        form.add(tr("&Value:"), OptionalNumberField(ctx, card, "value", "42"))
        form.add(tr("&Unit:"), LineField(ctx, card, "unit", tr("%, s, points…")))
        form.add(tr("Tar&get:"), OptionalNumberField(ctx, card, "target", tr("optional")))
    form.add(tr("&Colour:"), ColorField(ctx, card, "color", allow_empty=True))
    form.add(tr("Ta&gs:"), TagsField(ctx, card, "tags"))
    evidence = [(evidence_name(e), e) for e in (None, *Evidence)]
    form.add(tr("&Evidence:"), ChoiceField(ctx, card, "evidence", evidence))
    stages = len(journey.stages) if journey else 1
    form.add(tr("&Spans:"), NumberField(ctx, card, "span", 1, max(1, stages), 1,
                                        suffix=tr(" stage(s)")), tr("span"))
    return form


def _marker_form(ctx: FormContext, marker: EmotionMarker) -> Form:
    journey = ctx.doc.project.map(marker.map_id)
    form = Form(ctx, marker, tr("Emotion"))
    scores = [(f"{s:+d}  {emotion_name(s)}" if s else f"0  {emotion_name(s)}", s)
              for s in range(SCORE_MIN, SCORE_MAX + 1)]
    icons = [swatch(emotion_color(s)) for s in range(SCORE_MIN, SCORE_MAX + 1)]
    form.add(tr("&Score:"), ChoiceField(ctx, marker, "score", scores, icons))
    form.add(tr("&Label:"), LineField(ctx, marker, "label", tr("What the customer feels")))
    stages = [(s.title, s.id) for s in journey.stages] if journey else []
    form.add(tr("S&tage:"), ChoiceField(ctx, marker, "stage_id", stages))
    form.add(tr("&Position in stage:"), NumberField(ctx, marker, "position", 0, 100, 5,
                                                    suffix=" %", scale=100.0), tr("position"))
    return form


def _connector_form(ctx: FormContext, connector: Connector) -> Form:
    form = Form(ctx, connector, tr("Connector"), "→")
    kinds = [(connector_kind_name(k), k) for k in ConnectorKind]
    form.add(tr("&Kind:"), ChoiceField(ctx, connector, "kind", kinds))
    form.add(tr("&Label:"), LineField(ctx, connector, "label", tr("What happens along it")))
    form.add("", CheckField(ctx, connector, "assumed", tr("&Assumed (drawn dashed)")),
             tr("assumed"))
    ends = []
    for label, name in ((tr("From:"), "source"), (tr("To:"), "target")):
        shown = QLabel()
        shown.setObjectName(name)
        shown.setWordWrap(True)
        form.form.addRow(label, shown)
        ends.append(shown)

    def retitle() -> None:
        # The ends' names as they are now (after a rename, or its undo).
        journey = ctx.doc.project.map(connector.map_id)
        source = end_name(journey, connector.source_id)
        target = end_name(journey, connector.target_id)
        assert form.subtitle is not None
        form.subtitle.setText(f"{source} → {target}")
        ends[0].setText(source)
        ends[1].setText(target)

    form.retitle = retitle
    retitle()
    delete = QPushButton(tr("&Delete Connector"))
    delete.setObjectName("deleteConnector")
    delete.setEnabled(not ctx.doc.read_only)
    delete.clicked.connect(lambda: ctx.run(lambda: operations.remove(
        ctx.doc, [connector], tr("Delete connector"))))
    form.form.addRow("", delete)
    return form


# Fields of a card or marker whose change can alter what its form must contain.
_SHAPE_FIELDS = frozenset({"stage_id", "lane_id", "map_id"})


def _leaves_form_as_is(change: Change) -> bool:
    """True for a change that cannot alter which form is shown or its rows."""
    return (change.kind == ChangeKind.CHANGED and bool(change.fields)
            and isinstance(change.entity, (Card, EmotionMarker))
            and not _SHAPE_FIELDS.intersection(change.fields))


_BUILDERS = {JourneyMap: _map_form, Stage: _stage_form, Lane: _lane_form, Card: _card_form,
             EmotionMarker: _marker_form, Connector: _connector_form}


class Inspector(QWidget):
    """Shows and edits the selection; follows Document.changed to stay in step."""

    message = Signal(str)  # a refused edit, for the status bar as well

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: Document | None = None
        self.map_id: str | None = None
        self.selection: list[Any] = []
        self.form: Form | None = None
        self._shape: tuple = ()
        self._subscription = None
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.error = QLabel()
        self.error.setObjectName("inspectorError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #C0392B; padding: 4px 12px;")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.error)
        self._rebuild()

    # -- what to show ---------------------------------------------------------------------

    def set_document(self, doc: Document | None, map_id: str | None = None) -> None:
        """Follow another document (None: show nothing)."""
        if self._subscription is not None:
            self._subscription.cancel()
            self._subscription = None
        self.doc = doc
        self.map_id = map_id
        self.selection = []
        if doc is not None:
            self._subscription = doc.subscribe(self, self._on_changed)
        self._rebuild()

    def set_map(self, map_id: str | None) -> None:
        """Show another map of the same document."""
        self.map_id = map_id
        self.selection = []
        self._rebuild()

    def set_selection(self, entities: list[Any]) -> None:
        """Show the selected entities (the canvas's selection_changed)."""
        self.selection = list(entities)
        self._rebuild()

    def current_entity(self) -> Any:
        """The entity whose fields are shown, or None."""
        return self.form.entity if self.form is not None else None

    def field(self, name: str) -> Field | None:
        """The bound field editing `name` of the shown entity."""
        return self.form.fields.get(name) if self.form is not None else None

    def focus_first_field(self) -> None:
        """Put the keyboard in the first field (Map ▸ Map Properties…)."""
        if self.form is not None and self.form.fields:
            widget = next(iter(self.form.fields.values())).widget
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- building and refreshing ----------------------------------------------------------

    def _target(self) -> Any:
        if self.doc is None:
            return None
        project = self.doc.project
        live = [e for e in self.selection if is_attached(project, e)]
        if len(live) == 1:
            return live[0]
        if len(live) > 1:
            return live
        return project.map(self.map_id) if self.map_id else None

    def _shape_of(self, target: Any) -> tuple:
        # The form is rebuilt only when what it must contain changes (another entity,
        # another lane kind, another set of stages or channels); otherwise fields reload
        # in place, so the field being typed in keeps its cursor and focus.
        if target is None or isinstance(target, list):
            return ("none", id(target), len(target) if isinstance(target, list) else 0)
        extra: tuple = ()
        project = self.doc.project
        if isinstance(target, Card):
            journey = project.map(target.map_id)
            lane = journey.lane(target.lane_id)
            extra = (lane.kind if lane else None, target.stage_id, target.lane_id,
                     len(journey.stages), tuple(c.id for c in project.channels),
                     tuple(c.name for c in project.channels), lane.title if lane else "")
        elif isinstance(target, EmotionMarker):
            journey = project.map(target.map_id)
            extra = (tuple((s.id, s.title) for s in journey.stages),)
        elif isinstance(target, Lane):
            extra = (target.kind,)
        elif isinstance(target, Connector):
            # Not the ends' names: a rename only retitles the form (`_retitle`), so
            # the label being typed in keeps its focus.
            extra = (target.source_id, target.target_id)
        elif isinstance(target, JourneyMap):
            extra = (tuple((p.id, p.name) for p in project.personas), target.derived_from_id)
        return (type(target).__name__, target.id, extra)

    def _rebuild(self) -> None:
        target = self._target()
        self._shape = self._shape_of(target) if self.doc is not None else ()
        if target is None:
            widget = self._placeholder(tr("Open a project to see its details here.")
                                       if self.doc is None else tr("No map is open."))
            self.form = None
        elif isinstance(target, list):
            widget = self._placeholder(
                tr("%1 items selected.").replace("%1", str(len(target))) + "\n"
                + tr("Select one item to edit all its fields."))
            self.form = None
        else:
            ctx = FormContext(self.doc, self._report)
            self.form = _BUILDERS[type(target)](ctx, target)
            widget = self.form
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll.setWidget(widget)
        self._report("")

    def _placeholder(self, text: str) -> QWidget:
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setStyleSheet("color: #5F6670; padding: 24px;")
        return label

    def _on_changed(self, changes: list[Change]) -> None:
        self._retitle(changes)
        form = self.form
        if form is None or not all(_leaves_form_as_is(c) for c in changes):
            target = self._target()
            if self._shape_of(target) != self._shape:
                self._rebuild()
                return
            if form is None:
                return
        # Reload only the fields of the shown entity that changed (a keystroke's own
        # field keeps its cursor; the other cards' edits cost nothing here).
        names: set[str] = set()
        for change in changes:
            # An entity that was just added is what the form was built from: reloading it
            # would wipe what the user started typing in the meantime.
            if change.entity is form.entity and change.kind != ChangeKind.ADDED:
                if not change.fields:
                    form.refresh()
                    return
                names.update(change.fields)
        for name in names:
            field = form.fields.get(name)
            if field is not None:
                field.load()

    def _retitle(self, changes: list[Change]) -> None:
        """Name a shown connector's ends again when one of them was renamed."""
        form = self.form
        connector = form.entity if form is not None else None
        if form is None or form.retitle is None or not isinstance(connector, Connector):
            return
        ends = (connector.source_id, connector.target_id)
        if any(getattr(c.entity, "id", None) in ends for c in changes):
            form.retitle()

    def _report(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        if text:
            self.message.emit(text)
