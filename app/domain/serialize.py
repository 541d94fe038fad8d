"""Plain-dict form of the model: the JSON interchange format, snapshots and the clipboard.

Every field of every entity is carried, so `project_from_dict(project_to_dict(p)) == p`.
Bytes (persona photos) travel as base64; enums as their values.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import math
import types
import typing
from dataclasses import dataclass
from enum import Enum
from typing import Any

from app.domain.model import (
    Card,
    Channel,
    Connector,
    EmotionMarker,
    Evidence,
    Filter,
    JourneyMap,
    Lane,
    LaneKind,
    Persona,
    Project,
    SavedView,
    Snapshot,
    Stage,
    Vote,
    VotingRound,
)

FORMAT_NAME = "journey-studio"
# 2 adds connectors, views, rounds and votes to maps, phase to stages, logo and accent to
# the project; a version-1 document reads as one without them.
FORMAT_VERSION = 2

_MAP_LISTS = {"stages": Stage, "lanes": Lane, "cards": Card, "markers": EmotionMarker,
              "connectors": Connector, "views": SavedView, "rounds": VotingRound,
              "votes": Vote}
# Fields holding child entities: written in their own sections, never inline.
_CHILD_FIELDS = frozenset({*_MAP_LISTS, "personas", "maps", "snapshots", "channels", "content"})


# SQLite stores whole numbers in 64 bits; a larger one could be read but never saved.
INT_MIN, INT_MAX = -(2**63), 2**63 - 1


class FormatError(ValueError):
    """Input that is not a valid Journey Studio document; the message says what is wrong."""


@dataclass(frozen=True)
class RejectedNumber:
    """A JSON number the reader refused to convert (NaN, infinite, overflowing, too long).

    The JSON parser knows no field names, so it leaves this in the number's place and the
    decoder, which knows where it is, reports the reason.
    """

    reason: str


def parse_json_float(text: str) -> float | RejectedNumber:
    """A `json.loads` parse_float hook: finite numbers only (1e400 would become infinity)."""
    value = float(text)
    if not math.isfinite(value):
        return RejectedNumber(f"the number {_shown(text)} is too large")
    return value


def parse_json_int(text: str) -> int | RejectedNumber:
    """A `json.loads` parse_int hook: whole numbers that fit in 64 bits."""
    # Checked on the length first: converting thousands of digits is slow, and Python
    # refuses more than 4,300 digits with a ValueError.
    if len(text.lstrip("-")) > 19 or not INT_MIN <= int(text) <= INT_MAX:
        return RejectedNumber(f"the whole number {_shown(text)} is out of range "
                              f"(at most 19 digits, below 2^63)")
    return int(text)


def parse_json_constant(name: str) -> RejectedNumber:
    """A `json.loads` parse_constant hook: NaN, Infinity and -Infinity are refused."""
    return RejectedNumber(f"{name} is not allowed in a Journey Studio document")


def _shown(text: str) -> str:
    return text if len(text) <= 24 else f"{text[:12]}… ({len(text)} characters)"


def _check_text(value: str, where: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        # Only a lone surrogate (\ud800 in JSON) fails: it is not a character, and neither
        # SQLite nor a UTF-8 file could hold it.
        raise FormatError(f"{where}: holds an unpaired surrogate "
                          f"({ascii(value[error.start])}), which is not text") from None
    return value


_FILTER_TEXT_SETS = ("channels", "tags", "statuses", "priorities", "owners")


def filter_to_dict(criteria: Filter) -> dict[str, Any]:
    """A filter as JSON-ready values: sets as sorted lists, so equal filters write alike."""
    out: dict[str, Any] = {name: sorted(getattr(criteria, name)) for name in _FILTER_TEXT_SETS}
    out["lane_kinds"] = sorted(k.value for k in criteria.lane_kinds)
    out["severities"] = sorted(criteria.severities)
    out["evidence"] = sorted(e.value for e in criteria.evidence)
    out["favourite"] = criteria.favourite
    out["score_min"] = criteria.score_min
    out["score_max"] = criteria.score_max
    return out


def filter_from_dict(data: Any, where: str = "filter") -> Filter:
    """The inverse of filter_to_dict; raises FormatError on anything malformed.

    Text sets are folded again (the filter matches folded text), so a hand-written
    "Meta Ads" still picks the cards tagged "meta ads". Missing keys mean "any".
    """
    from app.domain.search import fold  # search imports this module's model; keep it lazy

    if not isinstance(data, dict):
        raise FormatError(f"{where}: expected an object")
    kwargs: dict[str, Any] = {}
    for name in _FILTER_TEXT_SETS:
        items = _decode(data.get(name, []), list[str], f"{where}.{name}")
        kwargs[name] = frozenset(items if name == "channels" else (fold(t) for t in items))
    kwargs["lane_kinds"] = frozenset(_decode(data.get("lane_kinds", []), list[LaneKind],
                                             f"{where}.lane_kinds"))
    severities = _decode(data.get("severities", []), list[int], f"{where}.severities")
    if any(v not in (1, 2, 3) for v in severities):
        raise FormatError(f"{where}.severities: each must be 1, 2 or 3")
    kwargs["severities"] = frozenset(severities)
    kwargs["evidence"] = frozenset(_decode(data.get("evidence", []), list[Evidence],
                                           f"{where}.evidence"))
    kwargs["favourite"] = _decode(data.get("favourite", False), bool, f"{where}.favourite")
    for end in ("score_min", "score_max"):
        kwargs[end] = _decode(data.get(end), int | None, f"{where}.{end}")
    low, high = kwargs["score_min"], kwargs["score_max"]
    if low is not None and high is not None and low > high:
        raise FormatError(f"{where}: score_min {low} is above score_max {high}")
    return Filter(**kwargs)


def _encode(value: Any) -> Any:
    if isinstance(value, Filter):
        return filter_to_dict(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, list):
        return [_encode(v) for v in value]
    return value


@functools.cache
def _float_fields(cls: type) -> frozenset[str]:
    def is_float(hint: Any) -> bool:
        return hint is float or float in typing.get_args(hint)

    return frozenset(name for name, hint in typing.get_type_hints(cls).items() if is_float(hint))


def entity_to_dict(entity: Any) -> dict[str, Any]:
    """One entity's own fields (no nested lists of children) as JSON-ready values."""
    out: dict[str, Any] = {}
    floats = _float_fields(type(entity))  # type: ignore[arg-type]  # classes hash
    for f in dataclasses.fields(entity):
        value = getattr(entity, f.name)
        if f.name in floats and isinstance(value, int) and not isinstance(value, bool):
            # An int set into a float field (target=10) must write as 10.0, as it reads
            # back: otherwise export → import → export would not give identical text.
            value = float(value)
        if f.name in _CHILD_FIELDS:
            continue
        out[f.name] = _encode(value)
    return out


@functools.cache
def _field_types(cls: type) -> dict[str, Any]:
    # Cached: get_type_hints evaluates every string annotation (a compile each), and a
    # file's snapshots decode thousands of entities of a dozen classes.
    return typing.get_type_hints(cls)


def _decode(value: Any, annotation: Any, where: str) -> Any:
    if isinstance(value, RejectedNumber):
        raise FormatError(f"{where}: {value.reason}")
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _decode(value, inner[0], where)
    if origin is list:
        if not isinstance(value, list):
            raise FormatError(f"{where}: expected a list")
        return [_decode(v, args[0], where) for v in value]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        if not isinstance(value, str):
            raise FormatError(f"{where}: {_shown(ascii(value))} is not a valid "
                              f"{annotation.__name__}")
        try:
            return annotation(_check_text(value, where))
        except ValueError:
            raise FormatError(f"{where}: {_shown(repr(value))} is not a valid "
                              f"{annotation.__name__}") from None
    if annotation is Filter:
        return filter_from_dict(value, where)
    if annotation is bytes:
        try:
            return base64.b64decode(value, validate=True)
        except (ValueError, TypeError):
            raise FormatError(f"{where}: not valid base64") from None
    if annotation is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise FormatError(f"{where}: expected a number")
        if isinstance(value, int) and not INT_MIN <= value <= INT_MAX:
            raise FormatError(f"{where}: the number {_shown(str(value))} is too large")
        if isinstance(value, float) and not math.isfinite(value):
            raise FormatError(f"{where}: {value!r} is not a finite number")
        return float(value)
    if annotation is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise FormatError(f"{where}: expected a whole number")
        if not INT_MIN <= value <= INT_MAX:
            raise FormatError(f"{where}: the whole number {_shown(str(value))} is out of range")
        return value
    if annotation is bool:
        if not isinstance(value, bool):
            raise FormatError(f"{where}: expected true or false")
        return value
    if annotation is str:
        if not isinstance(value, str):
            raise FormatError(f"{where}: expected text")
        return _check_text(value, where)
    return value


def entity_from_dict(cls: type, data: Any, where: str) -> Any:
    """Build one entity of `cls` from its dict form; unknown keys are ignored."""
    if not isinstance(data, dict):
        raise FormatError(f"{where}: expected an object")
    hints = _field_types(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name in _CHILD_FIELDS:
            continue
        if f.name not in data:
            has_default = (f.default is not dataclasses.MISSING
                           or f.default_factory is not dataclasses.MISSING)
            if not has_default:
                raise FormatError(f"{where}: missing {f.name!r}")
            continue
        kwargs[f.name] = _decode(data[f.name], hints[f.name], f"{where}.{f.name}")
    return cls(**kwargs)


def map_to_dict(journey: JourneyMap) -> dict[str, Any]:
    """A map with its stages, lanes, cards and markers."""
    out = entity_to_dict(journey)
    for name in _MAP_LISTS:
        out[name] = [entity_to_dict(item) for item in _canonical_order(journey, name)]
    return out


def _canonical_order(journey: JourneyMap, name: str) -> list[Any]:
    """Cards by cell and rank, markers along the journey: a stable, diff-friendly order."""
    items: list[Any] = getattr(journey, name)
    stage_rank = {s.id: i for i, s in enumerate(journey.stages)}
    lane_rank = {lane.id: i for i, lane in enumerate(journey.lanes)}
    if name == "cards":
        return sorted(items, key=lambda c: (stage_rank.get(c.stage_id, -1),
                                            lane_rank.get(c.lane_id, -1), c.order, c.id))
    if name == "markers":
        return sorted(items, key=lambda m: (stage_rank.get(m.stage_id, -1), m.position, m.id))
    if name in ("connectors", "votes"):
        return sorted(items, key=lambda item: item.id)
    return items


def map_from_dict(data: Any, where: str = "map") -> JourneyMap:
    """The inverse of map_to_dict."""
    journey: JourneyMap = entity_from_dict(JourneyMap, data, where)
    for name, cls in _MAP_LISTS.items():
        items = data.get(name, [])
        if not isinstance(items, list):
            raise FormatError(f"{where}.{name}: expected a list")
        getattr(journey, name).extend(
            entity_from_dict(cls, item, f"{where}.{name}[{i}]") for i, item in enumerate(items)
        )
    return journey


def project_to_dict(project: Project) -> dict[str, Any]:
    """The whole project, headed by the format name and version."""
    out: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    out["project"] = entity_to_dict(project)
    out["channels"] = [entity_to_dict(c) for c in project.channels]
    out["personas"] = [entity_to_dict(p) for p in project.personas]
    out["maps"] = [map_to_dict(m) for m in project.maps]
    out["snapshots"] = [
        {**entity_to_dict(s), "content": map_to_dict(s.content)} for s in project.snapshots
    ]
    return out


def project_from_dict(data: Any) -> Project:
    """The inverse of project_to_dict; raises FormatError on anything malformed."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise FormatError(f"not a Journey Studio document (no \"format\": \"{FORMAT_NAME}\")")
    version = data.get("version")
    if isinstance(version, RejectedNumber):
        raise FormatError(f"version: {version.reason}")
    if not isinstance(version, int) or isinstance(version, bool):
        raise FormatError("the document has no valid \"version\"")
    if version > FORMAT_VERSION:
        raise FormatError(
            f"the document is format version {version}; this Journey Studio reads up to "
            f"version {FORMAT_VERSION}: please update Journey Studio"
        )
    project: Project = entity_from_dict(Project, data.get("project"), "project")

    def _list(key: str) -> list[Any]:
        items: Any = data.get(key, [])
        if not isinstance(items, list):
            raise FormatError(f"{key}: expected a list")
        return items

    project.channels = [entity_from_dict(Channel, c, f"channels[{i}]")
                        for i, c in enumerate(_list("channels"))]
    project.personas = [entity_from_dict(Persona, p, f"personas[{i}]")
                        for i, p in enumerate(_list("personas"))]
    project.maps = [map_from_dict(m, f"maps[{i}]") for i, m in enumerate(_list("maps"))]
    for i, raw in enumerate(_list("snapshots")):
        where = f"snapshots[{i}]"
        if not isinstance(raw, dict):
            raise FormatError(f"{where}: expected an object")
        content = map_from_dict(raw.get("content"), f"{where}.content")
        snapshot = Snapshot(map_id=_decode(raw.get("map_id"), str, f"{where}.map_id"),
                            name=_decode(raw.get("name"), str, f"{where}.name"), content=content)
        snapshot.id = _decode(raw.get("id", snapshot.id), str, f"{where}.id")
        snapshot.taken_at = _decode(raw.get("taken_at", snapshot.taken_at), str,
                                    f"{where}.taken_at")
        project.snapshots.append(snapshot)
    return project
