"""Assembles the PDF: picks maps, lays them out, plans every page, draws, saves atomically."""

from __future__ import annotations

import dataclasses
import io
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, BinaryIO, TypeVar, cast

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from app.domain import style
from app.domain.insights import compute_insights
from app.domain.layout import MapLayout, TextWrapper, compute_layout
from app.domain.model import Card, Connector, EmotionMarker, JourneyMap, Lane, Project, Stage
from app.domain.wheel import build_wheel
from app.export.atomic import write_bytes_atomically
from app.export.i18n import CatalogueError, texts_for
from app.export.pdf import back, front, furniture, notes, reflow
from app.export.pdf.compare_page import ComparePages, title_for
from app.export.pdf.connectors import kinds_of
from app.export.pdf.fonts import PLACEHOLDER, REGULAR, TextCleaner, text_width
from app.export.pdf.map_page import MapPainter, cut_texts
from app.export.pdf.options import (
    FIT_CONTENT,
    ExportCancelled,
    ExportWarning,
    PdfExportError,
    PdfOptions,
    PlanSummary,
    fit_kind,
    page_size,
)
from app.export.pdf.page import (
    FOOTER_H,
    HEADER_H,
    Area,
    Frame,
    Writer,
    content_area,
    furniture_scale,
    margin_for,
)
from app.export.pdf.preview import PagePreview, map_preview
from app.export.pdf.references import Side, resolve_pair
from app.export.pdf.tiling import PX_TO_PT, Tile, TilePlan, plan_tiles
from app.export.pdf.wheel_page import draw_wheel_page

MAX_PAGE_PT = 14400.0  # the largest page PDF viewers accept (200 inches)

# Draws a page: (canvas, tick), the tick called between items (progress, cancel). Loose
# arguments: the painters are lambdas that bind loop values as defaults.
Painter = Callable[..., None]
_Item = TypeVar("_Item", Stage, Lane, Card, EmotionMarker, Connector)


@dataclass
class Job:
    """One page to draw: its size, header title, a painter, and its weight in progress."""

    size: tuple[float, float]
    title: str
    paint: Painter
    weight: int = 1
    right: str = ""
    outline: list[tuple[str, int]] = field(default_factory=list)  # (title, level)
    frame: bool = True
    k: float | None = None  # the furniture scale; None: the page's (fit-content: 1)


def _clean_map(journey: JourneyMap, clean: Callable[[str], str]) -> JourneyMap:
    """A copy whose texts hold only characters the font prints (unchanged items shared)."""

    def fix(item: _Item, *names: str) -> _Item:
        changes = {n: clean(getattr(item, n)) for n in names}
        changed: dict[str, Any] = {n: v for n, v in changes.items() if v != getattr(item, n)}
        return dataclasses.replace(item, **changed) if changed else item

    return dataclasses.replace(
        journey, name=clean(journey.name),
        stages=[fix(s, "title", "description") for s in journey.stages],
        lanes=[fix(lane, "title") for lane in journey.lanes],
        cards=[fix(c, "title", "body") for c in journey.cards],
        markers=[fix(m, "label") for m in journey.markers],
        connectors=[fix(c, "label") for c in journey.connectors])


def _select_maps(project: Project, options: PdfOptions) -> list[JourneyMap]:
    if not project.maps:
        raise PdfExportError("the project has no maps to export")
    if options.all_maps:
        return list(project.maps)
    if not options.map_names:
        return [project.maps[0]]
    chosen = []
    for name in options.map_names:
        journey = project.map_named(name)
        if journey is None:
            available = ", ".join(repr(m.name) for m in project.maps)
            raise PdfExportError(f"no map named {name!r}; the project has: {available}")
        if journey not in chosen:
            chosen.append(journey)
    return chosen


class _Doc:
    """Everything one export shares while pages are planned and drawn."""

    def __init__(self, project: Project, options: PdfOptions, maps: list[JourneyMap],
                 sides: tuple[Side, Side] | None = None) -> None:
        self.project, self.options, self.maps, self.sides = project, options, maps, sides
        self.cleaner = TextCleaner()
        try:
            self.tx = texts_for(options.language or project.language)
        except CatalogueError as exc:
            raise PdfExportError(str(exc)) from exc
        self.wrapper = TextWrapper(text_width)
        self.warnings: list[str] = []
        self.jobs: list[Job] = []
        self.smallest: list[float] = []  # per map: the smallest text it prints (pt)
        self.tiles: list[int] = []  # per map: how many tiles it prints on
        self.preview: PagePreview | None = None  # the first map page, as shapes
        self.fit, self.n_wide = fit_kind(options.fit)
        paper = options.page if options.page != FIT_CONTENT else "A3"
        self.paper = page_size(paper, options.orientation)
        self.k = furniture_scale(*self.paper)
        self.strip = (options.legend_strip == "on" or options.legend_strip == "auto"
                      and furniture.legend_strip_default(options.page, self.fit))

    def writer(self, c: Canvas) -> Writer:
        return Writer(c, self.wrapper, self.cleaner.clean, self.tx)

    # -- planning -----------------------------------------------------------------------
    def plan(self, maps: list[JourneyMap]) -> None:
        cleaned = [_clean_map(m, self.cleaner.clean) for m in maps]
        if self.options.wheel == "only":  # a one-page summary per map, nothing else
            for journey in cleaned:
                self._wheel(journey, 0 if len(cleaned) == 1 else 1, len(cleaned) > 1)
            return
        layouts = [compute_layout(m, self.wrapper) for m in cleaned]
        found = {m.id: compute_insights(m, self.project) for m in cleaned}
        opts, tx = self.options, self.tx
        if opts.cover:
            self.jobs.append(Job(self.paper, "", lambda c, _t: front.draw_cover(
                c, self.writer(c), *self.paper, self.project, cleaned, found),
                outline=[(tx("Cover"), 0)], frame=False))
        single = len(cleaned) == 1
        kinds = kinds_of(cleaned)
        votes = any(found[j.id].votes is not None for j in cleaned)  # dots on cards
        for journey, layout in zip(cleaned, layouts, strict=True):
            level = 0 if single else 1
            first = len(self.jobs)
            persona = self.project.persona(journey.persona_id)
            if opts.persona and persona is not None:
                self._page(journey.name + " · " + tx("Persona"), [(tx("Persona"), level)],
                           lambda c, _t, p=persona, j=journey: front.draw_persona(
                               c, self.writer(c), self._area(), self.project, p, j))
            journey, layout = self._map_pages(journey, layout, level)
            if opts.wheel == "on":
                self._wheel(journey, level)
            if opts.legend and single:
                self._page(tx("Legend"), [(tx("Legend"), level)],
                           lambda c, _t: back.draw_legend(c, self.writer(c), self._area(),
                                                          self.project, kinds, votes))
            if opts.insights:
                self._page(journey.name + " · " + tx("Insights"), [(tx("Insights"), level)],
                           lambda c, _t, j=journey, f=found[journey.id]: back.draw_insights(
                               c, self.writer(c), self._area(), self.project, j, f))
            notes_at = len(self.jobs)
            self._notes(journey, layout, level)
            if not single:
                self.jobs[first].outline.insert(0, (self.cleaner.clean(journey.name), 0))
        # The compare page follows the maps: before a single map's card notes (an
        # appendix), or before the shared legend when there are several maps.
        self._compare(notes_at if single else len(self.jobs))
        if opts.legend and not single:
            self._page(tx("Legend"), [(tx("Legend"), 0)], lambda c, _t: back.draw_legend(
                c, self.writer(c), self._area(), self.project, kinds, votes))

    def _wheel(self, journey: JourneyMap, level: int, named: bool = False) -> None:
        """The map's experience wheel page, under the same title block as its map."""
        title = self.tx("Experience wheel")
        outline = [(self.cleaner.clean(journey.name), 0)] if named else []
        persona = self.project.persona(journey.persona_id)
        date = self.tx.date(self.project.modified) if self.project.modified else ""
        wheel = build_wheel(journey, self.project)

        def paint(c: Canvas, _tick: Callable[[], None]) -> None:
            w, area = self.writer(c), self._area()
            furniture.draw_title_block(c, w, area, self.k, journey, persona, date,
                                       furniture.project_accent(self.project),
                                       furniture.project_logo(self.project))
            draw_wheel_page(c, w, furniture.map_area(area, self.k, False), self.project,
                            wheel)

        self._page(journey.name + " · " + title, [*outline, (title, level)], paint)

    def _compare(self, at: int) -> None:
        if self.sides is None:
            return
        clean = self.cleaner.clean
        left, right = (dataclasses.replace(s, name=clean(s.name),
                                           journey=_clean_map(s.journey, clean))
                       for s in self.sides)
        probe = Writer(cast(Canvas, None), self.wrapper, clean, self.tx)  # measures only
        pages = ComparePages(probe, left, right, self._area())
        title = self.tx("Compare") + " · " + title_for(self.tx, left, right)
        self.jobs[at:at] = [
            Job(self.paper, title, lambda c, _t, p=paint: p(c, self.writer(c)),
                outline=[(self.tx("Compare"), 0)] if n == 0 else [])
            for n, paint in enumerate(pages.painters())]

    def _area(self) -> Area:
        return content_area(*self.paper)

    def _map_area(self) -> Area:
        """The content area less the title block (and the legend strip)."""
        return furniture.map_area(self._area(), self.k, self.strip)

    def _furnished(self, journey: JourneyMap, paint: Painter, area: Area, k: float
                   ) -> Painter:
        """`paint` (a map page) with the title block above and the legend strip below."""
        persona = self.project.persona(journey.persona_id)
        date = self.tx.date(self.project.modified) if self.project.modified else ""

        def furnished(c: Canvas, tick: Callable[[], None]) -> None:
            paint(c, tick)
            w = self.writer(c)
            furniture.draw_title_block(c, w, area, k, journey, persona, date,
                                       furniture.project_accent(self.project),
                                       furniture.project_logo(self.project))
            if self.strip:
                furniture.draw_legend_strip(c, w, area, k, journey)
        return furnished

    def _page(self, title: str, outline: Iterable[tuple[str, int]], paint: Painter,
              weight: int = 1) -> None:
        self.jobs.append(Job(self.paper, title, paint, weight, outline=list(outline)))

    def _painter(self, journey: JourneyMap, layout: MapLayout) -> MapPainter:
        persona = self.project.persona(journey.persona_id)
        painter = MapPainter(self.project, journey, layout, self.wrapper, self.cleaner.clean,
                             self.tx, self.cleaner.clean(persona.name) if persona else "")
        painter.dimmed = self.options.dimmed
        return painter

    def _fitted(self, journey: JourneyMap, layout: MapLayout) -> reflow.Fitted:
        """The map as it goes on paper: widened for print when fitting (see reflow)."""
        area = self._map_area()
        if self.fit == "auto":
            return reflow.fit_legible(journey, layout, self.wrapper, area.w, area.h)
        if self.fit == "page":
            return reflow.fit_page(journey, layout, self.wrapper, area.w, area.h)
        if self.fit == "width":
            return reflow.fit_width(journey, layout, self.wrapper, area.w, area.h, self.n_wide)
        plan = plan_tiles(journey, layout, area.w, area.h, self.fit, self.n_wide)
        return reflow.Fitted(journey, layout, 1.0, plan)

    def _map_pages(self, journey: JourneyMap, layout: MapLayout, level: int
                   ) -> tuple[JourneyMap, MapLayout]:
        """Plan the map's page(s); return the map and layout as printed."""
        if self.options.page == FIT_CONTENT:
            painter = self._painter(journey, layout)
            scale = PX_TO_PT
            below = furniture.LEGEND_STRIP_H if self.strip else 0.0
            head = HEADER_H + FOOTER_H + furniture.TITLE_BLOCK_H + below
            need_w, need_h = layout.width * scale, layout.height * scale
            # A margin that grows with the page would be circular: fix it from A3.
            m = margin_for(*self.paper)
            fit = min(1.0, (MAX_PAGE_PT - 2 * m) / need_w, (MAX_PAGE_PT - 2 * m - head) / need_h)
            if fit < 1.0:
                scale *= fit
                self.warnings.append(ExportWarning(
                    f"map {journey.name!r} is larger than the largest PDF page (200 in); "
                    f"it was scaled to {fit:.0%}", "scaled_down", map=journey.name,
                    percent=fit * 100))
            size = (layout.width * scale + 2 * m, layout.height * scale + 2 * m + head)
            tile = Tile(0, 0, "A1", style.LANE_HEADER_WIDTH, layout.width + 1,
                        style.STAGE_HEADER_HEIGHT, layout.height + 1, layout.width,
                        layout.height)
            plan = TilePlan(scale, 1, 1, (tile,))
            area = (m, size[1] - m - HEADER_H - furniture.TITLE_BLOCK_H)
            if self.preview is None:
                self.preview = map_preview(journey, layout, plan, size, (
                    m, m + HEADER_H + furniture.TITLE_BLOCK_H, size[0] - 2 * m,
                    size[1] - 2 * m - head))
            self._check_scale(journey, scale)
            self.tiles.append(1)
            paint = self._furnished(journey, self._tile_painter(
                painter, tile, plan, area[0], area[1]),
                Area(m, m + FOOTER_H, size[0] - 2 * m, size[1] - 2 * m - HEADER_H - FOOTER_H), 1.0)
            self.jobs.append(Job(size, journey.name, paint, 1 + len(layout.cards) // 250,
                                 outline=[(self.tx("Map"), level)], k=1.0))
            return journey, layout
        area = self._map_area()
        fitted = self._fitted(journey, layout)
        journey, layout, plan = fitted.journey, fitted.layout, fitted.plan
        painter = self._painter(journey, layout)
        painter.links.share(plan.tiles)
        self._check_scale(journey, plan.scale)
        self.tiles.append(len(plan.tiles))
        if self.preview is None:
            self.preview = map_preview(journey, layout, plan, self.paper, (
                area.x, self.paper[1] - area.top, area.w, area.h))
        overview = self.fit == "auto" and len(plan.tiles) > 1
        if overview:
            self._overview(painter, journey, layout, plan, level)
        for n, tile in enumerate(plan.tiles):
            count = sum(1 for b in layout.cards.values()
                        if tile.owns(b.rect.x + b.rect.w / 2, b.rect.y + b.rect.h / 2))
            tx = self.tx
            right = "" if len(plan.tiles) == 1 else tx(
                "Tile {tile}  ({columns} × {rows})", tile=tile.label, columns=plan.cols,
                rows=plan.rows)
            outline = [(tx("Map"), level)] if n == 0 and not overview else []
            if len(plan.tiles) > 1:
                outline.append((tx("Tile {tile}", tile=tile.label), level + 1))
            x = area.x
            if len(plan.tiles) == 1:  # a single page: centre the map on it
                x += max(0.0, (area.w - (tile.view_x1 - tile.x0 + style.LANE_HEADER_WIDTH)
                               * plan.scale) / 2)
            paint = self._furnished(journey, self._tile_painter(painter, tile, plan, x,
                                                                area.top), self._area(), self.k)
            self.jobs.append(Job(self.paper, journey.name, paint, 1 + count // 250, right,
                                 outline))
        return journey, layout

    def _overview(self, painter: MapPainter, journey: JourneyMap, layout: MapLayout,
                  plan: TilePlan, level: int) -> None:
        """A poster's first page: the whole map, shapes only, with its tiles marked."""
        area = self._map_area()
        whole = plan_tiles(journey, layout, area.w, area.h, "page", 1)
        scale, tile = whole.scale, whole.tiles[0]
        x = area.x + max(0.0, (area.w - layout.width * scale) / 2)
        tx = self.tx
        right = tx("Overview · {count} tiles follow", count=len(plan.tiles))

        def paint(c: Canvas, _tick: Callable[[], None]) -> None:
            painter.draw_overview(c, tile, scale, plan.tiles, x, area.top)

        self.jobs.append(Job(self.paper, journey.name,
                             self._furnished(journey, paint, self._area(), self.k), 1, right,
                             [(tx("Map"), level), (tx("Overview"), level + 1)]))

    @staticmethod
    def _tile_painter(painter: MapPainter, tile: Tile, plan: TilePlan, x: float, top: float
                      ) -> Painter:
        def paint(c: Canvas, tick: Callable[[], None]) -> None:
            painter.draw_tile(c, tile, x, top, plan.scale, tick)
        return paint

    def _check_scale(self, journey: JourneyMap, scale: float) -> None:
        smallest = reflow.SMALLEST_PX * scale
        self.smallest.append(smallest)
        if smallest < style.MIN_PRINT_POINTS:
            self.warnings.append(ExportWarning(
                f"map {journey.name!r}: at this scale the smallest text prints at "
                f"{smallest:.1f} pt, below the legible {style.MIN_PRINT_POINTS:g} pt; "
                f"use --fit auto (the default), --fit width:N or a larger page", "small_text",
                map=journey.name, size=smallest, legible=style.MIN_PRINT_POINTS))

    def _notes(self, journey: JourneyMap, layout: MapLayout, level: int) -> None:
        if not any(b.truncated for b in layout.cards.values()) \
                and not cut_texts(self.wrapper, journey, layout):
            return
        area = self._area()
        probe = Writer(cast(Canvas, None), self.wrapper, self.cleaner.clean, self.tx)  # measures
        lines = notes.note_lines(probe, journey, layout, notes.column_width(area))
        pages = notes.paginate(lines, area.h)
        for n, page in enumerate(pages):
            title = self.tx("Card notes")
            self._page(journey.name + " · " + title, [(title, level)] if n == 0 else [],
                       lambda c, _t, p=page: notes.draw_notes(c, self._area(), p))

    # -- drawing ------------------------------------------------------------------------
    def draw(self, path: str | BinaryIO) -> None:
        project, opts = self.project, self.options
        clean = self.cleaner.clean
        # Binary streams: ASCII85 only makes the file bigger and costs ~15 % of the time.
        rl_config.useA85 = 0
        # initialFontName: otherwise every page names an unembedded Helvetica.
        c = Canvas(path, pagesize=self.jobs[0].size, invariant=1 if opts.reproducible else 0,
                   initialFontName=REGULAR,  # type: ignore[arg-type]  # stub: a float
                   pageCompression=1,
                   # The document's language (/Lang), for screen readers and search.
                   lang="vi-VN" if self.tx.vietnamese else "en-GB")
        names = [clean(j.title) for j in self.jobs]
        tx = self.tx
        c.setTitle(clean(project.title) or tx("Customer journey map"))
        c.setAuthor(clean(project.author))
        c.setSubject(tx("Customer journey map: {maps}",
                        maps=", ".join(clean(m.name) for m in self.maps)))
        c.setCreator("Journey Studio")  # the product's name, the same in every language
        c.setKeywords(", ".join(p for p in (tx("customer journey map"), clean(project.client))
                                if p))
        frame = Frame(clean(project.title), clean(project.client), clean(project.author), tx,
                      len(self.jobs), furniture.rule_colour(project))
        total = sum(j.weight for j in self.jobs)
        done = 0

        def report() -> None:
            if opts.progress is not None and opts.progress(done, total) is False:
                raise ExportCancelled("export cancelled")

        def tick() -> None:
            nonlocal done
            done += 1
            report()

        report()
        for n, job in enumerate(self.jobs, 1):
            c.setPageSize(job.size)
            # One destination per entry: ReportLab merges outline entries sharing a key.
            for i, (title, level) in enumerate(job.outline):
                key = f"p{n}e{i}"
                c.bookmarkPage(key)
                c.addOutlineEntry(title, key, level=level, closed=level > 0)
            before = done
            job.paint(c, tick)
            if job.frame:
                frame.draw(c, *job.size, n, names[n - 1], job.right, job.k)
            else:
                frame.draw_number(c, *job.size, n, job.k)
            c.showPage()
            done = before + job.weight
            report()
        if len(self.maps) > 1:
            c.showOutline()
        c.save()


def summarize(project: Project, options: PdfOptions) -> PlanSummary:
    """The plan's page count, tiles and smallest map text (see plan_summary)."""
    options = dataclasses.replace(options, progress=None)
    options.validate()
    maps = _select_maps(project, options)
    sides = resolve_pair(project, options.compare) if options.compare else None
    doc = _Doc(project, options, maps, sides)
    doc.plan(maps)
    smallest = min(doc.smallest, default=0.0)
    return PlanSummary(len(doc.jobs), sum(doc.tiles), smallest,
                       smallest * style.CARD_BODY_SIZE / reflow.SMALLEST_PX, doc.preview)


def export_document(project: Project, out_path: str, options: PdfOptions) -> list[str]:
    """Plan, draw and atomically save the PDF; return the warnings."""
    options.validate()
    maps = _select_maps(project, options)
    sides = resolve_pair(project, options.compare) if options.compare else None
    doc = _Doc(project, options, maps, sides)
    doc.plan(maps)
    directory = os.path.dirname(os.path.abspath(out_path))
    if not os.path.isdir(directory):
        raise PdfExportError(f"cannot write {out_path}: folder {directory} does not exist")
    # Drawn in memory (ReportLab builds the whole file in memory anyway), then written by
    # app.export.atomic: a failed or cancelled export leaves no partial PDF and no
    # temporary file, and never damages an existing one.
    buffer = io.BytesIO()
    doc.draw(buffer)
    try:
        write_bytes_atomically(out_path, buffer.getvalue())
    except OSError as exc:
        raise PdfExportError(f"cannot write {out_path}: {exc.strerror or exc}") from exc
    if doc.cleaner.replaced:
        doc.warnings.append(ExportWarning(
            f"{doc.cleaner.replaced} character(s) the bundled DejaVu Sans font cannot print "
            f"(emoji and other symbols) were replaced by {PLACEHOLDER}", "replaced",
            count=doc.cleaner.replaced, placeholder=PLACEHOLDER))
    return doc.warnings
