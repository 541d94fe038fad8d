"""Two editors on one server project see each other's changes, off their undo stacks."""

from __future__ import annotations

import pytest

from app.document import operations
from app.document.document import Document
from tests.server.conftest import with_project
from tests.server.helpers import publish_sample


@pytest.fixture
def two_docs(qapp, qtbot, pg_url):
    publish_sample(pg_url)[0].close()
    url = with_project(pg_url, "sample")
    docs = [Document.open(url), Document.open(url)]
    for doc in docs:
        qtbot.waitUntil(lambda d=doc: d.store.listening, timeout=10000)
    yield docs
    for doc in docs:
        doc.close()


def _find(doc, entity_id):
    journey = doc.project.maps[0]
    return next((c for c in journey.cards if c.id == entity_id), None)


def test_an_edit_in_one_editor_shows_in_the_other_as_a_change_event(two_docs, qtbot):
    mine, theirs = two_docs
    card = mine.project.maps[0].cards[0]
    heard = []
    theirs.changed.connect(heard.append)
    assert mine.attempt(lambda: operations.edit_text(mine, card, "title", "Live"))[0]
    qtbot.waitUntil(lambda: _find(theirs, card.id).title == "Live", timeout=10000)
    assert any(c.entity.id == card.id and c.fields == ("title",) for b in heard for c in b)
    assert theirs.undo_stack.count() == 0  # not their step


def test_added_removed_and_reordered_things_arrive(two_docs, qtbot):
    mine, theirs = two_docs
    journey = mine.project.maps[0]
    lane = journey.lanes[0]
    new = operations.add_card(mine, journey, journey.stages[0].id, lane.id, title="New one")
    qtbot.waitUntil(lambda: _find(theirs, new.id) is not None, timeout=10000)
    assert _find(theirs, new.id).title == "New one"
    gone = journey.cards[1]
    assert mine.attempt(lambda: operations.remove(mine, [gone]))[0]
    qtbot.waitUntil(lambda: _find(theirs, gone.id) is None, timeout=10000)
    first = journey.stages[0]
    operations.move_in_list(mine, first, len(journey.stages) - 1)
    qtbot.waitUntil(lambda: theirs.project.maps[0].stages[-1].id == first.id, timeout=10000)
    assert [s.id for s in theirs.project.maps[0].stages] == [s.id for s in journey.stages]


def test_undoing_a_step_someone_has_changed_since_is_refused(two_docs, qtbot):
    mine, theirs = two_docs
    card = mine.project.maps[0].cards[0]
    assert mine.attempt(lambda: operations.edit_text(mine, card, "title", "Mine"))[0]
    qtbot.waitUntil(lambda: _find(theirs, card.id).title == "Mine", timeout=10000)
    theirs_card = _find(theirs, card.id)
    assert theirs.attempt(lambda: operations.edit_text(theirs, theirs_card, "title",
                                                      "Theirs"))[0]
    qtbot.waitUntil(lambda: card.title == "Theirs", timeout=10000)
    ok, _ = mine.attempt(mine.undo)
    assert not ok
    assert mine.last_failure.message.startswith("Undo is not possible: someone else has")
    assert card.title == "Theirs"
    # Typing on the card again is a step of its own, and it can be undone.
    assert mine.attempt(lambda: operations.edit_text(mine, card, "title", "Mine again"))[0]
    assert mine.attempt(mine.undo)[0]
    assert card.title == "Theirs"


def test_a_stage_deleted_elsewhere_leaves_with_its_cards_and_a_persona_with_its_links(
        two_docs, qtbot):
    mine, theirs = two_docs
    journey = mine.project.maps[0]
    stage = journey.stages[1]
    in_stage = {c.id for c in journey.cards if c.stage_id == stage.id}
    assert in_stage
    assert mine.attempt(lambda: operations.remove(mine, [stage]))[0]
    other = theirs.project.maps[0]
    qtbot.waitUntil(lambda: all(s.id != stage.id for s in other.stages), timeout=10000)
    assert not in_stage & {c.id for c in other.cards}
    persona = mine.project.personas[0]
    assert any(m.persona_id == persona.id for m in theirs.project.maps)
    assert mine.attempt(lambda: operations.remove(mine, [persona]))[0]
    qtbot.waitUntil(lambda: not theirs.project.personas or theirs.project.personas[0].id
                    != persona.id, timeout=10000)
    assert all(m.persona_id != persona.id for m in theirs.project.maps)
