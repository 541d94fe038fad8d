"""The JSON interchange file: a whole project as one UTF-8 text, documented in docs/file-format.md.

`read_json(write_json(p))` reproduces `p` exactly. Reading checks the format name and version,
every field's type, and every reference between entities, and says what is wrong in one line.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from app.domain.images import PHOTO_MIMES, photo_problem
from app.domain.model import (
    Card,
    EmotionMarker,
    JourneyMap,
    Lane,
    Persona,
    Project,
    Snapshot,
    Stage,
)
from app.domain.serialize import (
    FORMAT_NAME,
    FORMAT_VERSION,
    FormatError,
    parse_json_constant,
    parse_json_float,
    parse_json_int,
    project_from_dict,
    project_to_dict,
)
from app.domain.validation import MAX_EXTENT, DomainError, validate_entity, validate_project
from app.export.atomic import write_bytes_atomically

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "FormatError",
    "check_import",
    "dumps",
    "loads",
    "read_json",
    "subset",
    "write_json",
]

# Reading a file larger than this is almost certainly a mistake (a video, a disk image).
MAX_JSON_BYTES = 512 * 1024 * 1024
LANGUAGES = ("en", "vi")


def dumps(project: Project) -> str:
    """The interchange text of a project: key order as the dataclasses give, indent 2."""
    text = json.dumps(project_to_dict(project), ensure_ascii=False, indent=2,
                      allow_nan=False)
    return text + "\n"


def loads(text: str | bytes) -> Project:
    """Parse and check interchange text; FormatError says what is wrong and where."""
    if isinstance(text, bytes):
        try:
            # utf-8-sig: a byte-order mark written by some Windows editors is harmless.
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise FormatError(f"not UTF-8 text (byte {error.start})") from None
    try:
        # The hooks leave a RejectedNumber where a number cannot be held (NaN, 1e400,
        # 2^63, 5,000 digits): the decoder then names the field it sits in.
        data = json.loads(text, parse_constant=parse_json_constant,
                          parse_float=parse_json_float, parse_int=parse_json_int)
    except json.JSONDecodeError as error:
        raise FormatError(f"not valid JSON (line {error.lineno}, column {error.colno}: "
                          f"{error.msg})") from None
    except RecursionError:
        raise FormatError("not valid JSON (nested too deeply)") from None
    try:
        project = project_from_dict(data)
    except FormatError:
        raise
    except (TypeError, AttributeError, ValueError) as error:
        # A field of the wrong shape that the generic decoder did not foresee.
        raise FormatError(f"malformed document ({error})") from None
    check_import(project)
    try:
        # Whatever else a project must meet on open.
        validate_project(project)
    except DomainError as error:
        raise FormatError(str(error)) from None
    return project


def _map_entities(journey: JourneyMap, where: str) -> Iterator[tuple[str, Any]]:
    for name in ("stages", "lanes", "cards", "markers", "connectors", "views", "rounds"):
        for i, item in enumerate(getattr(journey, name)):
            yield f"{where}.{name}[{i}]", item


def _entities(project: Project) -> Iterator[tuple[str, Any]]:
    """Every entity of the project with its place in the document, e.g. maps[0].cards[3]."""
    yield "project", project
    for i, channel in enumerate(project.channels):
        yield f"channels[{i}]", channel
    for i, persona in enumerate(project.personas):
        yield f"personas[{i}]", persona
    for i, journey in enumerate(project.maps):
        yield f"maps[{i}]", journey
        yield from _map_entities(journey, f"maps[{i}]")
        for j, vote in enumerate(journey.votes):  # filed by round, not map_id
            yield f"maps[{i}].votes[{j}]", vote
    for i, snapshot in enumerate(project.snapshots):
        yield f"snapshots[{i}]", snapshot


def _check_fields(entity: Any, where: str) -> None:
    """Documented rules that only data from outside can break (the editor never writes it)."""
    if not entity.id.strip():
        raise FormatError(f"{where}.id: an id must not be empty")
    for name in ("created", "modified", "taken_at"):
        value = getattr(entity, name, None)
        if value is not None:
            try:
                datetime.fromisoformat(value)
            except ValueError:
                raise FormatError(f"{where}.{name}: {value[:40]!r} is not an ISO 8601 date "
                                  f"and time") from None
    if isinstance(entity, Project):
        if not entity.title.strip():
            raise FormatError(f"{where}.title: a project needs a title")
        if entity.language not in LANGUAGES:
            raise FormatError(f"{where}.language: {entity.language[:20]!r} is not a language "
                              f"Journey Studio knows ({' or '.join(LANGUAGES)})")
        if entity.logo is not None and entity.logo_mime not in PHOTO_MIMES:
            raise FormatError(f"{where}.logo_mime: {entity.logo_mime[:40]!r} is not "
                              f"{' or '.join(PHOTO_MIMES)}")
        problem = photo_problem(entity.logo, entity.logo_mime)
        if problem is not None:
            raise FormatError(f"{where}.logo: {problem}")
    elif isinstance(entity, Persona):
        if entity.photo is not None and entity.photo_mime not in PHOTO_MIMES:
            raise FormatError(f"{where}.photo_mime: {entity.photo_mime[:40]!r} is not "
                              f"{' or '.join(PHOTO_MIMES)}")
        problem = photo_problem(entity.photo, entity.photo_mime)
        if problem is not None:
            raise FormatError(f"{where}.photo: {problem}")
    elif isinstance(entity, Stage) and not entity.width <= MAX_EXTENT:
        raise FormatError(f"{where}.width: at most {MAX_EXTENT:.0f}, not {entity.width:g}")
    elif isinstance(entity, Lane) and not entity.height <= MAX_EXTENT:
        raise FormatError(f"{where}.height: at most {MAX_EXTENT:.0f}, not {entity.height:g}")


def _check_filing(journey: JourneyMap, where: str) -> None:
    """Each child names its enclosing map; cards and markers a stage and lane of it."""
    stage_ids = {s.id for s in journey.stages}
    lane_ids = {lane.id for lane in journey.lanes}
    for path, item in _map_entities(journey, where):
        if item.map_id != journey.id:
            raise FormatError(f"{path}.map_id: {item.id} is filed under another map")
        if isinstance(item, Card | EmotionMarker):
            what = "card" if isinstance(item, Card) else "marker"
            if item.stage_id not in stage_ids:
                raise FormatError(f"{path}.stage_id: {what}'s stage is not in the {what}'s "
                                  f"map ({item.stage_id[:40]})")
            if item.lane_id not in lane_ids:
                raise FormatError(f"{path}.lane_id: {what}'s lane is not in the {what}'s "
                                  f"map ({item.lane_id[:40]})")


def check_import(project: Project) -> None:
    """Check a decoded document entity by entity; FormatError names the place in the file.

    Beyond the rules of validate_entity, it checks what only a file from outside gets wrong
    (photos that are not images, empty ids, dates, absurd sizes) and the references that
    validate_project leaves to the importer: personas' channels and snapshots' contents.
    A map may outlive the map it was derived from and a snapshot the map it was taken of,
    so `derived_from_id` and `Snapshot.map_id` may name maps that are gone.
    """
    seen: set[str] = set()
    channel_ids = {c.id for c in project.channels}
    for i, journey in enumerate(project.maps):
        _check_filing(journey, f"maps[{i}]")
    for where, entity in _entities(project):
        _check_fields(entity, where)
        if entity.id in seen:
            raise FormatError(f"{where}.id: the id {entity.id} is used twice")
        seen.add(entity.id)
        if isinstance(entity, Persona):
            for n, channel_id in enumerate(entity.channel_ids):
                if channel_id not in channel_ids:
                    raise FormatError(
                        f"{where}.channel_ids[{n}]: persona {entity.name!r} prefers a channel "
                        f"that is not in the catalogue ({channel_id})")
        if isinstance(entity, Snapshot):
            content = f"{where}.content"
            for path, item in [(content, entity.content),
                               *_map_entities(entity.content, content)]:
                _check_fields(item, path)
            _check_filing(entity.content, content)
        try:
            validate_entity(project, entity)
        except DomainError as error:
            raise FormatError(f"{where}: {error}") from None


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
