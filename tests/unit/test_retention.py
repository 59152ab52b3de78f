"""Retention that keeps the statistics (issue 11): on a demo store, anonymising the people
whose last activity is older than the policy leaves every month's report CSV identical,
under both ESF programmes, and leaves none of their identity or notes anywhere."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from login_helpers import DEMO_LOGIN, open_store

from casa_desk.demo import builder
from casa_desk.models.vocab import SettingKey
from casa_desk.reports import service
from casa_desk.reports.aggregate import Month
from casa_desk.reports.csv_out import render_csv
from casa_desk.store import retention
from casa_desk.store.reference import setting_id
from casa_desk.store.tables import HEAD_OFFICE

UNTIL = date(2026, 10, 31)
OPTIONS = {"presidio": "SAN-SIRO", "people": 300, "contacts": 3000, "seed": 11, "until": UNTIL}
MONTHS = [Month(2025, m) for m in range(10, 13)] + [Month(2026, m) for m in range(1, 11)]


def _set(store, key: str, value: str) -> None:
    """A head-office setting as a pull delivers it (the demo store is an office's)."""
    with store.transaction() as journal:
        journal.insert(
            "settings",
            {"id": setting_id(key, None), "key": key, "office": None, "value": value},
            presidio=HEAD_OFFICE,
        )


def _csvs(store) -> dict[tuple[str, str], str]:
    out = {}
    for programme in ("2014-2020", "2021-2027"):
        for month in MONTHS:
            report = service.build_report(
                store, month, "SAN-SIRO", generated_on=date(2026, 11, 2), programme=programme
            )
            out[(programme, f"{month.year}-{month.month:02d}")] = render_csv(report)
    return out


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = Path(tmp_path_factory.mktemp("retention")) / "demo.sqlite"
    builder.build_demo(path, builder.DemoOptions(**OPTIONS, **DEMO_LOGIN))
    yield path


def test_retention_keeps_every_months_report_and_erases_identity(demo: Path) -> None:
    with open_store(demo, check_integrity=False) as store:
        _set(store, SettingKey.RETENTION_MONTHS, "6")
        rule = retention.policy(store.db, "SAN-SIRO")
        assert rule.months == 6
        due = retention.due(store.db, rule, UNTIL)
        total = store.db.execute("SELECT count(*) FROM people WHERE merged_into IS NULL")
        assert 0 < len(due) < total.fetchone()[0]
        before = _csvs(store)
        sample = store.query(
            "SELECT p.*, (SELECT group_concat(summary || ' ' || coalesce(notes, ''), ' ')"
            " FROM contacts c WHERE c.person_id = p.id) AS texts FROM people p"
            " WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(due)],
        )
        dry = retention.run(store, as_of=UNTIL, who="demo", dry_run=True)
        assert dry.people == len(due)
        anonymised = "SELECT count(*) FROM people WHERE anonymised_on IS NOT NULL"
        assert store.db.execute(anonymised).fetchone()[0] == 0  # a dry run changes nothing
        stopped = retention.run(store, as_of=UNTIL, who="demo", cancelled=lambda: True)
        assert stopped.stopped  # the window closing: stopped before the first batch
        assert store.db.execute(anonymised).fetchone()[0] == 0
        done = retention.run(store, as_of=UNTIL, who="demo")
        assert done.people == len(due)
        after = _csvs(store)
        assert after == before  # every month, both programmes, byte for byte
        assert retention.due(store.db, rule, UNTIL) == []
        # What is kept, what is gone.
        for person in sample:
            row = store.query("SELECT * FROM people WHERE id = ?", [person["id"]])[0]
            assert row["anonymised_on"] == UNTIL.isoformat()
            assert (row["gender"], row["presidio"]) == (person["gender"], person["presidio"])
            assert row["birth_date"] == (person["birth_date"] or "")[:7] or None
            for name in ("first_name", "last_name", "codice_fiscale", "phone", "street"):
                assert row[name] is None
        texts = store.db.execute(
            "SELECT count(*) FROM contacts WHERE person_id IN (SELECT value FROM json_each(?))"
            " AND (summary IS NOT NULL OR notes IS NOT NULL)",
            [json.dumps(due)],
        ).fetchone()[0]
        assert texts == 0
        # Not in the search indexes either.
        for person in sample[:20]:
            if person["last_name"]:
                hits = store.db.execute(
                    "SELECT rowid FROM people_fts WHERE people_fts MATCH ?",
                    [f'"{person["last_name"]}"'],
                ).fetchall()
                rowid = store.db.execute(
                    "SELECT rowid FROM people WHERE id = ?", [person["id"]]
                ).fetchone()[0]
                assert (rowid,) not in hits
        audited = store.db.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'anonymised'"
        ).fetchone()[0]
        assert audited == len(due)


def test_a_categorys_shorter_period_anonymises_its_people_sooner(tmp_path: Path) -> None:
    """``retention.months.salute = 12`` under ``retention.months = 60``: a person with a
    health contact is due 12 months after it, one with only a maintenance fault 60 months
    after. The per-person limit took the earlier of the two cutoffs, so the shorter period
    never applied to anyone."""
    from datetime import timedelta

    from login_helpers import new_session

    from casa_desk.models.timeutil import today_rome
    from casa_desk.security import rights
    from casa_desk.store.contacts import Contacts
    from casa_desk.store.people import People

    session = new_session(tmp_path / "store.sqlite")
    store = session.store
    _set(store, SettingKey.RETENTION_MONTHS, "60")
    _set(store, f"{SettingKey.RETENTION_MONTHS.value}.salute", "12")
    people, contacts = People(store), Contacts(store)
    ids = {}
    for name, category in (("Salute", "salute"), ("Guasto", "manutenzione")):
        ids[name] = people.register(
            {"last_name": name, "first_name": "Anna", "gender": "F"}, presidio="SAN-SIRO"
        )["id"]
        contacts.log(
            {"person_id": ids[name], "category": category, "summary": "colloquio"},
            presidio="SAN-SIRO",
            operator=session.user.username,
        )
    rule = retention.policy(store.db, "SAN-SIRO")
    assert rule.by_category == {"salute": 12}
    in_two_years = today_rome() + timedelta(days=2 * 366)
    assert retention.due(store.db, rule, in_two_years) == [ids["Salute"]]
    dry = rights.run_retention(session, as_of=in_two_years, dry_run=True)
    assert dry.people == 1


def test_a_merged_records_running_enrolment_keeps_the_survivor(tmp_path: Path) -> None:
    """A merge leaves the duplicate's ESF enrolment on the duplicate when the survivor has
    one already (one row per person). Its enrolment, not yet exited, is the person's case
    still running: the survivor is not due, though its own enrolment ended long ago (the
    erasure would scrub the duplicate too, as one of the family)."""
    from datetime import timedelta

    from login_helpers import new_session

    from casa_desk.models.timeutil import today_rome
    from casa_desk.store.merging import merge_people
    from casa_desk.store.participants import Participants
    from casa_desk.store.people import People

    store = new_session(tmp_path / "store.sqlite").store
    _set(store, SettingKey.RETENTION_MONTHS, "6")
    people, esf = People(store), Participants(store)
    who = {"first_name": "Anna", "last_name": "Bianchi", "gender": "F"}
    survivor = people.register(who, presidio="SAN-SIRO")["id"]
    duplicate = people.register(who, presidio="SAN-SIRO")["id"]
    values = {"employment_status": "unemployed", "education_isced": "3-4"}
    ended = esf.enrol(survivor, {**values, "entered_on": "2015-01-10"}, presidio="SAN-SIRO")
    esf.exit(ended["id"], date(2015, 6, 30), known=False)
    esf.enrol(duplicate, {**values, "entered_on": "2016-01-10"}, presidio="SAN-SIRO")
    merge_people(store, duplicate, survivor)
    assert esf.of_person(duplicate)["exited_on"] is None  # still the duplicate's
    rule = retention.policy(store.db, "SAN-SIRO")
    assert retention.due(store.db, rule, today_rome() + timedelta(days=400)) == []
