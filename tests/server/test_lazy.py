"""Telling a server URL from a file costs nothing: a file opens without SQLAlchemy or psycopg."""

from __future__ import annotations

from app.storage import ProjectStore
from tests.storage.helpers import rich_project
from tests.storage.test_lazy_imports import python

PROBE = """
import sys
from app.document.document import Document

doc = Document.open(sys.argv[1])
print(sorted({m.split(".")[0] for m in sys.modules} & {"sqlalchemy", "alembic", "psycopg"}))
doc.close()
"""


def test_a_document_opens_a_file_without_the_server_machinery(tmp_path):
    path = tmp_path / "p.cjm"
    ProjectStore.create(path, rich_project()).close()
    out = python("-c", PROBE, str(path), cwd=tmp_path).stdout
    assert out.strip() == "[]"
