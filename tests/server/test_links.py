"""Connectors, saved views, voting, phases and the logo on the server (server schema 2)."""

from app.domain.model import Connector, ConnectorKind
from app.storage.server import ServerStore
from tests.server.conftest import with_project
from tests.server.helpers import run_sql
from tests.storage.helpers import links_of, rich_project
from tests.storage.test_migration import old_project


def test_a_project_with_links_views_and_votes_reads_back_equal(pg_url):
    project = rich_project()
    ServerStore.create(pg_url, project, name="links").close()
    store, loaded = ServerStore.open(with_project(pg_url, "links"), read_only=True)
    store.close()
    assert loaded == project
    journey = loaded.maps[0]
    assert [c.kind for c in journey.connectors] == [ConnectorKind.LOOP_BACK,
                                                    ConnectorKind.HANDOFF]
    assert [v.name for v in journey.views] == ["Nỗi đau <cao>", "Tất cả"]
    assert loaded.logo == project.logo and loaded.accent == "#C0392B"


def test_a_stage_removed_takes_the_connectors_into_it_and_its_cards_votes(pg_url):
    project = rich_project()
    journey = project.maps[0]
    later = [c for c in journey.cards if c.stage_id == journey.stages[2].id]
    journey.connectors.append(Connector(journey.id, later[0].id, later[1].id))  # stays
    ServerStore.create(pg_url, project, name="links").close()
    url = with_project(pg_url, "links")
    store, mine = ServerStore.open(url)
    try:
        journey = mine.maps[0]
        stage = journey.stages[0]  # holds the first card: the loop back's target, voted on
        doomed = [c for c in journey.cards if c.stage_id == stage.id]
        links = links_of(journey, {stage.id, *(c.id for c in doomed)})
        assert any(c.target_id in {d.id for d in doomed} for c in journey.connectors)
        for item in [stage, *doomed, *links]:
            for kind in (journey.stages, journey.cards, journey.connectors, journey.votes):
                if item in kind:
                    kind.remove(item)
        journey.markers = [m for m in journey.markers if m.stage_id != stage.id]
        store.write(mine, [mine], [stage])  # children and links not listed
        # What the store remembers of the cascaded rows is gone too: a later edit of a
        # connector that is left is written, not refused as stale.
        left = journey.connectors[0]
        left.label = "vẫn còn"
        store.write(mine, [mine, left])
    finally:
        store.close()
    check, now = ServerStore.open(url, read_only=True)
    check.close()
    assert now == mine
    assert run_sql(pg_url, "SELECT count(*) FROM connector")[0][0] == len(journey.connectors)


def test_a_server_of_schema_1_is_upgraded_when_a_project_is_opened_for_editing(pg_url):
    before = old_project(2)  # what server schema 1 could hold
    ServerStore.create(pg_url, before, name="old").close()
    # Back to server schema 1 as s0001 left it: without revision s0002's tables and columns.
    run_sql(pg_url, "DROP TABLE vote, voting_round, saved_view, connector",
            "ALTER TABLE projects DROP COLUMN logo, DROP COLUMN logo_mime, DROP COLUMN accent",
            "ALTER TABLE stage DROP COLUMN phase",
            "UPDATE journey_studio_version SET version_num = 's0001'")
    url = with_project(pg_url, "old")
    store, loaded = ServerStore.open(url)
    try:
        assert loaded == before
        assert run_sql(pg_url, "SELECT version_num FROM journey_studio_version") == [("s0002",)]
        journey = loaded.maps[0]
        from tests.storage.helpers import add_links

        add_links(loaded, journey)
        store.write(loaded, [loaded, *journey.connectors, *journey.views, *journey.rounds,
                             *journey.votes, journey.stages[0], journey.stages[-1]])
    finally:
        store.close()
    check, now = ServerStore.open(url, read_only=True)
    check.close()
    assert now == loaded and now.maps[0].connectors
