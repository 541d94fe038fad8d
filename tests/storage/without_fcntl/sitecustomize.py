"""Put on PYTHONPATH: every interpreter started then runs as on Windows, without `fcntl`.

`import fcntl` fails, and `msvcrt.locking` exists with Windows' semantics for the lock
Journey Studio takes (an exclusive, non-blocking lock owned by one open file handle,
refused with EACCES while another handle holds it), made here of flock(2) through ctypes.
Used by tests/storage/test_portable_lock.py; the children the tests start inherit the
environment, so a second app is "on Windows" too.
"""

import ctypes
import errno
import os
import subprocess  # noqa: F401  # first: it takes a module named msvcrt to mean Windows
import sys
import types

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
