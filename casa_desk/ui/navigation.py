"""Today's cards and the way back (issue 9, item 12).

The desk opens the same few people again and again in a day: the one who came in this
morning, a neighbour, the person the phone call was about. :class:`Navigation` remembers the
cards opened today (in this window, in memory only: nothing is written anywhere) for the
"Persone di oggi" menu (F2), and the cards visited before the current one for Alt+←.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from casa_desk.models.timeutil import ROME

#: A day's list stays short enough to read at a glance.
MAX_RECENT = 30


@dataclass
class Visit:
    person_id: str
    name: str  # "Surname Name", as the card's title
    at: datetime  # Europe/Rome


class Navigation:
    """Cards opened today, newest first, and the stack of cards to go back to."""

    def __init__(self) -> None:
        self._visits: list[Visit] = []
        self._back: list[str] = []

    def opened(self, person_id: str, name: str, *, previous: str | None = None) -> None:
        """``person_id`` is on screen now; ``previous`` is the card it replaced, if any."""
        if previous and previous != person_id:
            self._back.append(previous)
            del self._back[:-MAX_RECENT]
        self._visits = [v for v in self._visits if v.person_id != person_id]
        self._visits.append(Visit(person_id, name, datetime.now(ROME)))
        del self._visits[:-MAX_RECENT]

    def back(self, current: str | None) -> str | None:
        """The card to return to (not the one on screen), taken off the stack."""
        while self._back:
            person_id = self._back.pop()
            if person_id != current:
                return person_id
        if current is None and self._visits:  # from the search: the last card seen
            return self._visits[-1].person_id
        return None

    def today(self) -> list[Visit]:
        """Today's cards, the most recent first."""
        day = datetime.now(ROME).date()
        return [v for v in reversed(self._visits) if v.at.date() == day]

    def forget(self, person_id: str) -> None:
        """A card that no longer exists (merged away, deleted by sync)."""
        self._visits = [v for v in self._visits if v.person_id != person_id]
        self._back = [p for p in self._back if p != person_id]
