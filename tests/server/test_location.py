"""Server URLs: the project parameter, what is shown, and the password never shown."""

import pytest

from app.storage import StorageError
from app.storage.backend import is_server
from app.storage.server import parse_location


def test_the_project_is_taken_out_and_every_other_parameter_passes_through():
    location = parse_location("postgresql://anna:s%40cret@db.example:5433/team"
                              "?sslmode=require&project=Online%20shop&connect_timeout=3")
    assert location.project == "Online shop"
    assert location.conninfo == ("postgresql://anna:s%40cret@db.example:5433/team"
                                 "?sslmode=require&connect_timeout=3")
    assert location.display == ("postgresql://anna@db.example:5433/team?sslmode=require"
                                "&connect_timeout=3&project=Online%20shop")


@pytest.mark.parametrize("url", [
    "postgresql://anna:hunter2@db/team?project=x",
    "postgres://db/team?password=hunter2&project=x",
])
def test_the_password_is_in_no_display_repr_or_scrubbed_message(url):
    location = parse_location(url)
    assert "hunter2" not in location.display
    assert "hunter2" not in repr(location)
    assert location.scrub('invalid URI "postgresql://anna:hunter2@db"') == (
        'invalid URI "postgresql://anna:***@db"')


def test_urls_are_told_from_files():
    assert is_server("postgresql://db/x") and is_server("POSTGRES://db/x")
    assert not is_server("plan.cjm") and not is_server("postgresql.cjm")


@pytest.mark.parametrize("url, words", [
    ("postgresql://db/x?project=a&project=b", "more than one project"),
    ("postgresql://db/x?project=%20", "must not be empty"),
    ("postgresql://db/x?project=a%0Ab", "control characters"),
    ("postgresql://db:99999999/x?project=a", "not a valid server URL"),
])
def test_bad_urls_are_refused_in_one_line(url, words):
    with pytest.raises(StorageError, match=words):
        parse_location(url)
