"""The file always equals the model: after every command, undo and redo, and after kill -9."""

import itertools
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.document import Document
from app.domain.templates import new_project
from tests.document.random_ops import apply_random_op, canonical, seeded_ids

ROOT = Path(__file__).resolve().parents[2]
_example_numbers = itertools.count()


def _reopened(path) -> dict:
    reader = Document.open(str(path), read_only=True)
    try:
        return canonical(reader.project)
    finally:
        reader.close()


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seeds=st.lists(st.integers(0, 2**31), min_size=1, max_size=20))
def test_file_equals_model_after_every_step_and_undo_redo_all(qapp, tmp_path, seeds):
    # hypothesis reuses tmp_path across examples (and seeds `random`): a fresh name each.
    path = tmp_path / f"example{next(_example_numbers)}.cjm"
    doc = Document.create(str(path), new_project("awareness-5", "vi"))
    try:
        start = canonical(doc.project)
        for seed in seeds:
            apply_random_op(doc, random.Random(seed))
            assert _reopened(path) == canonical(doc.project)
        while doc.undo_stack.canRedo():  # the last random step may have been an undo
            doc.redo()
        end = canonical(doc.project)
        assert _reopened(path) == end
        while doc.undo_stack.canUndo():
            doc.undo()
        assert canonical(doc.project) == start
        assert _reopened(path) == start
        while doc.undo_stack.canRedo():
            doc.redo()
        assert canonical(doc.project) == end
        assert _reopened(path) == end
    finally:
        doc.close()


def _replay(initial_path: Path, seed: int, steps: int) -> dict:
    """The model after `steps` of the child's operations, computed in this process."""
    source = Document.open(str(initial_path), read_only=True)
    doc = Document(source.project)  # in memory: no store
    source.close()
    rng = random.Random(seed)
    with seeded_ids(seed + 1):
        for _ in range(steps):
            apply_random_op(doc, rng)
    return canonical(doc.project)


def test_kill_9_loses_at_most_the_change_in_flight(qapp, tmp_path):
    rng = random.Random(20261125)
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    for trial in range(20):
        path = tmp_path / f"trial{trial}.cjm"
        pristine = tmp_path / f"trial{trial}-start.cjm"
        doc = Document.create(str(path), new_project("awareness-5", "vi"))
        doc.store.save_copy(str(pristine))
        doc.close()
        seed = rng.getrandbits(32)
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.document.durability_child", str(path), str(seed),
             "400"],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        wanted = rng.randint(1, 60)
        acked = 0
        while acked < wanted:
            line = child.stdout.readline()
            if not line:
                break
            acked += 1
        time.sleep(rng.random() * 0.004)  # land somewhere inside a later command
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        acked += sum(1 for line in rest.splitlines() if line.startswith("ack"))
        assert child.returncode == -signal.SIGKILL, "the child finished before it was killed"

        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        on_disk = _reopened(path)
        acknowledged = _replay(pristine, seed, acked)
        in_flight = _replay(pristine, seed, acked + 1)
        assert on_disk in (acknowledged, in_flight), f"trial {trial}: acked {acked} lost"
