"""Schema versions and Alembic upgrades, driven from code (no alembic.ini at run time)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from app.storage.columns import SCHEMA_VERSION
from app.storage.errors import StorageError
from app.storage.files import quoted

if TYPE_CHECKING:  # only old files need SQLAlchemy and Alembic; opening a current one not
    from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def revision_id(version: int) -> str:
    """The Alembic revision id of a schema version (1 → "0001")."""
    return f"{version:04d}"


def upgrade(engine: Engine, raw: sqlite3.Connection, path: Path,
            target: int = SCHEMA_VERSION) -> None:
    """Run the Alembic revisions up to `target` in one transaction, then stamp user_version."""
    # Imported here: only old files need Alembic, and it costs ~0.1 s to import.
    from alembic import command
    from alembic.config import Config

    config = Config()
    # ConfigParser interpolates "%": double it in case the install path holds one.
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    # SQLite's advice for schema changes: foreign keys off (a table rebuild would otherwise
    # cascade-delete children), check them before commit. Toggling only works outside a
    # transaction, hence on the raw connection.
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision_id(target))
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise StorageError(
                    f"cannot upgrade {quoted(path)}: the upgrade left {len(broken)} broken links"
                )
            conn.exec_driver_sql(f"PRAGMA user_version = {int(target)}")
    finally:
        raw.execute("PRAGMA foreign_keys=ON")
