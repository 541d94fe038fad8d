"""The Dot Voting dock: the round shown, who votes, the dots left and the top-voted cards.

It only reads the model and the window's Voting state, and changes them through Voting
(whose operations are one undo step each); it follows Voting.changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.voting import card_votes, dots_left, top_voted
from app.ui.voting import dots_text

if TYPE_CHECKING:
    from app.ui.voting import Voting

TOP = 10  # cards listed in the tally


def tr(text: str) -> str:
    """Translate in the voting's context."""
    return QCoreApplication.translate("Voting", text)


class VotingPanel(QWidget):
    """What the room sees of a round, and the participant chooser."""

    def __init__(self, voting: Voting) -> None:
        super().__init__()
        self.voting = voting
        self.setObjectName("votingPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.heading = QLabel()
        self.heading.setObjectName("votingHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("QLabel { font-weight: bold; font-size: 14px; }")
        layout.addWidget(self.heading)
        who = QHBoxLayout()
        self.who_label = QLabel(tr("Voting now:"))
        self.who = QComboBox()
        self.who.setObjectName("voteParticipant")
        self.who.activated.connect(self._chosen)
        who.addWidget(self.who_label)
        who.addWidget(self.who, 1)
        layout.addLayout(who)
        self.left = QLabel()
        self.left.setObjectName("votingDotsLeft")
        self.left.setWordWrap(True)
        self.left.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.left)
        layout.addWidget(QLabel(tr("Top voted")))
        self.tally = QListWidget()
        self.tally.setObjectName("votingTally")
        self.tally.setWordWrap(True)
        self.tally.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tally.itemActivated.connect(self._reveal)
        layout.addWidget(self.tally, 1)
        self.hint = QLabel(tr("Click the dot under a card, or select the card and press V; "
                              "Shift+click or Shift+V takes a dot back."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("QLabel { color: #6B7280; }")
        layout.addWidget(self.hint)
        buttons = QHBoxLayout()
        self.start_button = QPushButton(tr("Start…"))
        self.start_button.setObjectName("votingStart")
        self.start_button.clicked.connect(lambda: voting.ask_and_start())
        self.close_button = QPushButton(tr("Close Round"))
        self.close_button.setObjectName("votingClose")
        self.close_button.clicked.connect(voting.close_shown)
        self.reopen_button = QPushButton(tr("Reopen"))
        self.reopen_button.setObjectName("votingReopen")
        self.reopen_button.clicked.connect(voting.reopen_shown)
        for button in (self.start_button, self.close_button, self.reopen_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self._tally_ids: list[str] = []
        self._stale = True
        voting.changed.connect(self.refresh)
        self.refresh()

    def _chosen(self, index: int) -> None:
        name = self.who.itemData(index)
        if isinstance(name, str):
            self.voting.set_participant(name)

    def _reveal(self, item) -> None:
        row = self.tally.row(item)
        window = self.voting.window
        if 0 <= row < len(self._tally_ids) and window.view is not None:
            window.reveal(self._tally_ids[row])
            journey = window.journey
            card = journey.card(self._tally_ids[row]) if journey is not None else None
            if card is not None:
                window.view.select_entities([card])

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Show the round shown: heading, chooser, dots left, top cards, buttons.

        While hidden (the dock closed, or behind another tab) it only notes that it is
        stale: the tally reads every card, and a card's edit should not pay for it.
        """
        self._stale = not self.isVisible()
        if self._stale:
            return
        voting = self.voting
        round_, journey = voting.shown, voting.journey
        self.close_button.setEnabled(voting.close.isEnabled())
        self.reopen_button.setEnabled(voting.reopen.isEnabled())
        self.start_button.setEnabled(voting.start.isEnabled())
        self.tally.clear()
        self._tally_ids = []
        if round_ is None or journey is None:
            self.heading.setText(tr("No voting round shown"))
            self.who_label.hide()
            self.who.hide()
            self.left.setText(tr("Start a round to put dots on the cards."))
            return
        state = tr("closed") if round_.closed else tr("open")
        self.heading.setText(f"{round_.title} · {state}")
        self.who.blockSignals(True)
        self.who.clear()
        for name in round_.participants:
            self.who.addItem(name, name)
        self.who.setCurrentIndex(max(0, self.who.findData(voting.participant)))
        self.who.blockSignals(False)
        self.who_label.setVisible(bool(round_.participants))
        self.who.setVisible(bool(round_.participants))
        counts = card_votes(journey, round_.id)
        total = sum(counts.values())
        if round_.participants:
            lines = [tr("%1: %2 left").replace("%1", name)
                     .replace("%2", str(dots_left(journey, round_, name)))
                     for name in round_.participants]
            left = " · ".join(lines)
        else:
            left = tr("Anonymous dots: %1 per voter.").replace(
                "%1", str(round_.dots_per_participant))
        self.left.setText(left + "\n" + tr("%1 on %2 cards").replace("%1", dots_text(total))
                          .replace("%2", str(len(counts))))
        for rank, (card_id, n) in enumerate(top_voted(journey, n=TOP, round_id=round_.id), 1):
            card = journey.card(card_id)
            title = (card.title if card is not None else "") or tr("(untitled)")
            self.tally.addItem(f"{rank}. {title} — {dots_text(n)}")
            self._tally_ids.append(card_id)
        if not self._tally_ids:
            self.tally.addItem(tr("No dots yet."))

    def tally_lines(self) -> list[str]:
        """The tally's rows as shown."""
        return [self.tally.item(i).text() for i in range(self.tally.count())]


def voting_dock(voting: Voting) -> QDockWidget:
    """The Dot Voting dock of the window (tabbed beside the inspector, hidden at first)."""
    window = voting.window
    dock = QDockWidget(tr("Dot Voting"), window)
    dock.setObjectName("votingDock")
    panel = VotingPanel(voting)
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.tabifyDockWidget(window.docks.inspector_dock, dock)
    dock.hide()
    window.docks.inspector_dock.raise_()
    dock.toggleViewAction().setText(tr("Voting &Panel"))
    voting.panel = panel
    return dock
