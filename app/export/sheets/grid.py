"""A map's grid sheet: the map as a spreadsheet a team would draw by hand.

Row 1 holds the stages (filled with their colours), column A the lanes (title, then the
kind in brackets), each cell the titles of its cards one per line in cell order. Under an
emotions lane, whose cells list the markers (`+1 label`), a row holds each stage's mean
score as numbers, drawn by a native line chart below the grid. The header row and column
are frozen and repeat on every printed page; the print is landscape, one page wide.
"""

from __future__ import annotations

import math
import re

from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.chart import LineChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, TwoCellAnchor
from openpyxl.styles import Alignment, Border, Color, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.domain.model import JourneyMap, LaneKind
from app.domain.style import CURVE_COLOR, GRID_LINE, HEADER_FILL, MUTED_TEXT, TEXT, card_style
from app.export.sheets.columns import GRID_SCORE_ROW
from app.export.sheets.values import lane_header
from app.export.sheets.writing import CellWriter

# The workbook's own default font: a font set without a name falls back to another
# (LibreOffice picks a serif one), so every font we set names it.
FONT = "Calibri"
LANE_COLUMN_WIDTH = 26.0
_MIN_STAGE_WIDTH, _MAX_STAGE_WIDTH = 22.0, 60.0
_LINE_POINTS = 15.0
_MAX_ROW_POINTS = 409.0  # Excel's limit
_HEX = re.compile(r"^#?([0-9A-Fa-f]{6})$")
_THIN = Side(style="thin", color="FF" + GRID_LINE[1:])
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_SCORE_FORMAT = "+0.0;-0.0;0.0"


def argb(colour: str, fallback: str = "#999999") -> str:
    """A "#RRGGBB" colour as openpyxl's "FFRRGGBB"; anything else falls back."""
    match = _HEX.match(colour.strip()) or _HEX.match(fallback)
    assert match is not None
    return "FF" + match.group(1).upper()


def _text_on(fill: str) -> str:
    """Dark text on a light fill, white on a dark one (relative luminance)."""
    rgb = [int(fill[i:i + 2], 16) / 255 for i in (2, 4, 6)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return "FFFFFFFF" if luminance < 0.3 else "FF" + TEXT[1:]


def _solid(colour: str) -> PatternFill:
    return PatternFill(fill_type="solid", start_color=colour, end_color=colour)


def stage_width(width: float) -> float:
    """A stage's column width in characters from its width on the canvas."""
    return max(_MIN_STAGE_WIDTH, min(_MAX_STAGE_WIDTH, width / 6.5))


def lines_needed(text: str, width: float) -> int:
    """About how many lines `text` takes in a wrapped column `width` characters wide."""
    per_line = max(1, int(width * 1.1))  # Calibri 11: a little more than 1 char per unit
    return sum(max(1, math.ceil(len(line) / per_line)) for line in text.split("\n"))


def marker_line(score: int, label: str) -> str:
    """An emotions-lane cell line: the score with its sign, then the label."""
    return f"{score:+d} {label}".rstrip() if score else f"0 {label}".rstrip()


def cell_lines(journey: JourneyMap, stage_id: str, lane_id: str, kind: LaneKind) -> list[str]:
    """What the grid cell (stage, lane) lists: its card titles, then for an emotions lane
    its markers left to right."""
    lines = [c.title for c in journey.cell_cards(stage_id, lane_id)]
    if kind is LaneKind.EMOTIONS:
        lines += [marker_line(m.score, m.label) for m in journey.stage_markers(stage_id)
                  if m.lane_id == lane_id]
    return lines


def stage_scores(journey: JourneyMap, lane_id: str) -> list[float | None]:
    """Each stage's mean marker score on one emotions lane (None without markers)."""
    out: list[float | None] = []
    for stage in journey.stages:
        scores = [m.score for m in journey.markers
                  if m.stage_id == stage.id and m.lane_id == lane_id]
        out.append(sum(scores) / len(scores) if scores else None)
    return out


def write_grid(ws: Worksheet, journey: JourneyMap, language: str, put: CellWriter) -> None:
    """Fill `ws` with the grid of `journey`."""
    ws.sheet_view.showGridLines = False
    corner = ws.cell(row=1, column=1)
    put(corner, journey.name)
    corner.font = Font(name=FONT, bold=True, size=12, color="FF" + TEXT[1:])
    corner.fill = _solid("FF" + HEADER_FILL[1:])
    corner.alignment = Alignment(wrap_text=True, vertical="center")
    corner.border = _BORDER
    ws.column_dimensions["A"].width = LANE_COLUMN_WIDTH
    widths: list[float] = []
    for index, stage in enumerate(journey.stages, start=2):
        cell = ws.cell(row=1, column=index)
        put(cell, stage.title)
        fill = argb(stage.color)
        cell.fill = _solid(fill)
        cell.font = Font(name=FONT, bold=True, size=12, color=_text_on(fill))
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = _BORDER
        width = stage_width(stage.width)
        widths.append(width)
        ws.column_dimensions[get_column_letter(index)].width = width
    header_lines = max([1] + [lines_needed(s.title, w) for s, w in
                              zip(journey.stages, widths, strict=True)])
    ws.row_dimensions[1].height = min(_MAX_ROW_POINTS, max(32.0, 18.0 * header_lines + 8))

    row = 2
    score_rows: list[int] = []
    for lane in journey.lanes:
        style = card_style(lane.kind)
        fill = _solid(argb(style.fill, "#FFFFFF"))
        head = ws.cell(row=row, column=1)
        # The caption (if any) follows the title: lane_header is title or title + caption.
        caption = lane_header(lane.title, lane.kind, language)[len(lane.title):]
        parts = [TextBlock(InlineFont(rFont=FONT, b=True, color=Color(rgb="FF" + TEXT[1:])),
                           lane.title)]
        if caption:
            parts.append(TextBlock(InlineFont(rFont=FONT, i=True, sz=9,
                                              color=Color(rgb="FF" + MUTED_TEXT[1:])), caption))
        put(head, CellRichText(*parts))
        head.fill = _solid("FF" + HEADER_FILL[1:])
        head.alignment = _WRAP_TOP
        head.border = _BORDER
        tallest = lines_needed(lane.title, LANE_COLUMN_WIDTH) + 1
        for index, (stage, width) in enumerate(zip(journey.stages, widths, strict=True),
                                                start=2):
            cell = ws.cell(row=row, column=index)
            lines = cell_lines(journey, stage.id, lane.id, lane.kind)
            if lines:
                text = "\n".join(lines)
                put(cell, text)
                tallest = max(tallest, lines_needed(text, width))
            cell.fill = fill
            cell.alignment = _WRAP_TOP
            cell.border = _BORDER
        ws.row_dimensions[row].height = min(_MAX_ROW_POINTS,
                                            max(30.0, _LINE_POINTS * tallest + 6))
        row += 1
        if lane.kind is LaneKind.EMOTIONS:
            _write_scores(ws, row, journey, lane.id, language, put)
            score_rows.append(row)
            row += 1
    _print_setup(ws, len(journey.stages))
    for score_row in score_rows:
        row = _add_chart(ws, journey, score_row, row + 1)


def _write_scores(ws: Worksheet, row: int, journey: JourneyMap, lane_id: str, language: str,
                  put: CellWriter) -> None:
    label = ws.cell(row=row, column=1)
    put(label, GRID_SCORE_ROW.header(language))
    label.font = Font(name=FONT, italic=True, color="FF" + MUTED_TEXT[1:])
    label.fill = _solid("FF" + HEADER_FILL[1:])
    label.border = _BORDER
    for index, score in enumerate(stage_scores(journey, lane_id), start=2):
        cell = ws.cell(row=row, column=index)
        put(cell, None if score is None else round(score, 2))
        cell.number_format = _SCORE_FORMAT
        cell.alignment = Alignment(horizontal="center")
        cell.border = _BORDER
        if score is not None:
            cell.font = Font(name=FONT, bold=True)


def _add_chart(ws: Worksheet, journey: JourneyMap, score_row: int, at_row: int) -> int:
    """A line chart of one score row, from `at_row` down; the first row below it.

    The chart is anchored to the cells from the first stage's column to the last one's,
    so it spans the stages whatever the program's column-width units.
    """
    last_column = len(journey.stages) + 1
    if last_column < 2:
        return at_row
    chart = LineChart()
    chart.title = None
    chart.legend = None
    data = Reference(ws, min_col=1, max_col=last_column, min_row=score_row, max_row=score_row)
    chart.add_data(data, from_rows=True, titles_from_data=True)
    # Stage titles are text: a string reference (set_categories would make a number one).
    stages = Reference(ws, min_col=2, max_col=last_column, min_row=1, max_row=1)
    chart.series[0].cat = AxDataSource(strRef=StrRef(f=str(stages)))
    chart.y_axis.scaling.min = journey.emotion_min
    chart.y_axis.scaling.max = journey.emotion_max
    chart.y_axis.majorUnit = 1
    chart.y_axis.number_format = "+0;-0;0"
    # openpyxl 3.1 leaves axes out unless told (Excel then draws none).
    chart.x_axis.delete = False
    chart.x_axis.tickLblPos = "low"  # stage names under the chart, not on the zero line
    chart.y_axis.delete = False
    series = chart.series[0]
    series.smooth = True
    series.marker.symbol = "circle"
    series.marker.size = 8
    series.graphicalProperties.line.solidFill = CURVE_COLOR[1:]
    series.graphicalProperties.line.width = 28575  # 2.25 pt in EMU
    rows = 16
    # openpyxl takes an anchor object here too (its stub says only a cell name).
    chart.anchor = TwoCellAnchor(  # type: ignore[assignment]
        _from=AnchorMarker(col=1, row=at_row - 1),
        to=AnchorMarker(col=last_column, row=at_row - 1 + rows))
    ws.add_chart(chart)
    return at_row + rows + 1


def _print_setup(ws: Worksheet, stage_count: int) -> None:
    ws.freeze_panes = "B2"
    ws.print_title_rows = "1:1"
    ws.print_title_cols = "A:A"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A3
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]
    ws.print_options.horizontalCentered = stage_count < 4
