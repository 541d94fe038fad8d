"""Huge inputs in a project file export in bounded work: long card text, huge photos."""

from __future__ import annotations

import io
import re

from PIL import Image
from pypdf import PdfReader

from app.cli import main
from app.domain.templates import new_project
from app.export.pdf.images import MAX_SIDE
from app.export.pdf.notes import NOTE_BODY_LINES
from app.storage import ProjectStore
from tests.export.conftest import add_card, pdf_text
from tests.export.sample import sample_project


def export_file(tmp_path, project, *flags: str):
    """Store `project` in a real .cjm, export it with the CLI, return the PDF's path."""
    source, out = tmp_path / "big.cjm", tmp_path / "big.pdf"
    ProjectStore.create(source, project).close()
    assert main(["export", str(source), "-o", str(out), *flags]) == 0
    return out


def test_a_five_megabyte_word_exports_shortened_with_an_ellipsis(tmp_path):
    project = new_project("awareness-5", "en")
    add_card(project, "Giant", "z" * 5_000_000, stage=1, lane=1)
    add_card(project, "Neighbour", "short", stage=1, lane=1)
    out = export_file(tmp_path, project, "--no-cover", "--no-persona", "--no-legend",
                      "--no-insights")
    map_text = pdf_text(out, 1, 1)
    assert "Giant" in map_text and "Neighbour" in map_text
    shown = re.findall(r"z+…?", map_text)
    assert shown and shown[-1].endswith("…")  # the card's last visible line is elided
    assert sum(map(len, shown)) < 1_000  # six short lines, not five megabytes
    notes = pdf_text(out, 2)
    assert "Card notes" in notes
    printed = re.findall(r"z+…?", notes)
    assert printed[-1].endswith("…")  # the note stops too, and says so
    assert len(printed) <= NOTE_BODY_LINES
    assert sum(map(len, printed)) < 100_000


def test_a_body_of_fifty_megabytes_of_words_exports_and_ends_in_an_ellipsis(tmp_path):
    project = new_project("awareness-5", "vi")
    add_card(project, "Sách", "Trả góp ưu đãi mỗi ngày " * 2_000_000, stage=0, lane=0)
    out = export_file(tmp_path, project, "--no-cover", "--no-persona", "--no-legend",
                      "--no-insights")
    assert len(PdfReader(out).pages) < 10  # the note is bounded, not 400,000 lines
    # The card ends in an ellipsis (mid-word or not: it depends on the printed width).
    assert re.search(r"Sách( Trả góp ưu đãi mỗi ngày)+[^…]{0,30}…", pdf_text(out, 1, 1))
    notes = pdf_text(out, 2)
    assert "Ghi chú thẻ" in notes and re.search(r"mỗi ngày \S*…", notes)
    assert notes.count("mỗi ngày") < 6 * NOTE_BODY_LINES  # ≈ 4.5 a line, 240 lines


def _jpeg(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (40, 120, 200)).save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def _embedded_widths(path) -> list[tuple[int, int]]:
    sizes = []
    for page in PdfReader(path).pages:
        for image in page.images:
            sizes.append(image.image.size)
    return sizes


def test_a_huge_stored_photo_is_embedded_scaled_down(tmp_path):
    project = sample_project(photo=False)
    persona = project.personas[0]
    persona.photo, persona.photo_mime = _jpeg(4000, 3000), "image/jpeg"
    out = export_file(tmp_path, project)
    sizes = _embedded_widths(out)
    assert sizes, "the photo is embedded"
    assert max(max(size) for size in sizes) == MAX_SIDE
    assert (MAX_SIDE, MAX_SIDE * 3 // 4) in sizes  # aspect kept


def test_a_small_photo_is_embedded_as_it_is(tmp_path):
    project = sample_project(photo=False)
    persona = project.personas[0]
    persona.photo, persona.photo_mime = _jpeg(300, 200), "image/jpeg"
    out = export_file(tmp_path, project)
    assert (300, 200) in _embedded_widths(out)
