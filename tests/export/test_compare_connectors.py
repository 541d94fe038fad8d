"""Connectors on the PDF's compare page: added, removed and changed ones listed under the
stage of the card they leave, with their kind and label, and named in the summary."""

from __future__ import annotations

from pypdf import PdfReader

from app.domain.copying import clone_map
from app.domain.model import Connector, ConnectorKind, MapState
from tests.export.conftest import export, pdf_text
from tests.export.sample import sample_project, with_links

ONLY = dict(cover=False, persona=False, legend=False, insights=False, all_maps=True)


def _pair():
    """The sample with its connectors, and a future state that drops the branch, relabels
    the loop and adds a dependency."""
    project = with_links(sample_project())
    current = project.maps[0]
    future = clone_map(current, "Tương lai")
    future.state, future.derived_from_id = MapState.FUTURE, current.id
    project.maps.append(future)
    by_title = {c.title: c for c in future.cards}
    future.connectors = [c for c in future.connectors if c.kind != ConnectorKind.BRANCH]
    loop = next(c for c in future.connectors if c.kind == ConnectorKind.LOOP_BACK)
    loop.label = "xem lại phí"
    future.connectors.append(Connector(future.id, by_title["Ứng dụng di động"].id,
                                       by_title["Email hướng dẫn"].id,
                                       ConnectorKind.DEPENDENCY, "cần tài khoản"))
    return project, current, future


def _compare_text(tmp_path, language: str) -> str:
    project, current, future = _pair()
    out, _ = export(project, tmp_path, f"{language}.pdf", language=language,
                    compare=(f"map:{current.name}", f"map:{future.name}"), **ONLY)
    pages = [pdf_text(out, n, n) for n in range(1, len(PdfReader(out).pages) + 1)]
    return " ".join(p for p in pages if "So sánh ·" in p or "Compare ·" in p)


def test_added_removed_and_changed_connectors_in_vietnamese(tmp_path):
    text = _compare_text(tmp_path, "vi")
    assert "Thêm 1 liên kết; xoá 1 liên kết; thay đổi 1 liên kết" in text
    added = text[text.index("Thêm mới ·"):text.index("Đã xoá ·")]
    removed = text[text.index("Đã xoá ·"):]
    assert "Ứng dụng di động → Email hướng dẫn" in added
    assert "Phụ thuộc · “cần tài khoản”" in added
    assert "Chat trực tuyến → Cửa hàng Quận 1" in removed
    assert "Rẽ nhánh · “mua tại cửa hàng” · giả định" in removed
    assert "Cửa hàng Quận 1 → Trang web sản phẩm" in text
    assert "đã đổi: nhãn" in text
    assert "3 liên kết khác" in text  # the count tile beside the cards' four


def test_the_same_in_english(tmp_path):
    text = _compare_text(tmp_path, "en")
    assert "1 connector added; 1 connector removed; 1 connector changed" in text
    assert "Dependency · “cần tài khoản”" in text
    assert "Branch · “mua tại cửa hàng” · assumed" in text
    assert "changed: label" in text
    assert "3 connectors differ" in text
