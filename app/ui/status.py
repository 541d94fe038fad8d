"""The status bar's permanent parts: counts of the map, zoom and the read-only badge."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar

from app.domain.model import JourneyMap


def tr(text: str) -> str:
    """Translate in the status bar's context."""
    return QCoreApplication.translate("StatusBar", text)


def counts_text(journey: JourneyMap | None) -> str:
    """"Stages: 5 · Lanes: 6 · Cards: 12 · Emotions: 5" for a map."""
    if journey is None:
        return ""
    return "   ".join((
        tr("Stages: %1").replace("%1", str(len(journey.stages))),
        tr("Lanes: %1").replace("%1", str(len(journey.lanes))),
        tr("Cards: %1").replace("%1", str(len(journey.cards))),
        tr("Emotions: %1").replace("%1", str(len(journey.markers))),
    ))


class StatusParts:
    """Labels kept at the right of the status bar."""

    def __init__(self, bar: QStatusBar) -> None:
        self.read_only = QLabel(tr("Read-only"))
        self.read_only.setObjectName("readOnlyBadge")
        self.read_only.setStyleSheet(
            "QLabel { background: #FDE8E8; color: #C0392B; border: 1px solid #E9B4AE;"
            " border-radius: 8px; padding: 0px 8px; font-weight: bold; }")
        self.read_only.setToolTip(tr("This project is open read-only: changes are not allowed."))
        self.read_only.hide()
        self.presence = QLabel()
        self.presence.setObjectName("presence")
        self.presence.setStyleSheet("QLabel { padding-right: 8px; color: #2F6F4E; }")
        self.presence.hide()
        self.counts = QLabel()
        self.counts.setObjectName("counts")
        self.zoom = QLabel()
        self.zoom.setObjectName("zoom")
        self.zoom.setMinimumWidth(64)
        self.zoom.setStyleSheet("QLabel { padding-left: 10px; border-left: 1px solid #D9DDE3; }")
        self.counts.setStyleSheet("QLabel { padding-right: 6px; color: #3C4450; }")
        self.zoom.setToolTip(tr("Zoom (Ctrl+wheel, Ctrl+0 for 100 %, Ctrl+9 to fit)"))
        bar.addPermanentWidget(self.read_only)
        bar.addPermanentWidget(self.presence)
        bar.addPermanentWidget(self.counts)
        bar.addPermanentWidget(self.zoom)

    def show_counts(self, journey: JourneyMap | None) -> None:
        """Show how much the map holds."""
        self.counts.setText(counts_text(journey))

    def show_zoom(self, factor: float | None) -> None:
        """Show the zoom as a percentage (empty without a map)."""
        self.zoom.setText("" if factor is None else f"{round(factor * 100)} %")

    def show_presence(self, names: list[str]) -> None:
        """Who else has the server project open ("Also here: anna, bob"), or nothing."""
        shown = sorted(set(names))
        self.presence.setText(tr("Also here: %1").replace("%1", ", ".join(shown)))
        self.presence.setToolTip(tr("Others editing this project on the server now"))
        self.presence.setVisible(bool(shown))

    def show_read_only(self, read_only: bool) -> None:
        """Show or hide the read-only badge."""
        self.read_only.setVisible(read_only)
