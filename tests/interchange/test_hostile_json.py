"""Hostile interchange files: `journey-studio import` refuses each with one line naming the field.

Every case is the bundled sample with one value replaced by raw JSON text (so numbers that
overflow, NaN literals and lone surrogates reach the reader exactly as a crafted file has
them). The import must exit 2 with one `error:` line naming the file and the field path,
and create nothing.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from app.cli import main
from app.export.json_io import FormatError, dumps, loads
from app.samples import build_sample
from tests.interchange.images import GIF, WEBP, tiny_jpeg_header, tiny_png

PLACEHOLDER = "@@hostile-value@@"
DIGITS_5000 = "7" * 5000
SAMPLE = json.loads(dumps(build_sample()))


def _b64(data: bytes) -> str:
    return json.dumps(base64.b64encode(data).decode("ascii"))


def hostile(path: str, raw: str) -> str:
    """The sample's JSON text with the value at `path` (a.b[0].c) replaced by `raw`."""
    data = json.loads(json.dumps(SAMPLE))
    target = data
    keys = path.replace("[", ".").replace("]", "").split(".")
    for key in keys[:-1]:
        target = target[int(key)] if key.isdigit() else target[key]
    last = keys[-1]
    target[int(last) if last.isdigit() else last] = PLACEHOLDER
    return json.dumps(data, ensure_ascii=False).replace(json.dumps(PLACEHOLDER), raw, 1)


CASES = [
    # Numbers a float or a 64-bit integer cannot hold.
    ("maps[0].stages[1].width", "1e400"),
    ("maps[0].stages[1].width", "-1e400"),
    ("maps[1].lanes[2].height", "1E+999"),
    ("maps[0].cards[3].value", "1e309"),
    ("maps[0].cards[3].target", "-2e308"),
    ("maps[0].markers[0].position", "1e400"),
    ("maps[0].lanes[0].height", "NaN"),
    ("maps[0].stages[0].width", "Infinity"),
    ("maps[0].cards[3].value", "-Infinity"),
    ("maps[0].cards[3].order", "9223372036854775808"),
    ("maps[0].cards[3].order", "-9223372036854775809"),
    ("maps[0].cards[3].order", DIGITS_5000),
    ("maps[0].cards[3].span", "-" + DIGITS_5000),
    ("personas[0].age", "18446744073709551616"),
    ("maps[0].markers[0].score", "1" + "0" * 30),
    ("maps[0].stages[1].width", DIGITS_5000),
    ("maps[0].cards[3].tags", f"[{DIGITS_5000}]"),
    ("version", DIGITS_5000),
    # Lone surrogates, in every kind of text.
    ("project.title", '"\\ud800"'),
    ("project.client", '"ACME \\udfff"'),
    ("maps[0].name", '"map \\ud83d"'),
    ("maps[0].cards[3].title", '"abc\\udc00def"'),
    ("maps[0].cards[3].body", '"\\ude00"'),
    ("maps[0].cards[3].tags", '["ok", "\\ud800"]'),
    ("maps[0].stages[0].title", '"\\udbff"'),
    ("personas[0].name", '"\\ud800\\ud800"'),
    ("channels[0].name", '"\\udfff"'),
    ("snapshots[0].name", '"\\ud800"'),
    ("snapshots[0].content.cards[0].title", '"\\ud800"'),
    ("maps[0].cards[3].id", '"\\ud800"'),
    ("maps[0].lanes[0].kind", '"\\ud800"'),
    # Wrong types.
    ("project.title", "5"),
    ("project.language", "null"),
    ("maps[0].cards[3].order", "1.5"),
    ("maps[0].cards[3].order", "true"),
    ("maps[0].cards[3].favourite", '"yes"'),
    ("maps[0].cards[3].tags", '"a,b"'),
    ("maps[0].cards[3].tags", "[1]"),
    ("maps[0].cards[3].severity", '"high"'),
    ("maps[0].cards[3].evidence", "[]"),
    ("maps[0].cards[3].evidence", '"maybe"'),
    ("maps[0].state", '{"a": 1}'),
    ("maps[0].lanes[0].kind", "3"),
    ("maps[0].stages[1].width", '"240"'),
    ("maps[0].stages[1].width", "null"),
    ("maps[0].cards[3].channel_id", "7"),
    ("personas[0].channel_ids", '"x"'),
    ("personas[0].photo", "12"),
    ("maps[0].cards", "{}"),
    ("maps[0]", "[]"),
    ("project", '"x"'),
    ("channels", "5"),
    ("snapshots[0].taken_at", "5"),
    # Documented rules, enforced on import as on open.
    ("project.title", '""'),
    ("project.title", '"   "'),
    ("project.language", '"fr"'),
    ("project.created", '"yesterday"'),
    ("snapshots[0].taken_at", '"not a date"'),
    ("maps[0].cards[3].id", '""'),
    ("personas[0].photo", _b64(b"hello, this is not a picture")),
    ("personas[0].photo", _b64(b"\x89PNG\r\n\x1a\n")),
    ("personas[0].photo", _b64(GIF)),
    ("personas[0].photo", _b64(WEBP)),
    ("personas[0].photo", _b64(tiny_jpeg_header())),  # JPEG bytes, photo_mime image/png
    ("personas[0].photo_mime", '"image/gif"'),
    ("personas[0].age", "200"),
    ("maps[0].stages[1].width", "0"),
    ("maps[0].stages[1].width", "1e308"),
    ("maps[0].lanes[1].height", "1e12"),
    ("maps[0].stages[1].color", '"red"'),
    ("maps[0].markers[0].position", "1.5"),
    ("maps[0].cards[3].stage_id", '"nowhere"'),
    ("snapshots[0].content.cards[0].lane_id", '"nowhere"'),
    ("maps[0].emotion_min", "3"),
    ("channels[0].name", '""'),
]


def _run(*args: object, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main([str(a) for a in args])
    return code, capsys.readouterr().err


def test_there_are_many_cases():
    assert len(CASES) >= 40
    assert len({(path, raw) for path, raw in CASES}) == len(CASES)


@pytest.mark.parametrize(("path", "raw"), CASES, ids=[f"{p}={r[:16]}" for p, r in CASES])
def test_import_refuses_hostile_json_with_one_line_naming_the_field(tmp_path, capsys,
                                                                    path, raw):
    bad = tmp_path / "bad.json"
    bad.write_text(hostile(path, raw), encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    code, err = _run("import", bad, "-o", tmp_path / "x.cjm", capsys=capsys)
    assert code == 2, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: bad.json: "), lines[0]
    assert "unexpected" not in lines[0] and "Traceback" not in err
    # The path of the field (or the entity, for rules spanning several fields).
    named = path if not path.startswith("version") else "version"
    assert f" {named}" in lines[0] or f" {named.rsplit('.', 1)[0]}" in lines[0], lines[0]
    assert len(lines[0]) < 400
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no x.cjm, no temp


@pytest.mark.parametrize(("path", "raw", "fragment"), [
    ("maps[0].stages[1].width", "1e400", "maps[0].stages[1].width: the number 1e400 is too"),
    ("maps[0].cards[3].order", DIGITS_5000, "(5000 characters) is out of range"),
    ("maps[0].cards[3].order", "9223372036854775808", "9223372036854775808 is out of range"),
    ("maps[0].lanes[0].height", "NaN", "maps[0].lanes[0].height: NaN is not allowed"),
    ("maps[0].cards[3].title", '"abc\\udc00def"',
     "maps[0].cards[3].title: holds an unpaired surrogate ('\\udc00')"),
    ("project.title", '"  "', "project.title: a project needs a title"),
    ("project.language", '"fr"', "project.language: 'fr' is not a language"),
    ("personas[0].photo", _b64(b"hello"), "personas[0].photo: the photo is not a PNG or JPEG"),
    ("personas[0].photo", _b64(GIF), "personas[0].photo: the photo is a GIF image"),
    ("personas[0].photo", _b64(tiny_jpeg_header()),
     "the photo is a JPEG image but photo_mime says 'image/png'"),
    ("personas[0].photo_mime", '"image/gif"', "personas[0].photo_mime: 'image/gif' is not"),
    ("maps[0].stages[1].width", "1e308", "maps[0].stages[1].width: at most 20000"),
    ("maps[0].cards[3].id", '""', "maps[0].cards[3].id: an id must not be empty"),
])
def test_the_reason_is_said_in_words(path, raw, fragment):
    with pytest.raises(FormatError) as caught:
        loads(hostile(path, raw))
    assert fragment in str(caught.value)


def test_a_real_png_or_jpeg_photo_is_accepted():
    text = hostile("personas[0].photo", _b64(tiny_png(3, 4)))
    assert loads(text).personas[0].photo == tiny_png(3, 4)
    text = hostile("personas[0].photo", _b64(tiny_jpeg_header())).replace(
        '"photo_mime": "image/png"', '"photo_mime": "image/jpeg"')
    assert loads(text).personas[0].photo_mime == "image/jpeg"


def test_big_numbers_that_fit_are_kept():
    text = hostile("maps[0].cards[3].value", "1.5e300")
    text = text.replace('"order": 0', '"order": 9223372036854775807', 1)
    project = loads(text)
    assert any(c.value == 1.5e300 for c in project.maps[0].cards)
    assert any(c.order == 2**63 - 1 for c in project.maps[0].cards)


def test_a_refused_import_leaves_an_existing_output_untouched(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(hostile("maps[0].stages[1].width", "1e400"), encoding="utf-8")
    out = tmp_path / "x.cjm"
    out.write_bytes(b"keep me")
    code, err = _run("import", bad, "-o", out, "--force", capsys=capsys)
    assert code == 2 and "maps[0].stages[1].width" in err
    assert out.read_bytes() == b"keep me"
    assert sorted(p.name for p in Path(tmp_path).iterdir()) == ["bad.json", "x.cjm"]


def _wrong_value_for(annotation: object) -> str:
    """Raw JSON of the wrong type for a field: a number where text goes, text elsewhere."""
    text_like = annotation in (str, "str") or str(annotation) in ("str", "str | None")
    return "12345" if text_like else '"wrong"'


def _every_field() -> list[tuple[str, str]]:
    import dataclasses
    import typing

    from app.domain.model import (
        Card,
        Channel,
        EmotionMarker,
        JourneyMap,
        Lane,
        Persona,
        Project,
        Snapshot,
        Stage,
    )
    from app.domain.serialize import _CHILD_FIELDS

    places = [("project", Project), ("channels[0]", Channel), ("personas[0]", Persona),
              ("maps[0]", JourneyMap), ("maps[0].stages[0]", Stage),
              ("maps[0].lanes[0]", Lane), ("maps[0].cards[0]", Card),
              ("maps[0].markers[0]", EmotionMarker), ("snapshots[0]", Snapshot),
              ("snapshots[0].content.cards[1]", Card)]
    cases = []
    for where, cls in places:
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            if f.name not in _CHILD_FIELDS:
                cases.append((f"{where}.{f.name}", _wrong_value_for(hints[f.name])))
    return cases


EVERY_FIELD = _every_field()


def test_every_field_of_every_entity_is_covered():
    assert len(EVERY_FIELD) > 90


@pytest.mark.parametrize(("path", "raw"), EVERY_FIELD, ids=[p for p, _ in EVERY_FIELD])
def test_a_wrong_type_in_any_field_is_refused_naming_it(path, raw):
    with pytest.raises(FormatError) as caught:
        loads(hostile(path, raw))
    assert str(caught.value).startswith(f"{path}: "), str(caught.value)
