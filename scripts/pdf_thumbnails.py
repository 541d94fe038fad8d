"""Render thumbnails of the bundled (Vietnamese) sample's default PDF for docs/pdf-export.md.

    python scripts/pdf_thumbnails.py [--out docs/images] [--dpi 28]

Exports the sample on A3 landscape and A4 portrait with the default options (legible:
as few tiles as keep the text at 7 pt or more) and renders chosen pages with poppler's
`pdftoppm`: the cover, the overview of the tiles, the first tile and the insights.
Needs poppler-utils (pdftoppm) on the PATH.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.export.pdf import PdfOptions, export_pdf  # noqa: E402
from app.samples import build_sample  # noqa: E402

# (page size, orientation) → the pages to render, by what they show.
SHEETS = {("A3", "landscape"): ("cover", "overview", "tile", "insights"),
          ("A4", "portrait"): ("overview", "tile")}


def _pages(path: Path) -> dict[str, int]:
    """Page numbers of the cover, the overview, the first tile and the insights, read
    from the bookmarks (the page order depends on the plan)."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    found: dict[str, int] = {"cover": 1}

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
                continue
            title, number = item.title, reader.get_destination_page_number(item) + 1
            for key, words in (("overview", ("Tổng quan",)), ("tile", ("Mảnh A1",)),
                               ("insights", ("Phân tích",))):
                if title in words and key not in found:
                    found[key] = number

    walk(reader.outline)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--dpi", type=int, default=28)
    args = parser.parse_args(argv)
    if not shutil.which("pdftoppm"):
        print("error: pdftoppm (poppler-utils) is not installed", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for (page, orientation), wanted in SHEETS.items():
            pdf = Path(work) / f"sample-{page}.pdf"
            export_pdf(build_sample(), pdf, PdfOptions(page=page, orientation=orientation,
                                                       reproducible=True))
            numbers = _pages(pdf)
            for key in wanted:
                if key not in numbers:
                    continue
                stem = args.out / f"sample-{page.lower()}-{orientation}-{key}"
                subprocess.run(["pdftoppm", "-png", "-r", str(args.dpi), "-singlefile",
                                "-f", str(numbers[key]), "-l", str(numbers[key]), str(pdf),
                                str(stem)], check=True)
                print(f"{stem}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
