"""Fixtures and helpers shared by the document tests."""

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from app.document import Document
from app.domain.templates import new_project
from tests.document.random_ops import canonical


@pytest.fixture
def doc(qapp):
    """A document without a file (files that need one define their own `doc`)."""
    document = Document(new_project("awareness-5", "vi"))
    yield document
    document.close()


def lane_of(journey, kind):
    """The map's first lane of that kind."""
    return next(lane for lane in journey.lanes if lane.kind == kind)


@pytest.fixture
def vietnamese(qapp):
    """The Vietnamese translation installed for the test."""
    from app.ui.i18n import translation_file

    translator = QTranslator()
    assert translator.load(translation_file("vi"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def in_file(doc) -> dict:
    """What the document's file holds, read back by a second, read-only document."""
    reader = Document.open(doc.path, read_only=True)
    try:
        return canonical(reader.project)
    finally:
        reader.close()
