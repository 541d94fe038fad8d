"""What find and filter ask of the map in view: the state shared by the find bar and the
filter panel, turned into a Look on the canvas (app.canvas.highlight).

View-only state: the query, the filter, dim or hide, and the hidden lanes are not
written to the file and are not undoable. It follows the model (Document.subscribe), so
a card edited to match joins the hits; a map switch keeps the query and filter (the
hidden lanes belong to one map), another document starts afresh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QLabel
from shiboken6 import isValid

from app.canvas.highlight import Highlight, Look
from app.document.subscription import Subscription
from app.domain.search import Filter, Finder, Hit, Passing, apply_filter

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def tr(text: str) -> str:
    """Translate in the filter's context."""
    return QCoreApplication.translate("Filter", text)


def resubscribe(old: Subscription | None, doc, owner: QObject, callback
                ) -> Subscription | None:
    """Follow another document (or none): end `old`, subscribe `callback` to `doc`."""
    if old is not None:
        old.cancel()
    return doc.subscribe(owner, callback) if doc is not None else None


class MapFocus(QObject):
    """Find hits, the current hit and the filter of one window's map in view."""

    changed = Signal()  # hits, the current hit or the filter's counts changed
    # The model or the map in view changed (True: and the filter was reset with it).
    model_changed = Signal(bool)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.query = ""
        self.hits: list[Hit] = []
        self.current = -1
        self.criteria = Filter()
        self.hide = False
        self.hidden_lanes: set[str] = set()
        self.passing: Passing | None = None
        self.finder = Finder()
        self._highlight: Highlight | None = None
        self._subscription: Subscription | None = None
        self.status = QLabel()
        self.status.setObjectName("filterStatus")
        self.status.setStyleSheet("QLabel { padding: 0px 8px; color: #8A4B00;"
                                  " font-weight: bold; }")
        self.status.hide()
        window.statusBar().insertPermanentWidget(0, self.status)
        window.document_changed.connect(self._on_document)
        window.map_switched.connect(self._on_map)
        self._on_document()

    # -- what the find bar and the filter panel call -------------------------------------

    @property
    def current_hit(self) -> Hit | None:
        """The hit the find bar points at, or None."""
        return self.hits[self.current] if 0 <= self.current < len(self.hits) else None

    def set_query(self, query: str) -> None:
        """Find `query` (blank: find nothing) and show its first hit."""
        if query == self.query:
            return
        self.query = query
        self.current = 0
        self.update(scroll=True)

    def step(self, delta: int) -> None:
        """Move to the next (1) or previous (−1) hit, round the end, and show it."""
        if not self.hits:
            return
        self.current = (self.current + delta) % len(self.hits)
        self.update(scroll=True)

    def set_filter(self, criteria: Filter) -> None:
        """Filter the map by `criteria`."""
        self.criteria = criteria
        self.update()

    def set_hide(self, hide: bool) -> None:
        """Hide (True) or dim (False) the cards the filter leaves out."""
        self.hide = hide
        self.update()

    def set_lane_hidden(self, lane_id: str, hidden: bool) -> None:
        """Hide or show one lane of the map in view."""
        if hidden:
            self.hidden_lanes.add(lane_id)
        else:
            self.hidden_lanes.discard(lane_id)
        self.update()

    def clear_filter(self) -> None:
        """Show every card and lane again (the find query stays)."""
        self.criteria = Filter()
        self.hidden_lanes.clear()
        self.update()

    @property
    def look(self) -> Look:
        """What the canvas shows of find and filter now."""
        return self._highlight.look if self._highlight is not None else Look()

    @property
    def filtering(self) -> bool:
        """True when the filter or hidden lanes leave something out."""
        return not self.criteria.empty or bool(self.hidden_lanes)

    # -- following the window and the model ---------------------------------------------

    def _on_document(self) -> None:
        self._subscription = resubscribe(self._subscription, self.window.doc, self,
                                         self._on_model)
        self.criteria = Filter()
        self.hidden_lanes.clear()
        self.update()
        self.model_changed.emit(True)

    def _on_map(self, _map_id: str) -> None:
        self.hidden_lanes.clear()
        self.update()
        self.model_changed.emit(True)

    def _on_model(self, _changes: list) -> None:
        self.update()
        self.model_changed.emit(False)

    def _scene_highlight(self) -> Highlight | None:
        view = self.window.view
        scene = view.map_scene if view is not None else None
        old = self._highlight
        if old is not None and (scene is None or old.scene is not scene):
            if isValid(old.scene):
                old.detach()
            self._highlight = old = None
        if old is None and scene is not None:
            self._highlight = Highlight(scene)
        return self._highlight

    def update(self, scroll: bool = False) -> None:
        """Find and filter again over the map in view, and show the result."""
        journey = self.window.journey
        highlight = self._scene_highlight()
        previous = self.current_hit
        if journey is None or highlight is None:
            self.hits, self.current, self.passing = [], -1, None
            self.status.hide()
            self.changed.emit()
            return
        if not self.query and not self.filtering:
            # Nothing asked for: no pass over the map's cards, so an edit costs the same
            # at 5,000 cards as at 50 while find and filter are idle.
            self.hits, self.current, self.passing = [], -1, None
            highlight.show(Look())
            self.status.hide()
            self.changed.emit()
            return
        passing = apply_filter(journey, self.criteria) if not self.criteria.empty else None
        lanes = self.hidden_lanes
        lane_of = {c.id: c.lane_id for c in journey.cards}
        lane_of.update((m.id, m.lane_id) for m in journey.markers)
        kept: set[str] | None = None if passing is None else passing.cards | passing.markers
        self.hits = [h for h in self.finder.find(journey, self.query)
                     if h.entity_id not in lanes and lane_of.get(h.entity_id) not in lanes
                     and (kept is None or h.kind in ("stage", "lane") or h.entity_id in kept)]
        if previous is not None and not scroll and previous in self.hits:
            self.current = self.hits.index(previous)  # an edit elsewhere keeps the place
        elif self.hits:
            self.current = min(max(self.current, 0), len(self.hits) - 1)
        else:
            self.current = -1
        self.passing = passing
        look = Look(hidden_lanes=set(lanes))
        if kept is not None:
            left_out = set(lane_of).difference(kept)
            if self.hide:
                look.hidden = left_out
            else:
                look.dimmed = left_out
        if self.query:
            found = {h.entity_id for h in self.hits}
            look.dimmed |= set(lane_of).difference(found, look.hidden)
            look.matches = [h.entity_id for h in self.hits]
            hit = self.current_hit
            look.current = hit.entity_id if hit is not None else None
        highlight.show(look)
        self._show_status(passing)
        if scroll:
            self._scroll_to_current(highlight)
        self.changed.emit()

    def _show_status(self, passing: Passing | None) -> None:
        if passing is None and not self.hidden_lanes:
            self.status.hide()
            return
        journey = self.window.journey
        total = len(journey.cards) if journey is not None else 0
        shown = len(passing.cards) if passing is not None else total
        if self.hidden_lanes and journey is not None:
            shown = sum(1 for c in journey.cards if c.lane_id not in self.hidden_lanes
                        and (passing is None or c.id in passing.cards))
        self.status.setText(tr("Filter: %1 of %2 cards").replace("%1", str(shown))
                            .replace("%2", str(total)))
        self.status.show()

    def _scroll_to_current(self, highlight: Highlight) -> None:
        hit = self.current_hit
        view = self.window.view
        if hit is None or view is None:
            return
        rect = highlight.rect_of(hit.entity_id)
        if rect is not None:
            view.centerOn(rect.center())


def focus_of(window: MainWindow) -> MapFocus:
    """The window's find-and-filter state, made on first use."""
    focus = getattr(window, "map_focus", None)
    if not isinstance(focus, MapFocus):
        focus = MapFocus(window)
        setattr(window, "map_focus", focus)  # noqa: B010 - one state per window, kept on it
    return focus
