"""Map-page furniture: the title block above the map and the legend strip below it.

Both scale with the paper (`furniture_scale`): on A2–A0 a wall print is read from a metre
away, so header, footer, title block and strip grow with the sheet while the map keeps the
scale the plan chose for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas

from app.domain import style
from app.domain.model import (
    ConnectorKind,
    Evidence,
    JourneyMap,
    LaneKind,
    MapState,
    Persona,
    Project,
)
from app.export.pdf import connectors, draw
from app.export.pdf.draw import color
from app.export.pdf.page import Area, Writer

TITLE_BLOCK_H = 40.0  # at scale 1, with the gap under it
LEGEND_STRIP_H = 30.0  # at scale 1, with the gap over it
POSTER_PAGES = ("A2", "A1", "A0", "fit-content")
STATE_FILL = {MapState.FUTURE: "#E69F00", MapState.CURRENT: "#56B4E9"}


def legend_strip_default(page: str, fit: str) -> bool:
    """The legend strip is on by default for a print that stands alone on a wall: the whole
    map on one sheet (`page`) or a poster size; a tiled A4/A3 set has its legend page."""
    return fit == "page" or page in POSTER_PAGES


def map_area(area: Area, k: float, strip: bool) -> Area:
    """What is left of the content area for the map under the title block (and above the
    legend strip)."""
    top_cut = TITLE_BLOCK_H * k
    bottom_cut = LEGEND_STRIP_H * k if strip else 0.0
    return Area(area.x, area.y + bottom_cut, area.w, area.h - top_cut - bottom_cut)


HEX = re.compile(r"#[0-9A-Fa-f]{6}")


def project_accent(project: Project) -> str:
    """The project's accent colour ("#RRGGBB"), or the app's when it has none or a bad one."""
    value = project.accent or ""
    return value if HEX.fullmatch(value) else style.ACCENT


def rule_colour(project: Project) -> str:
    """The header and footer rules: the project's accent when it has one, else grey."""
    value = project.accent or ""
    return value if HEX.fullmatch(value) else style.GRID_LINE


def project_logo(project: Project) -> bytes | None:
    return project.logo or None


def _logo(c: Canvas, data: bytes, right: float, bottom: float, h: float, max_w: float
          ) -> float:
    """The client's logo right-aligned at `right`, `h` high; return its width (0 when the
    image cannot be read: a broken logo must not stop the export)."""
    try:
        from reportlab.lib.utils import ImageReader

        from app.export.pdf.images import print_image

        image = ImageReader(print_image(data))
        iw, ih = image.getSize()
        scale = min(h / ih, max_w / iw)
        c.drawImage(image, right - iw * scale, bottom + (h - ih * scale) / 2, iw * scale,
                    ih * scale, mask="auto")
        return float(iw * scale)
    except Exception:  # noqa: BLE001 - any undecodable image
        return 0.0


def draw_title_block(c: Canvas, w: Writer, area: Area, k: float, journey: JourneyMap,
                     persona: Persona | None, date: str, accent: str = style.ACCENT,
                     logo: bytes | None = None) -> None:
    """Map name and state badge on the left; the client's logo, persona (photo, name) and
    date on the right, in the band at the top of `area` (the content area)."""
    h = (TITLE_BLOCK_H - 8) * k
    bottom = area.top - h
    c.setFillColor(color(accent))
    c.rect(area.x, bottom, 4 * k, h, stroke=0, fill=1)
    c.setStrokeColor(color(accent))
    c.setLineWidth(0.75 * k)
    c.line(area.x, bottom - 3 * k, area.right, bottom - 3 * k)
    right = area.right
    if logo is not None:
        used = _logo(c, logo, right, bottom + 1 * k, h - 2 * k, area.w * 0.14)
        if used:
            right -= used + 16 * k
    size = 9 * k
    if date:
        right -= w.text(right, bottom + h / 2 - size * 0.35, date, size, False,
                        style.MUTED_TEXT, "right") + 14 * k
    if persona is not None:
        room = min(area.w * 0.3, right - area.x - area.w * 0.45)
        r = h * 0.42
        name_w = min(w.wrapper.width(w.clean(persona.name), 10 * k, True), room - 2 * r - 8 * k)
        if name_w > 20 * k:
            x = right - name_w
            w.text(x, bottom + h / 2 - 3.5 * k, persona.name, 10 * k, True, style.TEXT,
                   width=name_w)
            from app.export.pdf.front import portrait

            portrait(c, w, x - 6 * k - r, bottom + h / 2, r, persona, 1.5 * k)
            right = x - 2 * r - 20 * k
    label = w.tx.state(journey.state)
    badge_size = 8 * k
    badge_w = w.wrapper.width(w.clean(label), badge_size, True) + 14 * k
    x = area.x + 12 * k
    room = right - x - badge_w - 10 * k
    title_size = 15 * k
    name_w = w.fitted(x, bottom + h / 2 - title_size * 0.35, journey.name, title_size, True,
                      style.TEXT, max(room, 40 * k))
    bx = x + name_w + 10 * k
    if bx + badge_w <= right:
        c.setFillColor(color(STATE_FILL.get(journey.state, "#56B4E9")))
        bh = badge_size * 1.8
        c.roundRect(bx, bottom + (h - bh) / 2, badge_w, bh, bh / 2, stroke=0, fill=1)
        w.text(bx + 7 * k, bottom + h / 2 - badge_size * 0.35, label, badge_size, True,
               "#1B2633")



def draw_legend_strip(c: Canvas, w: Writer, area: Area, k: float, journey: JourneyMap) -> None:
    """One row at the bottom of `area`: the map's lane kinds with their icons, the emotion
    faces and the evidence tags, as the map draws them; items that do not fit are left off
    (the legend page has them all)."""
    tx = w.tx
    h = (LEGEND_STRIP_H - 8) * k
    bottom = area.y
    c.setStrokeColor(color(style.GRID_LINE))
    c.setLineWidth(0.75 * k)
    c.line(area.x, bottom + h + 3 * k, area.right, bottom + h + 3 * k)
    size = 8 * k
    mid = bottom + h / 2
    Item = tuple[float, Callable[[float], None]]  # (width, draw at x)
    kinds: list[LaneKind] = []
    for lane in journey.lanes:
        if lane.kind not in kinds:
            kinds.append(lane.kind)

    def kind_item(kind: LaneKind) -> Item:
        label = tx.lane_kind(kind)

        def paint(x: float) -> None:
            with draw.y_down_box(c, x, mid + 7 * k, k):
                draw.channel_icon(c, kind.value, 0, 0, 14, style.card_style(kind).border)
            w.text(x + 18 * k, mid - size * 0.35, label, size, False, style.TEXT)
        return 18 * k + w.wrapper.width(w.clean(label), size, False), paint

    def face_item(score: int) -> Item:
        label = tx.signed(score, 0)

        def paint(x: float) -> None:
            with draw.y_down_box(c, x + 7 * k, mid, k):
                draw.face(c, 0, 0, 7, score)
            w.text(x + 17 * k, mid - size * 0.35, label, size, True, style.emotion_color(score))
        return 17 * k + w.wrapper.width(label, size, True), paint

    def connector_item(kind: ConnectorKind) -> Item:
        label = tx(connectors.KIND_NAMES[kind])

        def paint(x: float) -> None:
            connectors.draw_sample(c, x, mid, 20 * k, kind, k=k)
            w.text(x + 24 * k, mid - size * 0.35, label, size, False, style.TEXT)
        return 24 * k + w.wrapper.width(w.clean(label), size, False), paint

    def evidence_item(value: str) -> Item:
        label = tx.evidence(value)
        pad = style.EVIDENCE_PAD * size / style.SMALL_SIZE
        chip_w = w.wrapper.width(w.clean(label), size, False) + 2 * pad

        def paint(x: float) -> None:
            draw.evidence_tag(c, x, mid, chip_w, size * 1.5, value, k)
            w.text(x + pad, mid - size * 0.35, label, size, False, style.EVIDENCE_COLORS[value][2])
        return chip_w, paint

    # The key to the marks (connectors, faces, evidence) stands at the right and always
    # fits; the lane kinds fill the room left of it, as many as fit (the legend page has
    # them all).
    marks: list[Item] = [connector_item(kind) for kind in connectors.kinds_of([journey])]
    if LaneKind.EMOTIONS in kinds:
        marks += [face_item(score) for score in (2, 1, 0, -1, -2)]
    used = {card.evidence.value for card in journey.cards if card.evidence is not None}
    marks += [evidence_item(e.value) for e in Evidence if e.value in used]
    gap = 9 * k
    x = area.right - sum(width + gap for width, _ in marks) + gap
    limit = x - 16 * k
    for width, paint in marks:
        paint(x)
        x += width + gap
    x = area.x
    for kind in kinds:
        width, paint = kind_item(kind)
        if x + width > limit:
            break
        paint(x)
        x += width + 12 * k
