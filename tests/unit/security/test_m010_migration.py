"""m010_security from the schema before it, with data in it."""

from __future__ import annotations

from pathlib import Path

from old_schema import revert_m010

from casa_desk.models.ids import stable_id
from casa_desk.store.consents import Consents, referral_purpose
from casa_desk.store.contacts import Contacts
from casa_desk.store.db import Store
from casa_desk.store.people import People
from casa_desk.store.referrals import Referrals

ANTIVIOLENZA = stable_id("services", "1522")


def test_m010_marks_riservato_people_and_withdraws_the_default_permission(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite"
    with Store.open(path, create=True) as store:
        store.set_meta("presidio", "SAN-SIRO")
        people = People(store)
        ids = {
            name: people.register({"last_name": name, "first_name": "X"}, presidio="SAN-SIRO")["id"]
            for name in ("Contatto", "Invio", "Doppione", "Sopravvissuto", "Nessuno")
        }
        contacts = Contacts(store)
        contacts.log(
            {"person_id": ids["Contatto"], "category": "salute", "summary": "s"},
            presidio="SAN-SIRO",
            operator="op",
        )
        contacts.log(
            {"person_id": ids["Nessuno"], "category": "manutenzione", "summary": "m"},
            presidio="SAN-SIRO",
            operator="op",
        )
        contacts.log(
            {"person_id": ids["Doppione"], "category": "violenza_domestica", "summary": "v"},
            presidio="SAN-SIRO",
            operator="op",
        )
        Consents(store).give(
            ids["Invio"], referral_purpose(ANTIVIOLENZA), text="ok", presidio="SAN-SIRO",
            operator="op",
        )  # fmt: skip
        Referrals(store).create(
            person_id=ids["Invio"], service_id=ANTIVIOLENZA, reason="r", presidio="SAN-SIRO",
            by="op",
        )  # fmt: skip
        with store.transaction():
            store.db.execute(
                "INSERT INTO users (id, username, full_name, role, presidio, may_see_sensitive,"
                " active, created_at) VALUES ('u', 'op', 'Op', 'operatore', 'SAN-SIRO', 1, 1,"
                " 'x')"
            )
        revert_m010(store)
        # merged while the old version had no triggers for it
        people.merge(ids["Doppione"], ids["Sopravvissuto"])
    with Store.open(path) as store:
        restricted = {
            r["person_id"] for r in store.query("SELECT person_id FROM people_restricted")
        }
        assert restricted == {ids["Contatto"], ids["Invio"], ids["Doppione"], ids["Sopravvissuto"]}
        assert store.query("SELECT may_see_sensitive, must_change_password FROM users") == [
            {"may_see_sensitive": 0, "must_change_password": 0}
        ]
        # from now on the triggers keep it: a new sensitive contact marks its person
        Contacts(store).log(
            {"person_id": ids["Nessuno"], "category": "salute", "summary": "s"},
            presidio="SAN-SIRO",
            operator="op",
        )
        assert store.query(
            "SELECT automatic, by_hand FROM people_restricted WHERE person_id = ?",
            [ids["Nessuno"]],
        ) == [{"automatic": 1, "by_hand": 0}]
        names = {r["name"] for r in store.query("SELECT name FROM sqlite_master")}
        assert {"audit_log_at", "audit_log_who", "audit_log_action"} <= names
