"""The review tools of the main window: personas, channels, snapshots, compare, insights.

Kept out of main_window.py so that module stays about the window itself; this one adds
its actions to the Map menu, an Insights dock, and follows the window's document and map.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget

from app.domain.model import JourneyMap, Project
from app.ui.docks import LazyDock

if TYPE_CHECKING:
    from app.document.document import Document
    from app.ui.insights_panel import InsightsPanel
    from app.ui.main_window import MainWindow


def tr(text: str) -> str:
    """Translate in the main window's context."""
    return QCoreApplication.translate("MainWindow", text)


def compare_partner(project: Project, journey: JourneyMap) -> str | None:
    """What a map is naturally compared with: its origin, its future state, or a snapshot."""
    if journey.derived_from_id and project.map(journey.derived_from_id) is not None:
        return journey.derived_from_id
    derived = next((m for m in project.maps if m.derived_from_id == journey.id), None)
    if derived is not None:
        return derived.id
    snapshots = [s for s in project.snapshots if s.map_id == journey.id]
    if snapshots:
        return snapshots[-1].id
    other = next((m for m in project.maps if m.id != journey.id), None)
    return other.id if other is not None else None


def _insights_panel(doc: Document, map_id: str | None, dock: QDockWidget) -> InsightsPanel:
    from app.ui.insights_panel import InsightsPanel  # imported when first shown: cold start

    return InsightsPanel(doc, map_id, dock)


class ReviewTools:
    """Personas, channels, snapshots, compare and the insights dock for one main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        make = window.actions._make  # same tooltips, shortcuts and window registration
        self.personas = make(tr("P&ersonas…"), self.show_personas, QKeySequence("Ctrl+Shift+P"))
        self.channels = make(tr("C&hannels…"), self.show_channels)
        self.take_snapshot = make(tr("&Take Snapshot…"), self.snapshot,
                                  QKeySequence("Ctrl+Shift+T"))
        self.snapshots = make(tr("Sn&apshots…"), self.show_snapshots)
        self.compare = make(tr("C&ompare Maps…"), self.show_compare,
                            QKeySequence("Ctrl+Shift+C"))
        # Hidden until asked for (View ▸ Insights): the canvas and the inspector come
        # first in a workshop; the window's saved layout brings it back once shown.
        self.lazy = LazyDock(window, tr("Insights"), "insightsDock",
                             tr("Insights appear here when a map is open."), _insights_panel)
        self.insights_dock = self.lazy.dock
        window.tabifyDockWidget(window.docks.inspector_dock, self.insights_dock)
        self.insights_dock.hide()
        window.docks.inspector_dock.raise_()
        self.insights_dock.toggleViewAction().setText(tr("Insi&ghts"))
        window.actions.add_view_toggles([self.insights_dock.toggleViewAction()])
        map_menu = window.actions.menus["map"]
        first = map_menu.actions()[map_menu.actions().index(window.actions.map_properties) + 1]
        map_menu.insertActions(first, [self.personas, self.channels])
        map_menu.insertSeparator(first)
        map_menu.insertActions(first, [self.take_snapshot, self.snapshots, self.compare,
                                       self.insights_dock.toggleViewAction()])
        map_menu.insertSeparator(first)

        window.persona_requested.connect(self.open_persona)

    @property
    def panel(self) -> InsightsPanel | None:
        """The insights panel, once its dock has been shown for a document."""
        return cast("InsightsPanel | None", self.lazy.content)

    def update_enabled(self, *, has_map: bool, writable: bool) -> None:
        """Writing tools need a writable project; looking tools only a map."""
        for action in (self.personas, self.channels, self.take_snapshot):
            action.setEnabled(has_map and writable)
        for action in (self.snapshots, self.compare):
            action.setEnabled(has_map)

    def actions(self) -> list[QAction]:
        """Every action this adds (for tests and the shortcuts list)."""
        return [self.personas, self.channels, self.take_snapshot, self.snapshots, self.compare]

    # -- the tools ------------------------------------------------------------------------

    def show_personas(self) -> None:
        """Map ▸ Personas…: the personas manager."""
        if self.window.doc is not None:
            from app.dialogs.persona_dialog import edit_personas

            edit_personas(self.window, self.window.doc, self.window.map_id)

    def open_persona(self, persona_id: str) -> None:
        """The persona card was double-clicked: its editor, or the manager when none."""
        doc = self.window.doc
        if doc is None or doc.read_only:
            return
        if persona_id and doc.project.persona(persona_id) is not None:
            from app.dialogs.persona_dialog import edit_persona

            edit_persona(self.window, doc, persona_id)
        else:
            self.show_personas()

    def show_channels(self) -> None:
        """Map ▸ Channels…: the channel catalogue."""
        if self.window.doc is not None:
            from app.dialogs.channels_dialog import edit_channels

            edit_channels(self.window, self.window.doc)

    def snapshot(self) -> None:
        """Map ▸ Take Snapshot…"""
        if self.window.doc is not None and self.window.map_id is not None:
            from app.dialogs.snapshot_dialogs import take_snapshot

            taken = take_snapshot(self.window, self.window.doc, self.window.map_id)
            if taken is not None:
                self.window.show_message(tr("Snapshot “%1” taken").replace("%1", taken.name))

    def show_snapshots(self) -> None:
        """Map ▸ Snapshots…; shows a map restored from one."""
        if self.window.doc is None:
            return
        from app.dialogs.snapshot_dialogs import manage_snapshots
        from app.ui import compare_window  # noqa: F401 (registers the viewers the dialog offers)

        restored = manage_snapshots(self.window, self.window.doc, self.window.map_id)
        if restored is not None:
            self.window.switch_map(restored)

    def show_compare(self) -> None:
        """Map ▸ Compare Maps…: the map in view against its natural partner."""
        doc, journey = self.window.doc, self.window.journey
        if doc is None or journey is None:
            return
        partner = compare_partner(doc.project, journey)
        if partner is None:
            self.window.show_message(tr("Create a future state or take a snapshot to compare "
                                        "this map with."))
            return
        before, after = (partner, journey.id) if journey.derived_from_id == partner else (
            journey.id, partner)
        if doc.project.snapshot(partner) is not None:
            before, after = partner, journey.id
        from app.ui import compare_window

        compare_window.open_compare(self.window, doc, before, after)
