"""How a damaged value is shown in the one line that refuses the file: short, exact, one line."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from app.storage import NotAProjectError, ProjectStore
from tests.storage.test_mapping_values import _saved

A40, A41 = "a" * 40, "b" * 41
CASES = [
    ("title", "X'00'", "1 byte of binary data (text was expected)"),
    ("title", "X'0001'", "2 bytes of binary data (text was expected)"),
    ("severity", f"'{A40}'", f"'{A40}' (a whole number was expected)"),
    ("severity", f"'{A41}'", f"'{A41[:39]}…' (a whole number was expected)"),
    ("severity", "'a ' || char(10, 9) || '  b'", "'a b' (a whole number was expected)"),
    ("severity", "'   '", "'   ' (a whole number was expected)"),
    ("severity", "2.5", "2.5 (a whole number was expected)"),
    ("severity", "printf('%.1000c', 'x')", "'" + "x" * 39 + "…' (a whole number was expected)"),
    ("severity", "printf('%.1001c', 'x')",
     "a text of 1001 characters (a whole number was expected)"),
    ("value", "'12 kg'", "'12 kg' (a number was expected)"),
    ("value", "X'01'", "1 byte of binary data (a number was expected)"),
    ("value", "9e999", "inf (a finite number was expected)"),
    ("value", "-9e999", "-inf (a finite number was expected)"),
    ("favourite", "2", "2 (0 or 1 was expected)"),
    ("favourite", "'yes'", "'yes' (0 or 1 was expected)"),
    ("id", "''", "'' (an id was expected)"),
]


@pytest.mark.parametrize(("column", "sql", "shown"), CASES,
                         ids=[f"{c}={s[:20]}" for c, s, _ in CASES])
def test_a_bad_value_is_shown_short_and_exact(tmp_path, column, sql, shown):
    path, _ = _saved(tmp_path)
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute(f"UPDATE card SET {column} = {sql} WHERE id = 'c2'")
    for read_only in (True, False):
        with pytest.raises(NotAProjectError) as caught:
            ProjectStore.open(path, read_only=read_only)
        assert str(caught.value) == (f'"map.cjm" is damaged: table card, column {column} '
                                     f"holds {shown}")


@pytest.mark.parametrize("value", ["1.7976931348623157e308", "-1.7976931348623157e308", "7"],
                         ids=["largest", "smallest", "whole"])
def test_the_largest_finite_numbers_and_whole_numbers_are_numbers(tmp_path, value):
    path, _ = _saved(tmp_path)
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(f"UPDATE card SET value = {value} WHERE id = 'c2'")
    store, project = ProjectStore.open(path, read_only=True)
    store.close()
    card = next(c for c in project.maps[0].cards if c.id == "c2")
    assert card.value == float(value)


def test_the_first_bad_value_of_a_row_is_named_not_a_good_extreme_before_it(tmp_path):
    path, _ = _saved(tmp_path)
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE card SET value = -1.7976931348623157e308, "
                           "target = 1.7976931348623157e308, favourite = 'yes' WHERE id = 'c2'")
    with pytest.raises(NotAProjectError) as caught:
        ProjectStore.open(path, read_only=True)
    assert str(caught.value) == ('"map.cjm" is damaged: table card, column favourite holds '
                                 "'yes' (0 or 1 was expected)")
