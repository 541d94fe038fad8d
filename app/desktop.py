"""`journey-studio install-desktop`: menu entry, `.cjm` file type and icons on a Linux desktop.

Installs the files of resources/desktop by the freedesktop.org specifications: the
desktop entry in `applications/`, the MIME type in `mime/packages/`, the icons in the
hicolor theme, under `$XDG_DATA_HOME` (default ~/.local/share) for `--user`, else under
/usr/local/share; then refreshes the MIME and desktop databases when their tools are
installed. The entry's Exec line names the program that runs this command (the bundle's
executable, or the installed `journey-studio` script), so a double-click opens that one.
Standard library only: it runs from the wheel, the bundle and a checkout alike.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from app.resources import resource

APP_ID = "journey-studio"
MIME_TYPE = "application/x-journey-studio"
MIME_ICON = MIME_TYPE.replace("/", "-")
SYSTEM_DATA = Path("/usr/local/share")
# Characters the desktop entry spec says must be quoted in an Exec argument.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


@dataclass
class Installed:
    """What install() wrote and which databases it refreshed."""

    folder: Path
    files: list[Path] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)
    missing_tools: list[str] = field(default_factory=list)


def data_home(user: bool) -> Path:
    """Where the files go: the user's data folder, or the system-wide local one."""
    if not user:
        return SYSTEM_DATA
    xdg = os.environ.get("XDG_DATA_HOME", "")
    # The spec: a relative XDG_DATA_HOME is invalid and is ignored.
    return Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".local" / "share"


def launcher() -> list[str]:
    """The command that starts this same Journey Studio."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: its executable
        return [sys.executable]
    script = Path(sys.executable).with_name(APP_ID)
    if script.is_file():
        return [str(script)]
    found = shutil.which(APP_ID)
    return [found] if found else [sys.executable, "-m", "app"]


def exec_quote(argument: str) -> str:
    """One Exec argument, quoted as the desktop entry spec asks (then `%` doubled)."""
    if any(ch in _RESERVED for ch in argument):
        escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in argument)
        argument = f'"{escaped}"'
    # A backslash is also an escape of the file's string values: written twice.
    return argument.replace("\\", "\\\\").replace("%", "%%")


def desktop_entry(command: list[str]) -> str:
    """resources/desktop/journey-studio.desktop with Exec and TryExec naming `command`."""
    template = resource("desktop", f"{APP_ID}.desktop").read_text(encoding="utf-8")
    quoted = " ".join(exec_quote(part) for part in command)
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={quoted} %f"
        elif line.startswith("TryExec="):
            line = f"TryExec={exec_quote(command[0])}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _write(path: Path, data: bytes) -> Path:
    # Written beside the target and renamed: a reader never sees half a file.
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(data)
        partial.chmod(0o644)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def install(user: bool) -> Installed:
    """Install the desktop entry, the MIME type and the icons; refresh the databases."""
    home = data_home(user)
    done = Installed(folder=home)
    source = resource("desktop")
    svg = (source / f"{APP_ID}.svg").read_bytes()
    png = (source / f"{APP_ID}.png").read_bytes()
    icons = home / "icons" / "hicolor"
    writes = {
        home / "applications" / f"{APP_ID}.desktop": desktop_entry(launcher()).encode(),
        home / "mime" / "packages" / f"{APP_ID}.xml": (source / f"{APP_ID}.xml").read_bytes(),
        icons / "scalable" / "apps" / f"{APP_ID}.svg": svg,
        icons / "256x256" / "apps" / f"{APP_ID}.png": png,
        icons / "scalable" / "mimetypes" / f"{MIME_ICON}.svg": svg,
        icons / "256x256" / "mimetypes" / f"{MIME_ICON}.png": png,
    }
    for path, data in writes.items():
        done.files.append(_write(path, data))
    for tool, folder in (("update-mime-database", home / "mime"),
                         ("update-desktop-database", home / "applications")):
        program = shutil.which(tool)
        if program is None:
            done.missing_tools.append(tool)
            continue
        result = subprocess.run([program, str(folder)], capture_output=True, text=True,
                                check=False)
        if result.returncode != 0:
            last = (result.stderr.strip().splitlines() or ["failed"])[-1]
            raise OSError(f"{tool} {folder}: {last}")
        done.refreshed.append(tool)
    return done
