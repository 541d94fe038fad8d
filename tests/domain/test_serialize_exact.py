"""The JSON reader to the exact boundary and the exact word.

A refused number or filter value reaches the user as one line: these tests pin where each
limit sits (19 digits, INT_MIN itself, a 24-character text shown whole) and the place each
message names (filter.severities, filter.favourite, ...), so that neither drifts unseen.
"""

import json

import pytest

from app.domain.model import Evidence, Filter, LaneKind
from app.domain.serialize import (
    INT_MAX,
    INT_MIN,
    FormatError,
    filter_from_dict,
    parse_json_constant,
    parse_json_float,
    parse_json_int,
    project_from_dict,
)

RANGE = "(at most 19 digits, below 2^63)"


def _version_error(number: str) -> str:
    """The message for a document whose version is `number`, read as the JSON reader does."""
    text = '{"format": "journey-studio", "version": ' + number + "}"
    data = json.loads(text, parse_constant=parse_json_constant,
                      parse_float=parse_json_float, parse_int=parse_json_int)
    with pytest.raises(FormatError) as caught:
        project_from_dict(data)
    return str(caught.value)


def _filter_error(data) -> str:
    with pytest.raises(FormatError) as caught:
        filter_from_dict(data)
    return str(caught.value)


# -- whole numbers ---------------------------------------------------------------------


def test_the_smallest_and_largest_64_bit_numbers_are_read_as_they_are():
    assert parse_json_int(str(INT_MIN)) == INT_MIN == -9223372036854775808
    assert parse_json_int(str(INT_MAX)) == INT_MAX == 9223372036854775807
    assert parse_json_int("-9223372036854775807") == -9223372036854775807


def test_one_past_either_end_of_64_bits_is_refused():
    below = parse_json_int("-9223372036854775809")
    above = parse_json_int("9223372036854775808")
    assert below.reason == f"the whole number -9223372036854775809 is out of range {RANGE}"
    assert above.reason == f"the whole number 9223372036854775808 is out of range {RANGE}"


# -- how a long number is shown --------------------------------------------------------


def test_a_24_character_number_is_shown_whole():
    number = "1" + "0" * 23
    assert _version_error(number) == f"version: the whole number {number} is out of range {RANGE}"


def test_a_25_character_number_is_shown_as_its_first_12_characters_and_its_length():
    number = "123456789012345" + "0" * 10
    assert _version_error(number) == (
        f"version: the whole number 123456789012… (25 characters) is out of range {RANGE}")


def test_a_23_character_negative_number_is_shown_whole():
    number = "-" + "9" * 22
    assert _version_error(number) == f"version: the whole number {number} is out of range {RANGE}"


# -- the filter: each bad value names its place -----------------------------------------


@pytest.mark.parametrize("data, message", [
    ({"tags": "vip"}, "filter.tags: expected a list"),
    ({"channels": "c1"}, "filter.channels: expected a list"),
    ({"owners": ["Lan", 3]}, "filter.owners: expected text"),
    ({"lane_kinds": ["nope"]}, "filter.lane_kinds: 'nope' is not a valid LaneKind"),
    ({"lane_kinds": "pains"}, "filter.lane_kinds: expected a list"),
    ({"severities": "high"}, "filter.severities: expected a list"),
    ({"severities": 2}, "filter.severities: expected a list"),
    ({"severities": [True]}, "filter.severities: expected a whole number"),
    ({"severities": ["2"]}, "filter.severities: expected a whole number"),
    ({"severities": [0]}, "filter.severities: each must be 1, 2 or 3"),
    ({"severities": [4]}, "filter.severities: each must be 1, 2 or 3"),
    ({"evidence": ["rumour"]}, "filter.evidence: 'rumour' is not a valid Evidence"),
    ({"evidence": "observed"}, "filter.evidence: expected a list"),
    ({"favourite": 1}, "filter.favourite: expected true or false"),
    ({"favourite": "yes"}, "filter.favourite: expected true or false"),
    ({"score_min": "1"}, "filter.score_min: expected a whole number"),
    ({"score_max": True}, "filter.score_max: expected a whole number"),
    ({"score_max": 1.5}, "filter.score_max: expected a whole number"),
    ({"score_min": 2, "score_max": 1}, "filter: score_min 2 is above score_max 1"),
    ("tags", "filter: expected an object"),
])
def test_a_bad_filter_value_is_refused_naming_its_place(data, message):
    assert _filter_error(data) == message


def test_a_filter_read_inside_a_saved_view_names_the_view():
    with pytest.raises(FormatError) as caught:
        filter_from_dict({"severities": [9]}, "maps[0].views[1].filter")
    assert str(caught.value) == "maps[0].views[1].filter.severities: each must be 1, 2 or 3"


# -- the filter: what is kept ----------------------------------------------------------


def test_each_of_the_three_severities_is_accepted():
    for severity in (1, 2, 3):
        assert filter_from_dict({"severities": [severity]}).severities == {severity}
    assert filter_from_dict({"severities": [3, 1, 2, 1]}).severities == {1, 2, 3}


def test_an_empty_filter_means_any_and_is_not_favourites_only():
    criteria = filter_from_dict({})
    assert criteria == Filter()
    assert criteria.favourite is False
    assert filter_from_dict({"favourite": True}).favourite is True
    assert filter_from_dict({"favourite": False}).favourite is False


def test_channel_ids_are_kept_as_written_while_the_other_texts_are_folded():
    criteria = filter_from_dict({"channels": ["Zalo OA", "ÉMAIL"], "tags": ["Meta  Ads"],
                                 "statuses": ["Đã Xong"], "priorities": ["HIGH"],
                                 "owners": ["Chị Lan"]})
    assert criteria.channels == {"Zalo OA", "ÉMAIL"}
    assert criteria.tags == {"meta ads"}
    assert criteria.statuses == {"da xong"}
    assert criteria.priorities == {"high"}
    assert criteria.owners == {"chi lan"}


def test_kinds_evidence_and_scores_are_read_as_their_values():
    criteria = filter_from_dict({"lane_kinds": ["pains", "touchpoints"],
                                 "evidence": ["observed"], "score_min": -2, "score_max": 2})
    assert criteria.lane_kinds == {LaneKind.PAINS, LaneKind.TOUCHPOINTS}
    assert criteria.evidence == {Evidence.OBSERVED}
    assert (criteria.score_min, criteria.score_max) == (-2, 2)
    assert filter_from_dict({"score_min": 1, "score_max": 1}).score_min == 1
