"""The insights page with connectors, read back from the PDF: where customers step back
(each loop-back, its stages, cards, label and pains) and a funnel whose branches are
alternative paths, not drop-offs, in Vietnamese and English."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from app.domain.model import Card, Connector, ConnectorKind, LaneKind
from tests.export.conftest import export, pdf_text
from tests.export.pdf_layout import problems, read_pages
from tests.export.sample import sample_project, with_links

ONLY = dict(cover=False, persona=False, legend=False)


def _insights_text(project, tmp_path, language: str, **options) -> str:
    out, _ = export(project, tmp_path, f"{language}.pdf", language=language, **ONLY,
                    **options)
    return pdf_text(out, len(PdfReader(out).pages), len(PdfReader(out).pages))


def test_where_customers_step_back_in_vietnamese(tmp_path):
    text = _insights_text(with_links(sample_project()), tmp_path, "vi")
    assert "Nơi khách hàng quay lại" in text
    assert "Mua hàng → Cân nhắc" in text
    assert "Cửa hàng Quận 1 → Trang web sản phẩm · “so sánh lại giá”" in text
    # The pains of the two stages the loop spans, worst first.
    assert "Điểm đau ở đó Phí ẩn, Chờ duyệt 45 phút, Thiếu giấy tờ" in text


def test_where_customers_step_back_in_english_and_not_without_loops(tmp_path):
    assert "Where customers step back" in _insights_text(with_links(sample_project()),
                                                         tmp_path, "en")
    assert "step back" not in _insights_text(sample_project(), tmp_path, "en")


def _store_branch(project):
    """A branch from the chat (Cân nhắc) to a counted in-store purchase (Mua hàng)."""
    journey = project.maps[0]
    metrics = next(ln for ln in journey.lanes if ln.kind == LaneKind.METRICS)
    store = Card(map_id=journey.id, stage_id=journey.stages[2].id, lane_id=metrics.id,
                 title="Mua tại cửa hàng", value=310, order=1)
    journey.cards.append(store)
    chat = next(c for c in journey.cards if c.title == "Chat trực tuyến")
    journey.connectors = [c for c in journey.connectors if c.kind != ConnectorKind.BRANCH]
    journey.connectors.append(Connector(journey.id, chat.id, store.id, ConnectorKind.BRANCH))
    return project


@pytest.mark.parametrize("language, branch_note, drop", [
    ("vi", "↳ Mua tại cửa hàng lối đi khác", "rời bỏ 50%"),
    ("en", "↳ Mua tại cửa hàng another path", "drop-off 50%")])
def test_a_branch_to_a_counted_metric_is_another_path_and_no_drop(tmp_path, language,
                                                                   branch_note, drop):
    text = _insights_text(_store_branch(with_links(sample_project())), tmp_path, language)
    # Into Mua hàng: 3,100 → 1,240 online + 310 in store: 1 − 1,550 / 3,100 = 50 %.
    assert branch_note in text
    assert drop in text


def test_a_branch_to_an_uncounted_card_is_not_a_drop(tmp_path):
    # The sample's branch ends at a touchpoint: how many took it is not known.
    text = _insights_text(with_links(sample_project()), tmp_path, "vi")
    assert "rẽ nhánh, không rời bỏ" in text
    plain = _insights_text(sample_project(), tmp_path, "vi")
    assert "rẽ nhánh" not in plain and "rời bỏ 60%" in plain


@pytest.mark.parametrize("page, orientation", [("A4", "landscape"), ("A4", "portrait"),
                                               ("A3", "portrait")])
def test_the_insights_page_with_step_backs_overlaps_nothing(tmp_path, page, orientation):
    project = _store_branch(with_links(sample_project()))
    journey = project.maps[0]
    cards = {c.title: c for c in journey.cards}
    for source, target in (("Hotline 1800", "Chat trực tuyến"), ("Email hướng dẫn", "Hotline 1800"),
                           ("Giới thiệu bạn bè", "Quảng cáo Facebook"),
                           ("Sự kiện ra mắt", "Email hướng dẫn")):
        journey.connectors.append(Connector(journey.id, cards[source].id, cards[target].id,
                                            ConnectorKind.LOOP_BACK, "quay lại " * 6))
    out, _ = export(project, tmp_path, page=page, orientation=orientation, **ONLY)
    pages = read_pages(out)
    found = problems(pages[-1:])
    assert not found, "\n".join(found[:10])
    assert "lần quay lại nữa" in pdf_text(out, len(pages), len(pages))
