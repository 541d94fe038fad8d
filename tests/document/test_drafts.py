"""The draft store: atomic JSON files keyed by project file, and what a draft means on open."""

from __future__ import annotations

import json
import os

import pytest

from app.document.drafts import Draft, DraftStore, Recovery, assess, entity_name, target_of
from app.domain.model import LaneKind
from app.domain.templates import new_project


@pytest.fixture
def project():
    proj = new_project("awareness-5", "vi", "Cửa hàng")
    journey = proj.maps[0]
    from app.domain.model import Card

    lane = next(ln for ln in journey.lanes if ln.kind == LaneKind.TOUCHPOINTS)
    journey.cards.append(Card(map_id=journey.id, stage_id=journey.stages[0].id,
                              lane_id=lane.id, title="Quảng cáo"))
    return proj


def card_draft(project, path, text="Thanh toán qua ví", original="Quảng cáo"):
    card = project.maps[0].cards[0]
    return Draft(project_id=project.id, path=str(path), entity_id=card.id, entity_type="card",
                 field="title", original=original, text=text)


def test_a_saved_draft_loads_back_for_the_same_project_file(tmp_path, project):
    store = DraftStore(tmp_path / "drafts")
    draft = card_draft(project, tmp_path / "shop.cjm")
    store.save(draft)
    loaded = store.load(project.id, str(tmp_path / "shop.cjm"))
    assert loaded is not None
    assert (loaded.entity_id, loaded.field, loaded.original, loaded.text) == (
        draft.entity_id, "title", "Quảng cáo", "Thanh toán qua ví")
    assert loaded.saved_at  # a timestamp is written
    files = sorted(p.name for p in (tmp_path / "drafts").iterdir())
    assert len(files) == 1 and files[0].endswith(".json")  # no temp file left behind
    record = json.loads((tmp_path / "drafts" / files[0]).read_text("utf-8"))
    assert record["text"] == "Thanh toán qua ví"  # readable UTF-8, not escapes
    assert os.stat(tmp_path / "drafts" / files[0]).st_mode & 0o077 == 0  # private to the user


def test_a_relative_path_and_its_absolute_form_are_the_same_file(tmp_path, project,
                                                                 monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = DraftStore(tmp_path / "drafts")
    store.save(card_draft(project, "shop.cjm"))
    assert store.load(project.id, str(tmp_path / "shop.cjm")) is not None


def test_drafts_of_other_files_or_other_projects_are_ignored(tmp_path, project):
    store = DraftStore(tmp_path / "drafts")
    store.save(card_draft(project, tmp_path / "shop.cjm"))
    assert store.load(project.id, str(tmp_path / "other.cjm")) is None
    # Another project was saved at the same path since: the draft is not for it.
    assert store.load("another-project-id", str(tmp_path / "shop.cjm")) is None


def test_discard_forgets_and_a_second_discard_is_harmless(tmp_path, project):
    store = DraftStore(tmp_path / "drafts")
    store.save(card_draft(project, tmp_path / "shop.cjm"))
    store.discard(str(tmp_path / "shop.cjm"))
    assert store.load(project.id, str(tmp_path / "shop.cjm")) is None
    store.discard(str(tmp_path / "shop.cjm"))


@pytest.mark.parametrize("content", [
    b"", b"{", b"\xff\xfe garbage", b"[1, 2]", b'{"format": "journey-studio-draft"}',
    b'{"format": "journey-studio-draft", "version": 1, "project_id": 5}',
    b"[" * 100_000,
], ids=["empty", "cut short", "not UTF-8", "a list", "no version", "a number for an id",
        "nested too deep"])
def test_a_damaged_draft_file_is_ignored(tmp_path, project, content):
    store = DraftStore(tmp_path / "drafts")
    store.save(card_draft(project, tmp_path / "shop.cjm"))
    store.file_for(str(tmp_path / "shop.cjm")).write_bytes(content)
    assert store.load(project.id, str(tmp_path / "shop.cjm")) is None


def test_saving_into_an_unwritable_folder_raises_oserror(tmp_path, project):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(OSError):
        DraftStore(blocker / "drafts").save(card_draft(project, tmp_path / "shop.cjm"))


def test_assess_restores_only_over_the_original_value(tmp_path, project):
    card = project.maps[0].cards[0]
    draft = card_draft(project, tmp_path / "shop.cjm")
    assert assess(project, draft) == Recovery.RESTORE
    assert target_of(project, draft) is card
    card.title = "Đã sửa ở nơi khác"
    assert assess(project, draft) == Recovery.CHANGED
    card.title = "Thanh toán qua ví"
    assert assess(project, draft) == Recovery.NOTHING  # the text got in after all
    card.title = "Quảng cáo"
    assert assess(project, card_draft(project, tmp_path / "shop.cjm", text="  \n")) \
        == Recovery.NOTHING  # only whitespace: nothing worth offering
    project.maps[0].cards.clear()
    assert assess(project, draft) == Recovery.MISSING


def test_an_id_of_another_kind_of_entity_is_not_a_target(tmp_path, project):
    stage = project.maps[0].stages[0]
    draft = Draft(project_id=project.id, path=str(tmp_path / "shop.cjm"), entity_id=stage.id,
                  entity_type="card", field="title", original=stage.title, text="x")
    assert target_of(project, draft) is None
    wrong_field = Draft(project_id=project.id, path=str(tmp_path / "shop.cjm"),
                        entity_id=stage.id, entity_type="stage", field="width",
                        original="", text="x")
    assert target_of(project, wrong_field) is None


def test_entity_name_uses_title_name_or_label(project):
    assert entity_name(project.maps[0].cards[0]) == "Quảng cáo"
    assert entity_name(project.maps[0]) == project.maps[0].name
    assert entity_name(None, "fallback") == "fallback"
