"""Create a file, open it again: the same project comes back."""

from __future__ import annotations

import os
import sqlite3

import pytest

from app.domain.model import Project
from app.domain.templates import TEMPLATES, new_project
from app.storage import APPLICATION_ID, SCHEMA_VERSION, ProjectStore, StorageError
from tests.storage.helpers import PNG_BYTES, big_project, digest, rich_project


@pytest.mark.parametrize("template", sorted(TEMPLATES))
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_template_round_trips(tmp_path, template, lang):
    project = new_project(template, lang)
    with ProjectStore.create(tmp_path / "p.cjm", project):
        pass
    store, loaded = ProjectStore.open(tmp_path / "p.cjm")
    with store:
        assert loaded == project


def test_rich_project_round_trips_exactly(tmp_path):
    project = rich_project(cards_per_cell=2)
    ProjectStore.create(tmp_path / "rich.cjm", project).close()
    for read_only in (False, True):
        store, loaded = ProjectStore.open(tmp_path / "rich.cjm", read_only=read_only)
        with store:
            assert loaded == project
            assert loaded.personas[0].photo == PNG_BYTES
            assert loaded.title == "Dự án <R&D> 😀"
            assert loaded.snapshots[0].content == project.maps[0]
            assert store.read_only is read_only
            assert store.schema_version == SCHEMA_VERSION


def test_empty_project_round_trips(tmp_path):
    project = Project(title="empty")
    ProjectStore.create(tmp_path / "e.cjm", project).close()
    store, loaded = ProjectStore.open(tmp_path / "e.cjm")
    store.close()
    assert loaded == project


def test_file_says_what_it_is(tmp_path):
    path = tmp_path / "id.cjm"
    ProjectStore.create(path, new_project()).close()
    header = path.read_bytes()[:100]
    assert header.startswith(b"SQLite format 3\x00")
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID == 0x434A4D31
    assert int.from_bytes(header[60:64], "big") == SCHEMA_VERSION
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0003",)]
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()
    # Closed cleanly: the WAL was checkpointed and removed.
    assert sorted(os.listdir(tmp_path)) == ["id.cjm"]


def test_create_refuses_an_existing_file(tmp_path):
    path = tmp_path / "x.cjm"
    path.write_text("keep me")
    with pytest.raises(StorageError, match="already exists"):
        ProjectStore.create(path, new_project())
    assert path.read_text() == "keep me"


def test_create_overwrites_through_a_temp_file(tmp_path):
    path = tmp_path / "x.cjm"
    ProjectStore.create(path, new_project(title="old")).close()
    inode = path.stat().st_ino
    project = new_project(title="new")
    ProjectStore.create(path, project, overwrite=True).close()
    assert path.stat().st_ino != inode  # a new file renamed into place
    store, loaded = ProjectStore.open(path)
    store.close()
    assert loaded == project
    assert sorted(os.listdir(tmp_path)) == ["x.cjm"]


def test_create_refuses_an_invalid_project_and_leaves_nothing(tmp_path):
    project = new_project()
    project.maps[0].name = "  "
    with pytest.raises(StorageError, match="a map needs a name"):
        ProjectStore.create(tmp_path / "bad.cjm", project)
    assert os.listdir(tmp_path) == []


def test_create_failure_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "x.cjm"
    ProjectStore.create(path, new_project(title="old")).close()
    before = digest(path)

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(StorageError, match="No space left on device"):
        ProjectStore.create(path, new_project(title="new"), overwrite=True)
    monkeypatch.undo()
    assert digest(path) == before
    assert sorted(os.listdir(tmp_path)) == ["x.cjm"]


def test_create_in_a_missing_folder_or_onto_a_folder(tmp_path):
    with pytest.raises(StorageError, match="does not exist"):
        ProjectStore.create(tmp_path / "nope" / "x.cjm", new_project())
    with pytest.raises(StorageError, match="is a folder"):
        ProjectStore.create(tmp_path, new_project(), overwrite=True)


def test_closed_store_refuses_work(tmp_path):
    project = new_project()
    store = ProjectStore.create(tmp_path / "c.cjm", project)
    store.close()
    store.close()  # twice is fine
    assert store.closed
    with pytest.raises(StorageError, match="has been closed"):
        store.write(project, [project])


def test_relative_paths_are_kept_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = ProjectStore.create("rel.cjm", new_project())
    with store:
        assert store.path == tmp_path / "rel.cjm"
        assert repr(store).endswith("writable v3>")


@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
def test_a_5000_card_project_round_trips(tmp_path, read_only):
    # Timings of the same load live in bench/storage_bench.py, never in tests.
    project = big_project(5000)
    ProjectStore.create(tmp_path / "big.cjm", project).close()
    store, loaded = ProjectStore.open(tmp_path / "big.cjm", read_only=read_only)
    with store:
        assert loaded == project


def test_yes_no_fields_come_back_as_booleans(tmp_path):
    project = rich_project()
    ProjectStore.create(tmp_path / "b.cjm", project).close()
    for read_only in (False, True):
        store, loaded = ProjectStore.open(tmp_path / "b.cjm", read_only=read_only)
        store.close()
        cards = [c for m in loaded.maps for c in m.cards]
        lanes = [lane for m in loaded.maps for lane in m.lanes]
        assert {type(c.favourite) for c in cards} == {bool}
        assert {c.favourite for c in cards} == {True, False}
        assert {type(lane.collapsed) for lane in lanes} == {bool}
