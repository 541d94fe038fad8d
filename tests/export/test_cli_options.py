"""The PDF flags of `journey-studio export` and their conversion to PdfOptions."""

from __future__ import annotations

import argparse

import pytest

from app.export.pdf import PdfExportError, PdfOptions
from app.export.pdf.cli_options import add_pdf_arguments, options_from_args


def parse(*argv: str) -> PdfOptions:
    parser = argparse.ArgumentParser()
    add_pdf_arguments(parser)
    return options_from_args(parser.parse_args(list(argv)))


def test_defaults_match_pdf_options():
    assert parse() == PdfOptions()


def test_every_flag():
    options = parse("--map", "Hiện tại", "--map", "Future", "--page", "a2", "--orientation",
                    "Portrait", "--fit", "width:3", "--no-cover", "--no-persona",
                    "--no-legend", "--no-insights", "--reproducible")
    assert options == PdfOptions(page="A2", orientation="portrait", fit="width:3",
                                 map_names=["Hiện tại", "Future"], cover=False, persona=False,
                                 legend=False, insights=False, reproducible=True)
    assert parse("--all-maps", "--page", "FIT-CONTENT", "--fit", "actual") == PdfOptions(
        page="fit-content", fit="actual", all_maps=True)


@pytest.mark.parametrize(("argv", "message"), [
    (("--page", "B5"), "unknown page size 'B5'; choose one of: A4, A3, A2, A1, A0, Letter"),
    (("--orientation", "diagonal"), "landscape or portrait"),
    (("--fit", "width:x"), "use auto, page, width:N"),
    (("--fit", "width:99"), "out of range"),
    (("--map", "A", "--all-maps"), "either --map NAME or --all-maps"),
])
def test_bad_values_raise_one_line_errors(argv, message):
    with pytest.raises(PdfExportError, match=message) as info:
        parse(*argv)
    assert "\n" not in str(info.value)


def test_compare_takes_two_references():
    assert parse("--compare", "map:Hiện tại", "snapshot:Q3").compare == ("map:Hiện tại",
                                                                         "snapshot:Q3")
    with pytest.raises(SystemExit):
        parse("--compare", "only-one")
