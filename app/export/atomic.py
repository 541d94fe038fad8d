"""Write an output file all at once: to a temporary file beside it, then rename it into place.

A failed or interrupted export therefore never leaves a half-written file, and an existing
file is replaced only by a complete one.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def temp_path_for(target: str | os.PathLike[str]) -> Path:
    """A fresh hidden path in the target's folder that keeps the target's extension."""
    target = Path(target)
    # The extension stays last: writers such as image encoders choose the format by it.
    name = f".{target.name}.{secrets.token_hex(4)}.part{target.suffix}"
    return target.with_name(name)


def remove_quietly(path: str | os.PathLike[str]) -> None:
    """Delete a file if it exists, ignoring errors (used to clean up after a failure)."""
    try:
        os.unlink(path)
    except OSError:
        pass


def _default_mode() -> int:
    """0o666 less the process umask, read without changing it (other threads may create)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o644


def _fsync_dir(folder: Path) -> None:
    # The rename is durable only once the directory entry reaches the disk.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def atomic_output(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `target`, on error it goes."""
    target = Path(target)
    temp = temp_path_for(target)
    try:
        yield temp
        if not temp.exists():
            raise OSError(f"{target.name}: the exporter wrote no file")
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        # Writers that use mkstemp leave 0600 files: give the output the permissions a
        # plain new file would have, or keep those of the file it replaces.
        mode = target.stat().st_mode & 0o777 if target.exists() else _default_mode()
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        remove_quietly(temp)
        raise
    _fsync_dir(target.parent)


def write_bytes_atomically(target: str | os.PathLike[str], data: bytes) -> None:
    """Replace `target` with `data` in one step."""
    with atomic_output(target) as temp, open(temp, "wb") as handle:
        handle.write(data)
