"""run_gui: the screenshot option and its errors."""

from __future__ import annotations

from PySide6.QtGui import QImage

from app.main import run_gui


def pixel_spread(image: QImage) -> float:
    """The variance of grey levels over a grid of samples (0 for a blank picture)."""
    values = []
    for y in range(0, image.height(), 17):
        for x in range(0, image.width(), 13):
            colour = image.pixelColor(x, y)
            values.append(0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue())
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values) / len(values)


def test_screenshot_of_a_project_is_a_non_blank_png(project_file, tmp_path):
    out = tmp_path / "shot.png"
    assert run_gui(project_file, screenshot=str(out), size=(1200, 800)) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)
    assert pixel_spread(image) > 100


def test_screenshot_without_a_file_shows_the_sample_copy(tmp_path):
    out = tmp_path / "sample.png"
    assert run_gui(None, screenshot=str(out), size=(1000, 700)) == 0
    assert (tmp_path / "data" / "online-shop.cjm").exists()
    assert pixel_spread(QImage(str(out))) > 100


def test_screenshot_of_a_named_map(project_file, tmp_path, capsys):
    out = tmp_path / "map.png"
    assert run_gui(project_file, screenshot=str(out), map_name="customer JOURNEY (5 stages)") == 0
    assert out.exists()
    assert run_gui(project_file, screenshot=str(tmp_path / "no.png"), map_name="Nope") == 2
    assert "error: no map named 'Nope'" in capsys.readouterr().err


def test_screenshot_of_a_bad_file_fails_in_words(tmp_path, capsys):
    bad = tmp_path / "bad.cjm"
    bad.write_bytes(b"\x00garbage" * 40)
    assert run_gui(str(bad), screenshot=str(tmp_path / "x.png")) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err
    assert run_gui(str(tmp_path / "missing.cjm"), screenshot=str(tmp_path / "x.png")) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()
