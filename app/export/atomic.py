"""Write an output file all at once: to a temporary file beside it, then rename it into place.

A failed or interrupted export therefore never leaves a half-written file, and an existing
file is replaced only by a complete one. Every write is checked (a full disk raises), the
data is flushed to the disk before the rename, and a failure is reported as a WriteError
naming the file the user chose, never the hidden temporary file.

Temporary files are named `.~js-<8 hex>.tmp` (18 bytes, so any legal target name works)
and locked while they are written. A process killed mid-export leaves its temporary file
behind unlocked: the next export into that folder removes it.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app import locking

TEMP_PREFIX = ".~js-"
TEMP_SUFFIX = ".tmp"
_OURS = re.compile(r"^\.~js-[0-9a-f]{8}\.tmp$")
# Names earlier releases used; nothing holds a lock on them, so only old ones are removed.
_EARLIER = re.compile(r"^\.export-[a-z0-9_]{8}\.(png|svg)$"
                      r"|^\..+(\.[A-Za-z]+)\.[0-9a-f]{8}\.part\2$"
                      r"|^\..+\.pdf\.[0-9a-f]{8}\.tmp$")
STALE_SECONDS = 3600.0


class WriteError(OSError):
    """An output file could not be written; `filename` is the target the user named."""

    def __str__(self) -> str:
        return f"cannot write {self.filename}: {self.strerror}"


def _write_error(error: OSError, target: Path) -> WriteError:
    if isinstance(error, WriteError):
        return error
    code = error.errno or errno.EIO
    return WriteError(code, error.strerror or os.strerror(code), str(target))


def temp_path_for(target: str | os.PathLike[str]) -> Path:
    """A fresh hidden name in the target's folder, short whatever the target is called."""
    return Path(target).with_name(f"{TEMP_PREFIX}{secrets.token_hex(4)}{TEMP_SUFFIX}")


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


def fsync_dir(folder: str | os.PathLike[str]) -> None:
    """Flush a folder's entries: a rename or unlink is durable only once they are on disk."""
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


def _abandoned(path: Path, now: float) -> bool:
    """Whether a temporary file of ours is left over: unlocked (its writer died), or old.

    Without any OS lock (locking.BACKEND "none") only the age can tell.
    """
    if locking.BACKEND == "none":
        try:
            return now - os.stat(path).st_mtime > STALE_SECONDS
        except OSError:
            return False
    return not locking.held_by_anyone(path)


def clean_stale_temps(folder: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporary files that killed exports left in `folder`; return them."""
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        path = Path(entry.path)
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            if _OURS.match(entry.name):
                stale = _abandoned(path, now)
            elif _EARLIER.match(entry.name):
                stale = now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
            else:
                continue
            if stale:
                os.unlink(path)
                removed.append(path)
        except OSError:
            continue  # another process removed it first, or we may not: leave it
    return removed


def _create_locked_temp(target: Path) -> tuple[Path, int]:
    """Create and lock a fresh temporary file beside `target`; return its path and fd."""
    for _ in range(100):
        temp = temp_path_for(target)
        try:
            fd = os.open(temp, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                         0o600)
        except FileExistsError:
            continue
        # A cleaner may have locked and removed the file between its creation and our
        # lock: then the name is no longer ours, and we start again with another.
        try:
            if locking.try_lock(fd) and os.path.samestat(os.fstat(fd), os.stat(temp)):
                return temp, fd
        except FileNotFoundError:
            pass
        locking.unlock(fd)
        os.close(fd)
    raise OSError(errno.EEXIST, "no free temporary file name", str(target))


class _Temp:
    """A locked temporary file; its descriptor is let go of once."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self.fd = fd

    def release(self) -> None:
        if self.fd >= 0:
            locking.unlock(self.fd)
            os.close(self.fd)
            self.fd = -1


def _finish(temp: _Temp, target: Path, size: int | None) -> None:
    """fsync, check, set the mode and rename the complete temporary file over `target`."""
    os.fsync(temp.fd)
    written = os.fstat(temp.fd).st_size
    if written == 0 or (size is not None and written != size):
        raise OSError(errno.EIO, "the file was not written completely", str(target))
    # Writers that use mkstemp leave 0600 files: give the output the permissions a plain
    # new file would have, or keep those of the file it replaces.
    mode = target.stat().st_mode & 0o777 if target.exists() else _default_mode()
    os.chmod(temp.path, mode)
    if locking.NAMES_PINNED_WHILE_OPEN:
        # Windows cannot rename a file open here. Unlocked, the name is exposed to another
        # export's cleaning until the rename: a lost race fails this export, nothing else.
        temp.release()
    os.replace(temp.path, target)


@contextmanager
def _temp_for(target: Path) -> Iterator[_Temp]:
    """A locked temporary file beside `target`; errors become WriteErrors naming `target`.

    The body must finish the file (`_finish`); on any error the temporary file goes.
    """
    clean_stale_temps(target.parent)
    try:
        temp = _Temp(*_create_locked_temp(target))
    except OSError as error:
        raise _write_error(error, target) from None
    try:
        try:
            yield temp
        except OSError as error:
            raise _write_error(error, target) from None
    except BaseException:
        temp.release()  # first: Windows cannot delete a file open here
        remove_quietly(temp.path)
        raise
    finally:
        temp.release()
    fsync_dir(target.parent)


@contextmanager
def atomic_output(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path to write by name; on success it replaces `target`.

    For writers that insist on a file name (prefer write_bytes_atomically, which sees
    every failed write). On any error the temporary file goes, and an OSError from the
    writer is raised as a WriteError naming `target`.
    """
    target = Path(target)
    with _temp_for(target) as temp:
        yield temp.path
        _finish(temp, target, None)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view[:1 << 24])
        if written <= 0:  # never seen, but a silent short write must not pass
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]


def write_bytes_atomically(target: str | os.PathLike[str], data: bytes) -> None:
    """Replace `target` with `data` in one step, or raise WriteError and leave it as it was."""
    target = Path(target)
    with _temp_for(target) as temp:
        _write_all(temp.fd, data)
        _finish(temp, target, len(data))
