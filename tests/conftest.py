"""Test set-up shared by the whole suite."""

import importlib.util
import os
import sys

# Qt must never look for a display in tests: set before any QApplication exists.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp/runtime-journey-studio")


import pytest  # noqa: E402

# Where PySide6 is not installed (the headless run of scripts/dev.sh) the tests that all
# drive Qt are left out, and the summary says so; the Qt-free layers' tests still run.
HAVE_QT = importlib.util.find_spec("PySide6") is not None
QT_ONLY = ["canvas", "document", "issue5", "ui", "test_platform_guard.py"]
collect_ignore = [] if HAVE_QT else QT_ONLY


def pytest_terminal_summary(terminalreporter):
    if not HAVE_QT:
        terminalreporter.write_line("PySide6 is not installed: left out "
                                    + ", ".join(f"tests/{name}" for name in QT_ONLY))


@pytest.fixture(autouse=True)
def _empty_clipboard_after_each_test():
    """Leave no Python-made QMimeData on the clipboard.

    Qt's offscreen platform crashes at exit (SIGSEGV after pytest's summary, so the run
    fails) when the clipboard still holds data set from Python; under xcb it does not.
    """
    yield
    if "PySide6.QtGui" not in sys.modules:
        return  # no Qt in this test (or none installed: the headless run), so no clipboard
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        app.clipboard().clear()


@pytest.fixture
def cli(capsys):
    """Run the command line in-process: cli("export", …) → (exit code, stdout, stderr)."""
    from app.cli import main  # Qt-free; imported when a test asks for it

    def run(*args: object) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
