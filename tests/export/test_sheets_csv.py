"""CSV export read back with the csv module: BOM, RFC 4180, every field, formula-safe."""

from __future__ import annotations

import pytest

from app.domain.model import Card
from app.domain.templates import new_project
from app.export.sheets.columns import CARD_COLUMNS, MARKER_COLUMNS, PERSONA_COLUMNS
from app.export.sheets.csv_io import export_csv
from app.samples import build_sample
from tests.export.sheets_kit import (
    CARD_KEYS,
    HOSTILE_TEXTS,
    TRICKY_TEXTS,
    card_fields,
    card_fields_from_row,
    read_csv,
    template_projects,
)

PROJECTS = [("sample", build_sample()), *template_projects()]


def _number(text: str) -> int | float | None:
    if text == "":
        return None
    return float(text) if any(ch in text for ch in ".eE") else int(text)


@pytest.mark.parametrize(("name", "project"), PROJECTS, ids=[n for n, _ in PROJECTS])
def test_the_cards_csv_holds_every_field_of_every_card(tmp_path, name, project):
    out = tmp_path / "cards.csv"
    export_csv(project, out)
    rows = read_csv(out)
    assert rows[0] == [c.header(project.language) for c in CARD_COLUMNS]
    decoded = []
    for values in rows[1:]:
        row: dict[str, object] = dict(zip(CARD_KEYS, values, strict=True))
        for key in ("order", "severity", "value", "target", "span"):
            row[key] = _number(str(row[key]))
        decoded.append(card_fields_from_row(row))
    expected = [card_fields(project, journey, card)
                for journey in project.maps for card in journey.cards]
    assert len(decoded) == len(expected) > 0
    by_id = {row["id"]: row for row in decoded}
    for fields in expected:
        got = by_id[fields["id"]]
        for key in ("value", "target"):  # CSV writes 12.0 as 12
            if fields[key] is not None:
                got[key] = float(got[key])
        assert got == fields


def test_the_file_is_utf8_with_a_bom_crlf_rows_and_rfc4180_quoting(tmp_path):
    project = new_project("awareness-5", "vi", "Dự án")
    journey = project.maps[0]
    for order, text in enumerate(TRICKY_TEXTS):
        journey.cards.append(Card(map_id=journey.id, stage_id=journey.stages[0].id,
                                  lane_id=journey.lanes[0].id, title=text, order=order))
    out = tmp_path / "text.csv"
    export_csv(project, out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + "Mã,Bản đồ".encode())
    # Every row ends in CRLF; a line break inside a field is quoted, not a row end.
    assert data.endswith(b"\r\n")
    assert b'"two\nlines"' in data
    assert b'"He said ""hi"", then left"' in data
    titles = [row[6] for row in read_csv(out)[1:]]
    assert titles == list(TRICKY_TEXTS)


def test_formula_like_text_is_prefixed_and_numbers_stay_numbers(tmp_path):
    project = new_project("awareness-5", "en")
    journey = project.maps[0]
    journey.name = "@map"
    for order, text in enumerate(HOSTILE_TEXTS):
        journey.cards.append(Card(map_id=journey.id, stage_id=journey.stages[0].id,
                                  lane_id=journey.lanes[0].id, title=text, owner=text,
                                  order=order, value=-2.0, target=-0.5))
    out = tmp_path / "hostile.csv"
    export_csv(project, out)
    rows = read_csv(out)[1:]
    col = {key: CARD_KEYS.index(key) for key in ("map", "title", "owner", "value", "target")}
    assert [row[col["title"]] for row in rows] == ["'" + t for t in HOSTILE_TEXTS]
    assert {row[col["owner"]] for row in rows} == {"'" + t for t in HOSTILE_TEXTS}
    assert {row[col["map"]] for row in rows} == {"'@map"}
    assert {(row[col["value"]], row[col["target"]]) for row in rows} == {("-2", "-0.5")}
    # No field of the file starts a formula.
    for row in read_csv(out):
        assert not [f for f in row if f[:1] in ("=", "+", "@", "\t", "\r")]


@pytest.mark.parametrize(("table", "columns"), [("markers", MARKER_COLUMNS),
                                                ("personas", PERSONA_COLUMNS)])
def test_other_tables(tmp_path, table, columns):
    project = build_sample()
    out = tmp_path / f"{table}.csv"
    export_csv(project, out, table)
    rows = read_csv(out)
    assert rows[0] == [c.vi for c in columns]
    if table == "markers":
        markers = [m for journey in project.maps for m in journey.markers]
        assert {row[0] for row in rows[1:]} == {m.id for m in markers}
        first = next(row for row in rows[1:] if row[0] == markers[0].id)
        assert (int(first[4]), float(first[5]), first[6]) == (
            markers[0].score, markers[0].position, markers[0].label)
    else:
        assert [row[1] for row in rows[1:]] == [p.name for p in project.personas]


def test_an_unknown_table_writes_nothing(tmp_path):
    with pytest.raises(ValueError, match="unknown table 'nope'"):
        export_csv(build_sample(), tmp_path / "x.csv", "nope")
    assert list(tmp_path.iterdir()) == []
