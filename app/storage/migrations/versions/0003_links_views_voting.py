"""Connectors, saved views and dot voting; stage phases; the client's logo and accent.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03

New tables and plain ADD COLUMNs only (no table rebuild): old rows get NULL phases (guessed
from the stage title, as before), no logo and the default accent.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _text(name: str, nullable: bool = False) -> sa.Column[str]:
    return sa.Column(name, sa.Text(), nullable=nullable)


def _flag(name: str) -> sa.Column[bool]:
    return sa.Column(name, sa.Boolean(), nullable=False)


def _seq() -> sa.Column[int]:
    return sa.Column("seq", sa.Integer(), nullable=False)


def _table(name: str, *columns: sa.Column[Any],
           references: tuple[tuple[str, str], ...]) -> None:
    """A table keyed by its text `id`, each (column, target) a deferred cascading key."""
    keys = [sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=f"fk_{name}_{column}_{target}", ondelete="CASCADE",
        deferrable=True, initially="DEFERRED") for column, target in references]
    op.create_table(name, sa.Column("id", sa.Text(), nullable=False), *columns, *keys,
                    sa.PrimaryKeyConstraint("id", name=f"pk_{name}"))
    for column, _target in references:
        op.create_index(f"ix_{name}_{column}", name, [column])


def upgrade() -> None:
    """Add the new tables and columns."""
    op.add_column("project", sa.Column("logo", sa.LargeBinary(), nullable=True))
    op.add_column("project", sa.Column("logo_mime", sa.Text(), nullable=False,
                                       server_default=""))
    op.add_column("project", sa.Column("accent", sa.Text(), nullable=False, server_default=""))
    op.add_column("stage", _text("phase", nullable=True))
    _table("connector", _text("map_id"), _text("source_id"), _text("target_id"),
           _text("kind"), _text("label"), _flag("assumed"),
           references=(("map_id", "journey_map"), ("source_id", "card")))
    _table("saved_view", _text("map_id"), _seq(), _text("name"), _text("filter"),
           _flag("hide"), _text("hidden_lane_ids"),
           sa.Column("zoom", sa.Float(), nullable=True),
           references=(("map_id", "journey_map"),))
    _table("voting_round", _text("map_id"), _seq(), _text("title"),
           sa.Column("dots_per_participant", sa.Integer(), nullable=False),
           _text("participants"), _flag("closed"), _text("created"),
           references=(("map_id", "journey_map"),))
    _table("vote", _text("round_id"), _text("card_id"), _text("participant"),
           references=(("round_id", "voting_round"), ("card_id", "card")))


def downgrade() -> None:
    """Not supported: files are upgraded after a backup and never downgraded."""
    raise NotImplementedError("Journey Studio never downgrades a project file")
