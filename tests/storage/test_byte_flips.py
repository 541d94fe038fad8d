"""Random damage: every flipped byte either still opens or gives one clean `error:` line."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from app.cli import main
from app.storage import ProjectStore
from tests.storage.helpers import digest, rich_project

TRIALS = 250


@pytest.fixture(scope="module")
def base_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("flips") / "base.cjm"
    ProjectStore.create(path, rich_project(cards_per_cell=2)).close()
    return path


def _flipped(base: Path, dest: Path, rng: random.Random) -> Path:
    data = bytearray(base.read_bytes())
    for _ in range(rng.choice((1, 1, 2, 8))):
        at = rng.randrange(len(data))
        data[at] ^= 1 << rng.randrange(8) if rng.random() < 0.5 else rng.randrange(1, 256)
    dest.write_bytes(bytes(data))
    return dest


@pytest.mark.parametrize("chunk", range(5))
def test_flipped_bytes_open_or_fail_in_one_line(tmp_path, base_file, chunk, capsys):
    rng = random.Random(1000 + chunk)
    outcomes = {0: 0, 2: 0}
    for trial in range(TRIALS // 5):
        folder = tmp_path / str(trial)
        folder.mkdir()
        path = _flipped(base_file, folder / "x.cjm", rng)
        before = digest(path)
        code = main(["info", str(path)])
        out, err = capsys.readouterr()
        assert code in outcomes, (trial, err)
        outcomes[code] += 1
        assert "unexpected" not in err and "Traceback" not in err, (trial, err)
        if code == 2:
            lines = err.splitlines()
            assert len(lines) == 1 and lines[0].startswith("error: "), (trial, err)
        assert digest(path) == before
        assert [p.name for p in folder.iterdir()] == ["x.cjm"]
        shutil.rmtree(folder)
    assert outcomes[0] + outcomes[2] == TRIALS // 5
