"""What the model holds that the stores of this version cannot keep yet, refused by name.

The model, the JSON format and the workbooks already carry connectors, saved views, voting
rounds, stage phases and the client logo/accent; the .cjm file (schema revision 2) and the
server schema do not. Writing such a project would silently drop them, so the stores refuse
it in one line instead, and the user keeps the JSON or the workbook they came from.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.domain.model import Connector, Project, SavedView, Vote, VotingRound
from app.storage.errors import StorageError

_LINKED = {Connector: "connectors", SavedView: "saved views", VotingRound: "voting rounds",
           Vote: "votes"}
KEEP_IT = "keep the JSON or spreadsheet it came from; a later version stores them"


def unstorable(project: Project) -> list[str]:
    """The kinds of content in `project` that this version's stores cannot keep."""
    found: list[str] = []
    maps = project.maps
    for what, present in (
        ("connectors", any(m.connectors for m in maps)),
        ("saved views", any(m.views for m in maps)),
        ("voting rounds", any(m.rounds or m.votes for m in maps)),
        ("stage phases", any(s.phase is not None for m in maps for s in m.stages)),
        ("a client logo or accent colour",
         project.logo is not None or bool(project.logo_mime) or bool(project.accent)),
    ):
        if present:
            found.append(what)
    return found


def refuse_unstorable(project: Project, where: str) -> None:
    """StorageError naming what would be lost, before anything is written to `where`."""
    lost = unstorable(project)
    if lost:
        raise StorageError(f"could not save {where}: this version cannot keep "
                           f"{', '.join(lost)} in a project yet; {KEEP_IT}")


def refuse_unstorable_entities(entities: Iterable[Any], where: str) -> None:
    """StorageError when an edit adds or changes a kind of entity the store cannot keep."""
    kinds = sorted({_LINKED[type(e)] for e in entities if type(e) in _LINKED})
    if kinds:
        raise StorageError(f"could not save {where}: this version cannot keep "
                           f"{', '.join(kinds)} in a project yet; {KEEP_IT}")
