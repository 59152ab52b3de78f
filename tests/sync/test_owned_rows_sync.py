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
from hostile import Hostile
from sync_helpers import HubProcess, contact, new_office, person, quiesce, row

from casa_desk.errors import ValidationError
from casa_desk.models.ids import uuid7
from casa_desk.reports import aggregate
from casa_desk.reports.aggregate import Month
from casa_desk.store.contacts import Contacts
from casa_desk.store.ownership import office_name
from casa_desk.store.participants import Participants
from casa_desk.store.tables import HEAD_OFFICE
from casa_desk.sync import status as sync_status
from casa_desk.ui.sync_page import SyncPage
from casa_desk.ui.tasks import SyncRunner

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


def test_the_hub_refuses_head_office_writes_of_an_office_rows_but_keeps_merges(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """What a head-office desk of an earlier version (or a hand-made push) still sends: its
    correction of an office's contact, under the office's code or its own, and a step of an
    office's enrolment are refused; a merge's move of the enrolment to the surviving
    record, and head office's correction of its own contact, are taken."""
    office = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    someone = person(office, last_name="Esempio", gender="F")
    other = person(office, last_name="Esempio", gender="F")
    logged = contact(
        office, someone["id"], occurred_at="2026-10-05T09:00:00.000Z", channel="sportello",
        category="manutenzione",
    )  # fmt: skip
    enrolled = Participants(office).enrol(
        someone["id"], {**ENTRY, "entered_on": "2026-01-12"}, presidio="SAN-SIRO"
    )
    quiesce([office])
    hq = Hostile(sqlite_hub, HEAD_OFFICE, head_office=True)
    fields = {k: logged[k] for k in ("person_id", "occurred_at", "channel", "category")}
    as_office = hq.change("contacts", uuid7(), **fields, amends_id=logged["id"])
    as_office["data"].update(presidio="SAN-SIRO", scope="SAN-SIRO")
    as_hq = hq.change("contacts", uuid7(), **fields, amends_id=logged["id"])
    exit_ = hq.change("participants", enrolled["id"], "update", exited_on="2026-03-02")
    moved = hq.change("participants", enrolled["id"], "update", person_id=other["id"])
    own = hq.change("contacts", uuid7(), **fields)
    own_fix = hq.change("contacts", uuid7(), **fields, amends_id=own["row_id"])
    refused = hq.push(as_office, as_hq, exit_, moved, own, own_fix)
    hq.close()
    assert set(refused) == {as_office["change_id"], as_hq["change_id"], exit_["change_id"]}
    assert all("SAN-SIRO" in reason for reason in refused.values())
    quiesce([office])
    [current] = Contacts(office).history([someone["id"], other["id"]])
    assert current["id"] == logged["id"]
    held = row(office, "participants", enrolled["id"])
    assert held is not None and (held["person_id"], held["exited_on"]) == (other["id"], None)


def test_only_the_office_reinstates_a_lost_value_of_its_enrolment(
    qtbot, sqlite_hub: HubProcess, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Two desks of the office correct the same entry apart: head office, which pulls both,
    keeps the loser too, but reinstating it there would be its write of the enrolment; the
    Sync page greys the button, saying which office does it, and the service refuses."""
    office = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    desk2 = new_office(sqlite_hub, tmp_path / "a2.sqlite", "SAN-SIRO")
    hq = new_office(sqlite_hub, tmp_path / "hq.sqlite", HEAD_OFFICE, head_office=True)
    someone = person(office, last_name="Esempio", gender="F")
    enrolled = Participants(office).enrol(
        someone["id"], {**ENTRY, "entered_on": "2026-01-12"}, presidio="SAN-SIRO"
    )
    quiesce([office, desk2, hq])
    Participants(desk2).correct_entry(enrolled["id"], {**ENTRY, "entered_on": "2026-01-13"})
    Participants(office).correct_entry(enrolled["id"], {**ENTRY, "entered_on": "2026-01-14"})
    quiesce([desk2, office, hq])
    for store, owner in ((hq, office_name(hq, "SAN-SIRO")), (office, None)):
        page = SyncPage(store, runner=SyncRunner())
        qtbot.addWidget(page)
        page.refresh()
        found = [r["table_name"] for r in page.conflicts.rows]
        assert found == ["participants"], found
        page.conflicts_view.selectRow(0)
        assert page.reinstate_button.isEnabled() is (owner is None)
        if owner:
            assert owner in page.reinstate_button.toolTip()
            conflict = page.conflicts.rows[0]["id"]
            with pytest.raises(ValidationError) as refused:
                sync_status.reinstate(store, conflict)
            assert refused.value.code == "not_owner"
