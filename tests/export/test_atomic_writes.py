"""Exports write completely or not at all, name the file the user chose, and clean up.

A failing disk is simulated by making the writes (or the fsync) of the export's temporary
file fail with ENOSPC, the way a full disk does: this runs everywhere, unlike the tmpfs
variant in test_atomic_full_disk.py.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.cli import main
from app.export import atomic
from app.samples import SAMPLE_CJM, samples_dir
from tests.export.sample import EXPORT_FORMATS, HAS_QT

FORMATS = EXPORT_FORMATS
SAMPLE = samples_dir() / SAMPLE_CJM
ROOT = Path(__file__).resolve().parents[2]


def _export(capsys, target: Path, *extra: str) -> tuple[int, str]:
    code = main(["export", str(SAMPLE), "-o", str(target), *extra])
    return code, capsys.readouterr().err


@pytest.fixture
def failing_disk(monkeypatch):
    """Make writes to export temporaries fail like a full disk; `where` picks the call."""
    temp_fds: set[int] = set()
    create = atomic._create_locked_temp

    def tracked(target):
        temp, fd = create(target)
        temp_fds.add(fd)
        return temp, fd

    monkeypatch.setattr(atomic, "_create_locked_temp", tracked)
    real_write, real_fsync = os.write, os.fsync

    def arm(where: str) -> None:
        def write(fd, data):
            if fd in temp_fds and where == "write":
                real_write(fd, bytes(data[: len(data) // 2]))  # half fits, then the disk is full
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real_write(fd, data)

        def fsync(fd):
            if fd in temp_fds and where == "fsync":
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real_fsync(fd)

        monkeypatch.setattr(os, "write", write)
        monkeypatch.setattr(os, "fsync", fsync)

    return arm


@pytest.mark.parametrize("where", ["write", "fsync"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_failed_write_exits_2_names_the_target_and_leaves_nothing(tmp_path, capsys,
                                                                     failing_disk, fmt, where):
    failing_disk(where)
    target = tmp_path / f"my map.{fmt}"
    code, err = _export(capsys, target)
    assert code == 2, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert f"my map.{fmt}" in lines[0] and os.strerror(errno.ENOSPC) in lines[0], lines[0]
    assert ".~js-" not in err and "unexpected" not in err
    assert os.listdir(tmp_path) == []


def test_the_writer_reports_the_target_not_the_temporary_file(tmp_path, failing_disk):
    failing_disk("write")
    target = tmp_path / "out.json"
    with pytest.raises(OSError) as caught:
        atomic.write_bytes_atomically(target, b"x" * 10_000)
    assert caught.value.filename == str(target)
    assert str(caught.value) == f"cannot write {target}: {os.strerror(errno.ENOSPC)}"
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_250_byte_file_name_exports(tmp_path, capsys, fmt):
    stem = "Hành trình " * 30
    name = stem.encode("utf-8")[: 250 - len(fmt) - 1].decode("utf-8", "ignore")
    name = name + "a" * (250 - len(fmt) - 1 - len(name.encode("utf-8"))) + "." + fmt
    assert len(name.encode("utf-8")) == 250
    code, err = _export(capsys, tmp_path / name)
    assert code == 0, err
    assert os.listdir(tmp_path) == [name]
    assert (tmp_path / name).stat().st_size > 0


def test_temporary_names_are_short_and_hidden(tmp_path):
    temp = atomic.temp_path_for(tmp_path / ("x" * 250))
    assert temp.parent == tmp_path
    assert temp.name.startswith(".") and len(temp.name) <= 20


_CHILD = """
import sys, time
from app.export.atomic import atomic_output
with atomic_output(sys.argv[1]) as temp:
    with open(temp, "wb") as handle:
        handle.write(b"%PDF-1.4 half a file")
    print("writing", flush=True)
    time.sleep(600)
"""


def _child_writing(target: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(target)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline() == "writing\n"
    return child


def _temps(folder: Path) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n.startswith(".~js-"))


def test_a_killed_exports_temporary_file_is_removed_by_the_next_export(tmp_path, capsys):
    child = _child_writing(tmp_path / "killed.pdf")
    child.kill()
    child.wait()
    assert len(_temps(tmp_path)) == 1  # what kill -9 leaves behind
    code, err = _export(capsys, tmp_path / "next.json")
    assert code == 0, err
    assert sorted(os.listdir(tmp_path)) == ["next.json"]


def test_a_running_exports_temporary_file_is_left_alone(tmp_path, capsys):
    child = _child_writing(tmp_path / "running.pdf")
    try:
        held = _temps(tmp_path)
        assert len(held) == 1
        code, err = _export(capsys, tmp_path / "next.json")
        assert code == 0, err
        assert _temps(tmp_path) == held
    finally:
        child.kill()
        child.wait()


def test_only_our_own_leftovers_are_cleaned(tmp_path, capsys):
    old = time.time() - 2 * atomic.STALE_SECONDS
    legacy = [".export-ab12_x9z.svg", ".map.pdf.1a2b3c4d.part.pdf", ".map.pdf.0123abcd.tmp"]
    kept = [".notes.12345678.tmp", ".~js-nothex!.tmp", "export-ab12cd34.svg", "mine.tmp"]
    for name in [*legacy, *kept]:
        (tmp_path / name).write_bytes(b"old")
        os.utime(tmp_path / name, (old, old))
    fresh = tmp_path / ".export-fresh123.png"  # an earlier release may be writing it now
    fresh.write_bytes(b"new")
    code, err = _export(capsys, tmp_path / "next.json")
    assert code == 0, err
    assert sorted(os.listdir(tmp_path)) == sorted([*kept, fresh.name, "next.json"])


@pytest.mark.skipif(not HAS_QT, reason="a screenshot needs Qt (PySide6)")
def test_a_screenshot_that_cannot_be_written_names_it_and_leaves_nothing(tmp_path, capsys,
                                                                         failing_disk):
    failing_disk("write")
    project = tmp_path / "p.cjm"
    assert main(["new", str(project)]) == 0
    capsys.readouterr()
    code = main([str(project), "--read-only", "--screenshot", str(tmp_path / "shot.png"),
                 "--size", "640x480"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.splitlines() == [f"error: cannot write {tmp_path / 'shot.png'}: "
                                f"{os.strerror(errno.ENOSPC)}"]
    assert os.listdir(tmp_path) == ["p.cjm"]
