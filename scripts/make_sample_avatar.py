"""Draw the sample persona's avatar (resources/samples/avatar.png) with QPainter.

Run once with `QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_sample_avatar.py`;
the PNG is committed, so the sample builder itself stays free of Qt.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

SIZE = 192
OUT = Path(__file__).resolve().parents[1] / "resources" / "samples" / "avatar.png"


def draw(p: QPainter) -> None:
    """A friendly illustrated face: hair, face, eyes, smile, blouse, on a round backdrop."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    clip = QPainterPath()
    clip.addEllipse(QRectF(0, 0, SIZE, SIZE))
    p.setClipPath(clip)
    p.fillRect(QRectF(0, 0, SIZE, SIZE), QColor("#DCEBF7"))
    p.setBrush(QColor("#C6DDF0"))
    p.drawEllipse(QRectF(-40, 110, 272, 200))

    # Hair behind the head: shoulder length, dark brown.
    hair = QColor("#2B1D16")
    p.setBrush(hair)
    back = QPainterPath()
    back.moveTo(44, 150)
    back.cubicTo(30, 90, 48, 34, 96, 32)
    back.cubicTo(144, 34, 162, 90, 148, 150)
    back.cubicTo(130, 160, 62, 160, 44, 150)
    p.drawPath(back)

    # Blouse and neck.
    p.setBrush(QColor("#137C86"))
    body = QPainterPath()
    body.moveTo(26, SIZE)
    body.cubicTo(30, 150, 60, 140, 96, 140)
    body.cubicTo(132, 140, 162, 150, 166, SIZE)
    body.closeSubpath()
    p.drawPath(body)
    skin = QColor("#F1C9A5")
    p.setBrush(skin.darker(108))
    p.drawRoundedRect(QRectF(82, 116, 28, 32), 10, 10)
    p.setBrush(QColor("#F7F3EA"))
    collar = QPainterPath()
    collar.moveTo(80, 142)
    collar.lineTo(96, 162)
    collar.lineTo(112, 142)
    collar.lineTo(104, 140)
    collar.lineTo(96, 150)
    collar.lineTo(88, 140)
    collar.closeSubpath()
    p.drawPath(collar)

    # Face and ears.
    p.setBrush(skin)
    p.drawEllipse(QRectF(55, 84, 12, 20))
    p.drawEllipse(QRectF(125, 84, 12, 20))
    p.drawEllipse(QRectF(60, 46, 72, 84))

    # Fringe swept to one side.
    p.setBrush(hair)
    fringe = QPainterPath()
    fringe.moveTo(58, 86)
    fringe.cubicTo(56, 52, 78, 38, 100, 40)
    fringe.cubicTo(124, 42, 138, 60, 136, 88)
    fringe.cubicTo(122, 70, 104, 62, 84, 58)
    fringe.cubicTo(76, 70, 68, 80, 58, 86)
    p.drawPath(fringe)

    # Eyes, brows, blush, smile.
    p.setBrush(QColor("#2B1D16"))
    p.drawEllipse(QPointF(82, 90), 4.2, 5.0)
    p.drawEllipse(QPointF(110, 90), 4.2, 5.0)
    p.setBrush(QColor("#FFFFFF"))
    p.drawEllipse(QPointF(83.3, 88.5), 1.3, 1.3)
    p.drawEllipse(QPointF(111.3, 88.5), 1.3, 1.3)
    brow = QPen(QColor("#3A2A20"), 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    p.setPen(brow)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawArc(QRectF(74, 76, 16, 8), 30 * 16, 120 * 16)
    p.drawArc(QRectF(102, 76, 16, 8), 30 * 16, 120 * 16)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(QColor(232, 120, 120, 90)))
    p.drawEllipse(QPointF(74, 104), 7, 4.5)
    p.drawEllipse(QPointF(118, 104), 7, 4.5)
    p.setPen(QPen(QColor("#B5564B"), 2.8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawArc(QRectF(84, 98, 24, 16), 200 * 16, 140 * 16)
    p.setPen(QPen(QColor("#D9A382"), 2.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawArc(QRectF(92, 92, 8, 8), 220 * 16, 100 * 16)


def main() -> int:
    """Draw and save the avatar."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    draw(painter)
    painter.end()
    ok = image.save(str(OUT), "PNG", 0)
    del app
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
