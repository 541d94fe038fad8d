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
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from app.storage.errors import NotAProjectError, ProjectLockedError, StorageError
from app.storage.guard import GuardedConnection, harden

try:  # POSIX only; without it, only this process's own registry stops a second writer.
    import fcntl
except ImportError:  # pragma: no cover - not exercised on Linux
    fcntl = None  # type: ignore[assignment]

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
BUSY_TIMEOUT_S = 5.0


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


def file_key(st: os.stat_result) -> tuple[int, int]:
    """Identity of a file independent of the path used to reach it."""
    return (st.st_dev, st.st_ino)


def open_fd(path: Path) -> int:
    """A read-only descriptor on the file, with errors as StorageError."""
    try:
        return os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        raise NotAProjectError(f"{quoted(path)} does not exist") from None
    except PermissionError:
        raise StorageError(f"cannot read {quoted(path)}: permission denied") from None
    except OSError as exc:
        raise StorageError(f"cannot read {quoted(path)}: {exc.strerror}") from None


def read_header(fd: int, path: Path, application_id: int) -> Header:
    """Read and check the header through `fd`; refuse anything that is not our project."""
    size = os.fstat(fd).st_size
    data = os.pread(fd, HEADER_SIZE, 0)
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
    """An exclusive `flock` on a project file, held while one store may write it.

    SQLite uses fcntl byte-range locks on the same file; `flock` locks are separate from
    those on Linux. fcntl locks belong to the process and are dropped when *any* descriptor
    on the file is closed, so this process must never open and close a descriptor on a file
    it has open: a registry of held locks lets callers check first.
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
    def take(cls, fd: int, path: Path) -> WriterLock:
        """Lock the file behind `fd` (which the lock then owns) or raise ProjectLockedError."""
        key = file_key(os.fstat(fd))
        with cls._guard:
            if key in cls._held:
                raise ProjectLockedError(path.name)
            if fcntl is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    raise ProjectLockedError(path.name) from None
                except OSError:
                    # Some network file systems refuse flock; run unlocked rather than not at all.
                    pass
            lock = cls(fd, key)
            cls._held[key] = lock
            return lock

    @classmethod
    def take_path(cls, path: Path) -> WriterLock:
        """Lock an existing file by path, checking this process's own locks first."""
        st = stat_file(path)
        if cls.held(file_key(st)) is not None:
            raise ProjectLockedError(path.name)
        fd = open_fd(path)
        try:
            return cls.take(fd, path)
        except BaseException:
            os.close(fd)
            raise

    def release(self) -> None:
        """Unlock and close; closing the descriptor releases the flock too."""
        with self._guard:
            if self._held.get(self.key) is self:
                del self._held[self.key]
        if self.fd >= 0:
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
# flock-ed by their writer while in use, so a leftover from a killed process can be told
# from another instance's copy in progress.
TEMP_PREFIX = ".~js-"
_TEMP_NAME = re.compile(r"\.~js-[0-9a-f]{8}\.tmp(-journal|-wal|-shm)?")
STALE_TEMP_S = 10 * 60


def temp_path_for(dest: Path) -> Path:
    """A short hidden temporary name in the destination's folder (same file system)."""
    return dest.with_name(f"{TEMP_PREFIX}{uuid.uuid4().hex[:8]}.tmp")


def create_temp(dest: Path) -> tuple[Path, int]:
    """A new empty temp file beside `dest`, and a descriptor holding its flock.

    Close the descriptor only after SQLite has closed the file (closing any descriptor
    drops the process's fcntl locks on it).
    """
    for _attempt in range(10):
        tmp = temp_path_for(dest)
        try:
            fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            continue
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:  # a file system without flock: the age rule alone protects it
                pass
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
    """True when no process holds the flock of a temp file (its writer is gone)."""
    if fcntl is None:
        return True
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return True  # no flock on this file system: the age alone decides
    finally:
        os.close(fd)
    return True


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
    """Flush a file (or a folder's entries) to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(tmp: Path, dest: Path) -> None:
    """Flush `tmp`, rename it over `dest`, flush the folder: a crash leaves one or the other."""
    fsync_path(tmp)
    os.replace(tmp, dest)
    try:
        fsync_path(dest.parent)
    except OSError:  # some file systems cannot fsync a folder; the rename still happened
        pass


def backup_to(source: sqlite3.Connection, dest: Path) -> None:
    """Copy a live database to `dest` with SQLite's backup API, via a temp file and a rename.

    A plain file copy of a WAL database misses whatever is still in the -wal file.
    """
    remove_stale_temps(dest.parent)
    tmp, held = create_temp(dest)
    try:
        target = sqlite3.connect(tmp, isolation_level=None)
        try:
            source.backup(target)
        finally:
            target.close()
        publish(tmp, dest)
    except BaseException:
        remove_database(tmp)
        raise
    finally:
        os.close(held)
