"""The export catalogue: every message the PDF, PNG and SVG draw has a Vietnamese entry.

The messages are found in the code itself (an AST scan of app/export and of the canvas
modules an image export paints with), so a new label written without its translation
fails here, before anyone prints it. Numbers and dates follow the language.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from app.domain.model import LaneKind, MapState
from app.export.i18n import MINUS, Texts, catalogue_path, fields_of, load_catalogue

ROOT = Path(__file__).resolve().parents[2]
# What an export draws with: the PDF package, the catalogue, and the canvas modules that
# paint a map picture (the scene, its items, the image export).
SCANNED = sorted([*ROOT.glob("app/export/**/*.py"), ROOT / "app/canvas/i18n.py",
                  ROOT / "app/canvas/scene.py", ROOT / "app/canvas/image_export.py",
                  *ROOT.glob("app/canvas/items/*.py")])
# Call → the positions of its message arguments: tx("…"), w.tx("…"), msg("…"),
# texts.plural("…", "…", n), drawn(item, "…").
MESSAGE_ARGS = {"tx": (0,), "msg": (0,), "plural": (0, 1), "drawn": (1,)}


def _called(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def scan(paths: list[Path]) -> tuple[dict[str, str], list[str]]:
    """(message → where it is first used, problems): a message given as an f-string or
    a formatted string can never match the catalogue, so it is a problem."""
    found: dict[str, str] = {}
    problems: list[str] = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            positions = MESSAGE_ARGS.get(_called(node) or "")
            if positions is None:
                continue
            shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
            where = f"{shown}:{node.lineno}"
            for i in positions:
                if i >= len(node.args):
                    continue
                arg = node.args[i]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.setdefault(arg.value, where)
                elif isinstance(arg, (ast.JoinedStr, ast.BinOp)) or (
                        isinstance(arg, ast.Call) and _called(arg) == "format"):
                    problems.append(f"{where}: a message built at run time cannot be "
                                    f"translated; pass a template and fields")
    return found, problems


def untranslated(found: dict[str, str], catalogue: dict[str, str]) -> list[str]:
    """The messages used in the code that the catalogue has no translation for."""
    return sorted(f"{where}: {source!r}" for source, where in found.items()
                  if not catalogue.get(source, "").strip())


def test_every_entry_has_a_vietnamese_translation_with_the_same_fields():
    raw = json.loads(catalogue_path("vi").read_text(encoding="utf-8"))
    assert isinstance(raw, dict) and raw
    for source, target in raw.items():
        assert isinstance(target, str) and target.strip(), source
        assert target != source, f"{source!r} is not translated"
        assert fields_of(target) == fields_of(source), source


def test_every_message_the_exports_draw_is_in_the_catalogue():
    found, problems = scan(SCANNED)
    assert len(found) > 100  # the scan sees the PDF's and the canvas' messages
    assert "Page {page} of {total}" in found and "Target {value}" in found
    assert problems == []
    assert untranslated(found, load_catalogue("vi")) == []


def test_the_catalogue_holds_no_message_the_code_no_longer_uses():
    found, _ = scan(SCANNED)
    assert sorted(set(load_catalogue("vi")) - set(found)) == []


def test_a_dropped_translation_fails_the_check():
    found, _ = scan(SCANNED)
    catalogue = dict(load_catalogue("vi"))
    del catalogue["Page {page} of {total}"]
    missing = untranslated(found, catalogue)
    assert len(missing) == 1 and "'Page {page} of {total}'" in missing[0]
    assert "app/export/pdf/page.py" in missing[0]


def test_a_message_built_with_an_f_string_is_reported(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f(tx, n):\n    return tx(f'Page {n}')\n", encoding="utf-8")
    _, problems = scan([bad])
    assert len(problems) == 1 and "built at run time" in problems[0]


def test_a_missing_message_prints_in_english_and_is_recorded():
    texts = Texts("vi", {"Legend": "Chú giải"})
    assert texts("Legend") == "Chú giải"
    assert texts("Brand new label") == "Brand new label"
    assert texts.missing == {"Brand new label"}


@pytest.mark.parametrize(("language", "value", "decimals", "sign", "shown"), [
    ("en", 1234567.5, None, False, "1,234,567.5"),
    ("vi", 1234567.5, None, False, "1.234.567,5"),
    ("en", -0.5, 1, True, f"{MINUS}0.5"),
    ("vi", -0.5, 1, True, f"{MINUS}0,5"),
    ("vi", 1.5, 1, True, "+1,5"),
    ("en", -2, 0, True, f"{MINUS}2"),
    ("vi", 0.0, 1, True, "0,0"),
    ("en", -0.001, 1, True, "0.0"),  # rounds to zero: no sign
    ("vi", 42.0, None, False, "42"),
    ("en", None, None, False, "–"),
])
def test_numbers_follow_the_language_and_use_the_true_minus(language, value, decimals, sign,
                                                             shown):
    assert Texts(language).number(value, decimals, sign=sign) == shown


def test_percentages_dates_and_plurals():
    en, vi = Texts("en"), Texts("vi")
    assert (en.percent(0.125, 1), vi.percent(0.125, 1)) == ("12.5%", "12,5%")
    assert en.date("2026-10-05T08:15:00+00:00") == "5 October 2026"
    assert vi.date("2026-10-05T08:15:00+00:00") == "05/10/2026"
    assert vi.date("not a date") == "not a date"
    assert en.plural("{n} card", "{n} cards", 1) == "1 card"
    assert en.plural("{n} card", "{n} cards", 1200) == "1,200 cards"
    assert vi.plural("{n} card", "{n} cards", 1200) == "1.200 thẻ"


def test_names_the_domain_holds_in_both_languages():
    en, vi = Texts("en"), Texts("vi")
    assert (en.lane_kind(LaneKind.TOUCHPOINTS), vi.lane_kind(LaneKind.TOUCHPOINTS)) == (
        "Touchpoints", "Điểm chạm")
    assert (en.emotion(-2), vi.emotion(-2)) == ("Very negative", "Rất tiêu cực")
    assert (en.state(MapState.FUTURE), vi.state(MapState.FUTURE)) == (
        "Future state", "Trạng thái tương lai")
    assert vi.evidence("observed") == "Đã quan sát"


def test_an_unknown_language_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="choose one of: en, vi"):
        Texts("fr")


def test_a_translation_naming_other_fields_falls_back_to_english():
    texts = Texts("vi", {"Page {page} of {total}": "Trang {trang}/{tong}"})
    assert texts("Page {page} of {total}", page=1, total=2) == "Page 1 of 2"
    assert texts.missing == {"Page {page} of {total}"}


@pytest.fixture
def broken_catalogue(tmp_path, monkeypatch):
    """The Vietnamese catalogue missing (then unreadable) for one test."""
    import app.export.i18n as i18n

    monkeypatch.setattr(i18n, "CATALOGUE_DIR", tmp_path)
    i18n.load_catalogue.cache_clear()
    i18n.texts_for.cache_clear()
    yield tmp_path
    monkeypatch.undo()
    i18n.load_catalogue.cache_clear()
    i18n.texts_for.cache_clear()


def test_a_missing_or_corrupt_catalogue_fails_in_one_line_and_writes_nothing(
        broken_catalogue, tmp_path, capsys):
    from app.cli import main
    from app.export.pdf import PdfExportError, PdfOptions, export_pdf
    from app.samples import SAMPLE_CJM, build_sample, samples_dir

    out = tmp_path / "out.pdf"
    with pytest.raises(PdfExportError, match="reinstall Journey Studio"):
        export_pdf(build_sample(), out, PdfOptions())
    (broken_catalogue / "export_vi.json").write_bytes(b"\xff not json")
    assert main(["export", str(samples_dir() / SAMPLE_CJM), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "export_vi.json" in err[0] and "reinstall" in err[0], err
    assert not out.exists()
    # English needs no catalogue: it still exports.
    assert export_pdf(build_sample(), out, PdfOptions(language="en")) is not None
    assert out.exists()
