"""A huge persona photo is decoded small on import, or refused in words; never stored whole."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QImageReader

from app.dialogs.persona_dialog import MAX_PHOTO_SIDE, PhotoError, load_photo


@pytest.fixture
def qt_app(qapp):
    """A QApplication (image plug-ins and translations need one)."""
    return qapp


@pytest.fixture
def small_allocation_limit():
    """Qt's image allocation limit lowered to 16 MB, so a 3,000 px photo is "huge"."""
    before = QImageReader.allocationLimit()
    QImageReader.setAllocationLimit(16)
    yield
    QImageReader.setAllocationLimit(before)


def _photo(path, width, height, fmt):
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(30, 120, 200))
    for x in range(0, width, 5):
        image.setPixelColor(x, x * height // width, QColor("#E67E22"))
    assert image.save(str(path), fmt)
    return str(path)


def test_an_imported_5000_px_photo_is_stored_at_most_max_side(qt_app, tmp_path):
    data, mime = load_photo(_photo(tmp_path / "big.jpg", 5000, 5000, "JPEG"))
    stored = QImage.fromData(data)
    assert mime == "image/jpeg"
    assert (stored.width(), stored.height()) == (MAX_PHOTO_SIDE, MAX_PHOTO_SIDE)
    assert MAX_PHOTO_SIDE <= 1024


def test_a_jpeg_past_qts_allocation_limit_still_imports_scaled(qt_app, tmp_path,
                                                              small_allocation_limit):
    # 3,000 × 2,000 × 4 bytes = 24 MB > 16 MB: decoded whole, Qt refuses it.
    data, _ = load_photo(_photo(tmp_path / "wide.jpg", 3000, 2000, "JPEG"))
    stored = QImage.fromData(data)
    assert (stored.width(), stored.height()) == (MAX_PHOTO_SIDE, round(MAX_PHOTO_SIDE * 2 / 3))


def test_a_png_too_large_to_decode_is_refused_with_its_size(qt_app, tmp_path,
                                                           small_allocation_limit):
    with pytest.raises(PhotoError) as refused:
        load_photo(_photo(tmp_path / "huge.png", 3000, 2000, "PNG"))
    message = str(refused.value)
    assert "3000 × 2000" in message and "JPEG" in message
