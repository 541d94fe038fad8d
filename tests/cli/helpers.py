"""Assertions shared by the command-line tests."""

from __future__ import annotations

import hashlib
from pathlib import Path


def digest(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    """Every file in a folder with its hash: shows files appearing, vanishing or changing."""
    return {p.name: digest(p) for p in sorted(folder.iterdir()) if p.is_file()}


def assert_one_error_line(code: int, err: str, *fragments: str) -> None:
    """A failure: exit 2, exactly one stderr line starting `error:` holding the fragments."""
    assert code == 2, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ")
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
