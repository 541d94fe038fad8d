"""SQL planted in a received file never runs: the schema must be exactly the one we create."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.storage import SCHEMA_VERSION, NotAProjectError, ProjectStore, StorageError
from app.storage.files import connect
from app.storage.guard import time_limit
from app.storage.trust import describe_table, expected_shape
from tests.storage.helpers import child_env, digest, rich_project
from tests.storage.test_migration import make_old_file, old_project

ENDLESS = ("WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) "
           "SELECT x FROM r")


def _project(path: Path) -> Path:
    ProjectStore.create(path, rich_project(cards_per_cell=3)).close()
    return path


def _alter(path: Path, *statements: str) -> Path:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()
    return path


def _shape(path: Path) -> dict:
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {name: describe_table(conn, name) for name in names}
    finally:
        conn.close()


def test_the_expected_schema_is_what_create_writes(tmp_path):
    assert _shape(_project(tmp_path / "new.cjm")) == expected_shape()


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_the_expected_schema_of_an_older_version_is_what_its_migration_writes(tmp_path,
                                                                            version):
    path = make_old_file(tmp_path / "old.cjm", old_project(version), version)
    assert _shape(path) == expected_shape(version)
    ProjectStore.open(path)[0].close()  # upgraded on open
    assert _shape(path) == expected_shape(SCHEMA_VERSION)
    assert expected_shape(version) != expected_shape(version + 1)


PLANTED = {
    "trigger": ("CREATE TRIGGER wipe AFTER INSERT ON card BEGIN DELETE FROM card; END",
                'trigger "wipe"'),
    "trigger-on-project": ("CREATE TRIGGER t AFTER UPDATE ON project BEGIN "
                           "UPDATE card SET title = 'pwned'; END", 'trigger "t"'),
    "view": ("CREATE VIEW v AS SELECT * FROM card", 'view "v"'),
    "extra-table": ("CREATE TABLE notes (x TEXT)", 'table "notes"'),
    "extra-index": ("CREATE INDEX ix_card_title ON card (title)", 'index "ix_card_title"'),
    "expression-index": ("CREATE INDEX ix_x ON card (length(title))", 'index "ix_x"'),
    "analyze": ("ANALYZE", 'table "sqlite_stat1"'),
}


@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
@pytest.mark.parametrize("kind", sorted(PLANTED))
def test_a_planted_object_is_refused_and_the_file_untouched(tmp_path, kind, read_only):
    statement, named = PLANTED[kind]
    path = _alter(_project(tmp_path / "x.cjm"), statement)
    before, listing = digest(path), sorted(os.listdir(tmp_path))
    with pytest.raises(NotAProjectError) as caught:
        ProjectStore.open(path, read_only=read_only)
    assert str(caught.value) == (f'"x.cjm" contains database objects Journey Studio never '
                                 f"creates ({named}); it was not opened")
    assert digest(path) == before
    assert sorted(os.listdir(tmp_path)) == listing


def _rebuilt_card(path: Path, sql_edit: tuple[str, str]) -> Path:
    """The card table recreated from its own SQL with one textual change."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'card'").fetchone()[0]
        assert sql_edit[0] in sql
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("BEGIN")
        conn.execute("ALTER TABLE card RENAME TO card_old")
        conn.execute(sql.replace(sql_edit[0], sql_edit[1], 1))
        names = ", ".join(f'"{r[1]}"' for r in conn.execute("PRAGMA table_xinfo(card)")
                          if r[6] == 0)
        conn.execute(f"INSERT INTO card ({names}) SELECT {names} FROM card_old")
        conn.execute("DROP TABLE card_old")
        for column in ("map_id", "stage_id", "lane_id", "channel_id"):
            conn.execute(f"CREATE INDEX ix_card_{column} ON card ({column})")
        conn.execute("COMMIT")
    finally:
        conn.close()
    return path


CHANGED = {
    "declared-type": ("\ttitle TEXT NOT NULL", "\ttitle BLOB NOT NULL"),
    "nullable": ("\tbody TEXT NOT NULL", "\tbody TEXT"),
    "generated": ("\tbody TEXT NOT NULL",
                  "\tbody TEXT GENERATED ALWAYS AS (title || 'x') VIRTUAL"),
    "default": ("\tunit TEXT NOT NULL", "\tunit TEXT DEFAULT 'kg' NOT NULL"),
    "foreign-key": ("REFERENCES channel (id) ON DELETE SET NULL",
                    "REFERENCES channel (id) ON DELETE CASCADE"),
    "without-rowid": ("\n)", "\n) WITHOUT ROWID"),
}


@pytest.mark.parametrize("kind", sorted(CHANGED))
def test_a_changed_table_is_refused(tmp_path, kind):
    old, new = CHANGED[kind]
    path = _rebuilt_card(_project(tmp_path / "x.cjm"), (old, new))
    before = digest(path)
    for read_only in (True, False):
        with pytest.raises(NotAProjectError, match='never creates .table "card" changed.'):
            ProjectStore.open(path, read_only=read_only)
    assert digest(path) == before


def test_the_trigger_that_deleted_cards_never_fires(tmp_path):
    """The reported case: one added card deleted the map's cards, and 'success' was shown."""
    path = _alter(_project(tmp_path / "x.cjm"),
                  "CREATE TRIGGER wipe AFTER INSERT ON card BEGIN DELETE FROM card; END")
    count = sqlite3.connect(path).execute("SELECT count(*) FROM card").fetchone()[0]
    with pytest.raises(NotAProjectError, match='trigger "wipe"'):
        ProjectStore.open(path)
    assert sqlite3.connect(path).execute("SELECT count(*) FROM card").fetchone()[0] == count


def _endless_view(path: Path) -> Path:
    """The card table replaced by a view whose query never ends (nor yields a row)."""
    return _alter(_project(path), "PRAGMA foreign_keys=OFF", "DROP TABLE card",
                  f"CREATE VIEW card AS {ENDLESS} WHERE x < 0")


def _run_cli(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = child_env(QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("command", [("info", "x.cjm"), ("export", "x.cjm", "-o", "x.json")],
                         ids=["info", "export"])
def test_an_endless_view_does_not_hang_the_command_line(tmp_path, command):
    path = _endless_view(tmp_path / "x.cjm")
    before, listing = digest(path), sorted(os.listdir(tmp_path))
    result = _run_cli(*command, cwd=tmp_path)  # a hang fails through the timeout
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [
        'error: "x.cjm" contains database objects Journey Studio never creates (view "card"); '
        "it was not opened"]
    assert digest(path) == before
    assert sorted(os.listdir(tmp_path)) == listing


OPEN_ENDLESS = """
import sys
from app.storage import ProjectStore, StorageError
try:
    ProjectStore.open(sys.argv[1], read_only=sys.argv[2] == "ro")
except StorageError as exc:
    print(exc)
"""


@pytest.mark.parametrize("mode", ["rw", "ro"])
def test_an_endless_view_does_not_hang_opening(tmp_path, mode):
    path = _endless_view(tmp_path / "x.cjm")
    env = child_env()
    result = subprocess.run([sys.executable, "-c", OPEN_ENDLESS, str(path), mode], env=env,
                            capture_output=True, text=True, timeout=60)
    assert 'never creates (view "card")' in result.stdout, result.stderr


def test_every_connection_distrusts_the_schema(tmp_path):
    raw = connect(_project(tmp_path / "x.cjm"), "ro")
    try:
        assert raw.execute("PRAGMA trusted_schema").fetchone() == (0,)
    finally:
        raw.close()


def test_a_runaway_statement_is_stopped_by_the_time_limit():
    raw = connect(":memory:", "rw")
    try:
        with time_limit(raw, 0.05), pytest.raises(sqlite3.OperationalError, match="interrupted"):
            raw.execute(f"SELECT max(x) FROM ({ENDLESS})").fetchall()
        assert raw.execute("SELECT 1").fetchone() == (1,)  # no limit outside the block
    finally:
        raw.close()


def test_a_slow_read_that_slipped_past_the_check_is_stopped_with_a_message(tmp_path, monkeypatch):
    """Defence in depth: were the schema check ever to miss something, opening still ends."""
    from app.storage import guard, reading

    path = _endless_view(tmp_path / "x.cjm")
    monkeypatch.setattr(reading, "check_schema", lambda raw, path: SCHEMA_VERSION)
    monkeypatch.setattr(guard, "QUERY_LIMIT_S", 0.2)
    with pytest.raises(StorageError) as caught:
        ProjectStore.open(path, read_only=True)
    assert str(caught.value) == ('opening "x.cjm" took too long and was stopped; the file may '
                                 "be damaged or made to hang Journey Studio")


def test_an_inner_time_limit_gives_the_outer_one_back():
    raw = connect(":memory:", "rw")
    try:
        with time_limit(raw, 0.05):
            with time_limit(raw, 1000):
                assert raw.execute("SELECT 1").fetchone() == (1,)
            with pytest.raises(sqlite3.OperationalError, match="interrupted"):
                raw.execute(f"SELECT max(x) FROM ({ENDLESS})").fetchall()
    finally:
        raw.close()


def test_a_plain_connection_runs_without_a_limit():
    plain = sqlite3.connect(":memory:")
    try:
        with time_limit(plain, 0.0):
            assert plain.execute("SELECT 1").fetchone() == (1,)
    finally:
        plain.close()
