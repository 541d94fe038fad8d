"""`export --view NAME` exports what a saved view shows; `info` lists views and rounds.

The files are interchange JSON (which carries views, rounds and votes), read back as a
reader would: the PDF's text, the PNG's size, the SVG's text.
"""

from __future__ import annotations

import json
import re

import pdfplumber
import pytest

from app.domain.model import Filter, LaneKind, SavedView, Vote, VotingRound
from app.export.json_io import write_json
from app.samples import build_sample
from tests.cli.helpers import assert_one_error_line

WEB_CARD = "Trang sản phẩm trên website"
PAIN_CARD = "Quảng cáo không ghi giá"
THOUGHT_CARD = "Bộ này đẹp quá"
# What the PDF prints on one line of each (titles wrap; the full export shows each).
WEB_LINE, PAIN_LINE, THOUGHT_LINE = "Trang sản phẩm trên", "Quảng cáo không", "Bộ này đẹp"


def with_views_and_votes():
    """The sample with two views on its first map (one hiding, one dimming) and a round."""
    project = build_sample()
    journey = project.maps[0]
    web = next(ch for ch in project.channels if ch.name == "Trang web")
    thoughts = next(ln for ln in journey.lanes if ln.kind == LaneKind.THOUGHTS)
    journey.views += [
        SavedView(map_id=journey.id, name="Chỉ trang web",
                  filter=Filter(channels=frozenset({web.id})), hide=True,
                  hidden_lane_ids=[thoughts.id], zoom=0.8),
        SavedView(map_id=journey.id, name="Mờ", filter=Filter(channels=frozenset({web.id}))),
    ]
    round_ = VotingRound(map_id=journey.id, title="Ưu tiên", dots_per_participant=2,
                         participants=["Lan", "Minh"])
    journey.rounds.append(round_)
    pain = next(c for c in journey.cards if c.title.startswith(PAIN_CARD))
    other = next(c for c in journey.cards if c.title == WEB_CARD)
    journey.votes += [Vote(round_.id, pain.id, "Lan"), Vote(round_.id, pain.id, "Minh"),
                      Vote(round_.id, other.id, "Lan")]
    return project


@pytest.fixture
def viewed(tmp_path):
    """That project as an interchange file."""
    path = tmp_path / "mau.json"
    write_json(with_views_and_votes(), path)
    return path


def pdf_text(path) -> str:
    with pdfplumber.open(path) as pdf:
        return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in pdf.pages))


def test_pdf_with_a_hiding_view_leaves_out_filtered_cards_and_hidden_lanes(cli, viewed,
                                                                          tmp_path):
    full = tmp_path / "full.pdf"
    assert cli("export", viewed, "-o", full, "--reproducible")[0] == 0
    everything = pdf_text(full)
    assert WEB_LINE in everything and PAIN_LINE in everything and THOUGHT_LINE in everything
    out = tmp_path / "web.pdf"
    code, stdout, err = cli("export", viewed, "-o", out, "--view", "chỉ trang WEB",
                            "--reproducible")
    assert code == 0, err
    assert "Exported" in stdout
    text = pdf_text(out)
    assert WEB_LINE in text
    assert PAIN_LINE not in text  # left out by the channel filter, hidden
    assert THOUGHT_LINE not in text  # its lane is hidden


def test_pdf_with_a_dimming_view_keeps_every_card_under_a_veil(cli, viewed, tmp_path):
    dim, plain = tmp_path / "dim.pdf", tmp_path / "plain.pdf"
    assert cli("export", viewed, "-o", dim, "--view", "Mờ", "--fit", "page",
               "--reproducible")[0] == 0
    assert cli("export", viewed, "-o", plain, "--fit", "page", "--reproducible")[0] == 0
    assert PAIN_LINE in pdf_text(dim) and THOUGHT_LINE in pdf_text(dim)

    def veils(path) -> int:  # white, half-transparent card shapes over the map page
        with pdfplumber.open(path) as pdf:
            return sum(1 for page in pdf.pages for shape in page.curves
                       if shape.get("fill") and shape.get("non_stroking_color") in
                       ((1, 1, 1), [1, 1, 1], (1.0, 1.0, 1.0)))

    journey = build_sample().maps[0]
    not_web = sum(1 for c in journey.cards if c.title != WEB_CARD
                  and not c.title.startswith("Giỏ hàng và thanh toán trên website"))
    assert veils(dim) - veils(plain) == not_web


def test_png_and_svg_with_a_view(cli, viewed, tmp_path):
    pytest.importorskip("PySide6")  # the headless run has no PNG or SVG export
    from PySide6.QtGui import QImage

    full, web = tmp_path / "full.png", tmp_path / "web.png"
    assert cli("export", viewed, "-o", full)[0] == 0
    assert cli("export", viewed, "-o", web, "--view", "Chỉ trang web")[0] == 0
    assert QImage(str(web)).height() < QImage(str(full)).height()  # a lane fewer
    svg = tmp_path / "web.svg"
    assert cli("export", viewed, "-o", svg, "--view", "Chỉ trang web")[0] == 0
    drawn = svg.read_text(encoding="utf-8")
    assert "Trang sản phẩm" in drawn and "Bộ này" not in drawn


def test_an_unknown_view_is_one_error_line_naming_the_views(cli, viewed, tmp_path):
    out = tmp_path / "x.pdf"
    code, _out, err = cli("export", viewed, "-o", out, "--view", "Không có")
    assert_one_error_line(code, err, "no saved view named 'Không có'",
                          "'Chỉ trang web', 'Mờ'")
    assert not out.exists()
    code, _out, err = cli("export", viewed, "-o", tmp_path / "x.xlsx", "--view", "Mờ")
    assert_one_error_line(code, err, "--view applies to .pdf, .png and .svg")
    code, _out, err = cli("export", viewed, "-o", out, "--view", "Mờ", "--all-maps")
    assert_one_error_line(code, err, "leave out --all-maps")
    other = build_sample().maps[1].name
    code, _out, err = cli("export", viewed, "-o", out, "--view", "Mờ", "--map", other)
    assert_one_error_line(code, err, f"in map {other!r} (views: none)")


def test_info_lists_views_and_rounds_with_their_tally(cli, viewed):
    code, out, err = cli("info", viewed)
    assert code == 0, err
    assert "saved views (2): Chỉ trang web, Mờ" in out
    assert "voting round: Ưu tiên [open], 3 dots; top: Quảng cáo không ghi giá" in out
    code, out, err = cli("info", viewed, "--json")
    assert code == 0, err
    first = json.loads(out)["maps"][0]
    web_view = first["views"][0]
    assert web_view["name"] == "Chỉ trang web" and web_view["hide"] is True
    assert web_view["hidden_lanes"] == ["Suy nghĩ"] and web_view["zoom"] == 0.8
    assert list(web_view["filter"]) == ["channels"]
    (round_,) = first["rounds"]
    assert round_["title"] == "Ưu tiên" and round_["closed"] is False
    assert round_["dots"] == 3 and round_["dots_by_participant"] == {"Lan": 2, "Minh": 1}
    assert [(t["card"], t["dots"]) for t in round_["tally"]] == \
        [("Quảng cáo không ghi giá, phải nhắn tin hỏi", 2), (WEB_CARD, 1)]


def test_a_project_file_keeps_views_and_rounds_for_export_and_info(cli, tmp_path):
    from app.storage import ProjectStore

    path = tmp_path / "mau.cjm"
    ProjectStore.create(path, with_views_and_votes()).close()
    out = tmp_path / "web.pdf"
    assert cli("export", path, "-o", out, "--view", "Chỉ trang web")[0] == 0
    text = pdf_text(out)
    assert WEB_LINE in text and PAIN_LINE not in text and THOUGHT_LINE not in text
    code, stdout, err = cli("info", path, "--json")
    assert code == 0, err
    first = json.loads(stdout)["maps"][0]
    assert [v["name"] for v in first["views"]] == ["Chỉ trang web", "Mờ"]
    assert first["rounds"][0]["dots_by_participant"] == {"Lan": 2, "Minh": 1}
