"""The window's actions, menus and toolbar; each action calls one MainWindow slot.

The canvas's own actions (app.canvas.edit_actions.EditActions: delete, clipboard,
duplicate, add card, zoom) are placed here too: `place_canvas` puts the shown view's
set into the Edit, View and Map menus and the toolbar, and a disabled stand-in set
while no map is shown.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton, QWidget

from app.canvas.edit_actions import EditActions
from app.domain.model import LaneKind
from app.ui.icons import icon
from app.ui.names import lane_kind_name, state_badge
from app.ui.present import Presenter

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

Key = QKeySequence.StandardKey


def tr(text: str) -> str:
    """Translate in the main window's context."""
    return QCoreApplication.translate("MainWindow", text)


def kind_icon(kind: LaneKind) -> QIcon:
    """The line icon of a lane kind (the canvas's set), or none when it is missing."""
    from app.canvas.icons import qicon

    return qicon(LaneKind(kind).value, "#3C4450")


class WindowActions:
    """Every action of the main window, by name, and the menus that hold them."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        w = window
        # File
        self.new_project = self._make(tr("&New from Template…"), w.new_project, Key.New, "new")
        self.open = self._make(tr("&Open…"), w.open_dialog, Key.Open, "open")
        self.open_server = self._make(tr("Open from Ser&ver…"), w.open_from_server)
        self.open_server.setObjectName("openFromServer")
        self.save_copy = self._make(tr("Save a Cop&y As…"), w.save_copy, Key.SaveAs)
        self.project_properties = self._make(tr("Pro&ject Properties…"),
                                             w.show_project_properties)
        self.project_properties.setObjectName("projectProperties")
        self.export_pdf = self._make(tr("&PDF…"), w.export_pdf, Key.Print,
                                     "export")
        self.export_png = self._make(tr("P&NG Image…"), w.export_png)
        self.export_svg = self._make(tr("&SVG Image…"), w.export_svg)
        self.export_json = self._make(tr("&JSON…"), w.export_json)
        # The Export dialog opened on the spreadsheet formats (maps, and the CSV's table).
        self.export_xlsx = self._make(tr("Spreadsheet (&XLSX)…"), lambda: _export(w, "xlsx"))
        self.export_csv = self._make(tr("&CSV Table…"), lambda: _export(w, "csv"))
        self.import_sheet = self._make(tr("&Spreadsheet…"), w.import_spreadsheet)
        self.import_sheet.setObjectName("importSpreadsheet")
        self.close = self._make(tr("&Close"), w.close_document, Key.Close)
        self.quit = self._make(tr("&Quit"), w.close, Key.Quit)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        # Edit: undo and redo go through the document (which restores the model when the
        # write fails); they follow the active undo stack and name its next command.
        self.undo = self._make(tr("Undo"), w.undo, Key.Undo, "undo")
        self.undo.setObjectName("undo")
        self.redo = self._make(tr("Redo"), w.redo, Key.Redo, "redo")
        self.redo.setObjectName("redo")
        self.redo.setShortcuts(redo_keys())
        group = w.undo_group
        group.canUndoChanged.connect(self.undo.setEnabled)
        group.canRedoChanged.connect(self.redo.setEnabled)
        group.undoTextChanged.connect(lambda text: self.undo.setText(_named(tr("Undo"), text)))
        group.redoTextChanged.connect(lambda text: self.redo.setText(_named(tr("Redo"), text)))
        self.undo.setEnabled(False)
        self.redo.setEnabled(False)
        # The canvas's actions: a disabled stand-in set until a map is shown.
        self.idle_canvas = EditActions(w)
        self.canvas = self.idle_canvas
        # Find (app.ui.find_bar) and View ▸ Filter (app.ui.filter_panel): view-only states.
        self.find = self._make(tr("F&ind…"), lambda: _find_bar().open_find(w), Key.Find)
        self.find.setObjectName("find")
        self.find_next = self._make(tr("Find &Next"), lambda: _find_bar().find_step(w, 1),
                                    Key.FindNext)
        self.find_previous = self._make(tr("Find Pre&vious"),
                                        lambda: _find_bar().find_step(w, -1), Key.FindPrevious)
        self.filter = self._make(tr("Fi&lter…"), lambda: _show_filter(w),
                                 QKeySequence("Ctrl+Shift+F"))
        self.filter.setObjectName("filter")
        self.preferences = self._make(tr("Pre&ferences…"), w.show_preferences, Key.Preferences)
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        # Map
        self.add_stage = self._make(tr("Add &Stage"), w.add_stage, QKeySequence("Ctrl+Alt+S"),
                                    "add-stage")
        self.add_lane_menu = QMenu(tr("Add &Lane"), w)
        self.add_lane_menu.setIcon(icon("add-lane"))
        self.add_lane: dict[LaneKind, QAction] = {}
        for kind in LaneKind:
            action = self.add_lane_menu.addAction(kind_icon(kind), lane_kind_name(kind))
            action.setObjectName(f"addLane_{kind.value}")
            action.triggered.connect(lambda _checked=False, k=kind: w.add_lane(k))
            self.add_lane[kind] = action
        self.map_properties = self._make(tr("Map &Properties…"), w.show_map_properties,
                                         QKeySequence("Alt+Return"))
        self.switch_map_menu = QMenu(tr("S&witch to Map"), w)
        self.switch_map_menu.setIcon(icon("map"))
        self.switch_map_menu.aboutToShow.connect(self._fill_switch_menu)
        self.next_map = self._make(tr("&Next Map"), lambda: w.step_map(1),
                                   QKeySequence("Ctrl+PgDown"))
        self.previous_map = self._make(tr("P&revious Map"), lambda: w.step_map(-1),
                                       QKeySequence("Ctrl+PgUp"))
        # Help
        self.shortcuts = self._make(tr("&Keyboard Shortcuts"), w.show_shortcuts,
                                    QKeySequence(Key.HelpContents))
        self.about = self._make(tr("&About Journey Studio"), w.show_about)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        # View ▸ Present (F5) and its stepping keys (app.ui.present).
        self.presenter = Presenter(w)
        self.present = self.presenter.action
        self.recent_menu = QMenu(tr("Open &Recent"), w)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

        self.document_actions = [self.save_copy, self.project_properties, self.export_pdf,
                                 self.export_png, self.export_svg, self.export_json,
                                 self.export_xlsx, self.export_csv, self.close]
        self.map_actions = [self.add_stage, self.map_properties, self.next_map,
                            self.previous_map, self.find, self.find_next, self.find_previous,
                            self.filter]
        self._dress(self.idle_canvas)

    # -- the canvas's actions ---------------------------------------------------------------

    @property
    def cut(self) -> QAction:
        """Edit ▸ Cut (the canvas's action)."""
        return self.canvas.cut

    @property
    def copy(self) -> QAction:
        """Edit ▸ Copy."""
        return self.canvas.copy

    @property
    def paste(self) -> QAction:
        """Edit ▸ Paste."""
        return self.canvas.paste

    @property
    def duplicate(self) -> QAction:
        """Edit ▸ Duplicate."""
        return self.canvas.duplicate

    @property
    def delete(self) -> QAction:
        """Edit ▸ Delete."""
        return self.canvas.delete

    @property
    def select_all(self) -> QAction:
        """Edit ▸ Select All."""
        return self.canvas.select_all

    @property
    def zoom_in(self) -> QAction:
        """View ▸ Zoom In."""
        return self.canvas.zoom_in

    @property
    def zoom_out(self) -> QAction:
        """View ▸ Zoom Out."""
        return self.canvas.zoom_out

    @property
    def zoom_reset(self) -> QAction:
        """View ▸ 100 %."""
        return self.canvas.zoom_reset

    @property
    def zoom_fit(self) -> QAction:
        """View ▸ Fit to Window."""
        return self.canvas.zoom_fit

    @staticmethod
    def _dress(canvas: EditActions) -> None:
        for action, name in ((canvas.duplicate, "duplicate"), (canvas.delete, "delete"),
                             (canvas.zoom_in, "zoom-in"), (canvas.zoom_out, "zoom-out"),
                             (canvas.zoom_reset, "zoom-reset"), (canvas.zoom_fit, "zoom-fit")):
            action.setIcon(icon(name))

    def place_canvas(self, canvas: EditActions | None) -> None:
        """Show the actions of the view in the window (None: the disabled stand-ins)."""
        canvas = canvas or self.idle_canvas
        old, self.canvas = self.canvas, canvas
        if old is canvas:
            return
        self._dress(canvas)
        holders: list[QWidget] = [*self.menus.values()]
        if hasattr(self, "toolbar"):
            holders.append(self.toolbar)
        for before, after in zip(old.all(), canvas.all(), strict=True):
            for holder in holders:
                if before in holder.actions():
                    holder.insertAction(before, after)
                    holder.removeAction(before)

    def _make(self, text: str, slot, shortcut=None, icon_name: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon_name:
            action.setIcon(icon(icon_name))
        plain = text.replace("&", "").rstrip("…")
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{plain} ({keys})" if keys else plain)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # shortcuts work while the menu bar is hidden, too
        return action

    # -- menus ----------------------------------------------------------------------------

    def build_menus(self) -> dict[str, QMenu]:
        """Fill the menu bar: File, Edit, View, Map, Help."""
        bar = self.window.menuBar()
        file = bar.addMenu(tr("&File"))
        file.addActions([self.new_project, self.open, self.open_server])
        file.addMenu(self.recent_menu)
        file.addSeparator()
        file.addAction(self.save_copy)
        file.addAction(self.project_properties)
        export = file.addMenu(tr("&Export"))
        export.setIcon(icon("export"))
        export.addActions([self.export_pdf, self.export_png, self.export_svg, self.export_json,
                           self.export_xlsx, self.export_csv])
        importer = file.addMenu(tr("&Import"))
        importer.addAction(self.import_sheet)
        file.addSeparator()
        file.addAction(self.close)
        file.addAction(self.quit)

        edit = bar.addMenu(tr("&Edit"))
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.cut, self.copy, self.paste, self.duplicate, self.delete])
        edit.addSeparator()
        edit.addAction(self.select_all)
        edit.addSeparator()
        edit.addActions([self.find, self.find_next, self.find_previous])
        edit.addSeparator()
        edit.addAction(self.preferences)

        view = bar.addMenu(tr("&View"))
        view.addActions([self.zoom_in, self.zoom_out, self.zoom_reset, self.zoom_fit])
        view.addSeparator()
        view.addAction(self.filter)
        view.addActions(self.presenter.actions())
        view.addSeparator()
        self.view_menu = view

        map_menu = bar.addMenu(tr("&Map"))
        map_menu.addAction(self.canvas.add_card)
        map_menu.addAction(self.canvas.link)
        map_menu.addAction(self.add_stage)
        map_menu.addMenu(self.add_lane_menu)
        map_menu.addSeparator()
        map_menu.addAction(self.map_properties)
        map_menu.addSeparator()
        map_menu.addMenu(self.switch_map_menu)
        map_menu.addActions([self.previous_map, self.next_map])

        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addActions([self.shortcuts, self.about])
        self.menus = {"file": file, "edit": edit, "view": view, "map": map_menu,
                      "help": help_menu, "export": export, "import": importer}
        return self.menus

    def add_view_toggles(self, toggles: list[QAction]) -> None:
        """Put the docks' and toolbar's show/hide actions in the View menu."""
        self.view_menu.addActions(toggles)

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        paths = self.window.recent.paths()
        for number, path in enumerate(paths, start=1):
            shown = path.replace("&", "&&")  # a server URL's "&" is no mnemonic
            label = f"&{number % 10} {shown}" if number <= 10 else shown
            action = menu.addAction(label)
            action.triggered.connect(lambda _checked=False, p=path: self.window.open_path(p))
        if not paths:
            menu.addAction(tr("No recent projects")).setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction(tr("&Clear List"))
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self.window.recent.clear)

    def _fill_switch_menu(self) -> None:
        menu = self.switch_map_menu
        menu.clear()
        doc = self.window.doc
        if doc is None:
            return
        group = QActionGroup(menu)
        for journey in doc.project.maps:
            action = menu.addAction(f"{journey.name}  ({state_badge(journey.state)})")
            action.setCheckable(True)
            action.setChecked(journey.id == self.window.map_id)
            group.addAction(action)
            action.triggered.connect(
                lambda _checked=False, i=journey.id: self.window.switch_map(i))

    # -- toolbar --------------------------------------------------------------------------

    def build_toolbar(self) -> QToolBar:
        """The main toolbar: files, undo, the map's structure, zoom and export."""
        bar = QToolBar(tr("Main Toolbar"), self.window)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        bar.addActions([self.new_project, self.open])
        bar.addSeparator()
        bar.addActions([self.undo, self.redo])
        bar.addSeparator()
        bar.addAction(self.add_stage)
        lane_button = QToolButton(bar)
        lane_button.setMenu(self.add_lane_menu)
        lane_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        lane_button.setIcon(icon("add-lane"))
        lane_button.setText(tr("Add Lane"))
        lane_button.setToolTip(tr("Add a lane of a kind"))
        lane_button.setObjectName("addLaneButton")
        self.add_lane_button = lane_button
        bar.addWidget(lane_button)
        bar.addAction(self.duplicate)
        bar.addAction(self.delete)
        bar.addSeparator()
        bar.addActions([self.zoom_out, self.zoom_reset, self.zoom_in, self.zoom_fit])
        bar.addSeparator()
        bar.addAction(self.export_pdf)
        for action in (self.add_stage, self.export_pdf):
            button = bar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        lane_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.export_pdf.setIconText(tr("Export PDF"))
        self.add_stage.setIconText(tr("Stage"))
        lane_button.setText(tr("Lane"))
        self.toolbar = bar
        return bar

    def update_enabled(self, *, has_doc: bool, has_map: bool, writable: bool) -> None:
        """Enable what makes sense for the document, map and selection in view."""
        for action in self.document_actions:
            action.setEnabled(has_doc)
        for action in self.map_actions:
            action.setEnabled(has_map)
        # The canvas's actions enable themselves (EditActions.refresh).
        self.add_stage.setEnabled(has_map and writable)
        self.add_lane_menu.setEnabled(has_map and writable)
        self.import_sheet.setEnabled(writable)  # it changes the open project
        if hasattr(self, "add_lane_button"):
            self.add_lane_button.setEnabled(has_map and writable)
        self.switch_map_menu.setEnabled(has_doc)
        for action in (self.export_pdf, self.export_png, self.export_svg):
            action.setEnabled(has_map)
        self.presenter.update_enabled(has_map)


# What the first frame does not show is imported on first use (cold start).
def _export(window: MainWindow, fmt: str) -> None:
    from app.ui import exporting

    exporting.export(window, fmt)


def _find_bar():
    from app.ui import find_bar

    return find_bar


def _show_filter(window: MainWindow) -> None:
    from app.ui.filter_panel import show_filter

    show_filter(window)


def redo_keys() -> list[QKeySequence]:
    """Redo's keys: the platform's, Ctrl+Shift+Z, and Ctrl+Y outside macOS (as users expect)."""
    wanted = [*QKeySequence.keyBindings(Key.Redo), QKeySequence("Ctrl+Shift+Z")]
    if sys.platform != "darwin":
        wanted.append(QKeySequence("Ctrl+Y"))
    keys: list[QKeySequence] = []
    for key in wanted:
        if not key.isEmpty() and key not in keys:
            keys.append(key)
    return keys


def _named(prefix: str, command_text: str) -> str:
    """"Undo Add stage", or "Undo" when nothing is to be undone (as QUndoStack names it)."""
    return f"{prefix} {command_text}" if command_text else prefix
