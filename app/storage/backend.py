"""One interface over the two stores, chosen from the location: a file or a server URL.

    store, project = open_store("plan.cjm")                                   # ProjectStore
    store, project = open_store("postgresql://me@host/db?project=Online shop")  # ServerStore
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

from app.domain.model import Project


class Store(Protocol):
    """What the document needs of a store: write change by change, copy, close."""

    @property
    def path(self) -> Path | str:
        """Where the project is, as titles and messages show it."""

    @property
    def read_only(self) -> bool:
        """True when writes are refused."""

    @property
    def closed(self) -> bool:
        """True once closed."""

    @property
    def schema_version(self) -> int:
        """The store's schema version."""

    def write(self, project: Project, changed: Iterable[Any] = (),
              removed: Iterable[Any] = ()) -> None:
        """Save the changed entities and delete the removed ones, in one transaction."""

    def checkpoint(self) -> bool:
        """Make the saved changes durable in place (a pause in editing)."""

    def save_copy(self, dest_path: str | os.PathLike[str]) -> None:
        """Write the project as stored to a .cjm file."""

    def close(self) -> None:
        """Release the file or the connections."""


def is_server(location: str | os.PathLike[str]) -> bool:
    """True when `location` is a server URL rather than a file."""
    from app.storage.server.location import is_server_url

    return isinstance(location, str) and is_server_url(location)


def open_store(location: str | os.PathLike[str], *, read_only: bool = False
               ) -> tuple[Store, Project]:
    """Open the project at `location`: a .cjm file, or postgresql://…?project=NAME."""
    if is_server(location):
        from app.storage.server import ServerStore

        return ServerStore.open(str(location), read_only=read_only)
    from app.storage.store import ProjectStore

    return ProjectStore.open(location, read_only=read_only)
