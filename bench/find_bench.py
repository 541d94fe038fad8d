"""Find and filter at 5,000 cards: the cost of one keystroke in the find bar, and of one
filter tick, in a real (offscreen) main window.

A keystroke runs what the find bar's textChanged runs (MapFocus.set_query: find over the
map, the look applied to every item, the rings drawn) and then paints the next frame.
Two queries: "khach hang", which every card holds (the worst case: 5,000 rings), and
"uu dai so 49", which a few hold. Typed one letter at a time, so each prefix counts.

Run: .venv/bin/python bench/find_bench.py [--cards 5000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.canvas_bench import build_project  # noqa: E402

QUERIES = ("khach hang", "uu dai so 49")


def timed(run) -> tuple[float, float]:
    """Wall and CPU milliseconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from app.document.document import Document
    from app.domain.search import Filter, find
    from app.ui.focus import focus_of
    from app.ui.main_window import MainWindow

    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "find.cjm")
    Document.create(path, build_project(args.cards)).close()
    window = MainWindow(remember=False)
    window.resize(1280, 800)
    window.show()
    assert window.open_path(path)
    app.processEvents()
    focus = focus_of(window)
    journey = window.journey

    def keystroke(prefix: str) -> None:
        focus.set_query(prefix)
        window.view.viewport().repaint()

    print(f"{args.cards} cards, load average {os.getloadavg()[0]:.2f}")
    for query in QUERIES:
        walls, cpus = [], []
        for _round in range(args.rounds):
            for end in range(1, len(query) + 1):
                wall, cpu = timed(lambda q=query[:end]: keystroke(q))
                walls.append(wall)
                cpus.append(cpu)
            focus.set_query("")
            app.processEvents()
        hits = len(find(journey, query))
        search = statistics.median(timed(lambda q=query: find(journey, q))[0] for _ in range(5))
        print(f"{query!r} ({hits} hits): keystroke wall p50 {statistics.median(walls):.1f} ms,"
              f" max {max(walls):.1f} ms; CPU p50 {statistics.median(cpus):.1f} ms;"
              f" find() alone {search:.1f} ms")
    pains = frozenset({1, 2})
    walls = [timed(lambda s=s: (focus.set_filter(Filter(severities=s)),
                                window.view.viewport().repaint()))[0]
             for s in (pains, frozenset(), pains, frozenset(), pains, frozenset())]
    print(f"filter tick (severity): wall p50 {statistics.median(walls):.1f} ms,"
          f" max {max(walls):.1f} ms; load average {os.getloadavg()[0]:.2f}")
    window.set_document(None)


if __name__ == "__main__":
    main()
