"""Map ▸ Dot Voting: rounds, dots on cards by click or key, and who is voting.

One `Voting` per main window. The round shown is view state (which round, which
participant); rounds and dots are model state, changed only through
app.document.operations_links (one undo step per dot). The dots are drawn by the card
items themselves (CardItem.set_dots): items the scene makes ask MapScene.dots_for, a
vote repaints only its card, and only a change of the round shown repaints them all (an
edit costs the same on a 5,000-card map as on a small one); a click on a card's dot
pill adds a dot (Shift+click takes one back), as V and Shift+V do on the selected card.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QMenu
from shiboken6 import isValid

from app.canvas.items.card import CardItem
from app.document import operations_links as links
from app.document.subscription import Subscription
from app.domain.model import Card, JourneyMap, Vote, VotingRound
from app.domain.voting import VoteRefusal, card_votes, dots_left
from app.ui.focus import resubscribe

if TYPE_CHECKING:
    from app.canvas.scene import MapScene
    from app.canvas.view import MapView
    from app.ui.actions import WindowActions
    from app.ui.main_window import MainWindow


def tr(text: str) -> str:
    """Translate in the voting's context."""
    return QCoreApplication.translate("Voting", text)


def window_actions(window: Any) -> WindowActions:
    """The window's WindowActions (QWidget.actions() shadows the attribute for mypy)."""
    actions: WindowActions = window.actions
    return actions


def dots_text(n: int) -> str:
    """“1 dot”, “3 dots”."""
    return tr("1 dot") if n == 1 else tr("%1 dots").replace("%1", str(n))


def quoted(text: str) -> str:
    """A title in the interface's quotation marks."""
    return f"“{text}”"


class Voting(QObject):
    """The dot-voting actions, the round shown and the current participant of a window."""

    changed = Signal()  # the round shown, its dots or the participant changed

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.round_id: str | None = None
        self.participant = ""
        self._view: MapView | None = None
        self._scene: MapScene | None = None
        self._known: set[str] = set()  # the map's rounds met: a new one is shown at once
        self._painted = False  # whether card items may show dots to clear
        self._counts: dict[str, int] = {}  # dots per card in the round shown
        self._subscription: Subscription | None = None
        actions = window_actions(window)
        make = actions._make
        self.start = make(tr("&Start a Voting Round…"), self.ask_and_start)
        self.start.setObjectName("startRound")
        self.vote = make(tr("&Add a Dot to the Selected Card"), self.vote_selected,
                         QKeySequence("V"))
        self.vote.setObjectName("addDot")
        self.take_back = make(tr("&Take a Dot Back"), self.take_back_selected,
                              QKeySequence("Shift+V"))
        self.take_back.setObjectName("takeDotBack")
        self.close = make(tr("&Close Round"), self.close_shown)
        self.close.setObjectName("closeRound")
        self.reopen = make(tr("&Reopen Round"), self.reopen_shown)
        self.reopen.setObjectName("reopenRound")
        self.rounds_menu = QMenu(tr("S&how Round"), window)
        self.rounds_menu.aboutToShow.connect(self._fill_rounds_menu)
        from app.ui.voting_panel import VotingPanel, voting_dock

        self.panel: VotingPanel | None = None
        self.dock = voting_dock(self)
        self.menu = QMenu(tr("&Dot Voting"), window)
        self.menu.setObjectName("votingMenu")
        self.menu.addActions([self.start, self.vote, self.take_back])
        self.menu.addSeparator()
        self.menu.addActions([self.close, self.reopen])
        self.menu.addMenu(self.rounds_menu)
        self.menu.addSeparator()
        self.menu.addAction(self.dock.toggleViewAction())
        map_menu = actions.menus["map"]
        before = actions.switch_map_menu.menuAction()
        map_menu.insertMenu(before, self.menu)
        map_menu.insertSeparator(before)
        window.document_changed.connect(self._follow_document)
        window.map_switched.connect(self._follow_map)
        self._follow_document()

    # -- what is shown ----------------------------------------------------------------------

    @property
    def journey(self) -> JourneyMap | None:
        """The map in view."""
        return self.window.journey

    @property
    def shown(self) -> VotingRound | None:
        """The round whose dots the cards show, or None."""
        journey = self.journey
        return journey.round(self.round_id) if journey is not None and self.round_id else None

    def show_round(self, round_id: str | None) -> None:
        """Show this round's dots on the cards (None: no round)."""
        self.round_id = round_id
        round_ = self.shown
        if round_ is None:
            self.round_id = None
            self.participant = ""
        elif round_.participants and self.participant not in round_.participants:
            self.participant = round_.participants[0]
        elif not round_.participants:
            self.participant = ""
        self.refresh()

    def set_participant(self, name: str) -> None:
        """Who the next dot is for (a participant of the round shown)."""
        self.participant = name
        self.refresh()

    def _default_round(self) -> str | None:
        journey = self.journey
        if journey is None or not journey.rounds:
            return None
        open_rounds = [r for r in journey.rounds if not r.closed]
        return open_rounds[-1].id if open_rounds else None

    def _follow_document(self) -> None:
        self._subscription = resubscribe(self._subscription, self.window.doc, self,
                                         self._on_model)
        self._follow_map()

    def _follow_map(self, *_args: object) -> None:
        # The window may make another view (another document) and a view another scene
        # (another map): follow the clicks of the one and the relayouts of the other.
        view = self.window.view
        if view is not self._view:
            if self._view is not None and isValid(self._view):
                self._view.viewport().removeEventFilter(self)
                self._view.selection_changed.disconnect(self._enable)
            self._view = view
            if view is not None:
                view.viewport().installEventFilter(self)
                view.selection_changed.connect(self._enable)
        scene = view.map_scene if view is not None else None
        if scene is not self._scene:
            if self._scene is not None and isValid(self._scene):
                self._scene.dots_for = None
            self._scene = scene
        self._painted = True  # another scene: bring its cards to the round shown
        self.show_round(self._default_round())

    def _on_model(self, changes: list) -> None:
        if not any(isinstance(c.entity, (VotingRound, Vote, Card)) for c in changes):
            return
        if not any(isinstance(c.entity, VotingRound) for c in changes):
            # Dots only (or cards: their items keep their dots, new ones ask dots_for).
            round_id = self.round_id
            voted = {c.entity.card_id for c in changes if isinstance(c.entity, Vote)
                     and c.entity.round_id == round_id}
            if voted and self.shown is not None:
                self._repaint(voted)
            self._enable()
            self.changed.emit()
            return
        if self.round_id is not None and self.shown is None:
            self.round_id = None  # its start undone, or its map gone
        journey = self.journey
        rounds = journey.rounds if journey is not None else []
        new = [r for r in rounds if r.id not in self._known and not r.closed]
        if new:
            self.show_round(new[-1].id)  # a round started (by another view, or a redo)
        else:
            self.refresh()

    def refresh(self) -> None:
        """Bring the cards, the actions and the panel up to the round shown."""
        journey = self.journey
        self._known = {r.id for r in journey.rounds} if journey is not None else set()
        self.paint_dots()
        self._enable()
        self.changed.emit()

    def paint_dots(self) -> None:
        """Each card of the scene shows its dots in the round shown (a round shown, closed or
        reopened: every card changes)."""
        view = self.window.view
        scene = view.map_scene if view is not None else None
        if scene is None:
            return
        round_, journey = self.shown, self.journey
        if round_ is None or journey is None:
            scene.dots_for = None
            self._counts = {}
            if self._painted:
                for item in scene.cards.values():
                    item.set_dots(None)
                self._painted = False
            return
        self._counts = card_votes(journey, round_.id)
        scene.dots_for = self._dots_of
        for card_id, item in scene.cards.items():
            item.set_dots(self._dots_of(card_id))
        self._painted = True

    def _dots_of(self, card_id: str) -> tuple[int, bool] | None:
        round_ = self.shown
        return None if round_ is None else (self._counts.get(card_id, 0), not round_.closed)

    def _repaint(self, card_ids: set[str]) -> None:
        """The dots of these cards again, after votes on them came or went."""
        journey, round_id = self.journey, self.round_id
        if journey is None:
            return
        counts = self._counts
        for card_id in card_ids:
            n = sum(1 for v in journey.votes if v.round_id == round_id and v.card_id == card_id)
            if n:
                counts[card_id] = n
            else:
                counts.pop(card_id, None)
        view = self.window.view
        scene = view.map_scene if view is not None else None
        for card_id in card_ids:
            item = scene.cards.get(card_id) if scene is not None else None
            if item is not None:
                item.set_dots(self._dots_of(card_id))

    def _enable(self, *_args: object) -> None:
        doc, round_ = self.window.doc, self.shown
        writable = doc is not None and not doc.read_only and self.window.view is not None
        taking = writable and round_ is not None and not round_.closed
        # V only with a card selected: with none, typing a V starts a card (capture).
        has_card = any(isinstance(e, Card) for e in self.selected())
        self.start.setEnabled(writable)
        self.vote.setEnabled(taking and has_card)
        self.take_back.setEnabled(taking and has_card)
        self.close.setEnabled(taking)
        self.reopen.setEnabled(writable and round_ is not None and round_.closed)
        journey = self.journey
        self.rounds_menu.setEnabled(journey is not None and bool(journey.rounds))

    def selected(self) -> list:
        """The entities selected on the canvas."""
        view = self.window.view
        return view.selected_entities() if view is not None else []

    def _fill_rounds_menu(self) -> None:
        menu = self.rounds_menu
        menu.clear()
        journey = self.journey
        group = QActionGroup(menu)
        none = menu.addAction(tr("No Round (hide the dots)"))
        entries: list[tuple[QAction, str | None]] = [(none, None)]
        for round_ in journey.rounds if journey is not None else []:
            state = tr("closed") if round_.closed else tr("open")
            entries.append((menu.addAction(f"{round_.title.replace('&', '&&')}  ({state})"),
                            round_.id))
        for action, round_id in entries:
            action.setCheckable(True)
            action.setChecked(round_id == self.round_id)
            group.addAction(action)
            action.triggered.connect(lambda _c=False, i=round_id: self.show_round(i))

    # -- rounds -------------------------------------------------------------------------------

    def ask_and_start(self) -> VotingRound | None:
        """Map ▸ Dot Voting ▸ Start a Voting Round…"""
        from app.dialogs.voting_dialog import StartRoundDialog

        journey = self.journey
        if journey is None:
            return None
        dialog = StartRoundDialog(tr("Round %1").replace("%1", str(len(journey.rounds) + 1)),
                                  self.window)
        if dialog.exec() != StartRoundDialog.DialogCode.Accepted:
            return None
        choice = dialog.choice()
        return self.start_round(choice.title, choice.dots, choice.participants)

    def start_round(self, title: str, dots: int, participants: list[str]) -> VotingRound | None:
        """Open a round (one undo step), show it and the voting panel."""
        journey, doc = self.journey, self.window.doc
        if journey is None or doc is None:
            return None
        done, round_ = doc.attempt(lambda: links.open_round(doc, journey, title, dots,
                                                            participants))
        if not done or round_ is None:
            return None
        self.show_round(round_.id)
        self.dock.show()
        self.dock.raise_()
        self.window.show_message(tr("Voting round %1 started: click the dot under a card, "
                                    "or select it and press V.").replace("%1",
                                                                         quoted(round_.title)))
        return round_

    def close_shown(self) -> None:
        """Close the round shown: its dots stay, frozen."""
        round_, doc = self.shown, self.window.doc
        if round_ is not None and doc is not None and not round_.closed:
            if doc.attempt(lambda: links.close_round(doc, round_))[0]:
                self.window.show_message(tr("Round %1 closed.").replace("%1",
                                                                         quoted(round_.title)))

    def reopen_shown(self) -> None:
        """Take dots again in the (closed) round shown."""
        round_, doc = self.shown, self.window.doc
        if round_ is not None and doc is not None and round_.closed:
            doc.attempt(lambda: links.reopen_round(doc, round_))

    # -- dots ---------------------------------------------------------------------------------

    def refusal(self, round_: VotingRound | None) -> str:
        """Why no dot can go in now, in one line; "" when one can."""
        if round_ is None:
            return tr("No voting round is open: Map ▸ Dot Voting ▸ Start a Voting Round…")
        if round_.closed:
            return links.refusal_text(VoteRefusal.CLOSED, round_)
        journey = self.journey
        if round_.participants and self.participant not in round_.participants:
            return tr("Choose who is voting in the voting panel first.")
        if journey is not None and dots_left(journey, round_, self.participant) == 0:
            return links.refusal_text(VoteRefusal.NO_DOTS_LEFT, round_, self.participant)
        return ""

    def add_dot(self, card: Card) -> Vote | None:
        """One dot on the card for the current participant, or a one-line refusal."""
        round_, doc = self.shown, self.window.doc
        why = self.refusal(round_)
        if why or round_ is None or doc is None:
            self.window.show_message(why)
            return None
        done, vote = doc.attempt(lambda: links.add_vote(doc, round_, card, self.participant))
        if done and self.journey is not None:
            self.window.show_message(self.dot_message(card, round_))
        return vote if done else None

    def dot_message(self, card: Card, round_: VotingRound) -> str:
        """What a dot did: the card's count, and the dots the voter has left."""
        journey = self.journey
        count = card_votes(journey, round_.id).get(card.id, 0) if journey else 0
        text = (tr("%1 now has %2.").replace("%1", quoted(card.title or tr("(untitled)")))
                .replace("%2", dots_text(count)))
        if round_.participants and journey is not None:
            text += " " + (tr("%1 has %2 left.").replace("%1", self.participant)
                           .replace("%2", str(dots_left(journey, round_, self.participant))))
        return text

    def take_back_dot(self, card: Card) -> bool:
        """Take back the current participant's last dot on the card (one undo step)."""
        round_, doc, journey = self.shown, self.window.doc, self.journey
        if round_ is None or doc is None or journey is None:
            self.window.show_message(self.refusal(round_))
            return False
        if round_.closed:
            self.window.show_message(self.refusal(round_))
            return False
        mine = [v for v in journey.votes if v.round_id == round_.id and v.card_id == card.id
                and v.participant == self.participant]
        if not mine:
            self.window.show_message(tr("No dot of %1 on this card to take back.").replace(
                "%1", self.participant or tr("the room")))
            return False
        done = doc.attempt(lambda: links.remove_vote(doc, mine[-1]))[0]
        if done:
            self.window.show_message(self.dot_message(card, round_))
        return done

    def _selected_card(self) -> Card | None:
        return next((e for e in self.selected() if isinstance(e, Card)), None)

    def vote_selected(self) -> None:
        """V: a dot on the selected card."""
        card = self._selected_card()
        if card is not None:
            self.add_dot(card)

    def take_back_selected(self) -> None:
        """Shift+V: take a dot back from the selected card."""
        card = self._selected_card()
        if card is not None:
            self.take_back_dot(card)

    # -- the dot pill on a card, clicked ------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kinds = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
                 QEvent.Type.MouseButtonRelease)
        if event.type() not in kinds or self.shown is None or not isinstance(event, QMouseEvent):
            return False
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        card = self._card_under(event.position().toPoint())
        if card is None:
            return False
        if event.type() == QEvent.Type.MouseButtonPress:
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if shift:
                self.take_back_dot(card)
            else:
                self.add_dot(card)
        return True  # the pill's press, release and double-click are the vote's alone

    def _card_under(self, pos) -> Card | None:
        view = self.window.view
        if view is None:
            return None
        for item in view.items(pos):
            if isinstance(item, CardItem):
                target = item.dot_target()
                local = item.mapFromScene(view.mapToScene(pos))
                if target is not None and target.adjusted(-2, -2, 2, 2).contains(local):
                    return item.card
                return None
        return None
