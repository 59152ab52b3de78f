"""Quick exit, the window's side: where the operator was, kept as ids while the neutral page
is up, and the way back to it (issue 9, item 1). The event filter, the neutral page and the
confirmation are in :mod:`casa_desk.ui.quick_exit`.

A mixin of :class:`~casa_desk.ui.main_window.MainWindow`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from casa_desk.errors import CasaError
from casa_desk.ui.quick_exit import NeutralPage


@dataclass
class AwayState:
    """Where the operator was when F12 hid the window (ids only, nothing on screen)."""

    tab: int = 0
    person_id: str | None = None
    search_text: str = ""
    highlighted: str | None = None


class AwayMixin:
    """Hide everything on F12; come back after the confirmation."""

    # provided by the window
    _away: AwayState
    quick_exit: Any
    tabs: Any
    people_stack: Any
    card: Any
    search: Any
    screens: Any
    neutral: Any
    status: Any
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
        self._away = AwayState(
            tab=self.tabs.currentIndex(),
            person_id=self.card.person_id
            if self.people_stack.currentWidget() is self.card
            else None,
            search_text=self.search.field.text(),
            highlighted=self.search.highlighted_person_id(),
        )
        self.search.reset()
        self.card.clear()
        self.people_stack.setCurrentWidget(self.search)
        self.tabs.setCurrentIndex(0)
        self.screens.setCurrentWidget(self.neutral)
        self.menuBar().hide()
        self.status.hide()
        for action in self._work_actions():
            action.setEnabled(False)
        self.setWindowTitle(NeutralPage.title())
        self.neutral.resume_button.setFocus()

    def resume(self, *, confirm: bool = True) -> bool:
        """Back from the neutral page — after the confirmation (login: the password) —
        to the page, the card and the unsaved forms that were open."""
        if not self.quick_exit.active:
            return True
        if confirm and not self.quick_exit.confirm_resume(self):
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
            draft.show()
            draft.raise_()
            draft.activateWindow()
        return True

    def _reopen(self, person_id: str) -> bool:
        try:
            self.card.load(person_id)
        except CasaError:  # removed meanwhile (sync): back to the search
            return False
        return True

    def _focus_page(self) -> None:
        if self.tabs.currentIndex() != 0:
            self.tabs.currentWidget().setFocus()
        elif self.people_stack.currentWidget() is self.card:
            self.card.history_view.setFocus()
        else:
            self.search.field.setFocus(Qt.FocusReason.OtherFocusReason)

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
