"""The experience-wheel PDF page, read back: text, faces, pains, fonts, bounds, options."""

from __future__ import annotations

import re
from collections import Counter

import pdfplumber
import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.domain import style
from app.domain.wheel import FACE_SIZE
from app.export.pdf import PdfOptions, export_pdf
from app.export.pdf.fonts import BOLD, REGULAR
from app.export.pdf.options import PAGE_SIZES, PdfExportError
from app.samples import build_sample
from tests.export.conftest import run

SAMPLE_TITLES = ["Nhận thức", "Cân nhắc", "Mua hàng", "Duy trì", "Trung thành"]


def _hex(colour) -> str:
    if not colour or len(colour) != 3:
        return ""
    return "#" + "".join(f"{round(v * 255):02X}" for v in colour)


@pytest.fixture(scope="module")
def sample():
    return build_sample()


@pytest.fixture(scope="module", params=["portrait", "landscape"])
def wheel_pdf(request, sample, tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel") / f"wheel-{request.param}.pdf"
    export_pdf(sample, out, PdfOptions(page="A4", orientation=request.param, wheel="only"))
    return out, request.param


def test_wheel_only_is_one_a4_page_with_every_stage_title_in_vietnamese(wheel_pdf):
    path, orientation = wheel_pdf
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    w, h = PAGE_SIZES["A4"]
    expected = (h, w) if orientation == "landscape" else (w, h)
    assert (float(box.width), float(box.height)) == pytest.approx(expected, abs=0.5)
    text = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    for title in SAMPLE_TITLES:
        assert title in text
    assert "Bánh xe trải nghiệm" in text and "Tóm tắt các giai đoạn" in text
    assert "Nguyễn Thu Hà" in text
    assert "Experience wheel" not in text and "Before" not in text


def test_the_phase_bands_are_labelled_in_vietnamese_along_the_ring(wheel_pdf):
    with pdfplumber.open(wheel_pdf[0]) as pdf:
        chars = pdf.pages[0].chars
    # Drawn letter by letter, each turned along the ring: read in drawing order.
    drawn = "".join(c["text"] for c in chars).replace(" ", "")
    for label in ("TRƯỚC TRẢI NGHIỆM", "TRONG TRẢI NGHIỆM", "SAU TRẢI NGHIỆM"):
        assert label.replace(" ", "") in drawn
    assert sum(1 for c in chars if abs(c["matrix"][1]) > 0.1) > 10  # the side bands turn


def test_one_face_per_stage_in_the_colour_of_its_mean_emotion(wheel_pdf, sample):
    with pdfplumber.open(wheel_pdf[0]) as pdf:
        page = pdf.pages[0]
        discs = [c for c in page.curves
                 if _hex(c.get("non_stroking_color")) in style.EMOTION_COLORS.values()]
    # The wheel's faces, not the key's small ones nor the pain markers (also red).
    big = [c for c in discs if c["width"] > 18]
    colours = Counter(_hex(c["non_stroking_color"]) for c in big)
    # Sample: +0.5, +0.5 (happy), −0.67 (sad), 0 (neutral), +2 (very happy).
    assert colours == Counter({style.EMOTION_COLORS[1]: 2, style.EMOTION_COLORS[-1]: 1,
                               style.EMOTION_COLORS[0]: 1, style.EMOTION_COLORS[2]: 1})
    small = [c for c in discs if 10 < c["width"] <= 12.5]  # not the severity dots
    assert len(small) == 5  # the key repeats each stage's face
    for c in big:
        assert c["width"] == pytest.approx(c["height"], rel=0.02)  # a circle
        assert c["width"] > FACE_SIZE * 2 * 150  # radius ≥ 150 pt on A4


def test_pains_are_red_markers_holding_their_count(wheel_pdf):
    with pdfplumber.open(wheel_pdf[0]) as pdf:
        page = pdf.pages[0]
        red = [c for c in page.curves if _hex(c.get("non_stroking_color")) == "#C0392B"
               and c["width"] > 8 and abs(c["width"] - c["height"]) < 0.5]
        counts = []
        for disc in red:
            inside = page.within_bbox((disc["x0"], disc["top"], disc["x1"], disc["bottom"]))
            counts.append(inside.extract_text().strip())
    assert sorted(counts) == ["1", "1", "1", "1", "2"]


def test_no_text_outside_the_page_and_none_below_seven_points(wheel_pdf):
    with pdfplumber.open(wheel_pdf[0]) as pdf:
        page = pdf.pages[0]
        for ch in page.chars:
            assert 0 <= ch["x0"] and ch["x1"] <= page.width, ch["text"]
            assert 0 <= ch["top"] and ch["bottom"] <= page.height, ch["text"]
            assert _points(ch) >= style.MIN_PRINT_POINTS - 0.05, (ch["text"], _points(ch))


def _points(ch) -> float:
    """The font size of a char: pdfplumber's size is its box height, which a turned
    letter does not keep; its advance over the glyph's width at 1 pt does."""
    if abs(ch["matrix"][1]) < 0.01 or not ch["text"].strip():
        return ch["size"] if ch["text"].strip() else 99.0
    font = BOLD if ch["fontname"].endswith("Bold") else REGULAR
    return ch["adv"] / stringWidth(ch["text"], font, 1)


def test_only_the_bundled_dejavu_fonts_are_embedded(wheel_pdf):
    fonts = run("pdffonts", str(wheel_pdf[0])).splitlines()[2:]
    assert fonts and all("DejaVu" in line and " yes " in line for line in fonts)


def test_wheel_adds_one_page_per_map_after_its_map(sample, tmp_path):
    plain, wheel = tmp_path / "plain.pdf", tmp_path / "wheel.pdf"
    export_pdf(sample, plain, PdfOptions(page="A4", all_maps=True))
    export_pdf(sample, wheel, PdfOptions(page="A4", all_maps=True, wheel="on"))
    assert len(PdfReader(wheel).pages) == len(PdfReader(plain).pages) + 2
    reader = PdfReader(wheel)
    titled = [n for n, p in enumerate(reader.pages) if "Bánh xe trải nghiệm" in p.extract_text()]
    assert len(titled) == 2
    for n, journey in zip(titled, sample.maps, strict=True):  # each after its own map
        assert journey.name in reader.pages[n].extract_text()
        assert journey.name in reader.pages[n - 1].extract_text()
        assert "Bánh xe" not in reader.pages[n - 1].extract_text()
    outline = [getattr(item, "title", None) for item in _flatten(reader.outline)]
    assert outline.count("Bánh xe trải nghiệm") == 2


def _flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from _flatten(item)
        else:
            yield item


def test_wheel_only_of_several_maps_names_each_in_the_outline(sample, tmp_path):
    out = tmp_path / "w.pdf"
    export_pdf(sample, out, PdfOptions(page="A4", all_maps=True, wheel="only"))
    reader = PdfReader(out)
    assert len(reader.pages) == 2
    titles = [getattr(i, "title", None) for i in _flatten(reader.outline)]
    assert [m.name for m in sample.maps] == [t for t in titles if t in {m.name for m in
                                                                       sample.maps}]


def test_the_wheel_speaks_english_when_asked(sample, tmp_path):
    out = tmp_path / "en.pdf"
    export_pdf(sample, out, PdfOptions(page="A4", wheel="only", language="en"))
    text = PdfReader(out).pages[0].extract_text()
    assert "Experience wheel" in text and "Stages at a glance" in text
    assert "Bánh xe" not in text and "Trước trải nghiệm" not in text
    assert "Before · Happy (+0.5) · 1 pain" in re.sub(r"\s+", " ", text)
    assert "During · Sad (−0.7) · 2 pains" in re.sub(r"\s+", " ", text)


def test_a_map_without_stages_or_persona_still_prints_a_page(tmp_path):
    from app.domain.templates import new_project

    project = new_project("blank", "vi")
    out = tmp_path / "blank.pdf"
    export_pdf(project, out, PdfOptions(page="A4", wheel="only"))
    text = PdfReader(out).pages[0].extract_text()
    assert "Bản đồ này chưa có giai đoạn nào" in text and "Chưa có chân dung" in text


def test_bad_wheel_choices_are_refused_in_one_line():
    with pytest.raises(PdfExportError, match="unknown wheel choice 'sometimes'"):
        PdfOptions(wheel="sometimes").validate()
    with pytest.raises(PdfExportError, match="leave out the compare page"):
        PdfOptions(wheel="only", compare=("a", "b")).validate()


def test_the_cli_prints_the_wheel_alone(cli, sample, tmp_path):
    from app.export.json_io import write_json

    source = tmp_path / "shop.json"
    write_json(sample, source)
    out = tmp_path / "w.pdf"
    code, _, err = cli("export", source, "-o", out, "--wheel-only", "--page", "A4")
    assert (code, err) == (0, "")
    assert len(PdfReader(out).pages) == 1
    code, _, err = cli("export", source, "-o", tmp_path / "x.pdf", "--wheel-only",
                       "--compare", "a", "b")
    assert code == 2 and err.startswith("error: ") and err.count("\n") == 1
