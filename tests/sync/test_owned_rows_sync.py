"""Head office corrects no office's contact and takes no step of an office's ESF enrolment
(a real hub).

Head office's window offered the correction of any contact on the person's card. If the
office corrected the same contact meanwhile (its follow-up done), after sync the contact had
two current versions — two rows amending one: counted twice in the office's and the
consolidated report, shown twice on the card, the closed follow-up open again in the
agenda. The same held for an office's enrolment (a result attached to another exit). Only
the owning office writes them now (SYNC.md §1): head office's desk refuses, ``not_owner``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sync_helpers import HubProcess, contact, new_office, person, quiesce, row

from casa_desk.errors import ValidationError
from casa_desk.reports import aggregate
from casa_desk.reports.aggregate import Month
from casa_desk.store.contacts import Contacts
from casa_desk.store.participants import Participants
from casa_desk.store.tables import HEAD_OFFICE

ENTRY = {"employment_status": "inactive", "education_isced": "0-2"}


def test_head_office_and_the_office_cannot_fork_a_contact(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    office = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    hq = new_office(sqlite_hub, tmp_path / "hq.sqlite", HEAD_OFFICE, head_office=True)
    someone = person(office, last_name="Esempio", gender="F")
    logged = contact(
        office, someone["id"], occurred_at="2026-10-05T09:00:00.000Z", channel="sportello",
        category="manutenzione", follow_up_on="2026-10-20",
    )  # fmt: skip
    quiesce([office, hq])
    # Apart: the office closes the follow-up; head office tries to correct the contact.
    Contacts(office).mark_follow_up_done(logged["id"], operator="op")
    with pytest.raises(ValidationError) as refused:
        Contacts(hq).amend(logged["id"], {"category": "amministrativo"}, operator="sede")
    assert refused.value.code == "not_owner"
    quiesce([office, hq])
    for store, presidio in ((office, "SAN-SIRO"), (hq, None)):
        [current] = Contacts(store).history([someone["id"]])
        assert current["follow_up_done_at"] is not None
        assert current["category"] == "manutenzione"
        figures = aggregate.compute(store.db.conn, Month(2026, 10), presidio)
        assert (figures.headline.contacts, figures.headline.people) == (1, 1)
    assert Contacts(office).agenda("SAN-SIRO", date(2026, 11, 1))["overdue"] == []


def test_head_office_records_no_result_of_an_office_exit(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    office = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    hq = new_office(sqlite_hub, tmp_path / "hq.sqlite", HEAD_OFFICE, head_office=True)
    someone = person(office, last_name="Esempio", gender="F")
    participants = Participants(office)
    enrolled = participants.enrol(
        someone["id"], {**ENTRY, "entered_on": "2026-01-12"}, presidio="SAN-SIRO"
    )
    participants.exit(enrolled["id"], date(2026, 3, 2))
    quiesce([office, hq])
    # Apart: the office records a re-entry; head office tries the results of the old exit.
    participants.reenter(enrolled["id"], date(2026, 4, 1))
    with pytest.raises(ValidationError) as refused:
        Participants(hq).record_exit_results(enrolled["id"], ["job_searching"])
    assert refused.value.code == "not_owner"
    assert Participants(hq).owner_elsewhere([someone["id"]]) == "SAN-SIRO"
    quiesce([office, hq])
    for store in (office, hq):
        merged = row(store, "participants", enrolled["id"])
        assert merged is not None
        assert (merged["reentered_on"], merged["exited_on"]) == ("2026-04-01", None)
        assert merged["exit_results_on"] is None and merged["exit_job_searching"] is None
