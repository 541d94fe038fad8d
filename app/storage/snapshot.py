"""Reading a project file and its `-wal` as one moment, before anything trusts them."""

from __future__ import annotations

import errno
from pathlib import Path

from app.storage.columns import APPLICATION_ID
from app.storage.errors import NotAProjectError, StorageError, StrayWalError
from app.storage.files import SQLITE_MAGIC, Header, quoted
from app.storage.wal import BadWal, WalContent, parse_wal, read_all


def read_snapshot(fd: int, path: Path, header: Header) -> tuple[bytes, WalContent | None]:
    """The file's bytes and the committed content of its -wal, read as one moment.

    A WAL whose page size or first page does not fit this file is refused here, before
    anything reads it as part of the project.
    """
    wal_path = Path(f"{path}-wal")
    for _attempt in range(5):
        wal_bytes = _read_optional(wal_path)
        data = read_all(fd)
        # A writer elsewhere may have restarted its WAL meanwhile (new salts): read again.
        if _read_optional(wal_path, 32)[:24] == wal_bytes[:24]:
            break
    stray = StrayWalError(wal_path.name, path.name)
    try:
        wal = parse_wal(wal_bytes)
    except BadWal:
        raise stray from None
    if wal is None:
        return data, None
    first = wal.pages.get(1)
    if wal.page_size != header.page_size or (first is not None and (
            not first.startswith(SQLITE_MAGIC)
            or int.from_bytes(first[68:72], "big") != APPLICATION_ID)):
        raise stray
    return data, wal


def read_journal(path: Path) -> bytes | None:
    """The `-journal` beside the file when SQLite would roll it back on opening, else None.

    SQLite calls a journal hot, and replays it, when its first byte is not 0; an empty or
    zeroed one is ignored (and so is it here).
    """
    journal = _read_optional(Path(f"{path}-journal"))
    return journal if journal[:1] not in (b"", b"\x00") else None


def _read_optional(path: Path, limit: int | None = None) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read() if limit is None else f.read(limit)
    except (FileNotFoundError, NotADirectoryError):
        return b""
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:  # a name that long cannot exist
            return b""
        raise StorageError(f"cannot read {quoted(path)}: {exc.strerror}") from None


def check_size(path: Path, header: Header, size: int) -> None:
    """Refuse an image shorter than the header's own page count says."""
    if header.page_count is not None and size < header.page_count * header.page_size:
        raise NotAProjectError(f"{quoted(path)} is damaged: the file is cut short")
