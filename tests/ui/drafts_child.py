"""Child of the draft crash test: the real editor types into a card and waits to be killed.

argv: project path, data folder, settings folder, text to type. The window comes from
app.main.run_gui (the real start path); a timer clicks the first card, presses Enter,
types the text as key events and prints `drafted` once the editor's own debounced
draft is on disk. The parent then kills the process with SIGKILL.
"""

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def type_text(widget, text: str) -> None:
    """Key events that carry their text (QTest.keyClicks aborts on Vietnamese letters)."""
    for ch in text:
        key = Qt.Key.Key_Space if ch == " " else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                     ch))


def main() -> None:
    path, data, settings_dir, text = sys.argv[1:5]
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    app = QApplication(sys.argv[:1])

    from app.document.drafts import DraftStore
    from app.main import run_gui
    from app.ui import drafts_prompt, opening
    from app.ui.main_window import MainWindow

    opening.user_data_dir = lambda: Path(data)  # never the real home
    store = DraftStore(drafts_folder := drafts_prompt.drafts_folder())
    assert drafts_folder == Path(data) / "drafts"

    def window() -> MainWindow:
        return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))

    def drive() -> None:
        win = window()
        # run_gui fits the window to the offscreen screen (800 × 800); a narrow view lets
        # the pinned lane headers cover the card, so give it the room a desktop has.
        win.resize(1600, 1000)
        QApplication.processEvents()
        view = win.view
        card = win.journey.cards[0]
        item = view.map_scene.item_for(card.id)
        view.ensureVisible(item, 20, 20)
        centre = view.mapFromScene(item.sceneBoundingRect().center())
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, centre)
        QTest.keyClick(view, Qt.Key.Key_Return)
        type_text(view.editor, text)
        poll.start()

    def check() -> None:
        win = window()
        draft = store.load(win.doc.project.id, win.doc.path)
        if draft is not None and draft.text == text:
            poll.stop()
            assert win.doc.undo_stack.count() == 0  # typing never reached the undo stack
            print("drafted", flush=True)

    poll = QTimer(app)
    poll.setInterval(20)
    poll.timeout.connect(check)
    QTimer.singleShot(0, drive)
    run_gui(path)


if __name__ == "__main__":
    main()
