"""journey-studio export takes the PNG/SVG slide options and refuses bad ones in one line."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QImage  # noqa: E402

from tests.cli.helpers import assert_one_error_line  # noqa: E402


def test_the_command_line_takes_the_slide_options(qapp, cli, sample_cjm, tmp_path):
    out = tmp_path / "slide.png"
    code, _, err = cli("export", sample_cjm, "-o", out, "--frame", "16:9", "--dpi", "48",
                       "--title-strip", "--legend-strip", "on", "--background", "transparent")
    assert code == 0, err
    image = QImage(str(out))
    assert image.width() / image.height() == pytest.approx(16 / 9, abs=0.01)
    code, _, err = cli("export", sample_cjm, "-o", tmp_path / "s.svg", "--dpi", "96")
    assert_one_error_line(code, err, "--dpi is for PNG")
    code, _, err = cli("export", sample_cjm, "-o", tmp_path / "b.png", "--background", "pink")
    assert_one_error_line(code, err, "pink", "white or transparent")
    assert not (tmp_path / "b.png").exists() and not (tmp_path / "s.svg").exists()
