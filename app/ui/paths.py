"""Where the bundled resources (fonts, translations, samples) live."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The `resources/` folder, from a source checkout or a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Path:
    """A path inside the resources folder (it may not exist)."""
    return resources_dir().joinpath(*parts)


SAMPLE_NAME = "online-shop.cjm"
TRANSLATION_BASENAME = "journey_studio"
PROJECT_SUFFIX = ".cjm"
