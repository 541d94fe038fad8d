"""The package is whole: the wheel holds every module and resource, and works on its own.

The `network` test builds the wheel (pip fetches setuptools into an isolated build
environment), installs it into a fresh venv outside the checkout and exports the sample
from there; skip it offline with `-m "not network"`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

import app
from app import resources
from app.cli import main

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# What the app reads at run time: a wheel without any of these is broken.
RUNTIME_FILES = [
    "app/_resources/fonts/DejaVuSans.ttf", "app/_resources/fonts/DejaVuSans-Bold.ttf",
    "app/_resources/fonts/LICENSE", "app/_resources/i18n/journey_studio_vi.qm",
    "app/_resources/i18n/export_vi.json",
    "app/_resources/samples/online-shop.cjm", "app/_resources/samples/avatar.png",
    "app/_resources/icons/touchpoints.svg", "app/_resources/schema/journey-studio.schema.json",
    "app/_resources/licenses/index.json", "app/_resources/licenses/dejavu-fonts.txt",
    "app/_resources/desktop/journey-studio.desktop", "app/_resources/desktop/journey-studio.xml",
    "app/_resources/desktop/journey-studio.svg",
    "app/storage/migrations/env.py", "app/storage/migrations/script.py.mako",
    "app/storage/migrations/versions/0001_initial.py",
]


def test_every_package_under_app_is_listed_for_the_wheel():
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "app").rglob(
        "__init__.py") if "__pycache__" not in p.parts}
    assert set(PYPROJECT["tool"]["setuptools"]["packages"]) == found | {"app._resources"}


def test_one_version_from_pyproject(capsys):
    assert app.__version__ == PYPROJECT["project"]["version"]
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"journey-studio {app.__version__}\n"


def test_every_listed_licence_file_is_there():
    listed = resources.licences()
    assert listed and all(entry.path.is_file() for entry in listed)
    assert (resources.resource("licenses", "dejavu-fonts.txt").read_bytes()
            == resources.font_file().with_name("LICENSE").read_bytes())


def test_the_locator_prefers_a_pyinstaller_bundle(tmp_path, monkeypatch):
    (tmp_path / "resources" / "fonts").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    resources.resources_dir.cache_clear()
    try:
        assert resources.font_file(bold=True) == \
            tmp_path / "resources" / "fonts" / "DejaVuSans-Bold.ttf"
    finally:
        monkeypatch.undo()
        resources.resources_dir.cache_clear()
    assert resources.resources_dir() == ROOT / "resources"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    # Built from a clean copy: an editable install's egg-info (SOURCES.txt) in the checkout
    # would add files that a fresh clone's wheel lacks.
    source = tmp_path_factory.mktemp("source") / "journey-studio"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv*", "*.egg-info", "build", "dist", "__pycache__", "mutants", ".*cache"))
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w",
                           str(out), str(source)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return next(out.glob("journey_studio-*.whl"))


@pytest.mark.network
def test_the_wheel_holds_every_module_and_resource(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "app").rglob("*.py")
               if "__pycache__" not in p.parts}
    assert modules <= names, sorted(modules - names)
    assert [f for f in RUNTIME_FILES if f not in names] == []
    assert not [n for n in names if n.endswith(".ts") or n.startswith("tests/")]


@pytest.mark.network
def test_the_installed_wheel_exports_the_sample_outside_the_checkout(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    done = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                           "-q", "--no-deps", "--no-index", str(wheel)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    # The dependencies come from this venv's site-packages, appended as a plain path: its
    # .pth files (the editable install's finder among them) are not run.
    site = Path(subprocess.check_output(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        text=True).strip())
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    work = tmp_path / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")

    def run(*args: str) -> str:
        result = subprocess.run([str(python), *args], cwd=work, env=env, capture_output=True,
                                text=True, timeout=120)
        assert result.returncode == 0, result.stderr[-2000:]
        return result.stdout

    where = run("-c", "import app.resources as r; print(r.__file__); print(r.resources_dir())")
    module, folder = map(Path, where.split())
    assert module.is_relative_to(site) and folder == site / "app" / "_resources"
    shutil.copyfile(folder / "samples" / "online-shop.cjm", work / "sample.cjm")
    run("-m", "app", "export", "sample.cjm", "-o", "s.pdf")
    run("-m", "app", "export", "sample.cjm", "-o", "s.png")

    from pypdf import PdfReader

    reader = PdfReader(work / "s.pdf")
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                fonts[str(font["/BaseFont"])] = descriptor is not None and any(
                    key in descriptor.get_object() for key in ("/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts
    assert any("DejaVuSans" in name for name in fonts)
    assert any("Nhận thức" in page.extract_text() for page in reader.pages)

    from PySide6.QtGui import QImage

    image = QImage(str(work / "s.png"))
    assert not image.isNull() and image.width() > 800 and image.height() > 400
