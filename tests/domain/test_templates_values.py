"""New projects and maps from templates, in the language the user chose."""

import pytest

from app.domain.model import LaneKind, MapState
from app.domain.templates import (
    LANGUAGES,
    TEMPLATES,
    build_map,
    builtin_channels,
    lane_title,
    new_project,
)


def test_a_new_project_is_titled_and_filled_in_its_language():
    english, vietnamese = new_project(), new_project("awareness-5", "vi")
    assert (english.title, english.language) == ("New project", "en")
    assert (vietnamese.title, vietnamese.language) == ("Dự án mới", "vi")
    assert new_project(title="Cửa hàng").title == "Cửa hàng"
    assert [c.name for c in english.channels] == [c.name for c in builtin_channels("en")]
    assert [c.name for c in vietnamese.channels] == [c.name for c in builtin_channels("vi")]
    assert [c.id for c in english.channels] == [c.id for c in vietnamese.channels]
    assert vietnamese.maps[0].lanes[0].title == lane_title(LaneKind.TOUCHPOINTS, "vi")


def test_the_catalogue_names_differ_by_language_and_keep_their_ids():
    en, vi = builtin_channels("en"), builtin_channels("vi")
    assert [c.key for c in en] == [c.key for c in vi]
    assert any(a.name != b.name for a, b in zip(en, vi, strict=True))
    assert builtin_channels()[0].name == en[0].name


def test_a_built_map_is_a_current_state_named_after_its_template():
    journey = build_map("awareness-5", "vi")
    assert journey.state == MapState.CURRENT
    assert [lane.title for lane in journey.lanes] == [lane_title(lane.kind, "vi")
                                                      for lane in journey.lanes]
    assert build_map("awareness-5").name != journey.name
    assert build_map("blank", "vi", "Của tôi").name == "Của tôi"


def test_unknown_templates_and_languages_list_the_choices():
    with pytest.raises(ValueError) as caught:
        build_map("nope")
    assert str(caught.value) == f"unknown template 'nope'; choose one of: {', '.join(TEMPLATES)}"
    with pytest.raises(ValueError) as caught:
        new_project(lang="fr")
    assert str(caught.value) == f"unknown language 'fr'; choose one of: {', '.join(LANGUAGES)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_templates_give_their_stages_phases_for_the_wheel(lang):
    from app.domain.model import Phase
    from app.domain.wheel import build_wheel

    before, during, after = Phase.BEFORE, Phase.DURING, Phase.AFTER
    journey = build_map("awareness-5", lang)
    assert [s.phase for s in journey.stages] == [before, before, during, after, after]
    assert [(a.phase, len(a.stage_ids)) for a in build_wheel(journey).arcs] == [
        (before, 2), (during, 1), (after, 2)]
    for key, template in TEMPLATES.items():
        phases = [s.phase for s in build_map(key, lang).stages]
        assert len(phases) == len(template.stages) and None not in phases
        # Each template runs before → during → after, never back.
        assert phases == sorted(phases, key=[before, during, after].index)
