"""`journey-studio projects URL` and `publish FILE URL`: the team's server from the shell.

A server project is also an input of `info` and `export` ("URL?project=NAME"): `ServerInput`
stands where a file's Path would. Messages show the URL without its password.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from app.cli import PROG, CliError, input_file, load_project


class ServerInput:
    """A server project named on the command line, where commands expect a file's Path."""

    suffix = ""

    def __init__(self, url: str) -> None:
        from app.storage.server import parse_location

        self.url = url
        self.location = parse_location(url)  # a bad URL fails here, without its password
        if self.location.project is None:
            raise CliError(f"name the project: {self.location.display}?project=NAME "
                           f"(see '{PROG} projects URL')")

    @property
    def name(self) -> str:
        """What messages call it: the URL without its password."""
        return self.location.display

    def __str__(self) -> str:
        return self.url


def load_server_project(source: ServerInput) -> tuple[Any, int]:
    """Read a server project, changing nothing."""
    from app.storage.server import ServerStore

    store, project = ServerStore.open(source.location, read_only=True)
    try:
        return project, store.schema_version
    finally:
        store.close()


def cmd_projects(args: argparse.Namespace) -> int:
    """List the projects on a server: name, title, maps, cards, last change and by whom."""
    from app.storage.server import ServerStore, parse_location

    location = parse_location(args.url)
    listing = ServerStore.list_projects(location)
    if args.json:
        print(json.dumps([vars(p) for p in listing], ensure_ascii=False, indent=2))
        return 0
    if not listing:
        print(f"No projects on {location.display.split('?project=')[0]} yet (publish one "
              f"with '{PROG} publish FILE.cjm URL')")
        return 0
    rows = [("NAME", "TITLE", "MAPS", "CARDS", "MODIFIED", "BY")] + [
        (p.name, p.title, str(p.maps), str(p.cards), p.modified, p.modified_by)
        for p in listing]
    widths = [max(len(row[i]) for row in rows) for i in range(6)]
    for row in rows:
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1]),
                 row[2].rjust(widths[2]), row[3].rjust(widths[3]),
                 row[4].ljust(widths[4]), row[5]]
        print("  ".join(cells).rstrip())
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    """Upload a project file to a server (a new project, or --replace an existing one)."""
    from pathlib import Path

    from app.storage.server import ServerStore, is_server_url, parse_location

    if is_server_url(args.file):
        raise CliError("publish takes a project file first, then the server URL")
    source = input_file(args.file)
    if not is_server_url(args.url):
        raise CliError(f"{args.url}: not a server URL; write it as "
                       "postgresql://USER@HOST/DATABASE")
    location = parse_location(args.url)
    name = args.project or location.project or Path(args.file).stem
    project, _ = load_project(source)
    store = ServerStore.create(location, project, name=name, replace=args.replace)
    shown = store.path
    store.close()
    cards = sum(len(m.cards) for m in project.maps)
    print(f"Published {source.name} to {shown}: {project.title!r}, {len(project.maps)} "
          f"map(s), {cards} card(s)")
    return 0


def server_parsers(parser_class: type[argparse.ArgumentParser]
                   ) -> dict[str | None, argparse.ArgumentParser]:
    """The parsers of `projects` and `publish`."""
    projects = parser_class(prog=f"{PROG} projects",
                            description="List the projects on a server: name, title, maps, "
                                        "cards, last change.")
    projects.add_argument("url", metavar="URL",
                          help="postgresql://USER@HOST/DATABASE (a password comes from "
                               "~/.pgpass or PGPASSWORD)")
    projects.add_argument("--json", action="store_true", help="print JSON for scripts")
    projects.set_defaults(func=cmd_projects)

    publish = parser_class(prog=f"{PROG} publish",
                           description="Upload a project file to a server, where the team "
                                       "opens it with URL?project=NAME.")
    publish.add_argument("file", metavar="FILE", help="a project (.cjm) or interchange file")
    publish.add_argument("url", metavar="URL", help="postgresql://USER@HOST/DATABASE")
    publish.add_argument("--project", metavar="NAME",
                         help="the project's name on the server (default: the URL's "
                              "?project=, else the file's name)")
    publish.add_argument("--replace", action="store_true",
                         help="overwrite the server's project of that name")
    publish.set_defaults(func=cmd_publish)
    return {"projects": projects, "publish": publish}
