"""A step refused half-way (one of its parts already made) is not written: the file keeps
what it held, the model is put back to it, and listeners are told of what moved back."""

import pytest

from app.document import Document
from app.document import operations as ops
from app.domain.model import LaneKind
from app.domain.templates import new_project
from app.domain.validation import DomainError
from tests.document.conftest import in_file
from tests.document.random_ops import canonical


@pytest.fixture
def doc(qapp, tmp_path):
    document = Document.create(str(tmp_path / "shop.cjm"), new_project("awareness-5", "vi"))
    yield document
    document.close()


def test_a_macro_refused_after_its_first_part_leaves_the_file_and_the_model_as_they_were(doc):
    journey = doc.project.maps[0]
    lane = next(ln for ln in journey.lanes if ln.kind == LaneKind.ACTIONS)
    card = ops.add_card(doc, journey, journey.stages[0].id, lane.id, title="Trước")
    before, steps = in_file(doc), doc.undo_stack.count()
    heard: list = []
    doc.events.subscribe(heard.extend)
    with pytest.raises(DomainError, match="giữa chừng"):
        with doc.macro("Hai bước") as macro:
            macro.set([(card, {"title": "Sau"})])  # made, not yet written
            raise DomainError("giữa chừng")
    assert card.title == "Trước"
    assert in_file(doc) == before == canonical(doc.project)
    assert doc.undo_stack.count() == steps
    assert any(c.entity is card for c in heard)  # told: the card is as it was
    # The next edit writes itself only.
    ops.edit_text(doc, card, "title", "Lần sau")
    assert in_file(doc) == canonical(doc.project)
    assert card.title == "Lần sau"
