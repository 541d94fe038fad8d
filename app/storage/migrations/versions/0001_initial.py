"""Initial schema: project, channels, personas, maps with stages, lanes, cards, markers, snapshots.

Revision ID: 0001
Revises:
Create Date: 2026-11-20
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _id() -> sa.Column[str]:
    return sa.Column("id", sa.Text(), nullable=False)


def _text(name: str, nullable: bool = False) -> sa.Column[str]:
    return sa.Column(name, sa.Text(), nullable=nullable)


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}", ondelete=ondelete,
        deferrable=True, initially="DEFERRED",
    )


def _indexes(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(f"ix_{table}_{column}", table, [column])


def upgrade() -> None:
    """Create every table of schema version 1."""
    op.create_table(
        "project", _id(), _text("title"), _text("client"), _text("author"), _text("created"),
        _text("modified"), _text("language"),
        sa.PrimaryKeyConstraint("id", name="pk_project"),
    )
    op.create_table(
        "channel", _id(), sa.Column("seq", sa.Integer(), nullable=False), _text("key"),
        _text("name"), _text("icon"), _text("color"),
        sa.PrimaryKeyConstraint("id", name="pk_channel"),
    )
    op.create_table(
        "persona", _id(), sa.Column("seq", sa.Integer(), nullable=False), _text("name"),
        _text("description"), sa.Column("age", sa.Integer(), nullable=True),
        _text("occupation"), _text("quote"), _text("goals"), _text("motivations"),
        _text("behaviours"), _text("interests"), _text("pains"), _text("channel_ids"),
        sa.Column("photo", sa.LargeBinary(), nullable=True), _text("photo_mime"),
        sa.PrimaryKeyConstraint("id", name="pk_persona"),
    )
    op.create_table(
        "journey_map", _id(), sa.Column("seq", sa.Integer(), nullable=False), _text("name"),
        _text("description"), _text("state"), _text("persona_id", True),
        _text("derived_from_id", True),
        sa.Column("emotion_min", sa.Integer(), nullable=False),
        sa.Column("emotion_max", sa.Integer(), nullable=False),
        _fk("journey_map", "persona_id", "persona", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name="pk_journey_map"),
    )
    _indexes("journey_map", "persona_id")
    op.create_table(
        "stage", _id(), _text("map_id"), sa.Column("seq", sa.Integer(), nullable=False),
        _text("title"), _text("description"), _text("color"),
        sa.Column("width", sa.Float(), nullable=False),
        _fk("stage", "map_id", "journey_map", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_stage"),
    )
    _indexes("stage", "map_id")
    op.create_table(
        "lane", _id(), _text("map_id"), sa.Column("seq", sa.Integer(), nullable=False),
        _text("title"), _text("kind"), sa.Column("height", sa.Float(), nullable=False),
        sa.Column("collapsed", sa.Boolean(), nullable=False),
        _fk("lane", "map_id", "journey_map", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_lane"),
    )
    _indexes("lane", "map_id")
    op.create_table(
        "card", _id(), _text("map_id"), _text("stage_id"), _text("lane_id"), _text("title"),
        sa.Column("order", sa.Integer(), nullable=False), _text("body"),
        _text("channel_id", True), _text("color"), _text("tags"),
        sa.Column("severity", sa.Integer(), nullable=True), _text("owner"), _text("priority"),
        _text("status"), sa.Column("value", sa.Float(), nullable=True), _text("unit"),
        sa.Column("target", sa.Float(), nullable=True), _text("evidence", True),
        sa.Column("favourite", sa.Boolean(), nullable=False),
        _fk("card", "map_id", "journey_map", "CASCADE"),
        _fk("card", "stage_id", "stage", "CASCADE"),
        _fk("card", "lane_id", "lane", "CASCADE"),
        _fk("card", "channel_id", "channel", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name="pk_card"),
    )
    _indexes("card", "map_id", "stage_id", "lane_id", "channel_id")
    op.create_table(
        "emotion_marker", _id(), _text("map_id"), _text("stage_id"), _text("lane_id"),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("position", sa.Float(), nullable=False), _text("label"),
        _fk("emotion_marker", "map_id", "journey_map", "CASCADE"),
        _fk("emotion_marker", "stage_id", "stage", "CASCADE"),
        _fk("emotion_marker", "lane_id", "lane", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_emotion_marker"),
    )
    _indexes("emotion_marker", "map_id", "stage_id", "lane_id")
    op.create_table(
        "snapshot", _id(), sa.Column("seq", sa.Integer(), nullable=False), _text("map_id"),
        _text("name"), _text("taken_at"), _text("content"),
        sa.PrimaryKeyConstraint("id", name="pk_snapshot"),
    )


def downgrade() -> None:
    """Not supported: files are upgraded after a backup and never downgraded."""
    raise NotImplementedError("Journey Studio never downgrades a project file")
