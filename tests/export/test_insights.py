"""Insights maths (app.domain.insights) on small hand-made maps."""

from __future__ import annotations

import pytest

from app.domain import insights
from app.domain.model import Card, EmotionMarker, LaneKind
from app.domain.templates import build_map, builtin_channels, new_project


def _map():
    project = new_project("awareness-5", "en")
    journey = project.maps[0]
    from app.domain.model import Lane

    journey.lanes.append(Lane(map_id=journey.id, title="Metrics", kind=LaneKind.METRICS))
    lanes = {lane.kind: lane for lane in journey.lanes}
    return project, journey, lanes


def _card(journey, lane, stage, **fields):
    card = Card(map_id=journey.id, stage_id=journey.stages[stage].id, lane_id=lane.id, **fields)
    journey.cards.append(card)
    return card


def _marker(journey, lane, stage, score, position=0.5, label=""):
    journey.markers.append(EmotionMarker(map_id=journey.id, stage_id=journey.stages[stage].id,
                                         lane_id=lane.id, score=score, position=position,
                                         label=label))


def test_average_emotion_per_stage_and_overall():
    _, journey, lanes = _map()
    emo = lanes[LaneKind.EMOTIONS]
    _marker(journey, emo, 0, 2, 0.2)
    _marker(journey, emo, 0, -1, 0.8)
    _marker(journey, emo, 2, -2)
    result = insights.stage_emotions(journey)
    assert [s.average for s in result] == [0.5, None, -2.0, None, None]
    assert [s.count for s in result] == [2, 0, 1, 0, 0]
    assert insights.compute_insights(journey).overall_emotion == pytest.approx(-0.75)


def test_moments_of_truth_are_the_deepest_drops_in_journey_order():
    _, journey, lanes = _map()
    emo = lanes[LaneKind.EMOTIONS]
    for stage, score, pos, label in [(0, 1, 0.5, "a"), (1, 2, 0.2, "b"), (1, -1, 0.8, "c"),
                                     (2, 0, 0.5, "d"), (3, -2, 0.5, "e"), (4, 2, 0.5, "f")]:
        _marker(journey, emo, stage, score, pos, label)
    moments = insights.moments_of_truth(journey)
    assert [(m.from_score, m.to_score, m.drop, m.label) for m in moments] == [
        (2, -1, 3, "c"), (0, -2, 2, "e")]
    assert moments[0].from_stage_id == moments[0].to_stage_id == journey.stages[1].id


def test_pains_per_stage_counts_and_severity():
    _, journey, lanes = _map()
    pains = lanes[LaneKind.PAINS]
    _card(journey, pains, 1, title="x", severity=3)
    _card(journey, pains, 1, title="y")
    result = insights.pains_per_stage(journey)
    assert (result[1].count, result[1].severity_total, result[1].max_severity) == (2, 4, 3)
    assert result[0].count == 0 and result[0].max_severity == 0


def test_favourite_touchpoints_and_channels_ranked():
    project, journey, lanes = _map()
    tp = lanes[LaneKind.TOUCHPOINTS]
    web, store = (c.id for c in builtin_channels() if c.key in ("website", "store"))
    _card(journey, tp, 0, title="site 1", channel_id=web)
    _card(journey, tp, 1, title="site 2", channel_id=web)
    _card(journey, tp, 2, title="shop", channel_id=store, favourite=True)
    assert [t.title for t in insights.favourite_touchpoints(journey)] == ["shop"]
    ranked = insights.channels_ranked(journey, project)
    assert [(r.name, r.touchpoints, r.favourites) for r in ranked] == [
        ("Physical store", 1, 1), ("Website", 2, 0)]


def test_funnel_drop_off_from_counts_in_one_unit():
    _, journey, lanes = _map()
    m = lanes[LaneKind.METRICS]
    _card(journey, m, 0, title="Visitors", value=1000)
    _card(journey, m, 1, title="NPS", value=40)  # a score: not a funnel step…
    _card(journey, m, 1, title="Leads", value=250)  # …this is
    _card(journey, m, 2, title="Buyers", value=50)
    steps = insights.metrics_funnel(journey)
    assert [s.metric_title for s in steps] == ["Visitors", "Leads", "Buyers"]
    assert [None if s.drop_off is None else round(s.drop_off, 2) for s in steps] == [
        None, 0.75, 0.8]
    # A bounce rate then a conversion share do not chain onto the head counts.
    _card(journey, m, 3, title="Bounce rate", value=30, unit="%")
    assert insights.metrics_funnel(journey) == []


def test_opportunities_by_status_and_priority():
    _, journey, lanes = _map()
    opp = lanes[LaneKind.OPPORTUNITIES]
    _card(journey, opp, 0, title="low open", priority="Low", status="Open")
    _card(journey, opp, 1, title="high done", priority="High", status="Done")
    _card(journey, opp, 2, title="high open", priority="cao", status="open")
    _card(journey, opp, 3, title="none")
    summary = insights.opportunities(journey)
    assert summary.total == 4
    assert summary.by_status == {"open": 2, "done": 1, "unspecified": 1}
    assert list(summary.by_priority) == ["cao", "high", "low", "unspecified"]
    assert [c.title for c in summary.ranked] == ["high open", "low open", "none", "high done"]


def test_empty_map_gives_empty_insights():
    found = insights.compute_insights(build_map("blank"))
    assert found.stage_emotions == () and found.moments_of_truth == ()
    assert found.opportunities.total == 0 and found.overall_emotion is None


def test_the_insights_page_draws_a_funnel_only_when_the_metrics_form_one(tmp_path):
    from app.export.pdf import PdfOptions, export_pdf
    from app.samples import build_sample
    from tests.export.conftest import pdf_text

    project = build_sample()  # rates of unrelated things: CTR, product views, cart drops…
    ctr = next(c for c in project.maps[0].cards if c.title.startswith("Tỉ lệ nhấp"))
    ctr.value = 3.1  # beats its target of 2.5
    options = dict(cover=False, persona=False, legend=False, fit="page")
    export_pdf(project, tmp_path / "sample.pdf", PdfOptions(**options))
    text = pdf_text(tmp_path / "sample.pdf", 2, 2)
    assert "Chỉ số so với mục tiêu" in text and "Phễu chỉ số" not in text
    assert "kém hơn" in text and "tốt hơn" in text  # ▲/▼ against each target
    assert "rời bỏ" not in text  # no drop-off between unrelated metrics
    journey = project.maps[0]
    metrics = next(lane for lane in journey.lanes if lane.kind == LaneKind.METRICS)
    journey.cards = [c for c in journey.cards if c.lane_id != metrics.id]
    for i, value in enumerate((5000, 1200, 300)):
        _card(journey, metrics, i, title=f"Khách bước {i + 1}", value=value, unit="người")
    export_pdf(project, tmp_path / "funnel.pdf", PdfOptions(**options))
    text = pdf_text(tmp_path / "funnel.pdf", 2, 2)
    assert "Phễu chỉ số" in text and "rời bỏ 76%" in text and "rời bỏ 75%" in text
