"""Test set-up shared by the whole suite."""

import os

# Qt must never look for a display in tests: set before any QApplication exists.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp/runtime-journey-studio")
