"""What can go wrong with a server project, each a one-line StorageError."""

from __future__ import annotations

from app.storage.errors import NewerVersionError, StorageError


class ServerError(StorageError):
    """The server could not be reached, refused the login, or refused a statement."""


class ProjectNotFoundError(ServerError):
    """The database holds no project of that name."""


class ProjectExistsError(ServerError):
    """Publishing would replace a project that is already on the server."""


class ConflictError(StorageError):
    """Someone else changed (or deleted) an entity since this store read it: not written.

    `kind` is the entity's kind as a user says it ("card", "stage"…), `entity_id` its id,
    `entity_type` its domain class (None for a broken reference found at commit).
    """

    def __init__(self, kind: str, entity_id: str, *, deleted: bool = False,
                 entity_type: type | None = None) -> None:
        self.kind = kind
        self.entity_id = entity_id
        self.deleted = deleted
        self.entity_type = entity_type
        what = "deleted" if deleted else "changed"
        super().__init__(f"This {kind} was {what} by someone else a moment ago; your edit "
                         "was not applied")


class NewerServerSchemaError(NewerVersionError):
    """The database was upgraded by a newer Journey Studio than this one."""

    def __init__(self, where: str, found: int, supported: int) -> None:
        self.file_version = found
        self.supported_version = supported
        StorageError.__init__(
            self, f"the projects on {where} were saved by a newer Journey Studio (server "
            f"schema {found}; this version reads up to {supported}): please update "
            "Journey Studio")
