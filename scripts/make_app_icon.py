"""Render the app icon (resources/desktop/journey-studio.svg) as PNG, .ico and .icns.

build.spec gives PyInstaller the .ico (Windows) or the .icns (macOS); Linux desktops take
the SVG and the 256 px PNG (`journey-studio install-desktop`). Both container formats
are written here directly with PNG-compressed entries (ICO since Windows Vista, ICNS
'ic07'–'ic10'), so no image library beyond Qt is needed. Run after changing the SVG:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_app_icon.py
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

FOLDER = Path(__file__).resolve().parents[1] / "resources" / "desktop"
SVG = FOLDER / "journey-studio.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 256)
ICNS_TYPES = {128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """The icon at `size`×`size` pixels, PNG-encoded."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO file of PNG entries (a size of 256 is written as 0, as the format wants)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
        blobs += png
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file of PNG entries."""
    body = b"".join(ICNS_TYPES[size] + struct.pack(">I", 8 + len(png)) + png
                    for size, png in sorted(pngs.items()))
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"error: {SVG} is not a valid SVG", file=sys.stderr)
        return 2
    sizes = sorted(set(ICO_SIZES) | set(ICNS_TYPES))
    pngs = {size: render_png(renderer, size) for size in sizes}
    (FOLDER / "journey-studio.png").write_bytes(pngs[256])
    (FOLDER / "journey-studio.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (FOLDER / "journey-studio.icns").write_bytes(icns({s: pngs[s] for s in ICNS_TYPES}))
    for name in ("journey-studio.png", "journey-studio.ico", "journey-studio.icns"):
        print(FOLDER / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
