"""Benchmark: reading and merging spreadsheets — a large Cards table, and the row limit.

Prints, for each measure, the median wall time and CPU time of N runs and the load average:
- read (`read_source`) of an XLSX Cards table of N rows and its merge plan into a project
  that holds those cards with every title changed;
- the CLI-path apply of that plan (`apply_plan` + one `ProjectStore.write`);
- the refusal of a sheet past the row limit (150,000 rows against 100,000): bounded by the
  limit, not by the sheet's size.

    .venv/bin/python bench/sheet_import_bench.py [--runs 3] [--rows 20000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402

from app.domain.model import Card  # noqa: E402
from app.domain.templates import new_project  # noqa: E402
from app.export.sheets.merge import apply_plan  # noqa: E402
from app.export.sheets.read_source import plan_into, read_source  # noqa: E402
from app.export.sheets.read_table import SheetError  # noqa: E402
from app.storage import ProjectStore  # noqa: E402


def timed(step):
    wall, cpu = time.perf_counter(), time.process_time()
    result = step()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def project_of(rows: int):
    project = new_project("awareness-5", "vi", "Bench")
    journey = project.maps[0]
    lanes = [ln for ln in journey.lanes if ln.kind.value != "emotions"]
    for i in range(rows):
        stage, lane = journey.stages[i % len(journey.stages)], lanes[i % len(lanes)]
        journey.cards.append(Card(map_id=journey.id, stage_id=stage.id, lane_id=lane.id,
                                  title=f"Thẻ số {i}", order=i))
    return project


def write_cards(project, path: Path) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Thẻ")
    sheet.append(["Mã", "Bản đồ", "Giai đoạn", "Làn", "Tiêu đề", "Mức độ"])
    journey = project.maps[0]
    for card in journey.cards:
        sheet.append([card.id, journey.name, journey.stage(card.stage_id).title,
                      journey.lane(card.lane_id).title, card.title + " (sửa)", None])
    book.save(path)


def write_long(path: Path, rows: int) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Cards")
    sheet.append(["Stage", "Title"])
    for i in range(rows):
        sheet.append(["A", f"row {i}"])
    book.save(path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        project = project_of(args.rows)
        book = base / "cards.xlsx"
        write_cards(project, book)
        long_book = base / "long.xlsx"
        write_long(long_book, 150_000)
        results: dict[str, list[tuple[float, float]]] = {}
        for run in range(args.runs):
            wall, cpu, source = timed(lambda: read_source(book))
            results.setdefault("read", []).append((wall, cpu))
            wall, cpu, plan = timed(lambda source=source: plan_into(project, source))
            results.setdefault("plan", []).append((wall, cpu))
            assert len(plan.changed) == args.rows
            target = base / f"p{run}.cjm"
            ProjectStore.create(target, project).close()
            store, fresh = ProjectStore.open(target)
            fresh_plan = plan_into(fresh, source)

            def apply(store=store, fresh=fresh, fresh_plan=fresh_plan):
                store.write(fresh, *apply_plan(fresh, fresh_plan, set()))

            wall, cpu, _ = timed(apply)
            store.close()
            results.setdefault("apply + write", []).append((wall, cpu))

            def refuse():
                try:
                    read_source(long_book)
                except SheetError as error:
                    return str(error)
                raise AssertionError("not refused")

            wall, cpu, message = timed(refuse)
            results.setdefault("refuse 150,000 rows", []).append((wall, cpu))
        print(f"{args.rows} rows; load average {os.getloadavg()[0]:.2f}; "
              f"{book.stat().st_size / 1e6:.1f} MB workbook; refusal: {message}")
        for name, values in results.items():
            walls, cpus = zip(*values, strict=True)
            print(f"{name:>22}: wall {statistics.median(walls):.2f} s, "
                  f"cpu {statistics.median(cpus):.2f} s (median of {len(values)})")


if __name__ == "__main__":
    main()
