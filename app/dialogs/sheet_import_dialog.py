"""File ▸ Import ▸ Spreadsheet: map the columns when asked, then preview before applying.

The preview lists, per stage, the cards the spreadsheet adds, the fields it changes, and
the cards of its maps it no longer lists, each with a box to remove it (unchecked: a row
missing from a sheet is often a filter, not a deletion). The dialogs return values; the
caller applies the plan through app.document.operations.import_sheet, as one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import EmotionMarker, Persona
from app.export.sheets.columns import CARD_COLUMNS, match_columns
from app.export.sheets.merge import CardChange, FieldEdit, MergePlan, changed_fields, edit_fields
from app.export.sheets.read_cards import REQUIRED


def tr(text: str) -> str:
    """Translate in the spreadsheet import's context."""
    return QCoreApplication.translate("SheetImport", text)


def column_name(key: str) -> str:
    """A card column's name in the user's language (the sheet headers of app.export.sheets)."""
    names = {
        "id": tr("ID"),
        "map": tr("Map"),
        "stage": tr("Stage"),
        "lane": tr("Lane"),
        "kind": tr("Lane kind"),
        "order": tr("Order"),
        "title": tr("Title"),
        "body": tr("Body"),
        "channel": tr("Channel"),
        "tags": tr("Tags"),
        "severity": tr("Severity"),
        "owner": tr("Owner"),
        "priority": tr("Priority"),
        "status": tr("Status"),
        "value": tr("Value"),
        "unit": tr("Unit"),
        "target": tr("Target"),
        "evidence": tr("Evidence"),
        "favourite": tr("Favourite"),
        "span": tr("Span"),
    }
    return names.get(key, key)


def change_text(plan: MergePlan, change: CardChange) -> str:
    """A card's changes in the user's language: "Title: 'old' → 'new'; Severity: …"."""
    parts = []
    for key, old, new in changed_fields(plan, change):
        if key == "order":
            parts.append(tr("new place in its cell"))
            continue
        if key == "favourite":
            old, new = (tr("yes") if change.old[key] else tr("no"),
                        tr("yes") if change.new[key] else tr("no"))
        parts.append(f"{column_name(key)}: {old} → {new}")
    return "; ".join(parts)


def edit_text(plan: MergePlan, edit: FieldEdit) -> str:
    """A marker's or persona's changes in the user's language."""
    return "; ".join(f"{_field_name(key)}: {old} → {new}"
                     for key, old, new in edit_fields(plan, edit))


def _field_name(key: str) -> str:
    names = {
        "stage": tr("Stage"), "score": tr("Score"), "position": tr("Position"),
        "label": tr("Label"), "name": tr("Name"), "description": tr("Description"),
        "age": tr("Age"), "occupation": tr("Occupation"), "quote": tr("Quote"),
        "goals": tr("Goals"), "motivations": tr("Motivations"),
        "behaviours": tr("Behaviours"), "interests": tr("Interests"), "pains": tr("Pains"),
        "channels": tr("Channels"), "photo": tr("Photo"), "photo_mime": tr("Photo type"),
    }
    return names.get(key, key)


def _marker(score: int, label: str) -> str:
    return (f"{score:+d}" if score else "0") + (" " + _title(label) if label else "")


def _title(text: str) -> str:
    text = " ".join(text.split()) or tr("(untitled)")
    return "“" + (text if len(text) <= 60 else text[:59] + "…") + "”"


class ColumnMappingDialog(QDialog):
    """Which card field each of the sheet's columns carries (or none)."""

    def __init__(self, headers: list[str], found: dict[int, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Match the Columns"))
        self.headers = headers
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Say which column of the spreadsheet holds what. Stage and Title "
                          "are needed; columns left out are not imported."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        form = QFormLayout()
        self.combos: dict[int, QComboBox] = {}
        for position, header in enumerate(headers):
            if not header:
                continue
            combo = QComboBox()
            combo.setObjectName(f"column_{position}")
            combo.addItem(tr("(leave out)"), "")
            for column in CARD_COLUMNS:
                if column.key != "votes":  # a count the import does not read
                    combo.addItem(column_name(column.key), column.key)
            # A second column headed like a field shows that field too, so the clash
            # is in view and the user picks which one feeds it.
            guess = found.get(position) or next(iter(match_columns([header],
                                                                   CARD_COLUMNS).values()), "")
            combo.setCurrentIndex(max(0, combo.findData(guess)))
            combo.currentIndexChanged.connect(self._check)
            form.addRow(header, combo)
            self.combos[position] = combo
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._check()

    def chosen(self) -> dict[int, str]:
        """Column position → field key, for the columns given one."""
        return {p: c.currentData() for p, c in self.combos.items() if c.currentData()}

    def overrides(self) -> dict[str, str]:
        """The choice as the importer takes it: column number ("#1"…) → key ("" leaves
        it out); by number, so two columns with one header are told apart."""
        return {f"#{p + 1}": c.currentData() or "" for p, c in self.combos.items()}

    def _check(self) -> None:
        keys = list(self.chosen().values())
        twice = sorted({k for k in keys if keys.count(k) > 1})
        missing = [k for k in REQUIRED if k not in keys]
        if twice:
            self.problem.setText(tr("Two columns are set to %1.").replace(
                "%1", ", ".join(column_name(k) for k in twice)))
        elif missing:
            self.problem.setText(tr("Choose the column for %1.").replace(
                "%1", ", ".join(column_name(k) for k in missing)))
        else:
            self.problem.setText("")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not twice and not missing)

    @staticmethod
    def ask(headers: list[str], found: dict[int, str],
            parent: QWidget | None = None) -> dict[str, str] | None:
        """The user's mapping, or None when cancelled."""
        dialog = ColumnMappingDialog(headers, found, parent)
        return dialog.overrides() if dialog.exec() == QDialog.DialogCode.Accepted else None


class SheetImportDialog(QDialog):
    """The preview of an import: added, changed and removable cards per stage."""

    def __init__(self, plan: MergePlan, source_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(tr("Import %1").replace("%1", source_name))
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        for warning in plan.warnings:
            note = QLabel(tr("This workbook was exported from another project: its cards "
                             "are added as new cards.") if "another project" in warning
                          else warning)
            note.setWordWrap(True)
            note.setObjectName("warning")
            layout.addWidget(note)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setObjectName("changes")
        layout.addWidget(self.tree, 1)
        self.removals: dict[str, QCheckBox] = {}
        self._fill()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = QPushButton(tr("Apply"))
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.apply_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update()

    def _fill(self) -> None:
        for journey in self.plan.new_maps:
            item = QTreeWidgetItem(self.tree, [
                tr("New map %1: %2 stages, %3 lanes, %4 cards").replace("%1", _title(
                    journey.name)).replace("%2", str(len(journey.stages))).replace(
                    "%3", str(len(journey.lanes))).replace("%4", str(len(journey.cards)))])
            item.setExpanded(True)
        for group in self.plan.groups():
            head = f"{group.map_name} › {group.stage_title}"
            if group.new_stage:
                head += " " + tr("(new stage)")
            parent = QTreeWidgetItem(self.tree, [head])
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            for card in group.added:
                self._line(parent, tr("Add %1").replace("%1", _title(card.title)))
            for change in group.changed:
                self._line(parent, tr("Change %1: %2").replace(
                    "%1", _title(change.card.title)).replace("%2", change_text(self.plan, change)))
            for card in group.removable:
                self._removal(parent, card.id, tr("Remove %1 (not in the spreadsheet)")
                              .replace("%1", _title(card.title)))
            for marker in group.markers_added:
                self._line(parent, tr("Add emotion marker %1").replace(
                    "%1", _marker(marker.score, marker.label)))
            for edit in group.markers_changed:
                assert isinstance(edit.entity, EmotionMarker)
                self._line(parent, tr("Change emotion marker %1: %2").replace(
                    "%1", _marker(edit.entity.score, edit.entity.label)).replace(
                    "%2", edit_text(self.plan, edit)))
            for marker in group.markers_removable:
                self._removal(parent, marker.id,
                              tr("Remove emotion marker %1 (not in the spreadsheet)")
                              .replace("%1", _marker(marker.score, marker.label)))
            parent.setExpanded(True)
        if self.plan.added_personas or self.plan.persona_edits():
            parent = QTreeWidgetItem(self.tree, [tr("Personas")])
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            for persona in self.plan.added_personas:
                self._line(parent, tr("Add persona %1").replace("%1", _title(persona.name)))
            for edit in self.plan.persona_edits():
                assert isinstance(edit.entity, Persona)
                self._line(parent, tr("Change persona %1: %2").replace(
                    "%1", _title(edit.entity.name)).replace("%2", edit_text(self.plan, edit)))
            parent.setExpanded(True)

    def _removal(self, parent: QTreeWidgetItem, entity_id: str, text: str) -> None:
        item = QTreeWidgetItem(parent)
        box = QCheckBox(text)
        box.setObjectName(f"remove_{entity_id}")
        box.toggled.connect(self._update)
        self.removals[entity_id] = box
        self.tree.setItemWidget(item, 0, box)

    @staticmethod
    def _line(parent: QTreeWidgetItem, text: str) -> None:
        item = QTreeWidgetItem(parent, [text])
        item.setToolTip(0, text)  # a long change is elided in the row: whole here

    def removing(self) -> set[str]:
        """The ids of the cards chosen for removal."""
        return {card_id for card_id, box in self.removals.items() if box.isChecked()}

    def _update(self) -> None:
        removing = self.removing()
        marker_ids = {m.id for m in self.plan.removable_markers}
        cards_removing = removing - marker_ids
        cards_offered = len(self.plan.removable)
        text = (
            tr("%1 cards added, %2 changed, %3 removed; %4 not in the spreadsheet kept.")
            .replace("%1", str(len(self.plan.added) + sum(len(m.cards)
                                                          for m in self.plan.new_maps)))
            .replace("%2", str(len(self.plan.changed)))
            .replace("%3", str(len(cards_removing)))
            .replace("%4", str(cards_offered - len(cards_removing))))
        markers_removing = len(removing & marker_ids)
        if self.plan.added_markers or self.plan.marker_edits() or marker_ids:
            text += "\n" + (
                tr("Emotion markers: %1 added, %2 changed, %3 removed, %4 kept.")
                .replace("%1", str(len(self.plan.added_markers)))
                .replace("%2", str(len(self.plan.marker_edits())))
                .replace("%3", str(markers_removing))
                .replace("%4", str(len(marker_ids) - markers_removing)))
        if self.plan.added_personas or self.plan.persona_edits():
            text += "\n" + (tr("Personas: %1 added, %2 changed.")
                           .replace("%1", str(len(self.plan.added_personas)))
                           .replace("%2", str(len(self.plan.persona_edits()))))
        self.summary.setText(text)
        empty = self.plan.empty(removing)
        self.apply_button.setEnabled(not empty)
        if empty and not self.removals:
            self.summary.setText(tr("The spreadsheet matches the project: nothing to change."))

    @staticmethod
    def ask(plan: MergePlan, source_name: str,
            parent: QWidget | None = None) -> set[str] | None:
        """The cards chosen for removal when the user applies, or None when cancelled."""
        dialog = SheetImportDialog(plan, source_name, parent)
        return dialog.removing() if dialog.exec() == QDialog.DialogCode.Accepted else None

