"""Names of the two sides of a compare page: a map or a snapshot of the project.

A reference is `map:NAME`, `snapshot:NAME` or a bare NAME (case-insensitive). A bare name
must name exactly one kind: when a map and a snapshot share it, the export stops and asks
for the prefix rather than guess. Several snapshots with one name (a review retaken)
resolve to the most recent. Light: no ReportLab, shared by the CLI, dialog and export.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.model import JourneyMap, Project, Snapshot
from app.export.pdf.options import PdfExportError

MAP, SNAPSHOT = "map", "snapshot"


@dataclass(frozen=True)
class Side:
    """One side of a comparison: what the reference named, and the map to compare."""

    kind: str  # MAP or SNAPSHOT
    name: str
    journey: JourneyMap
    taken_at: str = ""

    @property
    def reference(self) -> str:
        """The unambiguous reference ("map:NAME" or "snapshot:NAME")."""
        return f"{self.kind}:{self.name}"


def reference(kind: str, name: str) -> str:
    """The prefixed reference for a map or snapshot name."""
    return f"{kind}:{name}"


def _split(ref: str) -> tuple[str | None, str]:
    head, sep, tail = ref.partition(":")
    if sep and head.strip().casefold() in (MAP, SNAPSHOT):
        return head.strip().casefold(), tail.strip()
    return None, ref.strip()


def _snapshots_named(project: Project, name: str) -> list[Snapshot]:
    wanted = name.casefold()
    found = [s for s in project.snapshots if s.name.strip().casefold() == wanted]
    return sorted(found, key=lambda s: s.taken_at, reverse=True)


def _listing(project: Project) -> str:
    maps = ", ".join(repr(m.name) for m in project.maps) or "none"
    snaps = ", ".join(repr(s.name) for s in project.snapshots) or "none"
    return f"maps: {maps}; snapshots: {snaps}"


def resolve(project: Project, ref: str) -> Side:
    """The map or snapshot a reference names; PdfExportError (one line) when none or both."""
    kind, name = _split(ref)
    if not name:
        raise PdfExportError(f"empty compare reference {ref!r}; give a map or snapshot name")
    journey = project.map_named(name) if kind in (None, MAP) else None
    snaps = _snapshots_named(project, name) if kind in (None, SNAPSHOT) else []
    if journey is not None and snaps:
        raise PdfExportError(f"{name!r} names both a map and a snapshot; write "
                             f"map:{name} or snapshot:{name}")
    if journey is not None:
        return Side(MAP, journey.name, journey)
    if snaps:
        return Side(SNAPSHOT, snaps[0].name, snaps[0].content, snaps[0].taken_at)
    what = {MAP: "map", SNAPSHOT: "snapshot", None: "map or snapshot"}[kind]
    raise PdfExportError(f"no {what} named {name!r} to compare; the project has "
                         f"{_listing(project)}")


def resolve_pair(project: Project, pair: tuple[str, str]) -> tuple[Side, Side]:
    """Both sides of `PdfOptions.compare`; they must be two different maps or snapshots."""
    left, right = resolve(project, pair[0]), resolve(project, pair[1])
    if left.journey is right.journey:
        raise PdfExportError(f"the compare page names {left.reference!r} twice; give two "
                             f"different maps or snapshots")
    return left, right
