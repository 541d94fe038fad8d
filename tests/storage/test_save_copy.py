"""save_copy: a consistent copy of a live database, through the backup API."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from app.domain.model import Card
from app.storage import ProjectStore, StorageError
from tests.storage.helpers import digest, integrity, rich_project


def _live_store_with_wal(path: Path):
    project = rich_project()
    store = ProjectStore.create(path, project)
    journey = project.maps[0]
    lane = journey.lanes[0]
    for n in range(60):  # small commits: they stay in the -wal file (no checkpoint yet)
        card = Card(map_id=journey.id, stage_id=journey.stages[n % 3].id, lane_id=lane.id,
                    title=f"added {n}", order=100 + n)
        journey.cards.append(card)
        project.title = f"title {n}"
        store.write(project, [card, project])
    return store, project


def test_save_copy_of_a_live_database_holds_everything(tmp_path):
    path = tmp_path / "live.cjm"
    store, project = _live_store_with_wal(path)
    with store:
        wal = Path(f"{path}-wal")
        assert wal.exists() and wal.stat().st_size > 0
        # What a plain file copy would give: the main file alone lacks the WAL's commits.
        # (Copied by another process: opening and closing a descriptor on a file that this
        # process has open in SQLite would drop SQLite's own POSIX locks on it.)
        subprocess.run(["cp", str(path), str(tmp_path / "plain.cjm")], check=True)
        plain, from_plain = ProjectStore.open(tmp_path / "plain.cjm", read_only=True)
        plain.close()
        assert from_plain != project
        store.save_copy(tmp_path / "copy.cjm")
        assert integrity(tmp_path / "copy.cjm") == "ok"
        copy, from_copy = ProjectStore.open(tmp_path / "copy.cjm")
        copy.close()
        assert from_copy == project
        # The store keeps working after making the copy.
        project.title = "after the copy"
        store.write(project, [project])
    again, loaded = ProjectStore.open(path)
    again.close()
    assert loaded == project


def test_save_copy_replaces_an_existing_file_atomically(tmp_path):
    dest = tmp_path / "dest.cjm"
    dest.write_text("old content")
    store, project = _live_store_with_wal(tmp_path / "live.cjm")
    with store:
        store.save_copy(dest)
    copy, loaded = ProjectStore.open(dest)
    copy.close()
    assert loaded == project
    assert sorted(os.listdir(tmp_path)) == ["dest.cjm", "live.cjm"]


def test_save_copy_refuses_its_own_file_and_folders(tmp_path):
    store, _project = _live_store_with_wal(tmp_path / "live.cjm")
    with store:
        before = digest(tmp_path / "live.cjm")
        with pytest.raises(StorageError, match="cannot replace"):
            store.save_copy(tmp_path / "live.cjm")
        with pytest.raises(StorageError, match="is a folder"):
            store.save_copy(tmp_path)
        with pytest.raises(StorageError, match="could not save a copy"):
            store.save_copy(tmp_path / "no-such-folder" / "x.cjm")
        assert digest(tmp_path / "live.cjm") == before


def test_save_copy_from_a_read_only_store(tmp_path):
    path = tmp_path / "src.cjm"
    project = rich_project()
    ProjectStore.create(path, project).close()
    store, _loaded = ProjectStore.open(path, read_only=True)
    with store:
        store.save_copy(tmp_path / "copy.cjm")
    copy, loaded = ProjectStore.open(tmp_path / "copy.cjm")
    copy.close()
    assert loaded == project
