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
    # Consent lifecycle (issue 11): the person withdrew (or let expire) the consent to share
    # with the service; the referral keeps its state but nothing is shared until a new
    # consent resumes it. Neither changes the status: ``Folded.held`` carries it.
    HELD = "held"
    RESUMED = "resumed"


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
    # Holding and resuming leave the status alone (open referrals only).
    **{(s, EventKind.HELD): s for s in OPEN_STATES},
    **{(s, EventKind.RESUMED): s for s in OPEN_STATES},
}

_REFUSAL_REASONS: dict[EventKind, str] = {
    EventKind.CREATED: "La segnalazione esiste già.",
    EventKind.SENT: "Si può inviare solo una segnalazione in bozza.",
    EventKind.TAKEN_IN_CHARGE: "La presa in carico è possibile solo dopo l'invio.",
    EventKind.CLOSED: "Si può concludere solo una segnalazione presa in carico.",
    EventKind.REFUSED: "Una segnalazione già chiusa non può essere rifiutata.",
    EventKind.CANCELLED: "Una segnalazione già chiusa non può essere annullata.",
    EventKind.REOPENED: "Si può riaprire solo una segnalazione conclusa, rifiutata o annullata.",
    EventKind.HELD: "Si può sospendere solo una segnalazione aperta.",
    EventKind.RESUMED: "Si può riprendere solo una segnalazione aperta.",
}
#: Steps the user takes from the referral page (holding and resuming follow the consent).
USER_EVENTS = frozenset(set(EventKind) - {EventKind.HELD, EventKind.RESUMED})


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
    """The steps a user may take from ``current`` (the UI offers only these; holding and
    resuming are the consent's doing, not a button)."""
    return [kind for (state, kind) in TRANSITIONS if state == current and kind in USER_EVENTS]


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
    #: On hold: a ``held`` event not yet followed by ``resumed`` (or a close or reopening).
    held: bool = False
    held_event: str = ""  # the event id that put it on hold (its note is the reason)


def fold(events: Iterable[Event]) -> Folded:
    """Fold events, sorted by their clock key, into a status; illegal ones are flagged."""
    result = Folded(status=None)
    for event in sorted(events, key=lambda e: (e.key, e.event_id)):
        try:
            result.status = next_status(result.status, event.kind)
        except (TransitionError, ValueError):
            result.flagged.append(event.event_id)
        else:
            if event.kind == EventKind.HELD:
                result.held, result.held_event = True, event.event_id
            elif event.kind == EventKind.RESUMED or result.status not in OPEN_STATES:
                result.held, result.held_event = False, ""
        result.history.append((event.kind, result.status))
    return result
