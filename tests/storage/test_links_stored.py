"""Schema revision 3's content — connectors, saved views, voting, phases, logo, accent — is kept."""

from __future__ import annotations

import json
import sqlite3

from app.domain.model import Connector, ConnectorKind, Phase
from app.domain.serialize import project_to_dict
from app.domain.templates import new_project
from app.storage import ProjectStore
from tests.storage.helpers import PNG_BYTES, reopen, rich_project


def test_a_new_file_keeps_every_link_view_round_vote_phase_and_the_logo(tmp_path):
    project = rich_project()
    journey = project.maps[0]
    assert journey.connectors and journey.views and journey.rounds and journey.votes
    path = tmp_path / "links.cjm"
    ProjectStore.create(path, project).close()
    store, loaded = ProjectStore.open(path)
    store.close()
    assert loaded == project
    again = loaded.maps[0]
    assert [c.kind for c in again.connectors] == [ConnectorKind.LOOP_BACK, ConnectorKind.HANDOFF]
    assert again.connectors[0].label == "quay lại <so sánh> & R&D"
    assert [v.name for v in again.views] == ["Nỗi đau <cao>", "Tất cả"]  # in menu order
    assert again.views[0].filter == journey.views[0].filter and again.views[0].zoom == 0.75
    assert [r.title for r in again.rounds] == ["Ưu tiên 😀", "Closed"]
    assert again.rounds[0].participants == ["Lan", "Minh"] and again.rounds[1].closed
    assert sorted(v.participant for v in again.votes) == ["Lan", "Lan", "Minh"]
    assert again.stages[0].phase is Phase.DURING and again.stages[1].phase is None
    assert (loaded.logo, loaded.logo_mime, loaded.accent) == (PNG_BYTES, "image/png", "#C0392B")


def test_edits_of_links_are_saved_one_row_at_a_time(tmp_path):
    project = rich_project()
    store = ProjectStore.create(tmp_path / "e.cjm", project)
    journey = project.maps[0]
    connector = journey.connectors[0]
    connector.kind, connector.assumed = ConnectorKind.BRANCH, True
    view = journey.views.pop(0)
    journey.views.append(view)  # reordered: the other view's place is renumbered
    vote = journey.votes.pop()
    journey.stages[1].phase = Phase.BEFORE
    project.accent = ""
    store.write(project, [connector, view, journey.stages[1], project], [vote])
    assert reopen(store) == project


def test_a_card_removed_takes_its_connectors_and_votes_with_it_in_the_file(tmp_path):
    project = rich_project()
    journey = project.maps[0]
    path = tmp_path / "c.cjm"
    store = ProjectStore.create(path, project)
    first = journey.cards[0]  # source of the handoff, target of the loop back, voted on
    journey.cards.remove(first)
    journey.connectors.clear()
    journey.votes = [v for v in journey.votes if v.card_id != first.id]
    store.write(project, [], [first])  # links not listed: the file drops them itself
    store.close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM connector").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM vote").fetchone() == (1,)
    finally:
        conn.close()
    again, loaded = ProjectStore.open(path)
    again.close()
    assert loaded == project


def test_importing_json_with_connectors_into_a_new_file_keeps_them(cli, tmp_path):
    project = new_project("awareness-5", "vi")
    journey = project.maps[0]
    from app.domain.model import Card

    lane = journey.lanes[0]
    for stage in journey.stages[:2]:
        journey.cards.append(Card(journey.id, stage.id, lane.id, title=f"ở {stage.title}"))
    journey.connectors.append(Connector(journey.id, journey.cards[1].id, journey.cards[0].id,
                                        ConnectorKind.LOOP_BACK, "quay lại"))
    source = tmp_path / "with-links.json"
    source.write_text(json.dumps(project_to_dict(project)), encoding="utf-8")
    code, _out, err = cli("import", source, "-o", tmp_path / "out.cjm")
    assert code == 0, err
    store, loaded = ProjectStore.open(tmp_path / "out.cjm", read_only=True)
    store.close()
    assert loaded.maps[0].connectors == journey.connectors
