"""Shared steps of the server tests."""

from __future__ import annotations

from app.samples import build_sample
from tests.server.conftest import with_project


def publish_sample(pg_url: str, name: str = "sample"):
    """Publish the bundled sample as `name`; returns (the open store, the project URL)."""
    from app.storage.server import ServerStore

    store = ServerStore.create(pg_url, build_sample(), name=name)
    return store, with_project(pg_url, name)


def run_sql(url: str, *statements: str) -> list:
    """Run statements as the URL's role (autocommit); the last one's rows."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        rows: list = []
        for statement in statements:
            cursor = conn.execute(statement)
            rows = cursor.fetchall() if cursor.description else []
        return rows
