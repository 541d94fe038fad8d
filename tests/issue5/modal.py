"""Driving modal dialogs from a test: act on the next one that opens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget


def when_modal(action: Callable[[QDialog], None], expect: type | None = None,
               attempts: int = 200) -> list[QDialog]:
    """Run `action` on the next modal dialog as soon as it is shown (then return)."""
    seen: list[QDialog] = []
    failures: list[BaseException] = []

    def poll(left: int = attempts) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog not in seen and (
                expect is None or isinstance(dialog, expect)):
            seen.append(dialog)
            try:
                action(dialog)
            except BaseException as error:  # never leave a modal dialog blocking the test
                failures.append(error)
                dialog.reject()
                raise
            return
        if left > 0:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)
    return seen


def press(dialog: QWidget, which: QDialogButtonBox.StandardButton) -> None:
    """Click a standard button (OK, Cancel…) of a dialog with a real mouse click."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    box = dialog.findChild(QDialogButtonBox)
    button = box.button(which)
    assert button is not None and button.isEnabled()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type `text` into `widget` key by key, Vietnamese letters included.

    QTest.keyClicks only knows ASCII keys (it aborts on "ễ"), so other letters arrive as
    key events carrying their text, as an input method (Unikey, ibus) delivers them.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    for ch in text:
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        elif ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for action in (QTest.KeyAction.Press, QTest.KeyAction.Release):
                QTest.sendKeyEvent(action, widget, Qt.Key.Key_unknown, ch,
                                   Qt.KeyboardModifier.NoModifier)
