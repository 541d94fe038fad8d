"""The editor's real start path paints the map first and loads SQLAlchemy only after that.

Each run is a fresh `python -m app FILE` (this test process has long imported SQLAlchemy),
offscreen, with JOURNEY_STUDIO_BENCH_FIRST_PAINT set: the editor then appends one JSON line
when its first frame is painted and one when the storage has warmed up, and quits.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import subprocess
import sys
import weakref
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "online-shop.cjm"

# A window manager maps a new window a few round trips after show(): its first expose can
# come many event-loop turns later. This start-up holds every window's first expose back
# 150 ms, then lets it through, and runs the editor's own entry point.
LATE_EXPOSE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QExposeEvent, QGuiApplication, QRegion, QWindow
from app.main import application

class LateExpose(QObject):
    def __init__(self):
        super().__init__()
        self.held, self.released = set(), set()

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Expose and isinstance(watched, QWindow) \\
                and watched not in self.released:
            if watched not in self.held:
                self.held.add(watched)
                QTimer.singleShot(150, lambda: self.release(watched))
            return True
        return False

    def release(self, window):
        self.released.add(window)
        QGuiApplication.sendEvent(window, QExposeEvent(QRegion(0, 0, window.width(),
                                                               window.height())))

late = LateExpose()
application().installEventFilter(late)
from app.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def start(tmp_path: Path, *args: str) -> list[dict]:
    """Start the editor on a copy of the sample; return the lines it reported."""
    project = tmp_path / "online-shop.cjm"
    shutil.copyfile(SAMPLE, project)
    report = tmp_path / "first-paint.jsonl"
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"),
               JOURNEY_STUDIO_BENCH_FIRST_PAINT=str(report))
    result = subprocess.run([sys.executable, *args, str(project)], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert report.exists(), "the editor never reported its first paint"
    return [json.loads(line) for line in report.read_text().splitlines()]


@pytest.mark.parametrize("entry", [["-m", "app"], ["-c", LATE_EXPOSE]],
                         ids=["python-m-app", "late-window-manager"])
def test_sqlalchemy_is_loaded_after_the_map_is_painted_not_before(tmp_path, entry):
    painted, warmed = start(tmp_path, *entry)
    assert painted["event"] == "painted"
    assert painted["map_shown"]  # the first frame is the sample's map, not a start page
    assert painted["sqlalchemy"] is False
    assert warmed["event"] == "warmed"
    assert warmed["sqlalchemy"] is True  # …and the warm-up did load it, after the frame
    # The long-lived objects are frozen out of the cyclic collector's rounds, after the
    # frame too (the collection before the freeze takes tens of milliseconds).
    assert painted["frozen"] == 0
    assert warmed["frozen"] > 10_000
    assert warmed["monotonic"] > painted["monotonic"]


def test_freezing_again_frees_the_cycles_frozen_before():
    from app.main import freeze_long_lived

    class Node:
        pass

    node = Node()
    node.cycle = node  # garbage only the cyclic collector can free
    gone = weakref.ref(node)
    gc.freeze()  # frozen with a project shown earlier
    del node
    try:
        freeze_long_lived()  # another project is shown
        assert gone() is None
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


# What the first frame does not draw is imported on first use (cold start, issue 8): the
# compare window, the wheel, the Insights panel, the dialogs, export and presenting.
NOT_AT_FIRST_PAINT = (
    "app.ui.compare_window", "app.ui.wheel_view", "app.canvas.wheel", "app.domain.wheel",
    "app.ui.insights_panel", "app.domain.insights", "app.ui.filter_panel",
    "app.ui.exporting", "app.canvas.image_export", "app.ui.importing",
    "app.dialogs.map_properties", "app.dialogs.project_properties",
    "app.dialogs.persona_dialog", "app.dialogs.snapshot_dialogs",
    "app.dialogs.channels_dialog", "app.canvas.present_view", "app.ui.help_dialogs",
    "app.ui.preferences", "app.cli_export", "app.export.pdf", "app.export.sheets",
)


def test_the_first_frame_is_painted_without_the_tools_it_does_not_show(tmp_path):
    painted, _warmed = start(tmp_path, "-m", "app")
    loaded = set(painted["app_modules"])
    assert "app.canvas.view" in loaded and "app.ui.main_window" in loaded  # a real list
    assert sorted(loaded.intersection(NOT_AT_FIRST_PAINT)) == []
