"""Our reading of a -wal gives, byte for byte, the database SQLite's own recovery makes of it."""

from __future__ import annotations

import os
import shutil
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from app.storage.wal import parse_wal, read_all
from tests.storage.helpers import child_env

# Commits `rows` inserts one by one in WAL mode, then dies inside a transaction whose
# pages the small cache already spilled into the WAL: frames with no commit at the end.
CRASH = """
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute(f"PRAGMA page_size={sys.argv[2]}")
c.execute("PRAGMA journal_mode=WAL")
c.execute("PRAGMA wal_autocheckpoint=0")
c.execute("CREATE TABLE t (x)")
for i in range(int(sys.argv[3])):
    c.execute("INSERT INTO t VALUES (?)", (f"row {i} " * 40,))
c.execute("PRAGMA cache_size=1")
c.execute("BEGIN")
for i in range(300):
    c.execute("INSERT INTO t VALUES (randomblob(700))")
os._exit(0)
"""


def crashed_wal_database(folder: Path, page_size: int, rows: int) -> Path:
    db = folder / "t.db"
    subprocess.run([sys.executable, "-c", CRASH, str(db), str(page_size), str(rows)],
                   env=child_env(), check=True, timeout=60)
    return db


def recovered_by_sqlite(db: Path, folder: Path) -> bytes:
    """The database file after SQLite replayed and checkpointed the WAL beside it."""
    folder.mkdir()
    copy = folder / db.name
    shutil.copyfile(db, copy)
    shutil.copyfile(f"{db}-wal", f"{copy}-wal")
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0
    finally:
        conn.close()
    return copy.read_bytes()


@pytest.mark.parametrize("page_size", [512, 4096, 65536])
def test_the_image_is_what_sqlite_recovers(tmp_path, page_size):
    db = crashed_wal_database(tmp_path, page_size, rows=60)
    wal_bytes = Path(f"{db}-wal").read_bytes()
    content = parse_wal(wal_bytes)
    assert content is not None and content.page_size == page_size
    assert content.db_pages * page_size > db.stat().st_size  # the WAL made it grow
    image = content.apply(db.read_bytes())
    assert image == recovered_by_sqlite(db, tmp_path / "sqlite")
    conn = sqlite3.connect(":memory:")
    conn.deserialize(bytearray(image[:18]) + b"\x01\x01" + image[20:])
    assert conn.execute("SELECT count(*) FROM t").fetchone() == (60,)  # not the tail


def test_a_wal_cut_inside_a_frame_keeps_the_commits_before(tmp_path):
    db = crashed_wal_database(tmp_path, 4096, rows=30)
    wal = Path(f"{db}-wal")
    whole = parse_wal(wal.read_bytes())
    assert whole is not None
    frame = 24 + 4096
    cut = 32 + frame * 5 + 100  # five whole frames and a bit of the sixth
    shutil.copyfile(db, tmp_path / "cut.db")
    Path(f"{tmp_path / 'cut.db'}-wal").write_bytes(wal.read_bytes()[:cut])
    content = parse_wal(wal.read_bytes()[:cut])
    expected = recovered_by_sqlite(tmp_path / "cut.db", tmp_path / "sqlite")
    assert content is not None  # the table's creation and the first rows were committed
    assert content.apply(db.read_bytes()) == expected
    assert content.pages != whole.pages


@pytest.mark.parametrize("damage", ["magic", "page size", "header checksum", "too short"])
def test_a_wal_sqlite_would_ignore_is_ignored(tmp_path, damage):
    db = crashed_wal_database(tmp_path, 4096, rows=10)
    data = bytearray(Path(f"{db}-wal").read_bytes())
    if damage == "magic":
        data[0] ^= 0x10
    elif damage == "page size":
        data[8:12] = (1000).to_bytes(4, "big")
    elif damage == "header checksum":
        data[24] ^= 0x01
    else:
        data = data[:31]
    assert parse_wal(bytes(data)) is None


def test_read_all_reads_the_whole_file_and_leaves_the_offset(tmp_path):
    path = tmp_path / "data"
    payload = os.urandom(70_000)
    path.write_bytes(payload)
    fd = os.open(path, os.O_RDONLY)
    try:
        os.lseek(fd, 123, os.SEEK_SET)
        assert read_all(fd) == payload
        assert os.lseek(fd, 0, os.SEEK_CUR) == 123
    finally:
        os.close(fd)


def test_a_wal_ending_on_its_last_commit_frame(tmp_path):
    """As SQLite leaves it after a clean commit: the last frame ends the file exactly."""
    db = crashed_wal_database(tmp_path, 4096, rows=30)
    data = Path(f"{db}-wal").read_bytes()
    frame = 24 + 4096
    ends = [offset + frame for offset in range(32, len(data) - frame + 1, frame)
            if int.from_bytes(data[offset + 4:offset + 8], "big")]  # commit frames
    cut = tmp_path / "cut.db"
    shutil.copyfile(db, cut)
    Path(f"{cut}-wal").write_bytes(data[:ends[-1]])
    content = parse_wal(data[:ends[-1]])
    assert content == parse_wal(data)  # the uncommitted tail never counted
    assert content is not None
    assert content.apply(db.read_bytes()) == recovered_by_sqlite(cut, tmp_path / "sqlite")


def _checksum(data: bytes, s1: int, s2: int) -> tuple[int, int]:
    """SQLite's WAL checksum over big-endian words (walChecksumBytes in wal.c)."""
    for i in range(0, len(data), 8):
        x0, x1 = struct.unpack_from(">2I", data, i)
        s1 = (s1 + x0 + s2) & 0xFFFFFFFF
        s2 = (s2 + x1 + s1) & 0xFFFFFFFF
    return s1, s2


def big_endian(wal: bytes, page_size: int) -> bytes:
    """The same WAL as a big-endian machine writes it: magic ...83, checksums of BE words."""
    out = bytearray(wal)
    out[0:4] = (0x377F0683).to_bytes(4, "big")
    sums = _checksum(bytes(out[:24]), 0, 0)
    out[24:32] = struct.pack(">2I", *sums)
    frame = 24 + page_size
    for offset in range(32, len(out) - frame + 1, frame):
        sums = _checksum(bytes(out[offset:offset + 8]), *sums)
        sums = _checksum(bytes(out[offset + 24:offset + frame]), *sums)
        out[offset + 16:offset + 24] = struct.pack(">2I", *sums)
    return bytes(out)


def test_a_wal_written_on_a_big_endian_machine_is_read_alike(tmp_path):
    db = crashed_wal_database(tmp_path, 4096, rows=40)
    wal = Path(f"{db}-wal")
    little = parse_wal(wal.read_bytes())
    wal.write_bytes(big_endian(wal.read_bytes(), 4096))
    big = parse_wal(wal.read_bytes())
    assert big is not None and little is not None
    assert (big.pages, big.db_pages) == (little.pages, little.db_pages)
    assert big.apply(db.read_bytes()) == recovered_by_sqlite(db, tmp_path / "sqlite")


def test_read_all_reads_a_file_larger_than_one_read(tmp_path):
    path = tmp_path / "big"
    with open(path, "wb") as f:  # 40 MiB, mostly a hole: more than two 16 MiB reads
        f.seek(40 << 20)
        f.write(b"end")
    fd = os.open(path, os.O_RDONLY)
    try:
        data = read_all(fd)
    finally:
        os.close(fd)
    assert len(data) == (40 << 20) + 3 and data.endswith(b"end") and not any(data[:4096])
