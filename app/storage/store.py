"""ProjectStore: one .cjm file, created or opened whole, then saved change by change."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.model import Project
from app.domain.validation import DomainError, validate_project
from app.storage.columns import APPLICATION_ID, SCHEMA_VERSION
from app.storage.errors import (
    ChangedOnDiskError,
    NewerVersionError,
    NotAProjectError,
    ProjectLockedError,
    StorageError,
    StrayWalError,
)
from app.storage.errors import one_line as _one_line
from app.storage.files import (
    WriterLock,
    backup_to,
    check_length,
    connect,
    create_file,
    file_key,
    open_fd,
    quoted,
    read_header,
    sidecars_exist,
    stat_file,
    writer_pragmas,
)
from app.storage.guard import time_limit
from app.storage.migrate import upgrade
from app.storage.reading import (
    backup_name,
    check_database,
    data_version,
    memory_image,
    project_id_alone,
    read_error,
    read_project,
)
from app.storage.snapshot import check_size, read_journal, read_snapshot
from app.storage.wal import WalContent, in_wal_mode, rolled_back

if TYPE_CHECKING:
    from sqlalchemy import Engine


def _loads_alone(path: Path, data: bytes) -> bool:
    """True when the file without its WAL is a sound project."""
    try:
        ProjectStore._from_image(path, data)[0].close()
    except StorageError:
        return False
    return True


class ProjectStore:
    """One open .cjm project file: loaded whole on open, saved change by change."""

    def __init__(self, path: Path, raw: sqlite3.Connection, *, read_only: bool,
                 lock: WriterLock | None, schema_version: int,
                 backup_path: Path | None = None) -> None:
        """Use `create` or `open`; this only wires up an already checked connection."""
        self._project_id = ""  # set by create/open once the project is known
        self._path = path
        self._raw = raw
        self._engine: Engine | None = None  # made on the first write: SQLAlchemy loads then
        self._read_only = read_only
        self._lock = lock
        self._schema_version = schema_version
        self._backup_path = backup_path
        self._closed = False
        # PRAGMA data_version after our last commit: another connection's commit changes it.
        self._data_version: int | None = None
        # The rows this store committed, as the file holds them (see writer.Written).
        self._written: dict[tuple[type, str], tuple[Any, ...]] = {}

    # -- creating and opening -------------------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike[str], project: Project, *,
               overwrite: bool = False) -> ProjectStore:
        """Write `project` into a new file at `path` and keep it open for writing."""
        path = Path(path).absolute()
        try:
            validate_project(project)
        except DomainError as exc:
            raise StorageError(f"could not save {quoted(path)}: {exc}") from None
        if path.is_dir():
            raise StorageError(f"{quoted(path)} is a folder; choose a file name")
        if not path.parent.is_dir():
            raise StorageError(f'could not save {quoted(path)}: the folder "{path.parent}" '
                               "does not exist")
        old = None
        if path.exists():
            if not overwrite:
                raise StorageError(f"{quoted(path)} already exists")
            old = WriterLock.take_path(path)  # refuse to replace a file open elsewhere
        from app.storage.writer import write_new_file  # a new file is written through SQLAlchemy

        lock = raw = None
        try:
            lock = create_file(path, lambda tmp: write_new_file(tmp, project), old)
            raw = connect(path, "rw")
            writer_pragmas(raw)
        except BaseException as exc:
            if raw is not None:
                raw.close()
            if lock is not None:
                lock.release()
            if isinstance(exc, OSError):
                reason = exc.strerror or str(exc)
            elif isinstance(exc, sqlite3.Error):
                reason = _one_line(exc)
            else:
                raise
            raise StorageError(f"could not save {quoted(path)}: {reason}") from None
        finally:
            if old is not None:
                old.release()
        store = cls(path, raw, read_only=False, lock=lock, schema_version=SCHEMA_VERSION)
        store._project_id = project.id
        try:
            store._data_version = data_version(raw, path)
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def open(cls, path: str | os.PathLike[str], *,
             read_only: bool = False) -> tuple[ProjectStore, Project]:
        """Check, lock, upgrade if older, and load the project at `path`."""
        path = Path(path).absolute()
        if read_only:
            return cls._open_read_only(path)
        return cls._open_writable(path)

    @classmethod
    def _open_writable(cls, path: Path) -> tuple[ProjectStore, Project]:
        st = stat_file(path)
        if WriterLock.held(file_key(st)) is not None:
            raise ProjectLockedError(path.name)
        if not os.access(path, os.W_OK):
            raise StorageError(f"{quoted(path)} is read-only on disk; open it read-only")
        if not os.access(path.parent, os.W_OK | os.X_OK):
            # SQLite must create its -wal and -shm files beside the project.
            raise StorageError(f"the folder of {quoted(path)} is read-only; open it read-only")
        fd = open_fd(path)
        try:
            # Everything that is not ours is refused from the raw header, before SQLite
            # touches the file (SQLite would create -wal/-shm files next to it).
            header = read_header(fd, path, APPLICATION_ID)
            if not sidecars_exist(path):
                check_length(fd, path, header)
                if header.user_version > SCHEMA_VERSION:
                    raise NewerVersionError(path.name, header.user_version, SCHEMA_VERSION)
            lock = WriterLock.take(fd, path)
        except BaseException:
            os.close(fd)
            raise
        raw = None
        try:
            data, wal = read_snapshot(fd, path, header)
            journal = read_journal(path)
            if journal is not None:  # SQLite rolls it back first, as it connects
                data = cls._journal_image(path, data, journal)
            if wal is not None:
                # SQLite would replay this WAL into the file as soon as it connects: first
                # check, in memory, that the project it gives is this one, whole.
                cls._open_image(path, data, wal)[0].close()
            try:
                raw = connect(path, "rw")
                with time_limit(raw):
                    version = check_database(raw, path)
            except (sqlite3.Error, UnicodeDecodeError) as exc:
                raise read_error(path, exc) from None
            if version > SCHEMA_VERSION:
                raise NewerVersionError(path.name, version, SCHEMA_VERSION)
            backup = None
            if version < SCHEMA_VERSION:
                backup = backup_name(path, version)
                try:
                    backup_to(raw, backup)
                except (OSError, sqlite3.Error) as exc:
                    raise StorageError(
                        f"cannot upgrade {quoted(path)}: no backup could be made "
                        f"({_one_line(exc)}); open it read-only"
                    ) from None
            try:
                writer_pragmas(raw)
            except sqlite3.Error as exc:
                raise read_error(path, exc) from None
            store = cls(path, raw, read_only=False, lock=lock, schema_version=SCHEMA_VERSION,
                        backup_path=backup)
            with time_limit(raw):
                if backup is not None:
                    store._upgrade()
                project = read_project(raw, path, writer=True)
            store._project_id = project.id
            store._data_version = data_version(raw, path)
            return store, project
        except BaseException:
            if raw is not None:
                raw.close()
            lock.release()
            raise

    @classmethod
    def _open_read_only(cls, path: Path) -> tuple[ProjectStore, Project]:
        st = stat_file(path)
        held = WriterLock.held(file_key(st))
        if held is not None:
            return cls._open_through_sqlite(path, held)
        # Read the bytes (and any WAL) ourselves: no SQLite connection on the file, so no
        # lock, no -shm, not a byte written; the image is checked and loaded in memory.
        fd = open_fd(path)
        try:
            header = read_header(fd, path, APPLICATION_ID)
            data, wal = read_snapshot(fd, path, header)
        finally:
            os.close(fd)
        journal = read_journal(path)
        if journal is not None:  # rolling it back would write the file
            cls._journal_image(path, data, journal)  # refuses one not its own
            raise StorageError(f'{quoted(path)} has an unfinished change in "{path.name}'
                               '-journal"; open it for editing to recover the change')
        if wal is None:
            check_size(path, header, len(data))
            if header.user_version > SCHEMA_VERSION:
                raise NewerVersionError(path.name, header.user_version, SCHEMA_VERSION)
        return cls._open_image(path, data, wal)

    @classmethod
    def _open_through_sqlite(cls, path: Path, held: WriterLock | None
                             ) -> tuple[ProjectStore, Project]:
        """Read-only open of a file this process writes."""
        if held is not None:
            # Never open+close another descriptor on a file this process has open in SQLite:
            # closing it would drop SQLite's own locks (POSIX fcntl semantics).
            read_header(held.fd, path, APPLICATION_ID)
        else:
            fd = open_fd(path)
            try:
                read_header(fd, path, APPLICATION_ID)
            finally:
                os.close(fd)
        memory = connect(":memory:", "rw")
        try:
            try:
                source = connect(path, "ro")
                try:
                    with time_limit(source):
                        source.backup(memory)
                finally:
                    source.close()
            except (sqlite3.Error, UnicodeDecodeError) as exc:
                raise read_error(path, exc) from None
            return cls._load_memory(path, memory)
        except BaseException:
            memory.close()
            raise

    @classmethod
    def _open_image(cls, path: Path, data: bytes, wal: WalContent | None
                    ) -> tuple[ProjectStore, Project]:
        """A read-only store over `data` with `wal` replayed, refusing a WAL not its own."""
        if wal is None:
            return cls._from_image(path, data)
        try:
            store, project = cls._from_image(path, wal.apply(data))
        except NotAProjectError as exc:
            if _loads_alone(path, data):
                damage = str(exc).removeprefix(f"{quoted(path)} is damaged").lstrip(": ")
                raise StrayWalError(f"{path.name}-wal", path.name, damage) from None
            raise
        alone = project_id_alone(path, data)
        if alone is not None and alone != project.id:
            store.close()
            raise StrayWalError(f"{path.name}-wal", path.name)
        return store, project

    @classmethod
    def _journal_image(cls, path: Path, data: bytes, journal: bytes) -> bytes:
        """The file as SQLite's rollback of its hot -journal leaves it; refuses a stray one.

        Our files are in WAL mode, where SQLite writes no rollback journal: one beside such
        a file is never its own. A file another program switched to rollback mode may have
        its own crash's: rolled back in a private copy, it must give this project, whole.
        """
        stray = StrayWalError(f"{path.name}-journal", path.name)
        try:
            image = None if in_wal_mode(data) else rolled_back(data, journal)
        except OSError as exc:  # no room for the private copy
            raise StorageError(f'cannot check "{path.name}-journal": {exc.strerror}') from None
        if image is None:
            raise stray
        try:
            store, project = cls._from_image(path, image)
        except NotAProjectError:
            raise stray from None
        store.close()
        alone = project_id_alone(path, data)
        if alone is not None and alone != project.id:
            raise stray
        return image

    @classmethod
    def _from_image(cls, path: Path, image: bytes) -> tuple[ProjectStore, Project]:
        memory = memory_image(path, image)
        try:
            return cls._load_memory(path, memory)
        except BaseException:
            memory.close()
            raise

    @classmethod
    def _load_memory(cls, path: Path, memory: sqlite3.Connection
                     ) -> tuple[ProjectStore, Project]:
        with time_limit(memory):
            version = check_database(memory, path)
            if version > SCHEMA_VERSION:
                raise NewerVersionError(path.name, version, SCHEMA_VERSION)
            memory.execute("PRAGMA foreign_keys=ON")
            store = cls(path, memory, read_only=True, lock=None, schema_version=version)
            if version < SCHEMA_VERSION:
                store._upgrade()  # the in-memory copy only; the file keeps its version
            project = read_project(memory, path, writer=False)
        store._project_id = project.id
        return store, project

    def _upgrade(self) -> None:
        try:
            upgrade(self._writer_engine(), self._raw, self._path)
        except StorageError:
            raise
        except Exception as exc:  # Alembic and SQLite errors alike
            where = f"; the original is kept as {self._backup_path.name}" if (
                self._backup_path) else ""
            raise StorageError(
                f"could not upgrade {quoted(self._path)} ({_one_line(exc)}){where}"
            ) from None

    # -- properties -----------------------------------------------------------------------

    @property
    def path(self) -> Path:
        """The project file."""
        return self._path

    @property
    def read_only(self) -> bool:
        """True when the store was opened read-only (writes are refused)."""
        return self._read_only

    @property
    def schema_version(self) -> int:
        """The schema version of the file on disk (after any upgrade made on open)."""
        return self._schema_version

    @property
    def backup_path(self) -> Path | None:
        """The backup made before upgrading an older file on open, if one was made."""
        return self._backup_path

    @property
    def closed(self) -> bool:
        """True once `close` has run."""
        return self._closed

    # -- saving ---------------------------------------------------------------------------

    def write(self, project: Project, changed: Iterable[Any] = (),
              removed: Iterable[Any] = ()) -> None:
        """Upsert `changed` and delete `removed` in one committed transaction.

        Each entity is saved with its own fields only (a map's children must be listed
        themselves); places in ordered lists are taken from `project`. An entity in both
        lists is kept. Raises StorageError when an entity fails validation or SQLite
        refuses (nothing is saved then); TypeError/ValueError for entities that are not
        project entities or not in `project`.
        """
        self._check_usable()
        if self._read_only:
            raise StorageError(f"{quoted(self._path)} is open read-only; save a copy instead")
        from app.storage import writer

        changed = list(changed)
        todo = writer.plan(project, changed, removed, self._path, self._project_id)
        if todo.empty():
            return
        with time_limit(self._raw):
            writer.save(self._raw, todo, self._path, before=self._check_unchanged,
                        written=self._written)

    def _check_unchanged(self, raw: sqlite3.Connection) -> None:
        # Inside the write transaction: with the write lock held nobody can commit now.
        if self._data_version is None:
            return
        if raw.execute("PRAGMA data_version").fetchone()[0] != self._data_version:
            raise ChangedOnDiskError(self._path.name)

    def checkpoint(self) -> bool:
        """Copy the committed changes from the `-wal` into the `.cjm` file itself, now.

        For a pause in editing: SQLite would otherwise do it inside the save that takes the
        WAL past 1,000 pages (two fsyncs, several ms on that keystroke). Durability does
        not depend on it: every acknowledged save is already in the WAL. Returns True
        when the whole WAL was copied; raises StorageError when SQLite refuses.
        """
        self._check_usable()
        if self._read_only:
            return False
        try:
            with time_limit(self._raw):
                busy, frames, copied = self._raw.execute(
                    "PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error as exc:
            raise StorageError(
                f"could not update {quoted(self._path)} from its -wal ({_one_line(exc)})"
            ) from None
        return not busy and frames == copied

    @staticmethod
    def warm_up() -> None:
        """Import the write machinery now (~0.3 s) so that the first save is not slower."""
        from app.storage import writer

        writer.warm_up()

    def _writer_engine(self) -> Engine:
        if self._engine is None:
            from app.storage.writer import engine_for

            self._engine = engine_for(self._raw, immediate=not self._read_only)
        return self._engine

    def save_copy(self, dest_path: str | os.PathLike[str]) -> None:
        """Write a consistent copy of the project to `dest_path` (replacing any file there)."""
        self._check_usable()
        dest = Path(dest_path).absolute()
        if dest.is_dir():
            raise StorageError(f"{quoted(dest)} is a folder; choose a file name")
        lock = None
        if dest.exists():
            if os.path.samefile(dest, self._path):
                raise StorageError(f"a copy cannot replace {quoted(dest)} itself; choose "
                                   "another name")
            lock = WriterLock.take_path(dest)  # never replace a project open elsewhere
        try:
            backup_to(self._raw, dest, lock)
        except (OSError, sqlite3.Error) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else _one_line(exc)
            raise StorageError(f"could not save a copy as {quoted(dest)}: {reason}") from None
        finally:
            if lock is not None:
                lock.release()

    # -- closing --------------------------------------------------------------------------

    def close(self) -> None:
        """Close the file (checkpointing its WAL) and release the writer lock."""
        if self._closed:
            return
        self._closed = True
        try:
            if self._engine is not None:
                self._engine.dispose()
            self._raw.close()  # the last close checkpoints the WAL and deletes -wal/-shm
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> ProjectStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _check_usable(self) -> None:
        if self._closed:
            raise StorageError(f"{quoted(self._path)} has been closed")

    def __repr__(self) -> str:
        mode = "read-only" if self._read_only else "writable"
        return f"<ProjectStore {str(self._path)!r} {mode} v{self._schema_version}>"
