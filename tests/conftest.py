"""Test set-up shared by the whole suite."""

import os

# Qt must never look for a display in tests: set before any QApplication exists.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp/runtime-journey-studio")


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _empty_clipboard_after_each_test():
    """Leave no Python-made QMimeData on the clipboard.

    Qt's offscreen platform crashes at exit (SIGSEGV after pytest's summary, so the run
    fails) when the clipboard still holds data set from Python; under xcb it does not.
    """
    yield
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        app.clipboard().clear()
