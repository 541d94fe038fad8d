"""CSV files as Excel and Google Sheets save them: encodings, delimiters, headers of one's own."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from app.cli import main
from app.export.sheets.read_cards import MappingNeeded
from app.export.sheets.read_csv import decode, read_csv, sniff_delimiter
from app.export.sheets.read_source import read_source
from app.export.sheets.read_table import SheetError
from app.storage import ProjectStore
from tests.cli.helpers import assert_one_error_line

ROWS = "Giai đoạn;Làn;Tiêu đề;Mức độ\nNhận thức;Điểm đau;Không biết phí vận chuyển;3\n" \
       "Mua hàng;Hành động;Đặt hàng qua Zalo;\n"


TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258_decomposed(text: str) -> bytes:
    """Text as Windows-1258 stores it: base letters (ê, ơ, đ…) with separate tone marks."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
                   + tones)
    return "".join(out).encode("cp1258")


def imported(tmp_path: Path, name: str, data: bytes, *extra: str):
    source = tmp_path / name
    source.write_bytes(data)
    out = tmp_path / "out.cjm"
    assert main(["import", str(source), "-o", str(out), *extra]) == 0
    store, project = ProjectStore.open(out, read_only=True)
    store.close()
    return project


def titles(project) -> list[str]:
    return sorted(c.title for m in project.maps for c in m.cards)


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8"),
    lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    cp1258_decomposed,
    lambda t: t.encode("utf-16"),
], ids=["utf-8", "utf-8-bom", "cp1258", "utf-16"])
def test_vietnamese_text_reads_right_in_every_encoding(tmp_path, encode, capsys):
    project = imported(tmp_path, "cards.csv", encode(ROWS))
    assert titles(project) == ["Không biết phí vận chuyển", "Đặt hàng qua Zalo"]
    journey = project.maps[0]
    assert [s.title for s in journey.stages] == ["Nhận thức", "Mua hàng"]
    assert [(ln.title, ln.kind.value) for ln in journey.lanes] == [("Điểm đau", "pains"),
                                                                   ("Hành động", "actions")]
    assert project.language == "vi"
    pain = next(c for c in journey.cards if c.severity is not None)
    assert pain.severity == 3
    # Composed letters, as typed: equal to the same words typed in the editor.
    assert all(unicodedata.is_normalized("NFC", t) for t in titles(project))


def test_cp1258_is_detected_and_composed(tmp_path):
    assert cp1258_decomposed("Phở") == b"Ph\xf5\xd2"  # ơ, then the hook as its own byte
    text, used = decode(cp1258_decomposed("Tiêu đề\nPhở bò\n"), "x.csv")
    assert used == "cp1258"
    assert text == "Tiêu đề\nPhở bò\n"
    assert len(text) == len("Tiêu đề\nPhở bò\n")


def test_an_undecodable_file_says_which_encodings_were_tried(tmp_path):
    with pytest.raises(SheetError, match=r"x.csv: is not text in a known encoding "
                                         r"\(tried UTF-8, Windows-1258\)"):
        decode(b"Title\n\x81\x8d\x8e\x8f\x90", "x.csv")
    with pytest.raises(SheetError, match="tried UTF-8, Windows-1258"):
        decode(b"\x00\x01\x02binary", "x.csv")


def test_the_encoding_can_be_given(tmp_path, capsys):
    data = "Stage,Title\nA,café\n".encode("cp1252")
    project = imported(tmp_path, "c.csv", data, "--encoding", "cp1252")
    assert titles(project) == ["café"]
    source = tmp_path / "c.csv"
    assert main(["import", str(source), "-o", str(tmp_path / "x.cjm"),
                 "--encoding", "utf-8"]) == 2
    assert_one_error_line(2, capsys.readouterr().err, "c.csv: is not valid utf-8 text")


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_the_delimiter_is_sniffed(tmp_path, delimiter):
    text = ROWS.replace(";", delimiter)
    assert sniff_delimiter(text) == delimiter
    path = tmp_path / "d.csv"
    path.write_text(text, encoding="utf-8")
    table, _ = read_csv(path)
    assert table.rows[1] == ["Nhận thức", "Điểm đau", "Không biết phí vận chuyển", "3"]


def test_quoted_fields_keep_delimiters_and_lines(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text('Stage,Title,Body\nA,"Phí ship, thuế","dòng 1\ndòng 2"\n',
                    encoding="utf-8")
    (row,) = read_source(path).cards.rows
    assert (row.stage, row.values["title"], row.values["body"]) == (
        "A", "Phí ship, thuế", "dòng 1\ndòng 2")


def test_a_users_own_headers_match_without_case_or_diacritics(tmp_path):
    path = tmp_path / "own.csv"
    path.write_text("GIAI DOAN,tieu de,Ghi chú,Phụ trách\nA,x,note,Lan\n", encoding="utf-8")
    (row,) = read_source(path).cards.rows
    assert (row.stage, row.values) == ("A", {"title": "x", "body": "note", "owner": "Lan"})


def test_missing_columns_need_a_mapping_and_map_columns_gives_it(tmp_path, capsys):
    path = tmp_path / "own.csv"
    path.write_text("Bước,Việc cần làm,Ghi chú\nTìm hiểu,Đọc review,nhiều\n",
                    encoding="utf-8")
    with pytest.raises(MappingNeeded, match="own.csv: no column for Stage, Title") as caught:
        read_source(path)
    assert caught.value.headers == ["Bước", "Việc cần làm", "Ghi chú"]
    out = tmp_path / "own.cjm"
    assert main(["import", str(path), "-o", str(out)]) == 2
    assert_one_error_line(2, capsys.readouterr().err, "no column for Stage, Title")
    assert not out.exists()
    project = imported(tmp_path, "own.csv", path.read_bytes(), "--map-columns",
                       "Bước=stage,Việc cần làm=title")
    assert titles(project) == ["Đọc review"]
    assert [c.body for c in project.maps[0].cards] == ["nhiều"]


def test_map_columns_names_unknown_headers_and_keys(tmp_path, capsys):
    path = tmp_path / "own.csv"
    path.write_text("Bước,Việc\nA,b\n", encoding="utf-8")
    out = str(tmp_path / "x.cjm")
    assert main(["import", str(path), "-o", out, "--map-columns", "Step=stage"]) == 2
    assert_one_error_line(2, capsys.readouterr().err,
                          "own.csv: no column headed 'Step' (headers: 'Bước', 'Việc')")
    assert main(["import", str(path), "-o", out, "--map-columns", "Bước=phase"]) == 2
    assert_one_error_line(2, capsys.readouterr().err, "unknown column 'phase'")
    assert main(["import", str(path), "-o", out, "--map-columns", "Bước"]) == 2
    assert_one_error_line(2, capsys.readouterr().err, "write it as Header=key")


def test_two_columns_claiming_one_field_need_a_mapping(tmp_path):
    path = tmp_path / "two.csv"
    path.write_text("Stage,Title,Tên\nA,x,y\n", encoding="utf-8")
    with pytest.raises(MappingNeeded, match="more than one column is 'Tên'"):
        read_source(path)
    (row,) = read_source(path, {"Tên": ""}).cards.rows
    assert row.values["title"] == "x"


def test_our_formula_guard_quote_is_taken_off(tmp_path):
    # Our CSV export writes formula-like text with a leading quote (OWASP): read it back
    # as the text the user typed; any other leading quote is the user's own.
    path = tmp_path / "ours.csv"
    path.write_text("Stage,Title,Body\nA,'=HYPERLINK(\"http://x\"),'-5 %\nA,'tis,'quoted\n",
                    encoding="utf-8-sig")
    first, second = read_source(path).cards.rows
    assert (first.values["title"], first.values["body"]) == ('=HYPERLINK("http://x")', "-5 %")
    assert (second.values["title"], second.values["body"]) == ("'tis", "'quoted")


def test_rows_naming_only_a_place_are_not_cards(tmp_path):
    path = tmp_path / "plan.csv"
    path.write_text("Stage,Lane,Title,Favourite\nA,Pains,,\nA,,x,no\n,,,\n", encoding="utf-8")
    rows = read_source(path).cards.rows
    assert [(r.row, r.values["title"], r.values["favourite"]) for r in rows] == [
        (3, "x", False)]


def test_columns_can_be_mapped_by_number(tmp_path, capsys):
    path = tmp_path / "twice.csv"
    path.write_text("Stage,Title,Title,\nA,old,new,ghi chú\n", encoding="utf-8")
    with pytest.raises(MappingNeeded, match="more than one column is 'Title'"):
        read_source(path)
    (row,) = read_source(path, {"#3": "title", "#4": "body"}).cards.rows
    assert (row.values["title"], row.values["body"]) == ("new", "ghi chú")
    (row,) = read_source(path, {"#2": "", "#3": "title"}).cards.rows
    assert row.values["title"] == "new"
    with pytest.raises(SheetError, match="has no column #9 \\(it has 4\\)"):
        read_source(path, {"#9": "title"})
    with pytest.raises(SheetError, match="two columns are mapped to title"):
        read_source(path, {"#2": "title", "#3": "title"})
    project = imported(tmp_path, "twice.csv", path.read_bytes(), "--map-columns",
                       "#3=title,#2=")
    assert titles(project) == ["new"]
