"""The team's shared store: projects in a PostgreSQL database, many to a database.

`ServerStore` has the interface of the file's ProjectStore (see app.storage.backend); its
rows are the file's, keyed by project and versioned (schema.py). Nothing here imports
psycopg or SQLAlchemy at import time: only opening a server project does.
"""

from app.storage.server.errors import (
    ConflictError,
    ProjectExistsError,
    ProjectNotFoundError,
    ServerError,
)
from app.storage.server.location import ServerLocation, is_server_url, parse_location
from app.storage.server.store import ProjectListing, ServerStore

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
