"""Fixtures and helpers shared by the document tests."""

import pytest

from app.document import Document
from app.domain.templates import new_project


@pytest.fixture
def doc(qapp):
    """A document without a file (files that need one define their own `doc`)."""
    document = Document(new_project("awareness-5", "vi"))
    yield document
    document.close()


def lane_of(journey, kind):
    """The map's first lane of that kind."""
    return next(lane for lane in journey.lanes if lane.kind == kind)
