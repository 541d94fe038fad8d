"""The Cards table read into checked rows: which column is which, and each value typed.

The header row is found among the first rows (a user's sheet may start with a title),
its headers matched to column keys in either language (`columns.match_columns`) or as
the user mapped them. Only the columns present are carried on: a sheet without a
Severity column leaves every card's severity alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.domain.model import Evidence, LaneKind
from app.export.sheets.columns import CARD_COLUMNS, fold, match_columns
from app.export.sheets.read_table import Cell, SheetError, Table, cell_number, cell_text
from app.export.sheets.values import parse_evidence, parse_flag, parse_kind, split_tags

REQUIRED = ("stage", "title")
# Card fields the sheet may set, each with how its text becomes a value.
TEXT_FIELDS = ("title", "body", "owner", "priority", "status", "unit")
_HEADER_SEARCH = 10
_KEYS = {c.key for c in CARD_COLUMNS}
# Columns that say where a card goes, not what it holds.
_PLACE = {"map", "stage", "lane", "kind", "votes"}
_SEVERITY_WORDS = {"low": 1, "thap": 1, "medium": 2, "trung binh": 2, "high": 3, "cao": 3}


class MappingNeeded(SheetError):
    """The headers do not say where the required columns are; the user must map them."""

    def __init__(self, message: str, headers: list[str], found: dict[int, str]) -> None:
        super().__init__(message)
        self.headers = headers
        self.found = found


@dataclass
class CardRow:
    """One row of the Cards table, checked; `values` holds only the columns present."""

    row: int  # the sheet's row number, as Excel shows it
    id: str = ""
    map: str = ""
    stage: str = ""
    lane: str = ""
    kind: LaneKind | None = None
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class CardsTable:
    """The rows of a Cards sheet and which column keys it carries."""

    sheet: str
    keys: set[str]
    rows: list[CardRow]
    headers: list[str]
    mapping: dict[int, str]


def find_header(table: Table) -> int:
    """The index of the header row: the first of the first rows naming two card columns."""
    for index, row in enumerate(table.rows[:_HEADER_SEARCH]):
        if len(match_columns([cell_text(v) for v in row], CARD_COLUMNS)) >= 2:
            return index
    return 0


def resolve_mapping(headers: list[str], overrides: dict[str, str] | None,
                    sheet: str) -> dict[int, str]:
    """Header position → column key, from the headers and the user's overrides.

    `overrides` maps a header (matched like the column names) or a column number ("#3",
    for a header written twice or not at all) to a key, or to "" to leave that column
    out. Raises MappingNeeded when a required column is missing or two headers claim
    one key.
    """
    found = match_columns(headers, CARD_COLUMNS)
    decided: set[int] = set()  # positions the user gave a key (or none) to
    for wanted, key in (overrides or {}).items():
        if key and key not in _KEYS:
            raise SheetError(f"unknown column {key!r} (choose from: {', '.join(sorted(_KEYS))})")
        positions = _positions(headers, wanted, sheet)
        for position in positions:
            decided.add(position)
            if key:
                found = {p: k for p, k in found.items() if k != key or p in decided}
                found[position] = key
            else:
                found.pop(position, None)
    chosen = [found[p] for p in decided if p in found]
    if len(chosen) != len(set(chosen)):
        twice_chosen = sorted({k for k in chosen if chosen.count(k) > 1})
        raise SheetError(f"{sheet}: two columns are mapped to {', '.join(twice_chosen)}")
    # A header naming a column another header already feeds, unless the user decided.
    taken = set(found.values()) - set(chosen)
    twice = [header for position, header in enumerate(headers)
             if position not in found and position not in decided
             and set(match_columns([header], CARD_COLUMNS).values()) & taken]
    missing = [k for k in REQUIRED if k not in found.values()]
    if missing:
        names = ", ".join(next(c.en for c in CARD_COLUMNS if c.key == k) for k in missing)
        raise MappingNeeded(f"{sheet}: no column for {names}", headers, found)
    if twice:
        shown = ", ".join(repr(h) for h in twice)
        raise MappingNeeded(f"{sheet}: more than one column is {shown}", headers, found)
    return found


def _positions(headers: list[str], wanted: str, sheet: str) -> list[int]:
    """The columns an override names: "#3" the third, else every one so headed."""
    number = wanted.strip()
    if number.startswith("#") and number[1:].isdigit():
        position = int(number[1:]) - 1
        if not 0 <= position < len(headers):
            raise SheetError(f"{sheet}: has no column {number} (it has {len(headers)})")
        return [position]
    positions = [i for i, h in enumerate(headers) if fold(h) == fold(wanted)]
    if not positions:
        shown = ", ".join(repr(h) for h in headers if h) or "none"
        raise SheetError(f"{sheet}: no column headed {wanted!r} (headers: {shown})")
    return positions


def read_cards(table: Table, overrides: dict[str, str] | None = None) -> CardsTable:
    """The checked rows of a Cards sheet; the first bad value raises SheetError."""
    start = find_header(table)
    headers = [cell_text(v).strip() for v in (table.rows[start] if table.rows else [])]
    mapping = resolve_mapping(headers, overrides, table.name)
    rows: list[CardRow] = []
    for index in range(start + 1, len(table.rows)):
        raw = table.rows[index]
        content = [raw[p] for p, key in mapping.items()
                   if p < len(raw) and key not in _PLACE and cell_text(raw[p]).strip()]
        if not content:
            continue  # empty, or only a stage or lane named: a layout row, not a card
        row = CardRow(row=index + 1)
        for position, key in mapping.items():
            value = raw[position] if position < len(raw) else None
            _read_value(row, key, value, f"{table.name}, row {index + 1}, {headers[position]}")
        rows.append(row)
    return CardsTable(table.name, set(mapping.values()), rows, headers, mapping)


def _read_value(row: CardRow, key: str, value: Cell, where: str) -> None:
    text = cell_text(value).strip()
    if key in ("id", "map", "stage", "lane"):
        setattr(row, key, text)
    elif key == "kind":
        if text:
            row.kind = parse_kind(text)
            if row.kind is None:
                kinds = ", ".join(k.value for k in LaneKind)
                raise SheetError(f"{where}: {text!r} is not a lane kind ({kinds})")
    elif key in TEXT_FIELDS:
        row.values[key] = cell_text(value)  # exactly as written: a round trip keeps spaces
    elif key == "tags":
        row.values[key] = split_tags(text)
    elif key == "channel":
        row.values[key] = text
    elif key == "severity":
        row.values[key] = _severity(value, text, where)
    elif key in ("value", "target"):
        row.values[key] = cell_number(value, where)
    elif key == "evidence":
        row.values[key] = _evidence(text, where)
    elif key == "favourite":
        row.values[key] = _truth(value, text, where)
    elif key == "votes":
        pass  # a count of the rounds' dots: shown, never read back into cards
    elif key in ("span", "order"):
        number = _whole(value, text, where, minimum=1 if key == "span" else 0)
        if number is not None:
            row.values[key] = number
        elif key == "span":
            row.values[key] = 1


def _whole(value: Cell, text: str, where: str, minimum: int) -> int | None:
    if text == "":
        return None
    number = cell_number(value, where)
    if number is None or not number.is_integer() or number < minimum or number > 1_000_000:
        raise SheetError(f"{where}: {text!r} is not a whole number from {minimum}")
    return int(number)


def _severity(value: Cell, text: str, where: str) -> int | None:
    if text == "":
        return None
    word = _SEVERITY_WORDS.get(fold(text))
    if word is not None:
        return word
    try:
        number = float(text) if not isinstance(value, bool) else 0.0
    except ValueError:
        number = 0.0
    if number not in (1.0, 2.0, 3.0):
        raise SheetError(f"{where}: {text!r} is not 1–3")
    return int(number)


def _evidence(text: str, where: str) -> Evidence | None:
    if text == "":
        return None
    found = parse_evidence(text)
    if found is None:
        raise SheetError(f"{where}: {text!r} is not observed, assumed or proposed")
    return found


def _truth(value: Cell, text: str, where: str) -> bool:
    if isinstance(value, bool):
        return value
    found = parse_flag(text)
    if found is not None:
        return found
    raise SheetError(f"{where}: {text!r} is not yes or no")
