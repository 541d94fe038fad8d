"""File ▸ Export…: the export dialog (returns an ExportRequest); the PDF export runner
lives in app.dialogs.pdf_export_run (its names are importable from here too).

Formats: PDF, PNG and SVG of the map in view, an XLSX workbook of the chosen maps, or one
table of them as CSV.

The dialog only collects choices and remembers them in QSettings; the caller runs the
export. `run_pdf_export` does that for PDF with a progress dialog whose Cancel works:
the export runs in a worker thread on a copy of the project, so the window stays
responsive and nothing the user does meanwhile can change what is being written.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.dialog_kit import safe_file_name
from app.dialogs.image_options_box import ImageOptionsBox
from app.dialogs.page_preview import PagePreviewWidget, PlanWorker, summary_text
from app.dialogs.pdf_export_run import (  # noqa: F401 - the dialog's public names
    ExportOutcome,
    PdfExportRunner,
    gui_warning,
    run_pdf_export,
)
from app.domain.model import Project
from app.export.image_options import ImageOptions
from app.export.pdf import PdfOptions, PlanSummary
from app.export.pdf.options import MAX_TILES_WIDE, PAGE_CHOICES
from app.export.pdf.references import MAP, SNAPSHOT, reference

FORMATS = ("pdf", "png", "svg", "xlsx", "csv")
SHEET_FORMATS = ("xlsx", "csv")
# Each language named in itself, as language menus do: a reader finds their own.
LANGUAGE_NAMES = (("en", "English"), ("vi", "Tiếng Việt"))
PAGE_PARTS = ("cover", "persona", "legend", "insights")
STRIP_STATES = {"on": Qt.CheckState.Checked, "off": Qt.CheckState.Unchecked,
                "auto": Qt.CheckState.PartiallyChecked}
_KEY = "export/"


def tr(text: str) -> str:
    """Translate in the export dialog's context."""
    return QCoreApplication.translate("ExportDialog", text)


def csv_tables() -> list[tuple[str, str]]:
    """The tables a CSV file can hold: (key, name shown)."""
    return [("cards", tr("Cards")), ("markers", tr("Emotion markers")),
            ("personas", tr("Personas")), ("metrics", tr("Metrics")),
            ("opportunities", tr("Opportunities")), ("connectors", tr("Connectors"))]


@dataclass
class ExportRequest:
    """What the user chose: format, file, PDF options, maps, and whether to open it."""

    format: str
    path: str
    options: PdfOptions
    map_ids: list[str] = field(default_factory=list)
    open_when_done: bool = False
    table: str = "cards"  # the table of a CSV export
    image: ImageOptions = field(default_factory=ImageOptions)  # a PNG's or SVG's framing


class ExportDialog(QDialog):
    """Choose format, file, page size, orientation, scaling, pages and maps."""

    def __init__(self, project: Project, current_map_id: str | None = None,
                 parent: QWidget | None = None, settings: QSettings | None = None,
                 initial_format: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Export"))
        # Accept an app.document Document too (it holds the project), as callers have it.
        self._project = project if hasattr(project, "maps") else project.project
        self._settings = settings or QSettings()
        self._current = current_map_id or (project.maps[0].id if project.maps else None)
        self._request: ExportRequest | None = None
        self._build()
        self._restore()
        if initial_format in FORMATS:
            self.format_box.setCurrentIndex(self.format_box.findData(initial_format))
        self._sync()
        self._summary_timer.stop()
        self._update_summary()  # planned at once; later changes on the debounce

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.format_box = QComboBox()
        for key, label in zip(FORMATS, (tr("PDF document"), tr("PNG image (map in view)"),
                                        tr("SVG drawing (map in view)"),
                                        tr("Excel workbook (maps and tables)"),
                                        tr("CSV table")), strict=True):
            self.format_box.addItem(label, key)
        form.addRow(tr("&Format:"), self.format_box)
        self.table_box = QComboBox()
        for key, label in csv_tables():
            self.table_box.addItem(label, key)
        form.addRow(tr("&Table:"), self.table_box)
        path_row = QHBoxLayout()
        self.path_edit = QLineEdit()
        # Room for a real path (a folder or two and the map's name, ~70 letters) without
        # scrolling; measured on letters, which are wider than the font's average glyph.
        letters = self.fontMetrics().horizontalAdvance("abcdefghijklmnopqrstuvwxyz") / 26
        self.path_edit.setMinimumWidth(round(letters * 70))
        self.browse_button = QPushButton(tr("&Browse…"))
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        # A row whose field is a layout gets a label without a buddy, and such a label
        # shows its "&" as it is: give it the line edit as its buddy.
        form.addRow(self._label(tr("&Save as:"), self.path_edit), path_row)
        self.language_box = QComboBox()
        for key, name in LANGUAGE_NAMES:
            self.language_box.addItem(name, key)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(
            self._project.language)))
        self.language_box.setToolTip(tr("The language of the headings, page labels, numbers "
                                        "and dates the export adds; the map's own text is "
                                        "printed as written."))
        form.addRow(tr("Lang&uage:"), self.language_box)
        self.page_box = QComboBox()
        for page in PAGE_CHOICES:
            self.page_box.addItem(tr("Fit content (one page)") if page == "fit-content" else page,
                                  page)
        form.addRow(tr("&Page size:"), self.page_box)
        orient = QHBoxLayout()
        self.landscape = QRadioButton(tr("&Landscape"))
        self.portrait = QRadioButton(tr("Po&rtrait"))
        orient.addWidget(self.landscape)
        orient.addWidget(self.portrait)
        orient.addStretch(1)
        form.addRow(tr("Orientation:"), orient)
        layout.addLayout(form)

        scaling = QGroupBox(tr("Scaling"))
        grid = QVBoxLayout(scaling)
        self.fit_auto = QRadioButton(tr("Legible (&7 pt or more), as few pages as that takes"))
        self.fit_page = QRadioButton(tr("Fit the map on &one page"))
        wide = QHBoxLayout()
        self.fit_width = QRadioButton(tr("Fit to &N pages wide (tiled):"))
        self.width_spin = QSpinBox()
        self.width_spin.setRange(1, MAX_TILES_WIDE)
        self.width_spin.setValue(2)
        wide.addWidget(self.fit_width)
        wide.addWidget(self.width_spin)
        wide.addStretch(1)
        self.fit_actual = QRadioButton(tr("&Actual size (tiled as needed)"))
        self._fit_group = QButtonGroup(self)
        for button in (self.fit_auto, self.fit_page, self.fit_width, self.fit_actual):
            self._fit_group.addButton(button)
        grid.addWidget(self.fit_auto)
        grid.addWidget(self.fit_page)
        grid.addLayout(wide)
        grid.addWidget(self.fit_actual)
        # What the choice prints, from the export's plan (nothing drawn), kept up to date
        # on a short debounce so typing in the spin box stays smooth.
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        grid.addWidget(self.summary)
        self._summary_timer = QTimer(self)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(150)
        self._summary_timer.timeout.connect(self._update_summary)
        self._planner: PlanWorker | None = None
        self._replan = False  # options changed while a plan was running
        self.preview = PagePreviewWidget()
        self.preview.setToolTip(tr("The first map page: the map's shapes and, on a poster, "
                                   "its tiles"))
        beside = QHBoxLayout()
        beside.addWidget(scaling, 1)
        beside.addWidget(self.preview)
        layout.addLayout(beside)

        parts = QGroupBox(tr("Pages"))
        row = QHBoxLayout(parts)
        self.part_boxes: dict[str, QCheckBox] = {}
        for key, label in zip(PAGE_PARTS, (tr("&Cover"), tr("P&ersona"), tr("Le&gend"),
                                           tr("&Insights")), strict=True):
            box = QCheckBox(label)
            self.part_boxes[key] = box
            row.addWidget(box)
        # Three states: ticked, not, or half (automatic: on for one sheet or a poster).
        self.strip_box = QCheckBox(tr("Legen&d strip under the map"))
        self.strip_box.setTristate(True)
        self.strip_box.setToolTip(tr("Half ticked: only when the map is on one sheet or the "
                                     "page is A2 or larger"))
        row.addWidget(self.strip_box)
        # One page per map with its experience wheel (app.export.pdf.wheel_page).
        self.wheel_box = QCheckBox(tr("E&xperience wheel page"))
        self.wheel_box.setToolTip(tr("The map as a circle: before, during, after, with a face "
                                     "per stage, touchpoints and pains"))
        row.addWidget(self.wheel_box)
        layout.addWidget(parts)

        maps = QGroupBox(tr("Maps"))
        col = QVBoxLayout(maps)
        self.all_maps = QCheckBox(tr("All &maps (one bookmark per map)"))
        self.map_list = QListWidget()
        self.map_list.setMaximumHeight(120)
        for journey in self._project.maps:
            item = QListWidgetItem(journey.name)
            item.setData(Qt.ItemDataRole.UserRole, journey.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if journey.id == self._current
                               else Qt.CheckState.Unchecked)
            self.map_list.addItem(item)
        col.addWidget(self.all_maps)
        col.addWidget(self.map_list)
        layout.addWidget(maps)

        layout.addWidget(self._compare_group())
        self.image_box = ImageOptionsBox()
        layout.addWidget(self.image_box)

        self.open_when_done = QCheckBox(tr("&Open the file when done"))
        layout.addWidget(self.open_when_done)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Export"))
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.browse_button.clicked.connect(self._browse)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.all_maps.toggled.connect(self._sync)
        self.map_list.itemChanged.connect(self._sync)
        self.path_edit.textChanged.connect(self._sync)
        self.fit_width.toggled.connect(self._sync)
        for signal in (self.format_box.currentIndexChanged, self.page_box.currentIndexChanged,
                       self.language_box.currentIndexChanged, self.landscape.toggled,
                       self._fit_group.buttonToggled, self.width_spin.valueChanged,
                       self.all_maps.toggled, self.map_list.itemChanged,
                       self.compare_box.toggled, self.compare_left.currentIndexChanged,
                       self.compare_right.currentIndexChanged, self.strip_box.stateChanged,
                       self.wheel_box.toggled,
                       *(box.toggled for box in self.part_boxes.values())):
            signal.connect(self._summary_timer.start)

    def _compare_group(self) -> QGroupBox:
        """A checkbox and two choosers (maps, then snapshots) for the compare page."""
        group = QGroupBox(tr("Compare page"))
        col = QVBoxLayout(group)
        sides = QFormLayout()
        self.compare_box = QCheckBox(tr("Compa&re"))
        self.compare_left, self.compare_right = QComboBox(), QComboBox()
        entries = [(tr("Map: %1").replace("%1", m.name), reference(MAP, m.name))
                   for m in self._project.maps]
        entries += [(tr("Snapshot: %1 (%2)").replace("%1", s.name).replace("%2", s.taken_at[:10]),
                     reference(SNAPSHOT, s.name)) for s in self._project.snapshots]
        for box in (self.compare_left, self.compare_right):
            # Long map names must not widen the whole dialog: the choosers elide them, but
            # each has a row of its own, as wide as the dialog, so most names show whole.
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(24)
            for label, ref in entries:
                box.addItem(label, ref)
        left, right = self._compare_defaults()
        self.compare_left.setCurrentIndex(max(0, self.compare_left.findData(left)))
        self.compare_right.setCurrentIndex(max(0, self.compare_right.findData(right)))
        col.addWidget(self.compare_box)
        col.addLayout(sides)
        sides.addRow(tr("Before:"), self.compare_left)
        sides.addRow(tr("Af&ter:"), self.compare_right)
        self.compare_box.toggled.connect(self._sync)
        self.compare_left.currentIndexChanged.connect(self._sync)
        self.compare_right.currentIndexChanged.connect(self._sync)
        return group

    def _compare_defaults(self) -> tuple[str, str]:
        """Before: the current map (or the one it derives from); after: a map derived from
        it, else another map, else its latest snapshot."""
        maps = self._project.maps
        current = self._project.map(self._current) if self._current else None
        if current is None:
            return ("", "")
        source = self._project.map(current.derived_from_id or "") or current
        derived = [m for m in maps if m.derived_from_id == source.id and m is not source]
        others = [m for m in maps if m is not source]
        snaps = sorted((s for s in self._project.snapshots if s.map_id == source.id),
                       key=lambda s: s.taken_at, reverse=True)
        if derived or others:
            after = reference(MAP, (derived or others)[0].name)
        elif snaps:
            after = reference(SNAPSHOT, snaps[0].name)
        else:
            after = ""
        return reference(MAP, source.name), after

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    # -- settings -----------------------------------------------------------------------
    def _value(self, key: str, default):
        value = self._settings.value(_KEY + key, default)
        if isinstance(default, bool):
            return value in (True, "true", "1", 1)  # ini files give strings back
        if isinstance(default, int):
            try:
                return int(value)
            except (TypeError, ValueError):
                return default
        return value if isinstance(value, str) else default

    def _restore(self) -> None:
        fmt = self._value("format", "pdf")
        self.format_box.setCurrentIndex(max(0, self.format_box.findData(fmt)))
        page = self._value("page", "A3")
        self.page_box.setCurrentIndex(max(0, self.page_box.findData(page)))
        portrait = self._value("orientation", "landscape") == "portrait"
        (self.portrait if portrait else self.landscape).setChecked(True)
        fit = self._value("fit", "auto")
        if fit.startswith("width:"):
            self.fit_width.setChecked(True)
            self.width_spin.setValue(self._value("fit_width", 2))
        else:
            {"actual": self.fit_actual, "page": self.fit_page}.get(
                fit, self.fit_auto).setChecked(True)
        self.width_spin.setValue(self._value("fit_width", 2))
        for key, box in self.part_boxes.items():
            box.setChecked(self._value(key, True))
        self.strip_box.setCheckState(STRIP_STATES.get(self._value("legend_strip", "auto"),
                                                      Qt.CheckState.PartiallyChecked))
        self.wheel_box.setChecked(self._value("wheel", False))
        self.all_maps.setChecked(self._value("all_maps", False))
        table = self._value("table", "cards")
        self.table_box.setCurrentIndex(max(0, self.table_box.findData(table)))
        self.open_when_done.setChecked(self._value("open_when_done", False))
        self.compare_box.setChecked(self._value("compare", False) and self._can_compare())
        folder = self._value("folder", os.path.expanduser("~"))
        self.path_edit.setText(os.path.join(folder, self._file_name(fmt)))

    def _save(self, request: ExportRequest) -> None:
        opts = request.options
        s, k = self._settings, _KEY
        s.setValue(k + "format", request.format)
        s.setValue(k + "page", opts.page)
        s.setValue(k + "orientation", opts.orientation)
        s.setValue(k + "fit", opts.fit)
        s.setValue(k + "fit_width", self.width_spin.value())
        for key in PAGE_PARTS:
            s.setValue(k + key, getattr(opts, key))
        s.setValue(k + "legend_strip", opts.legend_strip)
        s.setValue(k + "wheel", opts.wheel == "on")
        s.setValue(k + "all_maps", opts.all_maps)
        s.setValue(k + "table", request.table)
        s.setValue(k + "open_when_done", request.open_when_done)
        s.setValue(k + "compare", opts.compare is not None)
        s.setValue(k + "folder", os.path.dirname(request.path))
        s.sync()

    # -- behaviour ----------------------------------------------------------------------
    def _file_name(self, fmt: str) -> str:
        journey = self._project.map(self._current) if self._current else None
        base = journey.name if journey and not self.all_maps.isChecked() else self._project.title
        return f"{safe_file_name(base)}.{fmt}"

    def _format_changed(self) -> None:
        fmt = self.format_box.currentData()
        path = self.path_edit.text()
        if path:
            stem, _ext = os.path.splitext(path)
            self.path_edit.setText(f"{stem}.{fmt}")
        self._sync()

    def _browse(self) -> None:
        fmt = self.format_box.currentData()
        path, _ = QFileDialog.getSaveFileName(self, tr("Export as"), self.path_edit.text(),
                                              f"{fmt.upper()} (*.{fmt})")
        if path:
            if not path.lower().endswith("." + fmt):
                path += "." + fmt
            self.path_edit.setText(path)

    def _checked_maps(self) -> list[str]:
        ids = []
        for i in range(self.map_list.count()):
            item = self.map_list.item(i)
            if self.all_maps.isChecked() or item.checkState() == Qt.CheckState.Checked:
                ids.append(item.data(Qt.ItemDataRole.UserRole))
        return ids

    def _can_compare(self) -> bool:
        return self.compare_left.count() >= 2

    def _compare_choice(self) -> tuple[str, str] | None:
        if not (self.compare_box.isChecked() and self.compare_box.isEnabled()):
            return None
        return self.compare_left.currentData(), self.compare_right.currentData()

    def _sync(self, *_args) -> None:
        fmt = self.format_box.currentData()
        is_pdf = fmt == "pdf"
        many = is_pdf or fmt in SHEET_FORMATS  # formats that take several maps
        self.table_box.setEnabled(fmt == "csv")
        self.image_box.setEnabled(fmt in ("png", "svg"))
        self.compare_box.setEnabled(is_pdf and self._can_compare())
        for box in (self.compare_left, self.compare_right):
            box.setEnabled(self.compare_box.isEnabled() and self.compare_box.isChecked())
        choice = self._compare_choice()
        for widget in (self.page_box, self.landscape, self.portrait, self.fit_auto,
                       self.fit_page, self.fit_width, self.fit_actual, self.strip_box,
                       self.wheel_box, *self.part_boxes.values()):
            widget.setEnabled(is_pdf)
        self.all_maps.setEnabled(many)
        self.all_maps.setText({"xlsx": tr("All &maps (one grid sheet per map)"),
                               "csv": tr("All &maps (in one table)")}.get(
            fmt, tr("All &maps (one bookmark per map)")))
        self.width_spin.setEnabled(is_pdf and self.fit_width.isChecked())
        self.map_list.setEnabled(many and not self.all_maps.isChecked())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.path_edit.text().strip()) and (not many or (
            bool(self._checked_maps()) and (choice is None or choice[0] != choice[1]))))

    def _update_summary(self) -> None:
        """Plan the choice in a worker thread (a big map takes a second or two); the
        summary and the preview follow when it is done, planned again if the choice
        changed meanwhile."""
        request = self.current_request()
        if request.format != "pdf" or not self._checked_maps():
            self._show_summary(None)
            return
        if self._planner is not None and self._planner.isRunning():
            self._replan = True
            return
        self._replan = False
        self._planner = PlanWorker(self._project, request.options)
        self._planner.planned.connect(self._show_summary)
        self._planner.finished.connect(self._planned)
        self._planner.start()

    def _planned(self) -> None:
        if self._replan:
            self._update_summary()

    def _show_summary(self, found: PlanSummary | None) -> None:
        """"Card text 9.6 pt (smallest 8.7 pt), 4 tiles · 11 pages in all" and the preview."""
        if self._replan:
            return  # stale: the next plan is on its way
        self.preview.set_preview(found.preview if found is not None else None)
        if found is None:
            self.summary.setText("")
            return
        self.summary.setText(summary_text(found))

    def done(self, result: int) -> None:
        """Close; a running plan finishes on its own (see PlanWorker) and is ignored."""
        self._summary_timer.stop()
        self._replan = False
        super().done(result)

    def current_request(self) -> ExportRequest:
        """The choices as they stand in the dialog."""
        fmt = self.format_box.currentData()
        if self.fit_width.isChecked():
            fit = f"width:{self.width_spin.value()}"
        elif self.fit_actual.isChecked():
            fit = "actual"
        else:
            fit = "page" if self.fit_page.isChecked() else "auto"
        many = fmt == "pdf" or fmt in SHEET_FORMATS
        ids = self._checked_maps() if many else [self._current] if self._current else []
        names = [m.name for m in self._project.maps if m.id in ids]
        parts: dict[str, Any] = {key: box.isChecked() for key, box in self.part_boxes.items()}
        options = PdfOptions(
            page=self.page_box.currentData(),
            orientation="portrait" if self.portrait.isChecked() else "landscape",
            fit=fit, map_names=None if self.all_maps.isChecked() else names,
            all_maps=self.all_maps.isChecked(), compare=self._compare_choice(),
            language=self.language_box.currentData(),
            legend_strip={v: k for k, v in STRIP_STATES.items()}[self.strip_box.checkState()],
            wheel="on" if self.wheel_box.isChecked() else "off",
            **parts)
        path = os.path.abspath(os.path.expanduser(self.path_edit.text().strip()))
        return ExportRequest(fmt, path, options, ids, self.open_when_done.isChecked(),
                             self.table_box.currentData(), self.image_box.options(fmt == "svg"))

    def accept(self) -> None:
        """Keep the request and remember the choices for next time."""
        self._request = self.current_request()
        self._save(self._request)
        super().accept()

    def request(self) -> ExportRequest | None:
        """The accepted request, or None when the dialog was cancelled."""
        return self._request

    @classmethod
    def ask(cls, project: Project, current_map_id: str | None = None,
            parent: QWidget | None = None,
            initial_format: str | None = None) -> ExportRequest | None:
        """Show the dialog modally; the request, or None when cancelled."""
        dialog = cls(project, current_map_id, parent, initial_format=initial_format)
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None
