"""Presentation mode (View ▸ Present, F5): the map shown to a room, stage by stage.

With one screen the window itself presents: full screen, no menus, docks, toolbars or
status bar, the map in a PresentView (app.canvas.present_view); Esc brings the editor
back as it was (docks, toolbars, zoom and scroll). With a second screen the projector
gets an audience window showing the same model, and the laptop keeps the editor:
PageDown/PageUp step the audience's spotlight, and selecting a card in the editor
brings its stage into the spotlight; Esc in the audience window, or closing it, ends
the presentation and gives the keyboard back to the editor. A card added while
presenting goes through the document like any other edit (one undo step) and both
views show it at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import QDockWidget, QLabel, QToolBar, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from app.canvas.present_view import PresentView, Step
    from app.canvas.view import MapView
    from app.ui.main_window import MainWindow


def presenter_of(window: Any) -> Presenter:
    """The presentation controller of a main window (its WindowActions hold it)."""
    presenter: Presenter = window.actions.presenter
    return presenter


def tr(text: str) -> str:
    """Translate in the presentation's context."""
    return QCoreApplication.translate("Present", text)


def step_text(view: PresentView) -> str:
    """“Stage 2 of 6 — Purchase”, in the interface's language."""
    journey, step = view.journey, view.step
    if journey is None:
        return ""
    count = len(journey.stages)
    if step.stage is None or step.stage >= count:
        return tr("Overview — %1 stages").replace("%1", str(count))
    text = (tr("Stage %1 of %2 — %3").replace("%1", str(step.stage + 1))
            .replace("%2", str(count)).replace("%3", journey.stages[step.stage].title))
    if step.lanes is not None and journey.lanes:
        text += " · " + (tr("lane %1 of %2").replace("%1", str(step.lanes))
                         .replace("%2", str(len(journey.lanes))))
    return text


class AudienceWindow(QWidget):
    """The projector's window: one PresentView, full screen on the other screen."""

    closed = Signal()  # closed by the window manager (or Alt+F4): the presentation ends

    def __init__(self, view: PresentView) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("audienceWindow")
        self.setWindowTitle(tr("Journey Studio — Audience"))
        self.view = view
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(view)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().closeEvent(event)
        self.closed.emit()


class Presenter(QObject):
    """Starts and stops presenting for one main window; holds its View ▸ Present actions."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view: PresentView | None = None
        self.audience: AudienceWindow | None = None
        self.label: QLabel | None = None
        self._saved: dict[str, Any] = {}
        self._has_map = False
        # Which screens there are: QGuiApplication's, or a test's stand-in.
        self.screens: Callable[[], list[QScreen]] = QGuiApplication.screens
        self.action = self._action(tr("Pr&esent"), self.toggle, "F5", checkable=True)
        self.action.setObjectName("present")
        self.next = self._action(tr("Nex&t Stage"), lambda: self.advance(1), "PgDown")
        self.next.setObjectName("presentNext")
        self.previous = self._action(tr("Pre&vious Stage"), lambda: self.advance(-1), "PgUp")
        self.previous.setObjectName("presentPrevious")
        self.reveal = self._action(tr("&Reveal Lane by Lane"), self._set_reveal, "Ctrl+Alt+L",
                                   checkable=True)
        self.reveal.setObjectName("presentReveal")
        window.map_switched.connect(self._map_switched)
        window.document_changed.connect(self._document_changed)
        self._refresh()

    def actions(self) -> list[QAction]:
        """The View menu's entries, in order."""
        return [self.action, self.next, self.previous, self.reveal]

    def _action(self, text: str, slot: Callable[[], object], key: str,
                checkable: bool = False) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(key))
        action.setCheckable(checkable)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text.replace('&', '')} ({keys})")
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # the keys work with the menu bar hidden
        return action

    # -- state ------------------------------------------------------------------------------

    @property
    def presenting(self) -> bool:
        """True while a presentation is on."""
        return self.view is not None

    def update_enabled(self, has_map: bool) -> None:
        """Present needs a map; stepping needs a presentation."""
        self._has_map = has_map
        self.action.setEnabled(has_map or self.presenting)
        self._refresh()

    def _refresh(self) -> None:
        self.action.setChecked(self.presenting)
        for action in (self.next, self.previous):
            action.setEnabled(self.presenting)

    def audience_screen(self) -> QScreen | None:
        """The screen for the room when there is a second one, else None."""
        screens = list(self.screens())
        if len(screens) < 2:
            return None
        here = self.window.screen()
        others = [s for s in screens if s is not here]
        return others[0] if others else screens[1]

    # -- starting and stopping -----------------------------------------------------------------

    def toggle(self) -> None:
        """View ▸ Present (F5): start, or stop when presenting."""
        if self.presenting:
            self.stop()
        else:
            self.start()

    def start(self, stage: int | None = 0, full_screen: bool = True) -> bool:
        """Present the map in view from `stage` (0-based; None: the overview)."""
        w = self.window
        if self.presenting or w.doc is None or w.view is None or w.map_id is None:
            self._refresh()
            return False
        w.view.close_editor()
        from app.canvas.present_view import PresentView  # on first use: cold start

        view = PresentView(w.doc, w.map_id)
        view.set_reveal(self.reveal.isChecked())
        self.view = view
        self.label = QLabel(view)
        self.label.setObjectName("presentStatus")
        self.label.setStyleSheet("background: rgba(31, 35, 40, 170); color: #FFFFFF;"
                                 " border-radius: 4px; padding: 3px 8px; font-size: 13px;")
        view.installEventFilter(self)
        view.step_changed.connect(self._on_step)
        view.leave_requested.connect(self.stop)
        screen = self.audience_screen()
        if screen is not None:
            self._start_audience(view, screen, full_screen)
        else:
            self._take_window(view, w.view, full_screen)
        view.go_stage(stage)
        self._on_step(view.step)
        self._refresh()
        return True

    def _take_window(self, view: PresentView, editor: MapView, full_screen: bool) -> None:
        w = self.window
        self._saved = {
            "state": w.saveState(), "window": w.windowState(),
            "menu": w.menuBar().isVisible(), "status": w.statusBar().isVisible(),
            "zoom": editor.zoom_factor(),
            "scroll": (editor.horizontalScrollBar().value(),
                       editor.verticalScrollBar().value()),
        }
        for widget in [*w.findChildren(QDockWidget), *w.findChildren(QToolBar)]:
            widget.hide()
        w.menuBar().hide()
        w.statusBar().hide()
        w.pages.addWidget(view)
        w.pages.setCurrentWidget(view)
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        if full_screen:
            w.showFullScreen()

    def _start_audience(self, view: PresentView, screen: QScreen, full_screen: bool) -> None:
        audience = AudienceWindow(view)
        audience.closed.connect(self.stop)
        self.audience = audience
        audience.setScreen(screen)
        audience.setGeometry(screen.geometry())
        if full_screen:
            audience.showFullScreen()
        else:
            audience.show()
        if self.window.view is not None:
            self.window.view.selection_changed.connect(self._follow_selection)
        self.window.activateWindow()  # the facilitator keeps typing in the editor

    def stop(self) -> None:
        """Leave presenting: the editor comes back as it was."""
        view = self.view
        if view is None:
            return
        self.view = None
        w = self.window
        view.removeEventFilter(self)
        view.detach()
        if self.audience is not None:
            if w.view is not None:
                try:
                    w.view.selection_changed.disconnect(self._follow_selection)
                except (RuntimeError, TypeError):
                    pass  # the editor's view was replaced meanwhile
            audience, self.audience = self.audience, None
            audience.closed.disconnect(self.stop)
            audience.close()
            audience.deleteLater()
            w.statusBar().clearMessage()
            # Esc in the projector's window: the keyboard goes back to the editor.
            w.activateWindow()
            w.raise_()
            if w.view is not None:
                w.view.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._give_window_back(view)
        view.deleteLater()
        self.label = None
        self.update_enabled(self._has_map)

    def _give_window_back(self, view: PresentView) -> None:
        w, saved = self.window, self._saved
        w.pages.removeWidget(view)
        view.hide()
        state = saved.get("window", Qt.WindowState.WindowNoState)
        w.setWindowState(state)
        if isinstance(saved.get("state"), QByteArray):
            w.restoreState(saved["state"])
        w.menuBar().setVisible(saved.get("menu", True))
        w.statusBar().setVisible(saved.get("status", True))
        editor = w.view
        if editor is not None:
            w.pages.setCurrentWidget(editor)
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
            self._restore_view(saved)
            # Once the window is back at its size (a window manager resizes it later).
            QTimer.singleShot(0, lambda: self._restore_view(saved))

    def _restore_view(self, saved: dict[str, Any]) -> None:
        editor = self.window.view
        if editor is None or self.presenting or "zoom" not in saved:
            return
        if editor.zoom_factor() != saved["zoom"]:
            editor.set_zoom(saved["zoom"])
        h, v = saved["scroll"]
        editor.horizontalScrollBar().setValue(h)
        editor.verticalScrollBar().setValue(v)

    # -- stepping ---------------------------------------------------------------------------------

    def advance(self, delta: int) -> None:
        """Next (1) or previous (−1) step; the overview comes after the last stage."""
        if self.view is not None:
            self.view.advance(delta)

    def _set_reveal(self) -> None:
        if self.view is not None:
            self.view.set_reveal(self.reveal.isChecked())

    def _on_step(self, _step: Step) -> None:
        view, label = self.view, self.label
        if view is None or label is None:
            return
        text = step_text(view)
        label.setText(text)
        label.adjustSize()
        self._place_label()
        if self.audience is not None:
            self.window.statusBar().showMessage(text)

    def _place_label(self) -> None:
        view, label = self.view, self.label
        if view is not None and label is not None:
            label.move(12, max(0, view.height() - label.height() - 12))
            label.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self._place_label()
        return False

    def _follow_selection(self, entities: list) -> None:
        view = self.view
        journey = view.journey if view is not None else None
        stage_ids = [s.id for s in journey.stages] if journey is not None else []
        stage_id = next((getattr(e, "stage_id", None) for e in reversed(entities)
                         if getattr(e, "stage_id", None) in stage_ids), None)
        if view is not None and stage_id is not None \
                and view.step.stage != stage_ids.index(stage_id):
            view.go_stage(stage_ids.index(stage_id), all_lanes=True)

    # -- the window's document and map ----------------------------------------------------------

    def _map_switched(self, map_id: str) -> None:
        if self.view is not None and self.view.map_scene is not None \
                and self.view.map_scene.map_id != map_id:
            self.view.set_map(map_id)

    def _document_changed(self) -> None:
        view, w = self.view, self.window
        if view is not None and (w.doc is not view.doc or w.map_id is None):
            self.stop()
