"""File-level helpers: header probing, the writer lock, SQLite connections and atomic copies.

Everything here works on paths and raw `sqlite3` connections; nothing knows the schema.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
import stat
import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from app import locking
from app.locking import file_key as file_key  # re-exported: the store keys by it
from app.storage.errors import (
    NetworkDriveError,
    NotAProjectError,
    ProjectLockedError,
    StorageError,
)
from app.storage.guard import GuardedConnection, harden
from app.storage.network import network_type

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
BUSY_TIMEOUT_S = 5.0
# Windows opens descriptors in text mode (CR LF read as LF, Ctrl-Z as the end) without it.
O_BINARY: int = getattr(os, "O_BINARY", 0)


def quoted(path: Path) -> str:
    """The file name as it appears in messages."""
    return f'"{path.name}"'


@dataclass(frozen=True)
class Header:
    """The few fields of the 100-byte SQLite header that say what a file is."""

    application_id: int
    user_version: int
    page_size: int
    page_count: int | None  # None when the header's own count is not trustworthy


def side_file_exists(path: Path, suffix: str) -> bool:
    """True when SQLite's side file `suffix` sits next to the database."""
    try:
        os.stat(f"{path}{suffix}")
    except OSError:  # missing, or a name too long to exist (a 250-byte project + "-journal")
        return False
    return True


def sidecars_exist(path: Path) -> bool:
    """True when a -wal or -journal file sits next to the database."""
    return side_file_exists(path, "-wal") or side_file_exists(path, "-journal")


def stat_file(path: Path) -> os.stat_result:
    """Stat a would-be project file, refusing missing paths, folders and devices."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise NotAProjectError(f"{quoted(path)} does not exist") from None
    except PermissionError:
        raise StorageError(f"cannot read {quoted(path)}: permission denied") from None
    except OSError as exc:
        raise StorageError(f"cannot read {quoted(path)}: {exc.strerror}") from None
    if stat.S_ISDIR(st.st_mode):
        raise NotAProjectError(f"{quoted(path)} is a folder, not a Journey Studio project")
    if not stat.S_ISREG(st.st_mode):
        raise NotAProjectError(f"{quoted(path)} is not a regular file")
    return st


def open_fd(path: Path) -> int:
    """A read-only descriptor on the file, with errors as StorageError."""
    try:
        return os.open(path, os.O_RDONLY | O_BINARY)
    except FileNotFoundError:
        raise NotAProjectError(f"{quoted(path)} does not exist") from None
    except PermissionError:
        raise StorageError(f"cannot read {quoted(path)}: permission denied") from None
    except OSError as exc:
        raise StorageError(f"cannot read {quoted(path)}: {exc.strerror}") from None


_reading = threading.Lock()


def read_at(fd: int, offset: int, size: int) -> bytes:
    """Up to `size` bytes from `offset` (seek and read: os.pread does not exist on Windows).

    The descriptors read here are private to the store, so moving their offset is safe;
    the guard keeps two threads reading one descriptor from interleaving.
    """
    chunks = []
    with _reading:
        os.lseek(fd, offset, os.SEEK_SET)
        while size > 0:
            chunk = os.read(fd, size)
            if not chunk:
                break
            chunks.append(chunk)
            size -= len(chunk)
    return b"".join(chunks)


def read_header(fd: int, path: Path, application_id: int) -> Header:
    """Read and check the header through `fd`; refuse anything that is not our project."""
    size = os.fstat(fd).st_size
    data = read_at(fd, 0, HEADER_SIZE)
    not_ours = f"{quoted(path)} is not a Journey Studio project"
    if size == 0:
        raise NotAProjectError(f"{not_ours}: the file is empty")
    if not data.startswith(SQLITE_MAGIC[: len(data)]) or len(data) < len(SQLITE_MAGIC):
        raise NotAProjectError(f"{not_ours}: it is not a database file")
    if len(data) < HEADER_SIZE:
        raise NotAProjectError(f"{quoted(path)} is damaged: the file is cut short")
    app_id = int.from_bytes(data[68:72], "big")
    if app_id != application_id:
        raise NotAProjectError(f"{not_ours}: it is a database of another program")
    page_size = int.from_bytes(data[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(data[28:32], "big")
    # The header's page count is valid only while these two counters agree (file format).
    trusted = page_count > 0 and data[24:28] == data[92:96]
    return Header(
        application_id=app_id,
        user_version=int.from_bytes(data[60:64], "big"),
        page_size=page_size,
        page_count=page_count if trusted else None,
    )


def check_length(fd: int, path: Path, header: Header) -> None:
    """Refuse a file shorter than its header says (only meaningful with no -wal beside it)."""
    if header.page_count is None:
        return
    if os.fstat(fd).st_size < header.page_count * header.page_size:
        raise NotAProjectError(f"{quoted(path)} is damaged: the file is cut short")


class WriterLock:
    """The exclusive lock (app.locking) on a project file, held while one store writes it.

    It does not touch SQLite's own locks on the file. Those are POSIX record locks, which
    belong to the process and are dropped when *any* descriptor on the file is closed, so
    this process must never open and close a descriptor on a file it has open in SQLite:
    the registry of held locks lets callers check first.
    """

    _held: dict[tuple[int, int], WriterLock] = {}
    _guard = threading.Lock()

    def __init__(self, fd: int, key: tuple[int, int]) -> None:
        self.fd = fd
        self.key = key

    @classmethod
    def held(cls, key: tuple[int, int]) -> WriterLock | None:
        """The lock this process holds on that file, if any."""
        with cls._guard:
            return cls._held.get(key)

    @classmethod
    def take(cls, fd: int, path: Path, *, to_edit: bool = True) -> WriterLock:
        """Lock the file behind `fd` (which the lock then owns) or raise ProjectLockedError.

        A file to be edited (opened or created for writing) must be on a local disk:
        NetworkDriveError otherwise. Replacing a file with a copy is fine anywhere.
        """
        if to_edit:
            kind = network_type(path)
            if kind is not None:
                # A new project is locked as its temp file: name the folder, not the temp.
                what = (f'the folder "{path.parent.name}"' if _TEMP_NAME.fullmatch(path.name)
                        else quoted(path))
                raise NetworkDriveError(what, kind)
        key = file_key(os.fstat(fd))
        with cls._guard:
            if key in cls._held:
                raise ProjectLockedError(path.name)
            if not locking.try_lock(fd):
                raise ProjectLockedError(path.name)
            lock = cls(fd, key)
            cls._held[key] = lock
            return lock

    @classmethod
    def take_path(cls, path: Path) -> WriterLock:
        """Lock an existing file by path, checking this process's own locks first."""
        st = stat_file(path)
        if cls.held(file_key(st)) is not None or locking.held_here(file_key(st)):
            raise ProjectLockedError(path.name)
        fd = open_fd(path)
        try:
            return cls.take(fd, path, to_edit=False)
        except BaseException:
            os.close(fd)
            raise

    def release(self) -> None:
        """Unlock and close the descriptor."""
        with self._guard:
            if self._held.get(self.key) is self:
                del self._held[self.key]
        if self.fd >= 0:
            locking.unlock(self.fd)
            os.close(self.fd)
            self.fd = -1


def connect(path: Path | str, mode: str) -> sqlite3.Connection:
    """A raw connection in autocommit mode; mode is "rw", "rwc" or "ro"."""
    if str(path) == ":memory:":
        uri = ":memory:"
    else:
        uri = f"{Path(path).absolute().as_uri()}?{urlencode({'mode': mode})}"
    # isolation_level=None: we issue BEGIN ourselves, so DDL is transactional too.
    raw = sqlite3.connect(
        uri, uri=True, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_S,
        factory=GuardedConnection,
    )
    try:
        harden(raw)
    except BaseException:
        raw.close()
        raise
    return raw


def writer_pragmas(raw: sqlite3.Connection) -> None:
    """Settings of every connection that writes a project."""
    # WAL + NORMAL: a commit survives a crash of the app (not of the OS) at ~0.6 ms each.
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=NORMAL")
    raw.execute("PRAGMA foreign_keys=ON")


# Our temp files: short (a 250-byte destination name still fits), recognisable, and
# locked by their writer while in use, so a leftover from a killed process can be told
# from another instance's copy in progress.
TEMP_PREFIX = ".~js-"
_TEMP_NAME = re.compile(r"\.~js-[0-9a-f]{8}\.tmp(-journal|-wal|-shm)?")
STALE_TEMP_S = 10 * 60


def temp_path_for(dest: Path) -> Path:
    """A short hidden temporary name in the destination's folder (same file system)."""
    return dest.with_name(f"{TEMP_PREFIX}{uuid.uuid4().hex[:8]}.tmp")


def create_temp(dest: Path) -> tuple[Path, int]:
    """A new empty temp file beside `dest`, and a descriptor holding its lock.

    Close the descriptor only after SQLite has closed the file (closing any descriptor
    drops the process's POSIX record locks on it: SQLite's).
    """
    for _attempt in range(10):
        tmp = temp_path_for(dest)
        try:
            fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL | O_BINARY, 0o644)
        except FileExistsError:
            continue
        # Nobody else knows the new name yet, and a file system without locks counts as
        # locked: the age rule alone protects the file then.
        locking.try_lock(fd)
        return tmp, fd
    raise FileExistsError(f"no free temporary name beside {dest.name}")


def remove_stale_temps(folder: Path, now: float | None = None) -> None:
    """Delete our temp files a killed process left in `folder` (old, and held by nobody)."""
    import time

    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        match = _TEMP_NAME.fullmatch(entry.name)
        if match is None:
            continue
        side = match[1] or ""
        main = Path(folder, entry.name[: len(entry.name) - len(side)])
        try:
            if now - entry.stat(follow_symlinks=False).st_mtime < STALE_TEMP_S:
                continue
            if side:
                if not main.exists():  # its temp is gone: an orphan
                    os.unlink(entry.path)
            elif _unheld(main):
                remove_database(main)
        except OSError:
            continue


def _unheld(path: Path) -> bool:
    """True when no process holds the lock of a temp file (its writer is gone)."""
    return not locking.held_by_anyone(path)


def remove_database(path: Path) -> None:
    """Delete a database file and the side files SQLite may have left next to it."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        remove_side_file(path, suffix)


def remove_side_file(path: Path, suffix: str) -> None:
    """Delete `path` + `suffix` if it exists (a name too long to exist does not)."""
    try:
        os.unlink(f"{path}{suffix}")
    except FileNotFoundError:
        pass
    except OSError as exc:
        if exc.errno != errno.ENAMETOOLONG:
            raise


def fsync_path(path: Path) -> None:
    """Flush a folder's entries to disk (Windows cannot open a folder: OSError there)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class _Held:
    """A temp file's locked descriptor, let go of once (before a rename or a delete)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def release(self) -> None:
        if self.fd >= 0:
            locking.unlock(self.fd)
            os.close(self.fd)
            self.fd = -1


def publish(tmp: Path, dest: Path, fd: int,
            let_go: Iterable[Callable[[], None]] = ()) -> None:
    """Flush `tmp` through `fd`, rename it over `dest`, flush the folder.

    A crash leaves one or the other. `fd` is the temp's own writable descriptor (Windows
    cannot flush through a read-only one). Where open files pin their names (Windows,
    locking.NAMES_PINNED_WHILE_OPEN) the `let_go` calls run first: they close this
    process's descriptors on `tmp` and `dest`, and the caller locks `dest` again after
    (`relock`); there a file another program holds open makes the rename fail
    (PermissionError), so an open project is never replaced. Elsewhere the descriptors
    keep their locks through the rename (same inode): nobody can get in between.
    """
    os.fsync(fd)
    if locking.NAMES_PINNED_WHILE_OPEN:
        for release in let_go:
            release()
    os.replace(tmp, dest)
    try:
        fsync_path(dest.parent)
    except OSError:  # some file systems cannot fsync a folder; the rename still happened
        pass


def relock(path: Path, key: tuple[int, int]) -> WriterLock:
    """Lock again the file just renamed to `path`, whose lock was let go for the rename.

    ProjectLockedError when another process took it in between or replaced it.
    """
    fd = open_fd(path)
    try:
        if file_key(os.fstat(fd)) != key:
            raise ProjectLockedError(path.name)
        return WriterLock.take(fd, path, to_edit=False)
    except BaseException:
        os.close(fd)
        raise


def create_file(path: Path, write: Callable[[Path], None],
                replacing: WriterLock | None = None) -> WriterLock:
    """Write a new database with `write(temp path)` beside `path` and rename it into place.

    Returns the writer lock on the new file. `write` must close what it opens on the
    temp. `replacing` is the lock on the file at `path` being replaced (let go of only
    where names are pinned). OSError and sqlite3.Error pass through; no temp is left.
    """
    remove_stale_temps(path.parent)
    tmp, fd = create_temp(path)
    held = _Held(fd)
    lock = None
    try:
        write(tmp)
        # The temp's own lock becomes the writer lock: same inode after the rename.
        lock = WriterLock.take(held.fd, tmp)
        held.fd = -1  # the lock owns it now
        if replacing is not None:
            # A -wal left by a crash of the file being replaced would otherwise be
            # replayed into the new one: WAL frames do not name their database.
            for suffix in ("-wal", "-shm", "-journal"):
                remove_side_file(path, suffix)
        publish(tmp, path, lock.fd, [lock.release, *([replacing.release] if replacing else [])])
        if lock.fd < 0:  # let go of for the rename
            lock = relock(path, lock.key)
        return lock
    except BaseException:
        if lock is not None:
            lock.release()
        held.release()  # before deleting: Windows cannot delete a file open here
        remove_database(tmp)
        raise


def backup_to(source: sqlite3.Connection, dest: Path,
              replacing: WriterLock | None = None) -> None:
    """Copy a live database to `dest` with SQLite's backup API, via a temp file and a rename.

    A plain file copy of a WAL database misses whatever is still in the -wal file.
    `replacing` is the caller's lock on the file at `dest`, as for `publish`.
    """
    remove_stale_temps(dest.parent)
    tmp, fd = create_temp(dest)
    held = _Held(fd)
    try:
        target = sqlite3.connect(tmp, isolation_level=None)
        try:
            source.backup(target)
        finally:
            target.close()
        publish(tmp, dest, held.fd, [held.release, *([replacing.release] if replacing else [])])
    except BaseException:
        held.release()  # before deleting: Windows cannot delete a file open here
        remove_database(tmp)
        raise
    finally:
        held.release()
