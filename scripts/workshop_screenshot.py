"""Draw the workshop pictures of the docs: the Vietnamese sample at 1280 × 800.

    xvfb-run -s "-screen 0 1280x800x24" .venv/bin/python scripts/workshop_screenshot.py

- docs/filtered-view.png: the filter keeps the pains of severity 2 or 3 (others dimmed),
  the find bar looks for "giao hang" among them;
- docs/focus-mode.png: View ▸ Focus on the Map (F11), no docks or toolbar;
- docs/present.png: present mode on stage 2 with the workshop timer running;
- docs/projector-1280.png: the editor as it opens at 1280 × 800 (docks as rails);
- docs/dot-voting.png: a voting round of three participants, dots on pains and
  opportunities, the Dot Voting dock with the tally.
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
    from app.ui.present import presenter_of

    install_translation("vi")

    def opened() -> MainWindow:
        path = Path(tempfile.mkdtemp()) / "mau.cjm"
        Document.create(str(path), build_sample()).close()
        window = MainWindow(remember=False)
        window.resize(1280, 800)
        window.show()
        for _ in range(5):  # the first layout: a 1280-wide window starts with rails
            app.processEvents()
        assert window.open_path(str(path))
        for _ in range(20):  # the window's first scroll home runs before the find's scroll
            app.processEvents()
        return window

    def save(window: MainWindow, name: str) -> None:
        for _ in range(10):
            app.processEvents()
        out = ROOT / "docs" / name
        window.grab().save(str(out))
        print(out)
        window.set_document(None)
        window.close()

    save(opened(), "projector-1280.png")

    window = opened()
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
    print(window.map_focus.status.text(), window.find_bar.count.text())
    save(window, "filtered-view.png")

    window = opened()
    window.workspace.set_focus(True)
    save(window, "focus-mode.png")

    window = opened()
    presenter_of(window).start(1, full_screen=False)
    countdown = window.timer.countdown
    countdown.set_duration(5)
    countdown.clock = lambda: 47.0 + (countdown._deadline or 0.0) - 300.0  # 4:13 left
    countdown.tick()
    save(window, "present.png")

    window = opened()
    voting = window.voting
    voting.start_round("Cơ hội ưu tiên", 3, ["Lan", "Minh", "Hùng"])
    journey = window.journey
    kinds = {lane.id: lane.kind for lane in journey.lanes}
    ideas = [c for c in journey.cards
             if kinds[c.lane_id] in (LaneKind.PAINS, LaneKind.OPPORTUNITIES)]
    for who, index in (("Lan", 0), ("Lan", 0), ("Minh", 0), ("Minh", 6), ("Hùng", 6),
                       ("Lan", 1), ("Hùng", 7)):
        voting.set_participant(who)
        assert voting.add_dot(ideas[index]) is not None, window.statusBar().currentMessage()
    voting.set_participant("Minh")
    window.view.set_zoom(1.2)
    window.reveal(ideas[6].id)
    save(window, "dot-voting.png")


if __name__ == "__main__":
    main()
