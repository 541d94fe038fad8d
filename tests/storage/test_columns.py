"""The plain column description the reader uses is exactly the typed models' tables."""

from __future__ import annotations

import dataclasses

from app.storage import columns
from app.storage.mapping import SPECS
from app.storage.schema import Base


def _described(table: columns.TableInfo) -> list[tuple]:
    return [(c.name, c.type, c.nullable, c.primary_key) for c in table.columns]


def _modelled(name: str) -> list[tuple]:
    table = Base.metadata.tables[name]
    return [(c.name, c.type.python_type, bool(c.nullable), c.primary_key) for c in table.columns]


def test_the_same_tables():
    assert set(columns.TABLES) == set(Base.metadata.tables)


def test_the_same_columns_in_the_same_order_with_the_same_types():
    for name, table in columns.TABLES.items():
        assert _described(table) == _modelled(name), name


def test_every_table_is_read_into_one_entity_type():
    assert sorted(spec.table.name for spec in SPECS.values()) == sorted(columns.TABLES)


def test_every_column_but_seq_is_a_field_of_its_entity():
    for cls, spec in SPECS.items():
        fields = {f.name for f in dataclasses.fields(cls)}
        assert set(spec.table.names) - {"seq"} <= fields, cls.__name__
        assert set(spec.fields) == set(spec.table.names) - {"seq"}, cls.__name__


def test_the_version_constants_are_the_schema_modules():
    from app.storage import schema

    assert schema.SCHEMA_VERSION == columns.SCHEMA_VERSION
    assert schema.APPLICATION_ID == columns.APPLICATION_ID
