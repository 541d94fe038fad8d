"""The workshop timer: start, pause, reset, presets; shown to the room while presenting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from app.ui.timer import clock_text, overlay_of
from tests.ui.conftest import focus_canvas

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


class FakeClock:
    """A monotonic clock the test moves by hand (no waiting, no timed assertions)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float, countdown) -> None:
        self.now += seconds
        countdown.tick()


@pytest.fixture
def timed(opened, qtbot):
    """The template project open, the timer on a hand-moved clock."""
    clock = FakeClock()
    opened.timer.countdown.clock = clock
    focus_canvas(opened, qtbot)
    return opened, clock


def test_clock_text_rounds_up_so_zero_means_the_end():
    assert clock_text(300) == "5:00"
    assert clock_text(299.2) == "5:00"
    assert clock_text(59.0) == "0:59"
    assert clock_text(0.0) == "0:00"


def test_click_starts_and_pauses_and_the_key_resumes(timed, qtbot):
    window, clock = timed
    parts, button = window.timer, window.timer.button
    assert button.isVisible() and "5:00" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert parts.state() == "running"
    clock.advance(61, parts.countdown)
    assert button.text() == "3:59"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert parts.state() == "paused"
    clock.advance(100, parts.countdown)
    assert button.text() == "3:59"  # paused: the time stays
    qtbot.keyClick(window.view, Qt.Key.Key_W, CTRL_ALT)
    assert parts.state() == "running"
    clock.advance(9, parts.countdown)
    assert button.text() == "3:50"


def test_a_preset_runs_out_with_a_silent_flash_and_reset_clears_it(timed):
    window, clock = timed
    parts = window.timer
    parts.menu.findChild(type(parts.reset_action), "timer1").trigger()
    assert parts.state() == "running" and parts.button.text() == "1:00"
    clock.advance(60, parts.countdown)
    assert parts.state() == "ended" and parts.button.text() == "0:00"
    assert parts.flashing and "#C0392B" in parts.button.styleSheet()
    looks = set()
    for _ in range(12):  # the flash's own steps, run by hand
        parts._flash_step()
        looks.add(parts.look)
    assert looks == {"flash", "ended"} and not parts.flashing
    assert parts.look == "ended" and "background: #C0392B" in parts.button.styleSheet()
    parts.reset_action.trigger()
    assert parts.state() == "idle" and "Timer 1:00" in parts.button.text()


def test_a_custom_length(timed, monkeypatch):
    window, _clock = timed
    monkeypatch.setattr(QInputDialog, "getInt", lambda *_a, **_k: (7, True))
    window.timer.custom_action.trigger()
    assert window.timer.button.text() == "7:00"


def test_the_room_sees_the_timer_while_presenting(timed, qtbot):
    window, clock = timed
    parts = window.timer
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    view = window.actions.presenter.view
    assert view is not None and not window.statusBar().isVisible()
    assert overlay_of(window) is None  # not started: nothing over the map
    qtbot.keyClick(view, Qt.Key.Key_W, CTRL_ALT)
    overlay = overlay_of(window)
    assert overlay is not None and overlay.parent() is view and overlay.text() == "5:00"
    assert overlay.height() >= 50  # readable from the back of a room
    assert overlay.geometry().right() <= view.width() and overlay.y() >= 0
    clock.advance(300, parts.countdown)
    assert overlay.text() == "0:00" and "#C0392B" in overlay.styleSheet()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.actions.presenter.view is None
    assert overlay_of(window) is None and window.timer.button.text() == "0:00"
