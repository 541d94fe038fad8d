"""File ▸ Export: PDF, PNG, SVG and JSON of the project or the map in view."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

from app.ui import prompts
from app.ui.file_dialogs import ask_save_path, safe_file_name

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def tr(text: str) -> str:
    """Translate in the export context."""
    return QCoreApplication.translate("Export", text)


class _Busy:
    """A wait cursor for the length of a block."""

    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_exc) -> None:
        QGuiApplication.restoreOverrideCursor()


def _ask(window: MainWindow, title: str, suffix: str, name_filter: str) -> str | None:
    journey = window.journey
    base = journey.name if journey is not None else window.doc.project.title
    return ask_save_path(window, title, safe_file_name(base) + suffix, name_filter, suffix)


def _done(window: MainWindow, path: str) -> None:
    window.statusBar().showMessage(tr("Exported to %1").replace("%1", path), 6000)


def _failed(window: MainWindow, path: str, error: Exception) -> None:
    prompts.error(window, tr("Export Failed"),
                  tr("“%1” could not be written.").replace("%1", os.path.basename(path)),
                  str(error))


def export_pdf(window: MainWindow) -> None:
    """The PDF export dialog when it is installed; otherwise the map in view, on A3."""
    try:
        from app.dialogs import export_dialog
    except ImportError:
        export_dialog = None
    if export_dialog is not None and hasattr(export_dialog, "ExportDialog"):
        dialog = export_dialog.ExportDialog(window.doc, window.map_id, window)
        dialog.exec()
        return
    path = _ask(window, tr("Export PDF"), ".pdf", tr("PDF documents (*.pdf)"))
    if not path:
        return
    from app.export.pdf import PdfOptions
    from app.export.pdf import export_pdf as write_pdf

    try:
        with _Busy():
            write_pdf(window.doc.project, path, PdfOptions(map_names=[window.journey.name]))
    except Exception as error:  # noqa: BLE001 - reported in words
        _failed(window, path, error)
        return
    _done(window, path)


def _scene_for(window: MainWindow):
    from app.canvas.scene import MapScene

    return MapScene(window.doc, window.map_id, decorated=True)


def render_png(window: MainWindow, path: str, scale: float = 2.0) -> None:
    """The whole map in view as a PNG at `scale` pixels per model pixel."""
    try:
        from app.canvas import image_export
    except ImportError:
        image_export = None
    if image_export is not None and hasattr(image_export, "export_png"):
        image_export.export_png(window.doc, window.map_id, path)
        return
    scene = _scene_for(window)
    try:
        rect = scene.itemsBoundingRect().adjusted(-16, -16, 16, 16)
        size = QSize(max(1, round(rect.width() * scale)), max(1, round(rect.height() * scale)))
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("#FFFFFF"))
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing
                               | QPainter.RenderHint.TextAntialiasing)
        scene.render(painter, QRectF(0, 0, size.width(), size.height()), rect)
        painter.end()
        if not image.save(path, "PNG"):
            raise OSError(tr("the image could not be saved"))
    finally:
        scene.deleteLater()


def render_svg(window: MainWindow, path: str) -> None:
    """The whole map in view as an SVG drawing."""
    try:
        from app.canvas import image_export
    except ImportError:
        image_export = None
    if image_export is not None and hasattr(image_export, "export_svg"):
        image_export.export_svg(window.doc, window.map_id, path)
        return
    from PySide6.QtSvg import QSvgGenerator

    scene = _scene_for(window)
    try:
        rect = scene.itemsBoundingRect().adjusted(-16, -16, 16, 16)
        generator = QSvgGenerator()
        generator.setFileName(path)
        generator.setSize(QSize(round(rect.width()), round(rect.height())))
        generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        generator.setTitle(window.journey.name)
        painter = QPainter(generator)
        scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
        painter.end()
    finally:
        scene.deleteLater()


def export_png(window: MainWindow) -> None:
    """Ask where, then write the map as a PNG image."""
    path = _ask(window, tr("Export PNG Image"), ".png", tr("PNG images (*.png)"))
    if not path:
        return
    try:
        with _Busy():
            render_png(window, path)
    except Exception as error:  # noqa: BLE001 - reported in words
        _failed(window, path, error)
        return
    _done(window, path)


def export_svg(window: MainWindow) -> None:
    """Ask where, then write the map as an SVG image."""
    path = _ask(window, tr("Export SVG Image"), ".svg", tr("SVG images (*.svg)"))
    if not path:
        return
    try:
        with _Busy():
            render_svg(window, path)
    except Exception as error:  # noqa: BLE001 - reported in words
        _failed(window, path, error)
        return
    _done(window, path)


def write_project_json(project, path: str) -> None:
    """The whole project in the JSON interchange format."""
    try:
        from app.export.json_io import write_json
    except ImportError:
        from app.domain.serialize import project_to_dict

        with open(path, "w", encoding="utf-8") as handle:
            json.dump(project_to_dict(project), handle, ensure_ascii=False, indent=2)
        return
    write_json(project, path)


def export_json(window: MainWindow) -> None:
    """Ask where, then write the whole project as JSON."""
    doc = window.doc
    suggested = safe_file_name(doc.project.title) + ".json"
    path = ask_save_path(window, tr("Export JSON"), suggested, tr("JSON documents (*.json)"),
                         ".json")
    if not path:
        return
    try:
        with _Busy():
            write_project_json(doc.project, path)
    except Exception as error:  # noqa: BLE001 - reported in words
        _failed(window, path, error)
        return
    _done(window, path)
