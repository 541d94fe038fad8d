"""Cards may span several stages: card.span (existing cards span one stage).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-20
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add card.span, 1 for every existing card."""
    # A plain ADD COLUMN (no table rebuild): SQLite fills the default into old rows.
    op.add_column("card", sa.Column("span", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    """Not supported: files are upgraded after a backup and never downgraded."""
    raise NotImplementedError("Journey Studio never downgrades a project file")
