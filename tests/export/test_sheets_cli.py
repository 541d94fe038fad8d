"""`journey-studio export x.cjm -o x.xlsx|x.csv`: what it writes, and one line when it cannot."""

from __future__ import annotations

import pytest

from app.cli import main
from app.samples import SAMPLE_CJM, samples_dir
from tests.export.sheets_kit import load, meta, read_csv


@pytest.fixture
def sample_cjm():
    return samples_dir() / SAMPLE_CJM


def _run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_export_xlsx_of_every_map_and_of_one(capsys, sample_cjm, tmp_path):
    out = tmp_path / "shop.xlsx"
    code, said, err = _run(capsys, "export", sample_cjm, "-o", out)
    assert (code, err) == (0, "")
    assert said == "Exported online-shop.cjm to shop.xlsx\n"
    workbook = load(out)
    assert len([row for row in meta(workbook) if row[0] == "map"]) == 2
    one = tmp_path / "one.xlsx"
    code, _, err = _run(capsys, "export", sample_cjm, "-o", one, "--map",
                        "mua đồ gia dụng online — tương lai")
    assert code == 0, err
    maps = [row[3] for row in meta(load(one)) if row[0] == "map"]
    assert maps == ["Mua đồ gia dụng online — tương lai"]


def test_export_csv_tables(capsys, sample_cjm, tmp_path):
    cards, markers = tmp_path / "cards.csv", tmp_path / "markers.csv"
    assert _run(capsys, "export", sample_cjm, "-o", cards)[0] == 0
    assert read_csv(cards)[0][:3] == ["Mã", "Bản đồ", "Giai đoạn"]
    assert _run(capsys, "export", sample_cjm, "-o", markers, "--table", "Markers")[0] == 0
    assert read_csv(markers)[0][4] == "Điểm"


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "{tmp}/x.csv", "--table", "nope"], "--table 'nope': choose one of cards, markers"),
    (["-o", "{tmp}/x.xlsx", "--table", "cards"], "--table chooses the table of a .csv file"),
    (["-o", "{tmp}/x.xlsx", "--map", "Nope"], "no map named 'Nope'"),
    (["-o", "{tmp}/x.xls"], "cannot tell the export format from .xls"),
    (["-o", "{tmp}/missing/x.xlsx"], "the folder"),
])
def test_bad_input_is_one_line_and_writes_nothing(capsys, sample_cjm, tmp_path, args, message):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    code, said, err = _run(capsys, "export", sample_cjm, *args)
    assert code == 2 and said == ""
    assert err.startswith("error: ") and err.count("\n") == 1 and message in err, err
    assert list(tmp_path.iterdir()) == []


def test_an_existing_output_is_kept_unless_forced(capsys, sample_cjm, tmp_path):
    out = tmp_path / "x.xlsx"
    out.write_bytes(b"mine")
    code, _, err = _run(capsys, "export", sample_cjm, "-o", out)
    assert code == 2 and "already exists" in err
    assert out.read_bytes() == b"mine"
    assert _run(capsys, "export", sample_cjm, "-o", out, "--force")[0] == 0
    assert load(out).sheetnames[0].startswith("Mua đồ gia dụng")
