"""The tables of a .cjm file as SQLAlchemy 2 typed models (schema revision 3, the head).

These rows never leave app.storage. They create new files, run migrations and write; the
fast reader never imports this module and reads through the plain description in
`columns.py` instead, which a test keeps identical to these tables. Column names equal the
domain field names; `seq` is the place of an item in its ordered list.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.storage import columns
from app.storage.columns import APPLICATION_ID, REVISIONS, SCHEMA_VERSION

__all__ = ["APPLICATION_ID", "REVISIONS", "SCHEMA_VERSION", "Base"]

# Named constraints let future batch migrations (table rebuilds) refer to them.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base of the project tables."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {str: Text, float: Float, bytes: LargeBinary, bool: Boolean}


def _fk(target: str, ondelete: str) -> ForeignKey:
    # Deferred: one write may insert a child before its parent; checked at COMMIT.
    return ForeignKey(target, ondelete=ondelete, deferrable=True, initially="DEFERRED")


class ProjectRow(Base):
    """The single row describing the project itself."""

    __tablename__ = columns.PROJECT.name
    id: Mapped[str] = mapped_column(primary_key=True)
    title: Mapped[str]
    client: Mapped[str]
    author: Mapped[str]
    created: Mapped[str]
    modified: Mapped[str]
    language: Mapped[str]
    # Revision 3: the client's logo (checked like a persona photo) and accent colour.
    logo: Mapped[bytes | None]
    logo_mime: Mapped[str] = mapped_column(server_default="")
    accent: Mapped[str] = mapped_column(server_default="")


class ChannelRow(Base):
    """An entry of the project's channel catalogue."""

    __tablename__ = columns.CHANNEL.name
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    key: Mapped[str]
    name: Mapped[str]
    icon: Mapped[str]
    color: Mapped[str]


class PersonaRow(Base):
    """A persona; `channel_ids` is a JSON list, `photo` the raw image bytes."""

    __tablename__ = columns.PERSONA.name
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    name: Mapped[str]
    description: Mapped[str]
    age: Mapped[int | None]
    occupation: Mapped[str]
    quote: Mapped[str]
    goals: Mapped[str]
    motivations: Mapped[str]
    behaviours: Mapped[str]
    interests: Mapped[str]
    pains: Mapped[str]
    channel_ids: Mapped[str]
    photo: Mapped[bytes | None]
    photo_mime: Mapped[str]


class MapRow(Base):
    """A journey map's own fields; its children live in their own tables."""

    __tablename__ = columns.JOURNEY_MAP.name
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    name: Mapped[str]
    description: Mapped[str]
    state: Mapped[str]
    persona_id: Mapped[str | None] = mapped_column(_fk("persona.id", "SET NULL"), index=True)
    # No foreign key: the domain lets a map outlive the map it was derived from.
    derived_from_id: Mapped[str | None]
    emotion_min: Mapped[int]
    emotion_max: Mapped[int]


class StageRow(Base):
    """A stage (column) of a map."""

    __tablename__ = columns.STAGE.name
    id: Mapped[str] = mapped_column(primary_key=True)
    map_id: Mapped[str] = mapped_column(_fk("journey_map.id", "CASCADE"), index=True)
    seq: Mapped[int]
    title: Mapped[str]
    description: Mapped[str]
    color: Mapped[str]
    width: Mapped[float]
    phase: Mapped[str | None]  # revision 3; NULL: guessed from the title and place


class LaneRow(Base):
    """A lane (row) of a map."""

    __tablename__ = columns.LANE.name
    id: Mapped[str] = mapped_column(primary_key=True)
    map_id: Mapped[str] = mapped_column(_fk("journey_map.id", "CASCADE"), index=True)
    seq: Mapped[int]
    title: Mapped[str]
    kind: Mapped[str]
    height: Mapped[float]
    collapsed: Mapped[bool]


class CardRow(Base):
    """A card in a cell; `tags` is a JSON list. `span` arrived in schema revision 2."""

    __tablename__ = columns.CARD.name
    id: Mapped[str] = mapped_column(primary_key=True)
    map_id: Mapped[str] = mapped_column(_fk("journey_map.id", "CASCADE"), index=True)
    stage_id: Mapped[str] = mapped_column(_fk("stage.id", "CASCADE"), index=True)
    lane_id: Mapped[str] = mapped_column(_fk("lane.id", "CASCADE"), index=True)
    title: Mapped[str]
    order: Mapped[int]
    body: Mapped[str]
    channel_id: Mapped[str | None] = mapped_column(_fk("channel.id", "SET NULL"), index=True)
    color: Mapped[str]
    tags: Mapped[str]
    severity: Mapped[int | None]
    owner: Mapped[str]
    priority: Mapped[str]
    status: Mapped[str]
    value: Mapped[float | None]
    unit: Mapped[str]
    target: Mapped[float | None]
    evidence: Mapped[str | None]
    favourite: Mapped[bool]
    # Last, as ALTER TABLE ADD COLUMN put it there in files migrated from revision 1.
    span: Mapped[int] = mapped_column(Integer, server_default="1")


class MarkerRow(Base):
    """An emotion marker on an emotions lane."""

    __tablename__ = columns.EMOTION_MARKER.name
    id: Mapped[str] = mapped_column(primary_key=True)
    map_id: Mapped[str] = mapped_column(_fk("journey_map.id", "CASCADE"), index=True)
    stage_id: Mapped[str] = mapped_column(_fk("stage.id", "CASCADE"), index=True)
    lane_id: Mapped[str] = mapped_column(_fk("lane.id", "CASCADE"), index=True)
    score: Mapped[int]
    position: Mapped[float]
    label: Mapped[str]


class ConnectorRow(Base):
    """An arrow from a card to a card or a stage (revision 3)."""

    __tablename__ = columns.CONNECTOR.name
    id: Mapped[str] = mapped_column(primary_key=True)
    map_id: Mapped[str] = mapped_column(_fk("journey_map.id", "CASCADE"), index=True)
    source_id: Mapped[str] = mapped_column(_fk("card.id", "CASCADE"), index=True)
    # A card's or a stage's id; the editor removes a target's connectors with it.
    target_id: Mapped[str]
    kind: Mapped[str]
    label: Mapped[str]
    assumed: Mapped[bool]


class SavedViewRow(Base):
    """A named filter, lane visibility and zoom; `filter` is JSON (revision 3)."""

    __tablename__ = columns.SAVED_VIEW.name
    id: Mapped[str] = mapped_column(primary_key=True)
    map_id: Mapped[str] = mapped_column(_fk("journey_map.id", "CASCADE"), index=True)
    seq: Mapped[int]
    name: Mapped[str]
    filter: Mapped[str]
    hide: Mapped[bool]
    hidden_lane_ids: Mapped[str]
    zoom: Mapped[float | None]


class VotingRoundRow(Base):
    """A dot-voting round; `participants` is a JSON list (revision 3)."""

    __tablename__ = columns.VOTING_ROUND.name
    id: Mapped[str] = mapped_column(primary_key=True)
    map_id: Mapped[str] = mapped_column(_fk("journey_map.id", "CASCADE"), index=True)
    seq: Mapped[int]
    title: Mapped[str]
    dots_per_participant: Mapped[int]
    participants: Mapped[str]
    closed: Mapped[bool]
    created: Mapped[str]


class VoteRow(Base):
    """One dot on a card in a round (revision 3)."""

    __tablename__ = columns.VOTE.name
    id: Mapped[str] = mapped_column(primary_key=True)
    round_id: Mapped[str] = mapped_column(_fk("voting_round.id", "CASCADE"), index=True)
    card_id: Mapped[str] = mapped_column(_fk("card.id", "CASCADE"), index=True)
    participant: Mapped[str]


class SnapshotRow(Base):
    """A snapshot; `content` is the map as JSON (app.domain.serialize.map_to_dict)."""

    __tablename__ = columns.SNAPSHOT.name
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    # No foreign key: a snapshot survives its map, so it can be restored as a new map.
    map_id: Mapped[str]
    name: Mapped[str]
    taken_at: Mapped[str]
    content: Mapped[str]


# Alembic's own bookkeeping table, spelled as Alembic creates it, so `create` can stamp a
# new file without importing Alembic. Kept out of Base.metadata (it is not ours to compare).
version_metadata = MetaData()
alembic_version = Table(
    "alembic_version",
    version_metadata,
    Column("version_num", String(32), primary_key=True),
)
alembic_version.primary_key.name = "alembic_version_pkc"
