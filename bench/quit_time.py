"""Quitting the editor: from File ▸ Quit to the process gone, with and without the fast exit.

Each run starts the real entry point (`python -m app`'s `main`) on a copy of the sample,
waits until the map is shown, triggers File ▸ Quit and reports:
- close: Quit to the end of the window's closeEvent (the project closed, layout saved);
- gone: Quit to the process ended, seen from here (CLOCK_MONOTONIC is system-wide);
- CPU: the child's user + system time for the whole run (getrusage RUSAGE_CHILDREN).
"fast" is the editor as built (app.main.leave_now ends the process with os._exit after the
event loop); "teardown" replaces leave_now by a no-op, so the interpreter's normal
finalisation runs. Runs alternate between the two. Reports medians and the load average.

    .venv/bin/python bench/quit_time.py --runs 10
    xvfb-run -a env QT_QPA_PLATFORM=xcb .venv/bin/python bench/quit_time.py --runs 10
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "online-shop.cjm"

CHILD = """
import json, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import app.main
from app.main import application
from app.ui.main_window import MainWindow
if sys.argv[1] == "teardown":
    app.main.leave_now = lambda code: None
app_ = application()
marks = {}
close_event = MainWindow.closeEvent
def timed_close(self, event):
    close_event(self, event)
    marks["closed"] = time.monotonic()
    print(json.dumps(marks), flush=True)
MainWindow.closeEvent = timed_close
def quit_when_shown():
    window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")
    if window.doc is None or not window.isVisible():
        QTimer.singleShot(50, quit_when_shown)
        return
    marks["quit"] = time.monotonic()
    window.actions.quit.trigger()
QTimer.singleShot(300, quit_when_shown)
from app.cli import main
raise SystemExit(main(sys.argv[2:]))
"""


def one_run(variant: str, folder: Path) -> dict[str, float]:
    project = folder / "online-shop.cjm"
    shutil.copyfile(SAMPLE, project)
    env = {**os.environ, "HOME": str(folder), "XDG_CONFIG_HOME": str(folder / "config"),
           "XDG_DATA_HOME": str(folder / "share")}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    child = subprocess.Popen([sys.executable, "-c", CHILD, variant, str(project)], cwd=ROOT,
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True)
    assert child.stdout is not None
    marks = json.loads(child.stdout.readline())
    child.wait()
    gone = time.monotonic()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"close": marks["closed"] - marks["quit"], "gone": gone - marks["quit"], "cpu": cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    results: dict[str, list[dict[str, float]]] = {"fast": [], "teardown": []}
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(args.runs):
            for variant in ("fast", "teardown") if n % 2 == 0 else ("teardown", "fast"):
                folder = Path(tmp, f"{variant}-{n}")
                folder.mkdir()
                results[variant].append(one_run(variant, folder))
    print(f"platform {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}, {args.runs} runs each, "
          f"load {load_before[0]:.2f} → {os.getloadavg()[0]:.2f}")
    for variant, runs in results.items():
        med = {k: statistics.median(r[k] for r in runs) for k in ("close", "gone", "cpu")}
        print(f"{variant:9s} close {med['close'] * 1000:6.0f} ms"
              f"   gone {med['gone'] * 1000:6.0f} ms   CPU per run {med['cpu']:.2f} s")


if __name__ == "__main__":
    main()
