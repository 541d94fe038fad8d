"""Another SQLite program writing into an open project is noticed, not overwritten."""

from __future__ import annotations

import sqlite3

import pytest

from app.storage import ProjectStore, StorageError
from app.storage.errors import ChangedOnDiskError
from tests.storage.helpers import rich_project


def _other_program(path, sql: str, *params: object) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute(sql, params)
    finally:
        conn.close()


def _titles(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT title FROM project")]
    finally:
        conn.close()


def test_a_write_after_another_program_wrote_is_refused(tmp_path):
    path = tmp_path / "x.cjm"
    project = rich_project()
    with ProjectStore.create(path, project) as store:
        project.title = "first edit"
        store.write(project, [project])  # ours: fine
        _other_program(path, "UPDATE project SET title = ?", "written elsewhere")
        project.title = "second edit"
        with pytest.raises(ChangedOnDiskError) as caught:
            store.write(project, [project])
        assert str(caught.value) == ('"x.cjm" was changed by another program; your edit was '
                                     "not saved — reopen the project")
        assert isinstance(caught.value, StorageError)
        assert _titles(path) == ["written elsewhere"]  # as the other program left it
        with pytest.raises(ChangedOnDiskError):  # and every later edit too, until reopened
            store.write(project, [project])
    store, reopened = ProjectStore.open(path)
    with store:
        assert reopened.title == "written elsewhere"
        reopened.title = "after reopening"
        store.write(reopened, [reopened])
    assert _titles(path) == ["after reopening"]


def test_our_own_writes_and_readers_do_not_count_as_changes(tmp_path):
    path = tmp_path / "x.cjm"
    project = rich_project()
    with ProjectStore.create(path, project) as store:
        for n in range(30):
            project.title = f"edit {n}"
            store.write(project, [project])
            reader, _ = ProjectStore.open(path, read_only=True)  # another reader, in-process
            reader.close()
            if n % 10 == 0:
                store.save_copy(tmp_path / f"copy{n}.cjm")
        other = sqlite3.connect(path)  # another program only reading
        assert other.execute("SELECT count(*) FROM card").fetchone()[0] > 0
        other.close()
        project.title = "last"
        store.write(project, [project])
    assert _titles(path) == ["last"]


def test_a_reopened_store_notices_changes_too(tmp_path):
    path = tmp_path / "x.cjm"
    ProjectStore.create(path, rich_project()).close()
    store, project = ProjectStore.open(path)
    with store:
        _other_program(path, "DELETE FROM emotion_marker")
        project.title = "mine"
        with pytest.raises(ChangedOnDiskError):
            store.write(project, [project])
    store, reopened = ProjectStore.open(path)
    store.close()
    assert all(not journey.markers for journey in reopened.maps)
