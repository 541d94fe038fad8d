"""The experience wheel as PNG and SVG (`export … --wheel`), and its Export dialog tick."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

pytest.importorskip("PySide6", reason="PNG and SVG are drawn by the canvas renderer (Qt)")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QColor, QImage  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox  # noqa: E402

from app.canvas.wheel import IMAGE_SIDE, TITLE_H, Place  # noqa: E402
from app.dialogs.export_dialog import ExportDialog  # noqa: E402
from app.domain import style  # noqa: E402
from app.domain.wheel import FACE_SIZE, build_wheel  # noqa: E402
from app.export.json_io import write_json  # noqa: E402
from app.export.pdf import export_pdf  # noqa: E402
from app.samples import build_sample  # noqa: E402
from tests.export.conftest import pdf_text  # noqa: E402
from tests.export.dialog_kit import click  # noqa: E402

SVG_NS = "{http://www.w3.org/2000/svg}"
TITLES = ["Nhận thức", "Cân nhắc", "Mua hàng", "Duy trì", "Trung thành"]


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "shop.json"
    write_json(build_sample(), path)
    return path


def test_png_wheel_draws_each_face_in_its_colour(qapp, cli, source, tmp_path):
    out = tmp_path / "wheel.png"
    code, _, err = cli("export", source, "-o", out, "--wheel")
    assert (code, err) == (0, "")
    image = QImage(str(out))
    assert (image.width(), image.height()) == (IMAGE_SIDE, IMAGE_SIDE + round(TITLE_H))
    project = build_sample()
    from PySide6.QtCore import QRectF

    place = Place(QRectF(0, TITLE_H, IMAGE_SIDE, IMAGE_SIDE), 16)
    for sector in build_wheel(project.maps[0], project).sectors:
        at = place.at(sector.face_at)
        # Above the eyes: the disc's own colour.
        pixel = image.pixelColor(round(at.x()), round(at.y() - FACE_SIZE * place.r * 0.6))
        assert pixel == QColor(style.EMOTION_COLORS[sector.face_score])


def test_svg_wheel_keeps_every_label_as_text_in_the_language_asked(qapp, cli, source,
                                                                   tmp_path):
    out = tmp_path / "wheel.svg"
    assert cli("export", source, "-o", out, "--wheel")[0] == 0
    texts = ["".join(n.itertext()) for n in ET.parse(out).getroot().iter(f"{SVG_NS}text")]
    joined = " ".join(texts)
    for title in TITLES:
        assert title in joined or all(word in texts for word in title.split())
    assert "Bánh xe trải nghiệm" in texts and "Nguyễn Thu Hà" in texts
    english = tmp_path / "wheel-en.svg"
    assert cli("export", source, "-o", english, "--wheel", "--lang", "en")[0] == 0
    texts = ["".join(n.itertext()) for n in ET.parse(english).getroot().iter(f"{SVG_NS}text")]
    assert "Experience wheel" in texts and "Bánh xe trải nghiệm" not in texts
    # The phase bands are drawn letter by letter along the ring.
    assert "".join(t for t in texts if len(t) == 1).count("B") >= 1


def test_the_export_dialog_adds_the_wheel_page_and_remembers_it(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    project = build_sample()
    dialog = ExportDialog(project, project.maps[0].id, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.current_request().options.wheel == "off"
    click(qtbot, dialog.wheel_box)
    request = dialog.current_request()
    assert request.options.wheel == "on"
    out = tmp_path / "with-wheel.pdf"
    export_pdf(project, out, request.options)
    assert "Bánh xe trải nghiệm" in pdf_text(out)
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    again = ExportDialog(project, settings=settings)
    qtbot.addWidget(again)
    assert again.wheel_box.isChecked()
    again.format_box.setCurrentIndex(again.format_box.findData("png"))
    assert not again.wheel_box.isEnabled()  # a PDF page
