"""Print pyproject's runtime and test requirements less Qt and the checkers, one a line.

scripts/dev.sh installs these into .venv-headless, where the Qt-free layers are tested
without PySide6 (the linters and mypy run in .venv only).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
NOT_HEADLESS = re.compile(r"(?i)(pyside6|pytest-qt|import-linter|ruff|mypy|types-)")


def headless_requirements(pyproject: Path = PYPROJECT) -> list[str]:
    """The requirement strings (markers kept) that the headless venv installs."""
    with pyproject.open("rb") as f:
        project = tomllib.load(f)["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["test"]
    return [r for r in wanted if not NOT_HEADLESS.match(r)]


if __name__ == "__main__":
    print("\n".join(headless_requirements()))
