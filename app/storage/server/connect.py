"""Connections to the server, and its errors told in one line without the password."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from app.storage.errors import StorageError, one_line
from app.storage.server.errors import ServerError
from app.storage.server.location import ServerLocation

if TYPE_CHECKING:
    from sqlalchemy import Engine

CONNECT_TIMEOUT_S = 10
APPLICATION_NAME = "Journey Studio"

# SQLSTATE classes and codes the messages tell apart.
_LOGIN = {"28P01", "28000"}  # invalid password / authorization
_NO_DATABASE = "3D000"
_PRIVILEGE = "42501"
_RETRY = {"40001", "40P01", "55P03"}  # serialization failure, deadlock, lock not available
_GONE_CLASSES = ("08", "57")  # connection exceptions, operator intervention (shutdown)


def engine_for(location: ServerLocation) -> Engine:
    """An engine on the location's libpq URL: its parameters pass through untouched."""
    import psycopg
    from sqlalchemy import create_engine

    options: dict[str, Any] = {"application_name": APPLICATION_NAME}
    if "connect_timeout" not in location.conninfo:
        options["connect_timeout"] = CONNECT_TIMEOUT_S

    def connect() -> psycopg.Connection[Any]:
        return psycopg.connect(location.conninfo, **options)

    # pre_ping: after a server restart the next transaction reconnects instead of failing.
    return create_engine("postgresql+psycopg://", creator=connect, pool_size=1,
                         max_overflow=2, pool_pre_ping=True)


def driver_error(exc: BaseException) -> BaseException:
    """The psycopg error under SQLAlchemy's wrapper (or `exc` itself)."""
    orig = getattr(exc, "orig", None)
    return orig if isinstance(orig, BaseException) else exc


def sqlstate(exc: BaseException) -> str:
    """The error's SQLSTATE ('' when it has none, as for a refused connection)."""
    state = getattr(driver_error(exc), "sqlstate", None)
    return state if isinstance(state, str) else ""


def _reason(exc: BaseException, location: ServerLocation) -> str:
    error = driver_error(exc)
    text = location.scrub(str(error))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return type(error).__name__
    first = re.sub(r"^(connection (is bad|failed): )+", "", lines[0])
    # libpq: 'connection to server on socket "…" failed: FATAL:  password authentication…'
    first = re.sub(r"^connection to server (on socket \"[^\"]*\"|at \"[^\"]*\"[^:]*) failed: ",
                   "", first)
    first = re.sub(r"^(FATAL|ERROR):\s+", "", first)
    hint = next((line for line in lines[1:] if line.startswith("Is the server running")), "")
    if hint:  # libpq's own question says what to check
        first = f"{first}; {hint[0].lower()}{hint[1:]}"
    return one_line(first)


def is_connection_lost(exc: BaseException) -> bool:
    """True for a connection that broke (server stopped, network gone)."""
    import psycopg

    error = driver_error(exc)
    state = sqlstate(exc)
    return state.startswith(_GONE_CLASSES) or (
        isinstance(error, psycopg.OperationalError) and not state)


def server_error(exc: BaseException, location: ServerLocation, doing: str) -> StorageError:
    """A one-line StorageError for a driver or SQLAlchemy error met while `doing`."""
    state = sqlstate(exc)
    reason = _reason(exc, location)
    where = location.display
    if not state:  # a refused connection carries no SQLSTATE: libpq's words tell
        if "authentication failed" in reason or "no password supplied" in reason or (
                reason.startswith("role ") and "does not exist" in reason):
            state = "28P01"
        elif reason.startswith("database ") and "does not exist" in reason:
            state = _NO_DATABASE
        elif reason.startswith(("invalid ", "missing ")) or "URI" in reason:
            return ServerError(f"not a valid server URL ({reason}): {where}")
    if state in _LOGIN:
        return ServerError(f"the server {where} refused the login: {reason}")
    if state == _NO_DATABASE:
        return ServerError(f"cannot open {where}: {reason}")
    if state == _PRIVILEGE:
        return ServerError(f"the server refused {doing}: {reason} (ask the database's "
                           "owner for the right)")
    if state in _RETRY:
        return ServerError(f"the server was busy and refused {doing} ({reason}); "
                           "try again")
    if is_connection_lost(exc):
        return ServerError(f"cannot reach the server {where} ({reason})")
    return ServerError(f"the server refused {doing} ({reason})")
