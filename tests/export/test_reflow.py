"""Reflow for print: wider stages when a tall map is fitted to a wide page."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from app.domain.layout import TextWrapper, compute_layout
from app.domain.templates import new_project
from app.export.pdf import reflow
from app.export.pdf.fonts import TextCleaner, text_width
from app.export.pdf.options import page_size
from app.export.pdf.page import content_area
from app.export.pdf.tiling import plan_tiles
from app.samples import build_sample
from tests.export.conftest import add_card, export, pdf_text

MAP_ONLY = dict(cover=False, persona=False, legend=False, insights=False)


@pytest.fixture(scope="module")
def wrapper() -> TextWrapper:
    TextCleaner()  # registers the fonts text_width measures with
    return TextWrapper(text_width)


def _area(page: str, orientation: str):
    return content_area(*page_size(page, orientation))


def _smallest(warnings: list[str]) -> float | None:
    found = [float(m.group(1)) for w in warnings
             if (m := re.search(r"prints at ([\d.]+) pt", w))]
    return found[0] if found else None


def test_the_sample_on_a3_landscape_prints_larger(wrapper):
    journey = build_sample().maps[0]
    widths = [s.width for s in journey.stages]
    layout = compute_layout(journey, wrapper)
    area = _area("A3", "landscape")
    before = plan_tiles(journey, layout, area.w, area.h, "page", 1).scale
    fitted = reflow.fit_page(journey, layout, wrapper, area.w, area.h)
    assert 1.0 < fitted.factor <= reflow.widen_limit(journey) <= reflow.MAX_WIDEN
    assert fitted.plan.scale > before * 1.1
    # Relative widths kept; the map itself untouched.
    assert [s.width for s in fitted.journey.stages] == pytest.approx(
        [w * fitted.factor for w in widths], abs=0.01)
    assert [s.width for s in journey.stages] == widths
    # The page is used in both directions: neither fit leaves much room.
    used_w = fitted.layout.width * fitted.plan.scale / area.w
    used_h = fitted.layout.height * fitted.plan.scale / area.h
    assert max(used_w, used_h) == pytest.approx(1.0, abs=0.01)
    assert min(used_w, used_h) > 0.9


def test_a_portrait_page_narrows_the_stages_and_fills_the_page(wrapper):
    journey = build_sample().maps[0]
    layout = compute_layout(journey, wrapper)
    area = _area("A3", "portrait")  # the map is limited by the page's width
    before = plan_tiles(journey, layout, area.w, area.h, "page", 1).scale
    fitted = reflow.fit_page(journey, layout, wrapper, area.w, area.h)
    assert reflow.narrow_limit(journey) <= fitted.factor < 1.0
    assert fitted.plan.scale > before * 1.05
    assert min(s.width for s in fitted.journey.stages) >= reflow.MIN_STAGE_PX - 0.01
    used_h = fitted.layout.height * fitted.plan.scale / area.h
    assert used_h > 0.9  # filled, not two-thirds empty


def test_a_wide_map_keeps_its_widths(wrapper):
    journey = build_sample().maps[0]
    for stage in journey.stages:
        stage.width = 700.0
    assert reflow.widen_limit(journey) == 1.0


def test_cards_that_never_wrap_gain_nothing_from_wider_stages(wrapper):
    project = new_project("awareness-5", "en")
    for i in range(40):
        add_card(project, f"C{i}", stage=i % 5, lane=i % 3)
    journey = project.maps[0]
    layout = compute_layout(journey, wrapper)
    area = _area("A4", "landscape")
    # Never widened; limited by its width it may narrow (nothing wraps any more for it).
    assert reflow.fit_page(journey, layout, wrapper, area.w, area.h).factor <= 1.0


def test_an_overview_map_spends_no_extra_layout(wrapper, monkeypatch):
    project = new_project("value-journey-8", "vi")
    for i in range(3000):
        add_card(project, f"Khách hàng tìm hiểu sản phẩm số {i}", "Một dòng nội dung",
                 stage=i % 8, lane=i % 5)
    journey = project.maps[0]
    layout = compute_layout(journey, wrapper)
    calls = []
    monkeypatch.setattr(reflow, "compute_layout",
                        lambda *a: calls.append(1) or compute_layout(*a))
    area = _area("A3", "landscape")
    assert reflow.fit_page(journey, layout, wrapper, area.w, area.h).factor == 1.0
    assert calls == []


def test_width_n_widens_only_to_save_pages(wrapper):
    journey = build_sample().maps[0]
    layout = compute_layout(journey, wrapper)
    area = _area("A3", "landscape")
    base = plan_tiles(journey, layout, area.w, area.h, "width", 3)
    fitted = reflow.fit_width(journey, layout, wrapper, area.w, area.h, 3)
    assert fitted.factor > 1.0
    assert len(fitted.plan.tiles) < len(base.tiles)
    assert fitted.plan.scale >= reflow.KEEP_TEXT * base.scale
    assert fitted.smallest_points >= 7.0
    # Already illegible at its own widths: never widened (it would only shrink further).
    small = _area("A4", "portrait")
    assert reflow.fit_width(journey, layout, wrapper, small.w, small.h, 1).factor == 1.0


def test_the_exported_sample_warns_less_and_shows_every_card(tmp_path):
    project = build_sample()
    out, warnings = export(project, tmp_path, page="A3", orientation="landscape", fit="page",
                           **MAP_ONLY)
    # 5.7 pt on the whole sheet; the title block and legend strip take 70 pt of it.
    assert _smallest(warnings) is not None and _smallest(warnings) >= 5.2
    text = pdf_text(out)
    for card in project.maps[0].cards:
        assert " ".join(card.title.split()[:3]) in text, card.title
    # A2 landscape reaches the legible size: no warning at all.
    _, warnings = export(project, tmp_path, "a2.pdf", page="A2", fit="page", **MAP_ONLY)
    assert _smallest(warnings) is None


def test_tiles_after_reflow_print_every_card_once(tmp_path):
    project = build_sample()
    out, _ = export(project, tmp_path, page="A3", fit="width:3", **MAP_ONLY)
    assert len(PdfReader(out).pages) == 6  # 9 at the canvas' widths
    text = pdf_text(out)
    for card in project.maps[0].cards:
        assert " ".join(card.title.split()[:3]) in text, card.title
        assert text.count(card.title) <= 1  # ghosts on neighbouring tiles print no text
