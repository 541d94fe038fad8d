"""The Vietnamese translation ships, loads and covers the interface."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from app.ui.i18n import current_language, install_translation, translation_file
from app.ui.main_window import MainWindow
from app.ui.settings import effective_language, set_preferred_language

TS = Path(translation_file("vi")).with_suffix(".ts")


def test_the_compiled_translation_ships():
    assert Path(translation_file("vi")).stat().st_size > 10_000


def test_vietnamese_translation_loads_and_translates():
    assert install_translation("vi") == "vi"
    try:
        assert current_language() == "vi"
        assert QCoreApplication.translate("MainWindow", "&File") == "&Tệp"
        assert QCoreApplication.translate("Names", "Touchpoints") == "Điểm chạm"
        assert QCoreApplication.translate("commands", "Add card") == "Thêm thẻ"
        assert QCoreApplication.translate("Inspector", "&Title:") == "&Tiêu đề:"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Huỷ"
    finally:
        install_translation("en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_the_window_speaks_vietnamese(vietnamese, qtbot):
    window = MainWindow(remember=False)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Tệp", "&Sửa", "&Xem", "&Bản đồ", "T&rợ giúp"]
    assert window.actions.undo.text() == "Hoàn tác"


def test_every_string_has_a_translation():
    root = ET.parse(TS).getroot()
    unfinished = [m.findtext("source") for m in root.iter("message")
                  if m.find("translation").get("type") in ("unfinished", "vanished")]
    assert unfinished == []
    sources = {m.findtext("source") for m in root.iter("message")}
    assert {"Save a Cop&y As…", "Stages: %1", "New Map from Template…"} <= sources


@pytest.mark.parametrize("language", ["en", "vi"])
def test_menu_accelerators_do_not_clash(language):
    install_translation(language)
    try:
        window = MainWindow(remember=False)
        for menu in [*window.actions.menus.values(), window.menuBar()]:
            keys = []
            for action in menu.actions():
                text = action.text()
                if "&" in text.replace("&&", ""):
                    keys.append(text[text.index("&") + 1].lower())
            assert len(keys) == len(set(keys)), (menu.title(), keys)
        window.deleteLater()
    finally:
        install_translation("en")


def test_language_follows_the_system_unless_chosen():
    assert effective_language("system", QLocale(QLocale.Language.Vietnamese)) == "vi"
    assert effective_language("system", QLocale(QLocale.Language.German)) == "en"
    set_preferred_language("en")
    assert effective_language(None, QLocale(QLocale.Language.Vietnamese)) == "en"
