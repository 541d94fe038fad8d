"""Emotion labels and stage descriptions on the map: two lines, one tile, and in full in
the notes when they had to be cut (read back from the PDF)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from app.domain.model import LaneKind
from app.samples import build_sample
from tests.export.conftest import export, pdf_text

MAP_ONLY = dict(cover=False, persona=False, legend=False, insights=False)
LONG_LABEL = ("Bực mình vì phải chờ tổng đài viên gần nửa tiếng mà vẫn không được giải "
              "quyết dứt điểm vấn đề đổi trả hàng lỗi, lại còn bị yêu cầu gửi hóa đơn "
              "giấy qua đường bưu điện")
LONG_DESCRIPTION = ("Khách hàng so sánh giá giữa nhiều cửa hàng trực tuyến, đọc đánh giá, "
                    "hỏi ý kiến bạn bè trên mạng xã hội và cân nhắc các hình thức trả góp "
                    "trước khi quyết định mua sản phẩm")


def _project():
    project = build_sample()
    journey = project.maps[0]
    emotions = next(lane for lane in journey.lanes if lane.kind == LaneKind.EMOTIONS)
    marker = next(m for m in journey.markers if m.lane_id == emotions.id)
    marker.label = LONG_LABEL
    journey.stages[1].description = LONG_DESCRIPTION
    return project, marker


def _pages(out: Path) -> list[str]:
    return [pdf_text(out, n, n) for n in range(1, len(PdfReader(out).pages) + 1)]


def test_cut_label_and_description_are_printed_in_full_in_the_notes(tmp_path):
    project, _ = _project()
    out, _ = export(project, tmp_path, page="A3", fit="page", **MAP_ONLY)
    pages = _pages(out)
    notes = [p for p in pages if "Ghi chú thẻ" in p]
    assert notes, "no notes page"
    assert LONG_LABEL in " ".join(notes)
    assert LONG_DESCRIPTION in " ".join(notes)
    assert "Nhãn cảm xúc" in notes[0] and "Mô tả giai đoạn" in notes[0]
    # On the map: the start of each, two lines at most, ending in an ellipsis.
    map_page = pages[0]
    assert "Bực mình vì phải" in map_page and LONG_LABEL not in map_page
    assert "Khách hàng so sánh" in map_page and LONG_DESCRIPTION not in map_page
    assert "…" in map_page


def test_a_label_is_printed_by_one_tile_only(tmp_path):
    project, _ = _project()
    out, _ = export(project, tmp_path, page="A4", fit="width:3", **MAP_ONLY)
    pages = [p for p in _pages(out) if "Ghi chú thẻ" not in p]
    assert len(pages) > 3
    assert sum(p.count("Bực mình vì phải") for p in pages) == 1


def test_a_label_that_fits_two_lines_is_not_in_the_notes(tmp_path):
    project, marker = _project()
    marker.label = "Lo lắng về phí ẩn khi trả góp"
    project.maps[0].stages[1].description = "So sánh lựa chọn"
    out, _ = export(project, tmp_path, page="A3", fit="page", **MAP_ONLY)
    text = " ".join(_pages(out))
    assert "Lo lắng về phí ẩn khi trả góp" in text
    assert "Nhãn cảm xúc" not in text and "Mô tả giai đoạn" not in text
