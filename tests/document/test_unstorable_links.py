"""A file-backed document refuses a connector its file cannot keep, in one line."""

from __future__ import annotations

import pytest

from app.storage import ProjectStore, StorageError
from tests.storage.test_unstorable import _project_with_cards


def test_a_connector_added_to_a_file_backed_document_is_refused_and_the_model_stays_the_file(
        qapp, tmp_path):
    from app.document import Document
    from app.document.operations_links import add_connector

    path = tmp_path / "shop.cjm"
    doc = Document.create(str(path), _project_with_cards())
    reader, doc_project_before = ProjectStore.open(path, read_only=True)
    reader.close()
    try:
        journey = doc.project.maps[0]
        with pytest.raises(StorageError, match="cannot keep connectors"):
            add_connector(doc, journey, journey.cards[0].id, journey.cards[1].id)
        assert journey.connectors == []
        assert doc.undo_stack.count() == 0  # the refused step is not left to undo
    finally:
        doc.close()
    reopened, project = ProjectStore.open(path, read_only=True)
    reopened.close()
    assert project.maps[0].connectors == []
    assert project == doc_project_before
