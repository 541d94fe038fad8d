"""The Connectors sheet: every arrow between cards (or from a card to a stage), written
and read back.

One row per connector, in map order: its id, the map, where it starts (the card's title,
and its id), where it ends (a card's or a stage's title, and its id), the kind in the
sheet's language, the label and whether it is assumed (drawn dashed). Reading finds the
ends by id first, then by title (a card of the map, then a stage), so a row a user added
by typing titles works too; an end found nowhere, or a kind not known, stops the import
naming the row and column.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.model import Connector, ConnectorKind, JourneyMap, Project
from app.export.sheets.columns import CONNECTOR_COLUMNS, fold, match_columns
from app.export.sheets.read_table import SheetError, Table, cell_text, is_id
from app.export.sheets.values import parse_flag, yes_no

Value = str | int | float | None

KIND_WORDS: dict[ConnectorKind, tuple[str, str]] = {
    ConnectorKind.FLOW: ("flow", "luồng"),
    ConnectorKind.LOOP_BACK: ("loop back", "quay lại"),
    ConnectorKind.BRANCH: ("branch", "rẽ nhánh"),
    ConnectorKind.HANDOFF: ("handoff", "chuyển giao"),
    ConnectorKind.DEPENDENCY: ("dependency", "phụ thuộc"),
}


def kind_word(kind: ConnectorKind, language: str) -> str:
    en, vi = KIND_WORDS[kind]
    return vi if language == "vi" else en


def parse_connector_kind(text: str) -> ConnectorKind | None:
    """A kind from its key or its English or Vietnamese word (case, spaces, marks aside)."""
    wanted = fold(text.replace("_", " "))
    for kind, words in KIND_WORDS.items():
        if wanted in {fold(kind.value.replace("_", " ")), *(fold(w) for w in words)}:
            return kind
    return None


def connector_rows(maps: Sequence[JourneyMap], language: str) -> list[list[Value]]:
    """One row per connector, in CONNECTOR_COLUMNS order."""
    rows: list[list[Value]] = []
    for journey in maps:
        for connector in journey.connectors:
            source = journey.card(connector.source_id)
            card = journey.card(connector.target_id)
            stage = journey.stage(connector.target_id)
            target = card.title if card else stage.title if stage else ""
            fields: dict[str, Value] = {
                "id": connector.id, "map": journey.name,
                "from": source.title if source else "", "from_id": connector.source_id,
                "to": target, "to_id": connector.target_id,
                "kind": kind_word(connector.kind, language), "label": connector.label,
                "assumed": yes_no(connector.assumed, language),
            }
            rows.append([fields[column.key] for column in CONNECTOR_COLUMNS])
    return rows


def _card_end(journey: JourneyMap, wanted_id: str, title: str) -> str | None:
    if journey.card(wanted_id) is not None:
        return wanted_id
    found = [c.id for c in journey.cards if title and fold(c.title) == fold(title)]
    return found[0] if len(found) == 1 else None


def place_connectors(project: Project, table: Table) -> None:
    """Add the Connectors sheet's rows to the project's maps (a new project's)."""
    headers = [cell_text(v).strip() for v in table.rows[0]] if table.rows else []
    mapping = match_columns(headers, CONNECTOR_COLUMNS)
    if not {"from", "to"} & set(mapping.values()) and "from_id" not in mapping.values():
        return
    used = {c.id for m in project.maps for c in m.connectors}

    def header(key: str) -> str:
        return next((headers[p] for p, k in mapping.items() if k == key), key)

    for index in range(1, len(table.rows)):
        raw = table.rows[index]
        got = {key: cell_text(raw[p] if p < len(raw) else None).strip()
               for p, key in mapping.items()}
        if not any(got.values()):
            continue
        where = f"{table.name}, row {index + 1}"
        journey = next((m for m in project.maps if fold(m.name) == fold(got.get("map", ""))
                        or m.id == got.get("map")),
                       project.maps[0] if len(project.maps) == 1 and not got.get("map")
                       else None)
        if journey is None:
            raise SheetError(f"{where}, {header('map')}: {got.get('map', '')!r} is not a map "
                             f"of the workbook")
        source = _card_end(journey, got.get("from_id", ""), got.get("from", ""))
        if source is None:
            raise SheetError(f"{where}, {header('from')}: no card {got.get('from', '')!r} "
                             f"(or it is there twice) on the map {journey.name!r}")
        target = _card_end(journey, got.get("to_id", ""), got.get("to", ""))
        if target is None:
            stage = journey.stage(got.get("to_id", "")) or next(
                (s for s in journey.stages
                 if got.get("to") and fold(s.title) == fold(got["to"])), None)
            target = stage.id if stage is not None else None
        if target is None:
            raise SheetError(f"{where}, {header('to')}: no card or stage "
                             f"{got.get('to', '')!r} on the map {journey.name!r}")
        kind = ConnectorKind.FLOW
        if got.get("kind"):
            parsed = parse_connector_kind(got["kind"])
            if parsed is None:
                words = ", ".join(w[0] for w in KIND_WORDS.values())
                raise SheetError(f"{where}, {header('kind')}: {got['kind']!r} is not a "
                                 f"connector kind ({words})")
            kind = parsed
        assumed = False
        if got.get("assumed"):
            flag = parse_flag(got["assumed"])
            if flag is None:
                raise SheetError(f"{where}, {header('assumed')}: {got['assumed']!r} is not "
                                 f"yes or no")
            assumed = flag
        if source == target:
            raise SheetError(f"{where}: a connector cannot link a card to itself")
        label = next((raw[p] for p, k in mapping.items() if k == "label" and p < len(raw)),
                     None)
        connector = Connector(map_id=journey.id, source_id=source, target_id=target,
                              kind=kind, label=cell_text(label), assumed=assumed)
        connector_id = got.get("id", "")
        if is_id(connector_id) and connector_id not in used:
            connector.id = connector_id
        used.add(connector.id)
        journey.connectors.append(connector)
