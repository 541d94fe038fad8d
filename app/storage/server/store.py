"""ServerStore: one project in a team's PostgreSQL database, saved change by change.

    store, project = ServerStore.open("postgresql://me@host/db?project=Online shop")
    store.write(project, changed=[card], removed=[])   # one transaction, version-checked
    store.save_copy("copy.cjm")                         # the server's state, as a file
    store.close()

The same interface as the file's ProjectStore (app.storage.backend.Store). A write whose
rows someone else changed since this store read them is refused with ConflictError and
nothing of it is written. A role that may only read opens the project read-only, and
`read_only_reason` says why.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.model import Project
from app.domain.validation import DomainError, validate_project
from app.storage.errors import NotAProjectError, StorageError
from app.storage.mapping import BadRow
from app.storage.server.connect import engine_for, server_error
from app.storage.server.errors import (
    ConflictError,
    NewerServerSchemaError,
    ProjectExistsError,
    ProjectNotFoundError,
)
from app.storage.server.location import ServerLocation, check_name, parse_location
from app.storage.server.schema import ENTITY_TABLES, PROJECTS, SERVER_SCHEMA_VERSION

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

    from app.storage.server.live import Listener, Remote
    from app.storage.server.rows import Known


def _location(where: str | ServerLocation) -> ServerLocation:
    return where if isinstance(where, ServerLocation) else parse_location(where)


def _need_project(location: ServerLocation) -> str:
    if location.project is None:
        raise StorageError(f"name the project in the URL: {location.display}?project=NAME "
                           "(see `journey-studio projects URL`)")
    return location.project


@dataclass(frozen=True)
class ProjectListing:
    """One line of `journey-studio projects`."""

    name: str
    title: str
    maps: int
    cards: int
    modified: str
    modified_by: str


class ServerStore:
    """One project on a server: loaded whole on open, saved change by change."""

    def __init__(self, location: ServerLocation, engine: Engine, project_id: str,
                 known: dict[tuple[type, str], Known], *, read_only: bool,
                 read_only_reason: str = "") -> None:
        """Use `open` or `create`."""
        self._location = location
        self._engine = engine
        self._project_id = project_id
        self._known = known
        self._read_only = read_only
        self._read_only_reason = read_only_reason
        self._closed = False
        # Said in each write's NOTIFY, so that this store's listener ignores its own.
        self._origin = uuid.uuid4().hex
        self._listener: Listener | None = None

    # -- opening --------------------------------------------------------------------------

    @classmethod
    def open(cls, where: str | ServerLocation, *, read_only: bool = False
             ) -> tuple[ServerStore, Project]:
        """Connect, check the schema and the role's rights, and load the project."""
        location = _location(where)
        name = _need_project(location)
        from sqlalchemy.exc import SQLAlchemyError

        engine = engine_for(location)
        try:
            with engine.connect() as conn:
                cls._check_schema(conn, location, upgrade=not read_only)
                reason = "" if read_only else _read_only_reason(conn, location)
                project, known, project_id = cls._load(conn, location, name)
        except SQLAlchemyError as exc:
            engine.dispose()
            raise server_error(exc, location, "opening the project") from None
        except BaseException:
            engine.dispose()
            raise
        store = cls(location, engine, project_id, known, read_only=read_only or bool(reason),
                    read_only_reason=reason)
        return store, project

    @classmethod
    def _load(cls, conn: Connection, location: ServerLocation, name: str
              ) -> tuple[Project, dict[tuple[type, str], Known], str]:
        from sqlalchemy import text
        from sqlalchemy.exc import SQLAlchemyError

        from app.storage.server import rows

        try:
            conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"))
            project_id = conn.execute(text(f"SELECT id FROM {PROJECTS} WHERE name = :n"),
                                      {"n": name}).scalar()
            if project_id is None:
                raise ProjectNotFoundError(_not_found(conn, location, name))
            project, known = rows.load(conn, project_id)
            conn.rollback()
        except BadRow as exc:
            raise NotAProjectError(f"the project {name!r} on {location.display} is "
                                   f"damaged: {exc}") from None
        except SQLAlchemyError as exc:
            raise server_error(exc, location, "reading the project") from None
        try:
            validate_project(project)
        except DomainError as exc:
            raise NotAProjectError(f"the project {name!r} on {location.display} is "
                                   f"damaged: {exc}") from None
        return project, known, project_id

    @staticmethod
    def _check_schema(conn: Connection, location: ServerLocation, *, upgrade: bool) -> None:
        """Refuse a database without our schema or with a newer one; upgrade an older one."""
        from sqlalchemy.exc import SQLAlchemyError

        from app.storage.server import migrate

        try:
            version = migrate.current_version(conn)
            conn.rollback()
            if version is None:
                raise ProjectNotFoundError(
                    f"{location.display} holds no Journey Studio projects yet (publish one "
                    "with `journey-studio publish FILE.cjm URL`)")
            if version > SERVER_SCHEMA_VERSION:
                raise NewerServerSchemaError(location.display, version, SERVER_SCHEMA_VERSION)
            if version < SERVER_SCHEMA_VERSION:
                if not upgrade:
                    raise StorageError(f"the projects on {location.display} need an upgrade "
                                       "first: open one for editing once")
                with conn.begin():
                    migrate.upgrade(conn)
        except SQLAlchemyError as exc:
            raise server_error(exc, location, "reading the schema") from None

    @classmethod
    def create(cls, where: str | ServerLocation, project: Project, *, name: str | None = None,
               replace: bool = False) -> ServerStore:
        """Publish `project` to the server as `name` (the URL's project by default).

        Creates the schema in an empty database. Refuses (ProjectExistsError) a name that
        is taken unless `replace`, and a project that is on the server under another name.
        """
        from sqlalchemy import text
        from sqlalchemy.exc import SQLAlchemyError

        from app.storage.mapping import project_rows
        from app.storage.server import migrate, rows

        location = _location(where)
        name = check_name(name) if name is not None else _need_project(location)
        location = location.with_project(name)
        try:
            validate_project(project)
        except DomainError as exc:
            raise StorageError(f"cannot publish the project: {exc}") from None
        engine = engine_for(location)
        try:
            with engine.begin() as conn:
                version = migrate.current_version(conn)
                if version is not None and version > SERVER_SCHEMA_VERSION:
                    raise NewerServerSchemaError(location.display, version, SERVER_SCHEMA_VERSION)
                if version != SERVER_SCHEMA_VERSION:
                    migrate.upgrade(conn)
                # Publishing the same name twice at once: the second waits, then sees it.
                conn.execute(text("LOCK TABLE projects IN SHARE ROW EXCLUSIVE MODE"))
                taken = conn.execute(text(f"SELECT id FROM {PROJECTS} WHERE name = :n"),
                                     {"n": name}).scalar()
                if taken is not None and not replace:
                    raise ProjectExistsError(
                        f"{location.display} already holds a project named {name!r}; "
                        "give another --project NAME, or --replace to overwrite it")
                other = conn.execute(
                    text(f"SELECT name FROM {PROJECTS} WHERE id = :i AND name <> :n"),
                    {"i": project.id, "n": name}).scalar()
                if other is not None:
                    raise ProjectExistsError(
                        f"this project is on the server already, as {other!r}; open that one "
                        "(or publish a copy made with File ▸ Save a Copy)")
                if taken is not None:
                    conn.execute(text(f"DELETE FROM {PROJECTS} WHERE id = :i"), {"i": taken})
                all_rows = project_rows(project)
                head = all_rows[Project][0]
                # Every column of the file's project row, whatever revision added it.
                names = ", ".join(f'"{n}"' for n in head)
                marks = ", ".join(f":{n}" for n in head)
                conn.execute(text(
                    f"INSERT INTO {PROJECTS} (name, modified_by, {names}) "
                    f"VALUES (:name, current_user, {marks})"), {**head, "name": name})
                rows.insert_project(conn, project.id, all_rows)
        except SQLAlchemyError as exc:
            raise server_error(exc, location, "publishing the project") from None
        finally:
            engine.dispose()
        store, _ = cls.open(location)
        return store

    @staticmethod
    def list_projects(where: str | ServerLocation) -> list[ProjectListing]:
        """The projects on the server, by name (empty for a database without our schema)."""
        from sqlalchemy import text
        from sqlalchemy.exc import SQLAlchemyError

        from app.storage.server import migrate

        location = _location(where)
        engine = engine_for(location)
        try:
            with engine.connect() as conn:
                if migrate.current_version(conn) is None:
                    return []
                result = conn.execute(text(
                    f"SELECT p.name, p.title, "
                    f"(SELECT count(*) FROM journey_map m WHERE m.project_id = p.id), "
                    f"(SELECT count(*) FROM card c WHERE c.project_id = p.id), "
                    f"p.modified, p.modified_by FROM {PROJECTS} p ORDER BY p.name"))
                return [ProjectListing(*row) for row in result]
        except SQLAlchemyError as exc:
            raise server_error(exc, location, "listing the projects") from None
        finally:
            engine.dispose()

    # -- properties -----------------------------------------------------------------------

    @property
    def path(self) -> str:
        """Where the project is, as titles and messages show it (never with a password)."""
        return self._location.display

    @property
    def location(self) -> ServerLocation:
        """The parsed URL."""
        return self._location

    @property
    def name(self) -> str:
        """The project's name on the server."""
        return self._location.project or ""

    @property
    def read_only(self) -> bool:
        """True when writes are refused (asked for, or the role may only read)."""
        return self._read_only

    @property
    def read_only_reason(self) -> str:
        """Why a project asked for writing opened read-only ('' otherwise)."""
        return self._read_only_reason

    @property
    def schema_version(self) -> int:
        """The server schema version."""
        return SERVER_SCHEMA_VERSION

    @property
    def backup_path(self) -> None:
        """No backup is made on a server (its owner backs the database up)."""
        return None

    @property
    def closed(self) -> bool:
        """True once `close` has run."""
        return self._closed

    # -- saving ---------------------------------------------------------------------------

    def write(self, project: Project, changed: Iterable[Any] = (),
              removed: Iterable[Any] = ()) -> None:
        """Save `changed` and delete `removed` in one transaction, as ProjectStore.write.

        Raises ConflictError when someone else changed or deleted one of these rows since
        this store read it (nothing is written), StorageError when the server refuses or
        cannot be reached.
        """
        from sqlalchemy.exc import SQLAlchemyError

        from app.storage import writer
        from app.storage.server import live, rows

        self._check_usable()
        if self._read_only:
            raise StorageError(f"{self.path} is open read-only; save a copy instead")
        changed = list(changed)
        shown = Path(self.name.replace("/", "∕") or "project")  # for plan's messages
        todo = writer.plan(project, changed, removed, shown, self._project_id)
        if todo.empty():
            return
        try:
            with self._engine.begin() as conn:
                done = rows.apply(conn, todo, self._project_id, self._known)
                live.notify(conn, self._project_id, self._origin)
        except ConflictError:
            raise
        except SQLAlchemyError as exc:
            conflict = _broken_reference(exc)
            if conflict is not None:
                raise conflict from None
            raise server_error(exc, self._location, "the change") from None
        if done.deleted:
            rows.forget_cascaded(self._known, done.deleted)
        self._known.update(done.rows)

    def fetch(self, entity_type: type, entity_id: str) -> Any | None:
        """One entity as the server holds it now (None when deleted); remembered as read.

        For a document putting back an entity whose write was refused.
        """
        from sqlalchemy.exc import SQLAlchemyError

        from app.storage.server import rows

        self._check_usable()
        try:
            with self._engine.connect() as conn:
                found = rows.fetch(conn, entity_type, self._project_id, entity_id)
        except (SQLAlchemyError, BadRow) as exc:
            if isinstance(exc, BadRow):
                raise NotAProjectError(f"{self.path} is damaged: {exc}") from None
            raise server_error(exc, self._location, "reading the change") from None
        if found is None:
            self._known.pop((entity_type, entity_id), None)
            return None
        entity, known = found
        self._known[(entity_type, entity_id)] = known
        return entity

    # -- other people's changes -----------------------------------------------------------

    def listen(self, on_change: Callable[[], None],
               on_state: Callable[[bool], None] | None = None) -> None:
        """Call `on_change()` (on another thread) whenever someone else writes the project.

        Then call `remote_changes` (on your own thread) to learn what changed.
        `on_state(False)` says the server is out of reach, `on_state(True)` that it is
        back (then `on_change()` follows: changes may have been missed meanwhile).
        """
        from app.storage.server.live import Listener

        self._check_usable()
        if self._listener is None:
            self._listener = Listener(self._location, self._project_id, self._origin,
                                      on_change, on_state)

    @property
    def listening(self) -> bool:
        """True while the listener hears the server (False before, and after a break)."""
        return self._listener is not None and self._listener.listening.is_set()

    def present(self) -> list[str]:
        """Who else has the project open (and listening) now: their roles, one a session."""
        from sqlalchemy.exc import SQLAlchemyError

        from app.storage.server import live

        self._check_usable()
        own = self._listener.backend_pid if self._listener is not None else None
        try:
            with self._engine.connect() as conn:
                return live.present(conn, self._project_id, own)
        except SQLAlchemyError as exc:
            raise server_error(exc, self._location, "asking who is here") from None

    def version_of(self, entity_type: type, entity_id: str) -> int | None:
        """The row version this store last read or wrote of an entity (None: unknown)."""
        known = self._known.get((entity_type, entity_id))
        return known.version if known is not None else None

    def place_of(self, entity_type: type, entity_id: str) -> int | None:
        """An ordered entity's place in its list as the server last told ('seq')."""
        known = self._known.get((entity_type, entity_id))
        seq = known.values.get("seq") if known is not None else None
        return seq if isinstance(seq, int) else None

    def remote_changes(self) -> Remote:
        """What changed on the server since this store last read or wrote it.

        The entities returned are new objects with the server's values; this store now
        knows their versions, so the next write of them is checked against those.
        """
        from sqlalchemy.exc import SQLAlchemyError

        from app.storage.server import live

        self._check_usable()
        try:
            with self._engine.connect() as conn:
                found = live.scan(conn, self._project_id, self._known)
        except SQLAlchemyError as exc:
            raise server_error(exc, self._location, "reading the changes") from None
        except BadRow as exc:
            raise NotAProjectError(f"{self.path} is damaged: {exc}") from None
        for cls, entity, known in found.changed:
            self._known[(cls, entity.id)] = known
        for key in found.removed:
            self._known.pop(key, None)
        return found

    def checkpoint(self) -> bool:
        """Nothing to do on a server (the file's WAL checkpoint has no counterpart)."""
        self._check_usable()
        return True

    @staticmethod
    def warm_up() -> None:
        """Import the write machinery now, so that the first save is not slower."""
        from app.storage import writer
        from app.storage.server import rows  # noqa: F401

        writer.warm_up()

    def reload(self) -> Project:
        """The whole project as the server holds it now (this store's versions follow)."""
        project, known = self._load_now()
        self._known = known
        return project

    def _load_now(self) -> tuple[Project, dict[tuple[type, str], Known]]:
        from sqlalchemy.exc import SQLAlchemyError

        self._check_usable()
        try:
            with self._engine.connect() as conn:
                project, known, _ = self._load(conn, self._location, self.name)
        except SQLAlchemyError as exc:
            raise server_error(exc, self._location, "reading the project") from None
        return project, known

    def save_copy(self, dest_path: str | os.PathLike[str]) -> None:
        """Write the project as the server holds it now to a .cjm file (replacing it)."""
        from app.storage.store import ProjectStore

        project, _ = self._load_now()
        ProjectStore.create(dest_path, project, overwrite=True).close()

    # -- closing --------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connections."""
        if self._closed:
            return
        self._closed = True
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
        self._engine.dispose()

    def __enter__(self) -> ServerStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _check_usable(self) -> None:
        if self._closed:
            raise StorageError(f"{self.path} has been closed")

    def __repr__(self) -> str:
        mode = "read-only" if self._read_only else "writable"
        return f"<ServerStore {self.path!r} {mode}>"


def _broken_reference(exc: BaseException) -> ConflictError | None:
    """A reference to a row someone else deleted meanwhile (found at COMMIT)."""
    from app.storage.server.connect import driver_error, sqlstate
    from app.storage.server.rows import kind_of

    if sqlstate(exc) != "23503":
        return None
    diag = getattr(driver_error(exc), "diag", None)
    constraint = str(getattr(diag, "constraint_name", "") or "")
    # fk_<table>_<column>: the column names what is gone ("stage_id" → the stage).
    from app.storage import columns
    from app.storage.mapping import SPECS

    for info in columns.TABLES.values():
        for column in info.columns:
            if column.references and constraint == f"fk_{info.name}_{column.name}":
                target = column.references[0]
                cls = next(c for c, s in SPECS.items() if s.table.name == target)
                return ConflictError(kind_of(cls), "", deleted=True, entity_type=cls)
    return ConflictError("item", "", deleted=True)


def _read_only_reason(conn: Connection, location: ServerLocation) -> str:
    """Why this role may not change projects ('' when it may)."""
    from sqlalchemy import text

    tables = [PROJECTS, *(table.name for table in ENTITY_TABLES)]
    missing = conn.execute(text(
        "SELECT t, p FROM unnest(CAST(:tables AS text[])) AS t, "
        "unnest(ARRAY['INSERT', 'UPDATE', 'DELETE']) AS p "
        "WHERE NOT has_table_privilege(current_user, t, p) LIMIT 1"),
        {"tables": tables}).first()
    role = conn.execute(text("SELECT current_user")).scalar()
    conn.rollback()
    if missing is None:
        return ""
    return (f"your role {role!r} may only read the projects on {location.display}; "
            "changes cannot be saved (ask the database's owner for write access)")


def _not_found(conn: Connection, location: ServerLocation, name: str) -> str:
    from sqlalchemy import text

    names = [row[0] for row in conn.execute(
        text(f"SELECT name FROM {PROJECTS} ORDER BY name LIMIT 6"))]
    known = ", ".join(repr(n) for n in names[:5]) + (", …" if len(names) > 5 else "")
    base = location.display.split("?")[0]
    return (f"{base} holds no project named {name!r} "
            f"(projects: {known or 'none'})")
