"""A document is freed as soon as nothing uses it, never left to the cycle collector.

Python's cycle collector frees a cycle in no particular order. When a document's commands
held it strongly (command → document → undo stack → command), the collector could drop a
command's wrapper first: PySide gives the command back to Python, deletes it, and then the
undo stack deletes it again — the SIGSEGV at exit of tests/document/test_persistence.py.
"""

import gc
import weakref

from app.document import Document
from app.document import operations as ops
from app.domain.model import LaneKind
from app.domain.templates import new_project


def _busy_document() -> Document:
    """A document with every kind of command on its stack: macros, merged edits, undone."""
    doc = Document(new_project("awareness-5", "vi"))
    journey = doc.project.maps[0]
    lane = next(lane for lane in journey.lanes if lane.kind == LaneKind.TOUCHPOINTS)
    card = ops.add_card(doc, journey, journey.stages[0].id, lane.id, title="Zalo")
    ops.edit_text(doc, card, "title", "Zalo chat")
    ops.edit_text(doc, card, "title", "Zalo chat OA")  # merges into the step before
    ops.duplicate(doc, journey, [card])
    ops.remove(doc, [journey.cards[-1]])
    doc.undo()
    assert doc.undo_stack.count() >= 4
    return doc


def test_a_dropped_document_is_freed_without_the_cycle_collector(qapp):
    doc = _busy_document()
    alive = weakref.ref(doc)
    stack = weakref.ref(doc.undo_stack)
    gc.disable()
    try:
        del doc
        assert alive() is None, "commands keep their document alive in a reference cycle"
        assert stack() is None
    finally:
        gc.enable()


def test_commands_still_work_while_their_document_lives(qapp):
    doc = _busy_document()
    assert [card.title for card in doc.project.maps[0].cards] == ["Zalo chat OA"] * 2
    while doc.undo_stack.canUndo():
        doc.undo()
    assert doc.project.maps[0].cards == []
    while doc.undo_stack.canRedo():
        doc.redo()
    # The delete was redone too.
    assert [card.title for card in doc.project.maps[0].cards] == ["Zalo chat OA"]
