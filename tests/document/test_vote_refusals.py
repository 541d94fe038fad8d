"""A refused dot is one line in the user's language, from one place: the domain names
the reason (a code), the document words it; the file is left as it was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from app.document import operations
from app.document.document import Document
from app.document.operations_links import LinkRefused, add_vote, close_round, open_round
from app.domain.model import LaneKind
from app.domain.templates import new_project
from app.ui.i18n import translation_file


@pytest.fixture
def vietnamese(qapp):
    translator = QTranslator()
    assert translator.load(translation_file("vi"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def voting(qapp, tmp_path):
    doc = Document.create(str(tmp_path / "v.cjm"), new_project("awareness-5", "vi", "V"))
    journey = doc.project.maps[0]
    lane = next(ln for ln in journey.lanes if ln.kind == LaneKind.PAINS)
    card = operations.add_card(doc, journey, journey.stages[0].id, lane.id, title="Phí ẩn")
    yield doc, journey, card
    doc.close()


def _refusal(call) -> str:
    with pytest.raises(LinkRefused) as refused:
        call()
    return str(refused.value)


def test_each_refusal_in_vietnamese(voting, vietnamese):
    doc, journey, card = voting
    named = open_round(doc, journey, "Ưu tiên", 1, ["Lan"])
    add_vote(doc, named, card, "Lan")
    assert _refusal(lambda: add_vote(doc, named, card, "Lan")) == \
        "Lan đã hết chấm trong vòng “Ưu tiên”."
    assert _refusal(lambda: add_vote(doc, named, card, "Minh")) == \
        "“Minh” không phải người tham gia vòng “Ưu tiên”."
    room = open_round(doc, journey, "Cả phòng", 2, [])
    assert _refusal(lambda: add_vote(doc, room, card, "Lan")) == \
        "Vòng “Cả phòng” chỉ nhận chấm ẩn danh."
    close_round(doc, room)
    assert _refusal(lambda: add_vote(doc, room, card)) == \
        "Vòng “Cả phòng” đã đóng: hãy mở lại để nhận thêm chấm."
    assert len(journey.votes) == 1  # nothing of the refused dots reached the model


def test_the_same_in_english(voting):
    doc, journey, card = voting
    named = open_round(doc, journey, "Priorities", 1, ["Lan"])
    add_vote(doc, named, card, "Lan")
    assert _refusal(lambda: add_vote(doc, named, card, "Lan")) == \
        "Lan has no dots left in “Priorities”."
    assert _refusal(lambda: add_vote(doc, named, card, "Minh")) == \
        "“Minh” is not a participant of “Priorities”."
