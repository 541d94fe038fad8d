"""A huge card text is laid out in bounded work: wrap stops at the lines it may show."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import style
from app.domain.layout import WRAP_LIMIT, TextWrapper, approximate_text_width, layout_card
from app.domain.model import Card, LaneKind


class CountingMeasure:
    """A measurer that counts its calls and the characters it was asked to measure."""

    def __init__(self) -> None:
        self.calls = 0
        self.chars = 0

    def __call__(self, text: str, size: float, bold: bool) -> float:
        self.calls += 1
        self.chars += len(text)
        return approximate_text_width(text, size, bold)


def complete_wrap(wrapper: TextWrapper, text: str, size: float, bold: bool,
                  width: float) -> list[str]:
    """The wrap as it was before it was bounded: every line of the text (the oracle)."""
    lines: list[str] = []
    space = wrapper.width(" ", size, bold)
    for paragraph in text.split("\n"):
        current, current_w = "", 0.0
        for word in paragraph.split():
            w = wrapper.width(word, size, bold)
            if w > width:
                if current:
                    lines.append(current)
                pieces, piece = [], ""
                for ch in word:
                    if piece and wrapper.width(piece + ch, size, bold) > width:
                        pieces.append(piece)
                        piece = ch
                    else:
                        piece += ch
                pieces.append(piece)
                lines.extend(pieces[:-1])
                current, current_w = pieces[-1], wrapper.width(pieces[-1], size, bold)
            elif not current:
                current, current_w = word, w
            elif current_w + space + w <= width:
                current, current_w = current + " " + word, current_w + space + w
            else:
                lines.append(current)
                current, current_w = word, w
        lines.append(current)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def test_a_megabyte_word_wraps_into_the_lines_asked_for_with_bounded_measuring():
    measure = CountingMeasure()
    wrapper = TextWrapper(measure)
    lines = wrapper.wrap("x" * 1_000_000, 10, False, 120, max_lines=7)
    assert len(lines) == 7
    assert all(set(line) == {"x"} and len(line) == 20 for line in lines)  # 20 × 6 px = 120
    # One measurement per character of the seven lines and a head of the word, not a
    # million measurements (nor one of the whole megabyte).
    assert measure.calls < 400
    assert measure.chars < 20_000


def test_a_long_text_of_words_stops_at_the_limit():
    measure = CountingMeasure()
    wrapper = TextWrapper(measure)
    text = "lorem ipsum dolor " * 300_000  # 5.4 MB
    lines = wrapper.wrap(text, 10, False, 210, max_lines=7)  # 35 characters × 6 px
    assert lines == ["lorem ipsum dolor lorem ipsum dolor"] * 7
    assert measure.chars < 1_000  # the three words and a space, measured once each


def test_without_a_limit_a_wrap_makes_at_most_wrap_limit_lines():
    wrapper = TextWrapper(approximate_text_width)
    lines = wrapper.wrap("word " * 100_000, 10, False, 30)
    assert len(lines) == WRAP_LIMIT


def test_many_blank_lines_then_text_count_against_the_limit_cheaply():
    measure = CountingMeasure()
    wrapper = TextWrapper(measure)
    assert wrapper.wrap("a" + "\n" * 5_000_000 + "b", 10, False, 100, max_lines=3) == \
        ["a", "", ""]
    assert wrapper.wrap("a" + "\n" * 5_000_000, 10, False, 100, max_lines=3) == ["a"]


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab \nxyz", max_size=80), width=st.sampled_from([6, 13, 30, 61]),
       limit=st.integers(min_value=0, max_value=12))
def test_a_bounded_wrap_is_the_start_of_the_complete_wrap(text, width, limit):
    wrapper = TextWrapper(approximate_text_width)
    complete = complete_wrap(wrapper, text, 10, False, width)
    assert wrapper.wrap(text, 10, False, width, max_lines=limit) == complete[:limit]
    assert wrapper.wrap(text, 10, False, width) == complete


@settings(max_examples=200, deadline=None)
@given(line=st.text(alphabet="abc iW", max_size=60), width=st.integers(min_value=1, max_value=300))
def test_elide_keeps_the_longest_prefix_that_fits(line, width):
    wrapper = TextWrapper(approximate_text_width)
    text = line.rstrip()
    expected = text
    while expected and wrapper.width(expected + "…", 10, False) > width:
        expected = expected[:-1]
    assert wrapper.elide(line, 10, False, width) == expected.rstrip() + "…"


def test_eliding_a_megabyte_line_measures_short_prefixes_only():
    measure = CountingMeasure()
    wrapper = TextWrapper(measure)
    out = wrapper.elide("y" * 1_000_000, 10, False, 60)
    assert out == "y" * 9 + "…"
    assert measure.calls < 30 and measure.chars < 2_000


def test_a_card_with_a_five_megabyte_word_shows_its_lines_ending_with_an_ellipsis():
    measure = CountingMeasure()
    wrapper = TextWrapper(measure)
    card = Card(map_id="m", stage_id="s", lane_id="l", title="Title", body="z" * 5_000_000)
    box = layout_card(card, LaneKind.ACTIONS, 200, wrapper)
    assert box.truncated
    assert len(box.title_lines) + len(box.body_lines) == style.MAX_CARD_LINES
    assert box.body_lines[-1].endswith("…")
    assert measure.chars < 50_000
