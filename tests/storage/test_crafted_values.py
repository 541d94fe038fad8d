"""Every value read from a file is checked: crafted files for each table and column.

Each case takes a real project file and stores one bad value in one column of one row,
bypassing the column's declared type and NOT NULL (as a hostile or broken program could),
then runs `info` on it. A bad value must give exit 2 and one `error:` line naming the
table and the column, and leave the folder byte-identical; a file that opens must also
take the next edit.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from app.storage import ProjectStore, StorageError, columns
from tests.storage.helpers import PNG_BYTES, digest, rich_project

BAD, FINE = "bad", "fine"  # must be refused / may open (then must take an edit)

_GENERIC: dict[type, list[object]] = {
    str: [None, 5, b"\x00\xff\xfe"],
    int: [None, "abc", 2.5, b"\x01"],
    float: [None, "abc", b"\x01", float("inf")],
    bytes: ["text", 5],
    bool: [None, 2, "yes"],
}

# Column-specific values no Journey Studio writes.
_SPECIFIC: dict[tuple[str, str], list[object]] = {
    ("project", "id"): [""],
    ("project", "title"): ["", "   "],
    ("project", "language"): ["fr"],
    ("channel", "color"): ["red"],
    ("channel", "name"): [""],
    ("persona", "name"): [""],
    ("persona", "age"): [-1, 200],
    ("persona", "channel_ids"): ["not json", '{"a": 1}', "[1, 2]", "[" * 50_000],
    ("persona", "photo_mime"): ["image/gif"],
    ("journey_map", "name"): [""],
    ("journey_map", "state"): ["wormhole", ""],
    ("journey_map", "persona_id"): ["no-such-persona"],
    ("journey_map", "emotion_min"): [5],
    ("journey_map", "emotion_max"): [-5],
    ("stage", "map_id"): ["no-such-map"],
    ("stage", "color"): ["red"],
    ("stage", "width"): [0.0, -1.0, 1e308],
    ("lane", "map_id"): ["no-such-map"],
    ("lane", "kind"): ["wormhole"],
    ("lane", "height"): [0.0, 1e308],
    ("card", "id"): ["", "@project"],
    ("card", "map_id"): ["no-such-map"],
    ("card", "stage_id"): ["no-such-stage"],
    ("card", "lane_id"): ["no-such-lane"],
    ("card", "channel_id"): ["no-such-channel"],
    ("card", "color"): ["red"],
    ("card", "tags"): ["not json", "[1]", "[" * 50_000],
    ("card", "severity"): [0, 9],
    ("card", "evidence"): ["maybe"],
    ("card", "span"): [0, -3],
    ("emotion_marker", "map_id"): ["no-such-map"],
    ("emotion_marker", "stage_id"): ["no-such-stage"],
    ("emotion_marker", "lane_id"): ["no-such-lane"],
    ("emotion_marker", "score"): [7, -3],
    ("emotion_marker", "position"): [1.5, -0.1],
    ("snapshot", "name"): [""],
    ("snapshot", "content"): ["not json", "[]", "{}", "[" * 50_000],
}

# Values that are legitimate in these columns after all.
_FINE: dict[tuple[str, str], list[object]] = {
    ("card", "value"): [1e308],
    ("card", "target"): [1e308],
}


def _cases() -> list[tuple[str, str, object, str]]:
    cases = []
    for table in columns.TABLES.values():
        for column in table.columns:
            key = (table.name, column.name)
            for value in _GENERIC[column.type] + _SPECIFIC.get(key, []):
                fine = value is None and column.nullable
                cases.append((table.name, column.name, value, FINE if fine else BAD))
            for value in _FINE.get(key, []):
                cases.append((table.name, column.name, value, FINE))
    return cases


CASES = _cases()


def _case_id(case: tuple[str, str, object, str]) -> str:
    table, column, value, _ = case
    text = repr(value)
    return f"{table}.{column}={text[:12]}"


@pytest.fixture(scope="module")
def base_file(tmp_path_factory) -> Path:
    """One real project file, using every table."""
    project = rich_project()
    assert project.personas[0].photo == PNG_BYTES
    path = tmp_path_factory.mktemp("base") / "base.cjm"
    ProjectStore.create(path, project).close()
    return path


def _definition(sql: str, column: str) -> re.Match[str]:
    match = re.search(rf'\t"?{re.escape(column)}"? (.*?)(, \n|\n)', sql)
    assert match is not None, (column, sql)
    return match


def craft(base: Path, dest: Path, table: str, column: str, value: object) -> Path:
    """A copy of `base` with `value` stored as is in `column` of the first row of `table`."""
    shutil.copyfile(base, dest)
    conn = sqlite3.connect(dest, isolation_level=None)
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    if value == "@project":
        value = conn.execute("SELECT id FROM project").fetchone()[0]
    match = _definition(sql, column)
    loose = sql[:match.start(1)] + "BLOB" + sql[match.end(1):]  # no affinity, no NOT NULL
    conn.execute("PRAGMA writable_schema=ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (loose, table))
    conn.close()
    conn = sqlite3.connect(dest, isolation_level=None)
    conn.execute(f'UPDATE "{table}" SET "{column}" = ? '
                 f'WHERE rowid = (SELECT min(rowid) FROM "{table}")', (value,))
    conn.execute("PRAGMA writable_schema=ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (sql, table))
    conn.close()
    assert not Path(f"{dest}-wal").exists()
    return dest


def _folder(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in sorted(folder.iterdir())}


def test_the_generator_covers_every_table_and_column():
    covered = {(t, c) for t, c, _, _ in CASES}
    assert covered == {(t.name, c.name) for t in columns.TABLES.values() for c in t.columns}
    assert len(CASES) >= 150


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_a_crafted_value_is_refused_in_one_line_or_opens_and_edits(tmp_path, base_file,
                                                                   case, capsys):
    table, column, value, expect = case
    path = craft(base_file, tmp_path / "x.cjm", table, column, value)
    before = _folder(tmp_path)
    code = main(["info", str(path)])
    out, err = capsys.readouterr()
    assert _folder(tmp_path) == before
    assert "Traceback" not in err and "unexpected" not in err, err
    if expect == BAD:
        assert code == 2, out
    if code == 2:
        lines = err.splitlines()
        assert len(lines) == 1 and lines[0].startswith('error: "x.cjm" is damaged: '), err
        assert f"table {table}" in lines[0], lines[0]
        if "row" not in lines[0]:  # a domain rule names the row, a bad value its column
            assert f"column {column} holds" in lines[0], lines[0]
        with pytest.raises(StorageError):  # opening it to edit is refused the same way
            ProjectStore.open(path)
        assert _folder(tmp_path) == before
        return
    assert code == 0 and err == ""
    store, project = ProjectStore.open(path)
    with store:
        project.title = "edited after opening"
        store.write(project, [project])
    again, reloaded = ProjectStore.open(path, read_only=True)
    again.close()
    assert reloaded.title == "edited after opening"


def test_absurdly_long_text_is_refused(tmp_path, base_file, monkeypatch, capsys):
    from app.storage import mapping

    monkeypatch.setattr(mapping, "MAX_TEXT", 1000)
    path = craft(base_file, tmp_path / "x.cjm", "card", "body", "x" * 5000)
    before = digest(path)
    assert main(["info", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == ('error: "x.cjm" is damaged: table card, column body holds a text of 5000 '
                   "characters (at most 1,000 characters were expected)\n")
    assert digest(path) == before


def test_a_message_shows_the_value_shortened(tmp_path, base_file, capsys):
    path = craft(base_file, tmp_path / "x.cjm", "stage", "width", "abc" * 100)
    assert main(["info", str(path)]) == 2
    assert capsys.readouterr().err == (
        "error: \"x.cjm\" is damaged: table stage, column width holds "
        f"'{('abc' * 100)[:39]}…' (a number was expected)\n")


def test_an_id_used_twice_names_both_tables(tmp_path, base_file, capsys):
    path = craft(base_file, tmp_path / "x.cjm", "card", "id", "@project")
    assert main(["info", str(path)]) == 2
    err = capsys.readouterr().err
    assert "table card, column id holds" in err
    assert "(an id used twice, also in table project)" in err
