"""A 5,000-card project loads well under 0.2 s; a one-card save takes about a millisecond."""

from __future__ import annotations

import statistics
import time

import pytest

from app.storage import ProjectStore
from tests.storage.helpers import big_project


@pytest.fixture(scope="module")
def big_file(tmp_path_factory):
    project = big_project(5000)
    path = tmp_path_factory.mktemp("perf") / "big.cjm"
    started = time.perf_counter()
    ProjectStore.create(path, project).close()
    print(f"\ncreate 5,000 cards: {time.perf_counter() - started:.3f} s")
    return path, project


@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
def test_loading_5000_cards_is_fast(big_file, read_only):
    path, project = big_file
    times = []
    for _ in range(5):
        started = time.perf_counter()
        store, loaded = ProjectStore.open(path, read_only=read_only)
        times.append(time.perf_counter() - started)
        store.close()
    assert loaded == project
    print(f"\nopen 5,000 cards ({'read-only' if read_only else 'writable'}): "
          f"best {min(times):.3f} s, median {statistics.median(times):.3f} s")
    assert min(times) < 0.2


def test_one_card_save_is_quick(big_file):
    path, _project = big_file
    store, project = ProjectStore.open(path)
    with store:
        card = project.maps[0].cards[10]
        times = []
        for n in range(50):
            card.title = f"typing {n}"
            started = time.perf_counter()
            store.write(project, [card])
            times.append(time.perf_counter() - started)
    print(f"\none-card write: median {statistics.median(times) * 1000:.2f} ms")
    assert statistics.median(times) < 0.02
