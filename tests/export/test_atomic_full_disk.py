"""Exports to a really full disk (a 128 KiB tmpfs) fail loudly and leave nothing behind.

Needs root to mount; skipped where mounting is not permitted. The monkeypatched variants
in test_atomic_writes.py run everywhere.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from app.cli import main
from app.samples import SAMPLE_CJM, samples_dir
from tests.export.sample import EXPORT_FORMATS

FORMATS = EXPORT_FORMATS


@pytest.fixture
def full_disk(tmp_path: Path):
    """A 128 KiB tmpfs folder, filled to the last few KiB."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    folder = tmp_path / "full"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", str(folder)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here: {mounted.stderr.decode()}")
    try:
        filler = folder / "filler.bin"
        with open(filler, "wb") as handle:
            handle.write(b"\0" * (128 - 8) * 1024)
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_to_a_full_disk_fails_with_one_line_and_leaves_nothing(full_disk, capsys, fmt):
    source = samples_dir() / SAMPLE_CJM
    target = full_disk / f"journey map.{fmt}"
    before = _names(full_disk)
    code = main(["export", str(source), "-o", str(target)])
    err = capsys.readouterr().err
    assert code == 2, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "journey map." + fmt in lines[0], lines[0]
    assert os.strerror(errno.ENOSPC) in lines[0], lines[0]
    assert ".~js-" not in err and ".tmp" not in err and "unexpected" not in err
    assert _names(full_disk) == before  # no target, no temporary file


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_full_disk_never_damages_the_file_being_replaced(full_disk, capsys, fmt):
    target = full_disk / f"old.{fmt}"
    target.write_bytes(b"the previous export")
    code = main(["export", str(samples_dir() / SAMPLE_CJM), "-o", str(target), "--force"])
    assert code == 2, capsys.readouterr().err
    assert target.read_bytes() == b"the previous export"
    assert _names(full_disk) == ["filler.bin", f"old.{fmt}"]


def test_an_export_succeeds_once_there_is_room(full_disk, tmp_path, capsys):
    (full_disk / "filler.bin").unlink()
    small = tmp_path / "small.cjm"
    assert main(["new", str(small)]) == 0
    target = full_disk / "ok.json"
    assert main(["export", str(small), "-o", str(target)]) == 0, capsys.readouterr().err
    assert target.read_bytes().endswith(b"}\n")
    assert _names(full_disk) == ["ok.json"]
