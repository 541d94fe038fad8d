"""Small pieces the dialogs share: the bundled line icons, round photos, colour buttons.

Dialogs sit beside the canvas in the layer order, so they draw the shared icon set from
its generated SVG files (resources/icons) instead of importing the canvas renderer.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QIcon,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QToolButton,
    QWidget,
)

from app.document import operations
from app.document.document import Document
from app.domain import icons as icon_data

_RATIO = 2.0  # pixmaps are drawn at twice their size so they stay crisp on HiDPI screens


def tr(text: str) -> str:
    """Translate in the shared 'Dialogs' context."""
    return QCoreApplication.translate("Dialogs", text)


@lru_cache(maxsize=256)
def line_icon_pixmap(name: str, color: str = "#1F2328", size: int = 20) -> QPixmap:
    """A bundled line icon (channel or lane kind) drawn in `color`."""
    pixmap = QPixmap(round(size * _RATIO), round(size * _RATIO))
    pixmap.setDevicePixelRatio(_RATIO)
    pixmap.fill(Qt.GlobalColor.transparent)
    path = icon_data.ICON_DIR / f"{icon_data.icon_name(name)}.svg"
    renderer = QSvgRenderer(str(path))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    # The SVGs are drawn in one ink; recolour every stroke by keeping only its alpha.
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(QRectF(0, 0, size, size), QColor(color))
    painter.end()
    return pixmap


def line_icon(name: str, color: str = "#1F2328") -> QIcon:
    """A bundled line icon as a QIcon with crisp pixmaps for list and button sizes."""
    icon = QIcon()
    for size in (16, 20, 24):
        icon.addPixmap(line_icon_pixmap(name, color, size))
    return icon


def swatch_icon(color: str, size: int = 16) -> QIcon:
    """A rounded square of `color`, for colour buttons."""
    pixmap = QPixmap(round(size * _RATIO), round(size * _RATIO))
    pixmap.setDevicePixelRatio(_RATIO)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(0, 0, 0, 60), 1))
    painter.setBrush(QColor(color))
    painter.drawRoundedRect(QRectF(1, 1, size - 2, size - 2), 3, 3)
    painter.end()
    return QIcon(pixmap)


def initials(name: str) -> str:
    """One or two capital letters for an avatar without a photo ("Nguyễn Lan" -> "NL")."""
    words = [w for w in name.split() if w[:1].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:1].upper()
    return (words[0][:1] + words[-1][:1]).upper()


_AVATAR_COLORS = ("#2F6FB3", "#1E8449", "#8E44AD", "#C0392B", "#B9770E", "#137C86")


def round_photo(photo: bytes | None, size: int, name: str = "") -> QPixmap:
    """The persona's photo cropped to a circle, or a coloured circle with initials."""
    pixmap = QPixmap(round(size * _RATIO), round(size * _RATIO))
    pixmap.setDevicePixelRatio(_RATIO)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    circle = QRectF(0.5, 0.5, size - 1, size - 1)
    image = QImage.fromData(photo) if photo else QImage()
    if not image.isNull():
        clip = QPainterPath()
        clip.addEllipse(circle)
        painter.setClipPath(clip)
        # Cover the circle: scale the short side to fit, centre the long one.
        k = size / min(image.width(), image.height())
        w, h = image.width() * k, image.height() * k
        painter.drawImage(QRectF((size - w) / 2, (size - h) / 2, w, h), image)
        painter.setClipping(False)
        painter.setPen(QPen(QColor(0, 0, 0, 40), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(circle)
    else:
        color = _AVATAR_COLORS[sum(map(ord, name)) % len(_AVATAR_COLORS)] if name else "#95A5A6"
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(color)))
        painter.drawEllipse(circle)
        font = QFont("DejaVu Sans")
        font.setPixelSize(max(8, round(size * 0.36)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#FFFFFF"))
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, initials(name))
    painter.end()
    return pixmap


class ColorButton(QToolButton):
    """A button showing a colour swatch; clicking asks for a new colour."""

    color_chosen = Signal(str)

    def __init__(self, color: str = "#2F6FB3", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setIconSize(QSize(16, 16))
        self._color = ""
        self.set_color(color)
        self.clicked.connect(self._ask)

    @property
    def color(self) -> str:
        """The colour shown, as "#RRGGBB"."""
        return self._color

    def set_color(self, color: str) -> None:
        """Show `color` without asking."""
        self._color = QColor(color).name().upper() if QColor(color).isValid() else "#999999"
        self.setIcon(swatch_icon(self._color))
        self.setText(self._color)

    def _ask(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._color), self, tr("Choose a colour"))
        if chosen.isValid():
            self.set_color(chosen.name())
            self.color_chosen.emit(self._color)


def run_operation(doc: Document, action: Callable[[], Any]) -> bool:
    """Run one document operation through its door; False when it did not happen.

    A refusal or a failed write is announced by the document (Document.failed), and the
    window shows it over the dialog in front (app.ui.failures); nothing is raised into Qt.
    """
    ok, _ = doc.attempt(action)
    return ok


def apply_edit_dialog(parent: QWidget | None, doc: Document, dialog: QDialog, entity: Any,
                      text: str) -> bool:
    """Run an editor dialog on `entity`; OK applies what changed as one undo step.

    The dialog's `values()` must offer `changes_to(entity)`; a read-only document shows
    the dialog with OK disabled, so it can be looked at but not applied.
    """
    if doc.read_only:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    changes = dialog.values().changes_to(entity)
    if not changes:
        return False
    return run_operation(doc, lambda: operations.set_fields(doc, entity, text, **changes))


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask a yes/no question whose default answer is No (used before deleting)."""
    answer = QMessageBox.question(
        parent, title, text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def writable(doc: Document) -> bool:
    """True when the document accepts changes."""
    return not doc.read_only


class FollowingDialog(QDialog):
    """A manager dialog that refreshes on every document change (an undo made elsewhere
    included) and stops following the document once it closes."""

    def follow(self, doc: Document) -> None:
        """Refresh after each of the document's changes until the dialog is done."""
        self._followed = doc
        # Not coalesced: a manager's list is short, and its buttons act on the row shown.
        self._subscription = doc.subscribe(self, self._on_document_changed, coalesce=False)

    def _on_document_changed(self, _changes: list) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Show the model as it is now (override)."""

    def done(self, result: int) -> None:
        subscription = getattr(self, "_subscription", None)
        if subscription is not None:
            subscription.cancel()
            self._subscription = None
            self._followed = None
        super().done(result)


def safe_file_name(name: str) -> str:
    """`name` as a suggested file name: every letter, dash and sign kept (Vietnamese,
    "—"), only what file systems refuse (<>:"/\\|?* and control characters) made a "-"."""
    cleaned = "".join("-" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in name)
    return cleaned.strip(" .") or "journey"
