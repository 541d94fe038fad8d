"""A project on a network drive: the window offers a local copy or reading the original."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from app.document.document import Document
from app.domain.templates import new_project
from app.storage import network


def click_in_next_box(answer: str, seen: list[str]) -> None:
    """Click the button named `answer` in the next message box, with the mouse."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.append(box.text())
        button = next(b for b in box.findChildren(QPushButton) if b.text() == answer)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


@pytest.fixture
def shared_project(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "team.cjm"
    Document.create(str(path), new_project("awareness-5", "en", "Team map")).close()
    fake = tmp_path / "mountinfo"
    fake.write_text(f"22 1 8:1 / / rw - ext4 /dev/sda1 rw\n"
                    f"95 22 0:61 / {folder} rw - cifs //srv/team rw\n", encoding="utf-8")
    monkeypatch.setattr(network, "MOUNTINFO", fake)
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_editing_a_copy_of_a_project_on_a_network_drive(window, shared_project, tmp_path):
    before = _digest(shared_project)
    seen: list[str] = []
    click_in_next_box("Edit a Copy on This Computer", seen)
    click_in_next_box("OK", seen)  # the notice saying where the copy is
    assert window.open_path(str(shared_project))
    copy = tmp_path / "data" / "Local copies" / "team.cjm"
    assert "network drive (cifs)" in seen[0] and "team.cjm" in seen[0]
    assert str(copy) in seen[1]
    assert Path(window.doc.path) == copy and not window.doc.read_only
    assert window.doc.project.title == "Team map"
    assert _digest(shared_project) == before  # the original is untouched
    assert window.recent.paths()[0] == str(copy)  # reopening goes to the copy being edited


def test_reading_the_original_or_cancelling(window, shared_project):
    seen: list[str] = []
    click_in_next_box("Open Read-Only", seen)
    assert window.open_path(str(shared_project))
    assert window.doc.read_only and Path(window.doc.path) == shared_project
    window.set_document(None)
    click_in_next_box("Cancel", seen)
    assert not window.open_path(str(shared_project))
    assert window.doc is None
