"""The map's look-ups by id: the one asked for, and None for an id the map does not hold."""

from app.domain.model import Connector, JourneyMap, SavedView


def test_a_connector_is_found_by_its_id_and_a_missing_one_is_none():
    first = Connector("m", "a", "b", id="k1")
    second = Connector("m", "b", "c", id="k2")
    journey = JourneyMap("M", id="m", connectors=[first, second])
    assert journey.connector("k2") is second
    assert journey.connector("k1") is first
    assert journey.connector("k3") is None
    assert JourneyMap("M").connector("k1") is None


def test_a_saved_view_is_found_by_its_id_and_a_missing_one_is_none():
    first = SavedView("m", "Pains", id="v1")
    second = SavedView("m", "Owners", id="v2")
    journey = JourneyMap("M", id="m", views=[first, second])
    assert journey.view("v2") is second
    assert journey.view("v1") is first
    assert journey.view("v3") is None
    assert JourneyMap("M").view("v1") is None
