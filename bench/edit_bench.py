"""Editing at scale: what one edit costs in the real main window on a real .cjm file.

For each size (default 1,000 / 5,000 / 20,000 cards on one 8 × 6 map), in a fresh process,
the project is written to a temporary .cjm, opened through Document.open and shown in
app.ui.main_window.MainWindow. Then, each at least `--reps` times:
- inspector keystroke: one key typed into the inspector's Title field of a visible card,
  until the canvas has painted the frame that shows it;
- inline keystroke: one key typed into the canvas's in-place editor, until it painted;
- drop / undo: the operation a card drop runs (operations.move_cards into the next stage,
  top of the cell), then Document.undo, each until the canvas painted;
- edit durable: ProjectStore.write alone (the SQLite transaction of each keystroke above).
Median and p95 of wall time and of CPU time (time.process_time) and the load average
before and after are printed; the machine may be shared, so read figures with the load.

Run: .venv/bin/python bench/edit_bench.py [--sizes 1000 5000 20000] [--reps 30]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Budgets at 5,000 cards (p95, ms); at 20,000 each must stay within 3x its 5,000 figure.
BUDGETS = {"inspector_key": 8.0, "inline_key": 8.0, "drop": 16.0, "undo": 16.0,
           "durable": 1.0}
LABELS = {"inspector_key": "inspector keystroke → painted", "inline_key":
          "inline-editor keystroke → painted", "drop": "drop (move card) → painted",
          "undo": "undo of the drop → painted", "durable": "edit durable (store write)"}


class PaintWatch:
    """Counts paint events of a widget, to know a frame reached the screen."""

    def __init__(self, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        watch = self

        class Filter(QObject):
            def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802 - Qt's name
                if event.type() == QEvent.Type.Paint:
                    watch.count += 1
                return False

        self.count = 0
        self._filter = Filter()
        widget.installEventFilter(self._filter)


def timed(app: Any, watch: PaintWatch, action: Callable[[], Any],
          limit: float = 5.0) -> tuple[float, float]:
    """Run `action`, then process events until `watch` saw a paint; (wall ms, CPU ms)."""
    before = watch.count
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    while watch.count == before and time.perf_counter() - wall < limit:
        app.processEvents()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def summary(samples: list[tuple[float, float]]) -> dict[str, float]:
    """Median and p95 of wall time and of CPU time, count."""
    walls = sorted(s[0] for s in samples)
    cpus = sorted(s[1] for s in samples)
    at95 = min(len(walls) - 1, round(0.95 * (len(walls) - 1)))
    return {"median": statistics.median(walls), "p95": walls[at95],
            "cpu": statistics.median(cpus), "cpu_p95": cpus[at95], "n": len(walls)}


def settle(app: Any, seconds: float = 0.05) -> None:
    """Let timers and deferred deletes run between samples."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()


def measure(n_cards: int, reps: int) -> dict[str, Any]:
    """All figures for one size, in this process."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from app.document import operations
    from app.document.document import Document
    from app.ui.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    tmp = Path(tempfile.mkdtemp(prefix="edit-bench-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp))
    path = tmp / "bench.cjm"
    from bench.canvas_bench import build_project  # the same 8 × 6 map as the canvas bench

    Document.create(str(path), build_project(n_cards)).close()
    doc = Document.open(str(path))
    window = MainWindow(remember=False)
    window.set_document(doc)
    window.show()
    view = window.view
    watch = PaintWatch(view.viewport())
    settle(app, 0.5)
    journey = doc.project.maps[0]
    first, second = journey.stages[0], journey.stages[1]
    lane = journey.lanes[0]

    durable: list[tuple[float, float]] = []
    store_write = doc.store.write

    def write(*args: Any, **kwargs: Any) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        store_write(*args, **kwargs)
        durable.append(((time.perf_counter() - wall) * 1000,
                        (time.process_time() - cpu) * 1000))

    doc.store.write = write  # type: ignore[method-assign] - a timing probe only
    results: dict[str, Any] = {"cards": len(journey.cards)}

    # A keystroke in the inspector's Title field of a visible card.
    card = journey.cell_cards(first.id, lane.id)[0]
    view.select_entities([card])
    settle(app)
    title = window.inspector.field("title").widget
    title.setFocus()
    title.end(False)
    keys = []
    for i in range(reps):
        letter = "abcdefghij"[i % 10]
        keys.append(timed(app, watch, lambda ch=letter: QTest.keyClicks(title, ch)))
        settle(app, 0.01)
    results["inspector_key"] = summary(keys)
    results["durable"] = summary(durable)  # the writes of those keystrokes

    # A keystroke in the in-place editor of another visible card.
    other = journey.cell_cards(first.id, lane.id)[1]
    editor = view.edit_entity(other, "title")
    settle(app)
    editor.move_cursor_to_end()
    inline_watch = PaintWatch(editor.viewport())
    keys = []
    for i in range(reps):
        letter = "klmnopqrst"[i % 10]
        keys.append(timed(app, inline_watch, lambda ch=letter: QTest.keyClicks(editor, ch)))
        settle(app, 0.01)
    QTest.keyClick(editor, Qt.Key.Key_Return)  # commit: one undo step
    settle(app)
    results["inline_key"] = summary(keys)

    # A drop of a visible card into the next stage (what the drag's release runs), and undo.
    drops, undos = [], []
    for i in range(reps):
        moving = journey.cell_cards(first.id, lane.id)[2 + i % 3]
        drops.append(timed(app, watch, lambda c=moving: operations.move_cards(
            doc, journey, [c], second.id, lane.id, 0)))
        settle(app, 0.01)
        undos.append(timed(app, watch, doc.undo))
        settle(app, 0.01)
    results["drop"], results["undo"] = summary(drops), summary(undos)
    window.close()
    doc.close()
    return results


def run_child(n_cards: int, reps: int) -> dict[str, Any]:
    """Measure one size in a fresh process (no caches or garbage carried over)."""
    out = subprocess.run([sys.executable, __file__, "--child", str(n_cards), "--reps",
                          str(reps)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    """Run every size and print the figures against the budgets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--reps", type=int, default=30)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child, max(20, args.reps))))
        return 0
    load_before = os.getloadavg()
    cpu_before = time.process_time()
    figures = {n: run_child(n, max(20, args.reps)) for n in args.sizes}
    load_after = os.getloadavg()
    print(f"Editing benchmark, main window offscreen, {max(20, args.reps)} repetitions; "
          f"load average before {load_before[0]:.2f} / after {load_after[0]:.2f} "
          f"(1 min), {os.cpu_count()} CPUs")
    header = "  " + f"{'':36}" + "".join(f"{n:>29,}" for n in args.sizes)
    print(header)
    print("  " + f"{'(ms: median / p95 · CPU median / p95)':36}")
    ok = True
    for key, label in LABELS.items():
        row = "  " + f"{label:36}"
        for n in args.sizes:
            f = figures[n][key]
            row += f"{f['median']:8.2f} /{f['p95']:7.2f} ·{f['cpu']:5.1f} /{f['cpu_p95']:5.1f}"
        print(row)
        if 5000 in figures:
            ok &= figures[5000][key]["p95"] <= BUDGETS[key]
            if 20000 in figures:
                ok &= figures[20000][key]["p95"] <= 3 * figures[5000][key]["p95"]
    print(f"  parent CPU {time.process_time() - cpu_before:.2f} s; budgets at 5,000 (p95): "
          + ", ".join(f"{k} ≤ {v:g} ms" for k, v in BUDGETS.items()))
    print("  result: " + ("all budgets met" if ok else "BUDGETS MISSED"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
