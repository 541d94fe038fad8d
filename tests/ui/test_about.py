"""Help ▸ About: the version, the Qt and Python it runs on, the bundled licences."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from app.ui.help_dialogs import AboutDialog
from tests.issue5.modal import press, when_modal
from tests.ui.conftest import menu_action

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def _open_about(window, qtbot) -> dict:
    """Choose Help ▸ About, read what the box shows, click a licence, close it."""
    seen: dict = {}

    def read(dialog) -> None:
        seen["labels"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        seen["title"] = dialog.windowTitle()
        listing = dialog.findChild(type(dialog.components), "licences")
        seen["rows"] = [listing.item(i).text() for i in range(listing.count())]
        text = dialog.findChild(type(dialog.text), "licence-text")
        seen["first_text"] = text.toPlainText()
        row = next(i for i, r in enumerate(seen["rows"]) if r.startswith("Qt and PySide6"))
        item = listing.item(row)
        listing.scrollToItem(item)
        qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton,
                         pos=listing.visualItemRect(item).center())
        seen["qt_text"] = text.toPlainText()
        press(dialog, QDialogButtonBox.StandardButton.Close)

    shown = when_modal(read, expect=AboutDialog)
    menu_action(window, "Help", "About").trigger()
    assert shown, "Help ▸ About opened no dialog"
    return seen


def test_about_shows_the_version_and_what_it_runs_on(window, qtbot):
    seen = _open_about(window, qtbot)
    version = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]
    assert seen["title"] == "About Journey Studio"
    assert f"Journey Studio {version}" in seen["labels"]
    python = ".".join(map(str, sys.version_info[:3]))
    assert f"Qt {qVersion()} · PySide6 {PySide6.__version__} · Python {python}" \
        in seen["labels"]


def test_about_lists_the_bundled_licences_and_shows_their_text(window, qtbot):
    seen = _open_about(window, qtbot)
    names = [row.split(" — ")[0] for row in seen["rows"]]
    for needed in ("DejaVu Sans fonts", "Python", "Qt and PySide6 (Qt for Python)",
                   "SQLAlchemy", "Alembic", "ReportLab"):
        assert needed in names
    assert seen["rows"][0].startswith("DejaVu Sans fonts — Bitstream Vera")
    # The first entry is shown at once: the font licence itself, not a summary.
    assert "Bitstream Vera" in seen["first_text"] and "Permission is hereby granted" \
        in seen["first_text"]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in seen["qt_text"]
