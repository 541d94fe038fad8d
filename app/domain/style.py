"""The visual language as data, read by the canvas, the PDF and the image exports alike."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.model import ConnectorKind, LaneKind

FONT_FAMILY = "DejaVu Sans"

# Sizes in model pixels (canvas: pixel size; PDF: scaled to points).
STAGE_TITLE_SIZE = 15
LANE_TITLE_SIZE = 13
CARD_TITLE_SIZE = 12
CARD_BODY_SIZE = 11
METRIC_VALUE_SIZE = 20
SMALL_SIZE = 10
MIN_PRINT_POINTS = 7.0

CELL_PADDING = 8.0
CARD_GAP = 6.0
CARD_RADIUS = 6.0
CARD_INNER = 8.0
MAX_CARD_LINES = 6
LINE_SPACING = 1.3

LANE_HEADER_WIDTH = 190.0
STAGE_HEADER_HEIGHT = 84.0
STAGE_BAND_HEIGHT = 8.0
EMOTION_LANE_HEIGHT = 200.0
COLLAPSED_LANE_HEIGHT = 30.0
ICON_SIZE = 16.0
CHIP_ROW_HEIGHT = 20.0

ACCENT = "#2F80ED"
GRID_LINE = "#D9DDE3"
HEADER_FILL = "#F7F8FA"
BAND_TINT = "#FAFBFC"
TEXT = "#1F2328"
MUTED_TEXT = "#5F6670"
CANVAS_BACKGROUND = "#FFFFFF"


@dataclass(frozen=True)
class CardStyle:
    """Fill and border of a kind of card, and how its border is drawn."""

    fill: str
    border: str
    dashed: bool = False


CARD_STYLES: dict[LaneKind, CardStyle] = {
    LaneKind.TOUCHPOINTS: CardStyle("#E8F1FB", "#2F6FB3"),
    LaneKind.ACTIONS: CardStyle("#F2F2F2", "#6B6B6B"),
    LaneKind.THOUGHTS: CardStyle("#FFF8DC", "#B8962E"),
    LaneKind.PAINS: CardStyle("#FDE8E8", "#C0392B"),
    LaneKind.OPPORTUNITIES: CardStyle("#E6F6EC", "#1E8449"),
    LaneKind.BACKSTAGE: CardStyle("#EEE9F7", "#6C4FA3", dashed=True),
    LaneKind.METRICS: CardStyle("#E9F7F8", "#137C86"),
    LaneKind.TEXT: CardStyle("#FFFFFF", "#9AA0A6"),
    LaneKind.EMOTIONS: CardStyle("#FFFFFF", "#95A5A6"),
}

EMOTION_COLORS = {-2: "#C0392B", -1: "#E67E22", 0: "#95A5A6", 1: "#7DBB4A", 2: "#1E8449"}
EMOTION_NAMES = {
    -2: ("Very negative", "Rất tiêu cực"),
    -1: ("Negative", "Tiêu cực"),
    0: ("Neutral", "Trung lập"),
    1: ("Positive", "Tích cực"),
    2: ("Very positive", "Rất tích cực"),
}
CURVE_WIDTH = 2.5
CURVE_NEGATIVE_TINT = "#C0392B"
CURVE_POSITIVE_TINT = "#1E8449"
CURVE_TINT_ALPHA = 0.12
MARKER_RADIUS = 14.0


def card_style(kind: LaneKind) -> CardStyle:
    """The style of cards in a lane of this kind."""
    return CARD_STYLES.get(kind, CARD_STYLES[LaneKind.TEXT])


def emotion_color(score: int) -> str:
    """The colour of an emotion score, clamped to the −2..+2 scale."""
    return EMOTION_COLORS[max(-2, min(2, round(score)))]

# Print (PDF) additions: paper needs a little more contrast than a screen.
PRINT_BAND_TINT = "#F3F5F8"
CURVE_COLOR = "#3D4650"
FAVOURITE_COLOR = "#F2B01E"
CHIP_FILL = "#FFFFFF"


# Evidence tags ("observed", "assumed", "proposed"): a small labelled pill at a card's
# bottom-right corner, the same in the editor, the PDF, PNG and SVG. Solid = seen in
# research; outline = assumed; dashed outline = a proposal. (fill, line, text)
EVIDENCE_COLORS = {
    "observed": ("#2E7D32", "#2E7D32", "#FFFFFF"),
    "assumed": ("#FFFFFF", "#B26A00", "#7A4A00"),
    "proposed": ("#FFFFFF", "#2F6FB3", "#245A93"),
}
EVIDENCE_DASHED = {"proposed"}
EVIDENCE_PAD = 5.0  # text inset in the pill (SMALL_SIZE text)
EVIDENCE_TAG_HEIGHT = 13.0
# The pill's centre sits 1 px above the card's bottom edge: its lower half lies in the
# gap to the next card, its upper half in the card's bottom padding, clear of the text.
EVIDENCE_TAG_LIFT = 1.0
EVIDENCE_TAG_RIGHT = 6.0  # from the card's right edge


def evidence_tag_rect(card_right: float, card_bottom: float, text_width: float
                      ) -> tuple[float, float, float, float]:
    """(x, y, w, h) of a card's evidence pill (y down) for a label `text_width` wide."""
    w = text_width + 2 * EVIDENCE_PAD
    h = EVIDENCE_TAG_HEIGHT
    return (card_right - EVIDENCE_TAG_RIGHT - w, card_bottom - EVIDENCE_TAG_LIFT - h / 2, w, h)


VOTE_DOT_COLOR = "#7048E8"  # voting dots: a violet no lane kind, emotion or accent uses

# Connectors: a thin line in the colour of what the link means (Okabe–Ito hues, apart from
# the stage bands by lightness), dashed when assumed; the arrowhead at the target.
CONNECTOR_COLORS = {
    ConnectorKind.FLOW: "#3D4650",  # the ordinary next step: the ink of the curve
    ConnectorKind.LOOP_BACK: "#D55E00",  # back to an earlier step: a warning hue
    ConnectorKind.BRANCH: "#0072B2",
    ConnectorKind.HANDOFF: "#6C4FA3",  # front stage to backstage: the backstage border
    ConnectorKind.DEPENDENCY: "#137C86",
}
CONNECTOR_WIDTH = 1.5
CONNECTOR_DASH = (5.0, 3.0)  # (dash, gap) in model pixels
CONNECTOR_ARROW = 8.0  # arrowhead length
CONNECTOR_LABEL_SIZE = SMALL_SIZE
CONNECTOR_LABEL_PAD = 4.0
CONNECTOR_LABEL_HEIGHT = 14.0
CONNECTOR_LABEL_MAX = 160.0  # a longer label is elided in its pill
CONNECTOR_LABEL_FILL = "#FFFFFF"


def connector_color(kind: ConnectorKind) -> str:
    """The line colour of a connector of this kind."""
    return CONNECTOR_COLORS.get(kind, CONNECTOR_COLORS[ConnectorKind.FLOW])
