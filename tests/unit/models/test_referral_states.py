"""The referral state machine and its fold over events."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casa_desk.errors import TransitionError
from casa_desk.models.referrals import (
    FINAL_STATES,
    Event,
    EventKind,
    Status,
    allowed_events,
    fold,
    next_status,
)


def test_the_happy_path() -> None:
    state = None
    for kind, expected in [
        ("created", "bozza"),
        ("sent", "inviata"),
        ("taken_in_charge", "presa_in_carico"),
        ("closed", "conclusa"),
        ("reopened", "inviata"),
    ]:
        state = next_status(state, kind)
        assert state == expected


@pytest.mark.parametrize(
    ("state", "event", "message"),
    [
        (Status.DRAFT, "taken_in_charge", "solo dopo l'invio"),
        (Status.SENT, "closed", "presa in carico"),
        (Status.CLOSED, "cancelled", "già chiusa"),
        (Status.SENT, "reopened", "riaprire solo"),
        (None, "sent", "prima essere creata"),
        (Status.DRAFT, "created", "esiste già"),
    ],
)
def test_refused_steps_say_why(state, event, message) -> None:
    with pytest.raises(TransitionError, match=message):
        next_status(state, event)


def test_allowed_events_are_exactly_the_legal_ones() -> None:
    for state in [None, *Status]:
        for kind in EventKind:
            legal = kind in allowed_events(state)
            try:
                next_status(state, kind)
                assert legal or kind in (EventKind.HELD, EventKind.RESUMED)
            except TransitionError:
                assert not legal
    assert set(allowed_events(Status.CLOSED)) == {EventKind.REOPENED}
    # Holding and resuming follow the consent, never a button.
    assert not {EventKind.HELD, EventKind.RESUMED} & set(allowed_events(Status.SENT))


def test_held_keeps_the_status_until_resumed() -> None:
    events = [
        Event("created", (1, "a"), "e1"),
        Event("sent", (2, "a"), "e2"),
        Event("held", (3, "a"), "e3"),
    ]
    folded = fold(events)
    assert (folded.status, folded.held, folded.held_event) == (Status.SENT, True, "e3")
    folded = fold([*events, Event("resumed", (4, "a"), "e4")])
    assert (folded.status, folded.held) == (Status.SENT, False)
    # A held referral that is cancelled is no longer on hold; a closed one cannot be held.
    folded = fold([*events, Event("cancelled", (4, "a"), "e4"), Event("held", (5, "a"), "e5")])
    assert (folded.status, folded.held, folded.flagged) == (Status.CANCELLED, False, ["e5"])


def test_an_illegal_event_is_kept_and_flagged_not_applied() -> None:
    events = [
        Event("created", (1, "a"), "e1"),
        Event("sent", (2, "a"), "e2"),
        Event("closed", (3, "b"), "e3"),  # another office closed too early
        Event("taken_in_charge", (4, "a"), "e4"),
    ]
    folded = fold(events)
    assert folded.status == Status.TAKEN_IN_CHARGE
    assert folded.flagged == ["e3"]


@given(
    st.permutations(
        [
            Event(k, (i, "d"), f"e{i}")
            for i, k in enumerate(
                ["created", "sent", "taken_in_charge", "closed", "reopened", "refused"]
            )
        ]
    )
)
def test_fold_depends_only_on_clock_order(events) -> None:
    """Every device sees the events in a different arrival order: the status is the same."""
    assert fold(events).status == Status.REFUSED


@given(st.lists(st.sampled_from(list(EventKind)), max_size=12))
def test_fold_always_lands_in_a_known_state(kinds) -> None:
    folded = fold(Event(k.value, (i, "d"), f"e{i}") for i, k in enumerate(kinds))
    assert folded.status is None or folded.status in set(Status)
    if folded.status in FINAL_STATES:
        assert EventKind.REOPENED in allowed_events(folded.status)
