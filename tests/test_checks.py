"""The check scripts of scripts/dev.sh: the mypy baseline only shrinks; the headless list."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def baseline(tmp_path, monkeypatch):
    """The baseline script on a private baseline file holding 3."""
    script = _script("mypy_baseline")
    path = tmp_path / "mypy_baseline.txt"
    path.write_text("# a comment kept on update\n3\n", encoding="utf-8")
    monkeypatch.setattr(script, "ROOT", tmp_path)
    monkeypatch.setattr(script, "BASELINE", path)
    return script, path


def _run(script: ModuleType, path: Path, monkeypatch, count: int, *argv: str) -> int:
    """main(argv) with mypy faked to report `count` errors in the canvas."""
    errors = [f"app/canvas/view.py:{n}: error: something  [misc]" for n in range(count)]
    monkeypatch.setattr(script, "mypy_errors", lambda targets: errors)
    return script.main(list(argv))


def test_more_errors_than_the_baseline_fail_and_name_where(baseline, monkeypatch, capsys):
    script, path = baseline
    assert _run(script, path, monkeypatch, 4) == 1
    err = capsys.readouterr().err
    assert "4 errors, more than the baseline of 3" in err and "app/canvas 4" in err


def test_the_baseline_count_passes_and_fewer_errors_ask_for_an_update(baseline, monkeypatch,
                                                                      capsys):
    script, path = baseline
    assert _run(script, path, monkeypatch, 3) == 0
    assert _run(script, path, monkeypatch, 2) == 0
    assert "below the baseline of 3" in capsys.readouterr().out
    assert path.read_text(encoding="utf-8").splitlines()[-1] == "3"


def test_update_lowers_the_baseline_but_never_raises_it(baseline, monkeypatch):
    script, path = baseline
    assert _run(script, path, monkeypatch, 2, "--update") == 0
    assert path.read_text(encoding="utf-8") == "# a comment kept on update\n2\n"
    assert _run(script, path, monkeypatch, 5, "--update") == 1
    assert path.read_text(encoding="utf-8").splitlines()[-1] == "2"


def test_the_headless_requirements_leave_out_qt_and_keep_the_rest():
    names = [r.split(">")[0].split("=")[0].split(";")[0].strip().casefold()
             for r in _script("headless_requirements").headless_requirements()]
    assert not [n for n in names if n.startswith("pyside6") or n == "pytest-qt"]
    assert {"sqlalchemy", "reportlab", "pytest", "pypdf"} <= set(names)
