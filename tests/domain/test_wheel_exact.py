"""The experience wheel's geometry to the number: angles with phase gaps, the rows of
touchpoint icons, the "+N" slot, the pain marker beside the face and the title's size.
The painters (PDF, PNG/SVG, the dock) draw exactly these values, so an off-by-one or a
wrong divisor here moves something on every wheel a client sees."""

import math

import pytest

from app.domain.model import Card, EmotionMarker, Persona, Phase, Stage
from app.domain.wheel import (
    FACE_R,
    FACE_SIZE,
    ICON_PITCH,
    PAIN_SIZE,
    PHASE_GAP,
    PHASE_R,
    TOUCH_R,
    LabelBox,
    Point,
    angle_of,
    build_wheel,
    fit_title,
    more_at,
    polar,
)
from tests.domain.test_wheel import _map

OUTER_ROW = TOUCH_R[1] - ICON_PITCH * 0.62
INNER_ROW = TOUCH_R[1] - ICON_PITCH * 1.62


def _phased(*phases: Phase):
    project, journey = _map(*(f"S{i}" for i in range(len(phases))))
    for stage, phase in zip(journey.stages, phases, strict=True):
        stage.phase = phase
    return project, journey


def test_three_phases_leave_three_gaps_and_the_arcs_span_their_stages():
    project, journey = _phased(Phase.BEFORE, Phase.BEFORE, Phase.DURING, Phase.AFTER)
    wheel = build_wheel(journey, project)
    step = (360 - 3 * PHASE_GAP) / 4
    starts = [s.start for s in wheel.sectors]
    assert starts == pytest.approx([PHASE_GAP / 2, PHASE_GAP / 2 + step,
                                    PHASE_GAP * 1.5 + 2 * step, PHASE_GAP * 2.5 + 3 * step])
    assert [s.end - s.start for s in wheel.sectors] == pytest.approx([step] * 4)
    assert wheel.sectors[-1].end == pytest.approx(360 - PHASE_GAP / 2)
    first, during, after = wheel.arcs
    assert (first.start, first.end) == pytest.approx((PHASE_GAP / 2, PHASE_GAP / 2 + 2 * step))
    assert first.stage_ids == (journey.stages[0].id, journey.stages[1].id)
    assert (during.start, during.end) == pytest.approx(
        (wheel.sectors[2].start, wheel.sectors[2].end))
    for arc in wheel.arcs:
        expected = polar((arc.start + arc.end) / 2, sum(PHASE_R) / 2)
        assert (arc.label_at.x, arc.label_at.y) == pytest.approx((expected.x, expected.y))
    assert (after.start, after.end) == pytest.approx(
        (wheel.sectors[3].start, wheel.sectors[3].end))
    assert (wheel.map_id, wheel.title) == (journey.id, journey.name)


def test_two_phases_leave_two_gaps():
    project, journey = _phased(Phase.BEFORE, Phase.AFTER)
    wheel = build_wheel(journey, project)
    step = (360 - 2 * PHASE_GAP) / 2
    assert [a for s in wheel.sectors for a in (s.start, s.end)] == pytest.approx(
        [PHASE_GAP / 2, PHASE_GAP / 2 + step, PHASE_GAP * 1.5 + step, 360 - PHASE_GAP / 2])


def test_the_centre_names_the_persona_by_id():
    project, journey = _map("Awareness")
    persona = Persona("Lan")
    project.personas.append(persona)
    journey.persona_id = persona.id
    assert build_wheel(journey, project).centre.persona_id == persona.id
    journey.persona_id = None
    assert build_wheel(journey, project).centre.persona_id is None


def _touch(journey, n: int, stage: int = 0) -> None:
    lane = journey.lanes[0]
    journey.cards = [Card(journey.id, journey.stages[stage].id, lane.id, f"t{i}", order=i)
                     for i in range(n)]


def _room(width_deg: float) -> list[int]:
    return [max(0, int((math.radians(width_deg) * r - ICON_PITCH * 0.4) // ICON_PITCH))
            for r in (OUTER_ROW, INNER_ROW)]


def test_icons_fill_the_outer_row_first_centred_one_pitch_apart():
    project, journey = _map("A", "B", "C")  # 120° sectors
    outer, inner = _room(120)
    assert outer > inner > 0
    _touch(journey, outer + 2)
    sector = build_wheel(journey, project).sectors[0]
    points = [t.at for t in sector.touchpoints]
    assert [math.hypot(p.x, p.y) for p in points] == pytest.approx(
        [OUTER_ROW] * outer + [INNER_ROW] * 2)
    angles = [angle_of(p.x, p.y) for p in points]
    outer_pitch = math.degrees(ICON_PITCH / OUTER_ROW)
    assert [b - a for a, b in zip(angles[:outer - 1], angles[1:outer], strict=True)] == \
        pytest.approx([outer_pitch] * (outer - 1))
    assert sum(angles[:outer]) / outer == pytest.approx(sector.mid)
    inner_pitch = math.degrees(ICON_PITCH / INNER_ROW)
    assert angles[outer:] == pytest.approx([sector.mid - inner_pitch / 2,
                                            sector.mid + inner_pitch / 2])
    assert sector.more_touchpoints == 0


def test_a_full_ring_shows_every_icon_and_one_more_gives_up_a_slot_for_plus_n():
    project, journey = _map("A", "B", "C")
    room = sum(_room(120))
    _touch(journey, room)
    sector = build_wheel(journey, project).sectors[0]
    assert (len(sector.touchpoints), sector.more_touchpoints) == (room, 0)
    _touch(journey, room + 1)
    sector = build_wheel(journey, project).sectors[0]
    assert (len(sector.touchpoints), sector.more_touchpoints) == (room - 1, 2)
    # "+2" goes one pitch after the last icon, on its row.
    last = sector.touchpoints[-1].at
    r = math.hypot(last.x, last.y)
    spot = more_at(sector)
    assert math.hypot(spot.x, spot.y) == pytest.approx(r)
    assert angle_of(spot.x, spot.y) == pytest.approx(
        angle_of(last.x, last.y) + math.degrees(ICON_PITCH / r))


def test_plus_n_without_any_icon_sits_mid_sector_on_the_inner_row():
    project, journey = _map(*(f"S{i}" for i in range(40)))  # 9° sectors: no room at all
    assert _room(9) == [0, 0]
    _touch(journey, 3)
    sector = build_wheel(journey, project).sectors[0]
    assert (sector.touchpoints, sector.more_touchpoints) == ((), 3)
    spot = more_at(sector)
    expected = polar(sector.mid, INNER_ROW)
    assert (spot.x, spot.y) == pytest.approx((expected.x, expected.y))


def test_without_a_project_icons_are_plain():
    _, journey = _map("A")
    _touch(journey, 1)
    (touch,) = build_wheel(journey).sectors[0].touchpoints
    assert (touch.icon, touch.color, touch.title) == ("other", "#757575", "t0")


def _face_and_pain(n_stages: int):
    project, journey = _map(*(f"S{i}" for i in range(n_stages)))
    stage, pains, emotions = journey.stages[0], journey.lanes[2], journey.lanes[1]
    journey.cards = [Card(journey.id, stage.id, pains.id, "p", severity=5)]
    journey.markers = [EmotionMarker(journey.id, stage.id, emotions.id, score=-1),
                       EmotionMarker(journey.id, stage.id, emotions.id, score=-2)]
    return build_wheel(journey, project).sectors[0]


def test_the_pain_marker_stands_beside_the_face_in_a_wide_sector():
    sector = _face_and_pain(4)
    face_r = sum(FACE_R) / 2
    beside = math.degrees((FACE_SIZE + PAIN_SIZE * 1.6) / face_r)
    face = polar(sector.mid, face_r)
    pain = polar(sector.mid + beside, face_r)
    assert (sector.face_at.x, sector.face_at.y) == pytest.approx((face.x, face.y))
    assert (sector.pain_at.x, sector.pain_at.y) == pytest.approx((pain.x, pain.y))
    assert (sector.emotion, sector.markers, sector.pains) == (-1.5, 2, 1)
    assert sector.top_pains[0].severity == 3  # a severity past the scale counts as 3


def test_the_pain_marker_goes_under_the_face_in_a_narrow_sector():
    sector = _face_and_pain(36)  # 10° sectors, narrower than 2.6 × beside
    pain = polar(sector.mid, FACE_R[0] - PAIN_SIZE * 1.2)
    assert (sector.pain_at.x, sector.pain_at.y) == pytest.approx((pain.x, pain.y))


def test_a_point_on_the_sector_edge_belongs_to_it():
    project, journey = _map("A", "B")
    first, second = build_wheel(journey, project).sectors
    inside = polar(first.end - 0.01, 0.6)
    assert first.contains(inside.x, inside.y) and not second.contains(inside.x, inside.y)
    far = polar(first.mid, FACE_R[1] + 0.01)
    assert not first.contains(far.x, far.y)
    rim = polar(first.mid, FACE_R[1] - 0.001)
    assert first.contains(rim.x, rim.y)


class _Monospace:
    """A wrapper whose every character is `size` × 0.5 wide: sizes are worked out by hand."""

    def width(self, text: str, size: float, bold: bool) -> float:
        return len(text) * size * 0.5

    def wrap(self, text: str, size: float, bold: bool, width: float,
             max_lines: int | None = None) -> list[str]:
        lines: list[str] = []
        for word in text.split():
            if lines and self.width(f"{lines[-1]} {word}", size, bold) <= width:
                lines[-1] += f" {word}"
            else:
                lines.append(word)
        return lines[:max_lines] if max_lines else lines

    def elide(self, text: str, size: float, bold: bool, width: float) -> str:
        while self.width(text, size, bold) > width and len(text) > 1:
            text = text[:-2] + "…"
        return text


def _box(width: float, height: float) -> LabelBox:
    return LabelBox(Point(0, 0), width, height)


def test_a_title_gets_the_largest_size_at_which_it_fits():
    # "Purchase" (8 characters) at size s is 4 s wide: 40 wide fits size 10, not 10.5.
    size, lines = fit_title(_Monospace(), "Purchase", _box(40, 100), 1.0, 14, 6)
    assert (size, lines) == (10, ["Purchase"])
    # Two words on two lines need 2 × 1.2 × size of height: 24 allows 10, not 10.5.
    size, lines = fit_title(_Monospace(), "Mua hàng", _box(20, 24), 1.0, 14, 6)
    assert (size, lines) == (10, ["Mua", "hàng"])
    size, _ = fit_title(_Monospace(), "Purchase", _box(20, 50), 2.0, 14, 6)  # scaled
    assert size == 10


def test_a_title_too_long_at_the_smallest_size_is_cut_with_an_ellipsis():
    size, lines = fit_title(_Monospace(), "one two three four five", _box(15, 16), 1.0, 9, 6)
    assert size == 6
    assert len(lines) == 2  # 16 // (6 × 1.2)
    assert lines[0] == "one" and lines[-1].endswith("…")
    assert all(_Monospace().width(line, 6, True) <= 15 for line in lines)


def test_a_stage_without_markers_has_no_face():
    project, journey = _map("A")
    journey.stages.append(Stage(journey.id, "B"))
    sector = build_wheel(journey, project).sectors[1]
    assert (sector.emotion, sector.face, sector.face_score, sector.markers) == (
        None, None, None, 0)
