"""Storage: one SQLite file (.cjm) per project, mapped to and from the domain model.

    store = ProjectStore.create(path, project)              # new file, open for writing
    store, project = ProjectStore.open(path)                 # or read_only=True
    store.write(project, changed=[card, stage], removed=[old_card])   # one transaction
    store.save_copy(other_path)                              # consistent copy (backup API)
    store.close()                                            # or `with store:`

`write` saves each entity's own fields: a new map's stages, lanes, cards and markers must
be listed themselves. Places in ordered lists (maps, personas, channels, snapshots,
stages, lanes) come from `project`; cards keep their `order` field, and cards and markers
come back in the order they were first saved. Every changed entity is validated against
`project` first, so the file never holds what `validate_project` would refuse on open.

Nothing here opens a database at import time, and no ORM row ever leaves this package.
Opening reads with the stdlib `sqlite3`; SQLAlchemy is imported on the first write (or by
`ProjectStore.warm_up()`), and Alembic only to upgrade an older file.
"""

from app.storage.columns import APPLICATION_ID, SCHEMA_VERSION
from app.storage.errors import (
    NewerVersionError,
    NotAProjectError,
    ProjectLockedError,
    StorageError,
)
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
