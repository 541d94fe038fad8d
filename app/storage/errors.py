"""What can go wrong with a project file, each with a one-line message a user can act on."""

from __future__ import annotations


def one_line(text: object, limit: int = 160) -> str:
    """Any error text as one line of at most `limit` characters."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class StorageError(Exception):
    """A project file could not be created, opened, read or written."""


class NotAProjectError(StorageError):
    """The file is missing, is not a Journey Studio project, or is damaged."""


class NewerVersionError(StorageError):
    """The file was written by a newer Journey Studio with a schema this one cannot read."""

    def __init__(self, name: str, file_version: int, supported_version: int) -> None:
        self.file_version = file_version
        self.supported_version = supported_version
        super().__init__(
            f'"{name}" was saved by a newer Journey Studio (file schema version {file_version}; '
            f"this version reads up to {supported_version}): please update Journey Studio"
        )


class ProjectLockedError(StorageError):
    """Another window or process has the project open for writing."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f'"{name}" is open in another Journey Studio window or process; '
            "open it read-only or close the other one"
        )


class StrayWalError(NotAProjectError):
    """A `-wal` file beside the project does not fit it: another database's, or damaged."""

    def __init__(self, wal_name: str, name: str, damage: str = "") -> None:
        # A WAL whose replay gives a damaged project may be another database's or this
        # one's own, damaged: with the damage known, the message says both.
        what = (f"belongs to another database or is damaged ({damage})" if damage
                else "belongs to another database")
        super().__init__(f'"{wal_name}" beside "{name}" {what}; '
                         "move it away to open the project")


class ChangedOnDiskError(StorageError):
    """Another program wrote into the project since this store last saved it."""

    def __init__(self, name: str) -> None:
        super().__init__(f'"{name}" was changed by another program; your edit was not saved '
                         "— reopen the project")


class NetworkDriveError(StorageError):
    """The project is on a network share, where it is not edited in place (see network.py)."""

    def __init__(self, what: str, kind: str) -> None:
        # `what`: the quoted file name, or 'the folder "…"' for a project being created.
        self.kind = kind
        super().__init__(
            f"{what} is on a network drive ({kind}), where editing in place can damage it; "
            "open it read-only, or edit a copy on this computer and save a copy back"
        )
