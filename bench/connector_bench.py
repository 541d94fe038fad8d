"""Connector cost: 1,000 connectors on the 5,000-card map of bench/canvas_bench.py.

Measures, in a real (offscreen unless a display is given) window, with and without the
connectors on the same map:
- open: MapView built, shown, first frame painted (every connector routed);
- drag frame: one pointer move of a dragged card with three connectors (p50/p95), each
  frame rerouting those three;
- drop: the release that pushes the move, relayouts its cells and reroutes the dragged
  card's lines, until the frame is painted; how many connectors it routed;
- settled: until the lines the drop only shifted are routed too (in idle moments).
Wall and CPU time (time.process_time) are both printed; `--json` prints one JSON line.

Run: .venv/bin/python bench/connector_bench.py [--cards 5000] [--links 1000] [--moves 120]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.canvas_bench import PaintWatch, build_project, drag_frames, wait_paint  # noqa: E402


def add_connectors(journey, count: int, dragged_id: str) -> None:
    """`count` connectors as a workshop draws them: mostly to the next stage, some down
    to another lane, some back to an earlier stage, a few to a stage; three touch the
    card the benchmark drags."""
    from app.domain.model import Connector, ConnectorKind

    rng = random.Random(14)
    stages = [s.id for s in journey.stages]
    lanes = [ln.id for ln in journey.lanes]
    cells = {(s, ln): journey.cell_cards(s, ln) for s in stages for ln in lanes}

    def pick(stage: int, lane: int):
        cards = cells[(stages[stage % len(stages)], lanes[lane % len(lanes)])]
        return rng.choice(cards[:12])  # the top of a cell, where people draw

    dragged = journey.card(dragged_id)
    ends = [(dragged, pick(2, 0), ConnectorKind.FLOW),
            (pick(0, 1), dragged, ConnectorKind.BRANCH),
            (dragged, pick(1, 5), ConnectorKind.HANDOFF)]
    while len(ends) < count:
        s, ln = rng.randrange(len(stages)), rng.randrange(len(lanes))
        source = pick(s, ln)
        roll = rng.random()
        if roll < 0.6:
            ends.append((source, pick(min(s + 1, len(stages) - 1), ln + rng.choice((0, 0, 1))),
                         ConnectorKind.FLOW))
        elif roll < 0.75:
            ends.append((source, pick(s, ln + rng.randrange(1, 3)), rng.choice(
                (ConnectorKind.BRANCH, ConnectorKind.HANDOFF))))
        elif roll < 0.9:
            ends.append((source, pick(max(0, s - rng.randrange(1, 3)), ln),
                         ConnectorKind.LOOP_BACK))
        else:
            ends.append((source, journey.stages[rng.randrange(len(stages))],
                         ConnectorKind.DEPENDENCY))
    seen = set()
    for source, target, kind in ends:
        key = (source.id, target.id, kind)
        if source.id != target.id and key not in seen:
            seen.add(key)
            journey.connectors.append(Connector(journey.id, source.id, target.id, kind))


def run(n_cards: int, n_links: int, moves: int) -> dict:
    """Open, drag and drop on one map; the figures as a dict."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from app.canvas.text import load_fonts
    from app.canvas.view import MapView
    from app.document.document import Document

    load_fonts()
    project = build_project(n_cards)
    journey = project.maps[0]
    card = journey.cell_cards(journey.stages[1].id, journey.lanes[0].id)[3]
    if n_links:
        add_connectors(journey, n_links, card.id)
    doc = Document(project)
    t, c = time.perf_counter(), time.process_time()
    view = MapView(doc, journey.id)
    view.resize(1600, 1000)
    watch = PaintWatch(view.viewport())
    view.show()
    wait_paint(app, watch, 0)
    open_s, open_cpu = time.perf_counter() - t, time.process_time() - c
    links = view.map_scene.links

    item = view.map_scene.cards[card.id]
    rect = item.mapRectToScene(item.card_rect())
    # Press where no connector's line lies over the card (a line on top takes the click).
    spots = (rect.center() + QPointF(dx, dy) for dx in range(-60, 61, 20)
             for dy in (-4, 0, 4))
    start = next(view.mapFromScene(p) for p in spots
                 if view._item_at(view.mapFromScene(p)) is item)
    vp = view.viewport()
    frames, frames_cpu = drag_frames(app, watch, vp, start, moves)
    routed = links.rerouted
    before = watch.count
    t, c = time.perf_counter(), time.process_time()
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start + QPoint(240, 20))
    drop_routed = links.rerouted - routed
    wait_paint(app, watch, before)
    drop_ms = (time.perf_counter() - t) * 1000
    drop_cpu = (time.process_time() - c) * 1000
    later = len(links.pending)
    while links.pending:  # the lines the drop only shifted, routed in idle moments
        app.processEvents()
    settle_ms = (time.perf_counter() - t) * 1000

    def pct(values: list[float], q: float) -> float:
        ordered = sorted(values)
        return ordered[int(q * (len(ordered) - 1))]

    result = {"cards": len(journey.cards), "links": len(journey.connectors),
              "open_s": open_s, "open_cpu_s": open_cpu,
              "drag_p50": statistics.median(frames), "drag_p95": pct(frames, 0.95),
              "drag_cpu_p50": statistics.median(frames_cpu),
              "drag_cpu_p95": pct(frames_cpu, 0.95),
              "drop": drop_ms, "drop_cpu": drop_cpu, "drop_routed": drop_routed,
              "later": later, "settled": settle_ms,
              "steps": doc.undo_stack.count()}
    view.close()
    view.deleteLater()
    app.processEvents()
    return result


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark with and without connectors and print both."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--links", type=int, default=1000)
    parser.add_argument("--moves", type=int, default=120)
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args(argv)
    without = run(args.cards, 0, args.moves)
    with_links = run(args.cards, args.links, args.moves)
    load = os.getloadavg()[0]
    if args.json:
        print(json.dumps({"load": load, "without": without, "with": with_links}))
        return 0
    print(f"Connector benchmark: {with_links['cards']} cards, load average {load:.2f}")
    for name, r in (("no connectors", without), (f"{with_links['links']} connectors",
                                                 with_links)):
        print(f"  {name}:")
        print(f"    open to first frame     : {r['open_s']:.2f} s (CPU {r['open_cpu_s']:.2f})")
        print(f"    drag frame p50 / p95    : {r['drag_p50']:.2f} / {r['drag_p95']:.2f} ms "
              f"(CPU {r['drag_cpu_p50']:.2f} / {r['drag_cpu_p95']:.2f})")
        print(f"    drop → painted          : {r['drop']:.1f} ms (CPU {r['drop_cpu']:.1f}), "
              f"{r['drop_routed']} connectors routed at once")
        print(f"    lines settled           : {r['settled']:.1f} ms after the release, "
              f"{r['later']} connectors routed in idle moments")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
