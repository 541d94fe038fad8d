"""The one way to find the bundled resources (fonts, translations, icons, samples, licences).

The repository keeps them in a top-level `resources/` folder; the wheel maps that folder
into the package as `app/_resources/` (pyproject.toml, `[tool.setuptools.package-dir]`);
a PyInstaller bundle unpacks it to `sys._MEIPASS/resources` (build.spec). Every layer
uses this module, so it imports nothing but the standard library.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

_HERE = Path(__file__).resolve().parent
# Inside the package: an installed wheel (and a PyInstaller bundle, which keeps `app/`).
PACKAGED = "_resources"

# The font files, known here only: the canvas (Qt) and the PDF (ReportLab) both load them.
FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}


def candidates() -> list[Path]:
    """Where `resources/` may be, in the order looked at."""
    found = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / "resources")
    found.append(_HERE / PACKAGED)
    found.append(_HERE.parent / "resources")  # a source checkout, an editable install
    return found


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    """The resources folder in use (the checkout's when none is found, so errors name it)."""
    options = candidates()
    return next((path for path in options if (path / "fonts").is_dir()), options[-1])


def resource(*parts: str) -> Path:
    """A path inside the resources folder (it may not exist)."""
    return resources_dir().joinpath(*parts)


def font_file(bold: bool = False) -> Path:
    """The bundled DejaVu Sans face, regular or bold (it may be missing: callers say so)."""
    return resource("fonts", FONT_FILES[bold])


def font_files() -> list[Path]:
    """Both bundled faces, regular first."""
    return [font_file(False), font_file(True)]


class Licence(NamedTuple):
    """A bundled font or library and the file holding its licence text."""

    name: str
    licence: str
    path: Path


def licences() -> list[Licence]:
    """What resources/licenses/index.json lists (scripts/collect_licences.py writes it)."""
    folder = resource("licenses")
    try:
        entries = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [Licence(str(e["name"]), str(e["licence"]), folder / str(e["file"]))
            for e in entries]
