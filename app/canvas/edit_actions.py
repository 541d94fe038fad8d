"""The map view's own actions — delete, clipboard, duplicate, select, add, link, zoom.

The view creates them, so their keys work wherever a MapView is shown (the main window,
a snapshot window, a test); the main window places the same objects in its Edit, View
and Map menus and its toolbar. Typed attributes cross that seam, never method names.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence

from app.canvas.i18n import tr
from app.domain.model import Card, EmotionMarker

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.canvas.view import MapView

Key = QKeySequence.StandardKey
# Edit keys act where the user is looking: the canvas (and its in-place editor, which
# claims the text-editing keys for itself). Zoom works from anywhere in the window.
_IN_CANVAS = Qt.ShortcutContext.WidgetWithChildrenShortcut
_IN_WINDOW = Qt.ShortcutContext.WindowShortcut


def _keys(*keys: QKeySequence.StandardKey | str) -> list[QKeySequence]:
    """Key sequences in order, each once (a standard key may already be one of the others)."""
    found: list[QKeySequence] = []
    for key in keys:
        bindings = (QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey)
                    else [QKeySequence(key)])
        found += [b for b in bindings if not b.isEmpty() and b not in found]
    return found


class EditActions(QObject):
    """The actions of one MapView, enabled for its map, selection and document.

    Without a view (`view=None`) they stand in, disabled, while no map is shown.
    """

    def __init__(self, parent: QObject, view: MapView | None = None) -> None:
        super().__init__(parent)
        self.view = view
        v = view
        mac = sys.platform == "darwin"
        self.cut = self._make("cut", tr("Cu&t"), lambda: v and v.cut_selection(),
                              _keys(Key.Cut))
        self.copy = self._make("copy", tr("&Copy"), lambda: v and v.copy_selection(),
                               _keys(Key.Copy))
        self.paste = self._make("paste", tr("&Paste"), lambda: v and v.paste(),
                                _keys(Key.Paste))
        self.duplicate = self._make("duplicate", tr("&Duplicate"),
                                    lambda: v and v.duplicate_selection(), _keys("Ctrl+D"))
        self.delete = self._make("delete", tr("De&lete"), lambda: v and v.delete_selection(),
                                 _keys(Key.Delete, "Backspace"))
        self.select_all = self._make("selectAll", tr("Select &All"),
                                     lambda: v and v.select_all(), _keys(Key.SelectAll))
        self.add_card = self._make("addCard", tr("Add &Card"),
                                   lambda: v and v.add_card_here(capture=True),
                                   _keys("Ctrl+Return", "Ctrl+Enter", "Insert")
                                   if not mac else _keys("Ctrl+Return"))

        def link() -> None:
            if v is not None:
                v.link_selected()

        self.link = self._make("link", tr("Lin&k Selected Cards"), link, _keys("Ctrl+L"))
        self.zoom_in = self._make("zoomIn", tr("Zoom &In"), lambda: v and v.zoom_in(),
                                  _keys(Key.ZoomIn, "Ctrl+="), _IN_WINDOW)
        self.zoom_out = self._make("zoomOut", tr("Zoom &Out"), lambda: v and v.zoom_out(),
                                   _keys(Key.ZoomOut), _IN_WINDOW)
        self.zoom_reset = self._make("zoomReset", tr("&100 %"), lambda: v and v.zoom_reset(),
                                     _keys("Ctrl+0"), _IN_WINDOW)
        self.zoom_fit = self._make("zoomFit", tr("&Fit to Window"), lambda: v and v.zoom_fit(),
                                   _keys("Ctrl+9"), _IN_WINDOW)
        if view is not None:
            view.selection_changed.connect(self.refresh)
            view.doc.changed.connect(self.refresh)
        self.refresh()

    def all(self) -> list[QAction]:
        """Every action, in menu order."""
        return [self.cut, self.copy, self.paste, self.duplicate, self.delete,
                self.select_all, self.add_card, self.link, self.zoom_in, self.zoom_out,
                self.zoom_reset, self.zoom_fit]

    def _make(self, name: str, text: str, slot: Callable[[], object],
              keys: list[QKeySequence], context: Qt.ShortcutContext = _IN_CANVAS) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"canvas_{name}")
        action.setShortcuts(keys)
        action.setShortcutContext(context)
        plain = text.replace("&", "")
        shown = keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
        action.setToolTip(f"{plain} ({shown})" if shown else plain)
        action.triggered.connect(lambda _checked=False: slot())
        if self.view is not None:
            self.view.addAction(action)  # its keys work wherever the view is
        return action

    def trigger_for(self, event: QKeyEvent) -> bool:
        """Trigger the enabled action whose key this is; False when there is none."""
        pressed = QKeySequence(event.keyCombination())
        for action in self.all():
            if action.isEnabled() and pressed in action.shortcuts():
                action.trigger()
                return True
        return False

    def refresh(self, *_args: object) -> None:
        """Enable what makes sense for the map, the selection and the document now."""
        view = self.view
        scene = view.map_scene if view is not None else None
        has_map = scene is not None and scene.journey is not None
        writable = has_map and view is not None and not view.doc.read_only
        selected = view.selected_entities() if has_map and view is not None else []
        clip = [e for e in selected if isinstance(e, (Card, EmotionMarker))]
        for action in (self.select_all, self.zoom_in, self.zoom_out, self.zoom_reset,
                       self.zoom_fit):
            action.setEnabled(has_map)
        for action in (self.paste, self.add_card):
            action.setEnabled(writable)
        self.copy.setEnabled(bool(clip))
        self.cut.setEnabled(writable and bool(clip))
        self.duplicate.setEnabled(writable and bool(selected))
        self.delete.setEnabled(writable and bool(selected))
        self.link.setEnabled(writable and sum(isinstance(e, Card) for e in selected) == 2)
