"""Keyboard-first capture: type in a cell to make a card, Enter for the next, Tab onwards.

With the keyboard's place on a cell (no card selected), typing a letter starts a new
card there with that letter. In the editor of a card made this way Enter stores it and
starts the next card in the same cell, Tab (Shift+Tab) stores it and moves to the next
(previous) cell; an empty new card left with Enter or Esc is taken back, leaving no
blank sticky and no undo step. On the map Tab walks the cells (Ctrl+Tab leaves it).
Whatever is brought into view is scrolled clear of the pinned stage and lane headers,
which would otherwise cover it in a narrow view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QKeyEvent

from app.canvas import navigation
from app.domain import style
from app.domain.model import Card, JourneyMap, LaneKind

if TYPE_CHECKING:
    from app.canvas.editor import InlineEditor
    from app.canvas.view import MapView

MARGIN = 24.0  # viewport pixels kept around what is revealed
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier,
          Qt.KeyboardModifier.KeypadModifier)


def next_cell(journey: JourneyMap, stage_id: str, lane_id: str, delta: int
              ) -> tuple[str, str] | None:
    """The cell after (1) or before (−1) one, along the stages then down the lanes,
    skipping emotions lanes; None past either end."""
    cells = [(s.id, ln.id) for ln in journey.lanes if ln.kind != LaneKind.EMOTIONS
             for s in journey.stages]
    if (stage_id, lane_id) not in cells:
        return cells[0] if cells else None
    index = cells.index((stage_id, lane_id)) + delta
    return cells[index] if 0 <= index < len(cells) else None


def typed_text(event: QKeyEvent) -> str:
    """The printable text a key press types, or "" (shortcuts and control keys)."""
    text = event.text()
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
        return ""
    return text if text and text.isprintable() and not text.isspace() else ""


def reveal(view: MapView, rect: QRectF, margin: float = MARGIN) -> None:
    """Scroll so a scene rectangle shows clear of the pinned headers (its top-left first
    when it is larger than the free area)."""
    zoom = view.zoom_factor()
    vp = view.viewport().rect()
    left = style.LANE_HEADER_WIDTH * zoom + margin
    top = style.STAGE_HEADER_HEIGHT * zoom + margin
    shown = view.mapFromScene(rect).boundingRect()
    h, v = view.horizontalScrollBar(), view.verticalScrollBar()
    right, bottom = vp.width() - margin, vp.height() - margin
    dx = dy = 0
    if shown.left() < left or shown.width() > right - left:
        dx = round(shown.left() - left)
    elif shown.right() > right:
        dx = round(shown.right() - right)
    if shown.top() < top or shown.height() > bottom - top:
        dy = round(shown.top() - top)
    elif shown.bottom() > bottom:
        dy = round(shown.bottom() - bottom)
    if dx:
        h.setValue(h.value() + dx)
    if dy:
        v.setValue(v.value() + dy)


def reveal_entity(view: MapView, entity_id: str) -> None:
    """Bring a card, marker, stage or lane into view (a stage: its header and top)."""
    scene = view.map_scene
    if scene is None:
        return
    layout = scene.layout
    if entity_id in layout.stage_rects:
        r = layout.stage_rects[entity_id]
        # The columns's left edge, and its pinned header reaching down the top.
        reveal(view, QRectF(r.x, 0, min(r.w, 400.0), style.STAGE_HEADER_HEIGHT + 40), 8)
        return
    if entity_id in layout.lane_rects:
        r = layout.lane_rects[entity_id]
        reveal(view, QRectF(style.LANE_HEADER_WIDTH, r.y, 40, min(r.h, 300.0)), 8)
        return
    item = scene.item_for(entity_id)
    if item is not None:
        reveal(view, item.sceneBoundingRect())


def start(view: MapView, cell: tuple[str, str], text: str = "", index: int | None = None
          ) -> InlineEditor | None:
    """A new card in `cell` (at `index`), its editor open in capture mode with `text`."""
    from app.document import operations as ops

    journey = view.map_scene.journey if view.map_scene is not None else None
    if journey is None or view.doc.read_only:
        return None
    lane = journey.lane(cell[1])
    if lane is None or lane.kind == LaneKind.EMOTIONS:
        return None
    card = view._run(lambda: ops.add_card(view.doc, journey, cell[0], cell[1], index))
    if card is None:
        return None
    mark = view.doc.undo_stack.index()
    view.select_entities([card])
    editor = view.edit_entity(card)
    if editor is None:
        return None
    editor.capture = mark
    if text:
        editor.setPlainText(text)
        editor.move_cursor_to_end()
    return editor


def key(view: MapView, event: QKeyEvent) -> bool:
    """A key on the view that starts capturing (typing in a cell); True when taken."""
    spot = view.spot
    text = typed_text(event)
    if not text or (spot is not None and spot.item_id is not None) \
            or view.selected_entities():
        return False
    # No place yet (a map just opened): the first stage's first card lane.
    cell = (spot.stage_id, spot.lane_id) if spot is not None else view.current_cell()
    return cell is not None and start(view, cell, text) is not None


def tab(view: MapView, delta: int) -> bool:
    """Tab (1) or Shift+Tab (−1) on the view: the keyboard's place goes to the next cell."""
    scene = view.map_scene
    journey = scene.journey if scene is not None else None
    cell = view.current_cell()
    if scene is None or journey is None or cell is None:
        return False
    target = next_cell(journey, *cell, delta)
    if target is None:
        return True  # at the end: stay (keeping the key from leaving the map)
    scene.clearSelection()
    view.spot = navigation.Spot(*target)
    view._show_spot()
    reveal(view, scene.cell_rect(*target))
    return True


def finished(view: MapView, editor: InlineEditor, committed: bool) -> None:
    """After a capture editor closed: take an empty card back, start the next, or move."""
    mark, after = editor.capture, editor.next_step
    card: Any = editor.entity
    doc = view.doc
    journey = view.map_scene.journey if view.map_scene is not None else None
    if journey is None or not isinstance(card, Card) or (mark is None and not after):
        return
    empty = not (card.title or "").strip() and not (card.body or "").strip()
    # Enter or Esc on a new card left empty takes it back (a click away keeps it).
    if (mark is not None and empty and after in ("next", "cancel")
            and doc.undo_stack.index() == mark and doc.undo_stack.canUndo()):
        doc.attempt(doc.undo)  # nothing typed: no blank card, no undo step
        view.spot = navigation.Spot(card.stage_id, card.lane_id)
        view._show_spot()
        return
    if after == "next" and not empty:
        cell = journey.cell_cards(card.stage_id, card.lane_id)
        index = next((i + 1 for i, c in enumerate(cell) if c.id == card.id), None)
        start(view, (card.stage_id, card.lane_id), index=index)
    elif after in ("tab", "backtab"):
        view.spot = navigation.Spot(card.stage_id, card.lane_id)
        tab(view, 1 if after == "tab" else -1)
