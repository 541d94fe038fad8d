"""Fixtures of the interchange tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.samples import SAMPLE_CJM, samples_dir


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A private copy of the bundled sample project."""
    target = tmp_path / "shop.cjm"
    shutil.copyfile(samples_dir() / SAMPLE_CJM, target)
    return target
