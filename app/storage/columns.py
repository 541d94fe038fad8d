"""The tables of a .cjm file as plain data: names, columns, value types, and file identity.

This is what the fast reader (`mapping.py`, stdlib `sqlite3`) knows about the file, so that
opening a project never imports SQLAlchemy (~0.25 s). `schema.py` spells the same tables as
SQLAlchemy typed models for creating files, writing and migrations; a test checks that both
describe exactly the same columns, in the same order, with the same types and nullability.
Column names equal the domain field names; `seq` is an item's place in its ordered list.
"""

from __future__ import annotations

from dataclasses import dataclass

# The newest schema this build reads and writes; equals the head Alembic revision.
SCHEMA_VERSION = 3
# "CJM1" as a big-endian 32-bit integer: `PRAGMA application_id` (header offset 68).
APPLICATION_ID = 0x434A4D31
# Alembic revision id of each schema version (revision files live in migrations/versions).
REVISIONS = {1: "0001", 2: "0002", 3: "0003"}


@dataclass(frozen=True)
class Column:
    """One column: its name, the Python type of its values, and whether it may be NULL."""

    name: str
    type: type
    nullable: bool = False
    primary_key: bool = False
    # (table, ON DELETE action) of a foreign key to that table's id; such columns are indexed.
    references: tuple[str, str] | None = None
    default: str | None = None  # the column's DEFAULT as `PRAGMA table_xinfo` spells it


@dataclass(frozen=True)
class TableInfo:
    """One table: its name and its columns in table order."""

    name: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The column names in table order."""
        return tuple(column.name for column in self.columns)

    @property
    def ordered(self) -> bool:
        """True when rows carry a `seq` (their place in the owning list)."""
        return "seq" in self.names


def _table(name: str, *columns: tuple[object, ...] | Column) -> TableInfo:
    # Every table starts with its text primary key `id`; the rest as (name, type[, nullable]).
    return TableInfo(name, (Column("id", str, primary_key=True), *(
        spec if isinstance(spec, Column) else Column(*spec)  # type: ignore[arg-type]
        for spec in columns)))


def _ref(name: str, table: str, on_delete: str = "CASCADE", nullable: bool = False) -> Column:
    return Column(name, str, nullable, references=(table, on_delete))


_NULL = True

# Columns after the first revision's come last, where ALTER TABLE ADD COLUMN puts them.
PROJECT = _table("project", ("title", str), ("client", str), ("author", str),
                 ("created", str), ("modified", str), ("language", str),
                 ("logo", bytes, _NULL), Column("logo_mime", str, default="''"),
                 Column("accent", str, default="''"))
CHANNEL = _table("channel", ("seq", int), ("key", str), ("name", str), ("icon", str),
                 ("color", str))
PERSONA = _table("persona", ("seq", int), ("name", str), ("description", str),
                 ("age", int, _NULL), ("occupation", str), ("quote", str), ("goals", str),
                 ("motivations", str), ("behaviours", str), ("interests", str),
                 ("pains", str), ("channel_ids", str), ("photo", bytes, _NULL),
                 ("photo_mime", str))
JOURNEY_MAP = _table("journey_map", ("seq", int), ("name", str), ("description", str),
                     ("state", str), _ref("persona_id", "persona", "SET NULL", _NULL),
                     ("derived_from_id", str, _NULL), ("emotion_min", int),
                     ("emotion_max", int))
STAGE = _table("stage", _ref("map_id", "journey_map"), ("seq", int), ("title", str),
               ("description", str), ("color", str), ("width", float),
               ("phase", str, _NULL))
LANE = _table("lane", _ref("map_id", "journey_map"), ("seq", int), ("title", str),
              ("kind", str), ("height", float), ("collapsed", bool))
CARD = _table("card", _ref("map_id", "journey_map"), _ref("stage_id", "stage"),
              _ref("lane_id", "lane"), ("title", str), ("order", int), ("body", str),
              _ref("channel_id", "channel", "SET NULL", _NULL), ("color", str),
              ("tags", str), ("severity", int, _NULL), ("owner", str), ("priority", str),
              ("status", str), ("value", float, _NULL), ("unit", str),
              ("target", float, _NULL), ("evidence", str, _NULL), ("favourite", bool),
              Column("span", int, default="'1'"))
EMOTION_MARKER = _table("emotion_marker", _ref("map_id", "journey_map"),
                        _ref("stage_id", "stage"), _ref("lane_id", "lane"), ("score", int),
                        ("position", float), ("label", str))
CONNECTOR = _table("connector", _ref("map_id", "journey_map"), _ref("source_id", "card"),
                   # A card's or a stage's id: no foreign key can say "either".
                   ("target_id", str), ("kind", str), ("label", str), ("assumed", bool))
SAVED_VIEW = _table("saved_view", _ref("map_id", "journey_map"), ("seq", int), ("name", str),
                    ("filter", str), ("hide", bool), ("hidden_lane_ids", str),
                    ("zoom", float, _NULL))
VOTING_ROUND = _table("voting_round", _ref("map_id", "journey_map"), ("seq", int),
                      ("title", str), ("dots_per_participant", int), ("participants", str),
                      ("closed", bool), ("created", str))
VOTE = _table("vote", _ref("round_id", "voting_round"), _ref("card_id", "card"),
              ("participant", str))
SNAPSHOT = _table("snapshot", ("seq", int), ("map_id", str), ("name", str),
                  ("taken_at", str), ("content", str))

# Every project table (Alembic's own `alembic_version` is not ours and not listed).
TABLES: dict[str, TableInfo] = {table.name: table for table in (
    PROJECT, CHANNEL, PERSONA, JOURNEY_MAP, STAGE, LANE, CARD, EMOTION_MARKER, CONNECTOR,
    SAVED_VIEW, VOTING_ROUND, VOTE, SNAPSHOT)}
