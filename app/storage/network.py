"""Is a file on a network share? Projects are edited only on local disks.

SQLite's WAL needs shared memory between the processes that open a file, which a network
file system cannot give, and the byte-range locks that keep a second writer out are
unreliable there (NFS without lockd, SMB caching, sshfs without any). So a project on a
share is opened read-only, or copied to this computer to be edited (docs/file-format.md).

Linux reads /proc/self/mountinfo (MOUNTINFO, replaceable by tests); macOS asks statfs
for the file system's type name; Windows asks GetDriveTypeW. The last two are written
but untested here (the project is built and tested on Linux).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

MOUNTINFO = Path("/proc/self/mountinfo")
NETWORK_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "smb2", "ncpfs", "9p", "afs", "coda",
    "ceph", "glusterfs", "lustre", "gpfs", "davfs", "webdav", "afpfs", "sshfs",
    "fuse.sshfs", "fuse.glusterfs", "fuse.davfs2", "fuse.rclone", "fuse.s3fs",
    "fuse.cephfs", "fuse.gcsfuse",
})


def _unescape(field: str) -> str:
    # mountinfo writes space, tab, newline and backslash as \040, \011, \012, \134.
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and field[i + 1:i + 4].isdigit():
            out.append(chr(int(field[i + 1:i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def _linux_type(folder: str, mountinfo: str) -> str | None:
    """The type of the file system whose mount point holds `folder` (the deepest one)."""
    best, best_type = "", None
    for line in mountinfo.splitlines():
        left, sep, right = line.partition(" - ")
        fields = left.split()
        if not sep or len(fields) < 5 or not right.split():
            continue
        point = _unescape(fields[4])
        inside = folder == point or folder.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):  # a later mount over the same point wins
            best, best_type = point, right.split()[0]
    return best_type


def _macos_type(folder: str) -> str | None:  # pragma: no cover - macOS only
    import ctypes

    class StatFs(ctypes.Structure):  # struct statfs, 64-bit inode layout
        _fields_ = [("f_bsize", ctypes.c_uint32), ("f_iosize", ctypes.c_int32),
                    ("f_blocks", ctypes.c_uint64), ("f_bfree", ctypes.c_uint64),
                    ("f_bavail", ctypes.c_uint64), ("f_files", ctypes.c_uint64),
                    ("f_ffree", ctypes.c_uint64), ("f_fsid", ctypes.c_int32 * 2),
                    ("f_owner", ctypes.c_uint32), ("f_type", ctypes.c_uint32),
                    ("f_flags", ctypes.c_uint32), ("f_fssubtype", ctypes.c_uint32),
                    ("f_fstypename", ctypes.c_char * 16), ("f_mntonname", ctypes.c_char * 1024),
                    ("f_mntfromname", ctypes.c_char * 1024), ("f_reserved", ctypes.c_uint32 * 8)]

    libc = ctypes.CDLL(None)
    statfs = getattr(libc, "statfs$INODE64", libc.statfs)
    result = StatFs()
    if statfs(os.fsencode(folder), ctypes.byref(result)) != 0:
        return None
    return str(result.f_fstypename.decode(errors="replace"))


def _windows_type(folder: str) -> str | None:  # pragma: no cover - Windows only
    import ctypes

    drive = os.path.splitdrive(os.path.abspath(folder))[0]
    if drive.startswith("\\\\"):
        return "smb"  # a UNC path: \\server\share
    remote = 4  # DRIVE_REMOTE
    kind = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")  # type: ignore[attr-defined]
    return "network drive" if kind == remote else None


def file_system_type(path: str | os.PathLike[str]) -> str | None:
    """The type of file system the file at `path` is on, when it can be told."""
    folder = os.path.realpath(os.path.dirname(os.path.abspath(path)))
    if sys.platform == "win32":  # pragma: no cover
        return _windows_type(folder)
    if sys.platform == "darwin":  # pragma: no cover
        return _macos_type(folder)
    try:
        mountinfo = MOUNTINFO.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return _linux_type(folder, mountinfo)


def network_type(path: str | os.PathLike[str]) -> str | None:
    """The network file system `path` is on ("nfs4", "cifs"…), or None for a local disk."""
    kind = file_system_type(path)
    if kind is None:
        return None
    if kind in NETWORK_TYPES or kind in ("smb", "network drive"):
        return kind
    return None
