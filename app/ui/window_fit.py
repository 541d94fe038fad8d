"""The first window's size and place: what fits the screen it opens on."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QWidget

PREFERRED = QSize(1600, 1000)
MARGIN = 0.05  # of the screen's free area, left around a window that would fill it


def fitted_rect(available: QRect, preferred: QSize = PREFERRED) -> QRect:
    """The preferred size, shrunk to leave a margin inside `available`, centred in it.

    `available` is the screen's area without task bars and docks (QScreen's
    availableGeometry), so the window's docks are never off-screen.
    """
    width = min(preferred.width(), round(available.width() * (1 - 2 * MARGIN)))
    height = min(preferred.height(), round(available.height() * (1 - 2 * MARGIN)))
    rect = QRect(QPoint(0, 0), QSize(width, height))
    rect.moveCenter(available.center())
    return rect


def fit_to_screen(window: QWidget, available: QRect | None = None,
                  preferred: QSize = PREFERRED) -> None:
    """Size and place `window` inside `available`, by default the free area of the screen
    it is about to open on (the one under the mouse pointer, where window managers open
    new windows, or else the primary one)."""
    if available is None:
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        if screen is None:  # no screen at all (never seen, even offscreen)
            window.resize(preferred)
            return
        available = screen.availableGeometry()
    rect = fitted_rect(available, preferred)
    window.resize(rect.size())
    window.move(rect.topLeft())
