"""PNG and SVG pictures of a map, rendered from an offscreen MapScene.

No selection, hover or keyboard decorations are drawn. Files are written to a temporary
name beside the target and renamed into place, so a failed export never leaves half a
picture behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from app.document.document import Document
from app.domain import style
from app.domain.model import Project

MAX_PIXELS = 24000 * 24000  # QImage's practical ceiling; larger maps are scaled down


class ImageExportError(RuntimeError):
    """The picture could not be made or written; the message says why."""


def ensure_app() -> QApplication:
    """A QApplication for command-line use (offscreen when there is no display)."""
    app = QApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([])
    return app


def _scene(doc_or_project: Document | Project, map_id: str):
    from app.canvas.scene import MapScene

    ensure_app()
    doc = doc_or_project if isinstance(doc_or_project, Document) else Document(doc_or_project)
    if doc.project.map(map_id) is None:
        raise ImageExportError(f"there is no map with id {map_id!r} in this project")
    scene = MapScene(doc, map_id, decorated=False)
    for item in (scene.preview, scene.guide, scene.cell_cursor):
        item.setVisible(False)
    return scene


def _area(scene) -> QRectF:
    layout = scene.layout
    return QRectF(0, 0, max(layout.width, 1.0), max(layout.height, 1.0))


def _replace(tmp: str, path: Path) -> None:
    try:
        os.replace(tmp, path)
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        raise ImageExportError(f"cannot write {path}: {error.strerror}") from None


def render_map_image(doc_or_project: Document | Project, map_id: str, scale: float = 2.0
                     ) -> QImage:
    """The map as an image, `scale` pixels per model pixel."""
    scene = _scene(doc_or_project, map_id)
    try:
        area = _area(scene)
        w, h = area.width() * scale, area.height() * scale
        if w * h > MAX_PIXELS:
            scale *= (MAX_PIXELS / (w * h)) ** 0.5
        size = QSize(max(1, round(area.width() * scale)), max(1, round(area.height() * scale)))
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        if image.isNull():
            raise ImageExportError("the map is too large for a picture at this scale")
        image.fill(QColor(style.CANVAS_BACKGROUND))
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing
                               | QPainter.RenderHint.TextAntialiasing
                               | QPainter.RenderHint.SmoothPixmapTransform)
        scene.render(painter, QRectF(0, 0, size.width(), size.height()), area,
                     Qt.AspectRatioMode.IgnoreAspectRatio)
        painter.end()
        return image
    finally:
        scene.detach()
        scene.deleteLater()


def render_map_png(doc_or_project: Document | Project, map_id: str, path: str | Path,
                   scale: float = 2.0) -> Path:
    """Write the map as a PNG at `scale` (2.0 = crisp on slides); return the path."""
    path = Path(path)
    image = render_map_image(doc_or_project, map_id, scale)
    fd, tmp = tempfile.mkstemp(prefix=".export-", suffix=".png", dir=path.parent or ".")
    os.close(fd)
    if not image.save(tmp, "PNG"):
        Path(tmp).unlink(missing_ok=True)
        raise ImageExportError(f"cannot write {path}")
    _replace(tmp, path)
    return path


def render_map_svg(doc_or_project: Document | Project, map_id: str, path: str | Path,
                   scale: float = 1.0, title: str | None = None) -> Path:
    """Write the map as an SVG (vector: text stays text); return the path."""
    from PySide6.QtSvg import QSvgGenerator

    path = Path(path)
    scene = _scene(doc_or_project, map_id)
    try:
        area = _area(scene)
        fd, tmp = tempfile.mkstemp(prefix=".export-", suffix=".svg", dir=path.parent or ".")
        os.close(fd)
        generator = QSvgGenerator()
        generator.setFileName(tmp)
        size = QSize(round(area.width() * scale), round(area.height() * scale))
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(title or scene.journey.name)
        generator.setDescription("Journey Studio")
        painter = QPainter()
        if not painter.begin(generator):
            Path(tmp).unlink(missing_ok=True)
            raise ImageExportError(f"cannot write {path}")
        painter.setRenderHints(QPainter.RenderHint.Antialiasing
                               | QPainter.RenderHint.TextAntialiasing)
        scene.render(painter, QRectF(0, 0, size.width(), size.height()), area)
        painter.end()
        _replace(tmp, path)
        return path
    finally:
        scene.detach()
        scene.deleteLater()
