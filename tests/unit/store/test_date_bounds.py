"""The dates of contacts and referrals have the bounds the ESF entry already had: no day
before 1 January 2014 (no programme of the offices ran then: a year typed as 1026 or 1900,
or a date that is no date at all). Days to come stay possible where they mean something
(a follow-up, a due date); a contact in the future was already refused.

Refused in the service layer, with a code the window words, nothing written. A correction
that leaves such a date as it was (a contact recorded before this rule, or synced as it
came) is not refused for it: the follow-up can still be marked done."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from casa_desk.errors import ValidationError
from casa_desk.models.timeutil import ROME, today_rome
from casa_desk.store.contacts import Contacts
from casa_desk.store.db import Store
from casa_desk.store.directory import Directory
from casa_desk.store.people import People
from casa_desk.store.referrals import Referrals

CONTACT = {"category": "altro", "summary": "Richiesta"}


def _log(store: Store, **values: object) -> dict:
    return Contacts(store).log({**CONTACT, **values}, presidio="SAN-SIRO", operator="op")


def _refused(store: Store, call, code: str, field: str) -> ValidationError:  # type: ignore[no-untyped-def]
    before = store.pending_changes()
    with pytest.raises(ValidationError) as refused:
        call()
    assert (refused.value.code, refused.value.field) == (code, field)
    assert store.pending_changes() == before  # nothing written
    return refused.value


@pytest.mark.parametrize(
    "occurred",
    [datetime(1900, 3, 1, 10, 0, tzinfo=ROME), datetime(2013, 12, 31, 23, 59, tzinfo=ROME),
     "1900-03-01T09:00:00.000Z", "1026-10-02T08:00:00.000Z"],
)  # fmt: skip
def test_a_contact_before_2014_is_refused(store: Store, occurred: object) -> None:
    refused = _refused(store, lambda: _log(store, occurred_at=occurred), "date_too_old",
                       "occurred_at")  # fmt: skip
    assert refused.message == "Il contatto non può essere precedente al 1° gennaio 2014."


def test_the_first_day_counts_in_rome(store: Store) -> None:
    """Midnight of 1 January 2014 in Rome is 23:00 of 31 December in UTC."""
    row = _log(store, occurred_at=datetime(2014, 1, 1, 0, 0, tzinfo=ROME))
    assert row["occurred_at"] == "2013-12-31T23:00:00.000Z"


@pytest.mark.parametrize(
    "occurred", ["ieri", "2026-10-02x", "2026-02-31T10:00:00.000Z", "", "0000-00-00T00:00:00Z"]
)
def test_a_contact_moment_that_is_no_moment_is_refused(store: Store, occurred: str) -> None:
    """A text that is no moment was stored as given (only compared, as text, with now)."""
    if occurred == "":  # empty means "now", as always
        assert _log(store, occurred_at=occurred)["occurred_at"]
        return
    refused = _refused(store, lambda: _log(store, occurred_at=occurred), "date_invalid",
                       "occurred_at")  # fmt: skip
    assert refused.message == "La data del contatto non è valida."


@pytest.mark.parametrize("follow_up", [date(1026, 5, 4), date(2013, 12, 31), "1900-01-01"])
def test_a_follow_up_before_2014_is_refused(store: Store, follow_up: object) -> None:
    refused = _refused(store, lambda: _log(store, follow_up_on=follow_up), "date_too_old",
                       "follow_up_on")  # fmt: skip
    assert refused.message == "La data di richiamo non può essere precedente al 1° gennaio 2014."


def test_follow_ups_to_come_and_the_first_day_are_fine(store: Store) -> None:
    far = today_rome() + timedelta(days=3 * 365)
    assert _log(store, follow_up_on=far)["follow_up_on"] == far.isoformat()
    assert _log(store, follow_up_on=date(2014, 1, 1))["follow_up_on"] == "2014-01-01"


def test_a_correction_is_judged_on_what_it_changes(store: Store) -> None:
    """A contact recorded before the rule (here written directly, as a sync applies what it
    receives) with a follow-up in 1026: marking it done, or correcting its summary, keeps
    the old day and is not refused; changing the day to another one before 2014 is."""
    contacts = Contacts(store)
    row = _log(store)
    with store.transaction() as journal:
        old = journal.insert(
            "contacts",
            {**{k: row[k] for k in ("category", "summary", "channel", "operator")},
             "occurred_at": "1900-03-01T09:00:00.000Z", "follow_up_on": "1026-05-04"},
            presidio="SAN-SIRO",
        )  # fmt: skip
    fixed = contacts.amend(old["id"], {"summary": "Richiesta corretta"}, operator="op")
    assert (fixed["occurred_at"], fixed["follow_up_on"]) == ("1900-03-01T09:00:00.000Z",
                                                             "1026-05-04")  # fmt: skip
    done = contacts.mark_follow_up_done(fixed["id"], operator="op")
    for field, value in (("follow_up_on", "1026-05-05"), ("occurred_at", "1901-03-01T09:00Z")):
        _refused(
            store,
            lambda f=field, v=value: contacts.amend(done["id"], {f: v}, operator="op"),
            "date_too_old",
            field,
        )
    moved = contacts.amend(done["id"], {"follow_up_on": "2026-05-05"}, operator="op")
    assert moved["follow_up_on"] == "2026-05-05"


Referable = tuple[Store, str, str]


@pytest.fixture
def referable(store: Store) -> Referable:
    """The store, a person and a service to refer her to."""
    person = People(store).register({"first_name": "Ada", "last_name": "Esempio"},
                                    presidio="SAN-SIRO")  # fmt: skip
    service = Directory(store).save_service({"name": "Sportello prova", "kind": "casa"})
    return store, person["id"], service["id"]


def _referral(referable: Referable, due_on: date | None) -> dict:
    store, person_id, service_id = referable
    return Referrals(store).create(
        person_id=person_id, service_id=service_id, reason="Alloggio", presidio="SAN-SIRO",
        by="op", due_on=due_on,
    )  # fmt: skip


@pytest.mark.parametrize("due", [date(1900, 1, 1), date(1026, 11, 30), date(2013, 12, 31)])
def test_a_referral_due_before_2014_is_refused(referable: Referable, due: date) -> None:
    store = referable[0]
    refused = _refused(store, lambda: _referral(referable, due), "date_too_old", "due_on")
    assert refused.message == "La scadenza non può essere precedente al 1° gennaio 2014."
    assert store.query("SELECT count(*) AS n FROM referrals")[0]["n"] == 0


def test_a_referral_due_later_or_on_the_first_day_is_fine(referable: Referable) -> None:
    far = today_rome() + timedelta(days=2 * 365)
    assert _referral(referable, far)["due_on"] == far.isoformat()
    assert _referral(referable, date(2014, 1, 1))["due_on"] == "2014-01-01"
    assert _referral(referable, None)["due_on"] is None
