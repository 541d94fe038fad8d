"""Reading a `-wal` file ourselves, before SQLite would replay it into the project.

SQLite replays any `-wal` file lying beside a database into it, whichever database wrote
it: WAL frames do not name their database. To refuse a stray one, the store reads the WAL
as SQLite's recovery would (header and frame checksums, salts, commit frames) and builds
the database image it would produce *in memory*, where it can be checked whole before the
file itself is touched. The same image serves read-only opening, which so never needs a
SQLite connection on the file (and never creates a `-shm` beside it). The other side
file SQLite replays, a rollback `-journal`, is rolled back in a private copy (at the end).
"""

from __future__ import annotations

import os
import sqlite3
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.storage.files import connect

WAL_HEADER_SIZE = 32
FRAME_HEADER_SIZE = 24
_MAGIC_LE, _MAGIC_BE = 0x377F0682, 0x377F0683
_VERSION = 3007000


@dataclass(frozen=True)
class WalContent:
    """The committed frames of a WAL file: the last image of each page, and the size."""

    page_size: int
    pages: dict[int, bytes]  # page number (1-based) → its newest committed image
    db_pages: int  # the database size in pages after the last commit

    def apply(self, database: bytes) -> bytes:
        """The database image SQLite's recovery would produce from `database` and this WAL."""
        image = bytearray(database[: self.db_pages * self.page_size])
        image.extend(bytes(self.db_pages * self.page_size - len(image)))
        for number, page in self.pages.items():
            if number <= self.db_pages:
                start = (number - 1) * self.page_size
                image[start:start + self.page_size] = page
        return bytes(image)


def _checksum(data: bytes, big_endian: bool, s1: int, s2: int) -> tuple[int, int]:
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    it = iter(words)
    for x0, x1 in zip(it, it, strict=True):
        s1 = (s1 + x0 + s2) & 0xFFFFFFFF
        s2 = (s2 + x1 + s1) & 0xFFFFFFFF
    return s1, s2


class BadWal(ValueError):
    """A WAL that SQLite would refuse to open the database with."""


def parse_wal(data: bytes) -> WalContent | None:
    """The committed content of a WAL file, or None when SQLite would ignore the file."""
    if len(data) < WAL_HEADER_SIZE:
        return None
    magic, version, page_size = struct.unpack(">III", data[:12])
    if magic not in (_MAGIC_LE, _MAGIC_BE):
        return None
    if version != _VERSION:
        raise BadWal(f"unknown WAL format {version}")
    if page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
        return None
    big = magic == _MAGIC_BE
    s1, s2 = _checksum(data[:24], big, 0, 0)
    if (s1, s2) != struct.unpack(">II", data[24:32]):
        return None
    salts = data[16:24]
    pages: dict[int, bytes] = {}
    pending: dict[int, bytes] = {}
    db_pages = 0
    offset = WAL_HEADER_SIZE
    frame = FRAME_HEADER_SIZE + page_size
    while offset + frame <= len(data):
        head = data[offset:offset + FRAME_HEADER_SIZE]
        number, commit = struct.unpack(">II", head[:8])
        if number == 0 or head[8:16] != salts:
            break
        page = data[offset + FRAME_HEADER_SIZE:offset + frame]
        s1, s2 = _checksum(head[:8], big, s1, s2)
        s1, s2 = _checksum(page, big, s1, s2)
        if (s1, s2) != struct.unpack(">II", head[16:24]):
            break
        pending[number] = page
        if commit:  # a commit frame ends a transaction: its pages count from now on
            pages.update(pending)
            pending.clear()
            db_pages = commit
        offset += frame
    if not db_pages:
        return None
    return WalContent(page_size, pages, db_pages)


def read_all(fd: int) -> bytes:
    """The whole file behind `fd`, read with seek and read (Windows has no pread); the
    descriptor's offset is put back, as pread would leave it."""
    size = os.fstat(fd).st_size
    chunks = []
    offset = 0
    start = os.lseek(fd, 0, os.SEEK_CUR)
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        while offset < size:
            chunk = os.read(fd, min(size - offset, 1 << 24))
            if not chunk:
                break
            chunks.append(chunk)
            offset += len(chunk)
    finally:
        os.lseek(fd, start, os.SEEK_SET)
    return b"".join(chunks)


# -- rollback journals ----------------------------------------------------------------------
# A `-journal` holds the pages a rollback-mode transaction changed, as they were before it.
# SQLite rolls a "hot" one (first byte not 0) back into whatever database it sits beside,
# even one in WAL mode, and a journal does not name its database either.


def in_wal_mode(image: bytes) -> bool:
    """True when a database header says WAL mode (file format versions 2 at bytes 18–19)."""
    return image[18:20] == b"\x02\x02"


def rolled_back(image: bytes, journal: bytes) -> bytes | None:
    """The database SQLite's rollback of `journal` makes of `image`, or None if it fails.

    Worked out by SQLite itself, on a copy in a private folder: the real file is not touched.
    None too when the rollback would make the file larger than the two inputs together (a
    genuine journal only restores pages it holds; a forged one may claim any size).
    """
    with tempfile.TemporaryDirectory(prefix="js-journal-") as folder:
        copy = Path(folder, "copy.cjm")
        copy.write_bytes(image)
        Path(f"{copy}-journal").write_bytes(journal)
        try:
            raw = connect(copy, "rw")
            try:
                raw.execute("PRAGMA schema_version").fetchone()  # the first read rolls back
            finally:
                raw.close()
        except sqlite3.Error:
            return None
        if copy.stat().st_size > len(image) + len(journal):
            return None
        return copy.read_bytes()
