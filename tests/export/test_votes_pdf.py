"""Dot voting printed: the insights page's "top voted" band of the newest round, read back
from the PDF in Vietnamese and English, beside "where customers step back", overlapping
nothing."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from app.domain.model import LaneKind, Vote, VotingRound
from tests.export.conftest import export, pdf_text
from tests.export.pdf_layout import problems, read_pages
from tests.export.sample import sample_project, with_links

ONLY = dict(cover=False, persona=False, legend=False)


def _voted(project):
    """The sample after a closed round: 5 dots on its first opportunity, 3 on the second
    one, 2 on its first pain."""
    journey = project.maps[0]
    round_ = VotingRound(journey.id, "Ưu tiên quý 1", closed=True)
    journey.rounds.append(round_)
    kinds = {lane.id: lane.kind for lane in journey.lanes}
    opportunities = [c for c in journey.cards if kinds[c.lane_id] == LaneKind.OPPORTUNITIES]
    pain = next(c for c in journey.cards if kinds[c.lane_id] == LaneKind.PAINS)
    for card, dots in ((opportunities[0], 5), (opportunities[1], 3), (pain, 2)):
        journey.votes += [Vote(round_.id, card.id) for _ in range(dots)]
    return project, opportunities[0], opportunities[1], pain


def _last_page(out):
    n = len(PdfReader(out).pages)
    return pdf_text(out, n, n)


@pytest.mark.parametrize("language, heading, total, state", [
    ("vi", "Được bình chọn nhiều nhất · Ưu tiên quý 1", "tổng cộng 10 chấm", "đã đóng"),
    ("en", "Top voted · Ưu tiên quý 1", "10 dots in all", "closed")])
def test_the_insights_page_lists_the_top_voted_cards(tmp_path, language, heading, total,
                                                     state):
    project, first, second, pain = _voted(sample_project())
    out, _ = export(project, tmp_path, f"{language}.pdf", language=language, **ONLY)
    text = _last_page(out)
    assert heading in text
    assert f"{total} · {state}" in text
    # Most dots first: the count stands before each title.
    assert f"5 {first.title}" in text and f"3 {second.title}" in text
    assert text.index(first.title) < text.index(second.title)
    assert f"2 {pain.title}" in text


def test_no_votes_no_band(tmp_path):
    out, _ = export(sample_project(), tmp_path, "en.pdf", language="en", **ONLY)
    assert "Top voted" not in _last_page(out)


@pytest.mark.parametrize("page, orientation", [("A4", "landscape"), ("A4", "portrait"),
                                               ("Letter", "portrait"), ("A3", "landscape")])
def test_votes_beside_step_backs_overlap_nothing(tmp_path, page, orientation):
    project, first, *_ = _voted(with_links(sample_project()))
    out, _ = export(project, tmp_path, page=page, orientation=orientation, language="vi",
                    **ONLY)
    pages = read_pages(out)
    found = problems(pages[-1:])
    assert not found, "\n".join(found[:10])
    text = _last_page(out)
    assert "Khách hàng quay lại ở đâu" in text or "quay lại" in text
    assert first.title in text


def test_the_map_page_prints_each_voted_cards_dots(tmp_path):
    project, first, second, pain = _voted(sample_project())
    out, _ = export(project, tmp_path, "vi.pdf", language="vi", **ONLY)
    text = pdf_text(out, 1, 1)
    for dots in (5, 3, 2):
        assert f"● {dots}" in text
    assert text.count("●") == 3  # only the voted cards
    plain, _ = export(sample_project(), tmp_path, "plain.pdf", language="vi", **ONLY)
    assert "●" not in pdf_text(plain, 1, 1)


@pytest.mark.parametrize("language, words, page, orientation", [
    ("vi", "chấm của lượt bình chọn mới nhất", "A4", "landscape"),
    ("en", "dots in the latest vote", "A4", "landscape"),
    ("vi", "chấm của lượt bình chọn mới nhất", "A4", "portrait"),
    ("en", "dots in the latest vote", "Letter", "portrait")])
def test_the_legend_explains_the_dots_pill_when_cards_show_one(tmp_path, language, words,
                                                                page, orientation):
    keep = dict(cover=False, persona=False, insights=False, legend=True)
    project, *_ = _voted(sample_project())
    out, _ = export(project, tmp_path, f"{language}.pdf", language=language, page=page,
                    orientation=orientation, **keep)
    text = _last_page(out)  # the legend follows the map pages
    assert words in text and "● 3" in text
    found = problems(read_pages(out)[-1:])
    assert not found, "\n".join(found[:10])
    plain, _ = export(sample_project(), tmp_path, "plain.pdf", language=language, **keep)
    assert words not in _last_page(plain) and "●" not in _last_page(plain)


@pytest.mark.parametrize("page, orientation", [("A4", "landscape"), ("A4", "portrait"),
                                               ("Letter", "landscape"), ("A3", "portrait")])
def test_the_dots_pill_and_the_connectors_fit_in_the_legend_together(tmp_path, page,
                                                                      orientation):
    project, *_ = _voted(with_links(sample_project()))
    out, _ = export(project, tmp_path, page=page, orientation=orientation, language="vi",
                    cover=False, persona=False, insights=False, legend=True)
    found = problems(read_pages(out)[-1:])
    assert not found, "\n".join(found[:10])
    text = _last_page(out)
    assert "chấm của lượt bình chọn mới nhất" in text and "Quay lại" in text
