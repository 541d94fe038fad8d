"""Help ▸ Keyboard Shortcuts: every description readable, none cut."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from app.ui.help_dialogs import ShortcutsDialog


@pytest.fixture
def dialog(opened, qtbot, monkeypatch):
    """The dialog as Help ▸ Keyboard Shortcuts (F1) opens it, shown instead of run."""
    shown = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: shown.append(self) or 0)
    opened.actions.shortcuts.trigger()
    dlg = shown[0]
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    QApplication.processEvents()
    return dlg


def test_every_description_shows_whole(dialog):
    tree = dialog.tree
    metrics = tree.fontMetrics()
    width = tree.header().sectionSize(0)
    assert tree.horizontalScrollBar().maximum() == 0
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        rect = tree.visualItemRect(item)
        keys = item.text(1)
        assert metrics.horizontalAdvance(keys) < tree.header().sectionSize(1), keys
        text = item.text(0)
        needed = metrics.boundingRect(QRect(0, 0, width - 8, 10000),
                                      int(Qt.TextFlag.TextWordWrap), text)
        assert needed.width() <= width and needed.height() <= rect.height() + 2, text


def test_long_descriptions_wrap_in_a_narrow_window(dialog, qtbot):
    dialog.resize(380, 600)
    QApplication.processEvents()
    tree = dialog.tree
    tall = [tree.visualItemRect(tree.topLevelItem(i)).height()
            for i in range(tree.topLevelItemCount())]
    line = tree.fontMetrics().height()
    assert max(tall) >= 2 * line - 2  # a long one took two lines rather than an ellipsis
    assert tree.horizontalScrollBar().maximum() == 0


def test_the_new_keys_are_listed(dialog):
    rows = dict((t.strip(), k) for t, k in dialog.rows())
    assert rows["Focus on the Map"] == "F11"
    assert rows["Start or Pause Timer"] == "Ctrl+Alt+W"
    assert "Tab, Shift+Tab" in rows.values() and "Type a letter" in rows.values()
    assert list(rows).count("PDF…") <= 1



def test_linking_two_cards_and_drawing_a_connector_are_listed(dialog):
    tree = dialog.tree
    rows = [(tree.topLevelItem(i).text(0).strip(), tree.topLevelItem(i).text(1))
            for i in range(tree.topLevelItemCount())]
    assert ("Link Selected Cards", "Ctrl+L") in rows
    assert ("Draw a connector to another card or a stage header",
            "Drag the dot on a card's right edge") in rows
