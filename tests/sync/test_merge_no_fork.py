"""Head office merges a person while the office works on the person's contacts (a real hub).

Contacts are insert-only: a correction is a new row that amends the old. A head-office
merge corrected every contact of the duplicate, the office's too, to point at the survivor;
the office meanwhile marked one of those contacts' follow-up done, a correction of the same
row. After sync the contact had two current versions: it counted twice in the office's and
the consolidated report, its person's history showed it twice, and the follow-up the office
had closed was open again in its agenda (the merge's copy). The merge now leaves an
office's contacts on the duplicate (as an office's merge leaves another office's): the
card, the agenda and the reports already read them as the survivor's.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sync_helpers import HubProcess, contact, new_office, person, quiesce

from casa_desk.reports import aggregate
from casa_desk.reports.aggregate import Month
from casa_desk.store.contacts import Contacts
from casa_desk.store.people import People
from casa_desk.store.tables import HEAD_OFFICE


def test_a_head_office_merge_and_an_office_correction_leave_one_contact(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    office = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    hq = new_office(sqlite_hub, tmp_path / "hq.sqlite", HEAD_OFFICE, head_office=True)
    duplicate = person(office, last_name="Doppia", gender="F")
    survivor = person(office, last_name="Doppia", gender="F")
    logged = contact(
        office, duplicate["id"], occurred_at="2026-10-05T09:00:00.000Z", channel="sportello",
        category="manutenzione", follow_up_on="2026-10-20",
    )  # fmt: skip
    quiesce([office, hq])
    # Apart: the office closes the follow-up, head office merges the two records.
    Contacts(office).mark_follow_up_done(logged["id"], operator="op")
    People(hq).merge(duplicate["id"], survivor["id"], presidio=HEAD_OFFICE, operator="sede")
    quiesce([office, hq])
    both = [survivor["id"], duplicate["id"]]
    for store, presidio in ((office, "SAN-SIRO"), (hq, None)):
        [current] = Contacts(store).history(both)
        assert current["follow_up_done_at"] is not None
        figures = aggregate.compute(store.db.conn, Month(2026, 10), presidio)
        headline = figures.headline
        assert (headline.contacts, headline.people, headline.new_people) == (1, 1, 1)
        assert headline.overdue_follow_ups == 1  # done in December: open at October's end
    assert Contacts(office).agenda("SAN-SIRO", date(2026, 11, 1))["overdue"] == []
