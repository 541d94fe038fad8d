"""The map page's furniture read back from the PDF: title block, legend strip, lane icons,
and header and footer growing on posters."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from app.domain.model import LaneKind
from app.export.pdf import PdfOptions, export_pdf
from app.samples import build_sample
from tests.export.pdf_layout import PageReport, read_pages

pytest.importorskip("pdfplumber")

MAP_ONLY = {"cover": False, "persona": False, "legend": False, "insights": False}


def _export(tmp_path: Path, name: str, **options) -> tuple[Path, list[PageReport]]:
    out = tmp_path / name
    export_pdf(build_sample(), out, PdfOptions(**{**MAP_ONLY, **options}))
    return out, read_pages(out)


def _lines(page: PageReport, words: str) -> list[list]:
    """Every run of boxes spelling `words` one after the other on one baseline."""
    wanted = words.split()
    boxes = page.boxes
    runs = []
    for i in range(len(boxes) - len(wanted) + 1):
        run = boxes[i:i + len(wanted)]
        if [b.text for b in run] == wanted and len({round(b.bottom) for b in run}) == 1:
            runs.append(run)
    return runs


def _line(page: PageReport, words: str) -> list:
    """The first run of `words` (see _lines), or []."""
    runs = _lines(page, words)
    return runs[0] if runs else []


def test_the_title_block_names_map_state_persona_and_date_above_the_map(tmp_path):
    journey = build_sample().maps[0]
    _, pages = _export(tmp_path, "a3.pdf", page="A3", fit="page")
    page = pages[0]
    name = _line(page, journey.name)
    assert name and name[0].size == pytest.approx(15, abs=0.2)
    for words in ("Trạng thái hiện tại", "Nguyễn Thu Hà", "05/10/2026"):
        # In the band with the map name (the persona is also named in the map's corner).
        assert any(abs(run[0].bottom - name[0].bottom) < 6 for run in _lines(page, words)), words
    # The band sits above every stage title of the map.
    stage = _line(page, "GIAI ĐOẠN 01")
    assert stage and stage[0].top > name[0].bottom


def test_furniture_grows_on_a0_so_a_wall_print_reads_from_a_metre(tmp_path):
    journey = build_sample().maps[0]
    _, small = _export(tmp_path, "a3.pdf", page="A3")
    _, big = _export(tmp_path, "a0.pdf", page="A0")
    footer = {p: max((b for b in pages[0].boxes if b.text == "Trang"), key=lambda b: b.top)
              for p, pages in (("A3", small), ("A0", big))}  # "Trang 1/1", the lowest word
    assert footer["A3"].size == pytest.approx(8, abs=0.1)
    assert footer["A0"].size == pytest.approx(8 * 2384 / 842, abs=0.2)
    assert _line(big[0], journey.name)[0].size == pytest.approx(15 * 2384 / 842, abs=0.3)


def _strip_words(page: PageReport) -> set[str]:
    """Words in the band just above the footer (the last 70 pt of the page's content)."""
    return {b.text for b in page.boxes if page.height - 100 < b.top < page.height - 40}


def test_the_legend_strip_is_on_for_one_sheet_and_off_for_tiles_unless_asked(tmp_path):
    _, sheet = _export(tmp_path, "page.pdf", page="A3", fit="page")
    words = _strip_words(sheet[0])
    assert {"Điểm", "chạm", "Cảm", "xúc", "+2", "−2", "Ghi", "chú"} <= words
    _, tiled = _export(tmp_path, "auto.pdf", page="A3")
    assert "chạm" not in _strip_words(tiled[0])
    _, asked = _export(tmp_path, "on.pdf", page="A3", legend_strip="on")
    assert {"chạm", "+2"} <= _strip_words(asked[0])
    _, off = _export(tmp_path, "off.pdf", page="A1", legend_strip="off")
    assert "+2" not in _strip_words(off[0])
    _, poster = _export(tmp_path, "a1.pdf", page="A1")
    assert "+2" in {b.text for b in poster[0].boxes if b.top > poster[0].height * 0.85}


def test_a_bad_legend_strip_value_is_refused():
    from app.export.pdf import PdfExportError

    with pytest.raises(PdfExportError, match="legend strip"):
        PdfOptions(legend_strip="sometimes").validate()


def test_every_lane_header_draws_its_kind_icon(tmp_path):
    out, _ = _export(tmp_path, "icons.pdf", page="A1")
    content = PdfReader(out).pages[0].get_contents().get_data()
    for lane in build_sample().maps[0].lanes:
        assert f"/FormXob.icon-{lane.kind.value}-".encode() in content, lane.kind
    assert LaneKind.PAINS.value.encode() in content


def test_the_all_maps_cover_shows_each_maps_state_and_figures(tmp_path):
    from tests.export.conftest import pdf_text

    project = build_sample()
    current, future = project.maps
    future.cards = future.cards[:40]
    out = tmp_path / "all.pdf"
    export_pdf(project, out, PdfOptions(all_maps=True, page="A4", orientation="portrait"))
    cover = pdf_text(out, 1, 1)
    assert "Trạng thái hiện tại" in cover and "Trạng thái tương lai" in cover
    assert f" {len(current.cards)} " in cover and " 40 " in cover
    for name in (current.name, future.name):  # wrapped whole, never cut
        assert all(word in cover for word in name.split())


def test_evidence_and_tags_sit_as_labelled_pills_on_the_cards_bottom_edge(tmp_path):
    from app.domain.model import Evidence

    project = build_sample()
    journey = project.maps[0]
    for card in journey.cards:
        card.evidence, card.tags = None, []
    card = next(c for c in journey.cards if c.title.startswith("Lướt Facebook"))
    card.evidence, card.tags = Evidence.ASSUMED, ["Meta"]
    out = tmp_path / "tags.pdf"
    export_pdf(project, out, PdfOptions(**{**MAP_ONLY, "page": "A1"}))
    page = read_pages(out)[0]
    title = _line(page, "Lướt Facebook")
    words = [b for b in page.boxes if b.text == "Giả"]
    tag = [b for b in words if b.top < page.height * 0.9]
    assert len(tag) == 1 and _line(page, "Giả định")  # one card, the word in the map's language
    assert tag[0].x0 > title[0].x0 and tag[0].top > title[0].bottom
    hashes = [b for b in page.boxes if b.text == "#Meta"]
    assert len(hashes) == 1 and hashes[0].x1 < tag[0].x0 and abs(hashes[0].top - tag[0].top) < 1
    # Explained by the strip under the map (A1: on by default), at the strip's size.
    strip = [b for b in words if b.top > page.height * 0.9]
    assert len(strip) == 1 and strip[0].size == pytest.approx(8 * 1684 / 842, abs=0.1)


def test_a_client_logo_and_accent_colour_in_the_title_block(tmp_path):
    """Project.logo and Project.accent: the logo drawn at the title block's
    right, the accent on its bar and on the header rules; a broken logo is left out."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (120, 40), "#C2185B").save(buffer, "PNG")
    project = build_sample()
    project.logo, project.accent = buffer.getvalue(), "#123456"
    out = tmp_path / "logo.pdf"
    export_pdf(project, out, PdfOptions(**{**MAP_ONLY, "fit": "page"}))
    import re

    def images(path: Path) -> int:  # ReportLab wraps each image in a hashed form
        content = PdfReader(path).pages[0].get_contents().get_data()
        return len(re.findall(rb"/FormXob\.[0-9a-f]{32} Do", content))

    content = PdfReader(out).pages[0].get_contents().get_data()
    assert b".070588 .203922 .337255 RG" in content  # the accent on the rules
    project.logo = b"not an image"
    broken = tmp_path / "broken.pdf"
    export_pdf(project, broken, PdfOptions(**{**MAP_ONLY, "fit": "page"}))
    assert images(out) == images(broken) + 1  # the logo, and nothing in its place
