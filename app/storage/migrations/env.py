"""Alembic environment: runs on the connection that app.storage.migrate hands over.

No alembic.ini is needed at run time. For development (`alembic revision`), build a Config
with script_location pointing here; pass `connection` in `config.attributes` to migrate.
"""

from __future__ import annotations

from alembic import context

from app.storage.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through app.storage.migrate, which passes a connection")

# render_as_batch: SQLite alters most things by rebuilding tables; batch mode does that.
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
# The caller already began the transaction (BEGIN IMMEDIATE), so this joins it and the
# whole upgrade, version stamp included, commits or rolls back as one.
with context.begin_transaction():
    context.run_migrations()
