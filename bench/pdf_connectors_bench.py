"""What connectors cost the PDF: a 5,000-card map (8 stages × 6 lanes) with and without
1,000 connectors, half of them labelled, exported on one A3 page (`page`) and as a tiled
poster (`auto`); median CPU seconds (user + system of this process) over N runs.

    .venv/bin/python bench/pdf_connectors_bench.py --runs 3
    .venv/bin/python bench/pdf_connectors_bench.py --spread   # ends anywhere on the map

By default each connector joins a card to one in a neighbouring stage of the same lane,
a few cards up or down (what a facilitator draws); `--spread` picks both ends at random,
the worst case for routing and for finding room for the labels.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.model import Card, Connector, ConnectorKind, JourneyMap, LaneKind, Stage  # noqa: E402
from app.domain.templates import new_project  # noqa: E402
from app.export.pdf import PdfOptions, export_pdf  # noqa: E402


def build(connectors: int, spread: bool) -> tuple[object, JourneyMap]:
    """The project and its map: 5,000 cards and `connectors` connectors."""
    rng = random.Random(14)
    project = new_project("awareness-5", "vi")
    journey = project.maps[0]
    while len(journey.stages) < 8:
        journey.stages.append(Stage(journey.id, f"Giai đoạn {len(journey.stages) + 1}"))
    lanes = [lane for lane in journey.lanes if lane.kind != LaneKind.EMOTIONS][:6]
    cells = [(s, lane) for s in journey.stages for lane in lanes]
    grid: dict[tuple[int, str, int], Card] = {}
    for i in range(5000):
        stage, lane = cells[i % len(cells)]
        card = Card(journey.id, stage.id, lane.id, f"Thẻ {i}", body="Một dòng mô tả ngắn",
                    order=i // len(cells))
        journey.cards.append(card)
        grid[(journey.stages.index(stage), lane.id, card.order)] = card
    for i in range(connectors):
        if spread:
            a, b = rng.sample(journey.cards, 2)
        else:
            si, lane, order = rng.choice(list(grid))
            sj = si + 1 if si + 1 < len(journey.stages) else si - 1
            b = grid.get((sj, lane, max(0, order + rng.randint(-2, 2)))) or grid[(sj, lane, 0)]
            a = grid[(si, lane, order)]
        journey.connectors.append(Connector(journey.id, a.id, b.id,
                                            rng.choice(list(ConnectorKind)),
                                            f"nhãn {i}" if i % 2 else ""))
    return project, journey


def cpu_seconds(project: object, fit: str, out: Path, runs: int) -> float:
    """The median CPU time of exporting the map page(s) `runs` times."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        export_pdf(project, out, PdfOptions(page="A3", fit=fit, cover=False, persona=False,
                                            legend=False, insights=False))
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--spread", action="store_true")
    args = parser.parse_args()
    project, journey = build(1000, args.spread)
    links = list(journey.connectors)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "bench.pdf"
        for fit in ("page", "auto"):
            journey.connectors = links
            with_links = cpu_seconds(project, fit, out, args.runs)
            journey.connectors = []
            without = cpu_seconds(project, fit, out, args.runs)
            print(f"{fit:5} without connectors {without:6.2f} s   with 1,000 "
                  f"{with_links:6.2f} s   (+{with_links - without:.2f} s)")


if __name__ == "__main__":
    main()
