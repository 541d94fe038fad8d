"""A map drawn in a spreadsheet (stages across, lanes down) becomes a map."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from app.cli import main
from app.domain.model import LaneKind
from app.export.sheets.read_source import read_source
from app.export.sheets.read_table import SheetError
from app.storage import ProjectStore


def grid_book(path: Path, rows: list[list[object]], title: str = "Sheet1") -> Path:
    book = Workbook()
    book.active.title = title
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


GRID = [
    ["Mua sắm online", "Nhận thức", "Cân nhắc", "Mua hàng"],
    ["Điểm chạm", "Quảng cáo Facebook\nTikTok", "Trang sản phẩm", "Giỏ hàng"],
    ["Hành động", "Lướt mạng", None, "Nhập mã giảm giá"],
    [None, "Hỏi bạn bè", "So sánh giá", None],
    ["Cảm xúc", 1, -1, "+2\n-2"],
    ["Điểm đau", None, "Không rõ phí ship", "Mã hết hạn"],
    ["Ý kiến khác", "=SUM(A1)", None, None],
]


def test_a_google_sheets_style_grid_becomes_a_map(tmp_path, capsys):
    book = grid_book(tmp_path / "grid.xlsx", GRID)
    out = tmp_path / "grid.cjm"
    assert main(["import", str(book), "-o", str(out)]) == 0
    assert "1 map(s)" in capsys.readouterr().out
    store, project = ProjectStore.open(out, read_only=True)
    store.close()
    (journey,) = project.maps
    assert journey.name == "Mua sắm online"
    assert [s.title for s in journey.stages] == ["Nhận thức", "Cân nhắc", "Mua hàng"]
    assert [(ln.title, ln.kind) for ln in journey.lanes] == [
        ("Điểm chạm", LaneKind.TOUCHPOINTS), ("Hành động", LaneKind.ACTIONS),
        ("Cảm xúc", LaneKind.EMOTIONS), ("Điểm đau", LaneKind.PAINS),
        ("Ý kiến khác", LaneKind.TEXT)]
    stage = {s.title: s.id for s in journey.stages}
    lane = {ln.title: ln.id for ln in journey.lanes}

    def cell(stage_title: str, lane_title: str) -> list[str]:
        return [c.title for c in journey.cell_cards(stage[stage_title], lane[lane_title])]

    # Several lines in a cell are several cards; a row without a lane title continues
    # the lane above (cards stacked in rows).
    assert cell("Nhận thức", "Điểm chạm") == ["Quảng cáo Facebook", "TikTok"]
    assert cell("Nhận thức", "Hành động") == ["Lướt mạng", "Hỏi bạn bè"]
    assert cell("Cân nhắc", "Hành động") == ["So sánh giá"]
    assert cell("Mua hàng", "Điểm đau") == ["Mã hết hạn"]
    assert cell("Nhận thức", "Ý kiến khác") == ["=SUM(A1)"]  # a formula stays text
    markers = journey.ordered_markers()
    assert [(m.stage_id, m.score) for m in markers] == [
        (stage["Nhận thức"], 1), (stage["Cân nhắc"], -1), (stage["Mua hàng"], 2),
        (stage["Mua hàng"], -2)]
    assert len(journey.cards) == 11


def test_an_emotions_row_in_words_stays_words(tmp_path):
    book = grid_book(tmp_path / "g.xlsx", [["Stage / Lane", "A", "B"],
                                            ["Emotions", "vui", "buồn"]])
    (journey,) = read_source(book).grids
    assert journey.lanes[0].kind == LaneKind.TEXT
    assert sorted(c.title for c in journey.cards) == ["buồn", "vui"]
    assert journey.name == "g"


def test_each_sheet_drawn_like_a_map_is_a_map(tmp_path):
    book = Workbook()
    book.active.title = "Hiện tại"
    book.active.append(["", "A"])
    book.active.append(["Notes", "x"])
    other = book.create_sheet("Tương lai")
    other.append(["", "B"])
    other.append(["Notes", "y"])
    book.save(tmp_path / "two.xlsx")
    assert [m.name for m in read_source(tmp_path / "two.xlsx").grids] == ["Hiện tại",
                                                                         "Tương lai"]


def test_a_sheet_that_is_neither_table_nor_grid(tmp_path, capsys):
    book = grid_book(tmp_path / "x.xlsx", [["hello"]])
    with pytest.raises(SheetError, match="holds neither a Cards table"):
        read_source(book)
    grid_book(tmp_path / "y.xlsx", [[None, "A"], [None, "x"], ["Lane", "y"]])
    with pytest.raises(SheetError, match=r"Sheet1, cell A2: a lane needs a title"):
        read_source(tmp_path / "y.xlsx")


def test_our_exports_grid_reads_back(tmp_path):
    # Lane cells name their kind in brackets; an emotions lane lists "+1 label" lines and
    # is followed by a row of mean scores, which is derived and skipped.
    book = grid_book(tmp_path / "ours.xlsx", [
        ["Đặt phòng", "Tìm kiếm", "Đặt cọc"],
        ["Khách nghĩ gì\n(Suy nghĩ)", "Giá có rẻ không?", None],
        ["Cảm xúc", "+1 thấy nhiều lựa chọn\n-1", "−2 phải chuyển khoản"],
        ["Điểm cảm xúc", 0, -2],
        ["Ghi chú\n(not a kind)", "x", None],
    ])
    (journey,) = read_source(book).grids
    assert [(ln.title, ln.kind) for ln in journey.lanes] == [
        ("Khách nghĩ gì", LaneKind.THOUGHTS), ("Cảm xúc", LaneKind.EMOTIONS),
        ("Ghi chú\n(not a kind)", LaneKind.TEXT)]
    assert [(m.score, m.label) for m in journey.ordered_markers()] == [
        (1, "thấy nhiều lựa chọn"), (-1, ""), (-2, "phải chuyển khoản")]
    assert sorted(c.title for c in journey.cards) == ["Giá có rẻ không?", "x"]
