"""PNG and SVG for slides: scale or dpi, a 16:9 frame, title and legend strips, a white or
transparent background; the SVG keeps its text as text with a font fallback list and draws
the emotion tint without clip paths (checked in librsvg, Inkscape and Chromium)."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QImage  # noqa: E402

from app.canvas.image_export import (  # noqa: E402
    FONT_FALLBACK,
    ImageExportError,
    render_map_png,
    render_map_svg,
)
from app.canvas.text import shared_wrapper  # noqa: E402
from app.domain.layout import compute_layout  # noqa: E402
from app.export.image_options import ImageOptions  # noqa: E402
from app.samples import build_sample  # noqa: E402

SVG_NS = "{http://www.w3.org/2000/svg}"


def _texts(path) -> list[str]:
    root = ET.parse(path).getroot()
    return ["".join(node.itertext()) for node in root.iter(f"{SVG_NS}text")]


def test_a_16_9_png_with_strips_at_a_dpi_on_a_transparent_background(qapp, tmp_path):
    project = build_sample()
    plain = QImage(str(render_map_png(project, project.maps[0].id, tmp_path / "p.png",
                                      scale=1.0)))
    options = ImageOptions(dpi=192, frame="16:9", title=True, legend=True,
                           background="transparent")
    out = render_map_png(project, project.maps[0].id, tmp_path / "s.png", options=options)
    image = QImage(str(out))
    assert image.width() / image.height() == pytest.approx(16 / 9, abs=0.01)
    assert image.height() > 2 * plain.height()  # 192 dpi = 2 px a pixel, and the strips
    assert round(image.dotsPerMeterX() * 0.0254) == 192
    assert image.pixelColor(2, 2).alpha() == 0  # outside the map: see-through
    white = render_map_png(project, project.maps[0].id, tmp_path / "w.png",
                           options=ImageOptions(scale=0.5, frame="16:9"))
    assert QImage(str(white)).pixelColor(2, 2).name() == "#ffffff"


def test_the_svg_keeps_text_as_text_with_a_fallback_list_and_no_clip_paths(qapp, tmp_path):
    project = build_sample()
    journey = project.maps[0]
    out = render_map_svg(project, journey.id, tmp_path / "s.svg",
                         options=ImageOptions(scale=1.0, frame="16:9", title=True, legend=True))
    svg = out.read_text(encoding="utf-8")
    assert "clip" not in svg.casefold()
    families = set(re.findall(r'font-family="([^"]*)"', svg))
    assert families == {FONT_FALLBACK}
    texts = _texts(out)
    assert journey.name in texts  # the title strip
    assert "Đã quan sát" in texts and "Giả định" in texts  # evidence pills and their key
    assert "Điểm chạm" in texts and "+2" in texts  # the legend strip's lane kinds and faces
    width, height = (float(re.search(rf'{a}="([\d.]+)', svg).group(1))
                     for a in ("width", "height"))
    assert width / height == pytest.approx(16 / 9, abs=0.01)


def _chromium(svg, png) -> list[str]:
    """Chromium (Chrome, Edge, slides in a browser) shows the SVG as an image on a page
    of its own size, one CSS pixel per SVG unit."""
    box = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg.read_text(encoding="utf-8"))
    w, h = (round(float(v)) for v in box.groups())
    page = svg.with_suffix(".html")
    page.write_text(f'<!doctype html><body style="margin:0"><img src="{svg.name}" '
                    f'style="display:block;width:{w}px;height:{h}px"></body>', encoding="utf-8")
    return ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--force-device-scale-factor=1", f"--window-size={w},{h}",
            f"--screenshot={png}", page.as_uri()]


# Three independent SVG renderers a client's slides may go through: librsvg (GNOME, many
# converters), Inkscape and a browser. Each is given the SVG file and writes a PNG.
RENDERERS = {
    "librsvg": lambda svg, png: ["rsvg-convert", str(svg), "-o", str(png)],
    "inkscape": lambda svg, png: ["inkscape", str(svg), "--export-type=png",
                                  f"--export-filename={png}"],
    "chromium": _chromium,
}
_PROGRAM = {"librsvg": "rsvg-convert", "inkscape": "inkscape", "chromium": "chromium"}


@pytest.mark.parametrize("renderer", [
    pytest.param(name, marks=pytest.mark.skipif(not shutil.which(_PROGRAM[name]),
                                                 reason=f"{_PROGRAM[name]} not installed"))
    for name in RENDERERS])
def test_svg_renderers_draw_the_red_tint_under_the_neutral_line(qapp, tmp_path, renderer,
                                                                 monkeypatch):
    project = build_sample()
    journey = project.maps[0]
    out = render_map_svg(project, journey.id, tmp_path / "m.svg")
    png = tmp_path / "m.png"
    monkeypatch.setenv("HOME", str(tmp_path))  # Inkscape and Chromium write their profiles there
    subprocess.run(RENDERERS[renderer](out, png), check=True, capture_output=True, timeout=180)
    image = QImage(str(png))
    layout = compute_layout(journey, shared_wrapper())
    k = image.width() / layout.width  # each sizes the picture from the SVG's own size
    (neutral,) = layout.neutral_y.values()
    low = max(layout.markers.values(), key=lambda m: m.y)  # the lowest face: a −2
    tint = image.pixelColor(round(low.x * k), round(((low.y + neutral) / 2 - 4) * k))
    assert tint.red() > tint.green() + 10, tint.name()  # an untinted band is grey: r ≈ g
    high = min(layout.markers.values(), key=lambda m: m.y)  # the highest: a +2
    tint = image.pixelColor(round((high.x - 3) * k), round(((high.y + neutral) / 2 + 6) * k))
    assert tint.green() > tint.red() + 10, tint.name()


def test_bad_options_are_refused_in_one_line(qapp, tmp_path):
    project = build_sample()
    with pytest.raises(ImageExportError, match="16:9"):
        render_map_png(project, project.maps[0].id, tmp_path / "x.png",
                       options=ImageOptions(frame="4:3"))
    assert not (tmp_path / "x.png").exists()
