"""The JSON interchange file: a whole project as one UTF-8 text, documented in docs/file-format.md.

`read_json(write_json(p))` reproduces `p` exactly. Reading checks the format name and version,
every field's type, and every reference between entities, and says what is wrong in one line.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import os
from pathlib import Path
from typing import Any

from app.domain.model import JourneyMap, Project
from app.domain.serialize import (
    FORMAT_NAME,
    FORMAT_VERSION,
    FormatError,
    project_from_dict,
    project_to_dict,
)
from app.domain.validation import DomainError, validate_project
from app.export.atomic import write_bytes_atomically

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "FormatError",
    "check_references",
    "dumps",
    "loads",
    "read_json",
    "subset",
    "write_json",
]

# Reading a file larger than this is almost certainly a mistake (a video, a disk image).
MAX_JSON_BYTES = 512 * 1024 * 1024


def dumps(project: Project) -> str:
    """The interchange text of a project: key order as the dataclasses give, indent 2."""
    text = json.dumps(project_to_dict(project), ensure_ascii=False, indent=2,
                      allow_nan=False)
    return text + "\n"


def _refuse_constant(name: str) -> Any:
    raise FormatError(f"{name} is not allowed in a Journey Studio document")


def loads(text: str | bytes) -> Project:
    """Parse and check interchange text; FormatError says what is wrong and where."""
    if isinstance(text, bytes):
        try:
            # utf-8-sig: a byte-order mark written by some Windows editors is harmless.
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise FormatError(f"not UTF-8 text (byte {error.start})") from None
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise FormatError(f"not valid JSON (line {error.lineno}, column {error.colno}: "
                          f"{error.msg})") from None
    except RecursionError:
        raise FormatError("not valid JSON (nested too deeply)") from None
    try:
        project = project_from_dict(data)
    except (TypeError, AttributeError) as error:
        # A field of the wrong shape that the generic decoder did not foresee.
        raise FormatError(f"malformed document ({error})") from None
    try:
        validate_project(project)
        check_references(project)
    except DomainError as error:
        raise FormatError(str(error)) from None
    return project


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise DomainError(message)


def _check_map_content(journey: JourneyMap, where: str) -> None:
    stage_ids = {s.id for s in journey.stages}
    lane_ids = {lane.id for lane in journey.lanes}
    for group in (journey.stages, journey.lanes, journey.cards, journey.markers):
        for item in group:
            _check(item.map_id == journey.id, f"{where}: {item.id} is filed under another map")
    for item in journey.cards + journey.markers:
        _check(item.stage_id in stage_ids, f"{where}: {item.id} refers to a missing stage "
                                           f"{item.stage_id}")
        _check(item.lane_id in lane_ids, f"{where}: {item.id} refers to a missing lane "
                                         f"{item.lane_id}")


def check_references(project: Project) -> None:
    """References that validate_project leaves to the importer: personas' channels, snapshots.

    A map may outlive the map it was derived from and a snapshot the map it was taken of,
    so `derived_from_id` and `Snapshot.map_id` may name maps that are gone.
    """
    channel_ids = {c.id for c in project.channels}
    for persona in project.personas:
        for channel_id in persona.channel_ids:
            _check(channel_id in channel_ids,
                   f"persona {persona.name!r} prefers a channel that is not in the catalogue "
                   f"({channel_id})")
    for snapshot in project.snapshots:
        _check_map_content(snapshot.content, f"snapshot {snapshot.name!r}")


def read_json(path: str | os.PathLike[str]) -> Project:
    """Read an interchange file; FormatError (prefixed with the file name) or OSError."""
    path = Path(path)
    with open(path, "rb") as handle:
        data = handle.read(MAX_JSON_BYTES + 1)
    if len(data) > MAX_JSON_BYTES:
        raise FormatError(f"{path.name}: too large for a Journey Studio document")
    try:
        return loads(data)
    except FormatError as error:
        raise FormatError(f"{path.name}: {error}") from None


def write_json(project: Project, path: str | os.PathLike[str]) -> None:
    """Write the interchange file atomically (temporary file beside it, then rename)."""
    try:
        data = dumps(project).encode("utf-8")
    except UnicodeEncodeError:
        raise FormatError("the project holds text that cannot be written as UTF-8 "
                          "(an unpaired surrogate)") from None
    write_bytes_atomically(path, data)



def subset(project: Project, maps: list[JourneyMap]) -> Project:
    """A copy of the project that keeps only `maps` and their snapshots (for `--map`)."""
    keep = {m.id for m in maps}
    return copy.deepcopy(dataclasses.replace(
        project,
        maps=[m for m in project.maps if m.id in keep],
        snapshots=[s for s in project.snapshots if s.map_id in keep],
    ))
