"""Checking and reading an opened database: structure, identity, schema, then the rows.

What `ProjectStore` does to any connection before it trusts it (a file, its in-memory
image with a replayed WAL or journal), and the one place SQLite's read errors become
StorageError or NotAProjectError.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from app.domain.model import Project
from app.domain.validation import DomainError, validate_project
from app.storage.columns import APPLICATION_ID
from app.storage.errors import NotAProjectError, StorageError
from app.storage.errors import one_line as _one_line
from app.storage.files import connect, quoted
from app.storage.guard import is_interrupt, time_limit
from app.storage.mapping import BadRow, load_project, typed_finding
from app.storage.trust import check_schema, too_slow


def _quick_check(raw: sqlite3.Connection) -> list[str]:
    # Its messages quote damaged bytes, which need not be UTF-8.
    old = raw.text_factory
    raw.text_factory = lambda b: b.decode("utf-8", "replace")
    try:
        return [str(row[0]) for row in raw.execute("PRAGMA quick_check(1)").fetchall()]
    finally:
        raw.text_factory = old


def check_database(raw: sqlite3.Connection, path: Path) -> int:
    """Structure, identity, then the schema (before any query touches a project table).

    Returns the schema version.
    """
    try:
        result = _quick_check(raw)
        app_id = raw.execute("PRAGMA application_id").fetchone()[0]
        if result != ["ok"]:
            detail = result[0].replace("*** in database main ***", "") if result else "?"
            finding = typed_finding(detail.strip())
            if finding is not None:  # a finding about one value: say it as the reader does
                raise NotAProjectError(f"{quoted(path)} is damaged: {finding}")
            raise NotAProjectError(
                f"{quoted(path)} is damaged and cannot be opened ({_one_line(detail)})"
            )
        if app_id != APPLICATION_ID:
            raise NotAProjectError(f"{quoted(path)} is not a Journey Studio project: it is a "
                                   "database of another program")
        return check_schema(raw, path)
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        raise read_error(path, exc) from None


def read_error(path: Path, exc: BaseException) -> StorageError:
    """Damage (NotAProjectError) or a passing trouble such as a lock or a full disk."""
    if is_interrupt(exc):
        return too_slow(path, "opening")
    if isinstance(exc, UnicodeDecodeError):
        # SQLite's message quoted damaged bytes (Python could not even build the error).
        text = exc.object.decode("utf-8", "replace") if isinstance(exc.object, bytes) else ""
        return NotAProjectError(
            f"{quoted(path)} is damaged and cannot be opened ({_one_line(text) or 'unreadable'})")
    message = _one_line(exc)
    # OperationalError is what SQLite raises for locks, I/O and permissions; its one
    # damage-like case is text that is not UTF-8.
    if isinstance(exc, sqlite3.OperationalError) and "decode" not in message:
        return StorageError(f"cannot open {quoted(path)} ({message})")
    return NotAProjectError(f"{quoted(path)} is damaged and cannot be opened ({message})")


def read_project(raw: sqlite3.Connection, path: Path, *, writer: bool) -> Project:
    """Load and validate the whole project; any inconsistency means a damaged file."""
    try:
        # One transaction, so every table is read at the same moment. A writer takes the
        # write lock as it would to save: a file another program is writing is refused now
        # ("database is locked") rather than at the first save.
        raw.execute("BEGIN IMMEDIATE" if writer else "BEGIN")
        try:
            project = load_project(raw)
        finally:
            if raw.in_transaction:  # SQLite may already have rolled back after an error
                raw.execute("ROLLBACK")  # nothing was written
        validate_project(project)  # load_project named any failure; this is the domain's word
    except (BadRow, DomainError) as exc:
        raise NotAProjectError(f"{quoted(path)} is damaged: {exc}") from None
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        raise read_error(path, exc) from None
    return project


def memory_image(path: Path, image: bytes) -> sqlite3.Connection:
    """An in-memory database holding `image` (marked as a rollback-journal file)."""
    data = bytearray(image)
    if len(data) >= 20:
        data[18:20] = b"\x01\x01"  # in-memory databases cannot be in WAL mode
    memory = connect(":memory:", "rw")
    try:
        memory.deserialize(bytes(data))
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        memory.close()
        raise read_error(path, exc) from None
    return memory


def project_id_alone(path: Path, data: bytes) -> str | None:
    """The project id the file holds without its WAL, when that can be read."""
    memory = memory_image(path, data)
    try:
        with time_limit(memory):
            check_schema(memory, path)
            rows = memory.execute("SELECT id FROM project").fetchall()
    except (StorageError, sqlite3.Error, UnicodeDecodeError):
        return None
    finally:
        memory.close()
    return rows[0][0] if len(rows) == 1 and isinstance(rows[0][0], str) else None


def data_version(raw: sqlite3.Connection, path: Path) -> int:
    """PRAGMA data_version: another connection's commit changes it."""
    try:
        return int(raw.execute("PRAGMA data_version").fetchone()[0])
    except sqlite3.Error as exc:
        raise read_error(path, exc) from None


def backup_name(path: Path, version: int) -> Path:
    """A free name beside `path` for the backup taken before upgrading from `version`."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    base = path.name
    # Shorten a long name rather than fail: a file name holds at most 255 bytes.
    while len(f"{base}.v{version}-backup-{stamp}-99.cjm".encode()) > 255:
        base = base[:-1]
    candidate = path.with_name(f"{base}.v{version}-backup-{stamp}.cjm")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{base}.v{version}-backup-{stamp}-{n}.cjm")
        n += 1
    return candidate
