"""The compare page of the PDF export: counts, curves, lists, references, CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.domain.copying import clone_map, frozen_copy
from app.domain.model import Card, EmotionMarker, LaneKind, MapState, Project, Snapshot
from app.domain.templates import new_project
from app.export.pdf import PdfExportError
from app.export.pdf.references import resolve, resolve_pair
from tests.export.conftest import add_card, export, pdf_text

ROOT = Path(__file__).resolve().parents[2]
ONLY = dict(cover=False, persona=False, legend=False, insights=False)


def _pair() -> Project:
    """A current map and its future state with known differences:
    added 2 (one Vietnamese), removed 1, changed 2 (title; body), moved 1."""
    project = new_project("awareness-5", "en")
    project.personas.clear()
    current = project.maps[0]
    current.name = "Today"
    for title, stage, lane in (("KEEP-ALPHA", 0, 0), ("GONE-CARD", 1, 0), ("OLD-TITLE", 2, 1),
                               ("BODY-CARD", 3, 1), ("MOVER", 0, 2), ("KEEP-OMEGA", 4, 4)):
        add_card(project, title, "same body", stage, lane)
    emotions = next(ln for ln in current.lanes if ln.kind == LaneKind.EMOTIONS)
    for stage, score in zip(current.stages, (-1, 1, 0, 0, 2), strict=True):
        current.markers.append(EmotionMarker(map_id=current.id, stage_id=stage.id,
                                             lane_id=emotions.id, score=score))
    future = clone_map(current, "Tomorrow")
    future.state, future.derived_from_id = MapState.FUTURE, current.id
    project.maps.append(future)
    by_title = {c.title: c for c in future.cards}
    future.cards.remove(by_title["GONE-CARD"])
    by_title["OLD-TITLE"].title = "NEW-TITLE"
    by_title["BODY-CARD"].body = "a better body"
    by_title["MOVER"].stage_id = future.stages[3].id
    for title, stage in (("ADDED-ONE", 1), ("Thanh toán nhanh hơn", 2)):
        future.cards.append(Card(map_id=future.id, stage_id=future.stages[stage].id,
                                 lane_id=future.lanes[0].id, title=title))
    scores = {0: 1, 1: -1}  # stage 1 up by two, stage 2 down by two
    for m in future.markers:
        index = [s.id for s in future.stages].index(m.stage_id)
        m.score = scores.get(index, m.score)
    return project


def _compare_pages(path: Path) -> list[int]:
    n = len(PdfReader(path).pages)
    return [p for p in range(1, n + 1) if " · Compare · " in pdf_text(path, p, p)]


def test_the_compare_page_has_the_counts_titles_and_emotion_change(tmp_path):
    project = _pair()
    out, _ = export(project, tmp_path, compare=("Today", "Tomorrow"), **ONLY)
    pages = _compare_pages(out)
    assert len(pages) == 1
    text = pdf_text(out, pages[0], pages[0])
    assert "Current vs future" in text
    for count, label in ((2, "added"), (1, "removed"), (2, "changed"), (1, "moved")):
        assert f"{count} {'card' if count == 1 else 'cards'} {label}" in text
    assert "Added · 2" in text and "Removed · 1" in text and "Changed & moved · 3" in text
    for title in ("ADDED-ONE", "Thanh toán nhanh hơn", "GONE-CARD", "NEW-TITLE", "BODY-CARD",
                  "MOVER"):
        assert title in text, title
    assert "changed: title" in text and "was: OLD-TITLE" in text
    assert "changed: text" in text and "moved from" in text
    assert "KEEP-ALPHA" not in text and "KEEP-OMEGA" not in text
    assert "differ" not in text  # no connector tile where no connector differs
    assert "▲ +2.0" in text and "▼ −2.0" in text
    # The map page of the first map is still there, before the compare page.
    assert pages[0] == 2 and "KEEP-ALPHA" in pdf_text(out, 1, 1)


def test_long_lists_continue_on_more_pages_each_title_once(tmp_path):
    project = _pair()
    future = project.maps[1]
    titles = [f"N{i:03d}Z" for i in range(150)]
    for i, title in enumerate(titles):
        future.cards.append(Card(map_id=future.id, stage_id=future.stages[i % 5].id,
                                 lane_id=future.lanes[1].id, title=title))
    out, _ = export(project, tmp_path, page="A4", orientation="portrait",
                    compare=("map:Today", "map:Tomorrow"), **ONLY)
    pages = _compare_pages(out)
    assert len(pages) >= 3
    text = " ".join(pdf_text(out, p, p) for p in pages)
    for title in titles:
        assert text.count(title) == 1, title
    assert "(cont.)" in pdf_text(out, pages[1], pages[1])


def test_snapshot_references_and_hostile_text(tmp_path):
    project = _pair()
    today = project.maps[0]
    project.snapshots.append(Snapshot(map_id=today.id, name="Q3 review",
                                      content=frozen_copy(today), taken_at="2026-09-30"))
    add_card(project, "<b>x</b> & R&D", "", 2, 0)
    out, _ = export(project, tmp_path, compare=("snapshot:q3 REVIEW", "Today"), **ONLY)
    text = pdf_text(out, *([_compare_pages(out)[0]] * 2))
    assert "Q3 review vs Today" in text and "taken 30 September 2026" in text
    assert "Added · 1" in text and "<b>x</b> & R&D" in text


def test_reference_resolution():
    project = _pair()
    today = project.maps[0]
    for taken in ("2026-06-30", "2026-09-30"):
        project.snapshots.append(Snapshot(map_id=today.id, name="Review", taken_at=taken,
                                          content=frozen_copy(today)))
    assert resolve(project, "review").taken_at == "2026-09-30"  # the most recent
    assert resolve(project, "map:TODAY").journey is today
    project.snapshots.append(Snapshot(map_id=today.id, name="Today", content=frozen_copy(today)))
    with pytest.raises(PdfExportError, match="names both a map and a snapshot; write map:Today"):
        resolve(project, "Today")
    assert resolve(project, "snapshot:Today").kind == "snapshot"
    with pytest.raises(PdfExportError, match="no map or snapshot named 'Nope'.*maps: 'Today'"):
        resolve(project, "Nope")
    with pytest.raises(PdfExportError, match="names 'map:Today' twice"):
        resolve_pair(project, ("map:Today", "map:today"))


def _python_m_app(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", "export", *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")


@pytest.fixture
def pair_json(tmp_path) -> Path:
    from app.export.json_io import write_json

    path = tmp_path / "pair.json"
    write_json(_pair(), path)
    return path


def test_cli_compare_flag(tmp_path, pair_json):
    out = tmp_path / "cli.pdf"
    done = _python_m_app(str(pair_json), "-o", str(out), "--no-cover", "--compare", "Today",
                         "map:Tomorrow")
    assert done.returncode == 0, done.stderr
    text = pdf_text(out)
    assert "Current vs future" in text and "Removed · 1" in text


@pytest.mark.parametrize(("refs", "message"), [
    (("Today", "Nope"), "no map or snapshot named 'Nope'"),
    (("snapshot:Today", "Tomorrow"), "no snapshot named 'Today'"),
    (("Today", "TODAY"), "twice"),
])
def test_cli_bad_references_are_one_error_line(tmp_path, pair_json, refs, message):
    out = tmp_path / "bad.pdf"
    done = _python_m_app(str(pair_json), "-o", str(out), "--compare", *refs)
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], lines
    assert not out.exists()
