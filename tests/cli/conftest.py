"""Fixtures for the command-line tests: a private copy of the sample, a runner, hashes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.samples import SAMPLE_CJM, samples_dir


@pytest.fixture
def sample_cjm(tmp_path: Path) -> Path:
    """A copy of the bundled sample project, safe to point commands at."""
    target = tmp_path / "sample.cjm"
    shutil.copyfile(samples_dir() / SAMPLE_CJM, target)
    return target

