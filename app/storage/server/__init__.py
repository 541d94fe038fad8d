"""The team's shared store: projects in a PostgreSQL database, many to a database.

`ServerStore` has the interface of the file's ProjectStore (see app.storage.backend); its
rows are the file's, keyed by project and versioned (schema.py). Importing this package
costs nothing: the store (SQLAlchemy, psycopg) loads when `ServerStore` is first named,
so telling a URL from a file never slows the opening of a file.
"""

from typing import TYPE_CHECKING, Any

from app.storage.server.errors import (
    ConflictError,
    ProjectExistsError,
    ProjectNotFoundError,
    ServerError,
)
from app.storage.server.location import ServerLocation, is_server_url, parse_location

if TYPE_CHECKING:
    from app.storage.server.store import ProjectListing, ServerStore


def __getattr__(name: str) -> Any:
    if name in ("ServerStore", "ProjectListing"):
        from app.storage.server import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ConflictError",
    "ProjectExistsError",
    "ProjectListing",
    "ProjectNotFoundError",
    "ServerError",
    "ServerLocation",
    "ServerStore",
    "is_server_url",
    "parse_location",
]
