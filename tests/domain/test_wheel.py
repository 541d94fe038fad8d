"""The experience wheel's geometry: sectors, phases, faces, touchpoints, pains, persona."""

import math

import pytest

from app.domain.model import (
    Card,
    EmotionMarker,
    JourneyMap,
    Lane,
    LaneKind,
    Persona,
    Phase,
    Project,
    Stage,
)
from app.domain.phases import phase_from_title
from app.domain.templates import builtin_channels
from app.domain.wheel import (
    CENTRE_R,
    FACE_R,
    STAGE_R,
    TOUCH_R,
    Face,
    angle_of,
    build_wheel,
    face_for,
    fit_title,
    label_box,
    polar,
)
from app.samples import build_sample


def _map(*titles: str) -> tuple[Project, JourneyMap]:
    project = Project("p", channels=builtin_channels("en"))
    journey = JourneyMap("m")
    journey.stages = [Stage(journey.id, t) for t in titles]
    journey.lanes = [Lane(journey.id, k.value, k) for k in
                     (LaneKind.TOUCHPOINTS, LaneKind.EMOTIONS, LaneKind.PAINS)]
    project.maps.append(journey)
    return project, journey


def test_the_sample_wheel_groups_its_stages_before_during_after():
    project = build_sample()
    wheel = build_wheel(project.maps[0], project)
    assert [s.title for s in wheel.sectors] == [
        "Nhận thức", "Cân nhắc", "Mua hàng", "Duy trì", "Trung thành"]
    assert [s.phase for s in wheel.sectors] == [
        Phase.BEFORE, Phase.BEFORE, Phase.DURING, Phase.AFTER, Phase.AFTER]
    assert [(a.phase, len(a.stage_ids)) for a in wheel.arcs] == [
        (Phase.BEFORE, 2), (Phase.DURING, 1), (Phase.AFTER, 2)]
    assert wheel.centre.name == "Nguyễn Thu Hà" and wheel.centre.has_photo


def test_sectors_go_clockwise_in_journey_order_and_share_the_circle():
    project, journey = _map("Awareness", "Consideration", "Purchase", "Retention")
    wheel = build_wheel(journey, project)
    starts = [s.start for s in wheel.sectors]
    assert starts == sorted(starts)
    widths = {round(s.end - s.start, 6) for s in wheel.sectors}
    assert len(widths) == 1  # every stage gets the same share
    # Three phase arcs: three gaps, and the sectors cover the rest of the circle.
    assert sum(s.end - s.start for s in wheel.sectors) == pytest.approx(360 - 3 * 2.5)
    assert wheel.sectors[-1].end < 360


def test_a_stage_put_back_in_an_earlier_phase_starts_a_new_arc():
    project, journey = _map("Awareness", "Purchase", "Research", "Loyalty")
    assert [a.phase for a in build_wheel(journey, project).arcs] == [
        Phase.BEFORE, Phase.DURING, Phase.BEFORE, Phase.AFTER]
    journey.stages[2].phase = Phase.DURING  # an explicit phase wins over the title
    assert [a.phase for a in build_wheel(journey, project).arcs] == [
        Phase.BEFORE, Phase.DURING, Phase.AFTER]


def test_one_phase_leaves_no_gap():
    project, journey = _map("Buy", "Checkout")
    wheel = build_wheel(journey, project)
    assert (wheel.sectors[0].start, wheel.sectors[-1].end) == (0.0, 360.0)


@pytest.mark.parametrize(("mean", "face", "score"), [
    (2.0, Face.HAPPY, 2), (1.0, Face.HAPPY, 1), (0.5, Face.HAPPY, 1), (0.4, Face.NEUTRAL, 0),
    (0.0, Face.NEUTRAL, 0), (-0.6, Face.SAD, -1), (-1.0, Face.SAD, -1),
    (-1.6, Face.ANGRY, -2), (-2.0, Face.ANGRY, -2),
])
def test_faces_follow_the_mean_on_the_default_scale(mean, face, score):
    assert face_for(mean, -2, 2) == (face, score)


def test_faces_follow_the_maps_own_scale():
    assert face_for(1, 1, 5) == (Face.ANGRY, -2)
    assert face_for(3, 1, 5) == (Face.NEUTRAL, 0)
    assert face_for(5, 1, 5) == (Face.HAPPY, 2)
    assert face_for(9, 1, 5) == (Face.HAPPY, 2)  # outside the scale: clamped
    assert face_for(0, 0, 0)[0] == Face.NEUTRAL  # an empty scale cannot divide


def test_the_emotion_is_the_mean_of_the_stage_markers():
    project, journey = _map("Awareness", "Purchase")
    emotions = journey.lanes[1]
    stage = journey.stages[0]
    journey.markers = [EmotionMarker(journey.id, stage.id, emotions.id, score=s)
                       for s in (-2, -1, -2)]
    wheel = build_wheel(journey, project)
    first, second = wheel.sectors
    assert first.emotion == pytest.approx(-5 / 3) and first.face == Face.ANGRY
    assert first.markers == 3
    assert (second.emotion, second.face, second.face_score) == (None, None, None)


def test_touchpoints_carry_their_channel_icon_and_sit_on_the_inner_ring():
    project, journey = _map("Awareness", "Purchase", "Loyalty")
    touch = journey.lanes[0]
    store = next(c for c in project.channels if c.key == "store")
    journey.cards = [Card(journey.id, journey.stages[0].id, touch.id, "Shop", channel_id=store.id),
                     Card(journey.id, journey.stages[0].id, touch.id, "Word", order=1)]
    sector = build_wheel(journey, project).sectors[0]
    assert [(t.title, t.icon, t.color) for t in sector.touchpoints] == [
        ("Shop", "store", store.color), ("Word", "other", "#757575")]
    for t in sector.touchpoints:
        r = math.hypot(t.at.x, t.at.y)
        assert TOUCH_R[0] < r < TOUCH_R[1]
        assert sector.start < angle_of(t.at.x, t.at.y) < sector.end


def test_touchpoints_that_do_not_fit_are_counted():
    project, journey = _map(*(f"Step {i}" for i in range(12)))
    touch = journey.lanes[0]
    journey.cards = [Card(journey.id, journey.stages[0].id, touch.id, f"t{i}", order=i)
                     for i in range(40)]
    sector = build_wheel(journey, project).sectors[0]
    assert sector.touchpoints
    assert len(sector.touchpoints) + sector.more_touchpoints == 40
    assert sector.more_touchpoints > 0


def test_pains_are_counted_and_the_worst_listed_first():
    project, journey = _map("Awareness", "Purchase")
    pains = journey.lanes[2]
    sid = journey.stages[1].id
    journey.cards = [Card(journey.id, sid, pains.id, "slow", order=0, severity=1),
                     Card(journey.id, sid, pains.id, "fees", order=1, severity=3),
                     Card(journey.id, sid, pains.id, "rude", order=2),
                     Card(journey.id, sid, pains.id, "lost", order=3, severity=2)]
    first, second = build_wheel(journey, project).sectors
    assert (first.pains, first.top_pains) == (0, ())
    assert second.pains == 4
    assert [(p.title, p.severity) for p in second.top_pains] == [
        ("fees", 3), ("lost", 2), ("slow", 1)]


def test_a_point_finds_its_sector_and_the_centre_finds_none():
    project, journey = _map("Awareness", "Consideration", "Purchase", "Retention", "Loyalty")
    wheel = build_wheel(journey, project)
    for sector in wheel.sectors:
        p = polar(sector.mid, sum(STAGE_R) / 2)
        assert wheel.sector_at(p.x, p.y) is sector
        assert sector.contains(sector.face_at.x, sector.face_at.y)
    assert wheel.sector_at(0, 0) is None
    outside = polar(10, 1.5)
    assert wheel.sector_at(outside.x, outside.y) is None
    edge = polar(wheel.sectors[0].mid, CENTRE_R - 0.01)
    assert wheel.sector_at(edge.x, edge.y) is None
    assert wheel.sector(journey.stages[2].id) is wheel.sectors[2]


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8, 13])
def test_label_boxes_stay_inside_their_sector(n):
    step = 360 / n
    for i in range(n):
        box = label_box(i * step, (i + 1) * step, *STAGE_R)
        assert box.width > 0.05
        for dx in (-0.5, 0.5):
            for dy in (-0.5, 0.5):
                x, y = box.centre.x + dx * box.width, box.centre.y + dy * box.height
                assert STAGE_R[0] <= math.hypot(x, y) <= STAGE_R[1]


def test_faces_and_pain_markers_sit_on_the_outer_ring():
    project = build_sample()
    for sector in build_wheel(project.maps[0], project).sectors:
        for p in (sector.face_at, sector.pain_at):
            assert STAGE_R[0] < math.hypot(p.x, p.y) < FACE_R[1]


def test_no_persona_leaves_the_centre_empty():
    project, journey = _map("Awareness")
    assert build_wheel(journey, project).centre.name == ""
    project.personas.append(Persona("Lan"))
    journey.persona_id = project.personas[0].id
    centre = build_wheel(journey, project).centre
    assert (centre.name, centre.has_photo) == ("Lan", False)
    assert build_wheel(JourneyMap("empty")).sectors == ()


@pytest.mark.parametrize(("title", "phase"), [
    ("Nhận thức", Phase.BEFORE), ("Thu hút", Phase.BEFORE), ("Duy trì", Phase.AFTER),
    ("Hài lòng", Phase.AFTER), ("Advocacy", Phase.AFTER),
])
def test_more_phase_keywords_of_the_templates(title, phase):
    assert phase_from_title(title) == phase


def _wrapper():
    from app.domain.layout import TextWrapper

    return TextWrapper(lambda text, size, bold: len(text) * size * 0.6)


def test_a_title_shrinks_before_a_word_is_broken():
    box = label_box(0, 45, *STAGE_R)
    scale = 48 / box.width  # the box is 48 wide: "Advocate" needs 52.8 at 11, fits at 10
    size, lines = fit_title(_wrapper(), "Advocate", box, scale, 11, 7)
    assert (size, lines) == (10, ["Advocate"])


def test_a_title_too_long_for_its_box_ends_with_an_ellipsis():
    box = label_box(0, 45, *STAGE_R)
    title = "Chuyển đổi thành khách hàng trả phí sau khi hết thời gian dùng thử " * 3
    size, lines = fit_title(_wrapper(), title, box, 100, 11, 7)
    assert size == 7
    assert len(lines) * 7 * 1.2 <= box.height * 100
    assert lines[-1].endswith("…")
    assert all(len(line) * 7 * 0.6 <= box.width * 100 + 0.01 for line in lines)
