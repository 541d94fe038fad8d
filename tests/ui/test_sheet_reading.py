"""The import reads the workbook in a worker: the editor's event loop keeps turning (a
timer fires in the middle of the read), the rows read so far are shown, and Cancel stops
the read with the project unchanged."""

from __future__ import annotations

import shutil
import threading

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton

from app.dialogs.sheet_import_dialog import SheetImportDialog
from app.export.sheets.read_table import Progress
from app.samples import SAMPLE_CJM, samples_dir
from app.ui import importing
from tests.ui.test_sheet_import import drive

ROWS = 5_000
# The row at which the worker waits for the GUI thread to show it turned (the middle).
HALFWAY = ROWS // 2


@pytest.fixture
def shop(window, tmp_path):
    path = tmp_path / "shop.cjm"
    shutil.copyfile(samples_dir() / SAMPLE_CJM, path)
    assert window.open_path(str(path))
    return path


@pytest.fixture
def big_book(window, tmp_path):
    """A Cards sheet of 5,000 new cards on the sample's first map (written streaming)."""
    from app.domain.model import LaneKind

    journey = window.doc.project.maps[0]
    stage = journey.stages[0].title
    lane = next(ln.title for ln in journey.lanes if ln.kind is LaneKind.TOUCHPOINTS)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Cards")
    sheet.append(["Map", "Stage", "Lane", "Title"])
    for n in range(ROWS - 1):
        sheet.append([journey.name, stage, lane, f"Thẻ số {n}"])
    path = tmp_path / "big.xlsx"
    book.save(path)
    return path


def _gate(monkeypatch, until) -> list[str]:
    """Make the worker wait at HALFWAY until `until()` (set by the GUI thread) — if the GUI
    thread were blocked by the read, it never would be; the wait's bound only fails."""
    failures: list[str] = []
    real_tick = Progress.tick

    def tick(self):
        real_tick(self)
        if self.rows == HALFWAY and not until().wait(60):
            failures.append("the GUI thread did not turn while the worker read")

    monkeypatch.setattr(Progress, "tick", tick)
    return failures


def _progress_dialog(window):
    found = window.findChild(QProgressDialog, "sheet_reading")
    return found if found is not None and found.isVisible() else None


def test_the_event_loop_turns_while_a_large_workbook_is_read(window, shop, big_book, qtbot,
                                                             monkeypatch, boxes):
    turned = threading.Event()
    failures = _gate(monkeypatch, lambda: turned)
    labels: list[str] = []

    def on_timer():
        dialog = _progress_dialog(window)
        if dialog is not None and "rows" in dialog.labelText():
            labels.append(dialog.labelText())
            turned.set()

    timer = QTimer()
    timer.timeout.connect(on_timer)
    timer.start(1)
    monkeypatch.setattr(importing, "ask_open_spreadsheet", lambda parent: str(big_book))
    # The preview is looked at, not applied (applying 5,000 cards is another matter).
    seen = drive(monkeypatch, qtbot, SheetImportDialog, lambda d: d.reject())
    assert window.actions.import_sheet.trigger() is None
    timer.stop()
    assert boxes == []
    assert failures == [] and labels, "the timer never fired during the read"
    assert labels[0].startswith("Reading “big.xlsx”: ") and labels[0].endswith(" rows…")
    assert int(labels[-1].split(": ")[1].split()[0].replace(",", "")) >= HALFWAY
    assert seen and len(seen[0].plan.added) == ROWS - 1
    assert _progress_dialog(window) is None


def test_cancel_stops_the_read_and_changes_nothing(window, shop, big_book, qtbot,
                                                   monkeypatch, boxes):
    original = shop.read_bytes()
    cancelled = threading.Event()
    _gate(monkeypatch, lambda: cancelled)

    def on_timer():
        dialog = _progress_dialog(window)
        if dialog is not None and not cancelled.is_set():
            button = dialog.findChild(QPushButton)
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton,
                             pos=QPoint(button.width() // 2, button.height() // 2))
            cancelled.set()

    timer = QTimer()
    timer.timeout.connect(on_timer)
    timer.start(1)
    monkeypatch.setattr(importing, "ask_open_spreadsheet", lambda parent: str(big_book))
    seen = drive(monkeypatch, qtbot, SheetImportDialog, lambda d: None)
    steps = window.doc.undo_stack.count()
    assert importing.import_spreadsheet(window) is False
    timer.stop()
    assert cancelled.is_set() and seen == [] and boxes == []
    assert window.statusBar().currentMessage() == "Import cancelled; the project is unchanged."
    assert window.doc.undo_stack.count() == steps and shop.read_bytes() == original
    assert _progress_dialog(window) is None


def test_an_error_in_the_worker_is_the_usual_dialog(window, shop, tmp_path, monkeypatch,
                                                    boxes):
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"PK\x03\x04" + bytes(100))
    monkeypatch.setattr(importing, "ask_open_spreadsheet", lambda parent: str(bad))
    assert importing.import_spreadsheet(window) is False
    assert boxes == [("Import Failed", "“broken.xlsx” could not be imported; the project is "
                                       "unchanged. broken.xlsx: the workbook is damaged (not "
                                       "a complete zip file)")]
