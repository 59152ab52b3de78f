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
