"""PDF export of a project: cover, persona, map pages, legend and insights.

Importing this package is cheap: ReportLab is imported only when `export_pdf` runs, so the
command-line export starts fast and never touches Qt.
"""

from __future__ import annotations

import os

from app.domain.model import Project
from app.export.pdf.options import ExportCancelled, PdfExportError, PdfOptions, PlanSummary

__all__ = ["ExportCancelled", "PdfExportError", "PdfOptions", "PlanSummary", "export_pdf",
           "plan_summary"]


def export_pdf(project: Project, out_path: str | os.PathLike[str], options: PdfOptions | None = None
               ) -> list[str]:
    """Write `project` as a PDF to `out_path`; return warnings (e.g. text too small)."""
    from app.export.pdf.document import export_document

    return export_document(project, os.fspath(out_path), options or PdfOptions())


def plan_summary(project: Project, options: PdfOptions) -> PlanSummary:
    """How many pages and tiles `options` give and the smallest text, without drawing;
    PdfExportError when the options cannot be exported."""
    from app.export.pdf.document import summarize

    return summarize(project, options)
