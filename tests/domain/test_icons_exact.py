"""The icon data turned into SVG to the character: arcs with their large-arc and sweep flags,
path commands split by arity, numbers without trailing zeros or a "-0", and the
`python -m app.domain.icons` command. The canvas, the PDF and the shipped SVG files all
read these values, so a wrong flag or a swapped sign would redraw an icon everywhere."""

import math
import pathlib
import sys

import pytest

from app.domain import icons
from app.domain.icons import ICONS, Arc, Circle, Line, Path, Rect, icon_svg, write_icons

SEARCH_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" '
    'fill="none" stroke="#1F2328" stroke-width="1.75" stroke-linecap="round" '
    'stroke-linejoin="round">\n'
    '  <circle cx="10.5" cy="10.5" r="6.5"/>\n'
    '  <line x1="15.3" y1="15.3" x2="20.5" y2="20.5"/>\n'
    "</svg>\n"
)


def _elements(monkeypatch, *primitives) -> list[str]:
    """The SVG elements an icon made of these primitives gets, one per primitive."""
    monkeypatch.setitem(ICONS, "probe", list(primitives))
    return [line.strip() for line in icon_svg("probe").splitlines()[1:-1]]


# -- the document --------------------------------------------------------------------------


def test_a_whole_icon_document_in_the_default_ink():
    assert icon_svg("search") == SEARCH_SVG
    assert icon_svg("search", "#FFFFFF") == SEARCH_SVG.replace("#1F2328", "#FFFFFF")


def test_writing_into_an_existing_folder_overwrites_in_the_default_ink(tmp_path):
    (tmp_path / "search.svg").write_text("<svg/>", encoding="utf-8")
    written = write_icons(tmp_path)
    assert written == [tmp_path / f"{name}.svg" for name in ICONS]
    assert (tmp_path / "search.svg").read_text(encoding="utf-8") == SEARCH_SVG
    assert all(path.read_text(encoding="utf-8") == icon_svg(path.stem, "#1F2328")
               for path in written)
    # Writing again into the now-full folder is fine too (the build reruns it).
    assert write_icons(tmp_path) == written
    assert icons.stale_icons(tmp_path) == []


# -- numbers -------------------------------------------------------------------------------


def test_numbers_lose_trailing_zeros_and_round_to_three_places(monkeypatch):
    assert _elements(monkeypatch, Line(10.0, 1.5, 0.1234, 100.0), Circle(2.25, 0.0004, 7)) == [
        '<line x1="10" y1="1.5" x2="0.123" y2="100"/>',
        '<circle cx="2.25" cy="0" r="7"/>',
    ]


def test_a_tiny_negative_number_prints_as_zero_not_minus_zero(monkeypatch):
    assert _elements(monkeypatch, Line(-0.0001, -0.0004, -1.5, -0.0)) == [
        '<line x1="0" y1="0" x2="-1.5" y2="0"/>']


def test_a_rect_gets_rx_only_when_its_corners_are_rounded(monkeypatch):
    assert _elements(monkeypatch, Rect(3, 4, 5, 6), Rect(3, 4, 5, 6, 0.5)) == [
        '<rect x="3" y="4" width="5" height="6"/>',
        '<rect x="3" y="4" width="5" height="6" rx="0.5"/>',
    ]


# -- arcs ----------------------------------------------------------------------------------


def test_an_arc_point_goes_clockwise_from_the_right_on_a_y_down_screen():
    arc = Arc(12, 12, 9, 0, 90)
    assert arc.point(0) == (21.0, 12.0)
    assert arc.point(90) == pytest.approx((12.0, 21.0))   # 90° is down
    assert arc.point(180) == pytest.approx((3.0, 12.0))
    assert arc.point(-90) == pytest.approx((12.0, 3.0))   # -90° is up
    # Off the axes both cosine and sine scale the radius.
    assert arc.point(60) == pytest.approx((16.5, 12 + 4.5 * math.sqrt(3)))
    assert arc.point(30) == pytest.approx((12 + 4.5 * math.sqrt(3), 16.5))


@pytest.mark.parametrize(("start", "sweep", "d"), [
    (0, 90, "M21 12 A9 9 0 0 1 12 21"),
    (0, 1, "M21 12 A9 9 0 0 1 20.999 12.157"),       # any positive sweep is clockwise
    (0, 0, "M21 12 A9 9 0 0 0 21 12"),
    (0, 180, "M21 12 A9 9 0 0 1 3 12"),              # a half circle is not the large arc
    (0, 181, "M21 12 A9 9 0 1 1 3.001 11.843"),      # just past half is
    (0, 270, "M21 12 A9 9 0 1 1 12 3"),
    (0, -90, "M21 12 A9 9 0 0 0 12 3"),              # negative sweeps go anticlockwise
    (0, -270, "M21 12 A9 9 0 1 0 12 21"),
    (90, 90, "M12 21 A9 9 0 0 1 3 12"),              # the end is start + sweep
])
def test_an_arc_becomes_a_path_with_its_large_arc_and_sweep_flags(monkeypatch, start, sweep, d):
    assert _elements(monkeypatch, Arc(12, 12, 9, start, sweep)) == [f'<path d="{d}"/>']


def test_arc_ends_on_an_axis_print_zero_not_a_rounding_error(monkeypatch):
    # cos 270° is -1.8e-16: it must print as "0", not "-0".
    assert _elements(monkeypatch, Arc(0, 0, 2, 180, 90)) == ['<path d="M-2 0 A2 2 0 0 1 0 -2"/>']


# -- paths ---------------------------------------------------------------------------------


def test_path_commands_split_repeated_numbers_by_arity():
    assert Path("M1 2 3 4 5 6 L7 8 9 10 C1 2 3 4 5 6 7 8 9 10 11 12 Z").commands() == [
        ("M", (1.0, 2.0)), ("L", (3.0, 4.0)), ("L", (5.0, 6.0)),  # more M pairs are lines
        ("L", (7.0, 8.0)), ("L", (9.0, 10.0)),
        ("C", (1.0, 2.0, 3.0, 4.0, 5.0, 6.0)), ("C", (7.0, 8.0, 9.0, 10.0, 11.0, 12.0)),
        ("Z", ()),
    ]


def test_a_path_goes_on_after_a_close():
    assert Path("M0 0 L1 1 Z M5 5 L6 6 Z").commands() == [
        ("M", (0.0, 0.0)), ("L", (1.0, 1.0)), ("Z", ()),
        ("M", (5.0, 5.0)), ("L", (6.0, 6.0)), ("Z", ())]


def test_lowercase_commands_and_packed_numbers_are_read(monkeypatch):
    assert Path("m-1.5.5l2,0z").commands() == [("M", (-1.5, 0.5)), ("L", (2.0, 0.0)), ("Z", ())]
    assert _elements(monkeypatch, Path("M1 2 3 4 C1 2 3 4 5 6 Z")) == [
        '<path d="M1 2 L3 4 C1 2 3 4 5 6 Z"/>']


def test_dots_are_small_circles_along_one_row():
    assert icons._dots(10.5, 8, 12, 16) == [
        Circle(8, 10.5, 0.35), Circle(12, 10.5, 0.35), Circle(16, 10.5, 0.35)]
    assert icons._dots(3) == []


# -- the command ---------------------------------------------------------------------------


@pytest.fixture
def no_writing(monkeypatch):
    """Fail if the command would rewrite resources/icons."""
    def refuse():
        raise AssertionError("--check must not write")
    monkeypatch.setattr(icons, "write_icons", refuse)


def test_check_names_the_stale_icons_and_fails(monkeypatch, capsys, no_writing):
    monkeypatch.setattr(icons, "stale_icons", lambda: ["chat", "email"])
    assert icons.main(["--check"]) == 1
    assert capsys.readouterr().out == "stale icons: chat, email\n"


def test_check_in_sync_is_silent_and_succeeds(monkeypatch, capsys, no_writing):
    monkeypatch.setattr(icons, "stale_icons", lambda: [])
    assert icons.main(["--check"]) == 0
    assert capsys.readouterr().out == ""


def test_without_check_the_command_writes_and_prints_each_file(monkeypatch, capsys):
    files = [pathlib.Path("out", "chat.svg"), pathlib.Path("out", "ads.svg")]
    monkeypatch.setattr(icons, "write_icons", lambda: files)
    monkeypatch.setattr(sys, "argv", ["icons", "--check"])  # an explicit argv wins
    assert icons.main(["--verbose"]) == 0
    assert capsys.readouterr().out == f"{files[0]}\n{files[1]}\n"


def test_the_command_reads_its_arguments_after_the_program_name(monkeypatch, capsys):
    monkeypatch.setattr(icons, "stale_icons", lambda: ["ads"])
    monkeypatch.setattr(icons, "write_icons", lambda: [])
    monkeypatch.setattr(sys, "argv", ["icons", "--check"])
    assert icons.main() == 1
    monkeypatch.setattr(sys, "argv", ["--check"])  # the program name is not an argument
    assert icons.main() == 0
    monkeypatch.setattr(sys, "argv", ["icons"])
    assert icons.main(["--check"]) == 1
    assert capsys.readouterr().out == "stale icons: ads\nstale icons: ads\n"
