"""Fixtures shared by the storage tests."""

from __future__ import annotations

import pytest

from app.storage import ProjectStore
from tests.storage.helpers import rich_project


@pytest.fixture
def opened(tmp_path):
    """A rich project written to tmp_path/w.cjm, with its store open for writing."""
    project = rich_project()
    store = ProjectStore.create(tmp_path / "w.cjm", project)
    yield store, project
    store.close()  # a no-op when the test closed it
