"""Editing at scale: what one edit costs in the real main window on a real .cjm file.

For each size (default 1,000 / 5,000 / 20,000 cards on one 8 × 6 map), in a fresh process,
the project is written to a temporary .cjm, opened through Document.open and shown in
app.ui.main_window.MainWindow. Then, each at least `--reps` times:
- inspector keystroke: one key typed into the inspector's Title field of a visible card,
  until the canvas has painted the frame that shows it;
- inline keystroke: one key typed into the canvas's in-place editor, until it painted;
- drop / undo: the operation a card drop runs (operations.move_cards into the next stage,
  top of the cell), then Document.undo, each until the canvas painted;
- edit durable: ProjectStore.write alone, the SQLite transaction of a keystroke, timed
  over `--writes` (≥ 200) further keystrokes typed into the inspector's Title field.
Before measuring, the bench does what app.main does once the first frame is painted
(ProjectStore.warm_up, and freeze_long_lived where the build has it).
Median and p95 of wall time, median and p95 CPU time (time.process_time) and the load average
before and after are printed; the machine may be shared, so read figures with the load.

`--links N` adds N connectors to the map first, drawn as bench/connector_bench.py draws
them (three on the first card the drop moves), so the same edits are measured with them.

Run: .venv/bin/python bench/edit_bench.py [--sizes 1000 5000 20000] [--reps 30] [--writes 250]
     [--links 1000]
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


def _pct(values: list[float], p: float) -> float:
    return values[min(len(values) - 1, round(p * (len(values) - 1)))]


def summary(samples: list[tuple[float, float]]) -> dict[str, float]:
    """Median, p95, p99 and max of wall time, median and p95 CPU time, count."""
    walls = sorted(s[0] for s in samples)
    cpus = sorted(s[1] for s in samples)
    return {"median": statistics.median(walls), "p95": _pct(walls, 0.95),
            "p99": _pct(walls, 0.99), "max": walls[-1],
            "cpu": statistics.median(cpus), "cpu_p95": _pct(cpus, 0.95), "n": len(walls)}


def after_first_paint() -> None:
    """What app.main runs once the window's first frame is painted (so does this build)."""
    from app.storage import ProjectStore

    ProjectStore.warm_up()
    try:
        from app.main import freeze_long_lived
    except ImportError:  # a build from before the freeze
        return
    freeze_long_lived()


def settle(app: Any, seconds: float = 0.05) -> None:
    """Let timers and deferred deletes run between samples."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()


def measure(n_cards: int, reps: int, writes: int, links: int = 0) -> dict[str, Any]:
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

    project = build_project(n_cards)
    if links:
        from bench.connector_bench import add_connectors

        built = project.maps[0]
        dragged = built.cell_cards(built.stages[0].id, built.lanes[0].id)[2]
        add_connectors(built, links, dragged.id)
    Document.create(str(path), project).close()
    doc = Document.open(str(path))
    window = MainWindow(remember=False)
    window.set_document(doc)
    window.show()
    view = window.view
    watch = PaintWatch(view.viewport())
    settle(app, 0.5)
    after_first_paint()
    journey = doc.project.maps[0]
    first, second = journey.stages[0], journey.stages[1]
    lane = journey.lanes[0]

    import resource

    durable: list[tuple[float, float]] = []
    preempted = [0]  # writes during which the scheduler switched to another process
    store_write = doc.store.write
    timing = [False]

    def write(*args: Any, **kwargs: Any) -> None:
        switches = resource.getrusage(resource.RUSAGE_THREAD).ru_nivcsw
        wall, cpu = time.perf_counter(), time.process_time()
        store_write(*args, **kwargs)
        done = ((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000)
        if timing[0]:
            durable.append(done)
            preempted[0] += resource.getrusage(resource.RUSAGE_THREAD).ru_nivcsw > switches

    doc.store.write = write  # type: ignore[method-assign] - a timing probe only

    import gc

    collections: dict[int, list[float]] = {0: [], 1: [], 2: []}  # generation → pause ms
    gc_started = [0.0]

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            gc_started[0] = time.perf_counter()
        else:
            collections[info["generation"]].append((time.perf_counter() - gc_started[0]) * 1e3)

    gc.callbacks.append(on_gc)
    results: dict[str, Any] = {"cards": len(journey.cards), "links": len(journey.connectors)}

    # A keystroke in the inspector's Title field of a visible card.
    card = journey.cell_cards(first.id, lane.id)[0]
    view.select_entities([card])
    settle(app)
    title = window.inspector.field("title").widget
    # Into the field as a user gets there, with a click: the window's first input event
    # costs a repaint of the canvas's frame once, which no typed key pays in use.
    QTest.mouseClick(title, Qt.MouseButton.LeftButton)
    title.end(False)
    settle(app)
    keys = []
    for i in range(reps):
        letter = "abcdefghij"[i % 10]
        keys.append(timed(app, watch, lambda ch=letter: QTest.keyClicks(title, ch)))
        settle(app, 0.01)
    results["inspector_key"] = summary(keys)
    # Edit durable: the store writes of many more keystrokes (a p95 needs ≥ 200 samples).
    # Between keys the editor waits for input, asleep, as it does for a typing user (the
    # loops above spin instead, so the scheduler preempts them anywhere on a busy machine).
    timing[0] = True
    for i in range(writes):
        QTest.keyClicks(title, "uvwxyz"[i % 6])
        QTest.qWait(10)
    timing[0] = False
    results["durable"] = summary(durable)
    results["durable"]["preempted"] = preempted[0]

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
    gc.callbacks.remove(on_gc)
    results["gc"] = {g: [len(v), sum(v), max(v, default=0.0)] for g, v in collections.items()}
    results["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.close()
    doc.close()
    return results


def run_child(n_cards: int, reps: int, writes: int, links: int = 0) -> dict[str, Any]:
    """Measure one size in a fresh process (no caches or garbage carried over)."""
    out = subprocess.run([sys.executable, __file__, "--child", str(n_cards), "--reps",
                          str(reps), "--writes", str(writes), "--links", str(links)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    """Run every size and print the figures against the budgets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--reps", type=int, default=30)
    parser.add_argument("--writes", type=int, default=250)
    parser.add_argument("--links", type=int, default=0, help="connectors on the map")
    parser.add_argument("--json", help="also write every figure to this file")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    writes = max(200, args.writes)
    if args.child:
        print(json.dumps(measure(args.child, max(20, args.reps), writes, args.links)))
        return 0
    load_before = os.getloadavg()
    cpu_before = time.process_time()
    figures = {n: run_child(n, max(20, args.reps), writes, args.links) for n in args.sizes}
    load_after = os.getloadavg()
    with_links = f", {figures[args.sizes[0]]['links']} connectors" if args.links else ""
    print(f"Editing benchmark, main window offscreen{with_links}, "
          f"{max(20, args.reps)} repetitions; "
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
    for n in args.sizes:
        f = figures[n]["durable"]
        print(f"  edit durable at {n:,}: {f['n']} writes, wall median / p95 / p99 / max "
              f"{f['median']:.3f} / {f['p95']:.3f} / {f['p99']:.3f} / {f['max']:.3f} ms, "
              f"CPU median / p95 {f['cpu']:.3f} / {f['cpu_p95']:.3f} ms; "
              f"{f['preempted']} preempted; "
              f"max RSS {figures[n]['rss_mb']:.0f} MB")
        print("    cyclic GC during the run (generation: count, total / longest ms): " + "; ".join(
            f"{g}: {c}, {t:.1f} / {m:.1f}" for g, (c, t, m) in figures[n]["gc"].items()))
    if args.json:
        Path(args.json).write_text(json.dumps({"load": [load_before, load_after],
                                               "figures": figures}))
    print(f"  parent CPU {time.process_time() - cpu_before:.2f} s; budgets at 5,000 (p95): "
          + ", ".join(f"{k} ≤ {v:g} ms" for k, v in BUDGETS.items()))
    print("  result: " + ("all budgets met" if ok else "BUDGETS MISSED"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
