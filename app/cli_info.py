"""What `journey-studio info` and `journey-studio templates` print: plain text and JSON.

Qt-free and storage-free: these only read domain objects, so `info` stays fast.
"""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any

from app.domain.model import Filter, JourneyMap, Project, SavedView, VotingRound
from app.domain.serialize import FORMAT_VERSION
from app.domain.templates import TEMPLATES, lane_title
from app.domain.voting import card_votes, top_voted


def map_summary(project: Project, journey: JourneyMap) -> dict[str, Any]:
    """One map's entry in `info --json`."""
    persona = project.persona(journey.persona_id)
    origin = project.map(journey.derived_from_id) if journey.derived_from_id else None
    return {
        "name": journey.name,
        "state": journey.state.value,
        "persona": persona.name if persona else None,
        "stages": [s.title for s in journey.stages],
        "lanes": [{"title": lane.title, "kind": lane.kind.value} for lane in journey.lanes],
        "cards": len(journey.cards),
        "markers": len(journey.markers),
        "id": journey.id,
        "description": journey.description,
        "derived_from": origin.name if origin else None,
        "snapshots": sum(1 for s in project.snapshots if s.map_id == journey.id),
        "views": [view_summary(journey, v) for v in journey.views],
        "rounds": [round_summary(journey, r) for r in journey.rounds],
    }


def filter_summary(criteria: Filter) -> dict[str, Any]:
    """The criteria a filter sets (the empty ones left out), as JSON values."""
    out: dict[str, Any] = {}
    for name, value in dataclasses.asdict(criteria).items():
        if isinstance(value, (set, frozenset)):
            if value:
                out[name] = sorted(v.value if isinstance(v, Enum) else v for v in value)
        elif value not in (None, False):
            out[name] = value
    return out


def view_summary(journey: JourneyMap, view: SavedView) -> dict[str, Any]:
    """One saved view in `info --json`."""
    titles = {lane.id: lane.title for lane in journey.lanes}
    return {
        "name": view.name,
        "filter": filter_summary(view.filter),
        "hide": view.hide,
        "hidden_lanes": [titles[i] for i in view.hidden_lane_ids if i in titles],
        "zoom": view.zoom,
        "id": view.id,
    }


def round_summary(journey: JourneyMap, round_: VotingRound) -> dict[str, Any]:
    """One voting round in `info --json`, with its tally (most voted first)."""
    counts = card_votes(journey, round_.id)
    top = []
    for card_id, dots in top_voted(journey, n=len(counts), round_id=round_.id):
        card = journey.card(card_id)
        top.append({"card": card.title if card else "", "dots": dots, "id": card_id})
    per_participant = {name: sum(1 for v in journey.votes if v.round_id == round_.id
                                 and v.participant == name) for name in round_.participants}
    return {
        "title": round_.title,
        "closed": round_.closed,
        "dots_per_participant": round_.dots_per_participant,
        "participants": round_.participants,
        "dots": sum(counts.values()),
        "dots_by_participant": per_participant,
        "tally": top,
        "created": round_.created,
        "id": round_.id,
    }


def project_summary(project: Project, *, file: str, schema_version: int | None
                    ) -> dict[str, Any]:
    """The `info --json` document: the required keys first, then the extra ones."""
    return {
        "title": project.title,
        "personas": [{"name": p.name, "age": p.age, "occupation": p.occupation,
                      "photo": p.photo is not None} for p in project.personas],
        "maps": [map_summary(project, m) for m in project.maps],
        "snapshots": len(project.snapshots),
        "file": file,
        "id": project.id,
        "client": project.client,
        "author": project.author,
        "language": project.language,
        "created": project.created,
        "modified": project.modified,
        "schema_version": schema_version,
        "format_version": FORMAT_VERSION,
        "channels": len(project.channels),
        "snapshot_list": [{"name": s.name, "map": s.content.name, "taken_at": s.taken_at}
                          for s in project.snapshots],
    }


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def format_summary(info: dict[str, Any]) -> str:
    """The plain, readable form of `info`."""
    lines = [info["title"]]
    details = [f"{label}: {info[key]}" for label, key in
               (("Client", "client"), ("Author", "author")) if info[key]]
    details.append(f"Language: {info['language']}")
    lines.append("  ".join(details))
    where = f"File: {info['file']}"
    if info["schema_version"] is not None:
        where += f" (schema version {info['schema_version']})"
    lines.append(where)
    lines.append(f"Modified: {info['modified']}   Created: {info['created']}")
    lines.append("")
    lines.append(f"Personas ({len(info['personas'])})")
    for persona in info["personas"]:
        extra = ", ".join(str(x) for x in (persona["age"], persona["occupation"]) if x)
        lines.append(f"  - {persona['name']}" + (f" ({extra})" if extra else ""))
    lines.append("")
    lines.append(f"Maps ({len(info['maps'])})")
    for i, journey in enumerate(info["maps"], 1):
        head = f"  {i}. {journey['name']} [{journey['state']}]"
        if journey["persona"]:
            head += f" — persona: {journey['persona']}"
        lines.append(head)
        if journey["derived_from"]:
            lines.append(f"     derived from: {journey['derived_from']}")
        stages = " → ".join(journey["stages"]) or "(none)"
        lines.append(f"     stages ({len(journey['stages'])}): {stages}")
        lanes = ", ".join(f"{lane['title']} ({lane['kind']})" for lane in journey["lanes"])
        lines.append(f"     lanes ({len(journey['lanes'])}): {lanes or '(none)'}")
        lines.append(f"     {_plural(journey['cards'], 'card')}, "
                     f"{_plural(journey['markers'], 'emotion marker')}")
        if journey["views"]:
            names = ", ".join(v["name"] for v in journey["views"])
            lines.append(f"     saved views ({len(journey['views'])}): {names}")
        for round_ in journey["rounds"]:
            state = "closed" if round_["closed"] else "open"
            top = ", ".join(f"{t['card']} ({t['dots']})" for t in round_["tally"][:3])
            lines.append(f"     voting round: {round_['title']} [{state}], "
                         f"{_plural(round_['dots'], 'dot')}" + (f"; top: {top}" if top else ""))
    lines.append("")
    lines.append(f"Snapshots ({info['snapshots']})")
    for snapshot in info["snapshot_list"]:
        lines.append(f"  - {snapshot['name']} — {snapshot['map']} ({snapshot['taken_at']})")
    return "\n".join(lines)


def templates_summary() -> list[dict[str, Any]]:
    """The templates as `templates --json` lists them."""
    return [
        {
            "key": t.key,
            "name_en": t.name[0],
            "name_vi": t.name[1],
            "stages": len(t.stages),
            "stages_en": [s[0] for s in t.stages],
            "stages_vi": [s[1] for s in t.stages],
            "lanes": [lane_title(kind, "en") for kind in t.lanes],
        }
        for t in TEMPLATES.values()
    ]


def format_templates(rows: list[dict[str, Any]]) -> str:
    """A table: key, English name, Vietnamese name, stage count."""
    header = ("KEY", "ENGLISH", "TIẾNG VIỆT", "STAGES")
    table = [header] + [(r["key"], r["name_en"], r["name_vi"], str(r["stages"])) for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(3)]
    out = []
    for row in table:
        cells = [row[i].ljust(widths[i]) for i in range(3)]
        out.append("  ".join(cells) + "  " + row[3].rjust(len(header[3])))
    return "\n".join(out)
