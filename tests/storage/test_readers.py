"""A read-only open beside this process's own writer sees every committed edit, and harms none."""

from __future__ import annotations

import os

from app.storage import SCHEMA_VERSION, ProjectStore
from tests.storage.helpers import digest, rich_project


def test_a_reader_in_the_writers_process_sees_each_edit(tmp_path):
    path = tmp_path / "x.cjm"
    project = rich_project()
    with ProjectStore.create(path, project) as store:
        for n in range(3):
            project.title = f"edit {n}"
            store.write(project, [project])
            reader, seen = ProjectStore.open(path, read_only=True)
            assert reader.read_only and reader.schema_version == SCHEMA_VERSION
            reader.close()
            assert seen == project
        project.title = "after the readers"
        store.write(project, [project])  # the writer's own locks survived the readers
    reader, seen = ProjectStore.open(path, read_only=True)
    reader.close()
    assert seen.title == "after the readers"


def test_a_reader_of_a_closed_file_writes_nothing(tmp_path):
    path = tmp_path / "x.cjm"
    ProjectStore.create(path, rich_project()).close()
    before = digest(path)
    for _ in range(2):
        reader, _project = ProjectStore.open(path, read_only=True)
        reader.close()
    assert digest(path) == before
    assert os.listdir(tmp_path) == ["x.cjm"]
