"""Sheet names from user text, the cell rules and the shared cell codecs."""

from __future__ import annotations

import pytest

from app.domain.model import Evidence, LaneKind
from app.export.sheets.cells import csv_text, looks_like_formula, xlsx_text
from app.export.sheets.names import SheetNames
from app.export.sheets.values import (
    evidence_label,
    lane_header,
    parse_evidence,
    parse_flag,
    parse_kind,
    split_lane_header,
    split_tags,
    yes_no,
)


@pytest.mark.parametrize(("wanted", "given"), [
    ("Plain", "Plain"), ("a/b", "a b"), ("[x]*?:", "x"), ("'quoted'", "quoted"),
    ("History", "History 1"), ("history", "history 1"), ("", "Sheet"), ("///", "Sheet"),
    ("y" * 40, "y" * 31), ("  spaced   out  ", "spaced out"), ("tab\there", "tab here"),
    ("x" * 30 + "'", "x" * 30), ("😀" * 20, "😀" * 15), ("a" + "😀" * 15, "a" + "😀" * 15),
])
def test_a_name_is_made_valid(wanted, given):
    assert SheetNames().take(wanted) == given


def test_names_are_unique_without_regard_to_case_and_stay_short():
    names = SheetNames(reserved=("_journey_studio",))
    assert names.take("Map") == "Map"
    assert names.take("MAP") == "MAP (2)"
    assert names.take("map") == "map (3)"
    assert names.take("_Journey_Studio") == "_Journey_Studio (2)"
    long = "z" * 31
    assert names.take(long) == long
    assert names.take(long) == "z" * 27 + " (2)"
    assert names.take("Sheet", "Sheet") == "Sheet"
    assert names.take("", "Sheet") == "Sheet (2)"


@pytest.mark.parametrize("text", ["=1", "+1", "-1", "@x", "\tx", "\rx"])
def test_formula_starts(text):
    assert looks_like_formula(text)
    assert csv_text(text) == "'" + text


@pytest.mark.parametrize("text", ["1", "a=b", " =x", "", "'=x", "−2 (minus sign)"])
def test_plain_text_is_left_alone(text):
    assert not looks_like_formula(text)
    assert csv_text(text) == text


def test_xlsx_text_drops_what_xml_cannot_carry():
    assert xlsx_text("a\x00b\x1fc\td\ne") == ("abc\td\ne", False)
    assert xlsx_text("a\r\nb\rc") == ("a\nb\nc", False)
    assert xlsx_text("\ud800x") == ("\ufffdx", False)
    cut, shortened = xlsx_text("x" * 40_000)
    assert shortened and len(cut) == 32_767


def test_the_codecs_read_back_what_they_write():
    for language in ("en", "vi"):
        for value in ("observed", "assumed", "proposed"):
            assert parse_evidence(evidence_label(value, language)) == value
        assert parse_flag(yes_no(True, language)) is True
        assert parse_flag(yes_no(False, language)) is False
        for kind in LaneKind:
            for title in ("Mine", "Điểm chạm", "two\nlines"):
                assert split_lane_header(lane_header(title, kind, language)) == (title, kind)
    assert parse_flag("maybe") is None and parse_evidence("?") is None
    assert parse_kind("DIEM CHAM") is LaneKind.TOUCHPOINTS
    assert split_lane_header("Our own row") == ("Our own row", None)
    assert split_lane_header("Touchpoints") == ("Touchpoints", LaneKind.TOUCHPOINTS)
    assert split_tags(" a, b ,, c ") == ["a", "b", "c"]


def test_the_codecs_read_what_people_type_in_their_own_sheets():
    # The words the importer always accepted, now read by the export's codecs too.
    assert parse_flag("Đúng") is True and parse_flag("★") is True and parse_flag("sai") is False
    assert parse_evidence("Quan sát") is Evidence.OBSERVED
    assert parse_kind("note") is LaneKind.TEXT and parse_kind("Pain") is LaneKind.PAINS
    assert split_tags("a; b\nc, d") == ["a", "b", "c", "d"]
    assert split_lane_header("  Khách nói\n(Suy nghĩ)  ") == ("Khách nói", LaneKind.THOUGHTS)
