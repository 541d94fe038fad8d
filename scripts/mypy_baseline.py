"""Hold the mypy error count of the not-yet-strict layers (canvas, ui, dialogs…) down.

The four Qt-free layers pass `mypy` strictly (run on its own in scripts/dev.sh). This
runs mypy over the whole app with the per-module settings of pyproject.toml and compares
the number of errors with the one recorded in scripts/mypy_baseline.txt:
  more   fails, listing the errors (fix the new ones: the count may only shrink);
  fewer  passes and says so; `--update` records the lower count.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "scripts" / "mypy_baseline.txt"
ERROR = re.compile(r"^(?P<path>[^:\s]+\.py):\d+: error: ")


def read_baseline() -> int:
    """The recorded count: the first line that is not a comment."""
    for line in BASELINE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            return int(line)
    raise ValueError(f"{BASELINE} holds no count")


def write_baseline(count: int) -> None:
    """Record `count`, keeping the comment lines."""
    lines = BASELINE.read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    BASELINE.write_text("\n".join([*comments, str(count)]) + "\n", encoding="utf-8")


def mypy_errors(targets: list[str]) -> list[str]:
    """mypy's error lines for `targets` (notes and the summary left out)."""
    result = subprocess.run([sys.executable, "-m", "mypy", *targets], cwd=ROOT,
                            capture_output=True, text=True)
    if result.returncode not in (0, 1):  # 2: mypy itself failed (bad config, crash)
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"error: mypy could not run (exit {result.returncode})")
    return [line for line in result.stdout.splitlines() if ERROR.match(line)]


def by_package(errors: list[str]) -> str:
    """'app/canvas 150, app/ui 120…': where the errors are."""
    counts = Counter("/".join(Path(e.split(":", 1)[0]).parts[:2]) for e in errors)
    return ", ".join(f"{name} {n}" for name, n in counts.most_common())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true",
                        help="record the current count when it is lower than the baseline")
    parser.add_argument("targets", nargs="*", default=["app"], help="what mypy checks (app)")
    args = parser.parse_args(argv)
    baseline = read_baseline()
    errors = mypy_errors(args.targets)
    count = len(errors)
    if count > baseline:
        print("\n".join(errors))
        print(f"error: mypy finds {count} errors, more than the baseline of {baseline} in "
              f"{BASELINE.relative_to(ROOT)} ({by_package(errors)}): type the code you "
              f"added or changed", file=sys.stderr)
        return 1
    if count < baseline and args.update:
        write_baseline(count)
        print(f"mypy baseline lowered from {baseline} to {count}")
    elif count < baseline:
        print(f"mypy: {count} errors, below the baseline of {baseline}: record it with "
              f"`python scripts/mypy_baseline.py --update`")
    else:
        print(f"mypy: {count} errors, at the baseline ({by_package(errors) or 'none'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
