"""The channel and lane icons: the shipped SVG files are exactly what the drawing data makes."""

import pytest

from app.domain import icons
from app.domain.icons import ICON_DIR, ICONS, icon_name, icon_svg, stale_icons, write_icons
from app.domain.model import LaneKind
from app.domain.style import EMOTION_COLORS, card_style, emotion_color


def test_the_shipped_icons_match_their_drawing_data():
    assert stale_icons() == []
    assert sorted(p.stem for p in ICON_DIR.glob("*.svg")) == sorted(ICONS)
    assert icons.main(["--check"]) == 0


def test_icons_are_written_and_checked_against_a_folder(tmp_path):
    folder = tmp_path / "new" / "icons"
    written = write_icons(folder, "#FF0000")
    assert written == [folder / f"{name}.svg" for name in ICONS]
    assert stale_icons(folder, "#FF0000") == []
    assert stale_icons(folder) == list(ICONS)  # another colour: every file differs
    (folder / "chat.svg").write_text("<svg/>", encoding="utf-8")
    (folder / "email.svg").unlink()
    assert sorted(stale_icons(folder, "#FF0000")) == ["chat", "email"]
    assert (folder / "ads.svg").read_text(encoding="utf-8") == icon_svg("ads", "#FF0000")


def test_an_icon_document_is_a_24_pixel_stroked_svg():
    text = icon_svg("chat", "#123456")
    assert text.startswith('<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" '
                           'viewBox="0 0 24 24" fill="none" stroke="#123456" stroke-width="')
    assert 'stroke-linecap="round" stroke-linejoin="round">\n  <' in text
    assert text.endswith("\n</svg>\n")
    assert icon_svg("no-such-channel") == icon_svg("other")


def test_unknown_keys_draw_the_other_icon():
    assert icon_name("chat") == "chat"
    assert icon_name("zalo-oa") == icon_name(None) == "other"


def test_emotion_colours_are_clamped_to_the_scale():
    assert [emotion_color(s) for s in (-5, -2, -1, 0, 1, 2, 7)] == [
        EMOTION_COLORS[-2], EMOTION_COLORS[-2], EMOTION_COLORS[-1], EMOTION_COLORS[0],
        EMOTION_COLORS[1], EMOTION_COLORS[2], EMOTION_COLORS[2]]
    assert emotion_color(1.4) == EMOTION_COLORS[1]


@pytest.mark.parametrize("kind", list(LaneKind))
def test_every_lane_kind_has_a_card_style(kind):
    assert card_style(kind) is not None
    assert card_style("unknown") == card_style(LaneKind.TEXT)
