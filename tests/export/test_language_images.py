"""PNG and SVG speak the project's language (or --lang), whatever the interface speaks;
the command line's --lang reaches PDF, PNG and SVG and refuses what it does not know."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytest.importorskip("PySide6", reason="PNG and SVG are drawn by the canvas renderer (Qt)")

from app.canvas.image_export import ImageExportError, render_map_svg  # noqa: E402
from app.cli import main  # noqa: E402
from app.export.i18n import MINUS  # noqa: E402
from app.samples import SAMPLE_CJM, build_sample, samples_dir  # noqa: E402
from app.ui.i18n import install_translation  # noqa: E402
from tests.export.conftest import pdf_text  # noqa: E402
from tests.export.test_language_catalogue import broken_catalogue  # noqa: E402, F401

SVG_NS = "{http://www.w3.org/2000/svg}"
SAMPLE = samples_dir() / SAMPLE_CJM


def svg_texts(path: Path) -> list[str]:
    """Every text node of the SVG, as drawn."""
    root = ET.parse(path).getroot()
    return ["".join(node.itertext()) for node in root.iter(f"{SVG_NS}text")]


def _labels(texts: list[str]) -> dict[str, list[str]]:
    return {"target": [t for t in texts if t.startswith(("Target ", "Mục tiêu "))],
            "count": [t for t in texts if t.endswith((" items", " item", " mục"))],
            "state": [t for t in texts if t in ("Current state", "Trạng thái hiện tại")]}


def test_the_svg_of_a_vietnamese_map_draws_vietnamese_labels_under_an_english_ui(qapp,
                                                                                 tmp_path):
    install_translation("en")
    project = build_sample()
    out = render_map_svg(project, project.maps[0].id, tmp_path / "vi.svg")
    labels = _labels(svg_texts(out))
    assert labels["state"] == ["Trạng thái hiện tại"]
    assert labels["target"] and all(t.startswith("Mục tiêu ") for t in labels["target"])
    assert "Mục tiêu 2,5 %" in labels["target"]  # the decimal comma
    assert labels["count"] and all(t.endswith(" mục") for t in labels["count"])
    assert f"{MINUS}2" in svg_texts(out)  # the emotion scale, with a true minus


def test_the_svg_can_be_asked_for_in_english(qapp, tmp_path):
    install_translation("vi")
    try:
        project = build_sample()
        out = render_map_svg(project, project.maps[0].id, tmp_path / "en.svg", language="en")
    finally:
        install_translation("en")
    labels = _labels(svg_texts(out))
    assert labels["state"] == ["Current state"]
    assert labels["target"] and all(t.startswith("Target ") for t in labels["target"])
    assert "Target 2.5 %" in labels["target"]
    assert "1 item" in labels["count"] and "10 items" in labels["count"]
    assert not any("Mục tiêu" in t or t.endswith(" mục") for t in svg_texts(out))


def test_an_unknown_picture_language_is_refused(qapp, tmp_path):
    project = build_sample()
    with pytest.raises(ImageExportError, match="choose one of: en, vi"):
        render_map_svg(project, project.maps[0].id, tmp_path / "x.svg", language="fr")
    assert not (tmp_path / "x.svg").exists()


def test_cli_lang_reaches_pdf_png_and_svg(qapp, tmp_path, capsys):
    # The sample is a Vietnamese project: by default its PDF says "Trang 1/".
    assert main(["export", str(SAMPLE), "-o", str(tmp_path / "s.pdf")]) == 0
    assert "Trang 1/" in pdf_text(tmp_path / "s.pdf")
    assert main(["export", str(SAMPLE), "-o", str(tmp_path / "en.pdf"), "--lang", "en"]) == 0
    english = pdf_text(tmp_path / "en.pdf")
    assert "Page 1 of" in english and "Trang 1/" not in english
    assert main(["export", str(SAMPLE), "-o", str(tmp_path / "en.svg"), "--lang", "EN"]) == 0
    assert "Current state" in svg_texts(tmp_path / "en.svg")
    assert main(["export", str(SAMPLE), "-o", str(tmp_path / "en.png"), "--lang", "en"]) == 0
    assert (tmp_path / "en.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize("suffix", [".pdf", ".png", ".svg"])
def test_cli_refuses_an_unknown_language_in_one_line_before_writing(qapp, tmp_path, capsys,
                                                                   suffix):
    target = tmp_path / f"out{suffix}"
    assert main(["export", str(SAMPLE), "-o", str(target), "--lang", "fr"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and "en, vi" in err[0], err
    assert not target.exists()


@pytest.mark.usefixtures("broken_catalogue")
def test_without_its_catalogue_a_picture_fails_in_one_line_and_the_canvas_falls_back(
        qapp, tmp_path):
    from app.canvas.i18n import texts_of
    from app.canvas.scene import MapScene
    from app.document.document import Document

    project = build_sample()
    with pytest.raises(ImageExportError, match="reinstall Journey Studio"):
        render_map_svg(project, project.maps[0].id, tmp_path / "vi.svg")
    assert not (tmp_path / "vi.svg").exists()
    scene = MapScene(Document(project), project.maps[0].id)
    try:  # the editor keeps painting, its map labels in English
        assert texts_of(scene.corner).language == "en"
    finally:
        scene.detach()
