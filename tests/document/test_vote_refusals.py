"""A refused dot is one line in the user's language, from one place: the domain names
the reason (a code), the document words it; the file is left as it was."""

from __future__ import annotations

import pytest

from app.document import operations
from app.document.document import Document
from app.document.operations_links import LinkRefused, add_vote, close_round, open_round
from app.domain.model import LaneKind
from app.domain.templates import new_project


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


@pytest.mark.parametrize("language, named, room, words", [
    ("vi", "Ưu tiên", "Cả phòng", [
        "Lan đã hết chấm trong vòng “Ưu tiên”.",
        "“Minh” không phải người tham gia vòng “Ưu tiên”.",
        "Vòng “Cả phòng” chỉ nhận chấm ẩn danh.",
        "Vòng “Cả phòng” đã đóng: hãy mở lại để nhận thêm chấm."]),
    ("en", "Priorities", "Whole room", [
        "Lan has no dots left in “Priorities”.",
        "“Minh” is not a participant of “Priorities”.",
        "The round “Whole room” takes anonymous dots only.",
        "The round “Whole room” is closed: reopen it to take dots."]),
])
def test_each_refusal_in_the_users_language(voting, request, language, named, room, words):
    if language == "vi":
        request.getfixturevalue("vietnamese")
    doc, journey, card = voting
    by_name = open_round(doc, journey, named, 1, ["Lan"])
    add_vote(doc, by_name, card, "Lan")
    whole_room = open_round(doc, journey, room, 2, [])
    said = [_refusal(lambda: add_vote(doc, by_name, card, "Lan")),
            _refusal(lambda: add_vote(doc, by_name, card, "Minh")),
            _refusal(lambda: add_vote(doc, whole_room, card, "Lan"))]
    close_round(doc, whole_room)
    said.append(_refusal(lambda: add_vote(doc, whole_room, card)))
    assert said == words
    assert len(journey.votes) == 1  # nothing of the refused dots reached the model
