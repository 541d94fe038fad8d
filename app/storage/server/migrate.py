"""The server schema's Alembic upgrades, run from code in one locked transaction."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, text

from app.storage.server.schema import SERVER_REVISIONS, SERVER_SCHEMA_VERSION, VERSION_TABLE

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# pg_advisory_xact_lock key: two clients upgrading one database at once take turns.
_LOCK_KEY = 0x4A53_4D49  # "JSMI"


def current_version(conn: Connection) -> int | None:
    """The database's server schema version; None when it holds no Journey Studio schema.

    A revision this build does not know (a newer Journey Studio's) counts as newer than
    every known one.
    """
    exists = conn.execute(text("SELECT to_regclass(:t) IS NOT NULL"),
                          {"t": VERSION_TABLE}).scalar()
    if not exists:
        return None
    revision = conn.execute(text(f'SELECT version_num FROM "{VERSION_TABLE}"')).scalar()
    for version, rid in SERVER_REVISIONS.items():
        if rid == revision:
            return version
    return SERVER_SCHEMA_VERSION + 1


def upgrade(conn: Connection, target: int = SERVER_SCHEMA_VERSION) -> None:
    """Create or upgrade the schema inside the caller's transaction (which commits it)."""
    from alembic import command
    from alembic.config import Config

    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.attributes["connection"] = conn
    command.upgrade(config, SERVER_REVISIONS[target])
