"""An ESF row or a referral event with an odd day (a typo, a row synced from elsewhere:
synced rows are only type-checked) never stops the monthly report nor makes it walk from
year 1.

Found by an adversarial review: ``followup_on = "2025-9-30"`` stopped the office and the
consolidated report with a ValueError, ``exited_on = "0001-02-01"`` made them take 38 and
76 s (the months' walk from year 1), and an entry in year 1 had done so since the walk
began."""

from __future__ import annotations

from pathlib import Path

import pytest
import report_fixture
from login_helpers import new_store

from casa_desk.models.esf import DEFAULT_PROGRAMME
from casa_desk.reports import aggregate, esf, service
from casa_desk.reports.model import parse_month

ODD = {
    "exit_in_year_1": {"entered_on": "0001-01-01", "exited_on": "0001-02-01"},
    "exit_unpadded": {"exited_on": "2026-1-05"},
    "result_zero": {"exited_on": "2026-03-01", "followup_on": "0000-00-00", "followup_known": 1},
    "result_unpadded": {"exited_on": "2026-03-01", "followup_on": "2025-9-30", "followup_known": 1},
}


@pytest.mark.parametrize("case", list(ODD))
def test_an_odd_day_is_counted_from_the_programmes_first_month(tmp_path: Path, case: str) -> None:
    store = new_store(tmp_path / "s.sqlite")
    info = report_fixture.build(store)
    row = {"entered_on": "2026-08-03", "person_id": info["people"][-1], **ODD[case]}
    with store.transaction() as journal:
        journal.insert("participants", row, presidio="SAN-SIRO")
    month = parse_month("2026-10")
    for office in ("SAN-SIRO", None):
        report = service.build_report(store, month, office)
        assert report.exits_total and report.follow_ups_total
    figures = esf.esf_figures(
        store.db.conn, month, "SAN-SIRO", aggregate._aliases(store.db.conn), DEFAULT_PROGRAMME
    )
    # every series starts at the programme's first month at the earliest (2014-01 to 2026-10)
    assert max(map(len, figures.month_series.values())) <= 12 * 12 + 10
    store.close()


#: Entry days a synced row may carry (only type-checked at the hub) that are no real date.
#: On main each stopped the office's and the consolidated report with a ValueError (a
#: traceback at the command line): the age at entry parsed the day.
ODD_ENTRIES = ("2026-09-31", "2026-10-5", "2026-10", "", "0000-00-00", "2026-9-30")


@pytest.mark.parametrize("entered_on", ODD_ENTRIES)
def test_an_odd_entry_day_never_stops_the_report(tmp_path: Path, entered_on: str) -> None:
    from casa_desk.cli import main

    path = tmp_path / "s.sqlite"
    store = new_store(path)
    info = report_fixture.build(store)
    with store.transaction() as journal:
        journal.insert(
            "participants",
            {"entered_on": entered_on, "person_id": info["people"][-1], "disability": "yes"},
            presidio="SAN-SIRO",
        )
    store.close()
    for scope in (["--presidio", "SAN-SIRO"], ["--all"]):
        out = tmp_path / f"r{len(scope)}.pdf"
        args = ["report", "--db", str(path), "--month", "2026-10", "--out", str(out)]
        assert main([*args, *scope]) == 0
        assert out.exists()


@pytest.mark.parametrize("entered_on", ODD_ENTRIES)
@pytest.mark.parametrize("month", ["2026-09", "2026-10"])
def test_an_odd_entry_day_counts_in_one_month_of_the_series(
    tmp_path: Path, entered_on: str, month: str
) -> None:
    """The month's new entrants and the total since the start agree with the series the
    months' protection walks (reports.months: totals are the prefix sums of the months'
    tables): an odd day counts in its month when it names one (``2026-09-31``: September),
    else in the programme's first month, never in none or in two."""
    store = new_store(tmp_path / "s.sqlite")
    info = report_fixture.build(store)
    with store.transaction() as journal:
        journal.insert(
            "participants",
            {"entered_on": entered_on, "person_id": info["people"][-1], "disability": "yes"},
            presidio="SAN-SIRO",
        )
    figures = esf.esf_figures(
        store.db.conn,
        parse_month(month),
        "SAN-SIRO",
        aggregate._aliases(store.db.conn),
        DEFAULT_PROGRAMME,
    )
    new = {b.section: b for b in figures.entries_new}
    total = {b.section: b for b in figures.entries_total}
    series = figures.month_series["esf_total_disability"]
    assert sum(b.total for b in series) == total["esf_total_disability"].total
    assert [f.value for f in series[-1].items] == [f.value for f in new["esf_new_disability"].items]
    store.close()


@pytest.mark.parametrize("exited_on", ["2026-09-31", "2026-10-5", "2026-10"])
@pytest.mark.parametrize("month", ["2026-09", "2026-10"])
def test_an_odd_exit_day_counts_in_one_month_of_the_series(
    tmp_path: Path, exited_on: str, month: str
) -> None:
    """As for entries: the month's exits and the series agree (on main ``2026-09-31`` was
    in September's series but in no month's table of exits, ``2026-10-5`` in October's
    series and not among October's exits)."""
    store = new_store(tmp_path / "s.sqlite")
    info = report_fixture.build(store)
    with store.transaction() as journal:
        journal.insert(
            "participants",
            {"entered_on": "2026-08-03", "exited_on": exited_on, "person_id": info["people"][-1]},
            presidio="SAN-SIRO",
        )
    figures = esf.esf_figures(
        store.db.conn,
        parse_month(month),
        "SAN-SIRO",
        aggregate._aliases(store.db.conn),
        DEFAULT_PROGRAMME,
    )
    new = {b.section: b for b in figures.exits_new}
    total = {b.section: b for b in figures.exits_total}
    series = figures.month_series["esf_exit_total_by_gender"]
    assert sum(b.total for b in series) == total["esf_exit_total_by_gender"].total
    assert [f.value for f in series[-1].items] == [
        f.value for f in new["esf_exit_new_by_gender"].items
    ]
    store.close()


#: Moments a synced referral event may carry that are none (the desk writes
#: ``YYYY-MM-DDTHH:MM:SS.mmmZ``): on main the median days to be taken in charge subtracted
#: them, and the office's and the consolidated report stopped with a TypeError (a day with
#: no time zone) or a ValueError.
ODD_MOMENTS = ("2026-10-02", "2026-10-02x", "2026-10-02T25:00:00.000Z")


@pytest.mark.parametrize("odd", ODD_MOMENTS)
@pytest.mark.parametrize("which", ["sent", "taken_in_charge"])
def test_an_odd_referral_moment_never_stops_the_report(
    tmp_path: Path, odd: str, which: str
) -> None:
    from casa_desk.cli import main
    from casa_desk.store.people import People
    from casa_desk.store.reference import reference_rows

    path = tmp_path / "s.sqlite"
    store = new_store(path)
    person = People(store).register(
        {"first_name": "A", "last_name": "Quibbert"}, presidio="SAN-SIRO"
    )
    service_id = reference_rows()["services"][0]["id"]
    events = {
        "created": "2026-10-01T08:00:00.000Z",
        "sent": "2026-10-02T08:00:00.000Z",
        "taken_in_charge": "2026-10-05T08:00:00.000Z",
    }
    with store.transaction() as journal:
        for n, moments in enumerate([events, {**events, which: odd}]):
            referral = journal.insert(
                "referrals",
                {
                    "number": f"R-{n}",
                    "person_id": person["id"],
                    "service_id": service_id,
                    "reason": "prova",
                    "urgency": "normale",
                    "sensitive": 0,
                },
                presidio="SAN-SIRO",
            )
            for event, at in moments.items():
                journal.insert(
                    "referral_events",
                    {"referral_id": referral["id"], "event": event, "at": at, "by": "op"},
                    presidio="SAN-SIRO",
                )
    store.close()
    for scope in (["--presidio", "SAN-SIRO"], ["--all"]):
        table = tmp_path / f"r{len(scope)}.csv"
        args = ["report", "--db", str(path), "--month", "2026-10", "--out", str(tmp_path / "r.pdf")]
        assert main([*args, *scope, "--csv", str(table)]) == 0
        headline = dict(
            line.split(",")[1:]
            for line in table.read_text().splitlines()
            if line.startswith("headline,")
        )
        # both steps counted; the median of the days that can be measured (3.0, the
        # well-formed referral's: an odd moment tells no length of time)
        assert headline["referrals_taken_in_charge"] == "2"
        assert headline["median_days_to_take_in_charge"] == "3.0"
