"""Time the spreadsheet export of a large project: XLSX (grid, chart, tables) and CSV.

    .venv/bin/python bench/sheets_bench.py [--cards 5000] [--runs 3]

Builds a project of N cards (8 stages × 6 lanes, Vietnamese text, emotion markers) and
prints, per run, wall and CPU time of building the workbook in memory and of the whole
export to a file, the file size, the process's peak memory (RSS) and the load average.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.model import Card, EmotionMarker, LaneKind  # noqa: E402
from app.domain.templates import new_project  # noqa: E402
from app.export.sheets.csv_io import export_csv  # noqa: E402
from app.export.sheets.xlsx import export_xlsx, xlsx_bytes  # noqa: E402


def big_project(cards: int):
    """A Vietnamese value-journey project holding `cards` cards spread over its cells."""
    project = new_project("value-journey-8", "vi", "Dự án lớn")
    journey = project.maps[0]
    lanes = [lane for lane in journey.lanes if lane.kind is not LaneKind.EMOTIONS]
    emotions = next(lane for lane in journey.lanes if lane.kind is LaneKind.EMOTIONS)
    cells = [(s, lane) for s in journey.stages for lane in lanes]
    for i in range(cards):
        stage, lane = cells[i % len(cells)]
        journey.cards.append(Card(
            map_id=journey.id, stage_id=stage.id, lane_id=lane.id, order=i // len(cells),
            title=f"Thẻ số {i}: khách hàng so sánh giá", body="Nội dung chi tiết " * 4,
            tags=["phí ship", "giỏ hàng"], owner="Nhóm Sản phẩm", priority="Cao",
            value=float(i) if lane.kind is LaneKind.METRICS else None))
    for i, stage in enumerate(journey.stages):
        journey.markers.append(EmotionMarker(map_id=journey.id, stage_id=stage.id,
                                             lane_id=emotions.id, score=(i % 5) - 2,
                                             label=f"Cảm xúc {i}"))
    return project


def _timed(step, *args):
    wall, cpu = time.perf_counter(), time.process_time()
    result = step(*args)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    project = big_project(args.cards)
    with tempfile.TemporaryDirectory() as folder:
        for run in range(1, args.runs + 1):
            load = os.getloadavg()[0]
            (_data, _warnings), wall, cpu = _timed(xlsx_bytes, project)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
            xlsx = Path(folder) / "big.xlsx"
            _, file_wall, file_cpu = _timed(export_xlsx, project, xlsx)
            csv_path = Path(folder) / "big.csv"
            _, csv_wall, csv_cpu = _timed(export_csv, project, csv_path)
            print(f"run {run}: {args.cards} cards, load {load:.2f} | "
                  f"workbook in memory {wall:.2f} s (cpu {cpu:.2f} s), peak RSS "
                  f"{peak / 2**20:.0f} MiB | xlsx file {file_wall:.2f} s (cpu {file_cpu:.2f} s), "
                  f"{xlsx.stat().st_size / 1024:.0f} KiB | csv {csv_wall:.2f} s "
                  f"(cpu {csv_cpu:.2f} s), {csv_path.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
