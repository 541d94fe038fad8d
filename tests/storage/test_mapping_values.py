"""How values sit in the file's columns, and what a damaged value is called when read.

The file is SQLite that other programs (and people) read: lists are compact UTF-8 JSON,
enums their values. A bad stored value is refused with a reason that names it.
"""

import sqlite3
from contextlib import closing

import pytest

from app.domain.model import Card, Evidence, LaneKind, Persona, Snapshot
from app.domain.templates import new_project
from app.storage import ProjectStore, StorageError
from app.storage.mapping import spec_for


def _saved(tmp_path):
    project = new_project("awareness-5", "vi")
    journey = project.maps[0]
    touch = next(lane for lane in journey.lanes if lane.kind == LaneKind.TOUCHPOINTS)
    journey.cards = [
        Card(journey.id, journey.stages[0].id, touch.id, "Zalo", id="c1",
             tags=["chăm sóc", "vip"], evidence=Evidence.OBSERVED),
        Card(journey.id, journey.stages[1].id, touch.id, "Web", id="c2"),
    ]
    project.personas = [Persona("Chị Lan", id="lan", channel_ids=[project.channels[0].id])]
    project.snapshots = [Snapshot(journey.id, "Q3", journey, id="snap")]
    path = tmp_path / "map.cjm"
    ProjectStore.create(str(path), project).close()
    return path, project


def _sql(path, statement, *args):
    with closing(sqlite3.connect(path)) as connection, connection:
        return connection.execute(statement, args).fetchall()


def _open_error(path) -> str:
    with pytest.raises(StorageError) as caught:
        ProjectStore.open(str(path), read_only=True)
    return str(caught.value)


def test_lists_are_compact_utf8_json_and_enums_their_values(tmp_path):
    path, project = _saved(tmp_path)
    assert _sql(path, "SELECT tags, evidence FROM card ORDER BY id") == [
        ('["chăm sóc","vip"]', "observed"), ("[]", None)]
    assert _sql(path, "SELECT channel_ids FROM persona") == [
        (f'["{project.channels[0].id}"]',)]
    assert _sql(path, "SELECT kind FROM lane ORDER BY seq")[0] == ("touchpoints",)
    content = _sql(path, "SELECT content FROM snapshot")[0][0]
    assert '"title":"Nhận thức"' in content and ", " not in content.split('"cards"')[0]


def test_what_was_saved_reads_back_equal(tmp_path):
    path, project = _saved(tmp_path)
    store, loaded = ProjectStore.open(str(path), read_only=True)
    store.close()
    cards = {c.id: c for c in loaded.maps[0].cards}
    assert (cards["c1"].tags, cards["c1"].evidence) == (["chăm sóc", "vip"], Evidence.OBSERVED)
    assert cards["c2"].evidence is None and cards["c2"].favourite is False
    assert loaded.snapshots[0].content == project.maps[0]
    assert loaded == project


@pytest.mark.parametrize("statement, reason", [
    ("UPDATE card SET evidence = 'seen' WHERE id = 'c1'",
     "table card, column evidence holds 'seen' (one of observed, assumed, proposed"),
    ("UPDATE lane SET kind = 'feelings' WHERE seq = 0",
     "table lane, column kind holds 'feelings' (one of touchpoints"),
    ("UPDATE card SET favourite = 'yes' WHERE id = 'c1'",
     "table card, column favourite holds 'yes' (0 or 1 was expected)"),
    ("UPDATE card SET tags = '[1]' WHERE id = 'c1'",
     "column tags holds '[1]' (a JSON list of text was expected)"),
    ("UPDATE card SET tags = '[oops' WHERE id = 'c1'",
     "column tags holds '[oops' (a JSON list of text was expected)"),
    ("UPDATE snapshot SET content = '{'",
     "column content holds '{' (a map as JSON was expected: not valid JSON)"),
    ("UPDATE snapshot SET content = '{\"name\": 5}'",
     "(a map as JSON was expected: snapshot.name: expected text)"),
    ("UPDATE card SET map_id = 'gone' WHERE id = 'c2'",
     "table card, column map_id holds 'gone' (no such journey_map)"),
    ("DELETE FROM project", "expected one project record, found 0"),
])
def test_a_damaged_value_is_refused_with_its_reason(tmp_path, statement, reason):
    path, _ = _saved(tmp_path)
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute(statement)
    assert reason in _open_error(path)


def test_only_project_entities_have_a_storage_spec():
    assert spec_for(Card("m", "s", "l")).table.name == "card"
    with pytest.raises(TypeError, match="^not a storable project entity: str$"):
        spec_for("card")
