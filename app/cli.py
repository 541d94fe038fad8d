"""The `journey-studio` command line: open the editor, create, inspect, export and import.

Every failure is one line on stderr starting with `error:` and exit code 2, never a
traceback. Outputs are written to a temporary file beside the target and renamed into
place; inputs are opened read-only. Heavy modules (Qt, ReportLab, SQLAlchemy) are imported
inside the command that needs them, so `info` never loads Qt and `export x.pdf` never Qt.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

PROG = "journey-studio"
PROJECT_SUFFIX = ".cjm"
COMMANDS = ("new", "info", "export", "import", "templates", "install-desktop", "projects",
            "publish")
EXPORT_FORMATS = (".cjm", ".json", ".pdf", ".png", ".svg", ".xlsx", ".csv")
SHEET_FORMATS = (".xlsx", ".xlsm", ".csv", ".tsv", ".txt")
_SIZE = re.compile(r"^\s*(\d+)\s*[xX×]\s*(\d+)\s*$")


class CliError(Exception):
    """A failure to report as one `error:` line (exit code 2)."""


class _Exit(Exception):
    """argparse asked to stop (after --help, or after printing a usage error)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors become one `error:` line instead of usage + exit."""

    def error(self, message: str) -> NoReturn:
        raise CliError(f"{message} (see '{self.prog} --help')")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise _Exit(status)


# -- helpers ----------------------------------------------------------------------------------

def _utf8_streams() -> None:
    # Vietnamese text must print whatever the locale (a C locale defaults to ASCII). Under
    # such a locale Python decodes file names in argv with surrogate escapes:
    # "surrogateescape" writes those back as the very bytes the user typed.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            reconfigure(encoding="utf-8", errors="surrogateescape")
        except (ValueError, OSError, AttributeError):
            pass


def _recover_text(value: Any) -> Any:
    """Text typed as UTF-8 under a non-UTF-8 locale arrives with surrogate escapes: decode it.

    Only for values that are text (titles, map names), never for file names: the file system
    wants exactly the bytes it was given.
    """
    if isinstance(value, list):
        return [_recover_text(v) for v in value]
    if isinstance(value, str) and any("\udc80" <= ch <= "\udcff" for ch in value):
        try:
            return os.fsencode(value).decode("utf-8")
        except UnicodeError:
            return value
    return value


def _utf8_locale_for_qt() -> None:
    # Qt warns on stderr and switches by itself when the locale is not UTF-8 (LANG=C);
    # choose C.UTF-8 for it up front, so failures stay one clean line.
    # The C library's codeset, not Python's preferred encoding: a PyInstaller bundle runs
    # in Python's UTF-8 mode under LANG=C, which hides the C locale Qt will see.
    import locale

    codeset = (locale.nl_langinfo(locale.CODESET) if hasattr(locale, "nl_langinfo")
               else locale.getpreferredencoding(False))
    if codeset.lower().replace("-", "") != "utf8":
        os.environ["LC_ALL"] = "C.UTF-8"


def one_line(text: str, limit: int = 400) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _describe(error: BaseException) -> str:
    """A one-line message for any failure, naming the file when the error knows it."""
    if isinstance(error, OSError) and error.strerror:
        name = Path(error.filename).name if error.filename else ""
        return one_line(f"{name}: {error.strerror}" if name else error.strerror)
    if isinstance(error, _known_errors()):
        return one_line(str(error)) or type(error).__name__
    return one_line(f"unexpected {type(error).__name__}: {error} (please report this)")


def _known_errors() -> tuple[type[BaseException], ...]:
    """Error classes whose message is meant for the user; only from modules already loaded."""
    from app.domain.serialize import FormatError
    from app.domain.validation import DomainError

    classes: list[type[BaseException]] = [CliError, FormatError, DomainError, OSError]
    for module_name, class_name in (("app.storage.errors", "StorageError"),
                                    ("app.export.pdf.options", "PdfExportError"),
                                    ("app.export.sheets.tables", "SheetsExportError"),
                                    ("app.export.sheets.read_table", "SheetError"),
                                    ("app.canvas.image_export", "ImageExportError")):
        module = sys.modules.get(module_name)
        cls = getattr(module, class_name, None) if module is not None else None
        if isinstance(cls, type):
            classes.append(cls)
    return tuple(classes)


def input_file(name: str) -> Any:
    """The Path of an input file, or a ServerInput for postgresql://…?project=NAME."""
    if name.partition("://")[0].lower() in ("postgresql", "postgres"):
        from app.cli_server import ServerInput

        return ServerInput(name)
    path = Path(name)
    if not path.exists():
        raise CliError(f"{name}: no such file")
    if path.is_dir():
        raise CliError(f"{name}: is a folder, not a project file")
    return path


def output_file(name: str, *, force: bool, inputs: Sequence[Path] = ()) -> Path:
    path = Path(name)
    if path.is_dir():
        raise CliError(f"{name}: is a folder; give a file name")
    if not path.parent.is_dir():
        raise CliError(f"{name}: the folder {str(path.parent)!r} does not exist")
    for source in inputs:
        if isinstance(source, Path) and path.exists() and path.samefile(source):
            raise CliError(f"{name}: is the input file; choose another output")
    if path.exists() and not force:
        raise CliError(f"{name}: already exists (use --force to replace it)")
    return path


def load_project(path: Any) -> tuple[Any, int | None]:
    """Read a project (.cjm, an interchange .json, or a server project) changing nothing."""
    if not isinstance(path, Path):
        from app.cli_server import load_server_project

        return load_server_project(path)
    if path.suffix.lower() == ".json":
        from app.export.json_io import read_json

        return read_json(path), None
    from app.storage import ProjectStore

    store, project = ProjectStore.open(path, read_only=True)
    try:
        return project, store.schema_version
    finally:
        store.close()


def pick_maps(project: Any, names: Sequence[str] | None, source: Path) -> list[Any]:
    if not names:
        return list(project.maps)
    picked = []
    for name in names:
        journey = project.map_named(name)
        if journey is None:
            known = ", ".join(repr(m.name) for m in project.maps) or "none"
            raise CliError(f"no map named {name!r} in {source.name} (maps: {known})")
        picked.append(journey)
    return picked


# -- commands ---------------------------------------------------------------------------------

def cmd_new(args: argparse.Namespace) -> int:
    """Create a project file from a template."""
    from app.domain.templates import TEMPLATES, new_project

    path = Path(args.file)
    if path.suffix.lower() != PROJECT_SUFFIX:
        raise CliError(f"{args.file}: a project file name ends in {PROJECT_SUFFIX}")
    try:
        project = new_project(args.template, args.lang, args.title)
    except ValueError as error:  # unknown template or language, named by the domain
        raise CliError(str(error)) from None
    output_file(args.file, force=args.force)
    _create_project_file(path, project, overwrite=args.force)
    journey = project.maps[0]
    template = TEMPLATES[args.template]
    print(f"Created {path.name}: {project.title!r} with the map {journey.name!r} "
          f"({template.key}, {len(journey.stages)} stages, {len(journey.lanes)} lanes)")
    return 0


def _create_project_file(path: Path, project: Any, *, overwrite: bool) -> None:
    from app.storage import ProjectStore

    # ProjectStore.create writes a temporary file and renames it; it also refuses to
    # replace a project another process has open.
    store = ProjectStore.create(path, project, overwrite=overwrite)
    store.close()


def cmd_info(args: argparse.Namespace) -> int:
    """Print what a project holds."""
    from app.cli_info import format_summary, project_summary

    path = input_file(args.file)
    project, schema_version = load_project(path)
    info = project_summary(project, file=path.name, schema_version=schema_version)
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
    else:
        print(format_summary(info))
    return 0


def cmd_templates(args: argparse.Namespace) -> int:
    """List the map templates."""
    from app.cli_info import format_templates, templates_summary

    rows = templates_summary()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print(format_templates(rows))
    return 0


def cmd_install_desktop(args: argparse.Namespace) -> int:
    """Install the menu entry, the .cjm file type and the icons (Linux desktops)."""
    if not sys.platform.startswith("linux"):
        raise CliError("install-desktop is for Linux desktops; on Windows and macOS the "
                       "installer or the app bundle registers .cjm files")
    from app.desktop import install

    try:
        done = install(user=args.user)
    except PermissionError as error:
        where = Path(error.filename).parent if error.filename else "the system folders"
        raise CliError(f"cannot write to {where}: permission denied (run it as root, or "
                       f"add --user to install for yourself)") from None
    for path in done.files:
        print(f"Installed {path}")
    for tool in done.refreshed:
        print(f"Refreshed with {tool}")
    if done.missing_tools:
        print(f"Not found, skipped: {', '.join(done.missing_tools)} (the desktop may need a "
              f"new login to see .cjm files)")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Export a project to the format named by the output's extension (app.cli_export)."""
    from app.cli_export import run_export

    return run_export(args)


def cmd_import(args: argparse.Namespace) -> int:
    """Make a project file from an interchange file or a spreadsheet, or merge one into it."""
    source = input_file(args.input)
    suffix = source.suffix.lower()
    sheet = suffix in SHEET_FORMATS
    if (args.output is None) == (args.into is None):
        raise CliError("give either -o OUT.cjm (a new project) or --into PROJECT.cjm")
    if not sheet and (args.into or args.map_columns or args.encoding or args.remove_missing
                      or args.dry_run):
        raise CliError(f"--into, --dry-run, --remove-missing, --map-columns and --encoding "
                       f"are for spreadsheets ({', '.join(SHEET_FORMATS)})")
    if args.into is not None:
        from app.cli_import import import_into

        target = input_file(args.into)
        if target.suffix.lower() != PROJECT_SUFFIX:
            raise CliError(f"{args.into}: --into takes a project file ending in "
                           f"{PROJECT_SUFFIX}")
        return import_into(args, source, target)
    target = Path(args.output)
    if target.suffix.lower() != PROJECT_SUFFIX:
        raise CliError(f"{args.output}: the output of import is a project file ending in "
                       f"{PROJECT_SUFFIX}")
    output_file(args.output, force=args.force, inputs=[source])
    if sheet:
        from app.cli_import import project_from_sheet

        project = project_from_sheet(args, source)
    else:
        from app.export.json_io import read_json

        project = read_json(source)
    _create_project_file(target, project, overwrite=args.force)
    cards = sum(len(m.cards) for m in project.maps)
    print(f"Imported {source.name} into {target.name}: {project.title!r}, "
          f"{len(project.maps)} map(s), {len(project.personas)} persona(s), "
          f"{len(project.snapshots)} snapshot(s)" + (f", {cards} card(s)" if sheet else ""))
    return 0


def cmd_open(args: argparse.Namespace) -> int:
    """Open the editor, or take a screenshot of it."""
    if args.sample and args.file:
        raise CliError("give either FILE or --sample, not both")
    path = input_file(args.file) if args.file else None
    size = _parse_size(args.size)
    stage = _parse_stage(args.stage, args.present)
    screenshot = None
    if args.screenshot:
        if Path(args.screenshot).suffix.lower() != ".png":
            raise CliError(f"{args.screenshot}: a screenshot is saved as .png")
        # A screenshot is a build artefact: replacing the previous one is expected.
        screenshot = output_file(args.screenshot, force=True, inputs=[path] if path else [])
        if not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    elif sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            or os.environ.get("QT_QPA_PLATFORM")):
        raise CliError("no display found; run the editor on a desktop or under 'xvfb-run -a'")
    _utf8_locale_for_qt()
    try:
        from app.main import run_gui
    except ModuleNotFoundError as error:
        raise needs_gui("the editor", error) from None

    kwargs: dict[str, Any] = {"read_only": args.read_only, "map_name": args.map_name,
                              "size": size, "sample": args.sample}
    if args.present:
        kwargs["present_stage"] = stage
    if args.view_name is not None:
        if not args.view_name.strip():
            raise CliError("--view needs the name of a saved view")
        kwargs["view_name"] = args.view_name
    if screenshot is None:
        return int(run_gui(str(path) if path else None, **kwargs) or 0)
    # run_gui writes the screenshot atomically itself, and reports why when it cannot.
    return int(run_gui(str(path) if path else None, screenshot=str(screenshot), **kwargs) or 0)


def needs_gui(what: str, error: ModuleNotFoundError) -> CliError:
    """The error for `what` when Qt is missing (PDF and JSON export do without it)."""
    if (error.name or "").split(".")[0] != "PySide6":
        raise error
    return CliError(f"{what} is not available: it needs the GUI libraries (PySide6), "
                    f"which are not installed")


def _parse_stage(text: str | None, present: bool) -> int:
    """--stage N as a 1-based stage number (1 without it); whether the map has it is
    checked once the project is open."""
    if text is None:
        return 1
    if not present:
        raise CliError("--stage goes with --present")
    if not text.strip().isdigit() or int(text) < 1:
        raise CliError(f"--stage {text!r}: give a stage number, 1 for the first")
    return int(text)


def _parse_size(text: str) -> tuple[int, int]:
    match = _SIZE.match(text or "")
    if not match:
        raise CliError(f"--size {text!r}: write it as WIDTHxHEIGHT, e.g. 1600x1000")
    width, height = int(match.group(1)), int(match.group(2))
    if not (320 <= width <= 10000 and 240 <= height <= 10000):
        raise CliError(f"--size {text}: width 320–10000 and height 240–10000 pixels")
    return width, height


# -- parsers ----------------------------------------------------------------------------------

def _parsers(commands: bool = True) -> dict[str | None, argparse.ArgumentParser]:
    """The editor's parser (None) and, with `commands`, one per command."""
    opener = _Parser(
        prog=PROG, description="Journey Studio: customer journey maps. Without a command, "
        "opens the editor on FILE (or on the start page; --sample: your copy of the sample).",
        epilog="commands:\n"
               "  new FILE        create a project from a template\n"
               "  info FILE       show what a project holds (--json for scripts)\n"
               "  export FILE -o OUT   export to .json, .pdf, .png, .svg, .xlsx or .csv\n"
               "  import IN -o OUT.cjm import a JSON file or a spreadsheet (.xlsx, .csv)\n"
               "  import IN --into P.cjm  merge a spreadsheet into a project\n"
               "  templates       list the map templates\n"
               "  projects URL    list the projects on a server (postgresql://…)\n"
               "  publish FILE URL  upload a project to a server\n"
               "  install-desktop add Journey Studio and .cjm files to the desktop (Linux)\n"
               f"Run '{PROG} COMMAND --help' for a command's options. A first argument that is "
               "not a command is a FILE ('--' forces it).",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    opener.add_argument("file", nargs="?", metavar="FILE", help="the project to open (.cjm)")
    opener.add_argument("--read-only", action="store_true", help="open without changing it")
    opener.add_argument("--sample", action="store_true",
                        help="open your copy of the bundled sample (made on first use)")
    opener.add_argument("--screenshot", metavar="OUT.png",
                        help="save a screenshot of the editor to OUT.png and quit")
    opener.add_argument("--map", dest="map_name", metavar="NAME", help="the map to show")
    opener.add_argument("--size", default="1600x1000", metavar="WxH",
                        help="window size in pixels (default 1600x1000)")
    opener.add_argument("--present", action="store_true",
                        help="start in presentation mode (with --screenshot: picture it)")
    opener.add_argument("--stage", metavar="N",
                        help="with --present: spotlight stage N (1 = the first; default 1)")
    opener.add_argument("--view", dest="view_name", metavar="NAME",
                        help="apply the map's saved view NAME (with --present: on the room's "
                             "picture)")
    opener.add_argument("--version", action=_VersionAction, nargs=0,
                        help="show the program's version number and exit")
    opener.set_defaults(func=cmd_open)
    if not commands:  # opening the editor: the export options (PDF, sheets) cost ~0.1 s
        return {None: opener}

    new = _Parser(prog=f"{PROG} new", description="Create a new project file.")
    new.add_argument("file", metavar="FILE", help="the project to create (.cjm)")
    new.add_argument("--template", default="awareness-5", metavar="KEY",
                     help="map template (see 'journey-studio templates'; default awareness-5)")
    new.add_argument("--lang", default="en", metavar="en|vi",
                     help="language of stage and lane names (default en)")
    new.add_argument("--title", metavar="TEXT", help="project title")
    new.add_argument("--force", action="store_true", help="replace an existing FILE")
    new.set_defaults(func=cmd_new)

    info = _Parser(prog=f"{PROG} info", description="Show what a project holds.")
    info.add_argument("file", metavar="FILE", help="a project (.cjm), an interchange file "
                      "(.json) or a server project (postgresql://…?project=NAME)")
    info.add_argument("--json", action="store_true", help="print JSON for scripts")
    info.set_defaults(func=cmd_info)

    from app.cli_export import export_parser

    export = export_parser(_Parser)

    importer = _Parser(prog=f"{PROG} import",
                       description="Make a project from a Journey Studio JSON file or a "
                                   "spreadsheet (.xlsx, .csv), or merge a spreadsheet into a "
                                   "project: rows with a known card ID update that card, new "
                                   "rows add cards, cards missing from the sheet are kept "
                                   "unless --remove-missing.")
    importer.add_argument("input", metavar="IN", help="a .json, .xlsx or .csv file")
    importer.add_argument("-o", "--output", metavar="OUT.cjm", help="the project to create")
    importer.add_argument("--into", metavar="PROJECT.cjm",
                          help="merge the spreadsheet into this project")
    importer.add_argument("--dry-run", action="store_true",
                          help="with --into: print what would change, write nothing")
    importer.add_argument("--remove-missing", action="store_true",
                          help="with --into: remove the cards of the sheet's maps it no "
                               "longer lists")
    importer.add_argument("--map-columns", metavar="HEADER=KEY,…",
                          help="say which column is which, e.g. \"Việc=title,Bước=stage\" "
                               "(HEADER= leaves a column out; #3=title names the 3rd)")
    importer.add_argument("--encoding", metavar="NAME",
                          help="a CSV's encoding when detection gets it wrong (e.g. cp1258)")
    importer.add_argument("--title", metavar="TEXT", help="the new project's title")
    importer.add_argument("--lang", metavar="en|vi",
                          help="the new project's language (default: the sheet's headers')")
    importer.add_argument("--force", action="store_true", help="replace an existing OUT")
    importer.set_defaults(func=cmd_import)

    templates = _Parser(prog=f"{PROG} templates", description="List the map templates.")
    templates.add_argument("--json", action="store_true", help="print JSON for scripts")
    templates.set_defaults(func=cmd_templates)
    desktop = _Parser(prog=f"{PROG} install-desktop",
                      description="Add Journey Studio to the desktop's menu and make .cjm "
                                  "files open in it (Linux: freedesktop.org desktop entry, "
                                  "MIME type and icons).")
    desktop.add_argument("--user", action="store_true",
                         help="install for this user only ($XDG_DATA_HOME, default "
                              "~/.local/share) instead of system-wide (/usr/local/share)")
    desktop.set_defaults(func=cmd_install_desktop)
    from app.cli_server import server_parsers

    return {None: opener, "new": new, "info": info, "export": export, "import": importer,
            "templates": templates, "install-desktop": desktop, **server_parsers(_Parser)}


class _VersionAction(argparse.Action):
    """--version: print it and stop."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        sys.stdout.write(f"{parser.prog} {_version()}\n")
        parser.exit()


def _version() -> str:
    # app.__version__ is pyproject.toml's version (tests/test_packaging.py pins them
    # together): the same in a checkout, a wheel and a bundle, and costs no metadata read.
    from app import __version__

    return __version__


def _parse(argv: list[str]) -> argparse.Namespace:
    if argv and argv[0] in COMMANDS:
        return _parsers()[argv[0]].parse_args(argv[1:])
    # argparse itself reads `-- new` as the FILE "new".
    return _parsers(commands=False)[None].parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 success, 2 failure)."""
    _utf8_streams()
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = _parse(argv)
        for name in ("title", "template", "lang", "map_name", "map_names", "map_columns",
                     "view", "view_name"):
            if hasattr(args, name):
                setattr(args, name, _recover_text(getattr(args, name)))
        return args.func(args)
    except _Exit as stop:
        return stop.code
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # `journey-studio info x.cjm | head`: the reader left; not our failure.
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the exit flush
        except OSError:
            pass
        return 0
    except Exception as error:  # noqa: BLE001 - the one place failures become `error:` lines
        if os.environ.get("JOURNEY_STUDIO_DEBUG"):
            raise
        print(f"error: {_describe(error)}", file=sys.stderr)
        return 2
