"""Issue 11's migrations (m011…), each applied to a store of the previous schema with data."""

from __future__ import annotations

from pathlib import Path

from casa_desk.store.consents import Consents, referral_purpose
from casa_desk.store.db import Store
from casa_desk.store.directory import Directory
from casa_desk.store.people import People
from casa_desk.store.referrals import Referrals


def _sent(store: Store) -> dict:
    ada = People(store).register({"first_name": "Ada", "last_name": "Prima"}, presidio="SAN-SIRO")
    service = Directory(store).save_service({"name": "Sportello lavoro", "kind": "lavoro"})
    Consents(store).give(
        ada["id"], referral_purpose(service["id"]), text="Sì", presidio="SAN-SIRO", operator="op"
    )
    referral = Referrals(store).create(
        person_id=ada["id"], service_id=service["id"], reason="Lavoro", presidio="SAN-SIRO", by="op"
    )
    Referrals(store).step(referral["id"], "sent", by="op")
    return referral


def test_m011_adds_the_held_columns_and_keeps_the_statuses(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    store = Store.open(path, create=True)
    referral = _sent(store)
    with store.transaction():
        store.db.execute("ALTER TABLE referral_status DROP COLUMN held")
        store.db.execute("ALTER TABLE referral_status DROP COLUMN held_reason")
        store.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm011_rights_consent_hold'")
    store.close()
    store = Store.open(path)
    assert Referrals(store).status(referral["id"]) == "inviata"
    row = Referrals(store).list()[0]
    assert (row["id"], row["held"], row["held_reason"]) == (referral["id"], 0, None)
    store.close()


def test_m012_adds_anonymised_on_and_the_scrub_flag_and_keeps_the_people(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    store = Store.open(path, create=True)
    referral = _sent(store)
    with store.transaction():
        store.db.execute("DROP INDEX people_anonymised")
        store.db.execute("ALTER TABLE people DROP COLUMN anonymised_on")
        store.db.execute("DROP TABLE casa_scrub")
        store.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm012_rights_anonymised'")
    store.close()
    store = Store.open(path)
    person = store.query("SELECT * FROM people")[0]
    assert (person["last_name"], person["anonymised_on"]) == ("Prima", None)
    # The guards are back with the scrub flag: an erasure works on the migrated store.
    from datetime import date

    from casa_desk.models.vocab import AuditAction
    from casa_desk.store import retention

    retention.anonymise(
        store, person["id"], on=date(2026, 11, 30), who="op", action=AuditAction.ERASED
    )
    assert store.query("SELECT last_name, anonymised_on FROM people") == [
        {"last_name": None, "anonymised_on": "2026-11-30"}
    ]
    assert store.query("SELECT reason FROM referrals WHERE id = ?", [referral["id"]]) == [
        {"reason": None}
    ]
    store.close()
