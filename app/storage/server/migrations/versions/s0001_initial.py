"""Server schema 1: projects, and the entity tables of file schema 2 keyed by project.

Revision ID: s0001
Revises:
Create Date: 2026-12-02

Spelled out here (not derived from columns.py): a revision is what the database was
given that day. tests/server/test_schema.py checks that the head equals schema.py.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None

_T = {"s": sa.Text, "i": sa.BigInteger, "f": sa.Double, "b": sa.LargeBinary, "?": sa.Boolean}

# table → "name:type" per column after `id` ("s" text, "i" integer, "f" real, "b" bytes,
# "?" boolean; a trailing "*" means NULL is allowed).
_ENTITIES = {
    "channel": "seq:i key:s name:s icon:s color:s",
    "persona": "seq:i name:s description:s age:i* occupation:s quote:s goals:s "
               "motivations:s behaviours:s interests:s pains:s channel_ids:s photo:b* "
               "photo_mime:s",
    "journey_map": "seq:i name:s description:s state:s persona_id:s* derived_from_id:s* "
                   "emotion_min:i emotion_max:i",
    "stage": "map_id:s seq:i title:s description:s color:s width:f",
    "lane": "map_id:s seq:i title:s kind:s height:f collapsed:?",
    "card": "map_id:s stage_id:s lane_id:s title:s order:i body:s channel_id:s* color:s "
            "tags:s severity:i* owner:s priority:s status:s value:f* unit:s target:f* "
            "evidence:s* favourite:? span:i",
    "emotion_marker": "map_id:s stage_id:s lane_id:s score:i position:f label:s",
    "snapshot": "seq:i map_id:s name:s taken_at:s content:s",
}

# (table, column, target table, ON DELETE): references within one project.
_REFERENCES = [
    ("journey_map", "persona_id", "persona", "SET NULL (persona_id)"),
    ("stage", "map_id", "journey_map", "CASCADE"),
    ("lane", "map_id", "journey_map", "CASCADE"),
    ("card", "map_id", "journey_map", "CASCADE"),
    ("card", "stage_id", "stage", "CASCADE"),
    ("card", "lane_id", "lane", "CASCADE"),
    ("card", "channel_id", "channel", "SET NULL (channel_id)"),
    ("emotion_marker", "map_id", "journey_map", "CASCADE"),
    ("emotion_marker", "stage_id", "stage", "CASCADE"),
    ("emotion_marker", "lane_id", "lane", "CASCADE"),
]


def _columns(spec: str) -> list[sa.Column[object]]:
    result: list[sa.Column[object]] = []
    for item in spec.split():
        name, kind = item.split(":")
        result.append(sa.Column(name, _T[kind.rstrip("*")](), nullable=kind.endswith("*")))
    return result


def upgrade() -> None:
    """Create the projects table and every entity table."""
    op.create_table(
        "projects", sa.Column("id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        *_columns("title:s client:s author:s created:s modified:s language:s"),
        sa.Column("modified_by", sa.Text(), nullable=False, server_default=""),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.PrimaryKeyConstraint("id", name="pk_projects"),
        sa.UniqueConstraint("name", name="uq_projects_name"),
    )
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
    # Composite references, deferred to COMMIT (one write may insert a child before its
    # parent). SET NULL names its column (PostgreSQL 15): project_id must stay.
    for table, column, target, action in _REFERENCES:
        op.execute(
            f'ALTER TABLE "{table}" ADD CONSTRAINT "fk_{table}_{column}" '
            f'FOREIGN KEY (project_id, "{column}") REFERENCES "{target}" (project_id, id) '
            f"ON DELETE {action} DEFERRABLE INITIALLY DEFERRED")
        op.create_index(f"ix_{table}_{column}", table, ["project_id", column])


def downgrade() -> None:
    """Not supported: a team's database is upgraded, never downgraded."""
    raise NotImplementedError("Journey Studio never downgrades a server schema")
