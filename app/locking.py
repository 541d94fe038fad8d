"""Exclusive, non-blocking locks on open files, the same on Linux, macOS and Windows.

Used by storage (the single-writer lock of a project, the temp files of a copy) and by
export (the temp files of an output): neither may import the other, so it lives here.

The lock belongs to the caller's descriptor (an open file handle), not to the process:
another descriptor on the same file, even in this process, is refused, and closing some
other descriptor on the file does not drop it. Two backends give those semantics:
`flock` where Python has `fcntl` (Linux, macOS, the BSDs: the whole file) and
`msvcrt.locking` on Windows (one byte at LOCK_OFFSET, far beyond any data a project or an
export holds and away from SQLite's own lock bytes at 1 GiB, since Windows locks are
mandatory: a locked byte cannot be read by others). SQLite's locking of the same file
is unaffected by either.

A table of the files this process holds also refuses a second descriptor here before the
OS is asked, and lets `held_by_anyone` answer without opening a file this process holds.
"""

from __future__ import annotations

import errno
import os
import threading
from collections.abc import Callable

# Below 2 GiB: msvcrt.locking seeks with a 32-bit offset. Beyond SQLite's lock page
# (0x40000000-0x400001FF) and beyond the data of any file smaller than 2 GiB.
LOCK_OFFSET = 0x7FFFFFF0

_BUSY = (errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, getattr(errno, "EDEADLOCK", -1))


def _at_lock_byte(fd: int, call: Callable[[], None]) -> None:
    """Run a lock call that works at the descriptor's position, then put the position back
    (the caller may be in the middle of writing the file)."""
    position = os.lseek(fd, 0, os.SEEK_CUR)
    os.lseek(fd, LOCK_OFFSET, os.SEEK_SET)
    try:
        call()
    finally:
        os.lseek(fd, position, os.SEEK_SET)


def _flock_backend() -> tuple[str, Callable[[int], None], Callable[[int], None]] | None:
    try:
        import fcntl
    except ImportError:
        return None

    def lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    return "flock", lock, unlock


def _msvcrt_backend() -> tuple[str, Callable[[int], None], Callable[[int], None]] | None:
    try:
        import msvcrt
    except ImportError:
        return None

    def lock(fd: int) -> None:
        _at_lock_byte(fd, lambda: msvcrt.locking(fd, msvcrt.LK_NBLCK, 1))  # type: ignore[attr-defined]

    def unlock(fd: int) -> None:
        _at_lock_byte(fd, lambda: msvcrt.locking(fd, msvcrt.LK_UNLCK, 1))  # type: ignore[attr-defined]

    return "msvcrt", lock, unlock


def _choose() -> tuple[str, Callable[[int], None] | None, Callable[[int], None] | None]:
    for make in (_flock_backend, _msvcrt_backend):
        found = make()
        if found is not None:
            return found
    return "none", None, None


# "none" only on a Python with neither module (no platform Journey Studio supports): then
# only this process's own table stops a second writer.
BACKEND, _os_lock, _os_unlock = _choose()

# Windows (the only platform with msvcrt) keeps the name of a file while any handle on it
# is open: Python's os.open/open and SQLite open without FILE_SHARE_DELETE, so a file this
# process holds cannot be renamed, replaced or deleted. Callers then let go of their
# descriptors before a rename and lock the result again. Read at call time: tests set it.
NAMES_PINNED_WHILE_OPEN = BACKEND == "msvcrt"

_held: dict[tuple[int, int], int] = {}  # file identity → the descriptor holding its lock
_guard = threading.Lock()


def file_key(st: os.stat_result) -> tuple[int, int]:
    """Identity of a file independent of the path used to reach it."""
    return (st.st_dev, st.st_ino)


def _owner(key: tuple[int, int]) -> int | None:
    """The descriptor holding that file's lock; forgets one closed without `unlock`."""
    fd = _held.get(key)
    if fd is None:
        return None
    try:
        alive = file_key(os.fstat(fd)) == key
    except OSError:
        alive = False
    if not alive:
        del _held[key]
        return None
    return fd


def held_here(key: tuple[int, int]) -> bool:
    """True when this process holds the lock of that file."""
    with _guard:
        return _owner(key) is not None


def try_lock(fd: int) -> bool:
    """Lock the file behind `fd`; False when another process or descriptor holds it.

    Taking it again on the same descriptor succeeds. A file system that refuses locks
    altogether counts as locked: running unlocked beats not running (projects on network
    shares, where that happens, are not edited in place anyway).
    """
    key = file_key(os.fstat(fd))
    with _guard:
        owner = _owner(key)
        if owner is not None and owner != fd:
            return False
        if _os_lock is not None:
            try:
                _os_lock(fd)
            except OSError as exc:
                if exc.errno in _BUSY:
                    return False
                # ENOLCK, EOPNOTSUPP… (some network shares): no lock to be had here.
        _held[key] = fd
        return True


def unlock(fd: int) -> None:
    """Give the lock up (the caller closes the descriptor afterwards)."""
    try:
        key = file_key(os.fstat(fd))
    except OSError:
        return
    with _guard:
        if _held.get(key) != fd:
            return
        del _held[key]
        if _os_unlock is not None:
            try:
                _os_unlock(fd)
            except OSError:
                pass  # closing the descriptor releases it anyway


def held_by_anyone(path: str | os.PathLike[str]) -> bool:
    """True when some process (this one included) holds the lock of the file at `path`.

    False for a file that is gone. Never opens a file this process holds: closing that
    descriptor would drop the POSIX record locks SQLite may hold on it in this process.
    """
    try:
        if held_here(file_key(os.stat(path))):
            return True
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:
        return False
    try:
        if not try_lock(fd):
            return True
        unlock(fd)
        return False
    finally:
        os.close(fd)
