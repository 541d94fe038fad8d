"""PDF export, read back with pdftotext/pdffonts/pdfinfo and pypdf."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.domain.templates import new_project
from app.export.pdf import ExportCancelled, PdfExportError, PdfOptions, export_pdf
from app.export.pdf.options import PAGE_SIZES, page_size
from tests.export.conftest import add_card, export, pdf_text, run
from tests.export.sample import sample_project

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample") / "sample.pdf"
    assert export_pdf(sample_project(), out, PdfOptions()) == []
    return out


def test_every_stage_lane_and_card_title_is_in_the_text_vietnamese_included(sample_pdf):
    project = sample_project()
    text = pdf_text(sample_pdf)
    journey = project.maps[0]
    for item in [*journey.stages, *journey.lanes, *journey.cards]:
        assert item.title in text, item.title
    for marker in journey.markers:
        assert marker.label in text
    persona = project.personas[0]
    assert persona.name in text and "Tôi muốn biết chính xác" in text
    assert "Trung thành" in text and "Điểm đau" in text  # ư, đ, ậ… survive as text


def test_all_fonts_are_embedded_dejavu(sample_pdf):
    rows = run("pdffonts", str(sample_pdf)).splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        name, emb = row.split()[0], row.split()[-5]
        assert "DejaVuSans" in name and emb == "yes", row


def test_default_document_pages_and_metadata(sample_pdf):
    reader = PdfReader(sample_pdf)
    assert len(reader.pages) == 5  # cover, persona, map, legend, insights
    w, h = page_size("A3", "landscape")
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(w, abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(h, abs=0.5)
    meta = reader.metadata
    assert meta.title == "Hành trình mua điện thoại trả góp"
    assert meta.author == "Nguyễn Thị Hồng Nhung"
    assert "Mua điện thoại trả góp" in meta.subject
    assert meta.creator == "Journey Studio"
    text = pdf_text(sample_pdf, 2, 2)
    assert "Trang 2/5" in text  # the project is Vietnamese, and so is what the PDF adds
    assert meta["/Subject"].startswith("Bản đồ hành trình khách hàng: ")


@pytest.mark.parametrize("page", [*PAGE_SIZES])
@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_page_sizes_and_orientations(tmp_path, page, orientation):
    out, _ = export(sample_project(photo=False), tmp_path, page=page, orientation=orientation,
                    fit="page", cover=False, persona=False, legend=False, insights=False)
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    w, h = page_size(page, orientation)
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((w, h), abs=0.5)
    assert (w > h) == (orientation == "landscape")


@pytest.mark.parametrize(("flags", "pages"), [
    ({}, 5),
    ({"cover": False}, 4),
    ({"persona": False}, 4),
    ({"legend": False, "insights": False}, 3),
    ({"cover": False, "persona": False, "legend": False, "insights": False}, 1),
])
def test_which_pages(tmp_path, flags, pages):
    out, _ = export(sample_project(photo=False), tmp_path, **flags)
    assert len(PdfReader(out).pages) == pages


def test_fit_content_page_is_sized_to_the_map(tmp_path):
    out, _ = export(sample_project(photo=False), tmp_path, page="fit-content", cover=False,
                    persona=False, legend=False, insights=False)
    box = PdfReader(out).pages[0].mediabox
    # The sample map is 190 + 5 × 240 px wide at 0.75 pt/px, plus margins.
    assert 1390 * 0.75 < float(box.width) < 1390 * 0.75 + 120
    assert float(box.height) > 600


def test_actual_size_tiles_a_large_map(tmp_path):
    project = new_project("value-journey-8", "vi")
    for i in range(200):
        add_card(project, f"Thẻ số {i}", "Nội dung ngắn", stage=i % 8, lane=i % 5)
    out, warnings = export(project, tmp_path, page="A4", orientation="portrait", fit="actual",
                           cover=False, persona=False, legend=False, insights=False)
    assert warnings == []
    pages = PdfReader(out).pages
    assert len(pages) > 2
    assert "Mảnh A1" in pdf_text(out, 1, 1) and "Mảnh B1" in pdf_text(out)


def _tiled_project(n: int = 240):
    project = new_project("value-journey-8", "en")
    titles = []
    for i in range(n):
        title = f"Q{i:04d}Z"
        titles.append(title)
        add_card(project, title, "một dòng nội dung", stage=i % 8, lane=i % 6 if i % 6 != 3
                 else 2)
    return project, titles


@pytest.mark.parametrize("fit", ["width:2", "width:3", "actual"])
def test_tiled_export_shows_every_card_exactly_once(tmp_path, fit):
    project, titles = _tiled_project()
    out, _ = export(project, tmp_path, page="A4", fit=fit, cover=False, persona=False,
                    legend=False, insights=False)
    reader = PdfReader(out)
    assert len(reader.pages) > 1
    text = pdf_text(out)
    for title in titles:
        assert text.count(title) == 1, (title, text.count(title))
    if fit.startswith("width:"):
        n = int(fit.split(":")[1])
        labels = {lbl for lbl in ("A1", "B1", "C1", "D1") if f"Tile {lbl}" in text}
        assert len(labels) == n
    # Stage and lane headers repeat on every tile.
    for page_no in range(1, len(reader.pages) + 1):
        page_text = pdf_text(out, page_no, page_no)
        assert "STAGE" in page_text
        assert any(lane.title in page_text for lane in project.maps[0].lanes)


HOSTILE = ["a<b", "R&D", "<b>x</b>", '<font color="red">x</font>',
           "<img src='/nonexistent/x.png'/>"]


def test_hostile_titles_appear_literally(tmp_path):
    project = new_project("awareness-5", "en")
    for i, title in enumerate(HOSTILE):
        add_card(project, title, body=title, stage=i, lane=1)
    project.title = "R&D <b>project</b>"
    project.personas.clear()
    out, _ = export(project, tmp_path)
    text = pdf_text(out)
    for title in HOSTILE:
        assert title in text, title
    assert "R&D <b>project</b>" in text and "R&D;" not in text


def test_a_10000_character_body_does_not_break_the_page(tmp_path):
    project = new_project("awareness-5", "vi")
    body = ("Khách hàng phàn nàn rất nhiều về thời gian chờ đợi. " * 200)[:9991] + " KẾT-THÚC"
    assert len(body) == 10000
    add_card(project, "Thẻ rất dài", body, stage=2, lane=1)
    add_card(project, "Thẻ bên cạnh", "ngắn", stage=2, lane=1)
    out, _ = export(project, tmp_path, cover=False, persona=False, legend=False,
                    insights=False)
    reader = PdfReader(out)
    map_text = pdf_text(out, 1, 1)
    assert "Thẻ rất dài" in map_text and "Thẻ bên cạnh" in map_text
    assert "KẾT-THÚC" not in map_text  # shortened on the map…
    assert len(reader.pages) >= 2
    assert "KẾT-THÚC" in pdf_text(out, 2)  # …and given in full in the card notes
    assert "Ghi chú thẻ" in pdf_text(out, 2, 2)


def test_emoji_become_a_visible_placeholder_with_a_warning(tmp_path):
    project = new_project("awareness-5", "en")
    add_card(project, "Happy 😀 customer 👍🏽", "rocket 🚀 and 漢字")
    out, warnings = export(project, tmp_path, cover=False, persona=False, legend=False,
                           insights=False)
    text = pdf_text(out)
    assert "Happy \ufffd customer \ufffd" in text
    assert "rocket \ufffd and \ufffd\ufffd" in text
    assert any("replaced by \ufffd" in w for w in warnings)


def test_reproducible_mode_gives_identical_bytes(tmp_path):
    a, _ = export(sample_project(), tmp_path, "a.pdf", reproducible=True)
    b, _ = export(sample_project(), tmp_path, "b.pdf", reproducible=True)
    assert a.read_bytes() == b.read_bytes()


def test_all_maps_get_one_bookmark_each(tmp_path):
    project = sample_project(photo=False)
    from app.domain.templates import build_map

    second = build_map("inbound-4", "vi", "Bản đồ tương lai")
    project.maps.append(second)
    out, _ = export(project, tmp_path, all_maps=True)
    reader = PdfReader(out)
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert project.maps[0].name in top and "Bản đồ tương lai" in top
    text = pdf_text(out)
    assert "Thu hút" in text and "Nhận thức" in text


def test_map_by_name_and_unknown_name(tmp_path):
    project = sample_project(photo=False)
    out, _ = export(project, tmp_path, map_names=["MUA ĐIỆN THOẠI TRẢ GÓP – HIỆN TẠI"])
    assert out.exists()
    with pytest.raises(PdfExportError, match="no map named 'Nope'; the project has: 'Mua"):
        export(project, tmp_path, "x.pdf", map_names=["Nope"])
    assert not (tmp_path / "x.pdf").exists()


def test_text_below_legible_size_is_warned_about(tmp_path):
    project, _ = _tiled_project(600)
    _, warnings = export(project, tmp_path, page="A4", fit="page", cover=False,
                         persona=False, legend=False, insights=False)
    assert any("below the legible 7 pt" in w for w in warnings)
    _, warnings = export(project, tmp_path, "b.pdf", page="A4", fit="width:3",
                         cover=False, persona=False, legend=False, insights=False)
    assert not any("below the legible" in w for w in warnings)


def test_cancel_leaves_nothing_behind(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    calls = []

    def progress(done, total):
        calls.append((done, total))
        return len(calls) < 3

    with pytest.raises(ExportCancelled):
        export_pdf(sample_project(), target, PdfOptions(progress=progress))
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["out.pdf"]


def test_progress_reaches_total(tmp_path):
    seen = []
    export_pdf(sample_project(), tmp_path / "p.pdf", PdfOptions(progress=lambda d, t:
                                                                 seen.append((d, t))))
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1]


def test_bad_options_are_one_line_errors(tmp_path):
    for bad, match in ((dict(page="B5"), "unknown page size 'B5'; choose one of: A4"),
                       (dict(fit="width:0"), "out of range"),
                       (dict(fit="zoom"), "unknown scaling"),
                       (dict(orientation="sideways"), "landscape or portrait")):
        with pytest.raises(PdfExportError, match=match) as info:
            export(sample_project(photo=False), tmp_path, **bad)
        assert "\n" not in str(info.value)
    with pytest.raises(PdfExportError, match="folder"):
        export_pdf(sample_project(photo=False), tmp_path / "no" / "x.pdf")


def test_import_is_light_and_export_never_loads_qt(tmp_path):
    code = (
        "import sys; import app.export.pdf, app.export.pdf.cli_options;"
        "assert 'reportlab' not in sys.modules, 'reportlab imported eagerly';"
        "from tests.export.sample import sample_project;"
        f"app.export.pdf.export_pdf(sample_project(photo=False), {str(tmp_path / 'q.pdf')!r});"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_pages_render_with_pdftoppm(sample_pdf, tmp_path):
    run("pdftoppm", "-png", "-r", "30", str(sample_pdf), str(tmp_path / "page"))
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == 5 and all(p.stat().st_size > 2000 for p in pngs)


def test_a_card_spanning_every_stage_is_printed_once_when_tiled(tmp_path):
    project, titles = _tiled_project(80)
    wide = add_card(project, "W1DEZ spans the map", "note", stage=0, lane=5)
    wide.span = 8
    out, _ = export(project, tmp_path, page="A4", fit="width:3", cover=False, persona=False,
                    legend=False, insights=False)
    text = pdf_text(out)
    for title in [*titles, "W1DEZ spans the map"]:
        assert text.count(title) == 1, title
