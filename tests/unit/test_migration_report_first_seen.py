"""m015_report_first_seen and m016_report_referrals_index.

m015: ``contacts_first_seen`` (person, office, earliest current contact)
as the triggers keep it must equal a recomputation from the contacts, whatever is written:
contacts, corrections that move or re-assign the first one, removals, deletions, rows that
arrive before the correction that was made after them (sync order), and the migration from
the previous schema with data in it."""

from __future__ import annotations

from pathlib import Path

import report_fixture

from casa_desk.reports import aggregate
from casa_desk.reports.aggregate import Month
from casa_desk.store.contacts import Contacts
from casa_desk.store.db import Store
from casa_desk.store.schema import rebuild_first_seen

KEPT = "SELECT person_id, presidio, first_at FROM contacts_first_seen ORDER BY 1, 2"


def _kept_and_recomputed(store: Store) -> tuple[list, list]:
    kept = store.db.execute(KEPT).fetchall()
    with store.transaction():
        rebuild_first_seen(store.db)
        recomputed = store.db.execute(KEPT).fetchall()
        store.db.execute("ROLLBACK")
        store.db.execute("BEGIN")
    return kept, recomputed


def _first(store: Store, person: str, office: str) -> str | None:
    row = store.db.execute(
        "SELECT first_at FROM contacts_first_seen WHERE person_id = ? AND presidio = ?",
        [person, office],
    ).fetchone()
    return row[0] if row else None


def _people(store: Store, n: int) -> list[str]:
    with store.transaction() as j:
        return [
            str(
                j.insert(
                    "people",
                    {"first_name": "Alfa", "last_name": f"Zarquon{k}"},
                    presidio="SAN-SIRO",
                )["id"]
            )
            for k in range(n)
        ]


def _log(contacts: Contacts, person: str | None, at: str, office: str = "SAN-SIRO") -> str:
    row = contacts.log(
        {"person_id": person, "occurred_at": at, "category": "altro", "summary": "colloquio"},
        presidio=office,
        operator="op",
    )
    return str(row["id"])


def test_the_fixture_store_keeps_what_a_recomputation_gives(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.sqlite", create=True)
    report_fixture.build(store)  # corrections, removals, deleted rows, merges, anonymous
    kept, recomputed = _kept_and_recomputed(store)
    assert kept == recomputed
    assert len(kept) > 50
    store.close()


def test_corrections_removals_and_deletions_move_the_first_contact(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.sqlite", create=True)
    anna, bruno = _people(store, 2)
    contacts = Contacts(store)
    first = _log(contacts, anna, "2026-03-01T09:00:00.000Z")
    _log(contacts, anna, "2026-05-01T09:00:00.000Z")
    _log(contacts, anna, "2026-01-01T09:00:00.000Z", office="MAZZINI")
    _log(contacts, None, "2025-01-01T09:00:00.000Z")  # anonymous: no row
    assert _first(store, anna, "SAN-SIRO") == "2026-03-01T09:00:00.000Z"
    assert _first(store, anna, "MAZZINI") == "2026-01-01T09:00:00.000Z"
    # An earlier contact moves the date back; a correction to a later date moves it on.
    early = _log(contacts, anna, "2026-02-01T09:00:00.000Z")
    assert _first(store, anna, "SAN-SIRO") == "2026-02-01T09:00:00.000Z"
    fixed = contacts.amend(early, {"occurred_at": "2026-04-01T09:00:00.000Z"}, operator="op")
    assert _first(store, anna, "SAN-SIRO") == "2026-03-01T09:00:00.000Z"
    # A correction that gives the first contact to someone else.
    contacts.amend(first, {"person_id": bruno}, operator="op")
    assert _first(store, anna, "SAN-SIRO") == "2026-04-01T09:00:00.000Z"
    assert _first(store, bruno, "SAN-SIRO") == "2026-03-01T09:00:00.000Z"
    # Removing the first one (a deleted amendment) leaves the next.
    contacts.remove(str(fixed["id"]), operator="op")
    assert _first(store, anna, "SAN-SIRO") == "2026-05-01T09:00:00.000Z"
    kept, recomputed = _kept_and_recomputed(store)
    assert kept == recomputed
    store.close()


def test_rows_written_out_of_order_or_deleted_by_a_scrub(tmp_path: Path) -> None:
    """Sync may bring a correction before the row it corrects; an erasure's scrub is the one
    writer that deletes rows. Both are SQL on ``contacts``, so the triggers see them."""
    store = Store.open(tmp_path / "s.sqlite", create=True)
    (anna,) = _people(store, 1)
    base = {"channel": "sportello", "category": "altro", "operator": "op", "person_id": anna}
    with store.transaction() as j:
        j.insert(
            "contacts",
            {
                **base,
                "id": "c-new",
                "occurred_at": "2026-06-01T09:00:00.000Z",
                "amends_id": "c-old",
            },
            presidio="SAN-SIRO",
        )
        j.insert(
            "contacts",
            {**base, "id": "c-old", "occurred_at": "2026-01-01T09:00:00.000Z"},
            presidio="SAN-SIRO",
        )
    # c-old arrived second but is already corrected: it does not count.
    assert _first(store, anna, "SAN-SIRO") == "2026-06-01T09:00:00.000Z"
    with store.transaction():
        store.db.execute("INSERT INTO casa_scrub (active) VALUES (1)")
        store.db.execute("DELETE FROM contacts WHERE id = 'c-new'")  # c-old counts again
        store.db.execute("DELETE FROM casa_scrub")
    assert _first(store, anna, "SAN-SIRO") == "2026-01-01T09:00:00.000Z"
    kept, recomputed = _kept_and_recomputed(store)
    assert kept == recomputed
    store.close()


def _figures(store: Store) -> list:
    return [
        aggregate.compute(store.db.conn, Month.parse(month), presidio).headline
        for presidio in ("SAN-SIRO", "MAZZINI", None)
        for month in ("2026-09", "2026-10", "2026-11")
    ]


def test_m015_fills_the_table_from_a_store_of_the_previous_schema(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    store = Store.open(path, create=True)
    report_fixture.build(store)
    kept = store.db.execute(KEPT).fetchall()
    figures = _figures(store)
    with store.transaction():
        for name in ("insert", "amend", "update", "delete"):
            store.db.execute(f"DROP TRIGGER casa_first_seen_{name}")
        store.db.execute("DROP TABLE contacts_first_seen")
        store.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm015_report_first_seen'")
    store.close()

    store = Store.open(path)
    assert store.db.execute(KEPT).fetchall() == kept
    assert _figures(store) == figures
    assert any(f.new_people for f in figures)
    Contacts(store).log(
        {
            "person_id": None,
            "occurred_at": "2026-10-02T09:00:00.000Z",
            "category": "altro",
            "summary": "x",
        },
        presidio="SAN-SIRO",
        operator="op",
    )
    names = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert {f"casa_first_seen_{n}" for n in ("insert", "amend", "update", "delete")} <= names
    store.close()


def test_m016_adds_the_referrals_index_and_the_figures_stay(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    store = Store.open(path, create=True)
    report_fixture.build(store)
    figures = [
        aggregate.compute(store.db.conn, Month.parse(month), presidio).referrals
        for presidio in ("SAN-SIRO", None)
        for month in ("2026-09", "2026-10")
    ]
    with store.transaction():
        store.db.execute("DROP INDEX referrals_report")
        store.db.execute(
            "DELETE FROM _sqlite_migrations WHERE name = 'm016_report_referrals_index'"
        )
    store.close()

    store = Store.open(path)
    columns = [r[2] for r in store.db.execute("PRAGMA index_info(referrals_report)")]
    assert columns == ["id", "deleted", "presidio", "service_id"]
    assert [
        aggregate.compute(store.db.conn, Month.parse(month), presidio).referrals
        for presidio in ("SAN-SIRO", None)
        for month in ("2026-09", "2026-10")
    ] == figures
    assert any(f.value for b in figures[1] for f in b.items)
    store.close()
