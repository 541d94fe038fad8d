"""Fixtures for the command-line tests: a private copy of the sample, a runner, hashes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.cli import main
from app.samples import SAMPLE_CJM, samples_dir


@pytest.fixture
def sample_cjm(tmp_path: Path) -> Path:
    """A copy of the bundled sample project, safe to point commands at."""
    target = tmp_path / "sample.cjm"
    shutil.copyfile(samples_dir() / SAMPLE_CJM, target)
    return target


@pytest.fixture
def cli(capsys):
    """Run main([...]) in-process; return (exit code, stdout, stderr)."""

    def run(*args: object) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
