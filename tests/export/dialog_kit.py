"""Clicking the Export dialog's controls as a user does."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QRadioButton


def click(qtbot, widget) -> None:
    # A check box or radio button answers on its box and text, not on the empty rest of a
    # row as wide as the dialog: click its box.
    if isinstance(widget, (QCheckBox, QRadioButton)):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
