"""Draw docs/filtered-view.png: the Vietnamese sample at 1280 × 800 with a filter and a find.

    xvfb-run -s "-screen 0 1280x800x24" .venv/bin/python scripts/workshop_screenshot.py

The filter keeps the pains of severity 2 or 3 (others dimmed), the find bar looks for
"giao hang" among them.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from app.document.document import Document
    from app.domain.model import LaneKind
    from app.domain.search import Filter
    from app.samples import build_sample
    from app.ui import filter_panel, find_bar
    from app.ui.i18n import install_translation
    from app.ui.main_window import MainWindow

    install_translation("vi")
    path = Path(tempfile.mkdtemp()) / "mau.cjm"
    Document.create(str(path), build_sample()).close()
    window = MainWindow(remember=False)
    window.resize(1280, 800)
    window.show()
    assert window.open_path(str(path))
    for _ in range(20):  # the window's first scroll home runs before the find's scroll
        app.processEvents()
    filter_panel.show_filter(window)
    panel = window.filter_panel
    for name, wanted in (("lane_kinds", {LaneKind.PAINS}), ("severities", {2, 3})):
        for box, value in panel.boxes[name]:
            box.setChecked(value in wanted)
    assert window.map_focus.criteria != Filter()
    find_bar.open_find(window)
    window.find_bar.field.setText("giao hang")
    for _ in range(20):
        app.processEvents()
    out = ROOT / "docs" / "filtered-view.png"
    window.grab().save(str(out))
    print(out, window.map_focus.status.text(), window.find_bar.count.text())
    window.set_document(None)


if __name__ == "__main__":
    main()
