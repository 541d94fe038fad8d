"""Spreadsheets from outside that must not be trusted: each refused in one line, nothing changed."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.cli import main
from app.export.sheets.read_source import read_source
from app.export.sheets.read_table import Limits, SheetError
from app.export.sheets.read_xlsx import read_workbook
from tests.cli.helpers import assert_one_error_line, folder_state


def cards_book(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    book.active.title = "Cards"
    book.active.append(["Stage", "Lane", "Title", "Severity", "Value"])
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def run_into(sample: Path, book: Path, capsys) -> tuple[int, str]:
    before = folder_state(sample.parent)
    code = main(["import", str(book), "--into", str(sample)])
    err = capsys.readouterr().err
    assert folder_state(sample.parent) == before  # the project (and the folder) unchanged
    return code, err


def test_not_a_zip(sample, tmp_path, capsys):
    book = tmp_path / "notes.xlsx"
    book.write_text("Stage,Title\nA,b\n")
    code, err = run_into(sample, book, capsys)
    assert_one_error_line(code, err, "notes.xlsx: is not an .xlsx workbook")


def test_a_truncated_workbook(sample, tmp_path, capsys):
    whole = cards_book(tmp_path / "whole.xlsx", [["A", "Pains", "x", 1, 2]])
    book = tmp_path / "cut.xlsx"
    book.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    code, err = run_into(sample, book, capsys)
    assert_one_error_line(code, err, "cut.xlsx: the workbook is damaged")


def test_a_zip_that_is_not_a_workbook(tmp_path):
    book = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(book, "w") as archive:
        archive.writestr("a.txt", "hello")
    with pytest.raises(SheetError, match="is a zip file but not an .xlsx workbook"):
        read_workbook(book)


def test_a_password_protected_workbook(sample, tmp_path, capsys):
    # Excel stores an encrypted .xlsx in an OLE compound file (as it did the old .xls).
    book = tmp_path / "secret.xlsx"
    book.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)
    code, err = run_into(sample, book, capsys)
    assert_one_error_line(code, err, "secret.xlsx: is password-protected or an old .xls")


def test_a_zip_bomb_is_refused_before_it_is_inflated(sample, tmp_path, capsys):
    whole = cards_book(tmp_path / "whole.xlsx", [["A", "Pains", "x", 1, 2]])
    book = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(book, "w",
                                                           zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        # 300 MB of one byte: ~300 KB deflated.
        with target.open("xl/media/padding.bin", "w", force_zip64=True) as padding:
            chunk = b"\0" * 1_000_000
            for _ in range(300):
                padding.write(chunk)
    assert book.stat().st_size < 2_000_000
    code, err = run_into(sample, book, capsys)
    assert_one_error_line(code, err, "bomb.xlsx: unpacks to 300 MB; the limit is 256 MB")


def test_a_huge_row_count_is_refused_at_the_limit(tmp_path):
    book = cards_book(tmp_path / "big.xlsx", [["A", "Pains", f"card {i}", 1, i]
                                              for i in range(120)])
    with pytest.raises(SheetError, match="has more than 100 rows; the limit is 100"):
        read_workbook(book, Limits(max_rows=100))
    with pytest.raises(SheetError, match="more than 300 cells"):
        read_workbook(book, Limits(max_cells=300))
    assert len(read_workbook(book).tables[0].rows) == 121


def test_formulas_are_read_as_their_text_never_evaluated(tmp_path):
    book = cards_book(tmp_path / "f.xlsx", [["A", "Notes", '=HYPERLINK("http://x","click")',
                                             None, "=1+1"]])
    with pytest.raises(SheetError, match=r"Cards, row 2, Value: '=1\+1' is not a number"):
        read_source(book)
    book = cards_book(tmp_path / "g.xlsx", [["A", "Notes", '=HYPERLINK("http://x","click")']])
    (row,) = read_source(book).cards.rows
    assert row.values["title"] == '=HYPERLINK("http://x","click")'


@pytest.mark.parametrize(("value", "message"), [
    ("rất cao", "Cards, row 2, Severity: 'rất cao' is not 1–3"),
    (4, "Cards, row 2, Severity: '4' is not 1–3"),
    (True, "Cards, row 2, Severity: 'TRUE' is not 1–3"),
    (1.5, "Cards, row 2, Severity: '1.5' is not 1–3"),
])
def test_wrong_types_name_sheet_row_and_column(sample, tmp_path, capsys, value, message):
    book = cards_book(tmp_path / "w.xlsx", [["A", "Pains", "x", value, 1]])
    code, err = run_into(sample, book, capsys)
    assert_one_error_line(code, err, message)


def test_a_date_where_a_number_belongs(tmp_path):
    from datetime import date

    book = cards_book(tmp_path / "d.xlsx", [["A", "Metrics", "NPS", None, date(2026, 3, 1)]])
    with pytest.raises(SheetError, match="Cards, row 2, Value: '2026-03-01T00:00:00' is not"):
        read_source(book)


def test_a_spreadsheet_new_project_is_not_left_behind_on_failure(tmp_path, capsys):
    book = cards_book(tmp_path / "w.xlsx", [["A", "Pains", "x", "cao lắm", 1]])
    before = folder_state(tmp_path)
    assert main(["import", str(book), "-o", str(tmp_path / "out.cjm")]) == 2
    assert_one_error_line(2, capsys.readouterr().err, "Severity: 'cao lắm' is not 1–3")
    assert folder_state(tmp_path) == before


def test_an_entity_expansion_bomb_is_refused(sample, tmp_path, capsys):
    # "Billion laughs": nine levels of entities, each ten of the one below, in a sheet's
    # XML. Expat's amplification limit stops the parser; nothing is expanded.
    whole = cards_book(tmp_path / "whole.xlsx", [["A", "Pains", "x", 1, 2]])
    entities = '<!ENTITY lol0 "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    book = tmp_path / "laughs.xlsx"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(book, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                body = text[text.index("<worksheet"):].replace("<sheetData>",
                                                                "<sheetData>&lol9;", 1)
                data = (f'<?xml version="1.0"?><!DOCTYPE worksheet [{entities}]>'
                        + body).encode()
            target.writestr(info, data)
    code, err = run_into(sample, book, capsys)
    assert_one_error_line(code, err, "laughs.xlsx: the workbook is damaged",
                          "amplification")
