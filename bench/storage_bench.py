"""Benchmark: what app.storage costs — import, create, open and save of a 5,000-card project.

Prints medians (and bests) of N runs:
- the import of `app.storage` and of its write machinery (fresh interpreters, `-X importtime`);
- `ProjectStore.create` of a 5,000-card project;
- `ProjectStore.open` of it, read-only and writable;
- the save of a one-card edit: the first one in a fresh process without and with
  `ProjectStore.warm_up()` beforehand, and the steady state: `--saves` (≥ 200) one-card
  saves, each after a pass over 16 MB of memory (what a GUI turn between keystrokes does
  to the CPU caches), wall median / p95 / max and CPU median / p95.

    .venv/bin/python bench/storage_bench.py [--runs 7] [--cards 5000] [--saves 250]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.storage import ProjectStore  # noqa: E402
from tests.storage.helpers import big_project  # noqa: E402

FIRST_WRITE = """
import sys, time
from app.storage import ProjectStore
store, project = ProjectStore.open(sys.argv[1])
if sys.argv[2] == "warm":
    ProjectStore.warm_up()
card = project.maps[0].cards[10]
card.title = "first edit"
started = time.perf_counter()
store.write(project, [card])
print(time.perf_counter() - started)
store.close()
"""

WARM_UP = """
import time
from app.storage import ProjectStore
started = time.perf_counter()
ProjectStore.warm_up()
print(time.perf_counter() - started)
"""


def _python(*args: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True,
                            text=True, check=True)
    return result.stdout + result.stderr


def import_cost(module: str, runs: int) -> float:
    """Median cumulative `-X importtime` of `module` in fresh interpreters, in seconds."""
    times = []
    for _ in range(runs):
        log = _python("-X", "importtime", "-c", f"import {module}")
        for line in log.splitlines():
            if line.startswith("import time:") and line.rsplit("|", 1)[1].strip() == module:
                times.append(int(line.split("|")[1]) / 1e6)
    return statistics.median(times)


def fresh(code: str, *args: str, runs: int) -> float:
    """Median of the number a fresh interpreter running `code` prints."""
    return statistics.median(float(_python("-c", code, *args).split()[0]) for _ in range(runs))


def _timed(fn, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return times


def main(argv: list[str] | None = None) -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--saves", type=int, default=250)
    args = parser.parse_args(argv)
    n, runs = args.cards, args.runs
    rows: list[tuple[str, str]] = []
    print(f"storage bench, {n:,} cards, {runs} runs; load average {os.getloadavg()[0]:.2f}")

    def show(what: str, times: list[float] | float, unit: float = 1.0, fmt: str = "s") -> None:
        if isinstance(times, float):
            text = f"{times * unit:.3f} {fmt}"
        else:
            text = (f"median {statistics.median(times) * unit:.3f} {fmt}, "
                    f"best {min(times) * unit:.3f} {fmt}")
        rows.append((what, text))
        print(f"{what:<52} {text}", flush=True)

    show("import app.storage (fresh process)", import_cost("app.storage", runs))
    show("import app.storage.writer (SQLAlchemy, models)", import_cost("app.storage.writer", runs))
    show("ProjectStore.warm_up() (fresh process)", fresh(WARM_UP, runs=runs))
    project = big_project(n)
    with tempfile.TemporaryDirectory(prefix="storage-bench-") as folder:
        path = Path(folder) / "big.cjm"
        show(f"create {n:,} cards",
             _timed(lambda: ProjectStore.create(path, project, overwrite=True).close(), runs))
        for read_only in (True, False):
            label = "read-only" if read_only else "writable"
            show(f"open {n:,} cards, {label}",
                 _timed(lambda ro=read_only: ProjectStore.open(path, read_only=ro)[0].close(),
                        runs))
        show("first one-card save in a fresh process, cold",
             fresh(FIRST_WRITE, str(path), "cold", runs=runs), 1000, "ms")
        show("first one-card save in a fresh process, warmed up",
             fresh(FIRST_WRITE, str(path), "warm", runs=runs), 1000, "ms")
        store, loaded = ProjectStore.open(path)
        ProjectStore.warm_up()
        with store:
            card = loaded.maps[0].cards[10]
            walls, cpus = [], []
            scratch = bytearray(16 << 20)
            for i in range(max(200, args.saves)):
                scratch[::64] = bytes(len(scratch[::64]))  # evict the caches, as a GUI turn
                card.title = f"typing {i}"
                started, cpu = time.perf_counter(), time.process_time()
                store.write(loaded, [loaded, card])
                walls.append(time.perf_counter() - started)
                cpus.append(time.process_time() - cpu)
        walls.sort()
        cpus.sort()
        p95 = round(0.95 * (len(walls) - 1))
        print(f"{f'one-card save, steady state ({len(walls)} saves)':<52} wall median "
              f"{statistics.median(walls) * 1000:.3f} / p95 {walls[p95] * 1000:.3f} / max "
              f"{walls[-1] * 1000:.3f} ms; CPU median {statistics.median(cpus) * 1000:.3f} / "
              f"p95 {cpus[p95] * 1000:.3f} ms", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
