"""The server schema: the migrations create exactly the tables schema.py derives from the file's."""

import pytest
from sqlalchemy import create_engine, inspect

from app.storage import columns
from app.storage.server import migrate
from app.storage.server.connect import engine_for
from app.storage.server.location import parse_location
from app.storage.server.schema import PROJECTS, SERVER_SCHEMA_VERSION, TABLES, VERSION_TABLE
from tests.server.helpers import run_sql


def _migrated(pg_url):
    engine = engine_for(parse_location(pg_url))
    with engine.begin() as conn:
        assert migrate.current_version(conn) is None
        migrate.upgrade(conn)
    with engine.connect() as conn:
        assert migrate.current_version(conn) == SERVER_SCHEMA_VERSION
    return engine


def test_the_migrations_create_exactly_the_tables_schema_py_describes(pg_url):
    engine = _migrated(pg_url)
    try:
        found = inspect(engine)
        expected = {table.name for table in TABLES.values()}
        assert set(found.get_table_names()) == expected | {VERSION_TABLE}
        dialect = engine.dialect
        for table in TABLES.values():
            # By name: ADD COLUMN puts a later revision's columns after `version` and `ins`.
            reflected = sorted(found.get_columns(table.name), key=lambda c: c["name"])
            mine_sorted = sorted(table.columns, key=lambda c: c.name)
            assert [c["name"] for c in reflected] == [c.name for c in mine_sorted], table.name
            for mine, theirs in zip(mine_sorted, reflected, strict=True):
                assert mine.type.compile(dialect) == theirs["type"].compile(dialect), (
                    table.name, mine.name)
                assert mine.nullable == theirs["nullable"], (table.name, mine.name)
            assert found.get_pk_constraint(table.name)["constrained_columns"] == [
                c.name for c in table.primary_key.columns]
    finally:
        engine.dispose()


def test_every_file_column_is_on_the_server_and_every_entity_row_is_keyed_by_project():
    for name, info in columns.TABLES.items():
        server = TABLES[name]
        assert set(info.names) <= {c.name for c in server.columns}, name
        assert "version" in server.c, name
        if name != columns.PROJECT.name:
            assert [c.name for c in server.primary_key.columns] == ["project_id", "id"]
    assert TABLES[columns.PROJECT.name].name == PROJECTS


def test_deleting_a_persona_clears_the_maps_reference_and_a_map_takes_its_cards(pg_url):
    from tests.server.helpers import publish_sample

    store, _ = publish_sample(pg_url)
    store.close()
    before = run_sql(pg_url, "SELECT count(*) FROM journey_map WHERE persona_id IS NOT NULL")
    assert before[0][0] > 0
    run_sql(pg_url, "DELETE FROM persona")
    rows = run_sql(pg_url, "SELECT count(*), count(persona_id) FROM journey_map")
    assert rows[0][0] > 0 and rows[0][1] == 0  # kept, the reference cleared (not the key)
    run_sql(pg_url, "DELETE FROM journey_map")
    assert run_sql(pg_url, "SELECT count(*) FROM card")[0][0] == 0
    assert run_sql(pg_url, "SELECT count(*) FROM stage")[0][0] == 0


def test_two_upgrades_at_once_take_turns(pg_url):
    import threading

    errors = []

    def go():
        engine = engine_for(parse_location(pg_url))
        try:
            with engine.begin() as conn:
                if migrate.current_version(conn) is None:
                    migrate.upgrade(conn)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=go) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # Both may read "no schema"; the second waits for the first's lock, then Alembic
    # finds the schema there and does nothing.
    engine = create_engine("postgresql+psycopg://", creator=lambda: __import__(
        "psycopg").connect(pg_url))
    with engine.connect() as conn:
        assert migrate.current_version(conn) == SERVER_SCHEMA_VERSION
    engine.dispose()
    assert errors == []


def test_a_database_a_newer_journey_studio_upgraded_is_refused_in_one_line(pg_url):
    from app.storage import NewerVersionError
    from app.storage.server import ServerStore
    from tests.server.conftest import with_project
    from tests.server.helpers import publish_sample

    publish_sample(pg_url)[0].close()
    run_sql(pg_url, f"UPDATE {VERSION_TABLE} SET version_num = 's0099'")
    newer = (r"were saved by a newer Journey Studio \(server schema "
             rf"{SERVER_SCHEMA_VERSION + 1}; this version reads up to {SERVER_SCHEMA_VERSION}\)")
    for read_only in (True, False):
        with pytest.raises(NewerVersionError, match=newer):
            ServerStore.open(with_project(pg_url, "sample"), read_only=read_only)
    with pytest.raises(NewerVersionError):
        from app.samples import build_sample

        ServerStore.create(pg_url, build_sample(), name="other", replace=True)
