"""The Qt-free model: templates, validation, layout maths and the dict form."""

import dataclasses

import pytest

from app.domain.copying import clone_map, derived_id
from app.domain.layout import TextWrapper, approximate_text_width, compute_layout, score_at
from app.domain.model import Card, EmotionMarker, LaneKind
from app.domain.serialize import FormatError, project_from_dict, project_to_dict
from app.domain.templates import TEMPLATES, build_map, new_project
from app.domain.tree import attach
from app.domain.validation import DomainError, validate_project


@pytest.mark.parametrize("key", sorted(TEMPLATES))
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_template_builds_a_valid_project(key, lang):
    project = new_project(key, lang)
    validate_project(project)
    assert project_from_dict(project_to_dict(project)) == project


def test_templates_carry_the_documented_stage_names():
    vi = [s.title for s in build_map("value-journey-8", "vi").stages]
    assert vi == ["Nhận thức", "Gắn kết", "Đăng ký", "Chuyển đổi", "Hứng thú", "Nâng cấp",
                  "Ủng hộ", "Quảng bá"]
    en = [s.title for s in build_map("awareness-5", "en").stages]
    assert en == ["Awareness", "Consideration", "Purchase", "Retention", "Loyalty/Advocacy"]
    blueprint = {lane.kind for lane in build_map("service-blueprint").lanes}
    assert {LaneKind.BACKSTAGE, LaneKind.METRICS} <= blueprint
    assert build_map("blank").stages == []


def test_unknown_template_and_language_are_refused_by_name():
    with pytest.raises(ValueError, match="unknown template 'nope'"):
        build_map("nope")
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        new_project("blank", "fr")


def test_score_outside_the_scale_is_refused_with_a_clear_message():
    project = new_project("awareness-5")
    journey = project.maps[0]
    emotions = next(lane for lane in journey.lanes if lane.kind == LaneKind.EMOTIONS)
    marker = EmotionMarker(map_id=journey.id, stage_id=journey.stages[0].id,
                           lane_id=emotions.id, score=3)
    with pytest.raises(DomainError, match="from -2 to \\+2"):
        attach(project, marker)


def test_a_card_in_a_lane_of_another_map_is_refused():
    project = new_project("awareness-5")
    other = build_map("inbound-4")
    attach(project, other)
    journey = project.maps[0]
    card = Card(map_id=journey.id, stage_id=journey.stages[0].id, lane_id=other.lanes[0].id)
    with pytest.raises(DomainError, match="lane is not in the card's map"):
        attach(project, card)


def test_cards_stack_in_their_cell_without_overlap_and_lanes_grow():
    project = new_project("awareness-5", "vi")
    journey = project.maps[0]
    lane = journey.lanes[0]
    for i in range(4):
        journey.cards.append(Card(map_id=journey.id, stage_id=journey.stages[1].id,
                                  lane_id=lane.id, order=i, title=f"Thẻ {i}",
                                  body="Khách hàng so sánh giá giữa nhiều trang " * 2))
    layout = compute_layout(journey, TextWrapper(approximate_text_width))
    boxes = sorted(layout.cards.values(), key=lambda b: b.rect.y)
    for upper, lower in zip(boxes, boxes[1:], strict=False):
        assert lower.rect.y >= upper.rect.bottom
    cell = layout.cell_rect(journey.stages[1].id, lane.id)
    assert all(cell.contains(b.rect.x, b.rect.y) for b in boxes)
    assert layout.lane_rects[lane.id].bottom >= boxes[-1].rect.bottom


def test_long_text_is_cut_at_six_lines_with_an_ellipsis():
    project = new_project("awareness-5")
    journey = project.maps[0]
    journey.cards.append(Card(map_id=journey.id, stage_id=journey.stages[0].id,
                              lane_id=journey.lanes[0].id, title="T", body="word " * 2000))
    box = next(iter(compute_layout(journey, TextWrapper(approximate_text_width)).cards.values()))
    assert len(box.title_lines) + len(box.body_lines) == 6
    assert box.truncated and box.body_lines[-1].endswith("…")


def test_marker_height_and_score_invert_each_other():
    project = new_project("awareness-5")
    journey = project.maps[0]
    emotions = next(lane for lane in journey.lanes if lane.kind == LaneKind.EMOTIONS)
    for score in (-2, -1, 0, 1, 2):
        journey.markers.append(EmotionMarker(map_id=journey.id, stage_id=journey.stages[0].id,
                                             lane_id=emotions.id, score=score,
                                             position=(score + 2) / 4))
    layout = compute_layout(journey, TextWrapper(approximate_text_width))
    rect = layout.lane_rects[emotions.id]
    for point in layout.markers.values():
        assert score_at(rect, point.y) == point.score
    assert len(layout.curves[emotions.id]) == 4


def test_a_derived_copy_can_be_paired_with_its_original():
    journey = new_project("awareness-5").maps[0]
    clone = clone_map(journey, "Future")
    assert clone.id != journey.id
    for old, new in zip(journey.stages, clone.stages, strict=True):
        assert new.id == derived_id(clone.id, old.id)
        assert dataclasses.replace(new, id=old.id, map_id=old.map_id) == old


def test_malformed_documents_are_refused_with_the_reason():
    data = project_to_dict(new_project("awareness-5"))
    with pytest.raises(FormatError, match="not a Journey Studio document"):
        project_from_dict({"format": "other"})
    newer = dict(data, version=99)
    with pytest.raises(FormatError, match="version 99"):
        project_from_dict(newer)
    data["maps"][0]["stages"][0]["width"] = "wide"
    with pytest.raises(FormatError, match="maps\\[0\\].stages\\[0\\].width: expected a number"):
        project_from_dict(data)
