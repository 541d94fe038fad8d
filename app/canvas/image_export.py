"""PNG and SVG pictures of a map, rendered from an offscreen MapScene.

No selection, hover or keyboard decorations are drawn. The labels the map draws itself
(state, targets, counts, numbers) speak the project's language, or `language` when given
(see app.canvas.i18n.drawn), whatever language the interface speaks. Pictures are
encoded in memory and then written by app.export.atomic (temporary file, checked writes,
fsync, rename): Qt's encoders report a full disk only by a return value or not at all,
so they never write the file themselves. A failed export leaves neither the picture nor
a temporary file, and raises a WriteError naming the target.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QImage, QPainter
from PySide6.QtWidgets import QApplication

from app.canvas import slide
from app.document.document import Document
from app.domain.model import Project
from app.export.atomic import write_bytes_atomically
from app.export.i18n import LANGUAGES, CatalogueError, texts_for

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


def _scene(doc_or_project: Document | Project, map_id: str, language: str | None = None):
    from app.canvas.scene import MapScene

    ensure_app()
    doc = doc_or_project if isinstance(doc_or_project, Document) else Document(doc_or_project)
    if doc.project.map(map_id) is None:
        raise ImageExportError(f"there is no map with id {map_id!r} in this project")
    if language is not None and language not in LANGUAGES:
        raise ImageExportError(f"unknown language {language!r}; choose one of: "
                               f"{', '.join(LANGUAGES)}")
    try:  # the labels' catalogue, read before anything is drawn
        texts_for(language or doc.project.language)
    except CatalogueError as exc:
        raise ImageExportError(str(exc)) from exc
    scene = MapScene(doc, map_id, decorated=False, language=language)
    for item in (scene.preview, scene.guide, scene.cell_cursor):
        item.setVisible(False)
    return scene


def _dim(scene, dimmed: frozenset[str]) -> None:
    """Draw these cards and markers faint, as the canvas dims what a filter leaves out."""
    if dimmed:
        from app.canvas.highlight import Highlight, Look

        Highlight(scene).show(Look(dimmed=set(dimmed)))


def _area(scene) -> QRectF:
    layout = scene.layout
    return QRectF(0, 0, max(layout.width, 1.0), max(layout.height, 1.0))


# Characters XML 1.0 forbids: C0 controls other than tab, line feed and carriage return.
_XML_FORBIDDEN_BYTES = bytes(c for c in range(32) if c not in (9, 10, 13))


def xml_safe(data: bytes) -> bytes:
    """UTF-8 XML with the characters XML 1.0 forbids removed (controls, U+FFFE/FFFF).

    Qt writes text into SVG escaped for markup but not for these, and one of them (a
    control character pasted into a card title) makes the whole file unreadable.
    """
    # In UTF-8 these bytes below 0x20 only ever encode those characters, and EF BF BE/BF
    # only U+FFFE/U+FFFF, so bytes can be removed without decoding the file.
    data = data.translate(None, _XML_FORBIDDEN_BYTES)
    data = data.replace(b"\xef\xbf\xbe", b"").replace(b"\xef\xbf\xbf", b"")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:  # an unpaired surrogate: Qt writes U+FFFD, but be sure
        data = data.decode("utf-8", "replace").encode("utf-8")
    return data


def _buffer() -> tuple[QByteArray, QBuffer]:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    return data, buffer


def _paint(painter: QPainter, scene, frame: slide.Frame, options: slide.ImageOptions,
           k: float) -> None:
    """Background, the map (scene) and the strips, `k` device pixels per model pixel."""
    painter.setRenderHints(QPainter.RenderHint.Antialiasing
                           | QPainter.RenderHint.TextAntialiasing
                           | QPainter.RenderHint.SmoothPixmapTransform)
    painter.scale(k, k)
    slide.fill_background(painter, frame, options)
    if options.background == "transparent":
        scene.setBackgroundBrush(QBrush(Qt.BrushStyle.NoBrush))
    painter.save()
    scene.render(painter, frame.map_rect, _area(scene), Qt.AspectRatioMode.IgnoreAspectRatio)
    painter.restore()
    tx = scene.texts
    if frame.title_rect is not None:
        slide.draw_title(painter, frame.title_rect, scene.doc.project, scene.journey, tx)
    if frame.legend_rect is not None:
        slide.draw_legend(painter, frame.legend_rect, scene.journey, tx)


def _options(scale: float | None, options: slide.ImageOptions | None) -> slide.ImageOptions:
    options = options or slide.ImageOptions()
    if scale is not None:
        options.scale, options.dpi = scale, None
    try:
        options.validate()
    except ValueError as exc:
        raise ImageExportError(str(exc)) from exc
    return options


def render_map_image(doc_or_project: Document | Project, map_id: str,
                     scale: float | None = None, language: str | None = None,
                     options: slide.ImageOptions | None = None) -> QImage:
    """The map as an image, framed by `options` (scale, title, legend, 16:9,
    background), its labels in `language` (None: the project's)."""
    options = _options(scale, options)
    k = options.pixel_scale
    scene = _scene(doc_or_project, map_id, language)
    _dim(scene, options.dimmed)
    try:
        area = _area(scene)
        frame = slide.plan(area.width(), area.height(), options)
        w, h = frame.width * k, frame.height * k
        if w * h > MAX_PIXELS:
            k *= (MAX_PIXELS / (w * h)) ** 0.5
        size = QSize(max(1, round(frame.width * k)), max(1, round(frame.height * k)))
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        if image.isNull():
            raise ImageExportError("the map is too large for a picture at this scale")
        image.fill(Qt.GlobalColor.transparent)
        if options.dpi is not None:
            per_metre = round(options.dpi / 0.0254)
            image.setDotsPerMeterX(per_metre)
            image.setDotsPerMeterY(per_metre)
        painter = QPainter(image)
        _paint(painter, scene, frame, options, k)
        painter.end()
        return image
    finally:
        scene.detach()
        scene.deleteLater()


def render_map_png(doc_or_project: Document | Project, map_id: str, path: str | Path,
                   scale: float | None = None, language: str | None = None,
                   options: slide.ImageOptions | None = None) -> Path:
    """Write the map as a PNG (by default 2 px per model px: crisp on slides)."""
    path = Path(path)
    write_png(path, render_map_image(doc_or_project, map_id, scale, language, options))
    return path


def write_png(path: Path, image: QImage) -> None:
    """Encode `image` as PNG in memory, then write it atomically."""
    data, buffer = _buffer()
    ok = image.save(buffer, "PNG")
    buffer.close()
    if not ok or data.isEmpty():
        raise ImageExportError(f"cannot write {path}: the picture could not be encoded")
    write_bytes_atomically(path, bytes(data.data()))


FONT_FALLBACK = "'DejaVu Sans', 'Noto Sans', Arial, sans-serif"
_FONT_FAMILY = re.compile(rb'font-family="[^"]*"')


def with_font_fallback(svg: bytes) -> bytes:
    """Every font-family of Qt's SVG as one fallback list: a viewer without DejaVu Sans
    still shows the text as text, in the nearest sans-serif."""
    return _FONT_FAMILY.sub(b'font-family="' + FONT_FALLBACK.encode() + b'"', svg)


def render_map_svg(doc_or_project: Document | Project, map_id: str, path: str | Path,
                   scale: float | None = None, title: str | None = None,
                   language: str | None = None,
                   options: slide.ImageOptions | None = None) -> Path:
    """Write the map as an SVG (vector: text stays text); return the path."""
    path = Path(path)
    options = _options(1.0 if scale is None and options is None else scale, options)
    k = options.scale
    scene = _scene(doc_or_project, map_id, language)
    _dim(scene, options.dimmed)
    try:
        area = _area(scene)
        frame = slide.plan(area.width(), area.height(), options)
        size = QSize(round(frame.width * k), round(frame.height * k))
        write_svg(path, size, title or scene.journey.name,
                  lambda painter: _paint(painter, scene, frame, options, k))
    finally:
        scene.detach()
        scene.deleteLater()
    return path


def write_svg(path: Path, size: QSize, title: str, paint: Callable[[QPainter], None]
              ) -> None:
    """Draw `paint` into an SVG of `size` in memory, made safe for XML readers, then write
    it atomically."""
    from PySide6.QtSvg import QSvgGenerator

    data, buffer = _buffer()
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription("Journey Studio")
    painter = QPainter()
    if not painter.begin(generator):
        raise ImageExportError(f"cannot write {path}: the picture could not be drawn")
    paint(painter)
    painter.end()
    buffer.close()
    svg = with_font_fallback(xml_safe(bytes(data.data())))
    if not svg.rstrip().endswith(b"</svg>"):
        raise ImageExportError(f"cannot write {path}: the picture was not drawn completely")
    write_bytes_atomically(path, svg)
