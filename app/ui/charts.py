"""Small QPainter charts for the insights panel and the compare window.

PySide6-Essentials has no QtCharts, and these charts are simple: horizontal rows that
stay readable in a 320 px dock. Each chart takes plain rows (`set_rows`), sizes itself to
them and shows the full text of a clipped label as a tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.canvas import icons as canvas_icons
from app.canvas import text
from app.canvas.items import paint
from app.domain import style
from app.domain.model import ConnectorKind

LABEL_SIZE = 11
VALUE_SIZE = 11
MUTED = style.MUTED_TEXT
INK = style.TEXT
AXIS = "#C9CED6"
TRACK = "#EEF1F5"
DROP = "#C0392B"


def _signed(value: float) -> str:
    # A true minus sign: it lines up with the plus and reads better than a hyphen.
    return f"{value:+.1f}".replace("-", "−")


class Chart(QWidget):
    """Base: rows of equal height, a label column on the left, tooltips per row."""

    row_height = 24.0
    label_share = 0.36  # part of the width given to the row labels
    padding = 4.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def set_rows(self, rows: list) -> None:
        """Show these rows (the chart's own row type)."""
        self.rows = list(rows)
        self.updateGeometry()
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def extra_height(self) -> float:
        """Room above/below the rows (axis captions)."""
        return 0.0

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As tall as the rows; any width."""
        h = self.padding * 2 + len(self.rows) * self.row_height + self.extra_height()
        return QSize(300, round(max(h, self.row_height)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Narrow docks are fine: labels elide."""
        return QSize(200, self.sizeHint().height())

    def label_width(self) -> float:
        """The width of the label column."""
        return max(70.0, self.width() * self.label_share)

    def row_rect(self, index: int) -> QRectF:
        """The rectangle of row `index`."""
        top = self.padding + self.top_margin() + index * self.row_height
        return QRectF(0, top, self.width(), self.row_height)

    def top_margin(self) -> float:
        """Room above the first row."""
        return 0.0

    def tooltip_at(self, index: int) -> str:
        """The tooltip of a row (override)."""
        return ""

    def row_at(self, y: float) -> int:
        """The row under y, or -1."""
        for i in range(len(self.rows)):
            if self.row_rect(i).top() <= y < self.row_rect(i).bottom():
                return i
        return -1

    def event(self, event: QEvent) -> bool:
        """Tooltips name the full label and value of the row under the pointer."""
        if event.type() == QEvent.Type.ToolTip:
            index = self.row_at(event.pos().y())
            tip = self.tooltip_at(index) if index >= 0 else ""
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def draw_label(self, painter: QPainter, rect: QRectF, label: str, bold: bool = False,
                   color: str = INK) -> None:
        """A row label, elided to the label column."""
        painter.setFont(text.font(LABEL_SIZE, bold))
        painter.setPen(QColor(color))
        box = QRectF(rect.left() + 2, rect.top(), self.label_width() - 8, rect.height())
        shown = text.metrics(LABEL_SIZE, bold).elidedText(label, Qt.TextElideMode.ElideRight,
                                                          box.width())
        painter.drawText(box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, shown)

    def begin(self) -> QPainter:
        """A painter with antialiasing on."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        return painter


@dataclass(frozen=True)
class EmotionRow:
    """A stage and its average emotion (None: no marker)."""

    label: str
    value: float | None


class EmotionBars(Chart):
    """Average emotion per stage as diverging bars around a neutral line, with faces."""

    def __init__(self, parent: QWidget | None = None, low: int = -2, high: int = 2) -> None:
        super().__init__(parent)
        self.low, self.high = low, high
        self.empty_text = ""

    def tooltip_at(self, index: int) -> str:
        row = self.rows[index]
        return f"{row.label}: {_signed(row.value) if row.value is not None else '—'}"

    def _plot(self) -> tuple[float, float, float]:
        left = self.label_width() + 16  # room for the face
        right = self.width() - 40  # room for the value
        zero = left + (0 - self.low) / (self.high - self.low) * (right - left)
        return left, right, zero

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = self.begin()
        left, right, zero = self._plot()
        top = self.padding
        bottom = self.padding + len(self.rows) * self.row_height
        for i in range(len(self.rows)):
            if i % 2 == 0:
                painter.fillRect(self.row_rect(i), QColor(style.BAND_TINT))
        pen = QPen(QColor(AXIS), 1, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(zero, top), QPointF(zero, bottom))
        unit = (right - left) / (self.high - self.low)
        for i, row in enumerate(self.rows):
            rect = self.row_rect(i)
            self.draw_label(painter, rect, row.label)
            cy = rect.center().y()
            if row.value is None:
                painter.setPen(QColor(MUTED))
                painter.setFont(text.font(VALUE_SIZE))
                painter.drawText(QRectF(right, rect.top(), 38, rect.height()),
                                 Qt.AlignmentFlag.AlignCenter, "—")
                continue
            score = round(row.value)
            x = zero + row.value * unit
            bar = QRectF(min(zero, x), cy - 6, max(2.0, abs(x - zero)), 12)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(style.emotion_color(score)))
            painter.drawRoundedRect(bar, 3, 3)
            paint.face(painter, QPointF(left - 9, cy), 8, score)
            painter.setFont(text.font(VALUE_SIZE, True))
            painter.setPen(QColor(INK))
            painter.drawText(QRectF(right + 2, rect.top(), 38, rect.height()),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             _signed(row.value))
        painter.end()


@dataclass(frozen=True)
class HeatCell:
    """One stage of the pain heat strip."""

    label: str
    count: int
    weight: float  # severity total, the colour's strength
    tooltip: str = ""


class HeatStrip(Chart):
    """Pains per stage as one strip of cells, darker where the pain is heavier."""

    row_height = 40.0

    def set_rows(self, rows: list) -> None:
        """Cells left to right; the strip is one row tall plus its labels."""
        self.rows = list(rows)
        self.setFixedHeight(round(self.row_height + 22 + 2 * self.padding))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """One strip with labels under it."""
        return QSize(300, round(self.row_height + 22 + 2 * self.padding))

    def _cell(self, index: int) -> QRectF:
        n = max(1, len(self.rows))
        w = (self.width() - 2) / n
        return QRectF(1 + index * w, self.padding, w, self.row_height)

    def row_at(self, y: float) -> int:
        """Cells are side by side: the tooltip looks at x (see event)."""
        return -1

    def event(self, event: QEvent) -> bool:
        """Tooltips per cell."""
        if event.type() == QEvent.Type.ToolTip:
            for i, cell in enumerate(self.rows):
                if self._cell(i).left() <= event.pos().x() < self._cell(i).right():
                    QToolTip.showText(event.globalPos(), cell.tooltip or cell.label, self)
                    return True
            QToolTip.hideText()
            return True
        return super().event(event)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = self.begin()
        heaviest = max((c.weight for c in self.rows), default=0) or 1
        base, hot = QColor("#FFFFFF"), QColor(DROP)
        for i, cell in enumerate(self.rows):
            rect = self._cell(i).adjusted(1, 0, -1, 0)
            k = 0.12 + 0.88 * cell.weight / heaviest if cell.count else 0.0
            fill = QColor(round(base.red() + (hot.red() - base.red()) * k),
                          round(base.green() + (hot.green() - base.green()) * k),
                          round(base.blue() + (hot.blue() - base.blue()) * k))
            painter.setPen(QPen(QColor(AXIS), 1))
            painter.setBrush(fill if cell.count else QColor(TRACK))
            painter.drawRoundedRect(rect, 4, 4)
            painter.setFont(text.font(13, True))
            painter.setPen(QColor("#FFFFFF") if k > 0.55 else QColor(INK if cell.count
                                                                       else MUTED))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(cell.count))
            label = QRectF(rect.left(), rect.bottom() + 2, rect.width(), 18)
            painter.setFont(text.font(10))
            painter.setPen(QColor(MUTED))
            shown = text.metrics(10).elidedText(cell.label, Qt.TextElideMode.ElideRight,
                                                label.width() - 2)
            painter.drawText(label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                             shown)
        painter.end()


@dataclass(frozen=True)
class RankRow:
    """One ranked item: a bar of `value`, its text, colour, optional icon and star count."""

    label: str
    value: float
    value_text: str
    color: str = "#2F6FB3"
    icon: str | None = None
    stars: int = 0
    tooltip: str = ""


class RankedBars(Chart):
    """Items ranked by value: icon, name, a bar and the number (stars for favourites)."""

    def tooltip_at(self, index: int) -> str:
        row = self.rows[index]
        return row.tooltip or f"{row.label}: {row.value_text}"

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = self.begin()
        top = max((r.value for r in self.rows), default=0) or 1
        has_icons = any(r.icon for r in self.rows)
        for i, row in enumerate(self.rows):
            rect = self.row_rect(i)
            label_rect = QRectF(rect)
            if has_icons:
                if row.icon:
                    canvas_icons.draw_icon(painter, row.icon,
                                           QRectF(2, rect.center().y() - 8, 16, 16), row.color)
                label_rect.setLeft(22)
            self.draw_label(painter, label_rect, row.label)
            left = self.label_width() + (22 if has_icons else 0) + 4
            right = self.width() - 58
            track = QRectF(left, rect.center().y() - 5, max(10.0, right - left), 10)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(TRACK))
            painter.drawRoundedRect(track, 5, 5)
            bar = QRectF(track.left(), track.top(), max(4.0, track.width() * row.value / top),
                         track.height())
            painter.setBrush(QColor(row.color))
            painter.drawRoundedRect(bar, 5, 5)
            painter.setFont(text.font(VALUE_SIZE, True))
            painter.setPen(QColor(INK))
            value_rect = QRectF(right + 4, rect.top(), 26, rect.height())
            painter.drawText(value_rect, Qt.AlignmentFlag.AlignVCenter
                             | Qt.AlignmentFlag.AlignRight, row.value_text)
            if row.stars:
                paint.star(painter, QPointF(right + 38, rect.center().y()), 6)
                painter.setFont(text.font(10, True))
                painter.setPen(QColor(style.FAVOURITE_COLOR).darker(130))
                painter.drawText(QRectF(right + 45, rect.top(), 14, rect.height()),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                                 str(row.stars))
        painter.end()


@dataclass(frozen=True)
class FunnelRow:
    """One funnel stage: its value (None: no metric) and the drop-off into it."""

    label: str
    value: float | None
    value_text: str
    drop_off: float | None
    title: str = ""
    # An alternative step (a branch leads to it): its share of the main step before it,
    # drawn in the branch colour, with no drop-off of its own.
    branch_share: float | None = None


class FunnelChart(Chart):
    """The metrics funnel: per stage, the share that goes on (teal) and drops off (red).

    Funnel metrics mix units (a click rate, a bounce rate, a count of buyers), so bars show
    the share continuing (1 − drop-off), never the raw values side by side.
    """

    row_height = 26.0

    def tooltip_at(self, index: int) -> str:
        row = self.rows[index]
        drop = f" · ▼ {row.drop_off:.0%}" if row.drop_off is not None else ""
        title = f" ({row.title})" if row.title else ""
        return f"{row.label}: {row.value_text}{title}{drop}"

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = self.begin()
        left = self.label_width()
        right = self.width() - 50
        for i, row in enumerate(self.rows):
            rect = self.row_rect(i)
            self.draw_label(painter, rect, row.label)
            track = QRectF(left, rect.top() + 4, right - left, rect.height() - 8)
            if row.value is None:
                painter.setPen(QPen(QColor(AXIS), 1, Qt.PenStyle.DotLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(track, 3, 3)
                painter.setPen(QColor(MUTED))
                painter.setFont(text.font(10))
                painter.drawText(track, Qt.AlignmentFlag.AlignCenter, "—")
                continue
            branch = row.branch_share is not None
            going_on = row.branch_share if row.branch_share is not None else (
                1.0 - (row.drop_off or 0.0))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#DCEAF5" if branch else "#F6D5D1"))
            painter.drawRoundedRect(track, 3, 3)
            bar = QRectF(track.left(), track.top(),
                         max(3.0, track.width() * min(1.0, going_on)), track.height())
            painter.setBrush(QColor(style.connector_color(ConnectorKind.BRANCH) if branch
                                    else "#137C86"))
            painter.drawRoundedRect(bar, 3, 3)
            painter.setFont(text.font(10, True))
            value_w = text.metrics(10, True).horizontalAdvance(row.value_text) + 10
            inside = bar.width() >= value_w
            painter.setPen(QColor("#FFFFFF" if inside else INK))
            where = bar if inside else QRectF(bar.right() + 4, track.top(),
                                              track.right() - bar.right() - 4, track.height())
            shown = text.metrics(10, True).elidedText(row.value_text, Qt.TextElideMode.ElideRight,
                                                      where.width() - 6)
            painter.drawText(where.adjusted(5, 0, 0, 0),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, shown)
            if row.drop_off is not None:
                painter.setFont(text.font(VALUE_SIZE, True))
                painter.setPen(QColor(DROP if row.drop_off > 0 else MUTED))
                painter.drawText(QRectF(right + 2, rect.top(), 48, rect.height()),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                                 f"▼{row.drop_off:.0%}")
        painter.end()


@dataclass(frozen=True)
class Segment:
    """A part of a stacked bar."""

    label: str
    count: int
    color: str


class StackedBar(Chart):
    """One bar split into coloured parts, with a legend of labels and counts beneath."""

    row_height = 20.0

    def set_rows(self, rows: list) -> None:
        """Segments in order; the legend takes two columns."""
        self.rows = [s for s in rows if s.count > 0]
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """The bar plus the legend rows."""
        legend_rows = (len(self.rows) + 1) // 2
        return QSize(300, round(2 * self.padding + 18 + 6 + legend_rows * self.row_height))

    def row_at(self, y: float) -> int:
        """Tooltips come from the legend text itself."""
        return -1

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = self.begin()
        total = sum(s.count for s in self.rows) or 1
        bar = QRectF(1, self.padding, self.width() - 2, 18)
        clip = QPainterPath()
        clip.addRoundedRect(bar, 5, 5)
        painter.setClipPath(clip)
        x = bar.left()
        for seg in self.rows:
            w = bar.width() * seg.count / total
            painter.fillRect(QRectF(x, bar.top(), w + 0.5, bar.height()), QColor(seg.color))
            x += w
        painter.setClipping(False)
        col_w = self.width() / 2
        for i, seg in enumerate(self.rows):
            row, col = divmod(i, 2)
            y = bar.bottom() + 6 + row * self.row_height
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(seg.color))
            painter.drawRoundedRect(QRectF(col * col_w + 2, y + 5, 10, 10), 2, 2)
            painter.setFont(text.font(LABEL_SIZE))
            painter.setPen(QColor(INK))
            label = f"{seg.label}  {seg.count}"
            shown = text.metrics(LABEL_SIZE).elidedText(label, Qt.TextElideMode.ElideMiddle,
                                                        col_w - 22)
            painter.drawText(QRectF(col * col_w + 18, y, col_w - 20, self.row_height),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, shown)
        painter.end()


@dataclass(frozen=True)
class DeltaRow:
    """A stage's average emotion before and after."""

    label: str
    before: float | None
    after: float | None


class EmotionDeltaChart(Chart):
    """Emotion change per stage: a hollow dot before, a face after, an arrow between."""

    def __init__(self, parent: QWidget | None = None, low: int = -2, high: int = 2) -> None:
        super().__init__(parent)
        self.low, self.high = low, high

    def top_margin(self) -> float:
        """Room for the scale captions."""
        return 14.0

    def extra_height(self) -> float:
        """The captions above the rows."""
        return 14.0

    def tooltip_at(self, index: int) -> str:
        row = self.rows[index]
        b = _signed(row.before) if row.before is not None else "—"
        a = _signed(row.after) if row.after is not None else "—"
        return f"{row.label}: {b} → {a}"

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = self.begin()
        left = self.label_width() + 10
        right = self.width() - 52
        unit = (right - left) / (self.high - self.low)

        def x_of(v: float) -> float:
            return left + (v - self.low) * unit

        painter.setFont(text.font(9))
        painter.setPen(QColor(MUTED))
        for v in range(self.low, self.high + 1):
            painter.drawText(QRectF(x_of(v) - 14, self.padding - 2, 28, 14),
                             Qt.AlignmentFlag.AlignCenter, _signed(v).replace(".0", ""))
        first = self.row_rect(0).top() if self.rows else 0
        last = self.row_rect(len(self.rows) - 1).bottom() if self.rows else 0
        for v in range(self.low, self.high + 1):
            painter.setPen(QPen(QColor(AXIS), 1, Qt.PenStyle.DashLine if v == 0
                                else Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(x_of(v), first), QPointF(x_of(v), last))
        for i, row in enumerate(self.rows):
            rect = self.row_rect(i)
            cy = rect.center().y()
            self.draw_label(painter, rect, row.label)
            if row.before is not None and row.after is not None:
                painter.setPen(QPen(QColor(MUTED), 1.6))
                painter.drawLine(QPointF(x_of(row.before), cy), QPointF(x_of(row.after), cy))
            if row.before is not None:
                painter.setPen(QPen(QColor(style.emotion_color(round(row.before))), 2))
                painter.setBrush(QColor("#FFFFFF"))
                painter.drawEllipse(QPointF(x_of(row.before), cy), 5, 5)
            if row.after is not None:
                paint.face(painter, QPointF(x_of(row.after), cy), 8, round(row.after))
            if row.before is not None and row.after is not None:
                delta = row.after - row.before
                color = (style.emotion_color(2) if delta > 0.05 else
                         DROP if delta < -0.05 else MUTED)
                painter.setFont(text.font(VALUE_SIZE, True))
                painter.setPen(QColor(color))
                painter.drawText(QRectF(right + 4, rect.top(), 48, rect.height()),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                                 _signed(delta))
        painter.end()
