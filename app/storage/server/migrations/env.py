"""Alembic environment of the server schema: runs on the connection migrate.py hands over."""

from __future__ import annotations

from alembic import context

from app.storage.server.schema import VERSION_TABLE, metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through app.storage.server.migrate")

context.configure(connection=connection, target_metadata=metadata,
                  version_table=VERSION_TABLE, transactional_ddl=True)
# The caller began the transaction (and holds the migration lock): this joins it.
with context.begin_transaction():
    context.run_migrations()
