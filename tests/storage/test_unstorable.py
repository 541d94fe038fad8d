"""Content the .cjm file of this version cannot keep is refused by name, never dropped."""

from __future__ import annotations

import json

import pytest

from app.domain.model import Connector, ConnectorKind, Phase
from app.domain.templates import new_project
from app.storage import ProjectStore, StorageError

KEPT_ELSEWHERE = "keep the JSON or spreadsheet it came from"


def _project_with_cards():
    project = new_project("awareness-5", "en")
    journey = project.maps[0]
    from app.domain.model import Card

    lane = journey.lanes[0]
    for stage in journey.stages[:2]:
        journey.cards.append(Card(journey.id, stage.id, lane.id, title=f"in {stage.title}"))
    return project


@pytest.mark.parametrize("what, change", [
    ("connectors", lambda p: p.maps[0].connectors.append(Connector(
        p.maps[0].id, p.maps[0].cards[0].id, p.maps[0].cards[1].id, ConnectorKind.LOOP_BACK))),
    ("stage phases", lambda p: setattr(p.maps[0].stages[0], "phase", Phase.BEFORE)),
    ("a client logo or accent colour", lambda p: setattr(p, "accent", "#123456")),
])
def test_creating_a_file_with_what_it_cannot_keep_is_refused_and_writes_nothing(
        tmp_path, what, change):
    project = _project_with_cards()
    change(project)
    target = tmp_path / "new.cjm"
    with pytest.raises(StorageError) as caught:
        ProjectStore.create(target, project)
    message = str(caught.value)
    assert what in message and KEPT_ELSEWHERE in message and "\n" not in message
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_importing_json_with_connectors_into_a_new_file_fails_in_one_line(cli, tmp_path):
    from app.domain.serialize import project_to_dict

    project = _project_with_cards()
    journey = project.maps[0]
    journey.connectors.append(Connector(journey.id, journey.cards[0].id, journey.cards[1].id))
    source = tmp_path / "with-links.json"
    source.write_text(json.dumps(project_to_dict(project)), encoding="utf-8")
    code, out, err = cli("import", source, "-o", tmp_path / "out.cjm")
    assert code == 2
    assert err.startswith("error: ") and err.count("\n") == 1 and "connectors" in err
    assert not (tmp_path / "out.cjm").exists()
