"""Storage: one SQLite file (.cjm) per project, mapped to and from the domain model.

Nothing here opens a database at import time, and no ORM row ever leaves this package.
"""

from app.storage.errors import (
    NewerVersionError,
    NotAProjectError,
    ProjectLockedError,
    StorageError,
)
from app.storage.schema import APPLICATION_ID, SCHEMA_VERSION
from app.storage.store import ProjectStore

__all__ = [
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "NewerVersionError",
    "NotAProjectError",
    "ProjectLockedError",
    "ProjectStore",
    "StorageError",
]
