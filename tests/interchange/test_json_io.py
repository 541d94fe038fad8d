"""The JSON interchange file: exact round trips, the schema, and clear refusals."""

from __future__ import annotations

import base64
import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest

from app.domain.copying import frozen_copy
from app.domain.model import (
    Card,
    Channel,
    EmotionMarker,
    Evidence,
    JourneyMap,
    Lane,
    LaneKind,
    Persona,
    Project,
    Snapshot,
    Stage,
)
from app.domain.templates import TEMPLATES, new_project
from app.export.json_io import (
    FormatError,
    dumps,
    loads,
    read_json,
    subset,
    write_json,
)
from app.samples import build_sample
from tests.interchange.images import tiny_png

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "resources" / "schema" / \
    "journey-studio.schema.json"
TRICKY = ["Hành trình khách hàng — Nhận thức", "😀 🛒 👍🏽", "a<b", "R&D", "<b>x</b>",
          "line one\nline two\ttab", 'quote " and \\ backslash', "ả ạ ă ắ ặ â ấ ậ đ ơ ớ ợ ư ứ ự"]


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def with_tricky_text(project: Project) -> Project:
    """Fill every kind of text field with Vietnamese, emoji and markup-like text."""
    project.title, project.client, project.author = TRICKY[0], TRICKY[3], TRICKY[7]
    persona = Persona(name=TRICKY[0], quote=TRICKY[4], goals=TRICKY[5], pains=TRICKY[2],
                      age=31, photo=tiny_png(), photo_mime="image/png",
                      channel_ids=[project.channels[0].id])
    project.personas.append(persona)
    for journey in project.maps:
        journey.persona_id = persona.id
        journey.description = TRICKY[6]
        if not journey.stages:
            journey.stages.append(Stage(map_id=journey.id, title=TRICKY[1]))
        if not journey.lanes:
            journey.lanes.append(Lane(map_id=journey.id, title="Notes", kind=LaneKind.TEXT))
        stage = journey.stages[0]
        stage.title = TRICKY[1]
        for i, lane in enumerate(journey.lanes):
            if lane.kind == LaneKind.EMOTIONS:
                journey.markers.append(EmotionMarker(
                    map_id=journey.id, stage_id=stage.id, lane_id=lane.id, score=-2,
                    position=0.25, label=TRICKY[2]))
                continue
            journey.cards.append(Card(
                map_id=journey.id, stage_id=stage.id, lane_id=lane.id,
                title=TRICKY[i % len(TRICKY)], body=TRICKY[(i + 3) % len(TRICKY)],
                tags=[TRICKY[3], TRICKY[1]], severity=3 if lane.kind == LaneKind.PAINS else None,
                value=12.5 if lane.kind == LaneKind.METRICS else None, unit="%", target=10,
                evidence=Evidence.ASSUMED, favourite=True, span=2,
                channel_id=project.channels[1].id if lane.kind == LaneKind.TOUCHPOINTS
                else None))
        project.snapshots.append(Snapshot(map_id=journey.id, name=TRICKY[4],
                                          content=frozen_copy(journey)))
    return project


@pytest.mark.parametrize("key", sorted(TEMPLATES))
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_template_round_trips_exactly_with_tricky_text(tmp_path, validator, key, lang):
    project = with_tricky_text(new_project(key, lang))
    path = tmp_path / "p.json"
    write_json(project, path)
    again = read_json(path)
    assert again == project
    assert dumps(again) == path.read_text(encoding="utf-8")
    validator.validate(json.loads(path.read_text(encoding="utf-8")))
    raw = path.read_bytes()
    for text in ("😀", "a<b", "R&D", "<b>x</b>", "Hành trình"):
        assert text.encode("utf-8") in raw  # written as is, not \u-escaped


def test_the_sample_round_trips_and_validates(validator):
    project = build_sample()
    text = dumps(project)
    assert loads(text) == project
    assert dumps(loads(text)) == text
    validator.validate(json.loads(text))


def test_layout_is_utf8_indent_two_in_dataclass_order():
    text = dumps(new_project("inbound-4", "vi"))
    assert text.endswith("}\n")
    assert text.startswith('{\n  "format": "journey-studio",\n  "version": 2,\n  "project": {\n'
                           '    "title": "Dự án mới",\n    "id": ')
    data = json.loads(text)
    assert list(data) == ["format", "version", "project", "channels", "personas", "maps",
                          "snapshots"]
    assert list(data["maps"][0]["stages"][0]) == [f.name for f in dataclasses.fields(Stage)]


def test_schema_names_every_field_of_every_entity():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    defs = schema["$defs"]
    expected = {"project": Project, "channel": Channel, "persona": Persona, "map": JourneyMap,
                "stage": Stage, "lane": Lane, "card": Card, "marker": EmotionMarker,
                "snapshot": Snapshot}
    skip = {"personas", "maps", "snapshots", "channels"}
    for name, cls in expected.items():
        fields = {f.name for f in dataclasses.fields(cls)} - (skip if cls is Project else set())
        assert set(defs[name]["properties"]) == fields, name
    assert defs["lane"]["properties"]["kind"]["enum"] == [k.value for k in LaneKind]
    assert set(defs["card"]["properties"]["evidence"]["enum"]) == {
        *(e.value for e in Evidence), None}


def test_the_schema_rejects_what_the_importer_rejects(validator):
    data = json.loads(dumps(build_sample()))
    data["maps"][0]["markers"][0]["score"] = 3
    assert not validator.is_valid(data)
    data = json.loads(dumps(build_sample()))
    data["maps"][0]["lanes"][0]["kind"] = "feelings"
    assert not validator.is_valid(data)
    data = json.loads(dumps(build_sample()))
    data["maps"][0]["cards"][0]["titel"] = "typo"
    assert not validator.is_valid(data)


def _doc(**changes) -> str:
    data = json.loads(dumps(build_sample()))
    for path, value in changes.items():
        target = data
        keys = path.split("__")
        for key in keys[:-1]:
            target = target[int(key)] if key.isdigit() else target[key]
        last = keys[-1]
        if value is KeyError:
            del target[last]
        elif last.isdigit():
            target[int(last)] = value
        else:
            target[last] = value
    return json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize(("text", "fragment"), [
    ("", "not valid JSON (line 1, column 1"),
    ('{"format": "journey-studio",\n "version": 1,\n "project": }', "line 3"),
    ("[]", "not a Journey Studio document"),
    ('{"format": "journey-studio", "version": 3, "project": {"title": "x"}}',
     "format version 3; this Journey Studio reads up to version 2"),
    ('{"format": "journey-studio", "version": "1", "project": {"title": "x"}}',
     "no valid \"version\""),
    ('{"format": "journey-studio", "version": 1, "project": {"title": NaN}}',
     "NaN is not allowed"),
    (_doc(maps__0__cards__0__stage_id="missing"), "maps[0].cards[0].stage_id: "),
    (_doc(maps__0__markers__0__score=5), "emotion score must be a whole number"),
    (_doc(maps__0__persona_id="ghost"), "map's persona is not in the project"),
    (_doc(maps__0__cards__0__channel_id="ghost"), "channel is not in the project's channel"),
    (_doc(personas__0__channel_ids__0="ghost"), "prefers a channel that is not in the"),
    (_doc(snapshots__0__content__cards__0__lane_id="ghost"),
     "snapshots[0].content.cards[0].lane_id: card's lane is not in the card's map"),
    (_doc(maps__1__id=None), "maps[1].id: expected text"),
    (_doc(maps__0__cards__1__id=None), "maps[0].cards[1].id: expected text"),
    (_doc(personas__0__photo="***"), "personas[0].photo: not valid base64"),
    (_doc(maps__0__cards__0__severity=1.5), "maps[0].cards[0].severity: expected a whole"),
    (_doc(maps__0__lanes__0__kind="feelings"), "'feelings' is not a valid LaneKind"),
    (_doc(project__title=KeyError), "project: missing 'title'"),
])
def test_bad_documents_are_refused_with_a_clear_reason(text, fragment):
    with pytest.raises(FormatError) as caught:
        loads(text)
    assert fragment in str(caught.value)
    assert "\n" not in str(caught.value)


def test_duplicate_ids_are_refused():
    data = json.loads(dumps(build_sample()))
    data["maps"][0]["cards"][1]["id"] = data["maps"][0]["cards"][0]["id"]
    with pytest.raises(FormatError, match="is used twice"):
        loads(json.dumps(data))


def test_bytes_that_are_not_utf8_are_refused_and_a_bom_is_accepted():
    text = dumps(new_project("blank"))
    with pytest.raises(FormatError, match="not UTF-8"):
        loads(text.encode("utf-16"))
    assert loads(b"\xef\xbb\xbf" + text.encode("utf-8")) == loads(text)


def test_missing_optional_fields_take_their_defaults():
    text = json.dumps({"format": "journey-studio", "version": 1,
                       "project": {"title": "Tối giản"},
                       "maps": [{"name": "M", "id": "m"}]})
    project = loads(text)
    assert project.title == "Tối giản" and project.language == "en"
    assert project.maps[0].stages == [] and project.personas == []


def test_read_json_names_the_file_and_write_json_leaves_no_partial_file(tmp_path,
                                                                        monkeypatch):
    bad = tmp_path / "broken.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(FormatError, match=r"^broken\.json: not valid JSON"):
        read_json(bad)
    import app.export.atomic as atomic

    def refuse(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(OSError):
        write_json(build_sample(), tmp_path / "out.json")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.json"]


def test_photos_travel_as_base64():
    project = build_sample()
    data = json.loads(dumps(project))
    assert base64.b64decode(data["personas"][0]["photo"]) == project.personas[0].photo


def test_subset_keeps_the_named_maps_and_their_snapshots_only():
    project = build_sample()
    future = project.maps[1]
    part = subset(project, [future])
    assert [m.id for m in part.maps] == [future.id]
    assert part.snapshots == []
    assert part.personas == project.personas
    assert loads(dumps(part)) == part
    assert len(project.maps) == 2  # the original is untouched
