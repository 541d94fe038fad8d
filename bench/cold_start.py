"""Cold start of the editor on the real start path, to the sample map painted.

Launches `python -m app SAMPLE.cjm` and the installed `journey-studio SAMPLE.cjm` (the
same entry point a user starts), interleaved, N times each, as separate processes with
JOURNEY_STUDIO_BENCH_FIRST_PAINT set: the editor appends a JSON line when its first frame
is painted (map included) and another once the storage has warmed up, then quits (see
app/main.py). Measured per run:
- wall: from just before the launch to the first painted frame (CLOCK_MONOTONIC is
  system-wide, so the child's timestamp compares with ours);
- CPU to paint: the child's own process time at that frame;
- CPU total: the child's user + system time for the whole run, from
  resource.getrusage(RUSAGE_CHILDREN) before and after (it includes the warm-up after
  the paint and the exit);
- whether SQLAlchemy was already imported at the first frame (it must not be).
Reports median and p95 per entry point and the load average before and after.

Bytecode: an installed wheel or bundle starts from compiled modules, so the bench compiles
app/ first and runs the editor without PYTHONDONTWRITEBYTECODE (a machine that sets it
would otherwise recompile every module on every start: ~0.3 s more); its output says so.

Run (offscreen, or a real X display under Xvfb; --bundle adds a PyInstaller bundle):
    .venv/bin/python bench/cold_start.py --runs 20
    .venv/bin/python bench/cold_start.py --runs 20 --bundle dist/journey-studio/journey-studio
    xvfb-run -a env QT_QPA_PLATFORM=xcb .venv/bin/python bench/cold_start.py --runs 20
"""

from __future__ import annotations

import argparse
import compileall
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
BAR_S = 0.5
BUNDLE_BAR_S = 1.0


def entry_points(bundle: str | None = None) -> dict[str, list[str]]:
    """The commands to compare: the module, the console script and a PyInstaller bundle."""
    found = {"python -m app": [sys.executable, "-m", "app"]}
    script = Path(sys.executable).with_name("journey-studio")
    if script.exists():
        found["journey-studio"] = [str(script)]
    if bundle:
        found["bundle"] = [str(Path(bundle).resolve())]
    return found


def ensure_bytecode() -> str:
    """Compile app/ (up to date: a no-op); say what the runs start from."""
    compiled = compileall.compile_dir(str(ROOT / "app"), quiet=1)
    state = "app/ compiled" if compiled else "warning: app/ did not compile fully"
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        state += "; PYTHONDONTWRITEBYTECODE is set here, unset for the editor's runs"
    return state


def cpu_of_children() -> float:
    """User + system time of every waited-for child so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def one_run(command: list[str], work: Path) -> dict[str, float | bool]:
    """Start the editor once on a fresh copy of the sample; return what was measured."""
    project = work / "online-shop.cjm"
    shutil.copyfile(SAMPLE, project)
    report = work / "first-paint.jsonl"
    report.unlink(missing_ok=True)
    env = dict(os.environ, XDG_CONFIG_HOME=str(work / "config"),
               JOURNEY_STUDIO_BENCH_FIRST_PAINT=str(report))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: from bytecode (ensure_bytecode)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    cpu_before = cpu_of_children()
    started = time.monotonic()
    done = subprocess.run([*command, str(project)], cwd=work, env=env, capture_output=True,
                          text=True, timeout=120)
    cpu = cpu_of_children() - cpu_before
    if done.returncode != 0 or not report.exists():
        raise SystemExit(f"error: the editor did not report its first paint "
                         f"(exit {done.returncode}): {done.stderr.strip()[-400:]}")
    lines = [json.loads(line) for line in report.read_text().splitlines()]
    painted = next(line for line in lines if line["event"] == "painted")
    return {"wall": painted["monotonic"] - started, "cpu_paint": painted["cpu"],
            "cpu_total": cpu, "sqlalchemy_at_paint": painted["sqlalchemy"],
            "map_shown": painted["map_shown"]}


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def main() -> int:
    """Run the bench and print a table (and, with --json, the raw figures)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="runs per entry point (≥ 20)")
    parser.add_argument("--json", metavar="FILE", help="also write every run to FILE")
    parser.add_argument("--bundle", metavar="EXE",
                        help="also the bundle's executable (dist/journey-studio/journey-studio)")
    args = parser.parse_args()
    commands = entry_points(args.bundle)
    bytecode = ensure_bytecode()
    load_before = os.getloadavg()
    results: dict[str, list[dict[str, float | bool]]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory(prefix="cold-start-") as tmp:
        work = Path(tmp)
        for command in commands.values():  # one warm-up each: page cache, settings made
            one_run(command, work)
        for _ in range(args.runs):  # interleaved, so load changes hit both alike
            for name, command in commands.items():
                results[name].append(one_run(command, work))
    load_after = os.getloadavg()

    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    print(f"cold start to the sample painted, {platform}, {args.runs} runs each, "
          f"load average {load_before[0]:.2f} before / {load_after[0]:.2f} after")
    print(f"bytecode: {bytecode}")
    print(f"{'entry point':<16} {'wall p50':>9} {'wall p95':>9} {'min':>7} "
          f"{'CPU to paint p50':>17} {'CPU total p50':>14}  SQLAlchemy at paint")
    for name, runs in results.items():
        wall = [float(r["wall"]) for r in runs]
        cpu_paint = [float(r["cpu_paint"]) for r in runs]
        cpu_total = [float(r["cpu_total"]) for r in runs]
        loaded = sum(bool(r["sqlalchemy_at_paint"]) for r in runs)
        print(f"{name:<16} {statistics.median(wall):>8.3f}s {p95(wall):>8.3f}s "
              f"{min(wall):>6.3f}s {statistics.median(cpu_paint):>16.3f}s "
              f"{statistics.median(cpu_total):>13.3f}s  {loaded} of {len(runs)}")
        if not all(r["map_shown"] for r in runs):
            print(f"  warning: some first frames of {name} did not show the map")
    for name, runs in results.items():
        bar = BUNDLE_BAR_S if name == "bundle" else BAR_S
        median = statistics.median([float(r["wall"]) for r in runs])
        print(f"bar for {name}: median ≤ {bar} s — {'met' if median <= bar else 'NOT met'}")
    if args.json:
        Path(args.json).write_text(json.dumps({"load": [load_before, load_after],
                                               "platform": platform, "runs": results},
                                              indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
