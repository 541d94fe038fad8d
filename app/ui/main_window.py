"""The main window: a map canvas in the middle, palette, maps and inspector around it.

It composes the pieces and routes menu commands to them; the model changes only through
app.document.operations, and every view follows Document.changed. The canvas brings its
own edit actions (MapView.edit_actions), which WindowActions places in the menus; every
refused or failed operation reaches the user through app.ui.failures.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoGroup
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from app.document import operations
from app.document.document import Document
from app.document.failures import Failure
from app.document.subscription import Subscription
from app.domain.model import JourneyMap, Lane, LaneKind, Stage
from app.ui import drafts_prompt, failures, opening, prompts, window_layout
from app.ui.actions import WindowActions
from app.ui.docks import Docks, PaletteFactory
from app.ui.file_dialogs import (
    ask_new_project_path,
    ask_open_project,
    ask_save_path,
    safe_file_name,
)
from app.ui.i18n import current_language
from app.ui.notices import UndoNotice
from app.ui.paths import PROJECT_SUFFIX
from app.ui.recent import RecentFiles
from app.ui.review import ReviewTools
from app.ui.saved_views import SavedViews
from app.ui.server_session import ServerSession
from app.ui.start_page import StartPage
from app.ui.status import StatusParts
from app.ui.timer import TimerParts
from app.ui.voting import Voting
from app.ui.wheel_dock import WheelTools
from app.ui.workspace import Workspace, fit_width

if TYPE_CHECKING:
    from app.canvas.view import MapView

APP_TITLE = "Journey Studio"


def tr(text: str) -> str:
    """Translate in the main window's context."""
    return QCoreApplication.translate("MainWindow", text)


def make_map_view(doc: Document, map_id: str) -> MapView:
    """The canvas's MapView for one map of a document (imported when first needed)."""
    from app.canvas.view import MapView

    return MapView(doc, map_id)


def project_files(urls) -> list[str]:
    """The local .cjm files among dropped URLs."""
    return [u.toLocalFile() for u in urls
            if u.isLocalFile() and u.toLocalFile().lower().endswith(PROJECT_SUFFIX)]


class MainWindow(QMainWindow):
    """Journey Studio's window; `open_path`, `set_document` and `switch_map` drive it."""

    document_changed = Signal()  # another document (or none) is shown
    map_switched = Signal(str)  # another map is shown
    persona_requested = Signal(str)  # the canvas asked to open a persona (ReviewTools)

    def __init__(self, palette_factory: PaletteFactory | None = None, *, remember: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.remember = remember  # False for screenshots: no settings or recent files
        self.doc: Document | None = None
        self._doc_subscription: Subscription | None = None
        self.map_id: str | None = None
        self.view: MapView | None = None
        self.selection: list = []
        self.recent = RecentFiles(self)
        self.undo_group = QUndoGroup(self)

        self.pages = QStackedWidget()
        self.start_page = StartPage(self.recent)
        self.start_page.new_requested.connect(self.new_project)
        self.start_page.open_requested.connect(self.open_dialog)
        self.start_page.sample_requested.connect(self.open_sample)
        self.start_page.recent_requested.connect(self.open_path)
        self.no_map_page = window_layout.make_no_map_page(self)
        self.pages.addWidget(self.start_page)
        self.pages.addWidget(self.no_map_page)
        self.setCentralWidget(self.pages)

        self.docks = Docks(self, palette_factory)
        self.inspector = self.docks.inspector
        self.maps_panel = self.docks.maps_panel
        self.maps_panel.map_activated.connect(self.switch_map)
        self.maps_panel.message.connect(self.show_message)
        self.inspector.message.connect(self.show_message)

        self.actions = WindowActions(self)
        self.actions.build_menus()
        self.toolbar = self.actions.build_toolbar()
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.workspace = Workspace(self, [self.docks.palette, self.docks.maps,
                                          self.docks.inspector_dock])
        self.timer = TimerParts(self)  # the status bar's timer, and View ▸ Timer
        self.actions.add_view_toggles([self.timer.menu.menuAction(),
                                       self.workspace.focus, self.workspace.collapse_all,
                                       *self.docks.toggles(), self.toolbar.toggleViewAction()])
        self.review = ReviewTools(self)
        self.saved_views = SavedViews(self)  # View ▸ Saved Views
        self.voting = Voting(self)  # Map ▸ Dot Voting and its dock
        self.wheel = WheelTools(self)  # View ▸ Experience Wheel (app.ui.wheel_dock)
        self.status = StatusParts(self.statusBar())
        self.notice = UndoNotice(self)
        self.server = ServerSession(self)  # offline, presence: a server project's parts
        self.setAcceptDrops(True)
        self.resize(1440, 900)
        if remember:
            window_layout.restore_layout(self)
        self.refresh()

    # -- the document and the map in view ---------------------------------------------

    @property
    def journey(self) -> JourneyMap | None:
        """The map in view, or None."""
        if self.doc is None or self.map_id is None:
            return None
        return self.doc.project.map(self.map_id)

    def set_document(self, doc: Document | None, map_id: str | None = None) -> None:
        """Show another document (closing the previous one), on `map_id` or its first map."""
        old = self.doc
        if old is not None:
            if self._doc_subscription is not None:
                self._doc_subscription.cancel()
                self._doc_subscription = None
            old.failed.disconnect(self._on_failed)
            self.server.detach(old)
            self.undo_group.removeStack(old.undo_stack)
        self._drop_view()
        self.doc = doc
        self.map_id = None
        if doc is not None:
            self.undo_group.addStack(doc.undo_stack)
            self.undo_group.setActiveStack(doc.undo_stack)
            # At once, not coalesced: a deleted map must leave the view before anything
            # else reads it.
            self._doc_subscription = doc.subscribe(self, self._on_doc_changed, coalesce=False)
            doc.failed.connect(self._on_failed)
            self.server.attach(doc)
            if map_id is None or doc.project.map(map_id) is None:
                map_id = doc.project.maps[0].id if doc.project.maps else None
        self.docks.set_document(doc, map_id)
        self.workspace.rail(self.docks.palette).content_changed()
        self.server.show_presence(doc)
        palette = self.docks.palette_widget
        if palette is not None:
            palette.activated.connect(self._palette_activated)
        if old is not None and old is not doc:
            old.close()
            old.deleteLater()
        self._show_map(map_id)
        drafts_prompt.follow(self, doc)
        self.document_changed.emit()

    def switch_map(self, map_id: str) -> None:
        """Show another map of the open project."""
        if self.doc is None or self.doc.project.map(map_id) is None or map_id == self.map_id:
            return
        self._show_map(map_id)

    def show_map_named(self, name: str) -> bool:
        """Show the map called `name` (case-insensitive); False when there is none."""
        journey = self.doc.project.map_named(name) if self.doc is not None else None
        if journey is not None:
            self.switch_map(journey.id)
        return journey is not None

    def step_map(self, delta: int) -> None:
        """Show the next (1) or previous (−1) map of the project."""
        if self.doc is None or not self.doc.project.maps:
            return
        maps = self.doc.project.maps
        index = next((i for i, m in enumerate(maps) if m.id == self.map_id), 0)
        self.switch_map(maps[(index + delta) % len(maps)].id)

    def _show_map(self, map_id: str | None) -> None:
        self.map_id = map_id
        self.selection = []
        if map_id is None:
            self._drop_view()
            self.pages.setCurrentWidget(self.start_page if self.doc is None
                                        else self.no_map_page)
        elif self.view is not None:
            self.view.set_map(map_id)
            self.fit_and_home()
        else:
            self._make_view(map_id)
            self.fit_and_home()
        self.docks.set_map(map_id)
        self.refresh()
        if map_id is not None:
            self.map_switched.emit(map_id)

    def _make_view(self, map_id: str) -> None:
        self._drop_view()
        view = make_map_view(self.doc, map_id)
        self.view = view
        self.actions.place_canvas(view.edit_actions)
        view.setObjectName("mapView")
        view.selection_changed.connect(self._on_selection_changed)
        view.zoom_changed.connect(self._on_zoom_changed)
        view.status_message.connect(self.show_message)
        view.notice.connect(self.notice.show_notice)
        view.persona_activated.connect(self.persona_requested.emit)
        self.pages.addWidget(view)
        self.pages.setCurrentWidget(view)
        view.setFocus(Qt.FocusReason.OtherFocusReason)

    def scroll_home(self) -> None:
        """Start at the map's top-left corner (the persona and first stage), not its middle."""
        view = self.view
        if view is None:
            return
        for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
            bar.setValue(bar.minimum())

    def fit_and_home(self) -> None:
        """Open a map fitted to the canvas's width (legibly), at its top-left corner."""
        view = self.view
        if view is None:
            return
        if self.isVisible() and self.pages.currentWidget() is view:
            view.resize(self.pages.size())  # the layout's size, before it runs
            fit_width(view)
        self.scroll_home()

    def _first_layout(self) -> None:
        # A narrow window (a projector) starts with its docks as rails, then fits the map.
        self.workspace.start_narrow()
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.fit_and_home()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        first = not getattr(self, "_shown_once", False)
        self._shown_once = True
        super().showEvent(event)
        if first:
            # The view centres a large scene when it is first laid out; start at home.
            QTimer.singleShot(0, self._first_layout)

    def _drop_view(self) -> None:
        if self.view is not None:
            self.actions.place_canvas(None)
            self.pages.removeWidget(self.view)
            self.view.deleteLater()
            self.view = None
        self.selection = []

    # -- following the model and the canvas ---------------------------------------------

    def _on_doc_changed(self, _changes: list) -> None:
        if self.doc is None:
            return
        if self.map_id is not None and self.doc.project.map(self.map_id) is None:
            # The map in view was deleted (or its creation undone): show a neighbour.
            maps = self.doc.project.maps
            self._drop_view()
            self._show_map(maps[0].id if maps else None)
            return
        if self.map_id is None and self.doc.project.maps:
            self._show_map(self.doc.project.maps[0].id)
            return
        self.refresh()

    def _palette_activated(self, payload: dict) -> None:
        # A palette entry chosen by keyboard or click lands in the map's current cell.
        if self.view is not None and self.journey is not None:
            self.view.add_palette_item(payload)

    def _on_selection_changed(self, entities: list) -> None:
        self.selection = list(entities)
        self.inspector.set_selection(self.selection)
        self._refresh_actions()

    def _on_zoom_changed(self, factor: float) -> None:
        self.status.show_zoom(factor)

    def _on_failed(self, failure: Failure) -> None:
        # The document has already put the model back as the file holds it.
        failures.report(self, failure)

    def show_message(self, text: str) -> None:
        """A passing note in the status bar; "" clears one that no longer applies."""
        if text:
            self.statusBar().showMessage(text, 5000)
        else:
            self.statusBar().clearMessage()

    def refresh(self) -> None:
        self._refresh_title()
        self.status.show_counts(self.journey)
        self.status.show_zoom(self.view.zoom_factor() if self.view is not None
                              and self.journey is not None else None)
        self.status.show_read_only(self.doc is not None and self.doc.read_only)
        self._refresh_actions()

    def _refresh_title(self) -> None:
        if self.doc is None:
            self.setWindowTitle(APP_TITLE)
            return
        parts = [self.journey.name] if self.journey is not None else []
        parts += [self.doc.project.title, APP_TITLE]
        title = " — ".join(parts)
        if self.doc.read_only:
            title += " " + tr("[read-only]")
        self.setWindowTitle(title)

    def _refresh_actions(self) -> None:
        has_doc = self.doc is not None
        has_map = self.journey is not None and self.view is not None
        writable = has_doc and not self.doc.read_only
        self.actions.update_enabled(has_doc=has_doc, has_map=has_map, writable=writable)
        self.review.update_enabled(has_map=has_map, writable=writable)

    # -- File ---------------------------------------------------------------------------

    def new_project(self) -> bool:
        """Ask for a template, language, title and file, then create and show the project."""
        from app.ui.template_dialog import TemplateDialog

        dialog = TemplateDialog(self, for_project=True)
        if dialog.exec() != TemplateDialog.DialogCode.Accepted:
            return False
        choice = dialog.choice()
        path = ask_new_project_path(self, safe_file_name(choice.title))
        if not path:
            return False
        doc = opening.create_document(self, path, choice.template, choice.language,
                                      choice.title)
        if doc is None:
            return False
        self._adopt(doc, path)
        return True

    def open_dialog(self) -> bool:
        """Ask for a project file and open it."""
        path = ask_open_project(self)
        return self.open_path(path) if path else False

    def open_from_server(self) -> bool:
        """File ▸ Open from Server…: choose a project on a PostgreSQL server and open it."""
        url = self.server.ask_url()
        return self.open_path(url) if url else False

    def open_path(self, path: str, read_only: bool = False, map_name: str | None = None
                  ) -> bool:
        """Open a project file in this window (a failure is shown, and nothing changes)."""
        if self.doc is not None and self.doc.path and _same_file(self.doc.path, path):
            return True
        doc = opening.open_document(self, path, read_only)
        if doc is None:
            if not os.path.exists(path) and self.remember:
                self.recent.remove(os.path.abspath(path))
            return False
        # The file opened may not be the one asked for (a local copy of a network one).
        self._adopt(doc, doc.path or path)
        self.server.opened(doc)
        if map_name:
            self.show_map_named(map_name)
        return True

    def open_sample(self) -> bool:
        """Open the user's copy of the sample project (made on first use)."""
        try:
            path = opening.ensure_sample_copy(current_language())
        except Exception as error:  # noqa: BLE001 - reported in words
            prompts.error(self, tr("Cannot Open the Sample"), str(error))
            return False
        return self.open_path(str(path))

    def _adopt(self, doc: Document, path: str) -> None:
        self.set_document(doc)
        if self.remember:
            self.recent.add(path)

    def save_copy(self) -> bool:
        """Write a copy of the project to another file; this window stays on the original."""
        if self.doc is None:
            return False
        path = ask_save_path(self, tr("Save a Copy As"),
                             safe_file_name(self.doc.project.title) + " copy" + PROJECT_SUFFIX,
                             tr("Journey Studio projects (*.cjm)"), PROJECT_SUFFIX)
        if not path:
            return False
        if self.doc.path and _same_file(self.doc.path, path):
            prompts.error(self, tr("Save a Copy As"),
                          tr("Choose another file: this is the project itself."))
            return False
        try:
            self.doc.save_copy(path)
        except Exception as error:  # noqa: BLE001 - reported in words
            prompts.error(self, tr("Save a Copy As"),
                          tr("The copy could not be written."), str(error))
            return False
        self.show_message(tr("Saved a copy to %1").replace("%1", path))
        return True

    def export_pdf(self) -> None:
        """File ▸ Export ▸ PDF…"""
        if self.journey is not None:
            from app.ui import exporting

            exporting.export(self, "pdf")

    def export_png(self) -> None:
        """File ▸ Export ▸ PNG…"""
        if self.journey is not None:
            from app.ui import exporting

            exporting.export(self, "png")

    def export_svg(self) -> None:
        """File ▸ Export ▸ SVG…"""
        if self.journey is not None:
            from app.ui import exporting

            exporting.export(self, "svg")

    def export_json(self) -> None:
        """File ▸ Export ▸ JSON…"""
        if self.doc is not None:
            from app.ui import exporting

            exporting.export_json(self)

    def import_spreadsheet(self) -> None:
        """File ▸ Import ▸ Spreadsheet…: preview a workbook's or CSV's changes, apply them."""
        if self.doc is not None:
            from app.ui import importing

            importing.import_spreadsheet(self)

    def close_document(self) -> None:
        """Close the project (every change is already saved) and show the start page."""
        self.set_document(None)

    # -- Edit: undo and redo through the document; the rest are the canvas's actions ------

    def undo(self) -> None:
        """Edit ▸ Undo: a failed write leaves the model as the file is, and says so."""
        if self.doc is not None:
            self.doc.attempt(self.doc.undo)

    def redo(self) -> None:
        """Edit ▸ Redo (Ctrl+Shift+Z, Ctrl+Y)."""
        if self.doc is not None:
            self.doc.attempt(self.doc.redo)

    def show_preferences(self) -> None:
        """Edit ▸ Preferences…"""
        from app.ui.preferences import PreferencesDialog

        PreferencesDialog(self).exec()

    # -- Map ------------------------------------------------------------------------------

    def _run(self, action) -> object:
        # The document's door: a refusal or failed write is reported by _on_failed.
        return self.doc.attempt(action)[1]

    def add_stage(self) -> None:
        """Map ▸ Add Stage: a new stage at the end, ready to be named in the inspector."""
        journey = self.journey
        if journey is None or self.doc.read_only:
            return
        title = "Giai đoạn mới" if self.doc.project.language == "vi" else "New stage"
        stage = self._run(lambda: operations.add_stage(self.doc, journey, title))
        if isinstance(stage, Stage):
            self.inspector.set_selection([stage])
            self.reveal(stage.id)

    def add_lane(self, kind: LaneKind) -> None:
        """Map ▸ Add Lane ▸ kind: a new lane at the bottom, titled in the project's language."""
        journey = self.journey
        if journey is None or self.doc.read_only:
            return
        lane = self._run(lambda: operations.add_lane(self.doc, journey, LaneKind(kind)))
        if isinstance(lane, Lane):
            self.inspector.set_selection([lane])
            self.reveal(lane.id)

    def reveal(self, entity_id: str) -> None:
        """Scroll the canvas to a stage, lane or card (a new one would start off-screen)."""
        if self.view is not None:
            from app.canvas.capture import reveal_entity

            reveal_entity(self.view, entity_id)

    def show_project_properties(self) -> None:
        """File ▸ Project Properties…: title, client, author, language, logo, accent."""
        if self.doc is not None:
            from app.dialogs.project_properties import edit_project_properties

            edit_project_properties(self, self.doc)

    def show_map_properties(self) -> None:
        """Map ▸ Map Properties…: every field of the map, applied as one undo step."""
        if self.journey is None:
            return
        if self.doc.read_only:
            self.inspector.set_selection([])  # read-only: the inspector shows them
            self.docks.inspector_dock.show()
            self.docks.inspector_dock.raise_()
            return
        from app.dialogs.map_properties import edit_map_properties

        edit_map_properties(self, self.doc, self.map_id)

    # -- Help -----------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        """Help ▸ Keyboard Shortcuts."""
        from app.ui.help_dialogs import ShortcutsDialog, shortcut_groups

        ShortcutsDialog(shortcut_groups(list(self.actions.menus.values())), self).exec()

    def show_about(self) -> None:
        """Help ▸ About."""
        from app.ui.help_dialogs import show_about

        show_about(self)

    # -- window state, drops and closing -------------------------------------------------

    def save_layout(self) -> None:
        """Remember the window's geometry, docks and rails for the next start."""
        window_layout.save_layout(self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls() and project_files(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        files = project_files(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        # Open after the drop returns: a dialog inside a drop handler blocks the source.
        QTimer.singleShot(0, lambda: self.open_path(files[0]))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.remember:
            self.save_layout()
        if self.doc is not None:
            # Closing folds the WAL back into the file: milliseconds, more for a big one.
            self.show_message(tr("Closing the project…"))
            self.statusBar().repaint()
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.set_document(None)
            finally:
                QApplication.restoreOverrideCursor()
        event.accept()


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)

