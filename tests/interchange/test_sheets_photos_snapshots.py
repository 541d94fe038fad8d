"""What a workbook carries beyond its tables: persona photos as pictures on the Personas
sheet, and snapshots in a hidden, protected sheet — read back through the same checks
as any file from outside, refused in one line when a user broke them."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.export.sheets.photos import _Picture, add_photo
from app.export.sheets.snapshots import SNAPSHOT_SHEET
from app.export.sheets.xlsx import export_xlsx
from app.samples import build_sample
from tests.interchange.sheet_books import load
from tests.interchange.test_sheets_round_trip import JPEG, tricky_project


def _export(tmp_path: Path, project=None) -> Path:
    book = tmp_path / "plan.xlsx"
    export_xlsx(project or build_sample(), book)
    return book


def _import(book: Path, capsys) -> tuple[int, str]:
    code = main(["import", str(book), "-o", str(book.with_suffix(".cjm"))])
    return code, capsys.readouterr().err.strip()


def test_the_photo_is_a_picture_in_the_personas_row(tmp_path):
    project = build_sample()
    book = _export(tmp_path, project)
    # Read as Excel would: the picture's part and its anchor in the persona's row.
    workbook = load_workbook(book)
    personas = workbook["Chân dung"]
    assert personas.cell(row=1, column=13).value == "Ảnh"
    assert personas.cell(row=2, column=1).value == project.personas[0].id
    assert personas.row_dimensions[2].height >= 58
    import zipfile
    with zipfile.ZipFile(book) as archive:
        media = [n for n in archive.namelist() if n.startswith("xl/media/")]
        assert [archive.read(n) for n in media] == [project.personas[0].photo]


def test_a_picture_pasted_into_a_persona_row_becomes_its_photo(tmp_path, capsys):
    project = tricky_project()
    project.personas[0].photo = None
    book = _export(tmp_path, project)
    workbook = load_workbook(book)
    assert add_photo(workbook["Chân dung"], 2, 5, JPEG)  # any column of the row
    workbook.save(book)
    assert _import(book, capsys) == (0, "")
    back = load(book.with_suffix(".cjm")).personas[0]
    assert (back.photo, back.photo_mime) == (JPEG, "image/jpeg")


def test_a_picture_deleted_in_the_sheet_leaves_the_persona_without_a_photo(tmp_path, capsys):
    book = _export(tmp_path)
    workbook = load_workbook(book)
    personas = workbook["Chân dung"]
    assert len(personas._images) == 1  # openpyxl (with Pillow) read the picture back
    personas._images.clear()  # the user deletes it
    workbook.save(book)
    assert _import(book, capsys) == (0, "")
    assert load(book.with_suffix(".cjm")).personas[0].photo is None


def test_a_picture_that_is_not_a_photo_is_refused_with_its_row(tmp_path, capsys):
    book = _export(tmp_path)
    workbook = load_workbook(book)
    gif = b"GIF89a\x03\x00\x02\x00" + bytes(20)
    picture = _Picture(gif, "gif", 3, 2)
    picture.anchor = "M2"
    workbook["Chân dung"]._images[:] = [picture]  # the photo replaced by a GIF
    workbook.save(book)
    assert _import(book, capsys) == (
        2, "error: Chân dung, row 2: the photo is a GIF image; a persona photo must be "
           "PNG or JPEG")
    assert not book.with_suffix(".cjm").exists()


def test_the_snapshots_sheet_is_very_hidden_and_protected(tmp_path):
    workbook = load_workbook(_export(tmp_path))
    sheet = workbook[SNAPSHOT_SHEET]
    assert sheet.sheet_state == "veryHidden" and sheet.protection.sheet
    assert workbook.sheetnames[-1] == SNAPSHOT_SHEET
    chunks = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert chunks and all(isinstance(c, str) and len(c) <= 32_000 for c in chunks)


@pytest.mark.parametrize("damage", ["edit", "cut", "head"])
def test_a_snapshots_sheet_changed_by_hand_is_refused_in_one_line(tmp_path, capsys, damage):
    book = _export(tmp_path)
    workbook = load_workbook(book)
    sheet = workbook[SNAPSHOT_SHEET]
    if damage == "edit":
        sheet["A2"] = sheet["A2"].value.replace("Đ", "D").replace('"name"', '"nam"')
    elif damage == "cut":
        sheet.delete_rows(2)
    else:
        sheet["A1"] = "snapshots"
    workbook.save(book)
    code, err = _import(book, capsys)
    assert code == 2 and "\n" not in err
    assert err.startswith(f"error: plan.xlsx, hidden sheet '{SNAPSHOT_SHEET}': was changed "
                          f"outside Journey Studio")
    assert not book.with_suffix(".cjm").exists()


def test_snapshots_that_pass_the_digest_still_meet_the_json_checks(tmp_path, capsys):
    """A sheet rewritten with a right digest but a snapshot without a name is refused by
    the project JSON codec's validation, not taken on trust."""
    import hashlib
    import json

    book = _export(tmp_path)
    workbook = load_workbook(book)
    sheet = workbook[SNAPSHOT_SHEET]
    text = "".join(row[0] for row in sheet.iter_rows(min_row=2, values_only=True))
    data = json.loads(text)
    data["snapshots"][0]["name"] = " "
    text = json.dumps(data)
    sheet.delete_rows(2, sheet.max_row)
    chunks = [text[i:i + 30_000] for i in range(0, len(text), 30_000)]
    for row, chunk in enumerate(chunks, start=2):
        sheet.cell(row=row, column=1, value=chunk)
    sheet["C1"] = len(chunks)
    sheet["D1"] = hashlib.sha256(text.encode("ascii")).hexdigest()
    workbook.save(book)
    code, err = _import(book, capsys)
    assert code == 2
    assert err == (f"error: plan.xlsx, hidden sheet '{SNAPSHOT_SHEET}': snapshots[0]: "
                   f"a snapshot needs a name")


def test_a_workbook_of_some_maps_carries_only_their_snapshots(tmp_path, capsys):
    project = build_sample()
    other = next(m for m in project.maps if m.id != project.snapshots[0].map_id)
    book = tmp_path / "some.xlsx"
    export_xlsx(project, book, maps=[other])
    assert _import(book, capsys) == (0, "")
    assert load(book.with_suffix(".cjm")).snapshots == []
