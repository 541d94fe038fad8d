"""The commands' merge contract to the letter: categories and mergeWith refusals."""

import pytest

from app.document.commands import (
    MERGE_NUDGE,
    MERGE_TYPING,
    Macro,
    RemoveEntity,
    SetFields,
)
from app.domain.model import Stage


def test_edits_of_category_zero_merge_like_any_other_category(doc):
    stage = doc.project.maps[0].stages[0]
    before = stage.title
    doc.push(SetFields(doc, [(stage, {"title": "G"})], merge=0))
    doc.push(SetFields(doc, [(stage, {"title": "Gi"})], merge=0))
    assert doc.undo_stack.count() == 1 and stage.title == "Gi"
    doc.undo()
    assert stage.title == before


def test_merge_with_refuses_another_category_and_keeps_its_own_edit(doc):
    stage = doc.project.maps[0].stages[0]
    typing = SetFields(doc, [(stage, {"title": "a"})], merge=MERGE_TYPING)
    nudge = SetFields(doc, [(stage, {"title": "b"})], merge=MERGE_NUDGE)
    assert typing.mergeWith(nudge) is False
    assert [new for _, new, _ in typing.edits] == [{"title": "a"}]


def test_merge_with_refuses_between_edits_that_never_merge(doc):
    stage = doc.project.maps[0].stages[0]
    plain = SetFields(doc, [(stage, {"title": "a"})])
    again = SetFields(doc, [(stage, {"title": "b"})])
    assert plain.id() == -1
    assert plain.mergeWith(again) is False
    assert [new for _, new, _ in plain.edits] == [{"title": "a"}]


def test_merge_with_refuses_a_command_that_is_not_an_edit(doc):
    stage = doc.project.maps[0].stages[0]
    typing = SetFields(doc, [(stage, {"title": "a"})], merge=MERGE_TYPING)
    assert typing.mergeWith(Macro(doc, "Group")) is False
    assert [new for _, new, _ in typing.edits] == [{"title": "a"}]


def test_a_refused_removal_of_an_item_not_in_the_project_leaves_the_project_as_it_was(doc):
    journey = doc.project.maps[0]
    titles = [s.title for s in journey.stages]
    ghost = Stage(map_id=journey.id, title="Ghost")
    with pytest.raises(Exception, match="is not in the project"):
        doc.push(RemoveEntity(doc, ghost))
    assert doc.undo_stack.count() == 0
    assert [s.title for s in journey.stages] == titles
