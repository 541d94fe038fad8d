"""The bundled sample: the committed files are what the builder makes, and it tells a story."""

from __future__ import annotations

import json
from statistics import mean

from app.domain.model import Evidence, LaneKind, MapState
from app.domain.serialize import project_to_dict
from app.export.json_io import dumps, read_json
from app.samples import SAMPLE_CJM, SAMPLE_JSON, build_sample, sample_id, samples_dir

TIMESTAMPS = ("created", "modified")


def _comparable(project) -> dict:
    data = project_to_dict(project)
    for key in TIMESTAMPS:
        data["project"].pop(key)
    return data


def test_the_builder_is_reproducible():
    assert build_sample() == build_sample()
    assert dumps(build_sample()) == dumps(build_sample())


def test_committed_json_is_what_the_builder_makes():
    committed = json.loads((samples_dir() / SAMPLE_JSON).read_text(encoding="utf-8"))
    for key in TIMESTAMPS:
        committed["project"].pop(key)
    assert committed == _comparable(build_sample())
    assert read_json(samples_dir() / SAMPLE_JSON) == build_sample()


def test_committed_project_file_is_what_the_builder_makes():
    from app.storage import ProjectStore

    store, project = ProjectStore.open(samples_dir() / SAMPLE_CJM, read_only=True)
    store.close()
    assert _comparable(project) == _comparable(build_sample())


def test_the_persona_is_complete_with_a_real_avatar():
    (persona,) = build_sample().personas
    for name in ("name", "description", "occupation", "quote", "goals", "motivations",
                 "behaviours", "interests", "pains"):
        assert getattr(persona, name).strip(), name
    assert persona.age == 29 and len(persona.channel_ids) >= 3
    assert persona.photo.startswith(b"\x89PNG\r\n\x1a\n") and persona.photo_mime == "image/png"
    assert len(persona.photo) > 2000  # an illustration, not a placeholder pixel


def test_the_current_map_covers_every_lane_kind_with_realistic_cards():
    project = build_sample()
    current = project.maps[0]
    assert current.state == MapState.CURRENT
    assert [s.title for s in current.stages] == ["Nhận thức", "Cân nhắc", "Mua hàng", "Duy trì",
                                                  "Trung thành"]
    assert {lane.kind for lane in current.lanes} == set(LaneKind)
    assert 40 <= len(current.cards) <= 60
    kinds = {lane.id: lane.kind for lane in current.lanes}
    by_kind = {kind: [c for c in current.cards if kinds[c.lane_id] == kind] for kind in LaneKind}
    assert len({c.channel_id for c in by_kind[LaneKind.TOUCHPOINTS]}) >= 6
    assert all(c.severity in (1, 2, 3) for c in by_kind[LaneKind.PAINS])
    assert {c.severity for c in by_kind[LaneKind.PAINS]} == {1, 2, 3}
    assert all(c.owner and c.priority and c.status for c in by_kind[LaneKind.OPPORTUNITIES])
    metrics = by_kind[LaneKind.METRICS]
    assert all(c.value is not None and c.unit and c.target is not None for c in metrics)
    assert {"%", "/10", "điểm"} <= {c.unit for c in metrics}
    assert any(c.favourite for c in current.cards)
    assert {c.evidence for c in current.cards} >= {Evidence.OBSERVED, Evidence.ASSUMED,
                                                   Evidence.PROPOSED}
    text = " ".join(c.title + " " + c.body for c in current.cards)
    for topic in ("Facebook", "Shopee", "Zalo", "phí giao hàng", "COD", "Đổi trả", "điểm",
                  "đánh giá"):
        assert topic.casefold() in text.casefold(), topic


def _stage_means(journey) -> list[float]:
    return [mean(m.score for m in journey.stage_markers(s.id)) for s in journey.stages]


def test_the_emotion_curve_dips_at_checkout_and_the_future_state_is_better():
    project = build_sample()
    current, future = project.maps
    means = _stage_means(current)
    checkout = 2
    assert means[checkout] == min(means)
    lowest = min(current.markers, key=lambda m: m.score)
    assert lowest.score == -2 and lowest.stage_id == current.stages[checkout].id
    assert "giao hàng" in lowest.label
    assert future.state == MapState.FUTURE and future.derived_from_id == current.id
    assert future.persona_id == current.persona_id
    future_means = _stage_means(future)
    assert future_means[checkout] > means[checkout]
    assert all(f >= c for f, c in zip(future_means, means, strict=True))
    assert any("miễn phí giao hàng" in c.title for c in future.cards)


def test_there_is_one_review_snapshot_of_the_current_map():
    project = build_sample()
    (snapshot,) = project.snapshots
    assert snapshot.name == "Đánh giá Q3 2026"
    assert snapshot.map_id == project.maps[0].id
    assert snapshot.content.id == project.maps[0].id
    assert snapshot.content != project.maps[0]  # the map moved on after the review
    assert sample_id("zalo-chat") not in {c.id for c in snapshot.content.cards}
