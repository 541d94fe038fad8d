"""The PDF's layout checked from the PDF itself: every word read back (pdfplumber) from
every page, no word running into another, none past the page's edge, and the default
export printing nothing below 7 pt.

What is exported (each once per module, shared by the tests that read it):
- the bundled sample (Vietnamese, every page kind) on every page size (A4, A3, A2, A1,
  A0, Letter, Legal, Tabloid, fit-content) × both orientations × every fit mode (the
  default, `page`, `width:2`, `actual`; fit-content has no fit mode);
- the sample in English on A4 and Letter, both orientations, by default and on one page;
- both maps of the sample with a compare page (all maps, Vietnamese; one English) on A4
  and Letter in both orientations and A3 portrait, by default;
- the sample with the legend strip asked for on A4, Letter and A3, both orientations;
- a large generated map (150 cards of 300 characters, long titles, long stage names and
  descriptions, long emotion labels, Vietnamese) on a representative subset: A4, A3 and
  Letter in both orientations and A0 landscape by default, and A3 landscape with `page`,
  `width:2` and `actual` (each big export takes seconds to read back; the module takes
  about two minutes, 100 s of CPU).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from app.domain import style
from app.domain.model import Card, LaneKind, Project
from app.export.pdf import PdfOptions, export_pdf
from app.export.pdf.fonts import BOLD, TextCleaner
from app.export.pdf.options import PAGE_CHOICES
from app.samples import build_sample
from tests.export.pdf_layout import Box, PageReport, overlaps, problems, read_pages

pytest.importorskip("pdfplumber")

BODY = ("Khách hàng gọi tổng đài nhiều lần nhưng không ai nghe máy, phải chờ rất lâu rồi "
        "quyết định chuyển sang dịch vụ của một đối thủ cạnh tranh khác trong khu vực. ")


def large_project() -> Project:
    """The sample grown to 150 cards of 300 characters, with long names everywhere."""
    project = build_sample()
    journey = project.maps[0]
    journey.name = ("Hành trình mua sắm trực tuyến của khách hàng thân thiết trên toàn quốc "
                    "– bản đầy đủ cho hội thảo")
    for stage in journey.stages:
        stage.title += " và chăm sóc khách hàng sau bán hàng"
        stage.description = "Mô tả giai đoạn rất dài để kiểm tra xuống dòng: " + (
            stage.description or "")
    for marker in journey.markers:
        marker.label = (marker.label or "Cảm xúc") + " vì phải chờ đợi quá lâu"
    lanes = [lane for lane in journey.lanes
             if lane.kind not in (LaneKind.EMOTIONS, LaneKind.METRICS)]
    n = 0
    while len(journey.cards) < 150:
        stage = journey.stages[n % len(journey.stages)]
        lane = lanes[(n // len(journey.stages)) % len(lanes)]
        journey.cards.append(Card(
            map_id=journey.id, stage_id=stage.id, lane_id=lane.id,
            title=f"Thẻ {n}: tiêu đề khá dài về trải nghiệm của khách hàng",
            body=(BODY * 3)[:300], order=len(journey.cell_cards(stage.id, lane.id))))
        n += 1
    return project


FITS = ("default", "page", "width:2", "actual")
SAMPLE_CASES = [(page, orientation, fit) for page in PAGE_CHOICES
                for orientation in ("landscape", "portrait")
                for fit in (FITS if page != "fit-content" else ("default",))]
ENGLISH_CASES = [(page, orientation, fit) for page in ("A4", "Letter")
                 for orientation in ("landscape", "portrait") for fit in ("default", "page")]
COMPARE_CASES = [("compare", page, orientation, "default") for page in ("A4", "Letter")
                 for orientation in ("landscape", "portrait")] + [
                     ("compare-en", "A3", "portrait", "default")]
# The legend strip asked for on small pages, where it is off by default (it is on by
# default for `page` and for A2–A0 and fit-content, so SAMPLE_CASES cover it there).
STRIP_CASES = [(page, orientation, "default") for page in ("A4", "Letter", "A3")
               for orientation in ("landscape", "portrait")]
LARGE_CASES = ([(page, orientation, "default") for page in ("A4", "A3", "Letter")
                for orientation in ("landscape", "portrait")]
               + [("A0", "landscape", "default")]
               + [("A3", "landscape", fit) for fit in ("page", "width:2", "actual")])


class _Exports:
    """Each export made once and read back once, whichever tests ask for it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.done: dict[tuple[str, str, str, str], tuple[list[PageReport], list[str]]] = {}

    def get(self, which: str, page: str, orientation: str, fit: str
            ) -> tuple[list[PageReport], list[str]]:
        key = (which, page, orientation, fit)
        if key not in self.done:
            project = large_project() if which == "large" else build_sample()
            options = PdfOptions(page=page, orientation=orientation,
                                 language="en" if which in ("english", "compare-en") else None)
            if which.startswith("compare"):
                current, future = (m.name for m in project.maps)
                options.all_maps = True
                options.compare = (f"map:{current}", f"map:{future}")
            if fit != "default":
                options.fit = fit
            if which == "strip":
                options.legend_strip = "on"
            out = self.folder / ("-".join(key).replace(":", "") + ".pdf")
            warnings = export_pdf(project, out, options)
            self.done[key] = (read_pages(out), warnings)
        return self.done[key]


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> _Exports:
    return _Exports(tmp_path_factory.mktemp("layout"))


def _ids(case: tuple[str, str, str]) -> str:
    return "-".join(case)


@pytest.mark.parametrize("case", SAMPLE_CASES, ids=_ids)
def test_sample_nothing_overlaps_or_leaves_the_page(exports, case):
    pages, _ = exports.get("sample", *case)
    found = problems(pages)
    assert not found, "\n".join(found[:20])


@pytest.mark.parametrize("case", ENGLISH_CASES, ids=_ids)
def test_english_sample_nothing_overlaps_or_leaves_the_page(exports, case):
    pages, _ = exports.get("english", *case)
    found = problems(pages)
    assert not found, "\n".join(found[:20])


@pytest.mark.parametrize("case", COMPARE_CASES, ids=_ids)
def test_all_maps_with_a_compare_page_nothing_overlaps_and_nothing_below_7_pt(exports, case):
    pages, _ = exports.get(*case)
    found = problems(pages) + _too_small(pages)
    assert not found, "\n".join(found[:20])


@pytest.mark.parametrize("case", STRIP_CASES, ids=_ids)
def test_title_block_and_legend_strip_overlap_nothing_and_print_at_7_pt(exports, case):
    pages, _ = exports.get("strip", *case)
    found = problems(pages) + _too_small(pages)
    assert not found, "\n".join(found[:20])
    name = build_sample().maps[0].name.split()[0]
    maps = [p for p in pages if any(b.text == "+2" and b.top > p.height * 0.8
                                    for b in p.boxes)]  # the strip's faces
    assert maps and all(any(b.text == name and b.top < p.height * 0.2 for b in p.boxes)
                        for p in maps)  # each with its title block


@pytest.mark.parametrize("case", LARGE_CASES, ids=_ids)
def test_large_map_nothing_overlaps_or_leaves_the_page(exports, case):
    pages, _ = exports.get("large", *case)
    found = problems(pages)
    assert not found, "\n".join(found[:20])


def _too_small(pages: list[PageReport]) -> list[str]:
    return [f"page {p.number}: {p.smallest:.2f} pt ({min(p.boxes, key=lambda b: b.size)})"
            for p in pages if p.smallest is not None
            and p.smallest < style.MIN_PRINT_POINTS - 0.01]


@pytest.mark.parametrize("case", [c for c in SAMPLE_CASES if c[2] == "default"], ids=_ids)
def test_default_export_of_the_sample_prints_nothing_below_7_pt(exports, case):
    pages, warnings = exports.get("sample", *case)
    assert not _too_small(pages), "\n".join(_too_small(pages))
    assert not [w for w in warnings if w.kind == "small_text"]


@pytest.mark.parametrize("case", [c for c in LARGE_CASES if c[2] == "default"], ids=_ids)
def test_default_export_of_a_large_map_prints_nothing_below_7_pt(exports, case):
    pages, warnings = exports.get("large", *case)
    assert not _too_small(pages), "\n".join(_too_small(pages))
    assert not [w for w in warnings if w.kind == "small_text"]


def test_one_page_export_warns_with_the_size_really_printed(exports):
    pages, warnings = exports.get("sample", "A4", "landscape", "page")
    small = [w for w in warnings if w.kind == "small_text"]
    assert small
    printed = min(p.smallest for p in pages if p.smallest is not None)
    assert small[0].values["size"] == pytest.approx(printed, abs=0.05)


# -- the check itself ---------------------------------------------------------------------
def test_the_check_finds_two_headings_drawn_into_each_other(tmp_path):
    TextCleaner()  # registers DejaVu
    out = tmp_path / "clash.pdf"
    c = Canvas(str(out), pagesize=(400, 300))
    c.setFont(BOLD, 14)
    c.drawString(20, 250, "Khoảnh khắc quyết định")
    c.drawString(120, 246, "Cơ hội hàng đầu")  # runs into the first
    c.drawString(20, 200, "Chú giải")
    c.drawString(20, 180, "Phân tích")  # the next line: touches nothing
    c.drawString(360, 100, "Tràn lề")  # past the right edge
    c.save()
    pages = read_pages(out)
    pairs = overlaps(pages[0])
    assert pairs
    second = {"Cơ", "hội", "hàng", "đầu"}
    assert all((a.text in second) != (b.text in second) for a, b in pairs)
    assert any("Tràn" in line or "lề" in line for line in problems(pages))


def test_layout_check_fails_on_a_deliberately_overlapping_heading(tmp_path, monkeypatch):
    """A section heading drawn 12 pt too low (over the text under it) is caught."""
    from app.export.pdf import page as page_module

    real = page_module.Writer.heading

    def low(self, x, top, label, *args, **kwargs):
        return real(self, x, top - 12, label, *args, **kwargs) - 12

    monkeypatch.setattr(page_module.Writer, "heading", low)
    out = tmp_path / "low.pdf"
    export_pdf(build_sample(), out, PdfOptions(page="A3"))
    found = problems(read_pages(out))
    assert any(line.startswith("overlap:") for line in found)


def test_box_text_is_readable():
    box = Box(2, "Chú", 1, 2, 30, 12, 9.5)
    assert str(box).startswith("p2 'Chú' 9.5pt")
