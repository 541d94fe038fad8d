"""The first map page as plain shapes, for a thumbnail in the Export dialog.

The dialog cannot render a PDF (no Qt PDF module is shipped), and a thumbnail is too small
for text anyway: so the page is described as what the overview page draws — stage bands,
lanes, card outlines and the tile grid — from the same plan the export prints, and the
dialog paints those rectangles. Qt-free and ReportLab-free: the plan is made elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain import style
from app.domain.layout import MapLayout
from app.domain.model import JourneyMap
from app.export.pdf.tiling import TilePlan, plan_tiles


def _mix(hex_value: str, white: float) -> str:
    """`hex_value` blended with white (0: as is, 1: white)."""
    rgb = [int(hex_value[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(v + (255 - v) * white):02X}" for v in rgb)


@dataclass(frozen=True)
class Shape:
    """A rectangle on the page in points, y downwards from the top edge."""

    x: float
    y: float
    w: float
    h: float
    fill: str = ""
    stroke: str = ""
    label: str = ""  # a tile's name, drawn in its middle


@dataclass(frozen=True)
class PagePreview:
    """The page's size in points and the shapes on it, back to front."""

    width: float
    height: float
    shapes: tuple[Shape, ...]


def map_preview(journey: JourneyMap, layout: MapLayout, plan: TilePlan,
                page: tuple[float, float], area: tuple[float, float, float, float]
                ) -> PagePreview:
    """The whole map fitted to `area` (x, y from the top, w, h in points) of `page`,
    with the tiles of `plan` outlined when there are several."""
    ax, ay, aw, ah = area
    scale = plan_tiles(journey, layout, aw, ah, "page", 1).scale
    x0 = ax + max(0.0, (aw - layout.width * scale) / 2)

    def box(x: float, y: float, w: float, h: float, fill: str = "", stroke: str = "",
            label: str = "") -> Shape:
        return Shape(x0 + x * scale, ay + y * scale, w * scale, h * scale, fill, stroke, label)

    shapes = [box(0, 0, layout.width, layout.height, "#FFFFFF", style.GRID_LINE),
              box(0, 0, style.LANE_HEADER_WIDTH, style.STAGE_HEADER_HEIGHT, style.TEXT)]
    for stage in journey.stages:
        r = layout.stage_rects[stage.id]
        shapes.append(box(r.x, 0, r.w, style.STAGE_HEADER_HEIGHT, _mix(stage.color, 0.85)))
        shapes.append(box(r.x, 0, r.w, style.STAGE_BAND_HEIGHT, stage.color))
    for i, lane in enumerate(journey.lanes):
        r = layout.lane_rects[lane.id]
        shapes.append(box(0, r.y, layout.width, r.h,
                          style.PRINT_BAND_TINT if i % 2 else "#FFFFFF"))
        shapes.append(box(0, r.y, 5, r.h, style.card_style(lane.kind).border))
    kinds = {lane.id: lane.kind for lane in journey.lanes}
    for card_box in layout.cards.values():
        kind = kinds.get(card_box.card.lane_id)
        if kind is None:
            continue
        card_style = style.card_style(kind)
        r = card_box.rect
        # At thumbnail size a card reads by its colour: its border's, lightened.
        shapes.append(box(r.x, r.y, r.w, r.h, _mix(card_style.border, 0.45)))
    for point in layout.markers.values():
        d = style.MARKER_RADIUS
        shapes.append(box(point.x - d, point.y - d, 2 * d, 2 * d,
                          style.emotion_color(point.score)))
    if len(plan.tiles) > 1:
        for tile in plan.tiles:
            x1, y1 = min(tile.x1, layout.width), min(tile.y1, layout.height)
            shapes.append(box(tile.x0, tile.y0, x1 - tile.x0, y1 - tile.y0, "",
                              style.ACCENT, tile.label))
    return PagePreview(page[0], page[1], tuple(shapes))
