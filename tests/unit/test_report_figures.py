"""The monthly figures against independent SQL written here (not the report's own queries).

The store is the synthetic fixture of ``report_fixture`` (corrections, deletions, merged
people, anonymous contacts, illegal referral steps, DST-edge contacts).
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import esf_truth
import pytest
import report_fixture
from login_helpers import new_store

from casa_desk.reports import aggregate
from casa_desk.reports.aggregate import Month
from casa_desk.store.db import Store

ROME = ZoneInfo("Europe/Rome")


def rome_bounds(year: int, month: int) -> tuple[str, str]:
    """Month bounds computed here, independently of models.timeutil."""

    def utc(y: int, m: int) -> str:
        moment = datetime(y, m, 1, tzinfo=ROME).astimezone(UTC)
        return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")

    nxt = (year + 1, 1) if month == 12 else (year, month + 1)
    return utc(year, month), utc(*nxt)


#: Written here, not imported: a contact counts unless it is deleted or any row (a correction,
#: or the deleted amendment that ``Contacts.remove`` writes) amends it.
CURRENT = (
    "c.deleted = 0 AND c.id NOT IN (SELECT amends_id FROM contacts WHERE amends_id IS NOT NULL)"
)


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict]]:
    path = Path(tmp_path_factory.mktemp("figures")) / "store.sqlite"
    store = new_store(path)
    info = report_fixture.build(store)
    yield store, info
    store.close()


def q(store: Store, sql: str, params: list) -> int:
    return store.db.execute(sql, params).fetchone()[0]


def office_clause(presidio: str | None) -> tuple[str, list]:
    return ("", []) if presidio is None else (" AND c.presidio = ?", [presidio])


def expected_headline(store: Store, presidio: str | None, year: int, month: int) -> dict:
    start, end = rome_bounds(year, month)
    where, extra = office_clause(presidio)
    base = f"FROM contacts c WHERE {CURRENT}{where} AND c.occurred_at >= ? AND c.occurred_at < ?"
    params = [*extra, start, end]
    nxt = f"{year + (month == 12):04d}-{month % 12 + 1:02d}-01"
    firsts = (
        "SELECT coalesce(p.merged_into, c.person_id) AS k, min(c.occurred_at) AS first "
        f"FROM contacts c JOIN people p ON p.id = c.person_id WHERE {CURRENT}{where} GROUP BY k"
    )
    return {
        "contacts": q(store, f"SELECT count(*) {base}", params),
        "people": q(
            store,
            "SELECT count(DISTINCT coalesce(p.merged_into, c.person_id)) "
            f"FROM contacts c JOIN people p ON p.id = c.person_id WHERE {CURRENT}"
            f"{where} AND c.occurred_at >= ? AND c.occurred_at < ?",
            params,
        ),
        "new_people": q(
            store, f"SELECT count(*) FROM ({firsts}) WHERE first >= ? AND first < ?", params
        ),
        "anonymous_contacts": q(store, f"SELECT count(*) {base} AND c.person_id IS NULL", params),
        "overdue_follow_ups": q(
            store,
            f"SELECT count(*) FROM contacts c WHERE {CURRENT}{where} AND c.occurred_at < ? "
            "AND c.follow_up_on IS NOT NULL AND c.follow_up_on < ? "
            "AND (c.follow_up_done_at IS NULL OR c.follow_up_done_at >= ?)",
            [*extra, end, nxt, end],
        ),
    }


LEGAL = {
    (None, "created"): "bozza",
    ("bozza", "sent"): "inviata",
    ("inviata", "taken_in_charge"): "presa_in_carico",
    ("presa_in_carico", "closed"): "conclusa",
    **{(s, "refused"): "rifiutata" for s in ("bozza", "inviata", "presa_in_carico")},
    **{(s, "cancelled"): "annullata" for s in ("bozza", "inviata", "presa_in_carico")},
    **{(s, "reopened"): "inviata" for s in ("conclusa", "rifiutata", "annullata")},
}


def expected_referral_tables(
    store: Store, presidio: str | None, year: int, month: int
) -> tuple[dict, dict]:
    """(sent in the month by service kind, status at month end of referrals with an event in
    the month), by a second, simple fold written for the test."""
    start, end = rome_bounds(year, month)
    where = "" if presidio is None else " AND r.presidio = ?"
    rows = store.db.execute(
        "SELECT r.id, coalesce(s.kind, 'altro'), e.event, e.at FROM referrals r "
        "JOIN referral_events e ON e.referral_id = r.id LEFT JOIN services s "
        f"ON s.id = r.service_id WHERE r.deleted = 0 AND e.deleted = 0{where} "
        "ORDER BY r.id, e.hlc, e.id",
        [] if presidio is None else [presidio],
    ).fetchall()
    state: dict[str, str | None] = {}
    at_end: dict[str, str | None] = {}
    active: set[str] = set()
    by_kind: dict[str, int] = {}
    for rid, kind, event, at in rows:
        if start <= at < end:
            active.add(rid)
        after = LEGAL.get((state.get(rid), event))
        if after is None:
            continue
        state[rid] = after
        if at < end:
            at_end[rid] = after
        if event == "sent" and start <= at < end:
            by_kind[kind] = by_kind.get(kind, 0) + 1
    by_status: dict[str, int] = {}
    for rid in active:
        key = str(at_end.get(rid))
        by_status[key] = by_status.get(key, 0) + 1
    return by_kind, by_status


def expected_referrals(store: Store, presidio: str | None, year: int, month: int) -> dict:
    """A second, simple fold of the events, written for the test."""
    start, end = rome_bounds(year, month)
    where = "" if presidio is None else " AND r.presidio = ?"
    rows = store.db.execute(
        "SELECT r.id, e.event, e.at FROM referrals r JOIN referral_events e "
        f"ON e.referral_id = r.id WHERE r.deleted = 0 AND e.deleted = 0{where} "
        "ORDER BY r.id, e.hlc, e.id",
        [] if presidio is None else [presidio],
    ).fetchall()
    counts = {"referrals_sent": 0, "referrals_taken_in_charge": 0, "referrals_closed": 0}
    days = []
    state: dict[str, str | None] = {}
    sent_at: dict[str, str] = {}
    for rid, event, at in rows:
        after = LEGAL.get((state.get(rid), event))
        if after is None:
            continue
        state[rid] = after
        if event in ("sent", "reopened"):
            sent_at[rid] = at
        inside = start <= at < end
        if inside and event == "sent":
            counts["referrals_sent"] += 1
        if inside and event == "taken_in_charge":
            counts["referrals_taken_in_charge"] += 1
            a = datetime.fromisoformat(at.replace("Z", "+00:00"))
            b = datetime.fromisoformat(sent_at[rid].replace("Z", "+00:00"))
            days.append((a - b).total_seconds() / 86400)
        if inside and event == "closed":
            counts["referrals_closed"] += 1
    counts["median_days_to_take_in_charge"] = round(statistics.median(days), 1) if days else None
    return counts


CASES = [
    ("SAN-SIRO", 2026, 10),
    ("MAZZINI", 2026, 9),
    (None, 2026, 10),
    ("SAN-SIRO", 2026, 11),
    ("MAZZINI", 2026, 8),
]


@pytest.mark.parametrize(("presidio", "year", "month"), CASES)
def test_headline_matches_independent_sql(fixture_store, presidio, year, month) -> None:
    store, _ = fixture_store
    figures = aggregate.compute(store.db.conn, Month(year, month), presidio)
    expected = {
        **expected_headline(store, presidio, year, month),
        **expected_referrals(store, presidio, year, month),
    }
    got = {k: getattr(figures.headline, k) for k in expected}
    assert got == expected
    previous = Month(year, month).previous
    assert (
        figures.previous.contacts
        == expected_headline(store, presidio, previous.year, previous.month)["contacts"]
    )
    assert figures.headline.contacts > 0


@pytest.mark.parametrize(("presidio", "year", "month"), CASES)
def test_breakdowns_match_independent_sql(fixture_store, presidio, year, month) -> None:
    store, _ = fixture_store
    figures = aggregate.compute(store.db.conn, Month(year, month), presidio)
    expected_breakdowns(store, figures, presidio, year, month)


def expected_breakdowns(store: Store, figures, presidio: str | None, year: int, month: int) -> None:
    """Assert the breakdowns of ``figures`` against SQL written here."""
    tables = {b.section: {f.code: f.value for f in b.items} for b in figures.contacts}
    start, end = rome_bounds(year, month)
    where, extra = office_clause(presidio)
    for column, section in (
        ("category", "contacts_by_category"),
        ("channel", "contacts_by_channel"),
    ):
        rows = dict(
            store.db.execute(
                f"SELECT c.{column}, count(*) FROM contacts c WHERE {CURRENT}{where} "
                f"AND c.occurred_at >= ? AND c.occurred_at < ? GROUP BY c.{column}",
                [*extra, start, end],
            ).fetchall()
        )
        assert {k: v for k, v in tables[section].items() if v} == rows
    by_kind, by_status = expected_referral_tables(store, presidio, year, month)
    referrals = {
        b.section: {f.code: f.value for f in b.items if f.value} for b in figures.referrals
    }
    assert referrals["referrals_by_kind"] == by_kind
    assert referrals["referrals_by_status"] == by_status
    total = sum(tables["contacts_by_category"].values())
    for section in ("contacts_by_week", "contacts_by_gender", "contacts_by_age"):
        assert sum(tables[section].values()) == total == figures.headline.contacts
    # ESF participants: every section of the report's programme, by esf_truth's own SQL.
    esf = {}
    for b in (
        figures.participants_new
        + figures.participants_total
        + figures.exits_new
        + figures.exits_total
        + figures.follow_ups_new
        + figures.follow_ups_total
    ):
        esf[b.section] = {f.code: f.value for f in b.items if f.value} | {"total": b.total}
    assert esf == esf_truth.tables(store, presidio, year, month, figures.programme.value)


def test_dst_edges_fall_in_the_right_month(tmp_path: Path) -> None:
    store = new_store(tmp_path / "dst.sqlite")
    instants = {
        "2026-10-31T22:59:59.000Z": (2026, 10),  # 31 Oct 23:59:59 CET
        "2026-10-31T23:00:00.000Z": (2026, 11),  # 1 Nov 00:00 CET
        "2026-10-31T23:30:00.000Z": (2026, 11),  # 1 Nov 00:30 CET
        "2026-09-30T21:59:00.000Z": (2026, 9),  # 30 Sep 23:59 CEST
        "2026-09-30T22:00:00.000Z": (2026, 10),  # 1 Oct 00:00 CEST
        "2026-03-31T21:59:00.000Z": (2026, 3),  # 31 Mar 23:59 CEST (after 29 Mar change)
        "2026-03-31T22:00:00.000Z": (2026, 4),  # 1 Apr 00:00 CEST
        "2026-02-28T22:59:00.000Z": (2026, 2),  # 28 Feb 23:59 CET
        "2026-02-28T23:00:00.000Z": (2026, 3),  # 1 Mar 00:00 CET
        "2026-10-25T22:30:00.000Z": (2026, 10),  # Sun 25 Oct 23:30 CET: week 19–25
        "2026-10-25T23:30:00.000Z": (2026, 10),  # Mon 26 Oct 00:30 CET: week 26–31
    }
    with store.transaction() as j:
        for at in instants:
            j.insert(
                "contacts",
                {"occurred_at": at, "channel": "sportello", "category": "altro"},
                presidio="SAN-SIRO",
            )
    for y, m in sorted(set(instants.values())):
        figures = aggregate.compute(store.db.conn, Month(y, m), "SAN-SIRO")
        assert figures.headline.contacts == sum(1 for v in instants.values() if v == (y, m))
    october = aggregate.compute(store.db.conn, Month(2026, 10), "SAN-SIRO")
    weeks = {
        f.label: f.value
        for b in october.contacts
        if b.section == "contacts_by_week"
        for f in b.items
    }
    assert weeks["19–25/10"] == 1
    assert weeks["26–31/10, 6 giorni"] == 2  # Mon 26 00:30 and Sat 31 23:59:59
    assert weeks["01–04/10, 4 giorni"] == 1  # a partial week says so
    store.close()


def test_corrections_count_once_and_deleted_rows_never(tmp_path: Path) -> None:
    store = new_store(tmp_path / "chain.sqlite")
    at = "2026-10-10T10:00:00.000Z"
    with store.transaction() as j:
        original = j.insert(
            "contacts", {"occurred_at": at, "category": "altro"}, presidio="SAN-SIRO"
        )
        fix = j.insert(
            "contacts",
            {"occurred_at": at, "category": "salute", "amends_id": original["id"]},
            presidio="SAN-SIRO",
        )
        j.insert(
            "contacts",
            {"occurred_at": at, "category": "morosita", "amends_id": fix["id"]},
            presidio="SAN-SIRO",
        )
        j.insert(
            "contacts", {"occurred_at": at, "category": "altro", "deleted": 1}, presidio="SAN-SIRO"
        )
    figures = aggregate.compute(store.db.conn, Month(2026, 10), "SAN-SIRO")
    cats = {f.code: f.value for f in figures.contacts[0].items}
    assert figures.headline.contacts == 1
    assert cats["morosita"] == 1
    assert cats["salute"] == cats["altro"] == 0
    store.close()


def test_month_parsing() -> None:
    assert str(Month.parse("2026-10")) == "2026-10"
    assert Month.parse("2026-10").label == "ottobre 2026"
    assert Month.parse("2026-01").previous == Month(2025, 12)
    for bad in ("2026-13", "2026-00", "26-10", "2026/10", "ottobre", "2026-1x"):
        with pytest.raises(ValueError):
            Month.parse(bad)


def test_a_removed_contact_leaves_the_lists_and_the_report_alike(tmp_path: Path) -> None:
    """The desk removes a contact (Contacts.remove): the person's history, the agenda, the
    notes search and the monthly report all stop counting it at once, and a corrected
    contact counts once, in its corrected form."""
    from casa_desk.store.contacts import Contacts
    from casa_desk.store.people import People
    from casa_desk.store.search import search_contact_notes

    with Store.open(tmp_path / "s.sqlite", create=True) as store:
        person = People(store).register(
            {"last_name": "Zarquon", "first_name": "Alfa"}, presidio="SAN-SIRO"
        )
        contacts = Contacts(store)
        made = [
            contacts.log(
                {
                    "person_id": person["id"],
                    "category": "manutenzione",
                    "summary": f"guasto numero{n}",
                    "occurred_at": f"2026-09-0{n + 1}T09:00:00.000Z",
                    "follow_up_on": "2026-09-20",
                },
                presidio="SAN-SIRO",
                operator="op1",
            )
            for n in range(3)
        ]
        fixed = contacts.amend(made[1]["id"], {"category": "morosita"}, operator="op1")

        def seen() -> tuple[int, int, int, int]:
            figures = aggregate.compute(store.db.conn, Month(2026, 9), "SAN-SIRO")
            agenda = contacts.agenda("SAN-SIRO", datetime(2026, 9, 15).date())
            return (
                figures.headline.contacts,
                len(contacts.history([person["id"]])),
                sum(len(v) for v in agenda.values()),
                len(search_contact_notes(store.db, "guasto")),
            )

        assert seen() == (3, 3, 3, 3)
        contacts.remove(made[0]["id"], operator="op1")
        assert seen() == (2, 2, 2, 2)
        contacts.remove(fixed["id"], operator="op1")  # a correction removed in turn
        assert seen() == (1, 1, 1, 1)
        assert expected_headline(store, "SAN-SIRO", 2026, 9)["contacts"] == 1


@pytest.mark.parametrize("last_day", ["2026-10-31", "2027-02-28", "2028-02-29"])
def test_gender_and_age_bands_follow_age_on_and_age_band(tmp_path: Path, last_day: str) -> None:
    """Counted per (gender, birth date), the bands are age_band(age_on()) on every edge."""
    day = date.fromisoformat(last_day)
    births = [None, "", "1990-1-1", "2000-02-30", "2001-13-01", "abcdefghij"]
    for years in (25, 55):
        for delta in (-1, 0, 1):
            born = day.replace(year=day.year - years, day=1) + timedelta(days=day.day - 1 + delta)
            births += [born.isoformat(), born.isoformat() + "T00:00:00"]
    births += ["2000-02-29", "1972-02-29", "1971-02-28", "1971-03-01"]
    genders = [None, "", "F", "M", "X"]
    with Store.open(tmp_path / "s.sqlite", create=True) as store:
        with store.transaction() as j:
            ids = [
                j.insert(
                    "people",
                    {"last_name": f"Quibbert{n}", "birth_date": b, "gender": genders[n % 5]},
                    presidio="SAN-SIRO",
                )["id"]
                for n, b in enumerate(births)
            ]
        per_person = Counter({pid: n + 1 for n, pid in enumerate(ids)})
        per_person[None] = 7
        month = Month(day.year, day.month)
        at = f"{day.year:04d}-{day.month:02d}-15T10:00:00.000Z"
        with store.transaction() as j:  # the contacts: the summaries' triggers count them
            for pid, n in per_person.items():
                for _ in range(n):
                    j.insert(
                        "contacts",
                        {"person_id": pid, "occurred_at": at, "category": "altro"},
                        presidio="SAN-SIRO",
                    )
        by_gender, by_age = aggregate._gender_and_age(store.db.conn, month, "SAN-SIRO", 7)
    want_gender: Counter[str] = Counter({"anonymous": 7})
    want_age: Counter[str] = Counter({"anonymous": 7})
    for n, b in enumerate(births):
        want_gender[genders[n % 5] or "NS"] += n + 1
        want_age[aggregate.age_band(aggregate.age_on(b, day))] += n + 1
    assert (by_gender, by_age) == (want_gender, want_age)
    assert {"lt25", "25_54", "gt54", "unknown"} <= set(by_age)


def test_contacts_of_a_merged_person_count_under_the_survivors_gender_and_age(
    tmp_path: Path,
) -> None:
    """A person merged by the office that registered them leaves their contacts at other
    offices under the old id (an office corrects only its own contacts). The report counts
    those contacts as the survivor's — one person in "Persone distinte", the survivor's
    gender and birth in the ESF tables — so "Contatti per genere" and "per età" must use the
    survivor's record too, not the duplicate's stale one (not stated, no birth date)."""
    from casa_desk.store.contacts import Contacts
    from casa_desk.store.people import People

    with Store.open(tmp_path / "s.sqlite", create=True) as store:
        people = People(store)
        survivor = people.register(
            {
                "last_name": "Zarquon",
                "first_name": "Alfa",
                "gender": "F",
                "birth_date": "1960-03-04",
            },
            presidio="SAN-SIRO",
        )
        duplicate = people.register(
            {"last_name": "Zarquon", "first_name": "Alfa", "gender": "NS"}, presidio="SAN-SIRO"
        )
        for office in ("SAN-SIRO", "MAZZINI"):
            Contacts(store).log(
                {"person_id": duplicate["id"], "category": "altro", "summary": "visita",
                 "occurred_at": "2026-10-12T09:00:00.000Z"},
                presidio=office,
                operator="op1",
            )  # fmt: skip
        people.merge(duplicate["id"], survivor["id"], presidio="SAN-SIRO")
        for office in ("MAZZINI", None):
            figures = aggregate.compute(store.db.conn, Month(2026, 10), office)
            tables = {b.section: {f.code: f.value for f in b.items} for b in figures.contacts}
            contacts = 1 if office else 2
            assert figures.headline.people == 1
            assert tables["contacts_by_gender"]["F"] == contacts, office
            assert tables["contacts_by_gender"]["NS"] == 0, office
            assert tables["contacts_by_age"]["gt54"] == contacts, office
            assert tables["contacts_by_age"]["unknown"] == 0, office


def test_the_month_in_course_counts_overdue_follow_ups_as_of_now(tmp_path: Path) -> None:
    """The window offers the month in course ("so far"): its follow-ups due later this month,
    or today, are not due yet, so they are not overdue; once the month has ended they are
    counted at its end as ever. The label says which."""
    from casa_desk.reports.published import publish
    from casa_desk.store.contacts import Contacts
    from casa_desk.store.people import People

    with Store.open(tmp_path / "s.sqlite", create=True) as store:
        person = People(store).register(
            {"last_name": "Zarquon", "first_name": "Alfa"}, presidio="SAN-SIRO"
        )
        for due in ("2026-10-05", "2026-10-15", "2026-10-25"):
            Contacts(store).log(
                {
                    "person_id": person["id"],
                    "category": "manutenzione",
                    "summary": "guasto",
                    "occurred_at": "2026-10-02T09:00:00.000Z",
                    "follow_up_on": due,
                },
                presidio="SAN-SIRO",
                operator="op1",
            )

        def overdue(as_of: datetime | None) -> tuple[int, str]:
            figures = aggregate.compute(store.db.conn, Month(2026, 10), "SAN-SIRO", as_of=as_of)
            [label] = [
                row.label
                for row in publish(figures, generated_on=date(2026, 10, 15)).headline
                if row.code == "overdue_follow_ups"
            ]
            return figures.headline.overdue_follow_ups, label

        so_far = "Richiami scaduti a oggi (mese precedente: a fine mese)"
        assert overdue(datetime(2026, 10, 15, 23, 30, tzinfo=ROME)) == (1, so_far)
        assert overdue(datetime(2026, 10, 31, 23, 59, tzinfo=ROME)) == (3, so_far)
        at_end = "Richiami scaduti a fine mese"
        assert overdue(datetime(2026, 11, 1, 0, 0, tzinfo=ROME)) == (3, at_end)
        assert expected_headline(store, "SAN-SIRO", 2026, 10)["overdue_follow_ups"] == 3
