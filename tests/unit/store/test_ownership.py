"""Only the owning office writes its contacts' corrections and its ESF enrolments (SYNC.md
§1, class B): head office — which holds every office's rows — and any other office are
refused with ``not_owner``, nothing written; head office still corrects its own."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from login_helpers import new_store

from casa_desk.errors import ValidationError
from casa_desk.store.contacts import Contacts
from casa_desk.store.db import Store
from casa_desk.store.ownership import office_name
from casa_desk.store.participants import Participants
from casa_desk.store.tables import HEAD_OFFICE

ENTRY = {"entered_on": "2025-01-10", "employment_status": "employed", "education_isced": "3-4"}
SURNAME = "Esempiotto"  # never in a refusal


@pytest.fixture
def hq(tmp_path: Path) -> Iterator[Store]:
    """A head-office store holding an office's rows, as a sync brings them."""
    opened = new_store(tmp_path / "hq.sqlite", presidio=HEAD_OFFICE)
    yield opened
    opened.close()


def _rows(store: Store, presidio: str, *, exited: bool = False) -> tuple[str, str]:
    """A person, a contact with a follow-up and an enrolment owned by ``presidio``, written
    as that office's desk wrote them (they reach other desks by sync)."""
    with store.transaction() as j:
        person = j.insert("people", {"first_name": "Ada", "last_name": SURNAME}, presidio=presidio)
        contact = j.insert(
            "contacts",
            {"person_id": person["id"], "occurred_at": "2025-01-10T09:00:00.000Z",
             "channel": "sportello", "category": "manutenzione", "summary": "perdita",
             "follow_up_on": "2025-01-20", "operator": "op"},
            presidio=presidio,
        )  # fmt: skip
        left = {"exited_on": "2025-02-03", "exit_results_on": None} if exited else {}
        enrolment = j.insert(
            "participants", {"person_id": person["id"], **ENTRY, **left}, presidio=presidio
        )
    return contact["id"], enrolment["id"]


def _refused(store: Store, write: Callable[[], Any], field: str, office: str) -> None:
    before = store.db.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]
    with pytest.raises(ValidationError) as caught:
        write()
    error = caught.value
    assert (error.code, error.field, error.params) == ("not_owner", field, {"office": office})
    assert office in error.message and SURNAME not in error.message
    assert store.db.execute("SELECT count(*) FROM sync_outbox").fetchone()[0] == before


def test_head_office_does_not_correct_an_office_contact(hq: Store) -> None:
    contact, _ = _rows(hq, "SAN-SIRO")
    contacts = Contacts(hq)
    office = office_name(hq, "SAN-SIRO")
    assert office != "SAN-SIRO"  # the office's name, as the window shows it
    _refused(hq, lambda: contacts.amend(contact, {"summary": "altro"}, operator="sede"),
             "contact_id", office)  # fmt: skip
    _refused(hq, lambda: contacts.mark_follow_up_done(contact, operator="sede"),
             "contact_id", office)  # fmt: skip
    _refused(hq, lambda: contacts.remove(contact, operator="sede"), "contact_id", office)
    assert contacts.get(contact)["follow_up_done_at"] is None
    # Its own contacts head office corrects as any office does.
    own, _ = _rows(hq, HEAD_OFFICE)
    done = contacts.mark_follow_up_done(own, operator="sede")
    assert done["amends_id"] == own and done["presidio"] == HEAD_OFFICE


def test_an_office_does_not_correct_another_office_contact(store: Store) -> None:
    contact, _ = _rows(store, "MAZZINI")
    _refused(store, lambda: Contacts(store).amend(contact, {"minutes": 5}, operator="op"),
             "contact_id", office_name(store, "MAZZINI"))  # fmt: skip
    mine, _ = _rows(store, "SAN-SIRO")
    assert Contacts(store).amend(mine, {"minutes": 5}, operator="op")["minutes"] == 5


def test_head_office_takes_no_esf_step_on_an_office_enrolment(hq: Store) -> None:
    participants = Participants(hq)
    office = office_name(hq, "SAN-SIRO")
    _, still = _rows(hq, "SAN-SIRO")
    _, left = _rows(hq, "SAN-SIRO", exited=True)
    steps = {
        "correct_entry": lambda: participants.correct_entry(
            still, {**ENTRY, "entered_on": "2025-01-11"}
        ),
        "exit": lambda: participants.exit(still, date(2025, 3, 3), []),
        "results": lambda: participants.record_exit_results(left, ["employed"]),
        "follow_up": lambda: participants.record_follow_up(left, [], known=False),
        "reentry": lambda: participants.reenter(left, date(2025, 9, 1)),
    }
    for write in steps.values():
        _refused(hq, write, "participant_id", office)
    assert participants.get(still)["exited_on"] is None
    assert participants.get(left)["followup_on"] is None
    person = participants.get(still)["person_id"]
    assert participants.owner_elsewhere([person]) == "SAN-SIRO"


def test_head_office_records_the_steps_of_its_own_enrolment(hq: Store) -> None:
    participants = Participants(hq)
    _, own = _rows(hq, HEAD_OFFICE)
    assert participants.owner_elsewhere([participants.get(own)["person_id"]]) is None
    participants.correct_entry(own, {**ENTRY, "entered_on": "2025-01-11"})
    participants.exit(own, date(2025, 3, 3), ["employed"])
    participants.record_follow_up(own, ["employed"])
    participants.reenter(own, date(2025, 10, 1))
    assert participants.get(own)["reentered_on"] == "2025-10-01"
