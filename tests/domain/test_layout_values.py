"""Where the canvas and the PDF draw things: positions and sizes worked out by hand.

A measurer of 10 px per character makes every wrap and width predictable.
"""

import pytest

from app.domain.layout import (
    MapLayout,
    Rect,
    TextWrapper,
    approximate_text_width,
    compute_layout,
    emotion_y,
    layout_card,
    line_height,
    score_at,
    smooth_curve,
)
from app.domain.model import Card, EmotionMarker, JourneyMap, Lane, LaneKind, Stage


def _ten(text: str, size: float, bold: bool) -> float:
    return 10.0 * len(text)


def _wrapper() -> TextWrapper:
    return TextWrapper(_ten)


def _rect(r: Rect) -> tuple:
    return pytest.approx((r.x, r.y, r.w, r.h))


def test_rect_edges_and_containment():
    r = Rect(10, 20, 30, 40)
    assert (r.right, r.bottom) == (40, 60)
    assert r.contains(10, 20) and r.contains(40, 60) and r.contains(25, 30)
    assert not r.contains(9.9, 30) and not r.contains(40.1, 30)
    assert not r.contains(20, 19.9) and not r.contains(20, 60.1)


def test_lookups_of_what_lies_under_a_point():
    layout = MapLayout(500, 400, stage_rects={"a": Rect(100, 0, 100, 80),
                                              "b": Rect(200, 0, 200, 80)},
                       lane_rects={"x": Rect(0, 80, 400, 100), "y": Rect(0, 180, 400, 50)})
    assert [layout.stage_at(x) for x in (99, 100, 199.9, 200, 399.9, 400)] == [
        None, "a", "a", "b", "b", None]
    assert [layout.lane_at(y) for y in (79, 80, 180, 229.9, 230)] == [None, "x", "y", "y", None]
    assert [layout.stage_gap_at(x) for x in (0, 150, 151, 300, 301, 900)] == [0, 0, 1, 1, 2, 2]
    assert [layout.lane_gap_at(y) for y in (0, 130, 131, 205, 206)] == [0, 0, 1, 1, 2]
    assert layout.cell_rect("b", "y") == Rect(200, 180, 200, 50)


def test_wrap_breaks_at_spaces_and_keeps_a_line_that_fits_exactly():
    wrap = _wrapper().wrap
    assert wrap("aaa bbb ccc", 12, False, 100) == ["aaa bbb", "ccc"]
    assert wrap("aaaa bbbbb", 12, False, 100) == ["aaaa bbbbb"]  # exactly 100 px
    assert wrap("aaaa  bbbbb c", 12, False, 100) == ["aaaa bbbbb", "c"]
    assert wrap("a\n\nb", 12, False, 100) == ["a", "", "b"]
    assert wrap("a\n\n", 12, False, 100) == ["a"]
    assert wrap("", 12, False, 100) == []


def test_wrap_splits_a_word_longer_than_the_line():
    wrap = _wrapper().wrap
    assert wrap("hi abcdefghijklmnopqrstuvwxy ok", 12, False, 100) == [
        "hi", "abcdefghij", "klmnopqrst", "uvwxy ok"]
    assert wrap("abcdefghijklmnopqrst", 12, False, 100) == ["abcdefghij", "klmnopqrst"]


def test_word_widths_are_measured_once():
    calls = []

    def measure(text, size, bold):
        calls.append((text, size, bold))
        return 10.0 * len(text)

    wrapper = TextWrapper(measure)
    assert wrapper.width("ab", 12, True) == 20.0
    assert wrapper.width("ab", 12, True) == 20.0
    assert wrapper.width("ab", 11, True) == 20.0
    assert calls == [("ab", 12, True), ("ab", 11, True)]


def test_elide_ends_with_an_ellipsis_inside_the_width():
    elide = _wrapper().elide
    assert elide("abcdefghij", 12, False, 50) == "abcd…"
    assert elide("ab cd", 12, False, 40) == "ab…"
    assert elide("abc   ", 12, False, 100) == "abc…"
    assert elide(" abc", 12, False, 100) == " abc…"
    assert elide("abcdefghij", 12, False, 60) == "abcde…"  # one character at a time


def test_line_height_is_thirteen_tenths_of_the_size():
    assert (line_height(12), line_height(11), line_height(20)) == (15.6, 14.3, 26.0)


@pytest.mark.parametrize("kind, height", [
    (LaneKind.TEXT, 31.6),            # 8 + 15.6 (one title line) + 8
    (LaneKind.TOUCHPOINTS, 34.0),     # the channel icon is taller than one line
    (LaneKind.METRICS, 70.6),         # + the value (26) and its unit line (13)
    (LaneKind.OPPORTUNITIES, 51.6),   # + the chip row
    (LaneKind.PAINS, 31.6),
])
def test_a_one_line_card_is_as_tall_as_its_kind_needs(kind, height):
    box = layout_card(Card("m", "s", "l", "Zalo"), kind, 200, _wrapper())
    assert box.rect == Rect(0, 0, 200, height)
    assert (box.title_lines, box.body_lines, box.truncated) == (["Zalo"], [], False)


def test_icons_and_severity_dots_take_room_from_the_title():
    title = "aaaaaaaa bbbbbbbb"  # 170 px: fits the 184 px inside a 200 px card
    lines = {kind: layout_card(Card("m", "s", "l", title), kind, 200, _wrapper()).title_lines
             for kind in (LaneKind.TEXT, LaneKind.TOUCHPOINTS, LaneKind.PAINS)}
    assert lines[LaneKind.TEXT] == [title]
    assert lines[LaneKind.TOUCHPOINTS] == lines[LaneKind.PAINS] == ["aaaaaaaa", "bbbbbbbb"]
    narrow = "aaaaaaaa bbbbbbb"  # 160 px: inside 164 (icon) but not 158 (dots)
    assert layout_card(Card("m", "s", "l", narrow), LaneKind.TOUCHPOINTS, 200,
                       _wrapper()).title_lines == [narrow]
    assert len(layout_card(Card("m", "s", "l", narrow), LaneKind.PAINS, 200,
                           _wrapper()).title_lines) == 2


def test_body_lines_add_their_height_and_an_untitled_card_keeps_one_header_line():
    box = layout_card(Card("m", "s", "l", body="x y"), LaneKind.TEXT, 200, _wrapper())
    assert (box.title_lines, box.body_lines, box.header_height) == ([], ["x y"], 15.6)
    assert box.rect.h == 45.9  # 8 + 15.6 + 14.3 + 8


def test_long_text_keeps_three_title_lines_when_there_is_a_body():
    title = " ".join(["abcdefghijklmnop"] * 5)  # five lines of title
    box = layout_card(Card("m", "s", "l", title, body=" ".join(["word"] * 200)),
                      LaneKind.TEXT, 200, _wrapper())
    assert box.truncated and len(box.title_lines) == 3 and len(box.body_lines) == 3
    assert box.body_lines[-1].endswith("…") and not box.title_lines[-1].endswith("…")
    assert box.rect.h == round(16 + 3 * 15.6 + 3 * 14.3, 2)


def test_a_title_alone_is_cut_at_six_lines():
    box = layout_card(Card("m", "s", "l", " ".join(["abcdefghijklmnop"] * 8)), LaneKind.TEXT,
                      200, _wrapper())
    assert box.truncated and len(box.title_lines) == 6 and box.body_lines == []
    assert box.title_lines[-1].endswith("…")
    short = layout_card(Card("m", "s", "l", " ".join(["abcdefghijklmnop"] * 6)),
                        LaneKind.TEXT, 200, _wrapper())
    assert not short.truncated and len(short.title_lines) == 6


def test_body_alone_is_cut_after_the_title():
    box = layout_card(Card("m", "s", "l", "T", body="\n".join(f"b{i}" for i in range(1, 10))),
                      LaneKind.TEXT, 200, _wrapper())
    assert box.truncated and box.title_lines == ["T"]
    assert box.body_lines == ["b1", "b2", "b3", "b4", "b5…"]
    fits = layout_card(Card("m", "s", "l", "T", body="\n".join("l" * 5)), LaneKind.TEXT, 200,
                       _wrapper())
    assert not fits.truncated and len(fits.body_lines) == 5


def _map() -> JourneyMap:
    m = JourneyMap("M", id="m")
    m.stages = [Stage("m", "A", id="s0"), Stage("m", "B", id="s1", width=300.0)]
    m.lanes = [Lane("m", "Text", LaneKind.TEXT, id="text"),
               Lane("m", "Hidden", LaneKind.PAINS, id="hidden", collapsed=True),
               Lane("m", "Feel", LaneKind.EMOTIONS, id="feel")]
    m.cards = [Card("m", "s1", "text", "c", id="c3"),
               Card("m", "s0", "text", "b", id="c2", order=1, span=2),
               Card("m", "s0", "text", "a", id="c1"),
               Card("m", "s0", "hidden", "hidden", id="c4")]
    m.markers = [EmotionMarker("m", "s1", "feel", -2, 0.25, id="m2"),
                 EmotionMarker("m", "s0", "feel", 2, 0.5, id="m1")]
    return m


def test_a_map_is_laid_out_column_by_column_and_lane_by_lane():
    layout = compute_layout(_map(), _wrapper())
    assert layout.stage_rects == {"s0": Rect(190, 0, 240, 84), "s1": Rect(430, 0, 300, 84)}
    # c1 on top of s0; c2 spans both stages below it; c3 in s1 waits under c2.
    assert _rect(layout.cards["c1"].rect) == (198, 92, 224, 31.6)
    assert _rect(layout.cards["c2"].rect) == (198, 129.6, 524, 31.6)
    assert _rect(layout.cards["c3"].rect) == (438, 167.2, 284, 31.6)
    assert "c4" not in layout.cards  # a collapsed lane shows no cards
    assert _rect(layout.lane_rects["text"]) == (0, 84, 730, 122.8)  # grew past 96
    assert _rect(layout.lane_rects["hidden"]) == (0, 206.8, 730, 30)
    assert _rect(layout.lane_rects["feel"]) == (0, 236.8, 730, 200)
    assert (layout.width, layout.height) == (730, pytest.approx(436.8))


def test_markers_sit_at_their_score_and_the_curve_runs_through_them():
    layout = compute_layout(_map(), _wrapper())
    m1, m2 = layout.markers["m1"], layout.markers["m2"]
    assert (m1.marker_id, m1.x, m1.y, m1.score) == ("m1", 310, pytest.approx(258.8), 2)
    assert (m2.marker_id, m2.x, m2.y, m2.score) == ("m2", 505, pytest.approx(414.8), -2)
    assert layout.neutral_y["feel"] == pytest.approx(336.8)
    ((p0, c1, c2, p1),) = layout.curves["feel"]
    assert pytest.approx((*p0, *c1, *c2, *p1)) == (310, 258.8, 375, 310.8, 440, 362.8,
                                                   505, 414.8)  # two markers: straight


def test_an_empty_map_has_a_minimum_size_and_short_lanes_their_own_height():
    assert (lambda lay: (lay.width, lay.height))(compute_layout(JourneyMap("M"), _wrapper())) \
        == (390, 204)
    m = _map()
    m.cards = []
    m.lanes[0].height = 150.0
    m.lanes[2].collapsed = True
    layout = compute_layout(m, _wrapper())
    assert _rect(layout.lane_rects["text"]) == (0, 84, 730, 150)
    assert _rect(layout.lane_rects["feel"]) == (0, 264, 730, 30)
    assert layout.markers == {} and layout.curves == {}


def test_emotion_scale_of_the_map_places_markers():
    m = _map()
    m.emotion_min, m.emotion_max = -2, 1
    m.markers = [EmotionMarker("m", "s0", "feel", 1, 0.0, id="top"),
                 EmotionMarker("m", "s0", "feel", 0, 1.0, id="mid")]
    layout = compute_layout(m, _wrapper())
    assert layout.markers["top"].y == pytest.approx(236.8 + 22)
    assert layout.markers["mid"].y == pytest.approx(236.8 + 22 + 52)  # a third of 156 down
    assert layout.neutral_y["feel"] == pytest.approx(236.8 + 22 + 52)
    assert (layout.markers["top"].x, layout.markers["mid"].x) == (190, 430)


def test_score_at_is_the_nearest_whole_score_clamped_to_the_scale():
    lane = Rect(0, 100, 500, 200)  # scores from y 122 (+2) to 278 (-2)
    assert [score_at(lane, y) for y in (122, 161, 200, 239, 278)] == [2, 1, 0, -1, -2]
    assert [score_at(lane, y) for y in (0, 179, 182, 900)] == [2, 1, 0, -2]
    assert emotion_y(lane, 1) == 161 and emotion_y(lane, 3, 1, 5) == 200
    assert score_at(lane, 200, 1, 5) == 3 and score_at(lane, 0, 1, 5) == 5
    assert score_at(Rect(0, 0, 10, 10), 5) == 2  # a lane thinner than its margins
    assert score_at(Rect(0, 0, 10, 10), 22.2) == 1
    assert (score_at(lane, 141), score_at(lane, 142)) == (2, 1)  # 1.5 lies at y 141.5


def test_the_curve_bends_through_every_point():
    segments = smooth_curve([(0, 0), (60, 60), (120, 0)])
    assert segments == [((0, 0), (20, 20), (40, 60), (60, 60)),
                        ((60, 60), (80, 60), (100, 20), (120, 0))]  # flat at the peak
    assert smooth_curve([(5, 5)]) == []


def test_the_font_free_estimate():
    assert approximate_text_width("abc", 10, False) == pytest.approx(18.0)
    assert approximate_text_width("abc", 10, True) == pytest.approx(19.2)


def test_titles_are_measured_bold_at_title_size_and_bodies_plain():
    calls = []

    def measure(text, size, bold):
        calls.append((text, size, bold))
        return 10.0 * len(text)

    title = "tt " + "t" * 30  # a word too long for the line is split
    body = "\n".join(["bb bb"] * 9)  # too many lines: the last one is elided
    box = layout_card(Card("m", "s", "l", title, body=body), LaneKind.TEXT, 200,
                      TextWrapper(measure))
    assert box.truncated and box.body_lines[-1] == "bb bb…"
    assert {(size, bold) for text, size, bold in calls if "t" in text} == {(12, True)}
    assert {(size, bold) for text, size, bold in calls if "b" in text} == {(11, False)}
    assert {(" ", 12, True), (" ", 11, False)} <= set(calls)
    calls.clear()
    layout_card(Card("m", "s", "l", " ".join(["tttttttttttttttt"] * 8)), LaneKind.TEXT, 200,
                TextWrapper(measure))
    assert any(text.endswith("…") and (size, bold) == (12, True) for text, size, bold in calls)


@pytest.mark.parametrize("kind, width, fits", [
    (LaneKind.TEXT, 206, "a" * 19),            # 190 px inside
    (LaneKind.TOUCHPOINTS, 206, "a" * 17),     # 190 − 20 for the icon
    (LaneKind.PAINS, 202, "a" * 16),           # 186 − 26 for the severity dots
])
def test_a_title_exactly_as_wide_as_its_room_stays_on_one_line(kind, width, fits):
    box = layout_card(Card("m", "s", "l", fits + " " + fits), kind, width, _wrapper())
    assert box.title_lines == [fits, fits]
    assert box.card.title == fits + " " + fits


def test_three_title_lines_and_a_body_are_kept_whole_four_are_not():
    three = " ".join(["abcdefghijklmnop"] * 3)
    box = layout_card(Card("m", "s", "l", three, body="x"), LaneKind.TEXT, 200, _wrapper())
    assert (len(box.title_lines), box.body_lines, box.truncated) == (3, ["x"], False)
    four = " ".join(["abcdefghijklmnop"] * 4)
    box = layout_card(Card("m", "s", "l", four, body="x"), LaneKind.TEXT, 200, _wrapper())
    assert (len(box.title_lines), box.body_lines, box.truncated) == (3, ["x…"], True)


def test_a_touchpoint_card_in_a_map_gets_its_icon_row():
    m = _map()
    m.lanes[0].kind = LaneKind.TOUCHPOINTS
    assert compute_layout(m, _wrapper()).cards["c1"].rect.h == 34.0


def test_lanes_of_a_map_without_stages_keep_their_height():
    m = JourneyMap("M", id="m", lanes=[Lane("m", "T", LaneKind.TEXT, id="t")])
    layout = compute_layout(m, _wrapper())
    assert _rect(layout.lane_rects["t"]) == (0, 84, 390, 96)


def test_each_emotions_lane_draws_only_its_own_markers():
    m = _map()
    m.lanes.append(Lane("m", "Feel 2", LaneKind.EMOTIONS, id="feel2"))
    m.markers.insert(0, EmotionMarker("m", "s0", "feel2", 0, 0.1, id="other"))
    layout = compute_layout(m, _wrapper())
    assert set(layout.markers) == {"m1", "m2", "other"}
    assert len(layout.curves["feel"]) == 1 and layout.curves["feel2"] == []
