"""`journey-studio install-desktop`: the menu entry, the .cjm file type and the icons."""

from __future__ import annotations

import configparser
import shutil
import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app import desktop
from app.cli import main
from app.resources import resource
from tests.cli.helpers import assert_one_error_line

MIME = "{http://www.freedesktop.org/standards/shared-mime-info}"
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux desktops")


@pytest.fixture
def data_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_install_for_the_user_puts_entry_type_and_icons_in_xdg_data_home(data_home, capsys):
    assert main(["install-desktop", "--user"]) == 0
    out = capsys.readouterr().out
    entry_file = data_home / "applications" / "journey-studio.desktop"
    assert f"Installed {entry_file}" in out
    entry = _entry(entry_file)
    assert entry["Type"] == "Application" and entry["Name"] == "Journey Studio"
    assert entry["MimeType"] == "application/x-journey-studio;"
    # Exec starts this very installation (the venv's script), with the file double-clicked.
    assert entry["Exec"] == f"{Path(sys.executable).with_name('journey-studio')} %f"
    for icon in ("scalable/apps/journey-studio.svg", "256x256/apps/journey-studio.png",
                 "scalable/mimetypes/application-x-journey-studio.svg"):
        assert (data_home / "icons" / "hicolor" / icon).is_file()
    package = data_home / "mime" / "packages" / "journey-studio.xml"
    assert package.read_bytes() == resource("desktop", "journey-studio.xml").read_bytes()
    if shutil.which("update-mime-database"):
        assert "Refreshed with update-mime-database" in out
        globs = (data_home / "mime" / "globs2").read_text()
        assert "application/x-journey-studio:*.cjm" in globs
        assert "application/x-journey-studio" in (data_home / "mime" / "magic").read_text(
            errors="replace")


def test_the_mime_magic_matches_a_project_and_not_another_sqlite_file(tmp_path):
    import sqlite3

    root = ET.parse(resource("desktop", "journey-studio.xml")).getroot()
    kind = root.find(f"{MIME}mime-type")
    assert kind.get("type") == "application/x-journey-studio"
    assert kind.find(f"{MIME}glob").get("pattern") == "*.cjm"
    outer = kind.find(f"{MIME}magic/{MIME}match")
    inner = outer.find(f"{MIME}match")

    def matches(path: Path) -> bool:
        head = path.read_bytes()[:100]
        text = outer.get("value").encode()
        offset = int(inner.get("offset"))
        return (head[int(outer.get("offset")):].startswith(text)
                and struct.unpack(">I", head[offset:offset + 4])[0] == int(inner.get("value"),
                                                                            16))

    assert matches(resource("samples", "online-shop.cjm"))
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    assert not matches(other)


def test_without_user_it_installs_system_wide(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(desktop, "SYSTEM_DATA", tmp_path / "system")
    assert main(["install-desktop"]) == 0
    assert (tmp_path / "system" / "applications" / "journey-studio.desktop").is_file()


def test_a_folder_it_may_not_write_is_one_error_line(data_home, monkeypatch, capsys):
    def refuse(path, _data):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(desktop, "SYSTEM_DATA", data_home / "system")
    monkeypatch.setattr(desktop, "_write", refuse)
    code = main(["install-desktop"])
    assert_one_error_line(code, capsys.readouterr().err, "permission denied", "--user")


def test_a_relative_xdg_data_home_is_ignored(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", "relative/data")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert desktop.data_home(user=True) == tmp_path / ".local" / "share"


def test_exec_arguments_with_spaces_are_quoted_as_the_spec_asks():
    assert desktop.exec_quote("/opt/Journey Studio/journey-studio") == \
        '"/opt/Journey Studio/journey-studio"'
    assert desktop.exec_quote("/opt/100%/js") == "/opt/100%%/js"
    assert desktop.exec_quote('/a"b') == '"/a\\\\"b"'
