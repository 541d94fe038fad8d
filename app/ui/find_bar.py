"""The find bar (Edit ▸ Find, Ctrl+F): a small bar floating over the canvas's top right.

Typing finds live (app.ui.focus); Enter / F3 go to the next hit, Shift+Enter / Shift+F3
to the previous one, each centred in the view; "3 of 12" counts them. Esc closes the
bar and shows the map as it was (a filter stays).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QToolButton

from app.ui.focus import MapFocus, focus_of

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

MARGIN = 24  # from the right edge: clear of the vertical scroll bar
# From this many cards on, typing waits for a pause of DEBOUNCE_MS before finding: a
# keystroke costs about 45 ms of CPU at 5,000 cards (docs/performance.md), so a burst of
# letters runs one search, not one per letter. Smaller maps find at every letter.
DEBOUNCE_FROM = 1000
DEBOUNCE_MS = 90


def tr(text: str) -> str:
    """Translate in the find bar's context."""
    return QCoreApplication.translate("FindBar", text)


class FindBar(QFrame):
    """The bar; one per window, over the window's central pages."""

    def __init__(self, window: MainWindow, focus: MapFocus) -> None:
        super().__init__(window.pages)
        self.main = window
        self.focus = focus
        self.setObjectName("findBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet("#findBar { background: #FFFFFF; border: 1px solid #C9CFD8;"
                           " border-radius: 6px; }")
        self.field = QLineEdit()
        self.field.setObjectName("findField")
        self.field.setPlaceholderText(tr("Find in map"))
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(220)
        self.field.installEventFilter(self)
        self.count = QLabel()
        self.count.setObjectName("findCount")
        self.count.setMinimumWidth(70)
        self.previous = self._button("▲", tr("Previous match (Shift+F3)"), lambda: self.step(-1))
        self.next = self._button("▼", tr("Next match (F3)"), lambda: self.step(1))
        self.closer = self._button("✕", tr("Close (Esc)"), self.close_bar)
        self.previous.setObjectName("findPrevious")
        self.next.setObjectName("findNext")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        row.setSpacing(4)
        for widget in (self.field, self.count, self.previous, self.next, self.closer):
            row.addWidget(widget)
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(DEBOUNCE_MS)
        self.pause.timeout.connect(self.search_now)
        self.field.textChanged.connect(self._typed)
        focus.changed.connect(self._show_count)
        window.pages.installEventFilter(self)
        self.hide()

    def _typed(self, text: str) -> None:
        journey = self.main.journey
        if journey is not None and len(journey.cards) >= DEBOUNCE_FROM:
            self.pause.start()
        else:
            self.focus.set_query(text)

    def search_now(self) -> None:
        """Find what the field holds now (ending a pending pause)."""
        self.pause.stop()
        self.focus.set_query(self.field.text())

    def step(self, delta: int) -> None:
        """The next or previous hit of what the field holds."""
        if self.pause.isActive():
            self.search_now()
            return  # the search shows its first hit
        self.focus.step(delta)

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- opening and closing -------------------------------------------------------------

    def open_bar(self) -> None:
        """Show the bar with its text selected, ready to type."""
        view = self.main.view
        if view is not None:
            view.installEventFilter(self)  # Esc on the canvas closes the bar too
        self.show()
        self._place()
        self.raise_()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self.search_now()
        self._show_count()

    def close_bar(self) -> None:
        """Hide the bar, show the map as it was, and give the keys back to the canvas."""
        self.hide()
        self.pause.stop()
        self.focus.set_query("")
        view = self.main.view
        if view is not None:
            view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _place(self) -> None:
        pages = self.main.pages
        self.adjustSize()
        self.move(max(0, pages.width() - self.width() - MARGIN), 8)

    def _show_count(self) -> None:
        focus = self.focus
        if not focus.query:
            self.count.setText("")
        elif not focus.hits:
            self.count.setText(tr("No matches"))
        else:
            self.count.setText(tr("%1 of %2").replace("%1", str(focus.current + 1))
                               .replace("%2", str(len(focus.hits))))
        self.previous.setEnabled(len(focus.hits) > 1)
        self.next.setEnabled(len(focus.hits) > 1)

    # -- keys ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.main.pages and event.type() == QEvent.Type.Resize:
            if self.isVisible():
                self._place()
        elif (watched is self.main.view and self.isVisible()
              and event.type() == QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            view = self.main.view
            # The canvas's own Esc (cancel a drag, drop the selection) comes first.
            if (event.key() == Qt.Key.Key_Escape and view is not None
                    and view.map_scene is not None and not view.map_scene.selectedItems()
                    and view.editor is None and not view.pointer_busy):
                self.close_bar()
                return True
        elif watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                back = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.step(-1 if back else 1)
                return True
        return super().eventFilter(watched, event)


def find_bar_of(window: MainWindow) -> FindBar:
    """The window's find bar, made on first use."""
    bar = getattr(window, "find_bar", None)
    if not isinstance(bar, FindBar):
        bar = FindBar(window, focus_of(window))
        setattr(window, "find_bar", bar)  # noqa: B010 - one bar per window, kept on it
    return bar


def open_find(window: MainWindow) -> None:
    """Edit ▸ Find: open the bar (or select its text when it is open)."""
    if window.view is not None:
        find_bar_of(window).open_bar()


def find_step(window: MainWindow, delta: int) -> None:
    """F3 / Shift+F3: the next or previous hit; opens the bar when nothing is sought yet."""
    bar = find_bar_of(window)
    if not bar.isVisible() or not bar.focus.query:
        open_find(window)
        return
    bar.step(delta)

