"""View ▸ Saved Views: name the current filter, hidden lanes and zoom; bring them back.

A saved view lives in the map (app.domain.model.SavedView) and changes only through
app.document.operations_links, one undo step each. Applying one sets the window's
find-and-filter state (app.ui.focus) and the canvas zoom, which stay view-only; the
status bar names the view applied, with "changed" once the filter drifts from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMenu

from app.canvas.highlight import Highlight, Look
from app.document import operations_links as links
from app.document.subscription import Subscription
from app.domain.model import SavedView
from app.ui.focus import MapFocus, focus_of, resubscribe
from app.ui.voting import window_actions

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

# Ctrl+1…Ctrl+8 apply the first views; Ctrl+9 and Ctrl+0 are the canvas's fit and 100 %.
QUICK_KEYS = 8


def tr(text: str) -> str:
    """Translate in the saved views' context."""
    return QCoreApplication.translate("SavedViews", text)


def view_label(number: int, name: str) -> str:
    """A menu entry: "&1 Pains" (the name's own "&" kept as text)."""
    shown = name.replace("&", "&&")
    return f"&{number} {shown}" if number <= 9 else shown


class SavedViews(QObject):
    """The Saved Views menu of one main window and the view applied in it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.applied_id: str | None = None
        actions = window_actions(window)
        make = actions._make  # same tooltips and window registration
        self.save = make(tr("&Save Current View…"), self.ask_and_save)
        self.save.setObjectName("saveView")
        self.manage = make(tr("&Manage Views…"), self.show_manager)
        self.manage.setObjectName("manageViews")
        self.quick: list[QAction] = []
        for n in range(1, QUICK_KEYS + 1):
            action = make(tr("View %1").replace("%1", str(n)),
                          lambda n=n: self.apply_nth(n - 1), QKeySequence(f"Ctrl+{n}"))
            action.setObjectName(f"applyView{n}")
            self.quick.append(action)
        self.menu = QMenu(tr("Saved Vie&ws"), window)
        self.menu.setObjectName("savedViewsMenu")
        self.menu.aboutToShow.connect(self.fill_menu)
        view_menu = actions.menus["view"]
        after_filter = view_menu.actions()[view_menu.actions().index(actions.filter) + 1]
        view_menu.insertMenu(after_filter, self.menu)
        self.label = QLabel()
        self.label.setObjectName("savedViewStatus")
        self.label.setStyleSheet("QLabel { padding: 0px 8px; color: #1F5FAD; font-weight: bold; }")
        self.label.hide()
        window.statusBar().insertPermanentWidget(0, self.label)
        self.focus: MapFocus = focus_of(window)
        self.focus.changed.connect(self.show_applied)
        window.document_changed.connect(self._forget)
        window.map_switched.connect(self._forget)
        self._subscription: Subscription | None = None
        window.document_changed.connect(self._follow_document)
        # A presentation shows the view applied, and Ctrl+1…8 step it through the views.
        self._presented: Highlight | None = None
        actions.presenter.action.toggled.connect(
            lambda on: on and QTimer.singleShot(0, self.show_in_presentation))
        self.fill_menu()

    # -- the menu -------------------------------------------------------------------------

    def views(self) -> list[SavedView]:
        """The saved views of the map in view, in menu order."""
        journey = self.window.journey
        return list(journey.views) if journey is not None else []

    def fill_menu(self) -> None:
        """Rebuild the submenu: save, the views (the applied one ticked), manage."""
        menu = self.menu
        menu.clear()
        has_map = self.window.journey is not None and self.window.view is not None
        writable = has_map and self.window.doc is not None and not self.window.doc.read_only
        self.save.setEnabled(writable)
        menu.addAction(self.save)
        menu.addSeparator()
        views = self.views()
        for i, view in enumerate(views):
            if i < QUICK_KEYS:
                action = self.quick[i]
                action.setText(view_label(i + 1, view.name))
            else:
                action = QAction(view_label(i + 1, view.name), menu)
                action.triggered.connect(lambda _c=False, v=view.id: self.apply(v))
            action.setCheckable(True)
            action.setChecked(view.id == self.applied_id)
            menu.addAction(action)
        for action in self.quick[len(views):]:
            action.setText(tr("View %1").replace("%1", str(self.quick.index(action) + 1)))
            action.setCheckable(False)
        for i, action in enumerate(self.quick):
            action.setEnabled(has_map and i < len(views))
        if not views:
            menu.addAction(tr("No saved views")).setEnabled(False)
        menu.addSeparator()
        self.manage.setEnabled(writable and bool(views))
        menu.addAction(self.manage)

    def _follow_document(self) -> None:
        self._subscription = resubscribe(self._subscription, self.window.doc, self,
                                         self._on_model)
        self.fill_menu()

    def _on_model(self, changes: list) -> None:
        if any(isinstance(c.entity, SavedView) for c in changes):
            journey = self.window.journey
            if self.applied_id and (journey is None or journey.view(self.applied_id) is None):
                self.applied_id = None
            self.fill_menu()
            self.show_applied()

    def _forget(self, *_args) -> None:
        self.applied_id = None
        self.fill_menu()
        self.show_applied()

    # -- saving ---------------------------------------------------------------------------

    def current_state(self) -> dict:
        """The window's filter, hide mode, hidden lanes and zoom, as a view holds them."""
        focus, journey, view = self.focus, self.window.journey, self.window.view
        lanes = [ln.id for ln in journey.lanes if ln.id in focus.hidden_lanes] if journey else []
        return {"filter": focus.criteria, "hide": focus.hide, "hidden_lane_ids": lanes,
                "zoom": round(view.zoom_factor(), 4) if view is not None else None}

    def ask_and_save(self) -> SavedView | None:
        """View ▸ Saved Views ▸ Save Current View…: ask a name, then save (one undo step)."""
        journey, doc = self.window.journey, self.window.doc
        if journey is None or doc is None or doc.read_only:
            return None
        suggestion = tr("View %1").replace("%1", str(len(journey.views) + 1))
        name, ok = QInputDialog.getText(self.window, tr("Save Current View"),
                                        tr("Name of the view:"), QLineEdit.EchoMode.Normal,
                                        suggestion)
        if not ok:
            return None
        return self.save_as(name)

    def save_as(self, name: str) -> SavedView | None:
        """Save the current state under `name`; a refusal (a taken name) is told in one line."""
        journey, doc = self.window.journey, self.window.doc
        if journey is None or doc is None:
            return None
        state = self.current_state()
        done, view = doc.attempt(lambda: links.add_view(doc, journey, name, **state))
        if done and view is not None:
            self.applied_id = view.id
            self.fill_menu()
            self.show_applied()
            self.window.show_message(tr("Saved the view “%1”.").replace("%1", view.name))
        return view

    def update_to_current(self, view: SavedView) -> bool:
        """Replace a view's filter, lanes and zoom with the window's (one undo step)."""
        doc = self.window.doc
        if doc is None:
            return False
        done, _ = doc.attempt(lambda: links.update_view(doc, view, **self.current_state()))
        if done:
            self.applied_id = view.id
            self.show_applied()
        return done

    # -- applying -------------------------------------------------------------------------

    def apply_nth(self, index: int) -> None:
        """Ctrl+1…Ctrl+8: apply the view at that place in the menu."""
        views = self.views()
        if 0 <= index < len(views):
            self.apply(views[index].id)

    def apply(self, view_id: str) -> bool:
        """Show the map as the view says: filter, dim or hide, hidden lanes, zoom."""
        journey, canvas = self.window.journey, self.window.view
        view = journey.view(view_id) if journey is not None else None
        if journey is None or view is None or canvas is None:
            return False
        lanes = {ln.id for ln in journey.lanes}
        focus = self.focus
        focus.criteria = view.filter
        focus.hide = view.hide
        focus.hidden_lanes = {i for i in view.hidden_lane_ids if i in lanes}
        self.applied_id = view.id  # before update(): the label follows focus.changed
        focus.update()
        panel = getattr(self.window, "filter_panel", None)
        if panel is not None:
            panel.show_focus()
        if view.zoom is None:
            canvas.zoom_fit()
        else:
            canvas.set_zoom(view.zoom)
        self.fill_menu()
        self.show_applied()
        self.show_in_presentation()
        return True

    def show_in_presentation(self) -> None:
        """While presenting, dim or hide on the room's picture what the view applied does."""
        presented = window_actions(self.window).presenter.view
        scene = presented.map_scene if presented is not None else None
        journey = self.window.journey
        view = journey.view(self.applied_id) if journey is not None and self.applied_id else None
        if scene is None or view is None:
            return
        if self._presented is None or self._presented.scene is not scene:
            self._presented = Highlight(scene)
        look = self.focus.look  # the filter's part only: no find rings for the room
        self._presented.show(Look(dimmed=set(look.dimmed), hidden=set(look.hidden),
                                  hidden_lanes=set(look.hidden_lanes)))

    def matches(self, view: SavedView) -> bool:
        """True while the window shows exactly what the view holds (zoom aside)."""
        focus = self.focus
        return (focus.criteria == view.filter and focus.hide == view.hide
                and focus.hidden_lanes == set(view.hidden_lane_ids))

    def show_applied(self) -> None:
        """The status bar's “View: Pains” (or “View: Pains (changed)”)."""
        journey = self.window.journey
        view = journey.view(self.applied_id) if journey and self.applied_id else None
        if view is None:
            self.label.hide()
            return
        text = tr("View: %1").replace("%1", view.name)
        if not self.matches(view):
            text = tr("View: %1 (changed)").replace("%1", view.name)
        self.label.setText(text)
        self.label.show()

    # -- managing -------------------------------------------------------------------------

    def show_manager(self) -> None:
        """View ▸ Saved Views ▸ Manage Views…"""
        from app.dialogs.views_dialog import ViewsDialog

        journey, doc = self.window.journey, self.window.doc
        if journey is None or doc is None:
            return
        dialog = ViewsDialog(doc, journey.id, self.update_to_current, self.window)
        dialog.exec()


def saved_views_of(window: MainWindow) -> SavedViews:
    """The window's saved-views controller (made with the window)."""
    views: SavedViews = window.saved_views
    return views
