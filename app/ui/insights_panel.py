"""The insights dock: what the current map says at a glance, kept live as it is edited.

The numbers come from app.domain.insights (the same ones the PDF's insights page prints);
this module only lays them out for a narrow dock.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.document.document import Document
from app.domain import style
from app.domain.insights import (
    UNSPECIFIED,
    FunnelStep,
    MapInsights,
    compute_insights,
    priority_rank,
)
from app.domain.model import JourneyMap
from app.ui.charts import (
    EmotionBars,
    EmotionRow,
    FunnelChart,
    FunnelRow,
    HeatCell,
    HeatStrip,
    RankedBars,
    RankRow,
    Segment,
    StackedBar,
)

MAX_LISTED = 5
_STATUS_COLORS = {
    "done": "#1E8449", "hoàn thành": "#1E8449", "xong": "#1E8449", "shipped": "#1E8449",
    "in progress": "#2F80ED", "đang làm": "#2F80ED", "doing": "#2F80ED",
    "planned": "#6C4FA3", "kế hoạch": "#6C4FA3",
    "idea": "#E6A100", "ý tưởng": "#E6A100", "open": "#E67E22", "mở": "#E67E22",
    UNSPECIFIED: "#B8BEC7",
}
_PRIORITY_COLORS = ("#C0392B", "#E67E22", "#E6C229", "#7DBB4A", "#B8BEC7")
_OTHER_COLORS = ("#137C86", "#CC79A7", "#56B4E9", "#8E6C3A", "#999999")


# How long edits must pause before the figures are recomputed.
REFRESH_DELAY_MS = 150


def tr(text: str) -> str:
    """Translate in the insights panel's context."""
    return QCoreApplication.translate("Insights", text)


def trn(text: str, n: int) -> str:
    """Translate a text with a count (%n), choosing the plural form."""
    return QCoreApplication.translate("Insights", text, "", n)


def _word(key: str) -> str:
    """A status or priority as typed, capitalised; the unspecified bucket is named."""
    return tr("Not set") if key == UNSPECIFIED else key[:1].upper() + key[1:]


def _number(value: float, unit: str) -> str:
    unit = unit.strip()
    if unit == "%":
        return f"{value:g}%"
    shown = f"{value:,.0f}" if abs(value) >= 100 else f"{value:g}"
    return f"{shown} {unit}".strip()


def _funnel_value(step: FunnelStep) -> str:
    """The value of a funnel step, and why it has no drop-off when a branch is the
    reason (an alternative path; customers who left by a branch are not lost)."""
    shown = _number(step.value, step.unit) if step.value is not None else ""
    # tr() outside the f-strings: lupdate does not look inside them.
    if step.branch:
        return shown + " · " + tr("another path")
    if step.drop_off is None and step.branch_from:
        return shown + " · " + tr("branch, not a drop")
    return shown


def _score(value: int) -> str:
    return f"{value:+d}".replace("-", "−")


def _signed(value: float) -> str:
    return f"{value:+.1f}".replace("-", "−")


class Section(QFrame):
    """A titled block of the panel with an empty-state line."""

    def __init__(self, title: str, hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("insightSection")
        self.title = QLabel(title)
        self.title.setStyleSheet(f"font-weight: bold; font-size: 13px; color: {style.TEXT}")
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {style.MUTED_TEXT}; font-size: 11px")
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {style.MUTED_TEXT}; font-style: italic")
        self.body = QVBoxLayout()
        self.body.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 10)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.empty)
        layout.addLayout(self.body)
        # Only once parented: setVisible(True) on a parentless label opens a window.
        self.hint.setVisible(bool(hint))

    def show_empty(self, text: str | None) -> None:
        """Show `text` instead of the body (None shows the body)."""
        self.empty.setText(text or "")
        self.empty.setVisible(bool(text))
        for i in range(self.body.count()):
            widget = self.body.itemAt(i).widget()
            if widget is not None:
                widget.setVisible(not text)


class LineList(QWidget):
    """A few short rich-text lines (user text escaped), rebuilt on every refresh."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[QLabel] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(5)

    def set_lines(self, lines: list[str]) -> None:
        """Replace the lines (already escaped HTML)."""
        for label in self.lines:
            label.deleteLater()
        self.lines = []
        for line in lines:
            label = QLabel(line)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self._layout.addWidget(label)
            self.lines.append(label)

    def texts(self) -> list[str]:
        """The lines as plain text (for tests and accessibility)."""
        return [_plain(label.text()) for label in self.lines]


def _plain(rich: str) -> str:
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(rich)
    return doc.toPlainText()


class InsightsPanel(QWidget):
    """Live insights of one map for a dock: emotion, drops, pains, where customers step
    back, favourites, funnel."""

    def __init__(self, doc: Document, map_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.map_id = map_id
        self.insights: MapInsights | None = None
        self.setObjectName("InsightsPanel")
        self._build()
        self._stale = False
        # Every figure depends on the whole map (~10 ms at 5,000 cards): recompute once
        # the edits pause, and not at all while the panel is hidden.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(REFRESH_DELAY_MS)
        self._debounce.timeout.connect(self._refresh_if_stale)
        self.subscription = doc.subscribe(self, self._on_changed)
        self.refresh()

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold")
        self.overview = QLabel()
        self.overview.setWordWrap(True)
        self.overview.setStyleSheet(f"color: {style.MUTED_TEXT}")

        self.emotion_section = Section(tr("Emotion by stage"), tr("Average score of the "
                                                                  "emotion markers, −2 to +2"))
        self.emotion_chart = EmotionBars()
        self.emotion_section.body.addWidget(self.emotion_chart)

        self.moments_section = Section(tr("Moments of truth"),
                                       tr("The deepest drops between consecutive markers"))
        self.moments = LineList()
        self.moments_section.body.addWidget(self.moments)

        self.pains_section = Section(tr("Pains by stage"),
                                     tr("Number of pain points; darker means more severe"))
        self.pain_strip = HeatStrip()
        self.pains_section.body.addWidget(self.pain_strip)

        self.favourites_section = Section(tr("Favourite touchpoints"))
        self.favourites = LineList()
        self.favourites_section.body.addWidget(self.favourites)

        self.channels_section = Section(tr("Channels"),
                                        tr("Touchpoints per channel; ★ counts favourites"))
        self.channel_chart = RankedBars()
        self.channels_section.body.addWidget(self.channel_chart)

        self.step_backs_section = Section(tr("Where customers step back"), tr(
            "Loop-back connectors, with the pains of the stages they span"))
        self.step_backs = LineList()
        self.step_backs_section.body.addWidget(self.step_backs)

        self.funnel_section = Section(tr("Metrics funnel"), tr(
            "Each stage's funnel metric: the share that goes on, and the drop-off (▼)"))
        self.funnel_chart = FunnelChart()
        self.funnel_section.body.addWidget(self.funnel_chart)

        self.opportunities_section = Section(tr("Opportunities"))
        self.status_caption = QLabel(tr("By status"))
        self.status_bar = StackedBar()
        self.priority_caption = QLabel(tr("By priority"))
        self.priority_bar = StackedBar()
        self.top_opportunities = LineList()
        for w in (self.status_caption, self.priority_caption):
            w.setStyleSheet(f"color: {style.MUTED_TEXT}; font-size: 11px")
        for w in (self.status_caption, self.status_bar, self.priority_caption,
                  self.priority_bar, self.top_opportunities):
            self.opportunities_section.body.addWidget(w)

        self.votes_section = Section(tr("Top voted"))
        self.top_voted = LineList()
        self.votes_section.body.addWidget(self.top_voted)

        content = QWidget()
        content.setObjectName("insightsContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(12, 10, 12, 12)
        column.setSpacing(2)
        column.addWidget(self.heading)
        column.addWidget(self.overview)
        self.sections = [self.emotion_section, self.moments_section, self.pains_section,
                         self.step_backs_section, self.favourites_section,
                         self.channels_section, self.funnel_section, self.opportunities_section,
                         self.votes_section]
        for section in self.sections:
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            line.setStyleSheet(f"color: {style.GRID_LINE}")
            column.addWidget(line)
            column.addWidget(section)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        content.setStyleSheet("#insightsContent { background: white; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)

    # -- following the document -----------------------------------------------------------

    def set_map(self, map_id: str | None) -> None:
        """Show the insights of another map."""
        self.map_id = map_id
        self.refresh()

    def _on_changed(self, _changes: list) -> None:
        self._stale = True
        if self.isVisible():
            self._debounce.start()

    def _refresh_if_stale(self) -> None:
        if self._stale and self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def journey(self) -> JourneyMap | None:
        """The map shown."""
        return self.doc.project.map(self.map_id) if self.map_id else None

    def refresh(self) -> None:
        """Recompute and redraw everything from the model."""
        self._stale = False
        self._debounce.stop()
        journey = self.journey()
        if journey is None:
            self.insights = None
            self.heading.setText(tr("No map"))
            self.overview.setText(tr("Open a map to see its insights."))
            for section in self.sections:
                section.setVisible(False)
            return
        for section in self.sections:
            section.setVisible(True)
        self.insights = data = compute_insights(journey, self.doc.project)
        self.heading.setText(journey.name)
        overall = data.overall_emotion
        parts = [trn("%n card(s)", data.card_count), trn("%n stage(s)", len(journey.stages))]
        if overall is not None:
            parts.append(tr("average emotion {0}").format(_signed(overall)))
        self.overview.setText(" · ".join(parts))
        self._show_emotions(journey, data)
        self._show_moments(journey, data)
        self._show_pains(data)
        self._show_step_backs(journey, data)
        self._show_favourites(journey, data)
        self._show_funnel(data)
        self._show_opportunities(data)
        self._show_votes(data)

    def _show_emotions(self, journey: JourneyMap, data: MapInsights) -> None:
        self.emotion_chart.low, self.emotion_chart.high = journey.emotion_min, journey.emotion_max
        self.emotion_chart.set_rows([EmotionRow(s.stage_title, s.average)
                                     for s in data.stage_emotions])
        has = any(s.average is not None for s in data.stage_emotions)
        self.emotion_section.show_empty(None if has else tr(
            "Put emotion markers on the emotions lane to see how each stage feels."))

    def _show_moments(self, journey: JourneyMap, data: MapInsights) -> None:
        titles = {s.id: s.title for s in journey.stages}
        lines = []
        for m in data.moments_of_truth:
            where = html.escape(titles.get(m.from_stage_id, ""))
            if m.to_stage_id != m.from_stage_id:
                where += " → " + html.escape(titles.get(m.to_stage_id, ""))
            label = f"<br><i>{html.escape(m.label)}</i>" if m.label else ""
            lines.append(
                f"<span style='color:#C0392B; font-weight:bold'>▼ {m.drop}</span>&nbsp; "
                f"<b>{where}</b> <span style='color:{style.MUTED_TEXT}'>"
                f"({_score(m.from_score)} → {_score(m.to_score)})</span>{label}")
        self.moments.set_lines(lines)
        self.moments_section.show_empty(None if lines else tr(
            "No drop in emotion between consecutive markers."))

    def _show_pains(self, data: MapInsights) -> None:
        cells = [HeatCell(p.stage_title, p.count, float(p.severity_total),
                          tr("{0}: {1} pain points, severity total {2}, worst {3}")
                          .format(p.stage_title, p.count, p.severity_total, p.max_severity))
                 for p in data.pains]
        self.pain_strip.set_rows(cells)
        total = sum(p.count for p in data.pains)
        self.pains_section.show_empty(None if total else tr("No pain points on this map."))
        if total:
            worst = max(data.pains, key=lambda p: (p.severity_total, p.count))
            self.pains_section.hint.setText(
                tr("Heaviest: {0} ({1} pain points). Darker means more severe.")
                .format(worst.stage_title, worst.count))

    def _show_step_backs(self, journey: JourneyMap, data: MapInsights) -> None:
        titles = {s.id: s.title for s in journey.stages}
        muted = f"<span style='color:{style.MUTED_TEXT}'>"
        lines = []
        for back in data.step_backs[:MAX_LISTED]:
            where = html.escape(titles.get(back.from_stage_id or "", ""))
            if back.to_stage_id != back.from_stage_id:
                where += " → " + html.escape(titles.get(back.to_stage_id or "", ""))
            cards = html.escape(f"{back.from_title} → {back.to_title}")
            label = f" · <i>{html.escape(back.label)}</i>" if back.label.strip() else ""
            pains = html.escape(", ".join(back.pain_titles[:3])
                                + ("…" if len(back.pain_titles) > 3 else ""))
            caption = html.escape(tr("Pains"))
            pain_line = f"<br><span style='color:#C0392B'>{caption}: {pains}</span>" if pains \
                else ""
            lines.append(f"<span style='color:#D55E00; font-weight:bold'>↩</span>&nbsp; "
                         f"<b>{where}</b><br>{muted}{cards}</span>{label}{pain_line}")
        extra = len(data.step_backs) - MAX_LISTED
        if extra > 0:
            more = tr("and {0} more").format(extra)
            lines.append(f"{muted}{html.escape(more)}</span>")
        self.step_backs.set_lines(lines)
        self.step_backs_section.show_empty(None if lines else tr(
            "No loop-back connectors: draw one where customers return to an earlier step."))

    def _show_favourites(self, journey: JourneyMap, data: MapInsights) -> None:
        titles = {s.id: s.title for s in journey.stages}
        lines = []
        for t in data.favourite_touchpoints[:MAX_LISTED]:
            channel = self.doc.project.channel(t.channel_id)
            via = f" · {html.escape(channel.name)}" if channel else ""
            lines.append(f"<span style='color:{style.FAVOURITE_COLOR}'>★</span> "
                         f"<b>{html.escape(t.title or tr('(untitled)'))}</b> "
                         f"<span style='color:{style.MUTED_TEXT}'>"
                         f"{html.escape(titles.get(t.stage_id, ''))}{via}</span>")
        extra = len(data.favourite_touchpoints) - MAX_LISTED
        if extra > 0:
            more = tr("and {0} more").format(extra)  # outside the f-string, for lupdate
            lines.append(f"<span style='color:{style.MUTED_TEXT}'>{html.escape(more)}</span>")
        self.favourites.set_lines(lines)
        self.favourites_section.show_empty(None if lines else tr(
            "Mark the touchpoints customers love with the favourite star."))
        rows = []
        for r in data.channels:
            channel = self.doc.project.channel(r.channel_id)
            name = channel.name if channel else tr("No channel")
            rows.append(RankRow(name, r.touchpoints, str(r.touchpoints),
                                channel.color if channel else "#B8BEC7",
                                channel.icon if channel else "other", r.favourites,
                                tr("{0}: {1} touchpoints, {2} favourites")
                                .format(name, r.touchpoints, r.favourites)))
        self.channel_chart.set_rows(rows)
        self.channels_section.show_empty(None if rows else tr("No touchpoint cards yet."))

    def _show_funnel(self, data: MapInsights) -> None:
        # An alternative step's bar is its share of the step its branch left (the main
        # step before the one it stands beside), as that one's bar counts it going on.
        rows: list[FunnelRow] = []
        left: float | None = None
        last: float | None = None
        for s in data.funnel:
            share = None
            if s.branch:
                base = left or last
                share = (s.value or 0.0) / base if base else 0.0
            else:
                left, last = last, s.value
            rows.append(FunnelRow("↳ " + s.metric_title if s.branch else s.stage_title,
                                  s.value, _funnel_value(s), s.drop_off, s.metric_title,
                                  share))
        self.funnel_chart.set_rows(rows)
        has = any(s.value is not None for s in data.funnel)
        # Metrics that form no funnel (mixed units, widening) are not "missing".
        self.funnel_section.show_empty(None if has else tr(
            "These metrics form no funnel (one unit, narrowing stage by stage); the PDF "
            "shows them against their targets.") if data.targets else tr(
            "Add metric cards with values (visitors, conversion %) to see the funnel."))

    def _show_opportunities(self, data: MapInsights) -> None:
        summary = data.opportunities
        statuses = [Segment(_word(k), n, _STATUS_COLORS.get(k, _OTHER_COLORS[i % 5]))
                    for i, (k, n) in enumerate(summary.by_status.items())]
        priorities = [Segment(_word(k), n, _PRIORITY_COLORS[min(4, priority_rank(k))])
                      for k, n in summary.by_priority.items()]
        self.status_bar.set_rows(statuses)
        self.priority_bar.set_rows(priorities)
        lines = []
        for card in summary.ranked[:3]:
            chips = " · ".join(html.escape(x) for x in (card.priority, card.owner, card.status)
                               if x.strip())
            lines.append(f"<b>{html.escape(card.title or tr('(untitled)'))}</b>"
                         + (f" <span style='color:{style.MUTED_TEXT}'>{chips}</span>"
                            if chips else ""))
        self.top_opportunities.set_lines(lines)
        self.opportunities_section.title.setText(
            tr("Opportunities") + (f" ({summary.total})" if summary.total else ""))
        self.opportunities_section.show_empty(None if summary.total else tr(
            "No opportunities yet: add ideas on the opportunities lane."))

    def _show_votes(self, data: MapInsights) -> None:
        result = data.votes
        self.votes_section.hint.setVisible(True)
        if result is None:
            self.votes_section.hint.setText(tr("Dot voting: Map ▸ Dot Voting"))
            self.top_voted.set_lines([])
            self.votes_section.show_empty(tr("No dots yet: start a voting round to let the "
                                             "room choose."))
            return
        state = tr("closed") if result.closed else tr("open")
        total = (tr("1 dot in all") if result.dots == 1
                 else tr("{0} dots in all").format(result.dots))
        self.votes_section.hint.setText(
            tr("Round “{0}”").format(result.title) + f", {total} · {state}")
        muted = f"<span style='color:{style.MUTED_TEXT}'>"
        lines = []
        for caption, cards in ((tr("Opportunities"), result.opportunities),
                               (tr("Pains"), result.pains), (tr("Other cards"), result.others)):
            if not cards:
                continue
            lines.append(f"{muted}{html.escape(caption)}</span>")
            lines += [f"<span style='color:{style.VOTE_DOT_COLOR}; font-weight:bold'>"
                      f"● {card.dots}</span>&nbsp; <b>{html.escape(card.title)}</b> "
                      f"{muted}· {html.escape(card.stage_title)}</span>" for card in cards]
        self.top_voted.set_lines(lines)
        self.votes_section.show_empty(None)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Stop following the document."""
        self.subscription.cancel()
        super().closeEvent(event)
