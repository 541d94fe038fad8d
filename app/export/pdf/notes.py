"""Card notes: the full text of every card, stage description and emotion label the map
had to shorten, flowed in columns."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from app.domain import style
from app.domain.layout import MapLayout
from app.domain.model import JourneyMap
from app.export.pdf.draw import color
from app.export.pdf.fonts import BOLD, REGULAR
from app.export.pdf.map_page import cut_texts
from app.export.pdf.page import Area, Writer

COLUMNS = 2
GAP = 28.0
TITLE, META, BODY = 11.0, 8.5, 9.5
# A note prints at most this many lines of a card (about two A3 pages of columns): a card
# holding a book is accepted, but its note ends with an ellipsis instead of running on.
NOTE_TITLE_LINES, NOTE_BODY_LINES = 12, 240


@dataclass(frozen=True)
class Line:
    """One line of the notes flow: text, size, bold, colour, height it takes."""

    text: str
    size: float
    bold: bool
    hex_value: str
    height: float
    keep: int = 0  # lines after this one that must share its column (a heading's body)


def note_lines(w: Writer, journey: JourneyMap, layout: MapLayout, width: float) -> list[Line]:
    """The flow of lines: shortened stage descriptions and emotion labels, then every
    shortened card, in journey order."""
    stage_rank = {s.id: i for i, s in enumerate(journey.stages)}
    lane_rank = {lane.id: i for i, lane in enumerate(journey.lanes)}
    stages = {s.id: s.title for s in journey.stages}
    lanes = {lane.id: lane.title for lane in journey.lanes}
    shortened = sorted((b for b in layout.cards.values() if b.truncated),
                       key=lambda b: (stage_rank.get(b.card.stage_id, 0),
                                      lane_rank.get(b.card.lane_id, 0), b.card.order))
    out: list[Line] = []
    kinds = {"description": w.tx("Stage description"), "label": w.tx("Emotion label")}
    for stage_id, kind, text in cut_texts(w.wrapper, journey, layout):
        body = w.lines(text, BODY, False, width, NOTE_BODY_LINES)
        title = w.lines(stages.get(stage_id, ""), TITLE, True, width, NOTE_TITLE_LINES)
        for i, line in enumerate(title):
            out.append(Line(line, TITLE, True, style.TEXT, TITLE * 1.3,
                            keep=len(title) - i + min(2, len(body))))
        out.append(Line(kinds[kind], META, False, style.MUTED_TEXT, META * 1.6))
        out.extend(Line(line, BODY, False, "#2C3440", BODY * 1.35) for line in body)
        out.append(Line("", BODY, False, style.TEXT, 14))
    for box in shortened:
        card = box.card
        title = w.lines(card.title or w.tx("(untitled)"), TITLE, True, width, NOTE_TITLE_LINES)
        body = w.lines(card.body, BODY, False, width, NOTE_BODY_LINES)
        for i, text in enumerate(title):
            out.append(Line(text, TITLE, True, style.TEXT, TITLE * 1.3,
                            keep=len(title) - i + min(2, len(body))))
        meta = w.lines(f"{stages.get(card.stage_id, '')} · {lanes.get(card.lane_id, '')}",
                       META, False, width, 1)
        out.append(Line(meta[0] if meta else "", META, False, style.MUTED_TEXT, META * 1.6))
        out.extend(Line(text, BODY, False, "#2C3440", BODY * 1.35) for text in body)
        out.append(Line("", BODY, False, style.TEXT, 14))
    return out


def paginate(lines: list[Line], height: float) -> list[list[list[Line]]]:
    """Lines packed into columns of `height`, COLUMNS columns per page."""
    columns: list[list[Line]] = [[]]
    used = 0.0
    for i, line in enumerate(lines):
        need = sum(x.height for x in lines[i:i + 1 + line.keep])
        if columns[-1] and used + min(need, height) > height:
            columns.append([])
            used = 0.0
        if not columns[-1] and not line.text:
            continue  # no blank line at the top of a column
        columns[-1].append(line)
        used += line.height
    if not columns[-1]:
        columns.pop()
    return [columns[i:i + COLUMNS] for i in range(0, len(columns), COLUMNS)]


def column_width(area: Area) -> float:
    """The width of one notes column in `area`."""
    return (area.w - GAP * (COLUMNS - 1)) / COLUMNS


def draw_notes(c: Canvas, area: Area, page: list[list[Line]]) -> None:
    """One page of notes columns."""
    cw = column_width(area)
    for n, column in enumerate(page):
        x = area.x + n * (cw + GAP)
        y = area.top
        t = c.beginText()
        for line in column:
            if line.text:
                t.setFont(BOLD if line.bold else REGULAR, line.size)
                t.setFillColor(color(line.hex_value))
                t.setTextOrigin(x, y - line.size * 0.95)
                t.textOut(line.text)
            y -= line.height
        c.drawText(t)
