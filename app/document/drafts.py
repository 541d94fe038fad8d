"""Drafts: the text of an editor still open, kept outside the project until it is confirmed.

Typing into an in-place editor changes nothing until Enter; a crash before then would
lose the text. The window keeps the text of the editor open now in a small JSON file in
the user's data folder (one file per project file), written atomically a moment after
the last keystroke, and offers it back the next time that project opens. Nothing here
touches the project or its undo stack: restoring goes through a normal command.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.domain.model import Project
from app.domain.tree import Entity, find
from app.export.atomic import fsync_dir

log = logging.getLogger(__name__)

FORMAT = "journey-studio-draft"
VERSION = 1
# A draft is what one person typed into one field; anything far larger is not ours.
MAX_FILE_BYTES = 8 * 1024 * 1024
_TEXT_KEYS = ("project_id", "path", "entity_id", "entity_type", "field", "original", "text",
              "saved_at")


@dataclass(frozen=True)
class Draft:
    """The unconfirmed text of one field of one entity of one project file."""

    project_id: str
    path: str
    entity_id: str
    entity_type: str
    field: str
    original: str
    text: str
    saved_at: str = ""


def entity_type(entity: object) -> str:
    """The name drafts give an entity's kind ('card', 'stage', 'lane', …)."""
    return type(entity).__name__.lower()


def now_stamp() -> str:
    """The current time as an ISO 8601 UTC string, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _canonical(path: str) -> str:
    return os.path.realpath(os.path.abspath(path))


class DraftStore:
    """Draft files in one folder (the user data folder's `drafts`; a tmp folder in tests)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def file_for(self, path: str) -> Path:
        """The draft file of the project file at `path` (named by a hash of its real path)."""
        digest = hashlib.sha256(_canonical(path).encode("utf-8", "surrogatepass")).hexdigest()
        return self.folder / f"{digest[:32]}.json"

    def save(self, draft: Draft) -> None:
        """Write `draft` atomically (temp file, fsync, rename); raises OSError on failure."""
        record: dict[str, Any] = {"format": FORMAT, "version": VERSION, **asdict(draft)}
        record["path"] = _canonical(draft.path)
        record["saved_at"] = draft.saved_at or now_stamp()
        data = json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8", "surrogatepass")
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        target = self.file_for(draft.path)
        # One fixed temp name per draft: a process killed mid-write leaves nothing that piles up.
        temp = target.with_suffix(".json.tmp")
        # O_BINARY: Windows would write text mode; the stream is closed before the rename
        # (Windows cannot rename a file open here).
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0),
                     0o600)
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        fsync_dir(self.folder)

    def load(self, project_id: str, path: str) -> Draft | None:
        """The draft kept for this project file, or None (also for a damaged or foreign one)."""
        target = self.file_for(path)
        try:
            if target.stat().st_size > MAX_FILE_BYTES:
                log.warning("ignoring oversized draft file %s", target)
                return None
            raw = target.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            log.warning("cannot read draft file %s: %s", target, error)
            return None
        draft = _parse(raw)
        if draft is None:
            log.warning("ignoring unreadable draft file %s", target)
            return None
        if draft.path != _canonical(path) or draft.project_id != project_id:
            # Another project now lives at this path: the draft is not for it.
            return None
        return draft

    def discard(self, path: str) -> None:
        """Forget the draft of the project file at `path` (raises OSError if it stays)."""
        try:
            os.unlink(self.file_for(path))
        except FileNotFoundError:
            return
        fsync_dir(self.folder)


def _parse(raw: bytes) -> Draft | None:
    try:
        # surrogatepass as in save: a path that is not valid UTF-8 holds lone surrogates.
        record = json.loads(raw.decode("utf-8", "surrogatepass"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if (not isinstance(record, dict) or record.get("format") != FORMAT
            or record.get("version") != VERSION):
        return None
    values: dict[str, str] = {}
    for key in _TEXT_KEYS:
        value = record.get(key)
        if not isinstance(value, str):
            return None
        values[key] = value
    return Draft(**values)


class Recovery(StrEnum):
    """What a kept draft means for the project as it opens now."""

    RESTORE = "restore"  # the field still holds the original: the draft can be applied
    CHANGED = "changed"  # the field was changed since: offer the text, never apply it
    MISSING = "missing"  # the entity is gone: offer the text
    NOTHING = "nothing"  # the field already holds the draft's text


def target_of(project: Project, draft: Draft) -> Entity | None:
    """The entity the draft was typed into, if it still exists and has that field."""
    entity = find(project, draft.entity_id)
    if entity is None or entity_type(entity) != draft.entity_type:
        return None
    if not isinstance(getattr(entity, draft.field, None), str):
        return None
    return entity


def assess(project: Project, draft: Draft) -> Recovery:
    """Decide how a draft can be offered back for `project` as it is now."""
    if not draft.text.strip():
        return Recovery.NOTHING  # only whitespace: nothing worth offering back
    entity = target_of(project, draft)
    if entity is None:
        return Recovery.MISSING
    current = getattr(entity, draft.field)
    if current == draft.text:
        return Recovery.NOTHING
    if current == draft.original:
        return Recovery.RESTORE
    return Recovery.CHANGED


def entity_name(entity: Entity | None, fallback: str = "") -> str:
    """A short name for an entity in messages (its title, name or label)."""
    for attribute in ("title", "name", "label"):
        value = getattr(entity, attribute, None)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return fallback
