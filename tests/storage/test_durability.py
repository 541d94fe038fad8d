"""kill -9 at any moment loses at most the change in flight; the file always opens."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.domain.model import Card
from app.storage import ProjectStore
from tests.storage.helpers import integrity, rich_project

ROOT = Path(__file__).resolve().parents[2]
CARDS_PER_WRITE = 5
WRITES = 40

# The writer, as a fresh interpreter or a forked child: each write adds a few cards and
# bumps a counter card, then reports "ack i" once the commit returned.
WRITER = """
import os, sys
from app.domain.model import Card
from app.storage import ProjectStore

def run(path, trial, writes, per_write, out):
    store, project = ProjectStore.open(path)
    journey = project.maps[0]
    counter = journey.cards[0]
    lane = journey.lanes[0]
    for i in range(writes):
        cards = [Card(map_id=journey.id, stage_id=journey.stages[0].id, lane_id=lane.id,
                      title=f"t{trial}-{i}-{k}", body="x" * 200) for k in range(per_write)]
        journey.cards.extend(cards)
        counter.body = f"{trial}:{i}"
        store.write(project, [*cards, counter])
        out(f"ack {i}")
    out("done")

if __name__ == "__main__":
    def out(line):
        print(line, flush=True)
    run(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), out)
    sys.stdin.readline()
"""


def _check(path: Path, trial: str, acked: int) -> None:
    """Every acked write is there, later ones form a whole prefix, the file is sound.

    The child may have committed a few writes beyond the last ack the parent read (the
    pipe runs ahead), so what survives is writes 0..m-1 for some m ≥ acked, each complete.
    """
    reader, seen = ProjectStore.open(path, read_only=True)  # first, as found after the kill
    reader.close()
    store, project = ProjectStore.open(path)
    store.close()
    assert integrity(path) == "ok"
    assert seen == project
    titles = {card.title for card in project.maps[0].cards if card.title.startswith(f"t{trial}-")}
    counts: dict[int, int] = {}
    for title in titles:
        i = int(title.split("-")[1])
        counts[i] = counts.get(i, 0) + 1
    survived = len(counts)
    assert survived >= acked, "an acknowledged write was lost"
    assert sorted(counts) == list(range(survived)), "writes survived out of order"
    assert set(counts.values()) <= {CARDS_PER_WRITE}, "a write survived in part"
    if survived:
        assert project.maps[0].cards[0].body == f"{trial}:{survived - 1}"


def _fork_writer(path: Path, trial: str) -> tuple[int, int]:
    namespace: dict = {"__name__": "writer"}
    exec(compile(WRITER, "writer", "exec"), namespace)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: write until killed, never return into pytest
        code = 0
        try:
            os.close(read_end)
            namespace["run"](path, trial, WRITES, CARDS_PER_WRITE,
                             lambda line: os.write(write_end, (line + "\n").encode()))
            time.sleep(30)
        except BaseException as exc:  # noqa: BLE001 - report anything to the parent
            os.write(write_end, f"error {exc!r}\n".encode())
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    return pid, read_end


@pytest.mark.slow
def test_kill_9_during_a_stream_of_writes(tmp_path):
    path = tmp_path / "crash.cjm"
    ProjectStore.create(path, rich_project()).close()
    rng = random.Random(2024)
    for n in range(24):
        trial = f"f{n}"
        kill_after = rng.randint(1, WRITES - 1)
        pid, read_end = _fork_writer(path, trial)
        acked = 0
        with os.fdopen(read_end) as lines:
            for line in lines:
                assert not line.startswith("error"), line
                if line.startswith("ack"):
                    acked = int(line.split()[1]) + 1
                if acked >= kill_after:
                    time.sleep(rng.random() * 0.002)  # land anywhere in the next write
                    break
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        _check(path, trial, acked)


@pytest.mark.slow
def test_kill_9_of_a_separate_interpreter(tmp_path):
    path = tmp_path / "crash.cjm"
    ProjectStore.create(path, rich_project()).close()
    for trial, kill_after in (("p0", 7), ("p1", 23)):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), trial, str(WRITES), str(CARDS_PER_WRITE)],
            cwd=ROOT, text=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        )
        acked = 0
        for line in child.stdout:
            if line.startswith("ack"):
                acked = int(line.split()[1]) + 1
            if acked >= kill_after:
                break
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        child.stdout.close()
        child.stdin.close()
        _check(path, trial, acked)


def test_a_card_written_then_killed_is_never_half_there(tmp_path):
    # A plain check of the all-or-nothing rule without a kill: one write, many rows.
    project = rich_project()
    path = tmp_path / "atomic.cjm"
    store = ProjectStore.create(path, project)
    journey = project.maps[0]
    cards = [Card(map_id=journey.id, stage_id=journey.stages[0].id,
                  lane_id=journey.lanes[0].id, title=str(i)) for i in range(500)]
    journey.cards.extend(cards)
    store.write(project, cards)
    store.close()
    again, loaded = ProjectStore.open(path)
    again.close()
    assert loaded == project
