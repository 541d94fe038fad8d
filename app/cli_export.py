"""`journey-studio export`: its options, and the exporter each output format runs.

Kept beside app/cli.py, which loads it for the export command only. Each exporter checks
its options before the project is read, so a typo in an option fails at once.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli import (
    EXPORT_FORMATS,
    PROG,
    CliError,
    cmd_export,
    input_file,
    load_project,
    needs_gui,
    one_line,
    output_file,
    pick_maps,
)


def export_parser(parser_class: type[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """The parser of the export command."""
    from app.export.image_options import add_image_arguments
    from app.export.pdf.cli_options import add_pdf_arguments
    from app.export.sheets.cli_options import add_sheet_arguments

    export = parser_class(prog=f"{PROG} export",
                     description="Export a project; the format follows OUT's extension: "
                                 ".cjm (a copy of the project), .json (interchange), .pdf, "
                                 ".png, .svg, .xlsx (every map as a grid, and the tables), "
                                 ".csv (one table).")
    export.add_argument("file", metavar="FILE",
                        help="a project (.cjm), an interchange file, or a server project "
                             "(postgresql://…?project=NAME)")
    export.add_argument("-o", "--output", required=True, metavar="OUT", help="the file to write")
    export.add_argument("--force", action="store_true", help="replace an existing OUT")
    export.add_argument("--lang", metavar="en|vi",
                        help="language of the words the export adds: page labels, headings, sheet "
                             "names, numbers and dates (default: the project's)")
    export.add_argument("--view", metavar="NAME",
                        help="PDF, PNG, SVG: export the map as its saved view NAME shows it "
                             "(its filter, dimmed or hidden, and its hidden lanes)")
    add_pdf_arguments(export)
    add_image_arguments(export)
    add_sheet_arguments(export)
    export.set_defaults(func=cmd_export)
    return export


def run_export(args: argparse.Namespace) -> int:
    """Export a project to the format named by the output's extension."""
    suffix = Path(args.output).suffix.lower()
    if suffix not in EXPORT_FORMATS:
        shown = suffix or "a file name without an extension"
        raise CliError(f"cannot tell the export format from {shown}; "
                       f"use one of: {', '.join(EXPORT_FORMATS)}")
    check_view_args(args, suffix)
    source = input_file(args.file)
    target = output_file(args.output, force=args.force, inputs=[source])
    # Each exporter checks its options first and returns the step that writes, so a typo
    # in an option fails before the project is read.
    exporter = {".cjm": _export_cjm, ".json": _export_json, ".pdf": _export_pdf,
                ".png": _export_image, ".svg": _export_image, ".xlsx": _export_sheet,
                ".csv": _export_sheet}[suffix]
    prepared = exporter(args, source, target, suffix)
    project, _ = load_project(source)
    prepared(project)
    print(f"Exported {source.name} to {target.name}")
    return 0


def _export_cjm(args: argparse.Namespace, source: Any, target: Path,
                _suffix: str) -> Callable[[Any], None]:
    if getattr(args, "map_names", None):
        raise CliError("a .cjm copy holds the whole project; leave out --map")

    def run(project: Any) -> None:
        from app.storage import ProjectStore

        # Written beside the target and renamed into place (ProjectStore.create).
        ProjectStore.create(target, project, overwrite=True).close()

    return run


def _export_json(args: argparse.Namespace, source: Path, target: Path,
                 _suffix: str) -> Callable[[Any], None]:
    from app.export.json_io import subset, write_json

    def run(project: Any) -> None:
        names = getattr(args, "map_names", None)
        if names:
            project = subset(project, pick_maps(project, names, source))
        write_json(project, target)

    return run


def _export_pdf(args: argparse.Namespace, _source: Path, target: Path,
                _suffix: str) -> Callable[[Any], None]:
    from app.export.pdf import export_pdf
    from app.export.pdf.cli_options import options_from_args

    options = options_from_args(args)

    def run(project: Any) -> None:
        shown = viewed(args, project, _source)
        if shown is not None:
            project = shown.project  # that one map, as the view shows it
            options.map_names, options.dimmed = None, shown.dimmed
        # The exporters write atomically themselves (app.export.atomic).
        warnings = export_pdf(project, target, options)
        for warning in warnings or ():
            print(f"warning: {one_line(warning)}", file=sys.stderr)

    return run


def _export_sheet(args: argparse.Namespace, source: Path, target: Path,
                  suffix: str) -> Callable[[Any], None]:
    from app.export.sheets.cli_options import prepare_sheet_export

    names = getattr(args, "map_names", None)
    write = prepare_sheet_export(
        args, target, suffix,
        lambda project: pick_maps(project, names, source) if names else None)

    def run(project: Any) -> None:
        for warning in write(project):
            print(f"warning: {one_line(warning)}", file=sys.stderr)

    return run


def _export_image(args: argparse.Namespace, source: Path, target: Path,
                  suffix: str) -> Callable[[Any], None]:
    kind = suffix[1:].upper()
    try:
        from app.canvas import image_export
    except ModuleNotFoundError as error:
        raise needs_gui(f"{kind} export", error) from None

    render = getattr(image_export, f"render_map_{suffix[1:]}")
    names = getattr(args, "map_names", None) or []
    if len(names) > 1:
        raise CliError(f"a {kind} shows one map; give --map once")
    language = export_language(args)
    if getattr(args, "wheel", False) or getattr(args, "wheel_only", False):
        return _export_wheel_image(source, target, suffix, names, language)
    from app.export.image_options import image_options_from_args

    try:  # checked before the project is read
        options = image_options_from_args(args, svg=suffix == ".svg")
    except ValueError as error:
        raise CliError(str(error)) from None

    def run(project: Any) -> None:
        shown = viewed(args, project, source)
        if shown is not None:
            render(shown.project, shown.journey.id, target, language=language,
                   options=dataclasses.replace(options, dimmed=shown.dimmed))
            return
        journey = pick_maps(project, names, source)[0] if names else (
            project.maps[0] if project.maps else None)
        if journey is None:
            raise CliError(f"{source.name} has no map to export")
        render(project, journey.id, target, language=language, options=options)

    return run


def _export_wheel_image(source: Path, target: Path, suffix: str, names: list[str],
                        language: str | None) -> Callable[[Any], None]:
    """--wheel with a .png or .svg: the map's experience wheel instead of the map."""
    from app.canvas import image_export, wheel

    render = getattr(wheel, f"render_wheel_{suffix[1:]}")

    def run(project: Any) -> None:
        journey = pick_maps(project, names, source)[0] if names else (
            project.maps[0] if project.maps else None)
        if journey is None:
            raise CliError(f"{source.name} has no map to export")
        image_export.ensure_app()
        render(project, journey, target, language=language)

    return run


def export_language(args: argparse.Namespace) -> str | None:
    """--lang checked before the project is read; None means the project's language."""
    from app.export.i18n import LANGUAGES

    value = getattr(args, "lang", None)
    if value is None:
        return None
    language = value.strip().casefold()
    if language not in LANGUAGES:
        raise CliError(f"--lang {value}: unknown language; choose one of: "
                       f"{', '.join(LANGUAGES)}")
    return language


def check_view_args(args: argparse.Namespace, suffix: str) -> None:
    """--view fits a PDF, PNG or SVG of one map (checked before the project is read)."""
    if getattr(args, "view", None) is None:
        return
    if suffix not in (".pdf", ".png", ".svg"):
        raise CliError(f"--view applies to .pdf, .png and .svg exports, not {suffix}")
    if getattr(args, "all_maps", False):
        raise CliError("--view shows one map; leave out --all-maps")
    if getattr(args, "compare", None):
        raise CliError("--view shows one map; leave out --compare")
    if len(getattr(args, "map_names", None) or []) > 1:
        raise CliError("--view shows one map; give --map once")


def viewed(args: argparse.Namespace, project: Any, source: Path) -> Any:
    """The project as `--view NAME` shows it (a ViewedMap), or None without --view.

    The view is looked up on the --map given, else on every map in order; an unknown
    name is an error that lists the names there are.
    """
    name = getattr(args, "view", None)
    if name is None:
        return None
    from app.export.view_apply import apply_view, find_view, view_names

    names = getattr(args, "map_names", None)
    journeys = pick_maps(project, names, source) if names else list(project.maps)
    found = find_view(journeys, name)
    if found is None:
        known = ", ".join(repr(n) for n in view_names(journeys)) or "none"
        where = f"map {journeys[0].name!r}" if names else source.name
        raise CliError(f"no saved view named {name!r} in {where} (views: {known})")
    return apply_view(project, *found)
