"""Stand-in for `python -m app export FILE -o OUT.pdf` until the CLI has it: same work.

Opens the project read-only (.cjm through app.storage, .json through the interchange
format) and exports it with the default PDF options. No Qt is imported.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    """Load argv[1], write argv[2]."""
    src, out = sys.argv[1], sys.argv[2]
    if src.endswith(".cjm"):
        from app.storage.store import ProjectStore

        store, project = ProjectStore.open(src, read_only=True)
        store.close()
    else:
        import json

        from app.domain.serialize import project_from_dict

        project = project_from_dict(json.loads(Path(src).read_text(encoding="utf-8")))
    from app.export.pdf import PdfOptions, export_pdf

    for warning in export_pdf(project, out, PdfOptions()):
        print("warning:", warning, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
