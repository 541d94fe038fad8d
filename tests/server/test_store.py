"""ServerStore against a real server: round trips, concurrent editors, conflicts, roles."""

import pytest

from app.domain.model import Card
from app.samples import build_sample
from app.storage import ProjectStore, StorageError
from app.storage.backend import open_store
from app.storage.server import (
    ConflictError,
    ProjectExistsError,
    ProjectNotFoundError,
    ServerStore,
)
from tests.server.conftest import with_project, with_user
from tests.server.helpers import publish_sample, run_sql


def test_a_published_project_reads_back_and_copies_to_a_file_equal_to_the_original(
        pg_url, tmp_path):
    store, url = publish_sample(pg_url)
    store.close()
    opened, project = open_store(url)
    try:
        assert isinstance(opened, ServerStore) and not opened.read_only
        assert project == build_sample()
        opened.save_copy(tmp_path / "copy.cjm")
    finally:
        opened.close()
    copy, from_file = ProjectStore.open(tmp_path / "copy.cjm", read_only=True)
    copy.close()
    assert from_file == build_sample()


def test_edits_of_different_entities_by_two_stores_both_land(pg_url):
    publish_sample(pg_url)[0].close()
    url = with_project(pg_url, "sample")
    first, mine = ServerStore.open(url)
    second, theirs = ServerStore.open(url)
    try:
        mine.maps[0].cards[0].title = "Edited by the first"
        first.write(mine, [mine, mine.maps[0].cards[0]])
        theirs.maps[0].cards[1].title = "Edited by the second"
        theirs.maps[0].stages[0].title = "Stage by the second"
        second.write(theirs, [theirs, theirs.maps[0].cards[1], theirs.maps[0].stages[0]])
    finally:
        first.close()
        second.close()
    check, now = ServerStore.open(url, read_only=True)
    check.close()
    assert now.maps[0].cards[0].title == "Edited by the first"
    assert now.maps[0].cards[1].title == "Edited by the second"
    assert now.maps[0].stages[0].title == "Stage by the second"


def test_the_same_card_edited_by_both_refuses_the_second_whole_and_keeps_the_first(pg_url):
    publish_sample(pg_url)[0].close()
    url = with_project(pg_url, "sample")
    first, mine = ServerStore.open(url)
    second, theirs = ServerStore.open(url)
    try:
        mine.maps[0].cards[0].title = "First"
        first.write(mine, [mine, mine.maps[0].cards[0]])
        theirs.maps[0].stages[0].title = "Half of the second's edit"
        theirs.maps[0].cards[0].title = "Second"
        with pytest.raises(ConflictError) as caught:
            second.write(theirs, [theirs, theirs.maps[0].stages[0], theirs.maps[0].cards[0]])
        assert str(caught.value) == ("This card was changed by someone else a moment ago; "
                                     "your edit was not applied")
        assert caught.value.entity_type is Card and not caught.value.deleted
        # What the server holds now can be fetched, and then edited on top of.
        fresh = second.fetch(Card, theirs.maps[0].cards[0].id)
        assert fresh.title == "First"
    finally:
        first.close()
        second.close()
    check, now = ServerStore.open(url, read_only=True)
    check.close()
    assert now.maps[0].cards[0].title == "First"
    assert now.maps[0].stages[0].title == build_sample().maps[0].stages[0].title


def test_an_edit_of_a_card_someone_deleted_is_refused_as_deleted(pg_url):
    publish_sample(pg_url)[0].close()
    url = with_project(pg_url, "sample")
    first, mine = ServerStore.open(url)
    second, theirs = ServerStore.open(url)
    try:
        gone = mine.maps[0].cards[0]
        mine.maps[0].cards.remove(gone)
        first.write(mine, [mine], [gone])
        theirs.maps[0].cards[0].title = "Too late"
        with pytest.raises(ConflictError, match="This card was deleted by someone else"):
            second.write(theirs, [theirs, theirs.maps[0].cards[0]])
    finally:
        first.close()
        second.close()


def test_a_card_added_to_a_stage_someone_deleted_is_refused(pg_url):
    publish_sample(pg_url)[0].close()
    url = with_project(pg_url, "sample")
    first, mine = ServerStore.open(url)
    second, theirs = ServerStore.open(url)
    try:
        journey = mine.maps[0]
        stage = journey.stages[-1]
        for card in [c for c in journey.cards if c.stage_id == stage.id]:
            journey.cards.remove(card)
        journey.markers = [m for m in journey.markers if m.stage_id != stage.id]
        journey.stages.remove(stage)
        first.write(mine, [mine], [stage])
        other = theirs.maps[0]
        card = Card(id="new-card", map_id=other.id, stage_id=stage.id,
                    lane_id=other.lanes[0].id, title="Into a stage that is gone")
        other.cards.append(card)
        with pytest.raises(ConflictError, match="This stage was deleted by someone else"):
            second.write(theirs, [theirs, card])
    finally:
        first.close()
        second.close()
    assert run_sql(pg_url, "SELECT count(*) FROM card WHERE id = 'new-card'")[0][0] == 0


def test_a_new_card_and_its_later_edits_are_written(pg_url):
    store, url = publish_sample(pg_url)
    project = ServerStore.open(url)[1]
    store.close()
    store, project = ServerStore.open(url)
    try:
        journey = project.maps[0]
        card = Card(id="c-new", map_id=journey.id, stage_id=journey.stages[0].id,
                    lane_id=journey.lanes[0].id, title="New", order=99)
        journey.cards.append(card)
        store.write(project, [project, card])
        card.title = "New, then edited"
        store.write(project, [project, card])
    finally:
        store.close()
    rows = run_sql(pg_url, "SELECT title, version FROM card WHERE id = 'c-new'")
    assert rows == [("New, then edited", 2)]


def test_touching_the_project_stamp_alone_never_conflicts(pg_url):
    publish_sample(pg_url)[0].close()
    url = with_project(pg_url, "sample")
    first, mine = ServerStore.open(url)
    second, theirs = ServerStore.open(url)
    try:
        mine.modified = "2026-12-02T10:00:00+00:00"
        first.write(mine, [mine])
        theirs.modified = "2026-12-02T10:00:01+00:00"
        second.write(theirs, [theirs])  # both stamp "modified": no conflict
        theirs.title = "Renamed by the second"
        second.write(theirs, [theirs])
        mine.title = "Renamed by the first"
        with pytest.raises(ConflictError, match="This project was changed"):
            first.write(mine, [mine])
    finally:
        first.close()
        second.close()


def test_publishing_refuses_a_taken_name_unless_replacing(pg_url):
    publish_sample(pg_url)[0].close()
    with pytest.raises(ProjectExistsError, match="already holds a project named 'sample'"):
        ServerStore.create(pg_url, build_sample(), name="sample")
    changed = build_sample()
    changed.title = "Replaced"
    ServerStore.create(pg_url, changed, name="sample", replace=True).close()
    store, project = ServerStore.open(with_project(pg_url, "sample"), read_only=True)
    store.close()
    assert project.title == "Replaced"
    with pytest.raises(ProjectExistsError, match="on the server already, as 'sample'"):
        ServerStore.create(pg_url, build_sample(), name="another")


def test_projects_are_listed_with_their_counts(pg_url):
    assert ServerStore.list_projects(pg_url) == []
    publish_sample(pg_url, "b-sample")[0].close()
    listing = ServerStore.list_projects(pg_url)
    sample = build_sample()
    assert [(p.name, p.title, p.maps, p.cards) for p in listing] == [
        ("b-sample", sample.title, len(sample.maps), sum(len(m.cards) for m in sample.maps))]


def test_an_unknown_project_is_named_with_the_ones_there(pg_url):
    publish_sample(pg_url)[0].close()
    with pytest.raises(ProjectNotFoundError,
                       match=r"holds no project named 'nope' \(projects: 'sample'\)"):
        ServerStore.open(with_project(pg_url, "nope"))
    with pytest.raises(StorageError, match=r"name the project in the URL"):
        ServerStore.open(pg_url)


def test_an_empty_database_says_to_publish_first(pg_url):
    with pytest.raises(ProjectNotFoundError, match="holds no Journey Studio projects yet"):
        ServerStore.open(with_project(pg_url, "sample"))


def test_a_role_that_may_only_read_opens_read_only_and_says_why(pg_url, make_role):
    publish_sample(pg_url)[0].close()
    role, password = make_role("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
    url = with_project(with_user(pg_url, role, password), "sample")
    store, project = open_store(url)
    try:
        assert store.read_only
        assert f"your role '{role}' may only read the projects" in store.read_only_reason
        assert password not in store.read_only_reason and password not in store.path
        project.title = "Not allowed"
        with pytest.raises(StorageError, match="open read-only"):
            store.write(project, [project])
    finally:
        store.close()
    assert project == project  # loaded whole
    assert run_sql(pg_url, "SELECT title FROM projects")[0][0] == build_sample().title


def test_a_wrong_password_is_one_line_without_the_password(pg_url, make_role):
    publish_sample(pg_url)[0].close()
    role, _ = make_role("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
    wrong = "Wr0ng-S3cret!"
    with pytest.raises(StorageError) as caught:
        ServerStore.open(with_project(with_user(pg_url, role, wrong), "sample"))
    message = str(caught.value)
    assert "refused the login: password authentication failed" in message
    assert wrong not in message and "\n" not in message


def test_a_row_another_program_broke_is_refused_naming_table_and_column(pg_url):
    from app.storage import NotAProjectError

    publish_sample(pg_url)[0].close()
    run_sql(pg_url, "UPDATE card SET evidence = 'rumour' WHERE ctid = "
                    "(SELECT ctid FROM card LIMIT 1)")
    with pytest.raises(NotAProjectError, match=r"the project 'sample' on postgresql://\S+ is "
                       r"damaged: table card, column evidence holds 'rumour'"):
        ServerStore.open(with_project(pg_url, "sample"), read_only=True)
