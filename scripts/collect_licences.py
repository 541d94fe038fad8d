"""Copy the licence texts of everything Journey Studio ships into resources/licenses/.

The wheel and the PyInstaller bundle carry these files, and Help ▸ About lists them from
resources/licenses/index.json. Run it after changing a run-time dependency (from the
project's venv, with the `[ship]` extra for PyInstaller's bootloader licence):

    .venv/bin/python scripts/collect_licences.py
"""

from __future__ import annotations

import json
import sys
import sysconfig
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "licenses"
COMMON = Path("/usr/share/common-licenses")

# (file, what it covers, licence, where the text comes from: a distribution or a path)
COMPONENTS: list[tuple[str, str, str, str]] = [
    ("dejavu-fonts.txt", "DejaVu Sans fonts",
     "Bitstream Vera licence; DejaVu changes in the public domain",
     str(ROOT / "resources" / "fonts" / "LICENSE")),
    ("python.txt", "Python", "PSF License", "python"),
    ("qt-pyside6.txt", "Qt and PySide6 (Qt for Python)", "LGPL-3.0", str(COMMON / "LGPL-3")),
    ("gpl-3.0.txt", "GNU GPL 3.0 (the base the LGPL-3.0 adds to)", "GPL-3.0",
     str(COMMON / "GPL-3")),
    ("sqlalchemy.txt", "SQLAlchemy", "MIT", "SQLAlchemy"),
    ("alembic.txt", "Alembic", "MIT", "alembic"),
    ("mako.txt", "Mako", "MIT", "Mako"),
    ("markupsafe.txt", "MarkupSafe", "BSD-3-Clause", "MarkupSafe"),
    ("typing-extensions.txt", "typing_extensions", "PSF-2.0", "typing_extensions"),
    ("reportlab.txt", "ReportLab", "BSD", "reportlab"),
    ("rl-accel.txt", "rl_accel", "BSD", "rl_accel"),
    ("pillow.txt", "Pillow", "MIT-CMU", "pillow"),
    ("charset-normalizer.txt", "charset-normalizer", "MIT", "charset-normalizer"),
    ("pyinstaller.txt", "PyInstaller bootloader (the desktop bundles)",
     "GPL-2.0 with the bootloader exception", "pyinstaller"),
]


def licence_text(source: str) -> str:
    """The text of a licence: a file, Python's own, or a distribution's licence file."""
    if source.startswith("/"):
        return Path(source).read_text(encoding="utf-8")
    if source == "python":
        stdlib = Path(sysconfig.get_paths()["stdlib"])
        return (stdlib / "LICENSE.txt").read_text(encoding="utf-8")
    dist = distribution(source)
    names = [f for f in dist.files or [] if ".dist-info" in str(f)
             and Path(str(f)).name.upper().startswith(("LICENSE", "COPYING"))]
    if not names:
        raise SystemExit(f"error: {source} has no licence file in its metadata")
    return "\n\n".join(Path(str(dist.locate_file(f))).read_text(encoding="utf-8")
                       for f in sorted(names, key=str))


def main() -> int:
    OUT.mkdir(exist_ok=True)
    index = []
    for file, name, licence, source in COMPONENTS:
        try:
            text = licence_text(source)
        except (OSError, PackageNotFoundError) as error:
            print(f"error: {name}: {error}", file=sys.stderr)
            return 2
        (OUT / file).write_text(text.strip() + "\n", encoding="utf-8")
        index.append({"name": name, "licence": licence, "file": file})
        print(OUT / file)
    (OUT / "index.json").write_text(json.dumps(index, indent=1, ensure_ascii=False) + "\n",
                                    encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
