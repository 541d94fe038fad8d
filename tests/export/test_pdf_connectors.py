"""Connectors in the PDF, read back from the PDF: vector paths in their kind's colour
(dashed when assumed) with an arrowhead, labels as text in Vietnamese, a line across a
tile edge on both tiles and clipped to each tile's map, and the legend naming the kinds."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image, ImageChops

from app.domain import style
from app.domain.model import Connector, ConnectorKind
from app.export.pdf.connectors import KIND_COLORS
from app.storage import ProjectStore
from tests.export.conftest import export, pdf_text
from tests.export.pdf_layout import problems, read_pages
from tests.export.sample import sample_project, with_links

LABELS = ("so sánh lại giá", "chuyển hồ sơ", "mua tại cửa hàng")


def _rgb(hex_value: str) -> tuple[float, float, float]:
    return tuple(int(hex_value[i:i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def _same(colour, hex_value: str) -> bool:
    return colour is not None and len(colour) == 3 and all(
        abs(a - b) < 0.01 for a, b in zip(colour, _rgb(hex_value), strict=True))


def _page_with(pdf, text: str):
    return next(p for p in pdf.pages if text in (p.extract_text() or ""))


def _strokes(page, kind: ConnectorKind) -> list[dict]:
    """Open stroked paths in the kind's colour on the map's body: connector lines (a
    card's or a pill's edge is a closed shape, even where it shares the colour, as the
    backstage border does; lane icons stand left of the body)."""
    left, top, right, bottom = _body_box(page)
    return [o for o in page.curves + page.lines
            if o["stroke"] and _same(o.get("stroking_color"), KIND_COLORS[kind])
            and tuple(o["pts"][0]) != tuple(o["pts"][-1])
            and o["x1"] > left and o["x0"] < right and o["bottom"] > top - 1
            and o["top"] < bottom]


def _heads(page, kind: ConnectorKind) -> list[dict]:
    return [o for o in page.curves
            if o["fill"] and not o["stroke"]
            and _same(o.get("non_stroking_color"), KIND_COLORS[kind]) and len(o["pts"]) >= 3]


def test_each_connector_is_a_vector_path_in_its_kind_colour_with_its_label(tmp_path):
    out, _ = export(with_links(sample_project(photo=False)), tmp_path, page="A3",
                    fit="page", legend_strip="off", cover=False, persona=False,
                    insights=False)
    with pdfplumber.open(out) as pdf:
        page = _page_with(pdf, "Bộ phận thẩm định")
        assert not page.images  # drawn, not pasted
        for kind in (ConnectorKind.LOOP_BACK, ConnectorKind.HANDOFF, ConnectorKind.BRANCH,
                     ConnectorKind.FLOW):
            # The line, and a filled arrowhead at the target.
            assert _strokes(page, kind), kind
            assert len(_heads(page, kind)) == 1, kind
        assert not _strokes(page, ConnectorKind.DEPENDENCY)
        # Only the assumed branch is dashed (its pill's edge is not).
        dashed = {kind for kind in ConnectorKind for o in _strokes(page, kind) if o["dash"][0]}
        assert dashed == {ConnectorKind.BRANCH}
        text = " ".join((page.extract_text() or "").split())
    for label in LABELS:
        assert text.count(label) == 1, label


def test_the_loop_arrow_points_at_the_card_it_returns_to(tmp_path):
    project = with_links(sample_project())
    out, _ = export(project, tmp_path, page="A3", fit="page", legend_strip="off")
    with pdfplumber.open(out) as pdf:
        page = _page_with(pdf, "Bộ phận thẩm định")
        (head,) = _heads(page, ConnectorKind.LOOP_BACK)
        card = next(w for w in page.extract_words() if w["text"] == "Trang")
        # The tip touches the top of "Trang web sản phẩm" (the loop enters from above).
        tip_y = max(y for _, y in head["pts"])
        assert head["x0"] < card["x1"] + 150 and head["x1"] > card["x0"] - 20
        assert 0 < card["top"] - tip_y < 20


def _dependency_across_the_map(project):
    journey = project.maps[0]
    by_title = {c.title: c for c in journey.cards}
    journey.connectors.append(Connector(journey.id, by_title["Quảng cáo Facebook"].id,
                                        by_title["Giới thiệu bạn bè"].id,
                                        ConnectorKind.DEPENDENCY, "cần voucher"))
    return project


def _body_box(page) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of the tile's map body: right of the lane headers,
    below the stage headers, inside the map's frame (pdfplumber's top-down points)."""
    frame = max((r for r in page.rects if r["stroke"]
                 and _same(r.get("stroking_color"), style.GRID_LINE)), key=lambda r: r["width"])
    heads = [r for r in page.rects if r["fill"] and r["x0"] <= frame["x0"] + 1
             and _same(r.get("non_stroking_color"), style.HEADER_FILL)]
    left = max(r["x1"] for r in heads)
    top = min(r["top"] for r in heads)
    return left, top, frame["x1"], frame["bottom"]


def _pixels(pdf_path: Path, page_number: int, stem: Path) -> Image.Image:
    """The page rendered at 144 dpi (two pixels a point)."""
    subprocess.run(["pdftoppm", "-png", "-r", "144", "-f", str(page_number), "-l",
                    str(page_number), "-singlefile", str(pdf_path), str(stem)], check=True)
    return Image.open(f"{stem}.png").convert("RGB")


def _drawn_by(with_it: Image.Image, without: Image.Image) -> list[tuple[float, float]]:
    """Where (in points) the two renderings differ: what the one connector drew."""
    diff = ImageChops.difference(with_it, without).convert("L").point(lambda v: v > 40 and 255)
    box = diff.getbbox()
    if box is None:
        return []
    pixels = diff.load()
    return [(x / 2, y / 2) for y in range(box[1], box[3]) for x in range(box[0], box[2])
            if pixels[x, y]]


def test_a_connector_across_a_tile_edge_is_on_both_tiles_and_clipped_to_their_map(tmp_path):
    # A dependency from the first stage to the last: on tile A1 and on tile B1.
    plain, _ = export(with_links(sample_project()), tmp_path, "plain.pdf", page="A4")
    out, _ = export(_dependency_across_the_map(with_links(sample_project())), tmp_path,
                    page="A4")
    with pdfplumber.open(out) as pdf:
        tiles = {label: n for n, p in enumerate(pdf.pages, 1) for label in ("A1", "B1")
                 if f"Mảnh {label} " in (p.extract_text() or "")}
        assert set(tiles) == {"A1", "B1"}
        bodies = {label: _body_box(pdf.pages[n - 1]) for label, n in tiles.items()}
        for label, n in tiles.items():
            assert _strokes(pdf.pages[n - 1], ConnectorKind.DEPENDENCY), label
        # The label is printed once, by one tile.
        assert sum("cần voucher" in (pdf.pages[n - 1].extract_text() or "")
                   for n in tiles.values()) == 1
    for label, n in tiles.items():
        drawn = _drawn_by(_pixels(out, n, tmp_path / f"with{n}"),
                          _pixels(plain, n, tmp_path / f"without{n}"))
        left, top, right, bottom = bodies[label]
        assert len(drawn) > 60, label  # a visible stretch of line on each tile
        # A label may rest on the stage headers' bottom edge (6 model px, < 8 pt).
        outside = [(x, y) for x, y in drawn
                   if not (left - 1 <= x <= right + 1 and top - 8 <= y <= bottom + 1)]
        assert not outside, (label, outside[:5])


def test_the_overview_draws_the_lines_without_their_labels(tmp_path):
    out, _ = export(with_links(sample_project()), tmp_path, page="A4")
    with pdfplumber.open(out) as pdf:
        overview = _page_with(pdf, "Tổng quan")
        assert _strokes(overview, ConnectorKind.LOOP_BACK)
        assert "so sánh lại giá" not in (overview.extract_text() or "")


@pytest.mark.parametrize("language, title, names, absent", [
    ("vi", "Chú giải", ("Liên kết", "Quay lại", "Chuyển giao", "Rẽ nhánh", "Luồng",
                        "Nét đứt"), "Phụ thuộc"),
    ("en", "Legend", ("Connectors", "Loop back", "Handoff", "Branch", "Flow", "Dashed"),
     "Dependency")])
def test_the_legend_names_the_kinds_the_map_uses(tmp_path, language, title, names, absent):
    out, _ = export(with_links(sample_project()), tmp_path, page="A4", language=language,
                    legend_strip="on", cover=False, persona=False, insights=False)
    with pdfplumber.open(out) as pdf:
        legend = _page_with(pdf, "· " + title)
        text = legend.extract_text()
        strip = pdf.pages[0].extract_text()  # the overview, with the strip under it
    for name in names:
        assert name in text, name
    assert absent not in text
    for name in names[1:5]:
        assert name in strip, name


def test_a_map_without_connectors_has_no_connector_legend(tmp_path):
    out, _ = export(sample_project(), tmp_path, page="A4", language="en", legend_strip="on")
    text = pdf_text(out)
    assert "Legend" in text and "Connectors" not in text and "Loop back" not in text


@pytest.mark.parametrize("page", ["A4", "A3"])
@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("fit", ["auto", "page"])
def test_labels_and_legends_overlap_no_text_and_stay_on_the_page(tmp_path, page, orientation,
                                                                 language, fit):
    out, _ = export(with_links(sample_project()), tmp_path, page=page,
                    orientation=orientation, language=language, fit=fit)
    found = problems(read_pages(out))
    assert not found, "\n".join(found[:10])


def test_connectors_stored_in_a_cjm_print_across_tiles_from_the_command_line(tmp_path, cli):
    # The "done when": a loop from Mua hàng back to Cân nhắc and a handoff to a
    # backstage card survive the file and print on the tiles, in Vietnamese.
    source, out = tmp_path / "links.cjm", tmp_path / "links.pdf"
    ProjectStore.create(source, with_links(sample_project())).close()
    code, _out, err = cli("export", source, "-o", out, "--page", "A4")
    assert (code, err) == (0, "")
    with pdfplumber.open(out) as pdf:
        tiles = [p for p in pdf.pages if "Mảnh " in (p.extract_text() or "")]
        assert len(tiles) > 1
        loops = [p.page_number for p in tiles if _strokes(p, ConnectorKind.LOOP_BACK)]
        handoffs = [p.page_number for p in tiles if _strokes(p, ConnectorKind.HANDOFF)]
        text = " ".join(p.extract_text() or "" for p in tiles)
    assert loops and len(handoffs) > 1  # the handoff runs down across a tile edge
    assert text.count("so sánh lại giá") == 1 and text.count("chuyển hồ sơ") == 1


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_a_label_is_printed_whole_by_one_tile_never_halved_by_a_cut(tmp_path, orientation):
    out, _ = export(with_links(sample_project()), tmp_path, page="A4",
                    orientation=orientation)
    seen: dict[str, int] = {}
    with pdfplumber.open(out) as pdf:
        for page in pdf.pages:
            if "Mảnh " not in (page.extract_text() or ""):
                continue
            left, top, right, bottom = _body_box(page)
            words = page.extract_words(keep_blank_chars=True, x_tolerance=1.5)
            for label in LABELS:
                for word in words:
                    if label in " ".join(word["text"].split()):
                        seen[label] = seen.get(label, 0) + 1
                        # Inside the tile's map: the clip hides nothing of it.
                        assert left - 1 <= word["x0"] and word["x1"] <= right + 1, label
                        assert top - 8 <= word["top"] and word["bottom"] <= bottom + 1, label
    assert seen == {label: 1 for label in LABELS}
