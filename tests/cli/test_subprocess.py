"""The real command (`python -m app`) in a child process: exit codes, stderr, encodings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import digest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: object, cwd: Path, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m app ARGS` in a C locale, so nothing relies on a UTF-8 terminal."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIO"))}
    env.update({"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "QT_QPA_PLATFORM": "offscreen",
                "PYTHONPATH": str(ROOT)})
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, timeout=120)


def assert_clean_failure(result: subprocess.CompletedProcess, fragment: str) -> None:
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2, err
    assert result.stdout == b""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in err
    assert fragment in lines[0]


def test_new_then_info_json_prints_the_vietnamese_stages_in_a_c_locale(tmp_path):
    created = run("new", "x.cjm", "--template", "value-journey-8", "--lang", "vi", cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    info = run("info", "x.cjm", "--json", cwd=tmp_path)
    assert info.returncode == 0, info.stderr
    stages = json.loads(info.stdout.decode("utf-8"))["maps"][0]["stages"]
    assert stages == ["Nhận thức", "Gắn kết", "Đăng ký", "Chuyển đổi", "Hứng thú", "Nâng cấp",
                      "Ủng hộ", "Quảng bá"]


def test_failures_are_one_line_exit_2_without_traceback(tmp_path):
    assert_clean_failure(run("info", "missing.cjm", cwd=tmp_path), "missing.cjm: no such file")
    (tmp_path / "notes.cjm").write_text("Ghi chú, không phải dự án", encoding="utf-8")
    before = digest(tmp_path / "notes.cjm")
    assert_clean_failure(run("info", "notes.cjm", cwd=tmp_path), "not a Journey Studio project")
    assert digest(tmp_path / "notes.cjm") == before
    (tmp_path / "bad.json").write_text('{"format": "journey-studio", "version": 1, "pro',
                                       encoding="utf-8")
    assert_clean_failure(run("import", "bad.json", "-o", "x.cjm", cwd=tmp_path),
                         "bad.json: not valid JSON")
    assert not (tmp_path / "x.cjm").exists()
    assert_clean_failure(run("new", "y.cjm", "--lang", "fr", cwd=tmp_path), "unknown language")
    assert_clean_failure(run("export", "nothing.cjm", cwd=tmp_path), "-o/--output")


def test_a_vietnamese_file_name_in_an_error_survives_a_c_locale(tmp_path):
    result = run("info", "bản đồ.cjm", cwd=tmp_path)
    assert_clean_failure(result, "bản đồ.cjm: no such file")


@pytest.mark.parametrize(("command", "banned"), [
    (["info", "{sample}", "--json"], ("PySide6", "reportlab", "openpyxl")),
    (["templates"], ("PySide6", "reportlab", "sqlalchemy", "openpyxl")),
    (["export", "{sample}", "-o", "{out}.json"], ("PySide6", "reportlab")),
    (["export", "{sample}", "-o", "{out}.pdf", "--reproducible"], ("PySide6",)),
    (["export", "{sample}", "-o", "{out}.xlsx"], ("PySide6", "reportlab")),
    (["export", "{sample}", "-o", "{out}.csv"], ("PySide6", "reportlab", "openpyxl")),
])
def test_commands_do_not_load_what_they_do_not_need(tmp_path, command, banned):
    sample = ROOT / "resources" / "samples" / "online-shop.cjm"
    args = [a.format(sample=sample, out=tmp_path / "out") for a in command]
    probe = (
        "import sys\n"
        "from app.cli import main\n"
        f"code = main({args!r})\n"
        f"loaded = sorted({{m.split('.')[0] for m in sys.modules}} & {set(banned)!r})\n"
        "print('LOADED', loaded, file=sys.stderr)\n"
        "raise SystemExit(code)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                            timeout=120, cwd=tmp_path)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 0, err
    assert "LOADED []" in err


# `python -m app ARGS` as on a machine without PySide6: None in sys.modules makes every
# `import PySide6…` raise ModuleNotFoundError, as when the package is not installed.
WITHOUT_QT = ("import runpy, sys; sys.modules['PySide6'] = None; "
              "runpy.run_module('app', run_name='__main__', alter_sys=True)")


@pytest.mark.parametrize(("command", "fragment"), [
    (["export", "{sample}", "-o", "map.png"], "PNG export is not available"),
    (["export", "{sample}", "-o", "map.svg"], "SVG export is not available"),
    (["{sample}"], "the editor is not available"),
    (["{sample}", "--screenshot", "shot.png"], "the editor is not available"),
])
def test_without_pyside6_what_needs_the_gui_says_so_in_one_line(tmp_path, command, fragment):
    sample = ROOT / "resources" / "samples" / "online-shop.cjm"
    before = digest(sample)
    args = [a.format(sample=sample) for a in command]
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", WITHOUT_QT, *args], cwd=tmp_path, env=env,
                            capture_output=True, timeout=120)
    assert_clean_failure(result, fragment)
    assert "PySide6" in result.stderr.decode("utf-8")  # names what to install
    assert list(tmp_path.iterdir()) == [] and digest(sample) == before


@pytest.mark.parametrize("command", [
    ["templates"], ["info", "{sample}"], ["export", "{sample}", "-o", "m.pdf"],
    ["export", "{sample}", "-o", "m.json"], ["new", "n.cjm", "--lang", "vi"],
    ["import", "{json}", "-o", "i.cjm"],
])
def test_without_pyside6_the_other_commands_work(tmp_path, command):
    from app.cli import main

    sample = ROOT / "resources" / "samples" / "online-shop.cjm"
    interchange = tmp_path / "sample.json"
    assert main(["export", str(sample), "-o", str(interchange)]) == 0
    args = [a.format(sample=sample, json=interchange) for a in command]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", WITHOUT_QT, *args], cwd=tmp_path, env=env,
                            capture_output=True, timeout=120)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 0, err
    assert "error" not in err and "Traceback" not in err


def _editor_available() -> bool:
    try:
        import app.main  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.skipif(not _editor_available(), reason="the editor needs PySide6")
def test_screenshot_of_the_editor_at_a_given_size_leaves_the_project_alone(tmp_path):
    import shutil

    from PySide6.QtGui import QImage

    project = tmp_path / "sample.cjm"
    shutil.copyfile(ROOT / "resources" / "samples" / "online-shop.cjm", project)
    before = digest(project)
    result = run(project, "--read-only", "--screenshot", "shot.png", "--size", "900x640",
                 "--map", "Mua đồ gia dụng online — tương lai", cwd=tmp_path,
                 env_extra={"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    image = QImage(str(tmp_path / "shot.png"))
    assert (image.width(), image.height()) == (900, 640)
    assert digest(project) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".cjm")) == [
        "sample.cjm", "shot.png"]


@pytest.mark.skipif(not _editor_available(), reason="the editor needs PySide6")
def test_screenshot_of_an_unknown_map_fails_cleanly_and_writes_nothing(tmp_path):
    result = run(ROOT / "resources" / "samples" / "online-shop.cjm", "--read-only",
                 "--screenshot", "shot.png", "--map", "Không có", cwd=tmp_path,
                 env_extra={"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)})
    assert_clean_failure(result, "no map named 'Không có'")
    assert not any(p.suffix == ".png" for p in tmp_path.iterdir())


def test_without_a_display_the_editor_says_so_in_one_line(tmp_path):
    env = {"QT_QPA_PLATFORM": "", "DISPLAY": "", "WAYLAND_DISPLAY": ""}
    result = run(cwd=tmp_path, env_extra=env)
    if sys.platform.startswith("linux"):
        assert_clean_failure(result, "no display found")


def test_titles_and_map_names_typed_in_a_c_locale_keep_their_accents(tmp_path):
    created = run("new", "p.cjm", "--title", "Dự án Sen Việt", cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    info = json.loads(run("info", "p.cjm", "--json", cwd=tmp_path).stdout.decode("utf-8"))
    assert info["title"] == "Dự án Sen Việt"
    sample = ROOT / "resources" / "samples" / "online-shop.cjm"
    exported = run("export", sample, "-o", "f.json", "--map",
                   "Mua đồ gia dụng online — tương lai", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
