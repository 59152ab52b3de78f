"""The referral state machine, folded from events (DESIGN.md §3, SYNC.md §1).

A referral's status is never stored as a field to overwrite: it is the fold of its
``referral_events`` in clock order. Every device that sees the same events computes the same
status; an event that is illegal where it falls is kept and *flagged*, not dropped, so a
coordinator can review it (for instance, one office closed the referral while another
recorded progress).

>>> fold([Event("created"), Event("sent"), Event("taken_in_charge")]).status
<Status.TAKEN_IN_CHARGE: 'presa_in_carico'>
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from casa_desk.errors import TransitionError


class Status(StrEnum):
    DRAFT = "bozza"
    SENT = "inviata"
    TAKEN_IN_CHARGE = "presa_in_carico"
    CLOSED = "conclusa"
    REFUSED = "rifiutata"
    CANCELLED = "annullata"


class EventKind(StrEnum):
    CREATED = "created"
    SENT = "sent"
    TAKEN_IN_CHARGE = "taken_in_charge"
    CLOSED = "closed"
    REFUSED = "refused"
    CANCELLED = "cancelled"
    REOPENED = "reopened"


OPEN_STATES = frozenset({Status.DRAFT, Status.SENT, Status.TAKEN_IN_CHARGE})
FINAL_STATES = frozenset({Status.CLOSED, Status.REFUSED, Status.CANCELLED})
#: Open and still waiting for the service: only these can be past their due date (a
#: referral taken in charge has reached the service; its due date is met).
AWAITING_STATES = frozenset({Status.DRAFT, Status.SENT})

#: (from-state, event) → to-state. Anything not listed is illegal.
TRANSITIONS: dict[tuple[Status | None, EventKind], Status] = {
    (None, EventKind.CREATED): Status.DRAFT,
    (Status.DRAFT, EventKind.SENT): Status.SENT,
    (Status.SENT, EventKind.TAKEN_IN_CHARGE): Status.TAKEN_IN_CHARGE,
    (Status.TAKEN_IN_CHARGE, EventKind.CLOSED): Status.CLOSED,
    # Refusal and cancellation are possible from every open state.
    **{(s, EventKind.REFUSED): Status.REFUSED for s in OPEN_STATES},
    **{(s, EventKind.CANCELLED): Status.CANCELLED for s in OPEN_STATES},
    # Reopening brings a finished referral back to "sent".
    **{(s, EventKind.REOPENED): Status.SENT for s in FINAL_STATES},
}

_REFUSAL_REASONS: dict[EventKind, str] = {
    EventKind.CREATED: "La segnalazione esiste già.",
    EventKind.SENT: "Si può inviare solo una segnalazione in bozza.",
    EventKind.TAKEN_IN_CHARGE: "La presa in carico è possibile solo dopo l'invio.",
    EventKind.CLOSED: "Si può concludere solo una segnalazione presa in carico.",
    EventKind.REFUSED: "Una segnalazione già chiusa non può essere rifiutata.",
    EventKind.CANCELLED: "Una segnalazione già chiusa non può essere annullata.",
    EventKind.REOPENED: "Si può riaprire solo una segnalazione conclusa, rifiutata o annullata.",
}


def next_status(current: Status | None, event: EventKind | str) -> Status:
    """The status after ``event``, or :class:`TransitionError` with a reason a user reads."""
    kind = EventKind(event)
    try:
        return TRANSITIONS[(current, kind)]
    except KeyError:
        if current is None:
            raise TransitionError(
                "La segnalazione deve prima essere creata.", code="transition_not_created"
            ) from None
        raise TransitionError(_REFUSAL_REASONS[kind], code=f"transition_{kind.value}") from None


def allowed_events(current: Status | None) -> list[EventKind]:
    """The steps a user may take from ``current`` (the UI offers only these)."""
    return [kind for (state, kind) in TRANSITIONS if state == current]


@dataclass(frozen=True)
class Event:
    """One referral event as the fold sees it; ``key`` orders events (the sync clock)."""

    kind: str
    key: tuple[int, str] = (0, "")
    event_id: str = ""


@dataclass
class Folded:
    status: Status | None
    flagged: list[str] = field(default_factory=list)  # event ids that were illegal in place
    history: list[tuple[str, Status | None]] = field(default_factory=list)


def fold(events: Iterable[Event]) -> Folded:
    """Fold events, sorted by their clock key, into a status; illegal ones are flagged."""
    result = Folded(status=None)
    for event in sorted(events, key=lambda e: (e.key, e.event_id)):
        try:
            result.status = next_status(result.status, event.kind)
        except (TransitionError, ValueError):
            result.flagged.append(event.event_id)
        result.history.append((event.kind, result.status))
    return result
