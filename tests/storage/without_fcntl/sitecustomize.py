"""Put on PYTHONPATH: every interpreter started then runs as on Windows, without `fcntl`.

`import fcntl` fails, and `msvcrt.locking` exists with Windows' semantics for the lock
Journey Studio takes (an exclusive, non-blocking lock owned by one open file handle,
refused with EACCES while another handle holds it), made here of flock(2) through ctypes.

Windows' naming rules are enforced too, for what this process holds open: Python's
`os.open`/`open` and SQLite open files without FILE_SHARE_DELETE, so renaming, replacing
or deleting a file while a descriptor or a SQLite connection of this process is open on
it (as source or as destination) fails with PermissionError (WinError 32 there). And
`os.open` without O_BINARY gives a text-mode descriptor: reading it turns CR LF into LF
and stops at Ctrl-Z, as the C runtime does.

Used by tests/storage/test_portable_lock.py; the children the tests start inherit the
environment, so a second app is "on Windows" too.
"""

import builtins
import ctypes
import errno
import io
import os
import sqlite3
import subprocess  # noqa: F401  # first: it takes a module named msvcrt to mean Windows
import sys
import threading
import types
import weakref
from urllib.parse import unquote, urlsplit

sys.modules["fcntl"] = None  # `import fcntl` now raises ImportError

_libc = ctypes.CDLL(None, use_errno=True)
_LOCK_EX, _LOCK_NB, _LOCK_UN = 2, 4, 8

msvcrt = types.ModuleType("msvcrt")
msvcrt.LK_UNLCK, msvcrt.LK_LOCK, msvcrt.LK_NBLCK = 0, 1, 2


def _locking(fd, mode, nbytes):
    operation = _LOCK_UN if mode == msvcrt.LK_UNLCK else _LOCK_EX | _LOCK_NB
    if _libc.flock(fd, operation) != 0:
        code = ctypes.get_errno()
        code = errno.EACCES if code == errno.EWOULDBLOCK else code
        raise OSError(code, os.strerror(code))


msvcrt.locking = _locking
sys.modules["msvcrt"] = msvcrt

# -- what this process holds open -------------------------------------------------------

# A flag bit Linux does not use; stripped before the real open, seen here.
os.O_BINARY = 0x10000000
_guard = threading.RLock()
_fds: dict[int, tuple[int, int]] = {}  # descriptor → identity of its file
_text_fds: set[int] = set()
_files = weakref.WeakSet()  # file objects from open()
_connections: "weakref.WeakKeyDictionary[sqlite3.Connection, str]" = weakref.WeakKeyDictionary()

_real_open, _real_close, _real_read = os.open, os.close, os.read
_real_fdopen = os.fdopen
_real_replace, _real_rename, _real_unlink = os.replace, os.rename, os.unlink
_real_builtin_open, _real_connect = builtins.open, sqlite3.connect


def _key(st):
    return (st.st_dev, st.st_ino)


def _open(path, flags, mode=0o777, *, dir_fd=None):
    fd = _real_open(path, flags & ~os.O_BINARY, mode, dir_fd=dir_fd)
    with _guard:
        try:
            _fds[fd] = _key(os.fstat(fd))
        except OSError:
            pass
        if flags & os.O_BINARY:
            _text_fds.discard(fd)
        else:
            _text_fds.add(fd)
    return fd


def _close(fd):
    with _guard:
        _fds.pop(fd, None)
        _text_fds.discard(fd)
    _real_close(fd)


def _read(fd, n):
    data = _real_read(fd, n)
    if fd in _text_fds:  # the C runtime's text mode
        data = data.split(b"\x1a", 1)[0].replace(b"\r\n", b"\n")
    return data


def _fdopen(fd, *args, **kwargs):
    stream = _real_fdopen(fd, *args, **kwargs)
    with _guard:
        _fds.pop(fd, None)  # the stream owns it now; it closes it without os.close
    _files.add(stream)
    return stream


def _builtin_open(file, *args, **kwargs):
    stream = _real_builtin_open(file, *args, **kwargs)
    _files.add(stream)
    return stream


def _database_path(database):
    text = os.fsdecode(database)
    if text.startswith("file:"):
        text = unquote(urlsplit(text).path)
    if text in ("", ":memory:"):
        return None
    return os.path.realpath(text)


class _Connection(sqlite3.Connection):
    """A plain connection that can be referred to weakly."""


def _connect(database, *args, **kwargs):
    kwargs.setdefault("factory", _Connection)
    connection = _real_connect(database, *args, **kwargs)
    path = _database_path(database)
    if path is not None and hasattr(connection, "__weakref__"):
        with _guard:
            _connections[connection] = path
    return connection


def _is_open(connection):
    try:
        connection.total_changes  # noqa: B018  # raises once the connection is closed
    except sqlite3.ProgrammingError:
        return False
    return True


def _open_here(path):
    """True when this process has a descriptor, file object or SQLite connection on it."""
    try:
        key = _key(os.stat(path))
    except OSError:
        return False
    real = os.path.realpath(path)
    with _guard:
        for fd, held in list(_fds.items()):
            try:
                alive = _key(os.fstat(fd)) == held
            except OSError:
                alive = False
            if not alive:
                del _fds[fd]  # closed some other way
            elif held == key:
                return True
        for stream in list(_files):
            try:
                if not stream.closed and _key(os.fstat(stream.fileno())) == key:
                    return True
            except (OSError, ValueError):
                continue
        for connection, database in list(_connections.items()):
            # SQLite keeps its -wal, -shm and -journal files open beside the database.
            if real in {database, *(database + s for s in ("-wal", "-shm", "-journal"))} \
                    and _is_open(connection):
                return True
    return False


def _refuse(*paths):
    for path in paths:
        if isinstance(path, int):
            continue
        if _open_here(path):
            raise PermissionError(errno.EACCES, "The process cannot access the file because "
                                  "it is being used by another process", os.fsdecode(path))


def _replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    _refuse(src, dst)
    _real_replace(src, dst, src_dir_fd=src_dir_fd, dst_dir_fd=dst_dir_fd)


def _rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    _refuse(src, dst)
    _real_rename(src, dst, src_dir_fd=src_dir_fd, dst_dir_fd=dst_dir_fd)


def _unlink(path, *, dir_fd=None):
    _refuse(path)
    _real_unlink(path, dir_fd=dir_fd)


os.open, os.close, os.read, os.fdopen = _open, _close, _read, _fdopen
os.replace, os.rename, os.unlink, os.remove = _replace, _rename, _unlink, _unlink
builtins.open = io.open = _builtin_open
sqlite3.connect = _connect
