"""Characters XML forbids, typed or pasted into the model, never make the SVG unreadable."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytest.importorskip("PySide6", reason="SVG is drawn by the canvas renderer (Qt)")

from app.canvas.image_export import render_map_svg, xml_safe  # noqa: E402
from app.cli import main  # noqa: E402
from app.domain.model import Card, LaneKind, Persona  # noqa: E402
from app.domain.templates import new_project  # noqa: E402
from app.storage import ProjectStore  # noqa: E402

SVG_NS = "{http://www.w3.org/2000/svg}"
# Every character XML 1.0 forbids that text can hold, spread over the drawn texts.
FORBIDDEN = [chr(c) for c in range(32) if c not in (9, 10, 13)] + ["\ufffe", "\uffff"]


def _hostile_project(surrogate: bool = True):
    project = new_project("awareness-5", "en")
    journey = project.maps[0]
    persona = Persona(name="Lan\x00 Nguyễn\x1b")
    project.personas.append(persona)
    journey.persona_id = persona.id
    journey.name = "Map\x07 name\ufffe"
    journey.stages[0].title = "Aware\x02ness\x1f"
    lane = next(lane for lane in journey.lanes if lane.kind != LaneKind.EMOTIONS)
    noise = "".join(FORBIDDEN)
    journey.cards.append(Card(map_id=journey.id, stage_id=journey.stages[0].id, lane_id=lane.id,
                              title="Pay\x00now\x01", body=f"Body{noise}text"))
    journey.cards.append(Card(map_id=journey.id, stage_id=journey.stages[1].id, lane_id=lane.id,
                              title=f"Đặt{noise[:8]}hàng" + ("\ud800" if surrogate else ""),
                              body="\uffff"))
    return project


def _texts(svg: Path) -> str:
    root = ET.parse(svg).getroot()  # raises on invalid XML
    parts = [el.text or "" for el in root.iter() if el.tag in (f"{SVG_NS}text",
                                                               f"{SVG_NS}title")]
    return re.sub(r"\s+", "", "".join(parts))


def test_an_svg_of_titles_with_control_characters_parses_and_shows_the_text(qapp, tmp_path):
    project = _hostile_project()
    svg = render_map_svg(project, project.maps[0].id, tmp_path / "map.svg")
    shown = _texts(svg)
    for visible in ("Paynow", "Awareness", "Mapname", "Body", "Đặthàng"):
        assert visible in shown, visible
    raw = svg.read_bytes()
    assert not any(ch.encode("utf-8") in raw for ch in FORBIDDEN if ch not in "\x0b\x0c")
    assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", raw)


def test_the_cli_writes_a_valid_svg_from_such_a_project(tmp_path, capsys):
    source = tmp_path / "hostile.cjm"
    # A file cannot hold a lone surrogate; every other forbidden character it can.
    ProjectStore.create(source, _hostile_project(surrogate=False)).close()
    target = tmp_path / "out.svg"
    assert main(["export", str(source), "-o", str(target)]) == 0, capsys.readouterr().err
    assert "Paynow" in _texts(target)


@pytest.mark.parametrize(("dirty", "clean"), [
    (b"<t>a\x00b\x1fc\x0bd</t>", b"<t>abcd</t>"),
    ("<t>x\ufffey\uffffz</t>".encode(), b"<t>xyz</t>"),
    (b"<t>tab\there\nline\r</t>", b"<t>tab\there\nline\r</t>"),
    (b"<t>\xed\xa0\x80</t>", "<t>\ufffd\ufffd\ufffd</t>".encode()),
    ("<t>Đặt ✓ 😀</t>".encode(), "<t>Đặt ✓ 😀</t>".encode()),
])
def test_xml_safe_removes_only_what_xml_forbids(dirty, clean):
    assert xml_safe(dirty) == clean
    ET.fromstring(xml_safe(dirty))
