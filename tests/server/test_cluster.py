"""The throwaway server itself: each test gets its own empty database on it."""

import psycopg


def test_each_test_gets_an_empty_database_of_its_own(pg_url, pg_server):
    with psycopg.connect(pg_url) as conn:
        name = conn.execute("SELECT current_database()").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                              ).fetchone()[0]
    with psycopg.connect(pg_server) as conn:
        first = conn.execute("SELECT current_database()").fetchone()[0]
    assert name.startswith("js_") and name != first
    assert tables == 0
