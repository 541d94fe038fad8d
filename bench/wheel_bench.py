"""The experience wheel at 5,000 cards: rebuilding its geometry (what the dock does after
each change while shown), painting it in the dock, and the `--wheel-only` PDF page.

Run: .venv/bin/python bench/wheel_bench.py [--cards 5000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.canvas_bench import build_project  # noqa: E402


def timed(run) -> float:
    """Wall milliseconds of one call."""
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from app.canvas.wheel import Place, paint_wheel
    from app.domain.wheel import build_wheel
    from app.export.i18n import texts_for
    from app.export.pdf import PdfOptions, export_pdf

    app = QApplication.instance() or QApplication([])
    project = build_project(args.cards)
    journey = project.maps[0]
    build_wheel(journey, project)  # label boxes cached, as after the dock's first paint
    rebuild = [timed(lambda: build_wheel(journey, project)) for _ in range(args.rounds)]
    wheel = build_wheel(journey, project)
    image = QImage(460, 460, QImage.Format.Format_ARGB32_Premultiplied)
    from PySide6.QtCore import QRectF

    def paint() -> None:
        painter = QPainter(image)
        paint_wheel(painter, Place(QRectF(0, 0, 460, 460)), wheel, project, texts_for("vi"))
        painter.end()

    painted = [timed(paint) for _ in range(args.rounds)]
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "wheel.pdf"
        pdf = [timed(lambda: export_pdf(project, out, PdfOptions(page="A4", wheel="only")))
               for _ in range(args.rounds)]
    for name, values in (("rebuild the geometry", rebuild), ("paint the dock (460 px)", painted),
                         ("--wheel-only A4 PDF", pdf)):
        print(f"{name}: {statistics.median(values):.1f} ms "
              f"({min(values):.1f}–{max(values):.1f})")
    del app


if __name__ == "__main__":
    main()
