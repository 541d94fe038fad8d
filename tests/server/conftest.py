"""A fresh database on the throwaway PostgreSQL server for each test.

`scripts/pg_cluster.sh start` starts the server and prints JOURNEY_STUDIO_TEST_PG (the URL
of a database whose role may create databases); `.ci/run` does that, so CI runs these
tests. Without the variable they are skipped.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ENV = "JOURNEY_STUDIO_TEST_PG"


def with_database(url: str, name: str) -> str:
    """`url` pointing at the database `name` (host, port and options kept)."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def with_user(url: str, user: str, password: str | None = None) -> str:
    """`url` connecting as `user` (with `password` in the URL when given)."""
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    login = user if password is None else f"{user}:{password}"
    return urlunsplit(parts._replace(netloc=f"{login}@{host}"))


def with_project(url: str, name: str) -> str:
    """`url` naming the project `name` (its ?project= parameter)."""
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}project={name}"


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The URL of the server's first database (a superuser's)."""
    url = os.environ.get(ENV)
    if not url:
        pytest.skip(f"no PostgreSQL server: run `eval \"$(bash scripts/pg_cluster.sh start)\"` "
                    f"to set {ENV}")
    return url


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """The URL of a new, empty database, dropped after the test."""
    import psycopg

    name = f"js_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_database(pg_server, name)
    finally:
        with psycopg.connect(pg_server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def make_role(pg_server: str, pg_url: str) -> Iterator:
    """make_role(*grants) → (name, password): a login role, dropped after the test.

    Each grant is SQL run in the test's database with {role} for the role's name.
    """
    import psycopg

    made: list[str] = []

    def make(*grants: str) -> tuple[str, str]:
        name = f"r_{uuid.uuid4().hex[:10]}"
        password = f"pw-{uuid.uuid4().hex}"
        with psycopg.connect(pg_server, autocommit=True) as admin:
            admin.execute(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'")
        made.append(name)
        with psycopg.connect(pg_url, autocommit=True) as conn:
            for grant in grants:
                conn.execute(grant.format(role=f'"{name}"'))
        return name, password

    yield make
    with psycopg.connect(pg_url, autocommit=True) as conn:
        for name in made:
            conn.execute(f'DROP OWNED BY "{name}"')
    with psycopg.connect(pg_server, autocommit=True) as admin:
        for name in made:
            admin.execute(f'DROP ROLE IF EXISTS "{name}"')


SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "pg_cluster.sh"


@pytest.fixture
def own_server():
    """A server of this test's own (the shared one keeps serving the others)."""
    if not os.environ.get(ENV):
        pytest.skip(f"no PostgreSQL server ({ENV} unset)")
    out = subprocess.run(["bash", str(SCRIPT), "start"], capture_output=True, text=True,
                         check=True).stdout
    values = dict(line.removeprefix("export ").split("=", 1) for line in out.splitlines())
    url, folder = (values[k].strip("'") for k in (ENV, f"{ENV}_DIR"))
    try:
        yield url, folder
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", folder], check=False)


def pg_script(*args: str) -> None:
    """Run scripts/pg_cluster.sh with these arguments (halt DIR, resume DIR…)."""
    subprocess.run(["bash", str(SCRIPT), *args], check=True, stdout=sys.stderr)
