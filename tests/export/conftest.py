"""Helpers for reading exported PDFs back with poppler-utils and pypdf."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from app.domain.model import Card, Project
from app.export.pdf import PdfOptions, export_pdf

if not shutil.which("pdftotext"):
    pytest.skip("poppler-utils (pdftotext, pdffonts) is not installed", allow_module_level=True)


def run(*args: str) -> str:
    """Run a poppler tool and return its stdout."""
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    """The text of the PDF in content order, whitespace collapsed to single spaces."""
    args = ["pdftotext", "-raw", "-enc", "UTF-8"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    return re.sub(r"\s+", " ", run(*args, str(path), "-"))


def export(project: Project, tmp_path: Path, name: str = "out.pdf", **options) -> tuple[Path,
                                                                                     list[str]]:
    """Export with these options; return the path and the warnings."""
    out = tmp_path / name
    warnings = export_pdf(project, out, PdfOptions(**options))
    return out, warnings


def add_card(project: Project, title: str, body: str = "", stage: int = 0, lane: int = 0
             ) -> Card:
    """Append a card to the first map's cell (stage, lane)."""
    journey = project.maps[0]
    s, lane_ = journey.stages[stage], journey.lanes[lane]
    order = len(journey.cell_cards(s.id, lane_.id))
    card = Card(map_id=journey.id, stage_id=s.id, lane_id=lane_.id, title=title, body=body,
                order=order)
    journey.cards.append(card)
    return card
