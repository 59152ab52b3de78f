"""Every write to a synced table lands in sync_outbox in the same transaction (SYNC.md §2).

The guard triggers make any other road fail loudly; these tests prove that each write path
of the program is captured, that raw SQL is refused, that a rolled-back write leaves neither
row nor outbox entry, and that a migration using ``transform()`` cannot switch capture off.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casa_desk.store import schema
from casa_desk.store.connection import IntegrityError, OperationalError
from casa_desk.store.consents import Consents, referral_purpose
from casa_desk.store.contacts import Contacts
from casa_desk.store.db import Store
from casa_desk.store.directory import Directory
from casa_desk.store.participants import Participants
from casa_desk.store.people import People
from casa_desk.store.referrals import Referrals
from casa_desk.store.tables import SYNCED_TABLES


def uncaptured(store: Store) -> list[tuple[str, str]]:
    """Rows whose current (id, hlc) is neither a captured nor an applied change."""
    missing = []
    for spec in SYNCED_TABLES:
        missing += [
            (spec.name, row[0])
            for row in store.db.execute(
                f"SELECT id FROM {spec.name} t WHERE NOT EXISTS (SELECT 1 FROM sync_outbox o"
                " WHERE o.row_id = t.id AND o.hlc = t.hlc) AND NOT EXISTS (SELECT 1 FROM"
                " sync_applied a WHERE a.row_id = t.id AND a.hlc = t.hlc)"
            )
        ]
    return missing


def exercise_every_repository(store: Store) -> None:
    people, contacts = People(store), Contacts(store)
    person = people.register({"first_name": "Ada", "last_name": "Esempio"}, presidio="SAN-SIRO")
    other = people.register({"first_name": "Ada", "last_name": "Esempio"}, presidio="SAN-SIRO")
    people.update(person["id"], {"phone": "333 000 1111"})
    people.merge(other["id"], person["id"])
    contact = contacts.log(
        {
            "person_id": person["id"],
            "category": "manutenzione",
            "summary": "Caldaia",
            "follow_up_on": "2026-01-10",
        },
        presidio="SAN-SIRO",
        operator="op",
    )
    contacts.mark_follow_up_done(contact["id"], operator="op")
    contacts.log(
        {"category": "violenza_domestica", "summary": "Colloquio"},
        presidio="SAN-SIRO",
        operator="op",
    )
    service = Directory(store).save_service({"name": "Sportello prova", "kind": "legale"})
    Directory(store).set_active(service["id"], False)
    Directory(store).set_active(service["id"], True)
    Consents(store).give(
        person["id"], referral_purpose(service["id"]), text="Sì", presidio="SAN-SIRO", operator="op"
    )
    referrals = Referrals(store)
    referral = referrals.create(
        person_id=person["id"],
        service_id=service["id"],
        reason="Consulenza",
        presidio="SAN-SIRO",
        by="op",
    )
    referrals.step(referral["id"], "sent", by="op")
    Participants(store).enrol(
        person["id"],
        {"entered_on": "2026-02-01", "employment_status": "unemployed", "education_isced": "0-2"},
        presidio="SAN-SIRO",
    )


def test_every_repository_write_is_captured(store: Store) -> None:
    before = store.pending_changes()
    exercise_every_repository(store)
    assert uncaptured(store) == []
    assert store.pending_changes() > before
    tables = {row[0] for row in store.db.execute("SELECT DISTINCT table_name FROM sync_outbox")}
    assert {
        "people",
        "contacts",
        "services",
        "consents",
        "referrals",
        "referral_events",
        "participants",
    } <= tables


def test_update_outbox_carries_changed_fields_and_base_clock(store: Store) -> None:
    person = People(store).register(
        {"first_name": "Ada", "last_name": "Esempio"}, presidio="SAN-SIRO"
    )
    People(store).update(person["id"], {"phone": "333 000 1111"})
    change = store.query(
        "SELECT * FROM sync_outbox WHERE row_id = ? ORDER BY seq DESC", [person["id"]]
    )[0]
    assert change["op"] == "update"
    assert json.loads(change["data"])["phone"] == "+393330001111"
    assert json.loads(change["base"]) == {"phone": [person["hlc"], store.device_id]}


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE people SET first_name = 'x'",
        "UPDATE people SET first_name = 'x', hlc = hlc + 1",
        "DELETE FROM people",
        "INSERT INTO contacts (id, presidio, scope, created_at, updated_at, hlc, origin)"
        " VALUES ('x', 'SAN-SIRO', 'SAN-SIRO', 't', 't', 5, 'd')",
    ],
)
def test_raw_sql_cannot_escape_capture(store: Store, sql: str) -> None:
    People(store).register({"first_name": "Ada", "last_name": "Esempio"}, presidio="SAN-SIRO")
    # on the write connection (inside a transaction) the guard triggers refuse it…
    with pytest.raises(IntegrityError, match="casa_desk"), store.transaction():
        store.db.execute(sql)
    # …and outside a transaction store.db is a read-only connection: no write at all
    with pytest.raises(OperationalError, match="readonly"):
        store.db.execute(sql)
    assert store.query("SELECT first_name FROM people")[0]["first_name"] == "Ada"


def test_failed_transaction_leaves_neither_row_nor_outbox(store: Store) -> None:
    outbox = store.pending_changes()
    with pytest.raises(RuntimeError), store.transaction() as journal:
        journal.insert("people", {"first_name": "Ada", "last_name": "Esempio"}, presidio="SAN-SIRO")
        raise RuntimeError("crash mid-write")
    assert store.pending_changes() == outbox
    assert store.query("SELECT count(*) AS n FROM people")[0]["n"] == 0


def test_a_transform_migration_cannot_switch_capture_off(tmp_path: Path, monkeypatch) -> None:
    """sqlite-utils transform() drops triggers; the store restores them after migrating."""
    path = tmp_path / "s.sqlite"
    Store.open(path, create=True).close()

    @schema.migrations(name="m999_test_transform_people")
    def _transform(db):  # a migration an engineer might plausibly write
        db["people"].transform(types={"civic": str})

    try:
        with Store.open(path) as store:
            assert schema.missing_guards(store.db) == []
            assert list((tmp_path / "backups").glob("s-before-migration-*.sqlite"))
            with pytest.raises(IntegrityError, match="casa_desk"), store.transaction():
                store.db.execute(
                    "INSERT INTO people (id, presidio, scope, created_at, updated_at, hlc,"
                    " origin) VALUES ('x', 'SAN-SIRO', 'shared', 't', 't', 5, 'd')"
                )
            People(store).register(
                {"first_name": "Ada", "last_name": "Esempio"}, presidio="SAN-SIRO"
            )
            assert uncaptured(store) == []
            # the search index still follows the table after the rebuild
            assert (
                store.query(
                    "SELECT count(*) AS n FROM people_fts WHERE people_fts MATCH 'esempio'"
                )[0]["n"]
                == 1
            )
    finally:
        schema.migrations._migrations.pop()  # noqa: SLF001 - unregister the test migration
