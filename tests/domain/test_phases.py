"""A stage's part of the timeline: its own phase, else its title's words (Vietnamese or
English, with or without diacritics), else its place on the map."""

from __future__ import annotations

import pytest

from app.domain.model import JourneyMap, Phase, Stage
from app.domain.phases import phase_from_title, stage_phase

B, D, A = Phase.BEFORE, Phase.DURING, Phase.AFTER


def _map(*titles: str) -> JourneyMap:
    journey = JourneyMap("M", id="m")
    journey.stages = [Stage("m", t, id=f"s{i}") for i, t in enumerate(titles)]
    return journey


@pytest.mark.parametrize("title, phase", [
    ("Nhận biết", B), ("nhan biet", B), ("Cân nhắc", B), ("Awareness", B),
    ("Mua hàng", D), ("Thanh toán", D), ("Checkout", D),
    ("Duy trì", A), ("Trung thành", A), ("After-sales support", A), ("Hỗ trợ sau mua", A),
    ("Bước 3", None), ("", None), ("Mual", None)])  # whole words only
def test_a_title_names_its_phase_by_its_words(title, phase):
    assert phase_from_title(title) == phase


def test_an_explicit_phase_wins_over_the_title_and_the_place():
    journey = _map("Mua hàng", "Bước 2", "Bước 3")
    journey.stages[0].phase = A
    assert stage_phase(journey, journey.stages[0]) == A
    assert stage_phase(journey, journey.stages[1]) == D  # no words: its place, the middle


@pytest.mark.parametrize("count, phases", [
    (1, [D]),
    (2, [B, A]),
    (3, [B, D, A]),
    (4, [B, B, D, A]),  # places 0, ¼, ½, ¾
    (6, [B, B, D, D, A, A]),  # ⅓ is during, ⅔ after
])
def test_without_words_the_place_decides_in_thirds(count, phases):
    journey = _map(*(f"Bước {i + 1}" for i in range(count)))
    assert [stage_phase(journey, s) for s in journey.stages] == phases


def test_a_stage_of_another_map_is_during():
    journey = _map("Bước 1", "Bước 2", "Bước 3", "Bước 4")
    stranger = Stage("other", "Bước 9", id="x")
    assert stage_phase(journey, stranger) == D
    assert stage_phase(_map("Bước 1", "Bước 2"), stranger) == D
