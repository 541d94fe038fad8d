"""The Export dialog's "Picture" group: how a PNG or SVG is framed for slides."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QGridLayout, QGroupBox, QLabel

from app.export.image_options import ImageOptions


def tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


class ImageOptionsBox(QGroupBox):
    """Scale, a 16:9 frame, the title and legend strips, a transparent background."""

    def __init__(self) -> None:
        super().__init__(tr("Picture (PNG, SVG)"))
        grid = QGridLayout(self)
        self.scale = QDoubleSpinBox()
        self.scale.setRange(0.5, 8.0)
        self.scale.setSingleStep(0.5)
        self.scale.setDecimals(1)
        self.scale.setValue(2.0)
        self.scale.setSuffix(" ×")
        self.scale.setToolTip(tr("Pixels per map pixel: 2 is crisp on slides"))
        label = QLabel(tr("Scale:"))
        label.setBuddy(self.scale)
        self.slide = QCheckBox(tr("&16:9 slide frame"))
        self.title_strip = QCheckBox(tr("Title strip"))
        self.legend = QCheckBox(tr("Legend strip"))
        self.transparent = QCheckBox(tr("Transparent bac&kground"))
        grid.addWidget(label, 0, 0)
        grid.addWidget(self.scale, 0, 1)
        grid.addWidget(self.slide, 0, 2)
        grid.addWidget(self.title_strip, 1, 0)
        grid.addWidget(self.legend, 1, 1)
        grid.addWidget(self.transparent, 1, 2)

    def options(self, svg: bool) -> ImageOptions:
        """The choice as ImageOptions (an SVG's scale is its size, 1 by default)."""
        return ImageOptions(scale=self.scale.value() / (2.0 if svg else 1.0),
                            frame="16:9" if self.slide.isChecked() else "map",
                            title=self.title_strip.isChecked(), legend=self.legend.isChecked(),
                            background="transparent" if self.transparent.isChecked()
                            else "white")
