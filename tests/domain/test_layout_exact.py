"""The layout's boxes and wraps to the value, and what they cost in measurements.

Every measurement goes to a font (Qt's metrics on the canvas, ReportLab in the PDF), so
the tests record what the wrapper asks the measurer: a wrap that measures more than the
lines it makes gets slow on long texts, and one that measures with the wrong weight
breaks lines where the font does not.
"""

from app.domain.layout import CardBox, LaneBand, Rect, TextWrapper, card_shape, line_height
from app.domain.model import Card, LaneKind


class _Recorder:
    """A measurer of 10 px per character (or as `widths` says) that notes every call."""

    def __init__(self, widths: dict[str, float] | None = None) -> None:
        self.calls: list[tuple[str, float, bool]] = []
        self.widths = widths or {}

    def __call__(self, text: str, size: float, bold: bool) -> float:
        self.calls.append((text, size, bold))
        return sum(self.widths.get(ch, 10.0) for ch in text)

    @property
    def texts(self) -> list[str]:
        return [text for text, _size, _bold in self.calls]


def _box(card: Card, rect: Rect, title: list[str], band: LaneBand | None = None) -> CardBox:
    return CardBox(card, rect, title, ["body"], False, 15.6, band)


# --- lane bands and card boxes ---------------------------------------------------------

def test_a_new_lane_band_lies_at_the_top_of_the_map():
    assert LaneBand().y == 0.0
    assert LaneBand(42.5).y == 42.5


def test_a_box_without_a_band_keeps_its_whole_height_as_its_offset():
    box = _box(Card("m", "s", "l", id="c"), Rect(5, 130, 50, 40), ["t"])
    assert box.band.y == 0.0
    assert (box.x, box.dy, box.w, box.h) == (5, 130, 50, 40)
    assert box.rect == Rect(5, 130, 50, 40)


def test_a_box_in_a_band_sits_below_the_band_and_moves_with_it():
    band = LaneBand(100.0)
    box = _box(Card("m", "s", "l", id="c"), Rect(5, 130, 50, 40), ["t"], band)
    assert box.band is band
    assert box.dy == 30
    assert box.rect == Rect(5, 130, 50, 40)
    band.y = 200.0
    assert box.rect == Rect(5, 230, 50, 40)
    box.rect = Rect(7, 260, 60, 44)
    assert (box.x, box.dy, box.w, box.h) == (7, 60, 60, 44)


def test_boxes_are_equal_when_card_rectangle_lines_and_header_agree():
    card = Card("m", "s", "l", id="c")
    one = _box(card, Rect(5, 130, 50, 40), ["t"])
    assert one == _box(card, Rect(5, 130, 50, 40), ["t"])
    assert one == _box(card, Rect(5, 130, 50, 40), ["t"], LaneBand(100.0))  # same place
    assert one != _box(card, Rect(5, 131, 50, 40), ["t"])
    assert one != _box(card, Rect(5, 130, 50, 40), ["t", "u"])
    assert one != CardBox(card, Rect(5, 130, 50, 40), ["t"], ["body"], True, 15.6)
    assert one != CardBox(card, Rect(5, 130, 50, 40), ["t"], ["body"], False, 31.2)
    assert one != _box(Card("m", "s", "l", id="d"), Rect(5, 130, 50, 40), ["t"])


def test_a_box_is_never_equal_to_something_else():
    box = _box(Card("m", "s", "l", id="c"), Rect(5, 130, 50, 40), ["t"])
    assert box.__eq__(Rect(5, 130, 50, 40)) is NotImplemented
    assert (box == "c") is False
    assert box != Rect(5, 130, 50, 40)


# --- measuring --------------------------------------------------------------------------

def test_width_measures_plain_text_unless_told_bold():
    recorder = _Recorder()
    wrapper = TextWrapper(recorder)
    assert wrapper.width("ab", 12) == 20.0
    assert wrapper.width("ab", 12, True) == 20.0
    assert recorder.calls == [("ab", 12, False), ("ab", 12, True)]


def test_a_long_bold_word_is_judged_by_its_bold_head_and_never_measured_whole():
    recorder = _Recorder()
    word = "a" * 300
    assert TextWrapper(recorder).wrap(word, 12, True, 100, 1) == ["a" * 10]
    assert recorder.calls == [(" ", 12, True), ("a" * 256, 12, True)] + [
        ("a" * n, 12, True) for n in range(2, 12)]


def test_a_long_word_whose_head_just_fills_the_line_is_measured_whole_and_kept():
    recorder = _Recorder({"\u0301": 0.0})  # a combining accent takes no room
    word = "a" * 256 + "\u0301"  # as wide as its head: 2560 px
    assert TextWrapper(recorder).wrap(word, 12, False, 2560) == [word]
    assert recorder.texts == [" ", "a" * 256, word]


def test_a_word_exactly_as_wide_as_the_line_is_not_cut_letter_by_letter():
    recorder = _Recorder()
    wrapper = TextWrapper(recorder)
    assert wrapper.wrap("abcde", 12, False, 50) == ["abcde"]
    assert wrapper.wrap("xy abcde", 12, False, 50) == ["xy", "abcde"]
    assert recorder.texts == [" ", "abcde", "xy"]


def test_a_word_cut_at_the_line_limit_measures_no_letter_past_its_last_line():
    recorder = _Recorder()
    assert TextWrapper(recorder).wrap("abcdefghi", 12, False, 30, 1) == ["abc"]
    assert recorder.texts == [" ", "abcdefghi", "ab", "abc", "abcd"]
    recorder = _Recorder()
    assert TextWrapper(recorder).wrap("abcdefghijkl", 12, False, 30, 2) == ["abc", "def"]
    assert recorder.texts == [" ", "abcdefghijkl", "ab", "abc", "abcd", "de", "def", "defg"]


def test_blank_lines_held_back_count_against_the_room_of_a_cut_word():
    recorder = _Recorder()
    lines = TextWrapper(recorder).wrap("x\n\nabcdefghijkl", 12, False, 30, 4)
    assert lines == ["x", "", "abc", "def"]
    assert recorder.texts == [" ", "x", "abcdefghijkl", "ab", "abc", "abcd", "de", "def",
                              "defg"]


def test_a_word_cut_at_the_line_limit_ends_the_wrap_though_its_last_piece_is_narrow():
    # A wide W leaves the piece "ab" 20 px of a 35 px line; "x" would fit beside it.
    wrapper = TextWrapper(_Recorder({"W": 30.0, " ": 2.0}))
    assert wrapper.wrap("abWcd x", 12, False, 35, 1) == ["ab"]
    assert wrapper.wrap("abWcd x", 12, False, 35, 2) == ["ab", "W"]
    assert wrapper.wrap("abWcd x", 12, False, 35) == ["ab", "W", "cd x"]


# --- heights and cards ------------------------------------------------------------------

def test_line_heights_are_rounded_to_hundredths():
    assert line_height(10.01) == 13.01  # 13.013
    assert line_height(9.99) == 12.99  # 12.987
    assert line_height(12) == 15.6


def test_a_narrow_card_still_wraps_its_text_inside_twenty_pixels():
    wrapper = TextWrapper(lambda text, size, bold: 10.5 * len(text))
    # 30 px less the insets leaves 14 px: the text gets 20, where "ab" (21 px) breaks.
    assert card_shape("ab", "", LaneKind.TEXT, 30, wrapper) == (
        ["a", "b"], [], False, 31.2, 47.2)
    assert card_shape("", "ab", LaneKind.TEXT, 30, wrapper) == (
        [], ["a", "b"], False, 15.6, 60.2)


def test_a_card_measures_its_text_only_as_far_as_one_line_past_what_shows():
    recorder = _Recorder()
    title = " ".join(f"t{i:02}" for i in range(40))  # two words a line: twenty lines
    body = " ".join(f"b{i:02}" for i in range(40))
    shape = card_shape(title, body, LaneKind.TEXT, 86, TextWrapper(recorder))
    assert shape == (["t00 t01", "t02 t03", "t04 t05"], ["b00 b01", "b02 b03", "b04 b0…"],
                     True, 46.8, 105.7)
    assert recorder.calls == (
        [(" ", 12, True)] + [(f"t{i:02}", 12, True) for i in range(15)]
        + [(" ", 11, False)] + [(f"b{i:02}", 11, False) for i in range(15)]
        + [(text, 11, False) for text in ("b04 b05…", "b04…", "b04 b…", "b04 b0…")])


def test_a_card_without_a_title_or_a_body_does_not_measure_it():
    recorder = _Recorder()
    assert card_shape("", "ab", LaneKind.TEXT, 200, TextWrapper(recorder)) == (
        [], ["ab"], False, 15.6, 45.9)
    assert recorder.calls == [(" ", 11, False), ("ab", 11, False)]
    recorder = _Recorder()  # a fresh wrapper: nothing measured before is cached
    assert card_shape("cd", "", LaneKind.TEXT, 200, TextWrapper(recorder)) == (
        ["cd"], [], False, 15.6, 31.6)
    assert recorder.calls == [(" ", 12, True), ("cd", 12, True)]
    recorder = _Recorder()
    assert card_shape("", "", LaneKind.TEXT, 200, TextWrapper(recorder)) == (
        [], [], False, 15.6, 31.6)
    assert recorder.calls == []
