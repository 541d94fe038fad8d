"""Opening and creating project files, with errors told in words instead of tracebacks."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QWidget

from app.document.document import Document
from app.domain.templates import new_project
from app.ui import prompts
from app.ui.paths import SAMPLE_NAME, resource


def tr(text: str) -> str:
    """Translate in the opening context."""
    return QCoreApplication.translate("Opening", text)


class OpenFailed(Exception):
    """A project could not be opened; the message is for the user."""


def open_quietly(path: str, read_only: bool = False) -> Document:
    """Open a project or raise OpenFailed with a one-line reason (no dialogs)."""
    from app.storage.backend import is_server
    from app.storage.errors import StorageError

    if not is_server(path) and not os.path.exists(path):
        raise OpenFailed(tr("the file “%1” does not exist").replace("%1", path))
    try:
        return Document.open(path, read_only=read_only)
    except StorageError as error:
        raise OpenFailed(str(error)) from error
    except (OSError, ValueError) as error:
        raise OpenFailed(str(error)) from error


def open_document(parent: QWidget | None, path: str, read_only: bool = False
                  ) -> Document | None:
    """Open a project; a locked one may be opened read-only; failures become a dialog."""
    from app.storage.backend import is_server
    from app.storage.errors import NetworkDriveError, ProjectLockedError

    server = is_server(path)
    name = path if server else os.path.basename(path)
    if server:
        from app.storage.errors import StorageError
        from app.storage.server import parse_location

        try:
            name = parse_location(path).display  # never the password
        except StorageError:
            name = tr("the server project")
    try:
        if not server and not os.path.exists(path):
            raise OpenFailed(tr("The file does not exist (it may have been moved or deleted)."))
        return Document.open(path, read_only=read_only)
    except ProjectLockedError as error:
        if read_only:
            prompts.error(parent, tr("Cannot Open Project"), str(error))
            return None
        if prompts.ask_yes_no(parent, tr("Project in Use"),
                              str(error) + "\n\n" + tr("Open it read-only instead?"),
                              tr("Open Read-Only"), tr("Cancel")):
            return open_document(parent, path, read_only=True)
        return None
    except NetworkDriveError as error:
        return _on_network_drive(parent, path, error.kind)
    except Exception as error:  # noqa: BLE001 - whatever the cause, the user gets words
        prompts.error(parent, tr("Cannot Open Project"),
                      tr("“%1” could not be opened.").replace("%1", name), str(error))
        return None


EDIT_COPY, READ_ONLY = 0, 1


def _on_network_drive(parent: QWidget | None, path: str, kind: str) -> Document | None:
    """Offer a local copy to edit, or reading the original, for a project on a share."""
    name = os.path.basename(path)
    text = (tr("“%1” is on a network drive (%2). Editing a project in place there can "
               "damage it: a network drive cannot keep a colleague from writing it at the "
               "same time.").replace("%1", name).replace("%2", kind) + "\n\n"
            + tr("Edit a copy on this computer, and put it back with File ▸ Save a Copy As "
                 "when you are done; or open the original read-only."))
    answer = prompts.choose(parent, tr("Project on a Network Drive"), text,
                            [tr("Edit a Copy on This Computer"), tr("Open Read-Only"),
                             tr("Cancel")])
    if answer == READ_ONLY:
        return open_document(parent, path, read_only=True)
    if answer != EDIT_COPY:
        return None
    try:
        copy = make_local_copy(path)
    except Exception as error:  # noqa: BLE001 - reported in words
        prompts.error(parent, tr("Cannot Open Project"),
                      tr("No copy of “%1” could be made on this computer.").replace("%1", name),
                      str(error))
        return None
    doc = open_document(parent, str(copy))
    if doc is not None:
        prompts.inform(parent, tr("Editing a Copy"),
                       tr("You are editing a copy on this computer:\n%1\n\nThe original "
                          "on the network drive is unchanged until you save a copy over it.")
                       .replace("%1", str(copy)))
    return doc


def local_copies_dir() -> Path:
    """Where copies of projects from network drives are edited."""
    return user_data_dir() / "Local copies"


def make_local_copy(path: str) -> Path:
    """A consistent copy of the project at `path` in local_copies_dir(), under a free name."""
    from app.storage import ProjectStore

    folder = local_copies_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stem, suffix = os.path.splitext(os.path.basename(path))
    target, n = folder / f"{stem}{suffix}", 2
    while target.exists():
        target, n = folder / f"{stem} ({n}){suffix}", n + 1
    store, _project = ProjectStore.open(path, read_only=True)
    with store:
        store.save_copy(target)
    return target


def create_document(parent: QWidget | None, path: str, template: str, language: str,
                    title: str) -> Document | None:
    """Write a new project from a template to `path` and open it."""
    try:
        return Document.create(path, new_project(template, language, title or None),
                               overwrite=True)
    except Exception as error:  # noqa: BLE001 - reported in words
        prompts.error(parent, tr("Cannot Create Project"),
                      tr("“%1” could not be created.").replace("%1", os.path.basename(path)),
                      str(error))
        return None


def user_data_dir() -> Path:
    """Where Journey Studio keeps its own files: the sample copy, drafts, local copies, logs.

    One folder named after the application in the platform's data folder
    (~/.local/share/Journey Studio, %LOCALAPPDATA%\\Journey Studio, ~/Library/Application
    Support/Journey Studio). Qt's AppDataLocation would nest the organisation and the
    application, both "Journey Studio"; a folder left there by earlier versions is moved.
    """
    from app.ui.settings import APPLICATION

    generic = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.GenericDataLocation)
    if not generic:
        return Path.home() / ".journey-studio"
    folder = Path(generic) / APPLICATION
    _adopt_earlier_folder(folder / APPLICATION, folder)
    return folder


def _adopt_earlier_folder(earlier: Path, folder: Path) -> None:
    """Move what an earlier version kept in `earlier` (inside `folder`) up into `folder`."""
    if not earlier.is_dir():
        return
    for entry in list(earlier.iterdir()):
        target = folder / entry.name
        if not target.exists():
            try:
                os.replace(entry, target)
            except OSError:
                continue  # left where it was; the next start tries again
    try:
        earlier.rmdir()  # only when emptied
    except OSError:
        pass


def sample_copy_path() -> Path:
    """The user's own copy of the sample project (the bundled one is never opened)."""
    return user_data_dir() / SAMPLE_NAME


def ensure_sample_copy(language: str = "en") -> Path:
    """Make the user's sample copy if it is missing, and return its path.

    It is copied from resources/samples; without a bundled sample it is a new project
    from the five-stage template, so the window always has something to show.
    """
    target = sample_copy_path()
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    bundled = resource("samples", SAMPLE_NAME)
    if bundled.exists():
        partial = target.with_suffix(".part")
        shutil.copyfile(bundled, partial)  # no mode: the bundle may be read-only
        os.replace(partial, target)
    else:
        Document.create(str(target), new_project("awareness-5", language)).close()
    return target
