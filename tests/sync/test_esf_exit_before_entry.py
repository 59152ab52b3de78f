"""An exit before the entry, made by two desks that each checked the order (a real hub).

One desk of the office corrects a participant's entry day to later (it has no exit yet),
while the office's second desk records the exit on a day after the old entry: both checks
pass,
each field keeps its latest value, and after sync the enrolment has left before it entered.
The report counted that exit in no month's exits (the exit month's report did not know the
participant yet) but in every total since the start from the entry month: the totals were no
longer the sum of the months' exits that the months' protection takes them to be. It now
counts such an exit on the entry day, in the entry month, where every table agrees.

(Head office made the second write in these tests until only the owning office could
write its enrolments: its desk now refuses, ``not_owner``. Two desks of one office still
can, and so could head office's desk of an earlier version.)
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sync_helpers import HubProcess, new_office, person, quiesce, row

from casa_desk.reports import aggregate
from casa_desk.reports.aggregate import Month
from casa_desk.store.participants import Participants
from casa_desk.store.tables import HEAD_OFFICE

ENTRY = {"employment_status": "unemployed", "education_isced": "0-2"}


def _exits(store, presidio: str | None, month: int) -> tuple[int, int]:
    figures = aggregate.compute(store.db.conn, Month(2026, month), presidio)
    new = next(b for b in figures.exits_new if b.section == "esf_exit_new_by_gender")
    total = next(b for b in figures.exits_total if b.section == "esf_exit_total_by_gender")
    return new.total, total.total


def test_an_exit_before_the_entry_counts_in_the_entry_month(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    office = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    desk2 = new_office(sqlite_hub, tmp_path / "a2.sqlite", "SAN-SIRO")
    hq = new_office(sqlite_hub, tmp_path / "hq.sqlite", HEAD_OFFICE, head_office=True)
    someone = person(office, last_name="Esempio", gender="F")
    enrolled = Participants(office).enrol(
        someone["id"], {**ENTRY, "entered_on": "2026-03-02"}, presidio="SAN-SIRO"
    )
    quiesce([office, desk2, hq])
    Participants(office).correct_entry(enrolled["id"], {**ENTRY, "entered_on": "2026-06-01"})
    Participants(desk2).exit(enrolled["id"], date(2026, 4, 1), [])
    quiesce([office, desk2, hq])
    merged = row(hq, "participants", enrolled["id"])
    assert merged is not None
    assert (merged["entered_on"], merged["exited_on"]) == ("2026-06-01", "2026-04-01")
    for store, presidio in ((office, "SAN-SIRO"), (hq, None)):
        months = {m: _exits(store, presidio, m) for m in range(3, 9)}
        assert [months[m][0] for m in range(3, 9)] == [0, 0, 0, 1, 0, 0]  # June, the entry
        assert [months[m][1] for m in range(3, 9)] == [0, 0, 0, 1, 1, 1]


def _results(store, presidio: str | None, month: int) -> tuple[int, int]:
    figures = aggregate.compute(store.db.conn, Month(2026, month), presidio)
    new = next(b for b in figures.follow_ups_new if b.section == "esf_6m_new_by_gender")
    total = next(b for b in figures.follow_ups_total if b.section == "esf_6m_total_by_gender")
    return new.total, total.total


def test_a_six_month_result_before_the_exit_counts_in_the_exit_month(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """The office's second desk records the six-month result of the exit it holds while the
    first, apart, records a re-entry and a new exit: the result (the later clock) stays,
    dated before the exit it now sits beside. It was in no month's results and in the
    totals after."""
    office = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    desk2 = new_office(sqlite_hub, tmp_path / "a2.sqlite", "SAN-SIRO")
    hq = new_office(sqlite_hub, tmp_path / "hq.sqlite", HEAD_OFFICE, head_office=True)
    someone = person(office, last_name="Esempio", gender="F")
    participants = Participants(office)
    enrolled = participants.enrol(
        someone["id"], {**ENTRY, "entered_on": "2025-11-03"}, presidio="SAN-SIRO"
    )
    participants.exit(enrolled["id"], date(2026, 1, 5), [])
    quiesce([office, desk2, hq])
    participants.reenter(enrolled["id"], date(2026, 3, 2))
    participants.exit(enrolled["id"], date(2026, 8, 3), [])
    Participants(desk2).record_follow_up(enrolled["id"], ["employed"], on=date(2026, 7, 6))
    quiesce([office, desk2, hq])
    merged = row(hq, "participants", enrolled["id"])
    assert merged is not None
    assert (merged["exited_on"], merged["followup_on"]) == ("2026-08-03", "2026-07-06")
    for store, presidio in ((office, "SAN-SIRO"), (hq, None)):
        months = {m: _results(store, presidio, m) for m in range(6, 11)}
        assert [months[m][0] for m in range(6, 11)] == [0, 0, 1, 0, 0]  # August, the exit
        assert [months[m][1] for m in range(6, 11)] == [0, 0, 1, 1, 1]
