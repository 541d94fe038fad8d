"""A workshop timer in the status bar: time-boxed exercises, start, pause, reset.

The status bar's timer button starts and pauses (its menu: 1–15 minute presets, a
custom length, reset); View ▸ Timer holds the same with Ctrl+Alt+W to start or pause,
which works in presentation mode too. While a presentation is on, a large overlay in a
corner of the presented map shows the time to the room. The end is silent: the time
flashes red for a few seconds and stays at 0:00 until reset.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLabel, QMenu, QToolButton, QWidget
from shiboken6 import isValid

from app.ui.icons import icon

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

PRESETS = (1, 3, 5, 10, 15)  # minutes
FLASHES = 8  # half-periods of the end flash
FLASH_MS = 350


def tr(text: str) -> str:
    """Translate in the timer's context."""
    return QCoreApplication.translate("Timer", text)


def clock_text(seconds: float) -> str:
    """"4:59" (minutes and seconds, rounded up so 0:00 means the end)."""
    whole = max(0, int(-(-seconds // 1)))
    return f"{whole // 60}:{whole % 60:02d}"


class Countdown(QObject):
    """The timer's state; `clock` is a monotonic clock (a test's stand-in can be set)."""

    changed = Signal()
    ended = Signal()

    def __init__(self, parent: QObject | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.clock = clock
        self.duration = 5 * 60.0
        self._left = self.duration
        self._deadline: float | None = None
        self.finished = False
        self._ticker = QTimer(self)
        self._ticker.setInterval(250)  # the display follows the clock, not the ticks
        self._ticker.timeout.connect(self.tick)

    @property
    def running(self) -> bool:
        """True while counting down."""
        return self._deadline is not None

    @property
    def active(self) -> bool:
        """Started (running, paused or ended) and not reset."""
        return self.running or self.finished or self._left < self.duration

    def left(self) -> float:
        """Seconds left."""
        if self._deadline is not None:
            return max(0.0, self._deadline - self.clock())
        return self._left

    def set_duration(self, minutes: float) -> None:
        """A new length; the timer is reset and started on it."""
        self.duration = max(1.0, minutes * 60.0)
        self.reset()
        self.start()

    def start(self) -> None:
        """Start or resume."""
        if self.running:
            return
        if self.finished:
            self.reset()
        self._deadline = self.clock() + self._left
        self._ticker.start()
        self.changed.emit()

    def pause(self) -> None:
        """Stop counting, keeping the time left."""
        if self._deadline is None:
            return
        self._left = self.left()
        self._deadline = None
        self._ticker.stop()
        self.changed.emit()

    def toggle(self) -> None:
        """Start, or pause while running."""
        if self.running:
            self.pause()
        else:
            self.start()

    def reset(self) -> None:
        """Back to the full length, stopped."""
        self._deadline = None
        self._ticker.stop()
        self._left = self.duration
        self.finished = False
        self.changed.emit()

    def tick(self) -> None:
        """Follow the clock; at zero the timer ends."""
        if self._deadline is None:
            return
        if self.left() <= 0:
            self._left = 0.0
            self._deadline = None
            self._ticker.stop()
            self.finished = True
            self.changed.emit()
            self.ended.emit()
            return
        self.changed.emit()


_BUTTON = ("QToolButton#workshopTimer {{ padding: 0px 8px; border-radius: 8px;"
           " font-weight: bold; {0} }}")
_OVERLAY = ("QLabel#timerOverlay {{ border-radius: 10px; padding: 4px 16px;"
            " font-size: 44px; font-weight: bold; {0} }}")
_LOOKS = {"idle": "color: #3C4450;", "running": "color: #1F2328; background: #E6F0FB;",
          "paused": "color: #8A5A00; background: #FFF4D6;",
          "ended": "color: #FFFFFF; background: #C0392B;",
          "flash": "color: #C0392B; background: #FFFFFF;"}
_OVERLAY_LOOKS = {"running": "color: #FFFFFF; background: rgba(31, 35, 40, 190);",
                  "paused": "color: #FFE08A; background: rgba(31, 35, 40, 190);",
                  "ended": "color: #FFFFFF; background: #C0392B;",
                  "flash": "color: #C0392B; background: #FFFFFF;"}


class TimerParts:
    """The status bar's timer button, View ▸ Timer, and the presentation's overlay."""

    def __init__(self, window: MainWindow) -> None:
        self.main = window
        self.countdown = Countdown(window)
        self.countdown.changed.connect(self.refresh)
        self.countdown.ended.connect(self._flash_start)
        self.look = "idle"
        self._flashes = 0
        self._flash = QTimer(window)
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(self._flash_step)
        self.overlay: QLabel | None = None

        self.toggle_action = self._action(tr("&Start or Pause Timer"), self.countdown.toggle,
                                          "Ctrl+Alt+W", "timerToggle")
        self.reset_action = self._action(tr("&Reset Timer"), self.countdown.reset, None,
                                         "timerReset")
        self.custom_action = self._action(tr("&Custom Length…"), self.ask_minutes, None,
                                          "timerCustom")
        self.menu = QMenu(tr("Work&shop Timer"), window)
        self.menu.setObjectName("timerMenu")
        for minutes in PRESETS:
            action = self.menu.addAction(tr("%1 min").replace("%1", str(minutes)))
            action.setObjectName(f"timer{minutes}")
            action.triggered.connect(
                lambda _checked=False, m=minutes: self.countdown.set_duration(m))
        self.menu.addAction(self.custom_action)
        self.menu.addSeparator()
        self.menu.addActions([self.toggle_action, self.reset_action])

        self.button = QToolButton()
        self.button.setObjectName("workshopTimer")
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setIcon(icon("timer"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.button.setMenu(self.menu)
        self.button.setAutoRaise(True)
        self.button.clicked.connect(self.countdown.toggle)
        window.statusBar().addPermanentWidget(self.button)
        self.refresh()

    def _action(self, text: str, slot: Callable[[], object], key: str | None,
                name: str) -> QAction:
        action = QAction(text, self.main)
        action.setObjectName(name)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())
        self.main.addAction(action)  # the key works in presentation mode
        return action

    def ask_minutes(self) -> None:
        """Timer ▸ Custom Length…: minutes, 1 to 180."""
        minutes, ok = QInputDialog.getInt(self.main, tr("Timer"), tr("Minutes:"),
                                          round(self.countdown.duration / 60), 1, 180)
        if ok:
            self.countdown.set_duration(minutes)

    # -- what shows -----------------------------------------------------------------------

    def state(self) -> str:
        """"idle", "running", "paused" or "ended"."""
        c = self.countdown
        if c.finished:
            return "ended"
        if c.running:
            return "running"
        return "paused" if c.active else "idle"

    def refresh(self) -> None:
        """Show the time and state on the button and, while presenting, the overlay."""
        c, state = self.countdown, self.state()
        if state != "ended" and self._flash.isActive():
            self._flash.stop()
        look = self.look if state == "ended" and self._flash.isActive() else state
        self.look = look
        shown = clock_text(c.left())
        self.button.setText(shown if state != "idle" else
                            tr("Timer %1").replace("%1", clock_text(c.duration)))
        tips = {"idle": tr("Start a %1 timer (Ctrl+Alt+W); the arrow picks another length"),
                "running": tr("Pause the timer (Ctrl+Alt+W)"),
                "paused": tr("Resume the timer (Ctrl+Alt+W)"),
                "ended": tr("Time is up: click to start again")}
        self.button.setToolTip(tips[state].replace("%1", clock_text(c.duration)))
        self.button.setStyleSheet(_BUTTON.format(_LOOKS[look]))
        self._show_overlay(shown, state, look)

    def _show_overlay(self, shown: str, state: str, look: str) -> None:
        from app.ui.present import presenter_of

        view = presenter_of(self.main).view
        if view is None or state == "idle":
            if self.overlay is not None and isValid(self.overlay):
                self.overlay.hide()
            return
        overlay = self.overlay
        if overlay is None or not isValid(overlay) or overlay.parent() is not view:
            overlay = self.overlay = QLabel(view)
            overlay.setObjectName("timerOverlay")
            overlay.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        overlay.setText(shown)
        overlay.setStyleSheet(_OVERLAY.format(_OVERLAY_LOOKS[look]))
        overlay.adjustSize()
        overlay.move(max(0, view.width() - overlay.width() - 16), 16)
        overlay.show()
        overlay.raise_()

    def _flash_start(self) -> None:
        self._flashes = FLASHES
        self.look = "flash"
        self._flash.start()
        self.refresh()

    def _flash_step(self) -> None:
        self._flashes -= 1
        if self._flashes <= 0 or not self.countdown.finished:
            self._flash.stop()
            self.look = "ended"
        else:
            self.look = "flash" if self.look == "ended" else "ended"
        self.refresh()

    @property
    def flashing(self) -> bool:
        """True during the end's flash."""
        return self._flash.isActive()


def overlay_of(window: QWidget) -> QLabel | None:
    """The presentation's timer overlay, if it shows."""
    parts: TimerParts | None = getattr(window, "timer", None)
    overlay = parts.overlay if parts is not None else None
    return overlay if overlay is not None and isValid(overlay) and overlay.isVisible() else None
