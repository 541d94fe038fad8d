"""Several editor processes retitling the same few cards at once: nothing lost or overwritten."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tests.server.conftest import with_project
from tests.server.helpers import publish_sample

BENCH = Path(__file__).resolve().parents[2] / "bench" / "concurrent_editors.py"


def test_four_editors_on_twelve_cards_lose_and_overwrite_nothing(pg_url):
    spec = importlib.util.spec_from_file_location("concurrent_editors", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    publish_sample(pg_url)[0].close()
    report = module.run(with_project(pg_url, "sample"), editors=4, seconds=60, edits=40)
    assert report["acknowledged"] + report["refused"] == 4 * 40
    assert report["acknowledged"] > 0
    assert report["overwritten"] == 0 and report["lost"] == 0
