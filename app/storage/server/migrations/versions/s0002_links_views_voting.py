"""Server schema 2: connectors, saved views and dot voting; stage phases; logo and accent.

Revision ID: s0002
Revises: s0001
Create Date: 2026-12-03

The server side of file schema revision 3. Spelled out here, as s0001 is.
tests/server/test_schema.py checks that the head equals schema.py.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None

_T = {"s": sa.Text, "i": sa.BigInteger, "f": sa.Double, "?": sa.Boolean}

# As in s0001: "name:type" per column after `id`, a trailing "*" allowing NULL.
_ENTITIES = {
    "connector": "map_id:s source_id:s target_id:s kind:s label:s assumed:?",
    "saved_view": "map_id:s seq:i name:s filter:s hide:? hidden_lane_ids:s zoom:f*",
    "voting_round": "map_id:s seq:i title:s dots_per_participant:i participants:s closed:? "
                    "created:s",
    "vote": "round_id:s card_id:s participant:s",
}

# (table, column, target table): references within one project, all ON DELETE CASCADE.
# A connector's target_id is a card's or a stage's id, which no key can say.
_REFERENCES = [
    ("connector", "map_id", "journey_map"),
    ("connector", "source_id", "card"),
    ("saved_view", "map_id", "journey_map"),
    ("voting_round", "map_id", "journey_map"),
    ("vote", "round_id", "voting_round"),
    ("vote", "card_id", "card"),
]


def _columns(spec: str) -> list[sa.Column[object]]:
    result: list[sa.Column[object]] = []
    for item in spec.split():
        name, kind = item.split(":")
        result.append(sa.Column(name, _T[kind.rstrip("*")](), nullable=kind.endswith("*")))
    return result


def upgrade() -> None:
    """Add the new columns and the four new entity tables."""
    op.add_column("projects", sa.Column("logo", sa.LargeBinary(), nullable=True))
    op.add_column("projects", sa.Column("logo_mime", sa.Text(), nullable=False,
                                        server_default=""))
    op.add_column("projects", sa.Column("accent", sa.Text(), nullable=False, server_default=""))
    op.add_column("stage", sa.Column("phase", sa.Text(), nullable=True))
    for table, spec in _ENTITIES.items():
        op.create_table(
            table, sa.Column("project_id", sa.Text(), nullable=False),
            sa.Column("id", sa.Text(), nullable=False), *_columns(spec),
            sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
            sa.Column("ins", sa.BigInteger(), sa.Identity(always=False), nullable=False),
            sa.PrimaryKeyConstraint("project_id", "id", name=f"pk_{table}"),
            sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE",
                                    name=f"fk_{table}_project"),
        )
    for table, column, target in _REFERENCES:
        op.execute(
            f'ALTER TABLE "{table}" ADD CONSTRAINT "fk_{table}_{column}" '
            f'FOREIGN KEY (project_id, "{column}") REFERENCES "{target}" (project_id, id) '
            "ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED")
        op.create_index(f"ix_{table}_{column}", table, ["project_id", column])


def downgrade() -> None:
    """Not supported: a team's database is upgraded, never downgraded."""
    raise NotImplementedError("Journey Studio never downgrades a server schema")
