"""Quick exit and idle lock, the window's side: where the user was, kept as ids while the
neutral page or the lock screen is up, and the way back to it — always through the password
(issue 9 item 1, issue 10). The event filters, the neutral page and the lock screen are in
:mod:`casa_desk.ui.quick_exit` and :mod:`casa_desk.ui.lock_screen`.

When another user logs in on the lock screen, what the previous one left (the hidden unsaved
forms, the page and card they were on, the cards they opened today) is parked under their
username, never shown to the other; it comes back when they log in again on this window.

A mixin of :class:`~casa_desk.ui.main_window.MainWindow`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox
from shiboken6 import isValid

from casa_desk.errors import CasaError
from casa_desk.security.access import Session
from casa_desk.ui.lock_screen import LockScreen
from casa_desk.ui.navigation import Navigation
from casa_desk.ui.plain_text import message_box
from casa_desk.ui.quick_exit import NeutralPage, show_draft_again


@dataclass
class AwayState:
    """Where the operator was when F12 hid the window (ids only, nothing on screen)."""

    tab: int = 0
    person_id: str | None = None
    search_text: str = ""
    highlighted: str | None = None


@dataclass
class Parked:
    """What a user left when another one logged in on the lock screen."""

    away: AwayState
    navigation: Navigation
    drafts: list[Any] = field(default_factory=list)


class AwayMixin:
    """Hide everything on F12; come back after the confirmation."""

    # provided by the window
    _away: AwayState
    quick_exit: Any
    tabs: Any
    people_stack: Any
    card: Any
    _card: Any  # the card if built (a card never opened needs no hiding)
    search: Any
    screens: Any
    neutral: Any
    lock_screen: LockScreen
    idle_lock: Any
    context: Any
    navigation: Navigation
    _parked: dict[str, Parked]
    status: Any
    clipboard_guard: Any
    register_action: QAction
    contact_action: QAction
    sync_action: QAction
    find_action: QAction
    recent_action: QAction
    back_action: QAction

    # -- quick exit -----------------------------------------------------------------------
    def _hide_all(self) -> None:
        """Everything personal off the screen (called by QuickExit after dialogs closed).

        Where the operator was is kept as ids, off screen, for :meth:`resume`: the tab, the
        card's person, the search text and the highlighted result.
        """
        card = self._card
        self._away = AwayState(
            tab=self.tabs.currentIndex(),
            person_id=card.person_id
            if card is not None and self.people_stack.currentWidget() is card
            else None,
            search_text=self.search.field.text(),
            highlighted=self.search.highlighted_person_id(),
        )
        self.search.reset()
        self.clipboard_guard.forget()  # a copied codice fiscale or phone goes too
        if card is not None:
            card.clear()
        self.people_stack.setCurrentWidget(self.search)
        self.tabs.setCurrentIndex(0)
        self.screens.setCurrentWidget(self.neutral)
        self.menuBar().hide()
        self.status.hide()
        for action in self._work_actions():
            action.setEnabled(False)
        self.setWindowTitle(NeutralPage.title())
        self.neutral.resume_button.setFocus()

    # -- locking and the password on the way back -------------------------------------------
    def lock(self) -> None:
        """The idle lock: everything off the screen as F12 does, then the lock screen."""
        if not self.quick_exit.active:
            self.quick_exit.trigger()
        self._show_lock(from_quick_exit=False)

    def ask_to_resume(self) -> None:
        """ "Riprendi" on the neutral page: the password first, on the lock screen."""
        if self.quick_exit.active:
            self._show_lock(from_quick_exit=True)

    def _show_lock(self, *, from_quick_exit: bool) -> None:
        self.idle_lock.stop()
        self.screens.setCurrentWidget(self.lock_screen)
        self.setWindowTitle(LockScreen.title())
        self.lock_screen.prepare(
            self.context.session.user.username, from_quick_exit=from_quick_exit
        )

    def back_to_neutral(self) -> None:
        """Esc / "Indietro" on F12's way back: the neutral page again."""
        self.screens.setCurrentWidget(self.neutral)
        self.setWindowTitle(NeutralPage.title())
        self.neutral.resume_button.setFocus()

    def unlock_attempt(self, username: str, password: str) -> Session:
        """The lock screen's check: the same user's password (:meth:`Session.unlock_again`)
        or another user's login on the open store; refusals raise (one line on screen)."""
        session: Session = self.context.session
        if username.strip().lower() == session.user.username:
            session.unlock_again(password)
            return session
        return session.desk.login(username, password)

    def unlocked(self, session: Session) -> None:
        """Back to work for ``session``'s user (another one: the previous user's work is
        parked first, and theirs, if they were here before, comes back)."""
        if session is not self.context.session:
            if session.user.must_change_password and not self._new_password_chosen(session):
                session.logout()  # the lock screen stays: the desk is not theirs yet
                return
            self._switch_user(session)
        self.resume(confirm=False)
        self.idle_lock.restart()

    def _new_password_chosen(self, session: Session) -> bool:
        """A user whose password an administrator reset chooses a new one before the desk is
        theirs, from the lock screen as at the login (it was never asked here)."""
        from casa_desk.ui.account_dialogs import OwnPasswordDialog

        # Over the lock screen, which closes any other dialog that opens while it is up.
        dialog = self.quick_exit.allow(OwnPasswordDialog(session, self))
        return bool(dialog.exec() == QDialog.DialogCode.Accepted)

    def _switch_user(self, session: Session) -> None:
        previous: Session = self.context.session
        self._parked[previous.user.username] = Parked(
            self._away, self.navigation, self.quick_exit.take_drafts()
        )
        previous.logout()
        self.context.use(session)
        mine = self._parked.pop(session.user.username, None)
        self._away = mine.away if mine else AwayState()
        self.navigation = mine.navigation if mine else Navigation()
        self.quick_exit.drafts = mine.drafts if mine else []
        self.user_changed()

    def user_changed(self) -> None:
        """Hook: the window adapts to who is at the desk now (name, role, masking)."""

    def resume(self, *, confirm: bool = True) -> bool:
        """Back from the neutral page to the page, the card and the unsaved forms that were
        open — only through the password (``confirm``: show the lock screen first)."""
        if not self.quick_exit.active:
            return True
        if confirm:
            self.ask_to_resume()
            return False
        self.quick_exit.active = False
        self.screens.setCurrentWidget(self.tabs)
        self.menuBar().show()
        self.status.show()
        for action in self._work_actions():
            action.setEnabled(True)
        self.retranslate()
        away, self._away = self._away, AwayState()
        self.search.restore(away.search_text, away.highlighted)
        if away.person_id and self._reopen(away.person_id):
            self.people_stack.setCurrentWidget(self.card)
        else:
            self.people_stack.setCurrentWidget(self.search)
        self.tabs.setCurrentIndex(away.tab)
        self._focus_page()
        for draft in self.quick_exit.take_drafts():
            show_draft_again(draft)
        return True

    def _reopen(self, person_id: str) -> bool:
        session = self.context.session
        try:
            if session is not None and session.needs_break_glass(person_id):
                return False  # the grant ended meanwhile: the search, not the card
            self.card.load(person_id)
        except CasaError:  # removed meanwhile (sync): back to the search
            return False
        return True

    def _focus_page(self) -> None:
        if self.tabs.currentIndex() != 0:
            self.tabs.currentWidget().setFocus()
        elif self._card is not None and self.people_stack.currentWidget() is self._card:
            self._card.history_view.setFocus()
        else:
            self.search.field.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- quitting -----------------------------------------------------------------------------
    def unsaved_out_of_sight(self) -> int:
        """Unsaved forms that quitting would lose unseen: the ones F12 or the lock hid, and
        the ones parked for a user who left the lock screen to a colleague."""
        hidden = self.quick_exit.drafts if self.quick_exit.active else []
        parked = [d for p in self._parked.values() for d in p.drafts]
        return sum(1 for d in [*hidden, *parked] if isValid(d) and d.result() == 0)

    def may_quit(self) -> bool:
        """Quitting (Ctrl+Q, the window's close button) with unsaved forms out of sight asks
        first, default "Non uscire". The question says how many, never whose or what: it may
        be asked on the lock screen, of whoever stands at the desk."""
        count = self.unsaved_out_of_sight()
        if not count:
            return True
        box = message_box(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("MainWindow", "Uscire da casa_desk?"),
            QCoreApplication.translate(
                "MainWindow",
                "Moduli non salvati di chi usava lo sportello: %1. Uscendo andranno persi.",
            ).replace("%1", QLocale().toString(count)),
            self,  # type: ignore[arg-type]
        )
        box.setObjectName("quitConfirm")
        self.quick_exit.allow(box)  # over the lock screen, which closes any other dialog
        leave = box.addButton(
            QCoreApplication.translate("MainWindow", "Esci e perdi i moduli"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        stay = box.addButton(
            QCoreApplication.translate("MainWindow", "Non uscire"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.exec()
        return box.clickedButton() is leave

    def _work_actions(self) -> list[QAction]:
        """Actions that would open work on screen: off while the neutral page is up."""
        return [
            self.register_action,
            self.contact_action,
            self.sync_action,
            self.find_action,
            self.recent_action,
            self.back_action,
        ]
