"""Where a server project lives: a libpq URL with `?project=NAME`, and how it is shown.

    postgresql://user@host:5432/db?project=NAME&sslmode=require

Every libpq parameter but `project` passes through to the connection. A password may be
given in the URL (or better, through `.pgpass`, a service file or PGPASSWORD), but it is
never shown: `display` leaves it out, and `scrub` removes it from any message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from app.storage.errors import StorageError

SCHEMES = ("postgresql", "postgres")
MAX_NAME = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def is_server_url(text: str) -> bool:
    """True when `text` names a server (postgresql://…) rather than a file."""
    head, sep, _ = str(text).partition("://")
    return bool(sep) and head.lower() in SCHEMES


def check_name(name: str) -> str:
    """A project name as the server keeps it, or StorageError saying what is wrong."""
    name = name.strip()
    if not name:
        raise StorageError("a project name must not be empty")
    if len(name) > MAX_NAME:
        raise StorageError(f"a project name has at most {MAX_NAME} characters")
    if _CONTROL.search(name):
        raise StorageError("a project name must not hold control characters")
    return name


@dataclass(frozen=True)
class ServerLocation:
    """A parsed server URL: what libpq gets, the project, and what messages show."""

    # The URL without `project`, for libpq: it may hold a password, so no repr shows it
    # (nor the password itself), should a location ever be logged.
    conninfo: str = field(repr=False)
    project: str | None
    display: str  # the URL without its password, for titles and messages
    secret: str | None = field(repr=False)  # the URL's password, to scrub from messages

    def scrub(self, text: str) -> str:
        """`text` without the URL's password (a libpq message may quote the URL)."""
        if self.secret:
            text = text.replace(self.secret, "***")
            quoted = quote(self.secret, safe="")
            if quoted != self.secret:
                text = text.replace(quoted, "***")
        return text

    def conninfo_with_project(self) -> str:
        """The URL to open this project again (with its password, if one was given)."""
        if self.project is None:
            return self.conninfo
        return _add_query(self.conninfo, {"project": self.project})

    def with_project(self, name: str) -> ServerLocation:
        """The same server, naming another project."""
        return parse_location(_add_query(self.conninfo, {"project": name}))


def _add_query(url: str, extra: dict[str, str]) -> str:
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True) + list(extra.items())
    return urlunsplit(parts._replace(query=urlencode(query, quote_via=quote)))


def parse_location(text: str) -> ServerLocation:
    """Parse a server URL; StorageError (without the password) for one that is not."""
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - validates the port
    except ValueError:
        raise StorageError("not a valid server URL: write it as "
                           "postgresql://USER@HOST/DATABASE?project=NAME") from None
    if parts.scheme.lower() not in SCHEMES:
        raise StorageError(f"not a server URL: it starts with {parts.scheme}:// rather "
                           "than postgresql://")
    secret = unquote(parts.password) if parts.password else None
    query = parse_qsl(parts.query, keep_blank_values=True)
    projects = [value for key, value in query if key == "project"]
    if len(projects) > 1:
        raise StorageError("the server URL names more than one project (?project= twice)")
    project = check_name(projects[0]) if projects else None
    passthrough = [(key, value) for key, value in query if key != "project"]
    secret = secret or next((v for k, v in passthrough if k == "password"), None) or None
    conninfo = urlunsplit(parts._replace(query=urlencode(passthrough, quote_via=quote)))
    # Shown: user, host, port, database and the options, never a password.
    netloc = parts.netloc.rpartition("@")[2]
    user = parts.username
    if user:
        netloc = f"{user}@{netloc}"
    shown_query = [(k, v) for k, v in passthrough if k != "password"]
    if project is not None:
        shown_query.append(("project", project))
    display = urlunsplit((parts.scheme, netloc, parts.path, urlencode(
        shown_query, quote_via=quote, safe="/"), ""))
    return ServerLocation(conninfo, project, display, secret)
