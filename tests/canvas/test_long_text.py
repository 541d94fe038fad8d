"""A card holding megabytes of text shows its first lines, elided, on the canvas."""

from __future__ import annotations

import random
import string

from app.canvas.text import shared_wrapper
from app.document import operations as ops
from app.domain import style
from app.domain.model import LaneKind


def test_a_megabyte_word_shows_at_most_the_card_lines_ending_in_an_ellipsis(doc, view,
                                                                            monkeypatch):
    wrapper = shared_wrapper()
    measured = []
    measure = wrapper._measure
    monkeypatch.setattr(wrapper, "_measure",
                        lambda text, size, bold: measured.append(len(text)) or
                        measure(text, size, bold))
    word = "".join(random.Random(8).choices(string.ascii_letters, k=1_000_000))
    card = ops.add_card(doc, doc.sample["map"], doc.sample["stages"][2],
                        doc.sample["lanes"][LaneKind.ACTIONS], title="Sách", body=word)
    view.viewport().repaint()
    box = view.map_scene.cards[card.id].box
    assert box.truncated
    assert len(box.title_lines) + len(box.body_lines) == style.MAX_CARD_LINES
    assert box.body_lines[-1].endswith("…")
    assert "".join(box.body_lines).rstrip("…") == word[:len("".join(box.body_lines)) - 1]
    # The head of the word was measured, a character at a time for the lines shown: not a
    # million measurements of its prefixes.
    assert len(measured) < 2_000 and sum(measured) < 200_000
