"""Stray -wal files that only one of the checks can tell from the project's own."""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from app.storage import ProjectStore
from app.storage.errors import StrayWalError
from app.storage.wal import parse_wal
from tests.storage.helpers import child_env, digest, rich_project
from tests.storage.test_stray_wal import crashed

# Another program's database with 8 KiB pages: everything checkpointed, then one row
# changed in place, and the program dies: its WAL holds that one leaf page, not page 1.
ONE_LEAF = """
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA page_size=8192")
c.execute("PRAGMA journal_mode=WAL")
c.execute("CREATE TABLE t (x)")
for i in range(400):
    c.execute("INSERT INTO t VALUES (?)", ("v" * 60,))
c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
c.execute("UPDATE t SET x = 'w' || substr(x, 2) WHERE rowid = 300")
os._exit(0)
"""


def _state(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in sorted(folder.iterdir()) if p.is_file()}


def _assert_stray(path: Path) -> None:
    before = _state(path.parent)
    for read_only in (True, False):
        with pytest.raises(StrayWalError) as caught:
            ProjectStore.open(path, read_only=read_only)
        assert str(caught.value) == (f'"{path.name}-wal" beside "{path.name}" belongs to '
                                     "another database; move it away to open the project")
        assert _state(path.parent) == before


def test_a_wal_of_another_page_size_without_page_one_is_refused(tmp_path):
    other = tmp_path / "other.db"
    subprocess.run([sys.executable, "-c", ONE_LEAF, str(other)], env=child_env(), check=True,
                   timeout=60)
    wal = Path(f"{other}-wal").read_bytes()
    content = parse_wal(wal)
    assert content is not None and content.page_size == 8192 and 1 not in content.pages
    path = tmp_path / "ours" / "x.cjm"
    path.parent.mkdir()
    ProjectStore.create(path, rich_project()).close()
    Path(f"{path}-wal").write_bytes(wal)
    _assert_stray(path)


def _sums(data: bytes, s1: int, s2: int) -> tuple[int, int]:
    for i in range(0, len(data), 8):  # SQLite's WAL checksum, little-endian words
        x0, x1 = struct.unpack_from("<2I", data, i)
        s1 = (s1 + x0 + s2) & 0xFFFFFFFF
        s2 = (s2 + x1 + s1) & 0xFFFFFFFF
    return s1, s2


def rechecksummed(wal: bytes | bytearray) -> bytes:
    """`wal` with every frame's checksum made right again after an edit."""
    out = bytearray(wal)
    page_size = int.from_bytes(out[8:12], "big")
    sums = _sums(bytes(out[:24]), 0, 0)
    frame = 24 + page_size
    for start in range(32, len(out) - frame + 1, frame):
        sums = _sums(bytes(out[start:start + 8]), *sums)
        sums = _sums(bytes(out[start + 24:start + frame]), *sums)
        out[start + 16:start + 24] = struct.pack(">2I", *sums)
    return bytes(out)


@pytest.mark.parametrize(("offset", "new"), [(0, b"SQLite format 4\x00"), (68, b"CJM2")],
                         ids=["not a database header", "another application id"])
def test_a_wal_whose_first_page_is_not_our_header_is_refused(tmp_path, offset, new):
    path = crashed(tmp_path / "x.cjm", edits=3)
    wal = Path(f"{path}-wal")
    assert 1 in parse_wal(wal.read_bytes()).pages
    data = bytearray(wal.read_bytes())
    frame = 24 + int.from_bytes(data[8:12], "big")
    for start in range(32, len(data) - frame + 1, frame):
        if int.from_bytes(data[start:start + 4], "big") == 1:  # an image of page 1
            data[start + 24 + offset:start + 24 + offset + len(new)] = new
    wal.write_bytes(rechecksummed(data))
    os.unlink(f"{path}-shm")
    _assert_stray(path)


def test_a_wal_whose_replay_is_damaged_says_so_and_the_file_alone_opens(tmp_path):
    path = crashed(tmp_path / "x.cjm", edits=3)
    wal = Path(f"{path}-wal")
    data = wal.read_bytes()
    assert b"edited 2" in data
    wal.write_bytes(rechecksummed(data.replace(b"edited 2", b" " * 8)))  # a blank title
    os.unlink(f"{path}-shm")
    before = _state(tmp_path)
    for read_only in (True, False):
        with pytest.raises(StrayWalError) as caught:
            ProjectStore.open(path, read_only=read_only)
        assert re.fullmatch(
            r'"x\.cjm-wal" beside "x\.cjm" belongs to another database or is damaged \(table '
            r"project, row '[0-9a-f-]{36}': a project needs a title\); move it away to open "
            r"the project", str(caught.value)), str(caught.value)
        assert _state(tmp_path) == before
    os.unlink(wal)
    store, project = ProjectStore.open(path)
    store.close()
    assert project.title == "Dự án <R&D> 😀"


def crafted_wal(page_size: int, pages: dict[int, bytes], commit: int) -> bytes:
    """A WAL with a valid header and frame checksums, whatever its page size says."""
    header = bytearray(struct.pack(">IIII", 0x377F0682, 3007000, page_size, 0) + b"saltsalt")
    sums = _sums(bytes(header), 0, 0)
    out = bytearray(header + struct.pack(">2I", *sums))
    for number, page in pages.items():
        head = struct.pack(">II", number, commit if number == max(pages) else 0)
        sums = _sums(head, *sums)
        sums = _sums(page, *sums)
        out += head + b"saltsalt" + struct.pack(">2I", *sums) + page
    return bytes(out)


@pytest.mark.parametrize("page_size", [1536, 256, 131072], ids=["not a power of two",
                                                                  "too small", "too large"])
def test_a_wal_with_a_page_size_sqlite_refuses_is_ignored_as_sqlite_ignores_it(tmp_path,
                                                                                 page_size):
    path = tmp_path / "x.cjm"
    ProjectStore.create(path, rich_project()).close()
    wal = crafted_wal(page_size, {2: bytes(page_size)}, commit=3)
    assert parse_wal(wal) is None
    Path(f"{path}-wal").write_bytes(wal)
    before = _state(tmp_path)
    reader, project = ProjectStore.open(path, read_only=True)
    reader.close()
    assert project.title == "Dự án <R&D> 😀"
    assert _state(tmp_path) == before


def test_a_crafted_wal_of_the_projects_page_size_is_read(tmp_path):
    """The crafting above is sound: with a page size SQLite accepts, the WAL counts."""
    wal = crafted_wal(4096, {2: bytes(4096), 3: bytes(4096)}, commit=3)
    content = parse_wal(wal)
    assert content is not None and content.db_pages == 3 and set(content.pages) == {2, 3}


def _with_frame(wal: bytes, number: int, commit: int, salts: bytes) -> bytes:
    """`wal` with one more frame whose checksum follows on (salts are not checksummed)."""
    page_size = int.from_bytes(wal[8:12], "big")
    sums = struct.unpack(">2I", wal[-page_size - 8:-page_size])
    head = struct.pack(">II", number, commit)
    page = bytes(page_size)
    sums = _sums(page, *_sums(head, *sums))
    return wal + head + salts + struct.pack(">2I", *sums) + page


def test_frames_after_the_last_commit_that_sqlite_stops_at_do_not_count(tmp_path):
    wal = crafted_wal(4096, {2: bytes(4096), 3: bytes(4096)}, commit=3)
    for number, salts in ((0, b"saltsalt"), (4, b"another!")):
        content = parse_wal(_with_frame(wal, number, 4, salts))
        assert content is not None and content.db_pages == 3 and set(content.pages) == {2, 3}


def test_a_wal_without_a_commit_is_ignored(tmp_path):
    path = tmp_path / "x.cjm"
    ProjectStore.create(path, rich_project()).close()
    wal = crafted_wal(4096, {2: bytes(4096)}, commit=0)
    assert parse_wal(wal) is None
    Path(f"{path}-wal").write_bytes(wal)
    before = _state(tmp_path)
    reader, project = ProjectStore.open(path, read_only=True)
    reader.close()
    assert project.title == "Dự án <R&D> 😀"
    assert _state(tmp_path) == before
